// Parses RSS 2.0, RSS 1.0 (RDF) and Atom feeds (htmlparser2 in xmlMode) into one document per
// item/entry; HTML inside descriptions becomes text through html-text.ts.
// It does not fetch feeds or follow item links to the full article.

import { DomUtils, parseDocument } from 'htmlparser2';
import { attr, childElements, tagName, textOf, type DomDocument, type DomElement } from './dom.js';
import { domToText, htmlToText, looksLikeHtml } from './html-text.js';
import { boundedId } from './ids.js';
import type { IngestedDocument, ParseOptions } from './types.js';
import { collapseWhitespace } from './whitespace.js';
import { MAX_MARKUP_DEPTH, flattenDeepMarkup } from './markup-depth.js';

/** Options of the feed parser. */
export type FeedOptions = ParseOptions;

/** The documents of a feed, and which dialect it was (`unknown`: no rss/feed/rdf root found). */
export interface FeedParseResult {
  kind: 'rss' | 'atom' | 'rdf' | 'unknown';
  /** The feed's own title (also each document's `source` when the item names none). */
  title?: string;
  documents: IngestedDocument[];
}

/**
 * Parses an RSS or Atom feed. Per item: title; date from pubDate / published / updated / dc:date
 * (absent when the feed has none); body from content:encoded / content, else description / summary,
 * as text; `url` from link (Atom: rel=alternate); `category` as an array; id from guid / Atom id,
 * else the link, else `<idBase>#<n>` (one longer than the index takes: a prefix and a hash of it).
 */
export function parseFeed(xml: string, options: FeedOptions = {}): FeedParseResult {
  const dom = parseDocument(flattenDeepMarkup(xml, MAX_MARKUP_DEPTH, true), { xmlMode: true });
  const root = feedRoot(dom);
  if (root === undefined) return { kind: 'unknown', documents: [] };
  const kind = rootKind(root);
  // RSS 2.0 nests items in <channel>; RSS 1.0 puts them beside it; Atom has no channel.
  const channel = kind === 'atom' ? root : (childElements(root).find((el) => tagName(el) === 'channel') ?? root);
  const feedTitle = plainText(child(channel, 'title'));
  const items =
    kind === 'atom'
      ? childElements(root).filter((el) => tagName(el) === 'entry')
      : [...childElements(channel), ...(channel === root ? [] : childElements(root))].filter((el) => tagName(el) === 'item');

  const idBase = options.idBase ?? 'doc';
  const documents: IngestedDocument[] = [];
  for (let n = 0; n < items.length; n++) {
    const item = items[n] as DomElement;
    const doc = kind === 'atom' ? atomEntry(item) : rssItem(item);
    doc.id = boundedId(doc.id.length > 0 ? doc.id : (doc.url ?? `${idBase}#${n + 1}`));
    if (doc.source === undefined && feedTitle.length > 0) doc.source = feedTitle;
    documents.push(doc);
  }
  const result: FeedParseResult = { kind, documents };
  if (feedTitle.length > 0) result.title = feedTitle;
  return result;
}

function feedRoot(dom: DomDocument): DomElement | undefined {
  for (const el of childElements(dom)) {
    const name = tagName(el);
    if (name === 'rss' || name === 'feed' || name === 'rdf:rdf' || tagName(el, true) === 'rdf') return el;
  }
  return undefined;
}

function rootKind(root: DomElement): FeedParseResult['kind'] {
  const name = tagName(root);
  return name === 'rss' ? 'rss' : name === 'feed' ? 'atom' : 'rdf';
}

function rssItem(item: DomElement): IngestedDocument {
  const doc: IngestedDocument = { id: plainText(child(item, 'guid')), title: titleText(child(item, 'title')), body: '' };
  doc.body = bodyText(child(item, 'content:encoded') ?? child(item, 'content')) || bodyText(child(item, 'description'));
  const date = plainText(child(item, 'pubdate') ?? child(item, 'dc:date') ?? child(item, 'published') ?? child(item, 'updated'));
  if (date.length > 0) doc.date = date;
  const linkEl = child(item, 'link');
  // Some feeds write RSS links Atom-style (`<link href="…"/>`).
  const link = plainText(linkEl) || (linkEl === undefined ? '' : (attr(linkEl, 'href') ?? ''));
  if (link.length > 0) doc.url = link;
  const author = plainText(child(item, 'dc:creator') ?? child(item, 'author'));
  if (author.length > 0) doc.author = author;
  const source = plainText(child(item, 'source'));
  if (source.length > 0) doc.source = source;
  const categories = children(item, 'category').concat(children(item, 'dc:subject')).map(plainText);
  setCategories(doc, categories);
  return doc;
}

function atomEntry(entry: DomElement): IngestedDocument {
  const doc: IngestedDocument = { id: plainText(child(entry, 'id')), title: titleText(child(entry, 'title')), body: '' };
  doc.body = bodyText(child(entry, 'content')) || bodyText(child(entry, 'summary'));
  const date = plainText(child(entry, 'published') ?? child(entry, 'updated') ?? child(entry, 'dc:date'));
  if (date.length > 0) doc.date = date;
  const links = children(entry, 'link');
  const alternate = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  const href = alternate === undefined ? undefined : attr(alternate, 'href');
  if (href !== undefined) doc.url = href;
  const authors = children(entry, 'author').map((a) => plainText(child(a, 'name') ?? a)).filter((a) => a.length > 0);
  if (authors.length > 0) doc.author = authors.join(', ');
  setCategories(doc, children(entry, 'category').map((c) => attr(c, 'term') ?? attr(c, 'label') ?? plainText(c)));
  return doc;
}

function setCategories(doc: IngestedDocument, values: readonly string[]): void {
  const unique = [...new Set(values.map((v) => collapseWhitespace(v)).filter((v) => v.length > 0))];
  if (unique.length > 0) doc.category = unique;
}

/** First direct child with this (lower-case, prefixed) name. */
function child(el: DomElement, name: string): DomElement | undefined {
  for (const c of childElements(el)) if (tagName(c) === name) return c;
  return undefined;
}

function children(el: DomElement, name: string): DomElement[] {
  return childElements(el).filter((c) => tagName(c) === name);
}

function plainText(el: DomElement | undefined): string {
  return el === undefined ? '' : collapseWhitespace(textOf(el));
}

/** Titles may be escaped HTML (`type="html"`, or RSS practice): markup and entities resolved. */
function titleText(el: DomElement | undefined): string {
  const raw = el === undefined ? '' : textOf(el);
  return collapseWhitespace(looksLikeHtml(raw) ? htmlToText(raw) : raw);
}

/**
 * Item text: escaped HTML (the XML parser already unescaped it, or it sat in CDATA) is parsed as
 * HTML; inline XHTML (Atom `type="xhtml"`) is walked as it stands.
 */
function bodyText(el: DomElement | undefined): string {
  if (el === undefined) return '';
  // Elements inside are markup to walk; `type="xhtml"` with no elements (its markup in CDATA, which
  // the XML parser leaves as text) is escaped HTML like any other: walked, it came out as raw tags.
  if (el.children.some((c) => DomUtils.isTag(c))) return domToText(el.children);
  const raw = textOf(el);
  return looksLikeHtml(raw) ? htmlToText(raw) : paragraphs(raw);
}

/** Plain text keeps its blank-line paragraph breaks; other whitespace collapses. */
function paragraphs(raw: string): string {
  return raw
    .split(/\n\s*\n/)
    .map((p) => collapseWhitespace(p))
    .filter((p) => p.length > 0)
    .join('\n\n');
}
