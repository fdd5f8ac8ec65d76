// Reads the article facts a page states in JSON-LD (<script type="application/ld+json">), tolerating
// arrays, @graph, several scripts and invalid JSON. It does not validate schema.org, only reads it.

import { attr, tagName, textOf, type DomElement } from './dom.js';
import { cleanText, collapseWhitespace } from './whitespace.js';

/** The JSON-LD facts ingest uses; every one is optional. */
export interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  author?: string;
  publisher?: string;
  url?: string;
  section?: string;
}

type JsonObject = { [key: string]: unknown };

/** Types that describe the page's own article, preferred over WebSite/Organization/Breadcrumb nodes. */
const ARTICLE_TYPE = /article|posting|report|story|webpage/i;

/** Article facts from every JSON-LD script among the page's elements, the article-typed node first. */
export function readJsonLd(elements: readonly DomElement[]): JsonLdArticle {
  const nodes: JsonObject[] = [];
  const rawTexts: string[] = [];
  for (const script of elements) {
    if (tagName(script) !== 'script' || attr(script, 'type')?.toLowerCase() !== 'application/ld+json') continue;
    const raw = textOf(script);
    rawTexts.push(raw);
    const parsed = parseLenient(raw);
    if (parsed !== undefined) flatten(parsed, nodes, 0);
  }
  nodes.sort((a, b) => Number(isArticle(b)) - Number(isArticle(a)));

  const out: JsonLdArticle = {};
  for (const node of nodes) {
    setOnce(out, 'headline', text(node['headline']) ?? text(node['name']));
    setOnce(out, 'datePublished', text(node['datePublished']) ?? text(node['dateCreated']));
    setOnce(out, 'dateModified', text(node['dateModified']));
    setOnce(out, 'author', personName(node['author']) ?? personName(node['creator']));
    setOnce(out, 'publisher', personName(node['publisher']));
    setOnce(out, 'url', text(node['url']) ?? idOf(node['mainEntityOfPage']));
    setOnce(out, 'section', text(node['articleSection']) ?? firstText(node['articleSection']));
    if (out.datePublished !== undefined && isArticle(node)) break;
  }
  if (out.datePublished === undefined) {
    // JSON too broken to parse: the date is still worth a targeted look.
    for (const raw of rawTexts) {
      const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(raw);
      if (m?.[1] !== undefined) {
        out.datePublished = m[1].trim();
        break;
      }
    }
  }
  return out;
}

/** JSON.parse, retried once without the usual CMS damage (HTML comments, CDATA, trailing commas). */
function parseLenient(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    const repaired = raw
      .replace(/^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/g, '')
      .replace(/,\s*([}\]])/g, '$1')
      .replace(/[\u0000-\u001f]+/g, ' ');
    try {
      return JSON.parse(repaired);
    } catch {
      return undefined;
    }
  }
}

/** Collects objects from arrays and @graph (depth-capped: JSON-LD is shallow, hostile input is not). */
function flatten(value: unknown, out: JsonObject[], depth: number): void {
  if (depth > 8) return;
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out, depth + 1);
  } else if (isObject(value)) {
    out.push(value);
    if (value['@graph'] !== undefined) flatten(value['@graph'], out, depth + 1);
  }
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isArticle(node: JsonObject): boolean {
  const type = node['@type'];
  if (typeof type === 'string') return ARTICLE_TYPE.test(type);
  return Array.isArray(type) && type.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
}

/** A string value, cleaned as the JSON reader cleans one (a `\ud800` escape is U+FFFD there too). */
function text(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = collapseWhitespace(cleanText(v));
  return s.length > 0 ? s : undefined;
}

function firstText(v: unknown): string | undefined {
  return Array.isArray(v) ? text(v[0]) : undefined;
}

function idOf(v: unknown): string | undefined {
  return text(v) ?? (isObject(v) ? text(v['@id']) ?? text(v['url']) : undefined);
}

/** `"Jane"`, `{name: "Jane"}` or a list of either → `Jane, John`. */
function personName(v: unknown): string | undefined {
  if (typeof v === 'string') return text(v);
  if (isObject(v)) return text(v['name']);
  if (Array.isArray(v)) {
    const names: string[] = [];
    for (const item of v) {
      const name = Array.isArray(item) ? undefined : personName(item);
      if (name !== undefined) names.push(name);
    }
    return names.length > 0 ? names.join(', ') : undefined;
  }
  return undefined;
}

function setOnce<K extends keyof JsonLdArticle>(out: JsonLdArticle, key: K, value: JsonLdArticle[K] | undefined): void {
  if (out[key] === undefined && value !== undefined) out[key] = value;
}
