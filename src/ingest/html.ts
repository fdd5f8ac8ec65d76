// Parses one HTML news page: title, date, author, url, source and category from the page's
// metadata, and the article text through html-article.ts. Uses htmlparser2: fast, tiny, forgiving
// with broken HTML, and it also parses XML feeds, so one parser serves pages and feeds (parse5 is
// spec-exact but larger; cheerio wraps either). It does not fetch pages or decode bytes.

import { DomUtils, parseDocument } from 'htmlparser2';
import { findDate } from './date-text.js';
import { allElements, attr, tagName, visibleTextOf, type DomDocument, type DomElement, type DomNode } from './dom.js';
import { articleText, findArticle, type ArticleScope } from './html-article.js';
import { readJsonLd, type JsonLdArticle } from './json-ld.js';
import type { IngestedDocument, ParseOptions } from './types.js';
import { collapseWhitespace } from './whitespace.js';
import { flattenDeepMarkup } from './markup-depth.js';

/** Options of the HTML page parser. */
export type HtmlOptions = ParseOptions;

/** Publication-date metas, most specific first (keys are `property`, `name` or `itemprop`, lower case). */
const DATE_METAS = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'published_time',
  'pubdate', 'publishdate', 'publish_date', 'publish-date', 'article.published', 'date',
  'dc.date', 'dc.date.issued', 'dc.date.created', 'dcterms.date', 'dcterms.issued', 'dcterms.created',
  'sailthru.date', 'parsely-pub-date', 'citation_publication_date', 'originalpublicationdate',
];
/** Used only when no publication date is found anywhere: a modification date beats none. */
const MODIFIED_METAS = ['article:modified_time', 'og:updated_time', 'datemodified', 'dc.date.modified', 'last-modified'];
/** Site-name metas, most specific first. */
const SITE_METAS = ['og:site_name', 'sitename', 'site_name', 'application-name'];
/** Author metas, most specific first (values that are URLs, like some article:author, are skipped). */
const AUTHOR_METAS = ['author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author'];
/** How far past the title a visible date may sit (characters of text). */
const VISIBLE_DATE_WINDOW = 400;
/** Title separators before a site-name suffix, in the order they are tried. */
const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' » ', ' / '];
/** Elements whose text no reader sees. */
const NON_TEXT = new Set(['script', 'style', 'noscript', 'template', 'title', 'head']);

/**
 * Parses one HTML news page. Metadata (og:, article:, Dublin Core, JSON-LD, <time>) is preferred
 * over text found on the page; the body is the article element (else main, else the element with
 * most paragraph text) with navigation, share bars, related links and scripts removed.
 * Broken or truncated HTML yields whatever text it has.
 */
export function parseHtml(html: string, options: HtmlOptions = {}): IngestedDocument {
  const dom = parseDocument(flattenDeepMarkup(html));
  const elements = allElements(dom);
  const metas = readMetas(elements);
  const ld = readJsonLd(elements);
  const scope = findArticle(dom, elements);

  const siteName = firstMeta(metas, SITE_METAS) ?? ld.publisher;
  const h1 = pickH1(scope, elements, siteName);
  const title = pickTitle(metas, h1, elements, ld, siteName);

  const doc: IngestedDocument = { id: options.idBase ?? 'doc', title, body: '' };
  const date = pickDate(metas, ld, dom, scope, h1);
  if (date !== undefined) doc.date = date;
  const author = pickAuthor(metas, ld, elements);
  if (author !== undefined) doc.author = author;
  const url = canonicalUrl(elements) ?? metas.get('og:url') ?? ld.url;
  if (url !== undefined) doc.url = url;
  if (siteName !== undefined) doc.source = siteName;
  const category = metas.get('article:section') ?? ld.section;
  if (category !== undefined) doc.category = category;

  // Last: body extraction removes chrome from the DOM that the picks above still needed.
  const { body, meta } = articleText(scope, h1, title);
  doc.body = body;
  if (doc.source === undefined && meta.source !== undefined) doc.source = meta.source;
  if (doc.author === undefined && meta.author !== undefined) doc.author = meta.author;
  return doc;
}

/**
 * Removes a site-name suffix or prefix (` - SCODA`, ` | Site`, `Site :: `) from a page title: when
 * it matches the site name, or, with no site name known, when the suffix is short and the rest is not.
 */
export function trimTitleSuffix(title: string, siteName?: string): string {
  const site = siteName?.toLowerCase();
  for (const sep of TITLE_SEPARATORS) {
    const last = title.lastIndexOf(sep);
    if (last > 0) {
      const head = title.slice(0, last).trim();
      const tail = title.slice(last + sep.length).trim();
      if (site !== undefined ? sameSite(tail, site) : isShortSuffix(tail, head)) return head;
    }
    const first = title.indexOf(sep);
    if (first > 0 && site !== undefined && sameSite(title.slice(0, first), site)) {
      return title.slice(first + sep.length).trim();
    }
  }
  return title;
}

function sameSite(part: string, site: string): boolean {
  const p = part.trim().toLowerCase();
  return p.length > 0 && (p === site || site.includes(p) || p.includes(site));
}

function isShortSuffix(tail: string, head: string): boolean {
  const words = tail.split(/\s+/).length;
  return tail.length > 0 && tail.length <= 40 && words <= 4 && head.split(/\s+/).length > words;
}

/** `<meta>` values by lower-case `property` / `name` / `itemprop` / `http-equiv`; first one wins. */
function readMetas(elements: readonly DomElement[]): Map<string, string> {
  const metas = new Map<string, string>();
  for (const el of elements) {
    if (tagName(el) !== 'meta') continue;
    const content = attr(el, 'content');
    if (content === undefined) continue;
    for (const keyAttr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = attr(el, keyAttr)?.toLowerCase();
      if (key !== undefined && !metas.has(key)) metas.set(key, collapseWhitespace(content));
    }
  }
  return metas;
}

function firstMeta(metas: Map<string, string>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = metas.get(key);
    if (value !== undefined && value.length > 0) return value;
  }
  return undefined;
}

/** The first usable <h1>: inside the article first, then anywhere; not the site logo. */
function pickH1(scope: ArticleScope, elements: readonly DomElement[], siteName: string | undefined): DomElement | undefined {
  for (const list of scope.elements === elements ? [elements] : [scope.elements, elements]) {
    for (const h of list) {
      if (tagName(h) !== 'h1') continue;
      const text = collapseWhitespace(visibleTextOf(h));
      if (text.length > 0 && (siteName === undefined || text.toLowerCase() !== siteName.toLowerCase())) return h;
    }
  }
  return undefined;
}

function pickTitle(
  metas: Map<string, string>,
  h1: DomElement | undefined,
  elements: readonly DomElement[],
  ld: JsonLdArticle,
  siteName: string | undefined,
): string {
  const og = firstMeta(metas, ['og:title', 'twitter:title']);
  if (og !== undefined) return trimTitleSuffix(og, siteName);
  if (h1 !== undefined) return collapseWhitespace(visibleTextOf(h1));
  const titleEl = elements.find((el) => tagName(el) === 'title');
  const pageTitle = titleEl === undefined ? '' : collapseWhitespace(visibleTextOf(titleEl));
  if (pageTitle.length === 0) return ld.headline ?? '';
  const trimmed = trimTitleSuffix(pageTitle, siteName);
  return trimmed === pageTitle ? trimByPageText(pageTitle, elements) : trimmed;
}

/**
 * A long suffix (` - Jiaozhou Municipal Government Portal Site`) is still a suffix when the page
 * prints the headline without it and never with it.
 */
function trimByPageText(pageTitle: string, elements: readonly DomElement[]): string {
  const body = elements.find((el) => tagName(el) === 'body');
  if (body === undefined) return pageTitle;
  const text = collapseWhitespace(visibleTextOf(body));
  if (text.includes(pageTitle)) return pageTitle;
  for (const sep of TITLE_SEPARATORS) {
    const last = pageTitle.lastIndexOf(sep);
    if (last <= 0) continue;
    const head = pageTitle.slice(0, last).trim();
    if (text.includes(head)) return head;
  }
  return pageTitle;
}

/**
 * Metas first (the CMS wrote them for machines), then JSON-LD and itemprop, then <time datetime>
 * in the article (a <time> elsewhere often dates a related link or a comment), then a date printed
 * near the title, and only then a modification date.
 */
function pickDate(
  metas: Map<string, string>,
  ld: JsonLdArticle,
  dom: DomDocument,
  scope: ArticleScope,
  h1: DomElement | undefined,
): string | undefined {
  const meta = firstMeta(metas, DATE_METAS);
  if (meta !== undefined) return meta;
  if (ld.datePublished !== undefined) return ld.datePublished;
  const all = allElements(dom);
  const marked = all.find((el) => attr(el, 'itemprop')?.toLowerCase() === 'datepublished');
  if (marked !== undefined) {
    const value = attr(marked, 'datetime') ?? attr(marked, 'content') ?? collapseWhitespace(visibleTextOf(marked));
    if (value.length > 0) return value;
  }
  for (const list of [scope.elements, all]) {
    for (const t of list) {
      const value = tagName(t) === 'time' ? attr(t, 'datetime') : undefined;
      if (value !== undefined) return value;
    }
  }
  const visible = findDate(textNearTitle(dom, scope.container, h1));
  if (visible !== undefined) return visible.value;
  return firstMeta(metas, MODIFIED_METAS) ?? ld.dateModified;
}

/**
 * Text where a page prints its date: right after the <h1>, or, with no <h1>, just before and at
 * the start of the article container (CMS templates put "date | Source" above the text).
 * One document-order walk with an explicit stack, noting where the anchor's text starts and ends.
 */
function textNearTitle(dom: DomDocument, container: DomElement | DomDocument, h1: DomElement | undefined): string {
  const anchor = h1 ?? (container === dom ? undefined : container);
  const texts: string[] = [];
  let anchorStart = 0;
  let anchorEnd = 0;
  const ANCHOR_END = Symbol('anchor-end');
  const stack: (DomNode | DomDocument | typeof ANCHOR_END)[] = [dom];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode | DomDocument | typeof ANCHOR_END;
    if (node === ANCHOR_END) {
      anchorEnd = texts.length;
      continue;
    }
    if (DomUtils.isText(node)) {
      texts.push(node.data);
      continue;
    }
    if (DomUtils.isTag(node) && NON_TEXT.has(tagName(node))) continue;
    if (node === anchor) {
      anchorStart = texts.length;
      stack.push(ANCHOR_END);
    }
    if (DomUtils.hasChildren(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as DomNode);
    }
  }
  let before = '';
  if (h1 === undefined) {
    for (let j = anchorStart - 1; j >= 0 && before.length < VISIBLE_DATE_WINDOW / 2; j--) before = `${texts[j]} ${before}`;
  }
  let after = '';
  for (let i = h1 === undefined ? anchorStart : anchorEnd; i < texts.length && after.length < VISIBLE_DATE_WINDOW; i++) {
    after += ` ${texts[i]}`;
  }
  return collapseWhitespace(`${before} ${after}`);
}

function pickAuthor(metas: Map<string, string>, ld: JsonLdArticle, elements: readonly DomElement[]): string | undefined {
  for (const key of AUTHOR_METAS) {
    const value = metas.get(key);
    if (value !== undefined && value.length > 0 && !/^https?:\/\//i.test(value)) return value.replace(/^by\s+/i, '');
  }
  if (ld.author !== undefined) return ld.author;
  const rel = elements.find((el) => attr(el, 'rel')?.toLowerCase() === 'author' && tagName(el) !== 'link');
  const text = rel === undefined ? '' : collapseWhitespace(visibleTextOf(rel));
  return text.length > 0 ? text : undefined;
}

function canonicalUrl(elements: readonly DomElement[]): string | undefined {
  const link = elements.find(
    (el) => tagName(el) === 'link' && (attr(el, 'rel')?.toLowerCase().split(/\s+/).includes('canonical') ?? false),
  );
  return link === undefined ? undefined : attr(link, 'href');
}
