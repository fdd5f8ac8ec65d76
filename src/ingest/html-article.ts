// Finds the article inside an HTML page and turns it into body text: picks the container, strips
// page chrome (nav, share bars, related links, forms, scripts) and the headline/byline block.
// It reads no metadata (html.ts does) and works on a DOM it is allowed to mutate.

import { DomUtils } from 'htmlparser2';
import { parseCmsMetaLine, type CmsMeta } from './cms-text.js';
import { allElements, attr, tagName, visibleTextLengths, visibleTextOf, type DomDocument, type DomElement, type DomNode } from './dom.js';
import { domToText } from './html-text.js';
import { collapseWhitespace } from './whitespace.js';

/** The part of a page that holds the article, and what body extraction needs to know about it. */
export interface ArticleScope {
  container: DomElement | DomDocument;
  /** Elements under the container, in document order. */
  elements: readonly DomElement[];
  /** Paragraph text length of every element of the page. */
  paragraphText: ReadonlyMap<DomNode | DomDocument, number>;
}

/** Page chrome by tag: never article text. */
const CHROME_TAGS = new Set([
  'nav', 'header', 'footer', 'aside', 'form', 'script', 'style', 'noscript', 'iframe', 'template',
  'svg', 'button', 'select', 'textarea', 'input', 'dialog', 'menu',
]);
/** Page chrome by ARIA role. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'menu']);
/** Page chrome by class or id word (`share-buttons`, `related_posts`, `comments`, `prev-next`). */
const CHROME_CLASS =
  /(?:^|[\s_-])(?:share|sharing|social|related|recommend(?:ed|ations)?|comments?|tags|paywall|prev|next|previous|crumbs|advert(?:isement)?|ads?|sponsor(?:ed)?|breadcrumbs?|sidebar|newsletter|promo|subscribe|subscription|cookies?|consent|popup|modal|nav|navbar|navigation|menu|footer|masthead|pagination|pager|toolbar|disqus)(?:$|[\s_-])/i;
/** A chrome-looking element holding at least this share of the article's paragraph text is kept. */
const KEEP_SHARE = 0.5;
/** Text before the headline inside the article (kicker, section label) is dropped when shorter than this. */
const MAX_PRE_HEADLINE = 200;
/** Leading body paragraphs inspected for a byline or a "date | Source: …" line. */
const MAX_LEADING_META = 3;
// "By Jane Roe", "By Jane Roe and John Doe": capitalised names only, so "By noon, …" stays body.
// No `i` flag: with it, \p{Lu} would match lower case too.
const BYLINE = /^(?:[Bb]y|BY)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}.'’-]*){0,4})$/u;

/**
 * The article container: the <article> with most paragraph text, else an articleBody / <main> /
 * role=main element, else the block whose paragraphs hold most text, else <body>.
 */
export function findArticle(dom: DomDocument, elements: readonly DomElement[]): ArticleScope {
  const lengths = visibleTextLengths(dom);
  const paragraphText = measureParagraphs(dom, lengths);
  const container = pickContainer(dom, elements, paragraphText, lengths);
  return { container, elements: container === dom ? elements : allElements(container), paragraphText };
}

/**
 * The article's text with chrome removed (mutates the DOM), the headline and the short kicker above
 * it dropped, and the byline / "date | Source" paragraphs under it taken out; a labelled source or
 * a "By" byline found there is returned for the metadata that lacked it.
 */
export function articleText(scope: ArticleScope, h1: DomElement | undefined, title: string): { body: string; meta: CmsMeta } {
  removeChrome(scope, h1, title);
  return stripLeadingMeta(domToText(scope.container), title);
}

function pickContainer(
  dom: DomDocument,
  elements: readonly DomElement[],
  ptext: ReadonlyMap<DomNode | DomDocument, number>,
  lengths: ReadonlyMap<DomNode | DomDocument, number>,
): DomElement | DomDocument {
  const articles = elements.filter((el) => tagName(el) === 'article');
  if (articles.length > 0) return richest(articles, ptext, lengths);
  const byItemprop = elements.find((el) => attr(el, 'itemprop')?.toLowerCase() === 'articlebody');
  if (byItemprop !== undefined) return byItemprop;
  const main = elements.find((el) => tagName(el) === 'main') ?? elements.find((el) => attr(el, 'role') === 'main');
  if (main !== undefined) return main;
  return densestBlock(elements, lengths) ?? elements.find((el) => tagName(el) === 'body') ?? dom;
}

function richest(candidates: readonly DomElement[], ptext: ReadonlyMap<DomNode | DomDocument, number>, lengths: ReadonlyMap<DomNode | DomDocument, number>): DomElement {
  let best = candidates[0] as DomElement;
  let bestScore = -1;
  for (const el of candidates) {
    const score = ptext.get(el) || (lengths.get(el) ?? 0) / 4;
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Paragraph text of every element, summed children-before-parents over one pre-order list:
 * linear even for pathologically deep pages, unlike a subtree scan per element.
 */
function measureParagraphs(dom: DomDocument, lengths: ReadonlyMap<DomNode | DomDocument, number>): Map<DomNode | DomDocument, number> {
  const order = allElements(dom);
  const totals = new Map<DomNode | DomDocument, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i] as DomElement;
    const own = tagName(el) === 'p' ? (lengths.get(el) ?? 0) : (totals.get(el) ?? 0);
    totals.set(el, own);
    const parent = el.parent;
    if (parent !== null) totals.set(parent, (totals.get(parent) ?? 0) + own);
  }
  return totals;
}

/**
 * The element whose paragraphs hold the most text: each <p> credits its parent fully and its
 * grandparent half, so an article split over sibling divs still lands on their common parent.
 */
function densestBlock(elements: readonly DomElement[], lengths: ReadonlyMap<DomNode | DomDocument, number>): DomElement | undefined {
  const scores = new Map<DomElement, number>();
  for (const p of elements) {
    if (tagName(p) !== 'p') continue;
    const len = lengths.get(p) ?? 0;
    const parent = p.parent;
    if (len === 0 || parent === null || !DomUtils.isTag(parent)) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + len);
    const grand = parent.parent;
    if (grand !== null && DomUtils.isTag(grand)) scores.set(grand, (scores.get(grand) ?? 0) + len / 2);
  }
  let best: DomElement | undefined;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/** Strips chrome from the container in place, the headline, and the kicker above it. */
function removeChrome(scope: ArticleScope, h1: DomElement | undefined, title: string): void {
  const { container, paragraphText } = scope;
  const total = paragraphText.get(container) ?? 0;
  const doomed: DomElement[] = [];
  // Pre-order walk that does not descend into what it removes.
  const stack: DomNode[] = [...container.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (!DomUtils.isTag(node)) continue;
    if (isChrome(node) && !holdsArticle(node, total, paragraphText)) {
      doomed.push(node);
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as DomNode);
  }
  if (h1 !== undefined && isWithin(h1, container)) {
    const headline = collapseWhitespace(visibleTextOf(h1));
    if (title.length > 0 && headline.includes(title)) doomed.push(h1);
    doomed.push(...beforeHeadline(container, h1));
  }
  removeAll(doomed);
}

/**
 * Removes elements from the tree, each parent's children filtered once: one removal at a time is a
 * search and a splice of the siblings each, quadratic on a page of thousands of sibling <style>s
 * (1 MB took 3.8 s).
 */
function removeAll(doomed: readonly DomElement[]): void {
  if (doomed.length === 0) return;
  const gone = new Set<DomNode>(doomed);
  const parents = new Set<DomElement | DomDocument>();
  for (const el of doomed) if (el.parent !== null) parents.add(el.parent as DomElement | DomDocument);
  for (const parent of parents) {
    const kept = parent.children.filter((child) => !gone.has(child));
    for (let i = 0; i < kept.length; i++) {
      kept[i]!.prev = kept[i - 1] ?? null;
      kept[i]!.next = kept[i + 1] ?? null;
    }
    parent.children = kept;
  }
  for (const el of doomed) {
    el.parent = null;
    el.prev = null;
    el.next = null;
  }
}

function isChrome(el: DomElement): boolean {
  if (CHROME_TAGS.has(tagName(el))) return true;
  const role = attr(el, 'role')?.toLowerCase();
  if (role !== undefined && CHROME_ROLES.has(role)) return true;
  if (DomUtils.hasAttrib(el, 'hidden') || attr(el, 'aria-hidden') === 'true') return true;
  if (/display\s*:\s*none/i.test(attr(el, 'style') ?? '')) return true;
  const cls = attr(el, 'class');
  if (cls !== undefined && CHROME_CLASS.test(cls)) return true;
  const id = attr(el, 'id');
  return id !== undefined && CHROME_CLASS.test(id);
}

/** A wrapper that merely looks like chrome (`<form>` around an ASP.NET page, `.has-sidebar`) but holds the article. */
function holdsArticle(el: DomElement, total: number, ptext: ReadonlyMap<DomNode | DomDocument, number>): boolean {
  const name = tagName(el);
  if (name === 'script' || name === 'style' || name === 'noscript' || name === 'template') return false;
  return total > 0 && (ptext.get(el) ?? 0) >= total * KEEP_SHARE;
}

/**
 * The elements before the headline inside the article (a kicker, a section label), when they are
 * short: article text does not precede its headline.
 */
function beforeHeadline(container: DomElement | DomDocument, h1: DomElement): DomElement[] {
  const before: DomElement[] = [];
  let length = 0;
  let node: DomNode | DomDocument = h1;
  for (let parent = node.parent; parent !== null; parent = node.parent) {
    for (const sibling of parent.children) {
      if (sibling === node) break;
      if (!DomUtils.isTag(sibling)) continue;
      before.push(sibling);
      length += collapseWhitespace(visibleTextOf(sibling)).length;
    }
    if (parent === container) break;
    node = parent;
  }
  return length <= MAX_PRE_HEADLINE ? before : [];
}

function isWithin(node: DomNode, container: DomElement | DomDocument): boolean {
  for (let p = node.parent; p !== null; p = p.parent) if (p === container) return true;
  return false;
}

/**
 * Takes the headline, byline and "date | Source: …" paragraphs out of the first few paragraphs
 * (the facts come from metadata); a standfirst among them stays.
 */
function stripLeadingMeta(text: string, title: string): { body: string; meta: CmsMeta } {
  const meta: CmsMeta = {};
  const paragraphs = text.split('\n\n');
  const kept: string[] = [];
  for (let k = 0; k < paragraphs.length; k++) {
    const paragraph = paragraphs[k] as string;
    if (k >= MAX_LEADING_META) {
      kept.push(paragraph);
      continue;
    }
    if (paragraph === title) continue;
    const byline = BYLINE.exec(paragraph);
    if (byline?.[1] !== undefined) {
      meta.author ??= byline[1];
      continue;
    }
    const parsed = parseCmsMetaLine(paragraph.replace(/\n/g, ' '));
    if (parsed === undefined) {
      kept.push(paragraph);
      continue;
    }
    if (parsed.source !== undefined) meta.source ??= parsed.source;
  }
  return { body: kept.join('\n\n'), meta };
}
