// DOM → plain text: block elements become paragraphs (`\n\n`), <br> a line break, whitespace
// collapsed. Shared by the HTML page parser, feeds and JSON bodies. It does not choose which part
// of a page is the article, nor remove page chrome: html.ts does that before calling here.

import { DomUtils, parseDocument } from 'htmlparser2';
import { tagName, type DomDocument, type DomNode } from './dom.js';
import { collapseWhitespace, isSpaceCode } from './whitespace.js';
import { flattenDeepMarkup } from './markup-depth.js';

/** Elements whose content is never reader-visible text. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'select', 'textarea', 'button', 'input', 'head', 'title', 'meta', 'link',
]);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'entry', 'item',
]);

/** Table cells stay on one line but must not glue their words together. */
const CELLS = new Set(['td', 'th']);

/** Marks the end of a block element on the walk stack. */
const BLOCK_END = Symbol('block-end');
const CELL_END = Symbol('cell-end');

/** Accumulates paragraphs; whitespace is normalised as text arrives. */
class TextBuilder {
  readonly #paragraphs: string[] = [];
  #current = '';
  #space = false;
  #breaks = 0;

  text(data: string): void {
    const n = data.length;
    if (n === 0) return;
    if (isSpaceCode(data.charCodeAt(0))) this.#space = true;
    const words = collapseWhitespace(data);
    if (words.length > 0) {
      if (this.#breaks >= 2) this.block();
      else if (this.#breaks === 1 && this.#current.length > 0) {
        this.#current += '\n';
        this.#space = false;
      }
      this.#breaks = 0;
      if (this.#space && this.#current.length > 0 && !this.#current.endsWith('\n')) this.#current += ' ';
      this.#current += words;
      this.#space = false;
    }
    if (isSpaceCode(data.charCodeAt(n - 1))) this.#space = true;
  }

  /** A <br>: one is a line break, two in a row end the paragraph (a common CMS idiom). */
  lineBreak(): void {
    if (this.#current.length > 0) this.#breaks++;
  }

  space(): void {
    this.#space = true;
  }

  block(): void {
    if (this.#current.length > 0) this.#paragraphs.push(this.#current);
    this.#current = '';
    this.#space = false;
    this.#breaks = 0;
  }

  finish(): string {
    this.block();
    return this.#paragraphs.join('\n\n');
  }
}

/**
 * The reader-visible text of DOM nodes: paragraphs separated by one blank line, whitespace (NBSP
 * included) collapsed. Walks with an explicit stack so absurdly deep markup cannot overflow.
 */
export function domToText(nodes: DomNode | DomDocument | readonly (DomNode | DomDocument)[]): string {
  const out = new TextBuilder();
  const stack: (DomNode | DomDocument | typeof BLOCK_END | typeof CELL_END)[] = [];
  const roots = Array.isArray(nodes) ? nodes : [nodes];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i] as DomNode);
  while (stack.length > 0) {
    const node = stack.pop() as DomNode | DomDocument | symbol;
    if (node === BLOCK_END) {
      out.block();
      continue;
    }
    if (node === CELL_END) {
      out.space();
      continue;
    }
    if (typeof node === 'symbol') continue;
    if (DomUtils.isText(node)) {
      out.text(node.data);
      continue;
    }
    if (DomUtils.isTag(node)) {
      const name = tagName(node, true);
      if (SKIPPED.has(name)) continue;
      if (name === 'br') {
        out.lineBreak();
        continue;
      }
      if (BLOCKS.has(name)) {
        out.block();
        stack.push(BLOCK_END);
      } else if (CELLS.has(name)) {
        out.space();
        stack.push(CELL_END);
      }
    } else if (DomUtils.isComment(node)) {
      continue;
    }
    if (DomUtils.hasChildren(node)) {
      const children = node.children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
    }
  }
  return out.finish();
}

/** Text of an HTML fragment (a feed description, a JSON body): markup and entities resolved. */
export function htmlToText(html: string): string {
  return domToText(parseDocument(flattenDeepMarkup(html)));
}

/** True when a string carries HTML markup or entities worth running through `htmlToText`. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][a-z0-9]*[\s/>]|&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(s);
}
