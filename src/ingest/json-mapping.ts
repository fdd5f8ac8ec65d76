// Maps one JSON record to a document through candidate keys per field (dotted paths reach nested
// values), converting names, lists, epoch dates and HTML bodies on the way. It does not find
// records in a file (json.ts does) and does not guess a mapping from the data.

import { htmlToText } from './html-text.js';
import { boundedId } from './ids.js';
import type { IngestedDocument, IngestedFieldValue } from './types.js';
import { cleanText, collapseWhitespace } from './whitespace.js';

/** Candidate keys per document field, tried in order; the first present, non-empty one wins. */
export interface JsonFieldMapping {
  id: readonly string[];
  title: readonly string[];
  body: readonly string[];
  date: readonly string[];
  author: readonly string[];
  source: readonly string[];
  url: readonly string[];
  category: readonly string[];
}

/** The default mapping: the usual names in news dumps, scraper output and search-engine exports. */
export const DEFAULT_JSON_MAPPING: JsonFieldMapping = {
  id: ['id', '_id', 'guid', 'uuid', 'docid', 'doc_id', 'newid'],
  title: ['title', 'headline', 'name', 'subject'],
  // content_text / content_html / date_published: JSON Feed's item fields.
  body: ['body', 'content', 'text', 'article', 'articleBody', 'content_text', 'content_html', 'description', 'summary', 'abstract'],
  date: ['date', 'published', 'publishedAt', 'published_at', 'datePublished', 'date_published', 'pubDate', 'pub_date', 'created_at', 'timestamp', 'time'],
  author: ['author', 'authors', 'byline', 'creator', 'writer'],
  source: ['source', 'site', 'publisher', 'outlet', 'source_name'],
  url: ['url', 'link', 'href', 'permalink', 'canonical_url'],
  category: ['category', 'categories', 'section', 'tags', 'topics', 'keywords'],
};

/** Keys never copied as extra fields: they would reach Object.prototype machinery. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type JsonObject = { [key: string]: unknown };

/** What every record of one parse shares, computed once. */
export interface RecordContext {
  mapping: JsonFieldMapping;
  idBase: string;
  /** Keys never copied as extras; undefined when extras are off. */
  skipExtras: ReadonlySet<string> | undefined;
}

export function contextOf(mapping: Partial<JsonFieldMapping> | undefined, idBase: string | undefined, keepExtraFields: boolean | undefined): RecordContext {
  const full = { ...DEFAULT_JSON_MAPPING, ...mapping };
  // Every mapped key stays out of the extras, even when empty: an empty `date` must not come back.
  return { mapping: full, idBase: idBase ?? 'doc', skipExtras: (keepExtraFields ?? true) ? mappedKeys(full) : undefined };
}

/** One record → one document; `item` numbers records without an id in a multi-record file. */
export function toDocument(record: JsonObject, item: number, multi: boolean, ctx: RecordContext): IngestedDocument {
  const { mapping, idBase } = ctx;
  const id = pickString(record, mapping.id, ' ');
  const doc: IngestedDocument = {
    id: boundedId(id ?? (multi ? `${idBase}#${item}` : idBase)),
    title: pickString(record, mapping.title, ' ') ?? '',
    body: bodyOf(pickString(record, mapping.body, '\n\n') ?? ''),
  };
  const date = pickDate(record, mapping.date);
  if (date !== undefined) doc.date = date;
  for (const field of ['author', 'source', 'url'] as const) {
    const value = pickString(record, mapping[field], ', ');
    if (value !== undefined) doc[field] = value;
  }
  const category = pickCategory(record, mapping.category);
  if (category !== undefined) doc.category = category;
  if (ctx.skipExtras !== undefined) copyExtras(record, doc, ctx.skipExtras);
  return doc;
}

/** Bodies scraped from pages often keep their markup: it becomes paragraphs, not indexed tags. */
function bodyOf(raw: string): string {
  if (/<(?:p|br|div|li|h[1-6])\b[^>]*>/i.test(raw)) return htmlToText(raw);
  return raw;
}

/** The value at a key or dotted path (`author.name`, `_source.title`). */
export function pickFirst(record: JsonObject, keys: readonly string[]): unknown {
  for (const key of keys) {
    const v = valueAt(record, key);
    if (v === undefined || v === null || v === '') continue;
    return v;
  }
  return undefined;
}

/** The value under `key`, a dotted path reaching into nested objects. */
function valueAt(record: JsonObject, key: string): unknown {
  let v: unknown = Object.hasOwn(record, key) ? record[key] : undefined;
  if (v === undefined && key.includes('.')) {
    v = record;
    for (const part of key.split('.')) v = isObject(v) && Object.hasOwn(v, part) ? v[part] : undefined;
  }
  return v;
}

/**
 * Strings cleaned as every format's text is (lone surrogates, controls), numbers as digits, `{name}`
 * objects by name, lists joined with `sep`. Ids too: a feed's guid is cleaned alike, and JSON alone
 * can write a lone surrogate (a `\ud800` escape), which as raw UTF-8 bytes would have read as U+FFFD.
 */
function pickString(record: JsonObject, keys: readonly string[], sep: string): string | undefined {
  // Empty once cleaned (spaces, controls only) is absent: `{"body": " ", "content": "…"}` has a body.
  for (const key of keys) {
    const s = stringOf(valueAt(record, key), sep);
    if (s !== undefined && s.length > 0) return s;
  }
  return undefined;
}

/** `{name}` wrappers and lists are read this deep; past it a value is ignored (a 20,000-level chain overflowed the stack). */
const MAX_VALUE_DEPTH = 8;

function stringOf(v: unknown, sep: string, depth = 0): string | undefined {
  if (depth > MAX_VALUE_DEPTH) return undefined;
  if (typeof v === 'string') return sep === '\n\n' ? cleanText(v).trim() : collapseWhitespace(cleanText(v));
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    const parts: string[] = [];
    for (const item of v) {
      const s = Array.isArray(item) ? undefined : stringOf(item, sep, depth + 1);
      if (s !== undefined && s.length > 0) parts.push(s);
    }
    return parts.join(sep);
  }
  if (isObject(v)) return stringOf(v['name'] ?? v['value'] ?? v['text'], sep, depth + 1);
  return undefined;
}

/** Strings kept as written; epoch numbers (seconds or milliseconds) become ISO strings. */
function pickDate(record: JsonObject, keys: readonly string[]): string | undefined {
  const v = pickFirst(record, keys);
  if (typeof v === 'number' && Number.isFinite(v)) {
    // Below 1e11 an epoch value is seconds (1e11 ms is only 1973; 1e11 s is year 5138).
    const ms = Math.abs(v) < 1e11 ? v * 1000 : v;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  return stringOf(v, ' ') || undefined;
}

function pickCategory(record: JsonObject, keys: readonly string[]): string | string[] | undefined {
  const v = pickFirst(record, keys);
  if (Array.isArray(v)) {
    const list = v.map((x) => stringOf(x, ' ')).filter((x): x is string => x !== undefined && x.length > 0);
    return list.length > 0 ? list : undefined;
  }
  return stringOf(v, ' ') || undefined;
}

/** Top-level keys the mapping names (`author.name` names `author`). */
function mappedKeys(mapping: JsonFieldMapping): Set<string> {
  const keys = new Set<string>();
  for (const list of Object.values(mapping)) for (const key of list) keys.add(key.split('.')[0] as string);
  return keys;
}

function copyExtras(record: JsonObject, doc: IngestedDocument, skip: ReadonlySet<string>): void {
  for (const raw of Object.keys(record)) {
    // A key is a field name: cleaned as the values are (`"ke\ud800y\u0000"` is `ke\ufffdy`), and
    // one left empty, or cleaned into a mapped or unsafe name, is not copied.
    const key = cleanText(raw).trim();
    if (key.length === 0 || skip.has(raw) || skip.has(key) || UNSAFE_KEYS.has(key) || Object.hasOwn(doc, key)) continue;
    const value = extraValue(record[raw]);
    if (value !== undefined) doc[key] = value;
  }
}

/** Extras are document fields like any other: their strings are cleaned, their whitespace kept. */
function extraValue(v: unknown): IngestedFieldValue {
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  return isStringArray(v) ? v.map(cleanText) : undefined;
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** A JSON object (not null, not an array). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

