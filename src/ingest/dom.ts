// Names for htmlparser2's DOM types, derived from its own exports so `domhandler` (a transitive
// dependency) is never imported directly, and the small element helpers every HTML/XML reader needs.

import { DomUtils, type parseDocument } from 'htmlparser2';

export type DomDocument = ReturnType<typeof parseDocument>;
/** Any node that can sit in a `children` array. */
export type DomNode = DomDocument['children'][number];
export type DomElement = Parameters<typeof DomUtils.getAttributeValue>[0];

/** Lower-case local name (`content:encoded` stays whole; `xhtml:p` → `p` with `local`). */
export function tagName(el: DomElement, local = false): string {
  const name = el.name.toLowerCase();
  if (!local) return name;
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * An attribute value with control characters and whitespace runs made single spaces, then trimmed;
 * undefined when absent or blank. Values become dates, URLs and ids, none of which wants a tab or NUL.
 */
export function attr(el: DomElement, name: string): string | undefined {
  // Controls (C0, DEL, C1) go, whitespace runs become one space: `2024-03-17\u0000T10:00` stays a date.
  const value = DomUtils.getAttributeValue(el, name)?.replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]+/g, '').replace(/\s+/g, ' ').trim();
  return value === undefined || value.length === 0 ? undefined : value;
}

/** Element children of a node, in order. */
export function childElements(node: DomNode | DomDocument): DomElement[] {
  const out: DomElement[] = [];
  if (!DomUtils.hasChildren(node)) return out;
  for (const child of node.children) if (DomUtils.isTag(child)) out.push(child);
  return out;
}

/**
 * Concatenated text data under a node. Iterative, unlike `DomUtils.textContent`, so markup nested
 * tens of thousands deep cannot overflow the stack.
 */
export function textOf(node: DomNode | DomDocument): string {
  return collectText(node, false);
}

/** Elements whose text a reader never sees. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template']);

/**
 * Text a reader sees under a node: {@link textOf} without script, style, noscript and template
 * elements below it (a headline's tracking script read "Port reopenstrackHeadline(1)").
 */
export function visibleTextOf(node: DomNode | DomDocument): string {
  return collectText(node, true);
}

function collectText(node: DomNode | DomDocument, visibleOnly: boolean): string {
  let out = '';
  const stack: (DomNode | DomDocument)[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as DomNode | DomDocument;
    if (DomUtils.isText(n)) out += n.data;
    else if (DomUtils.hasChildren(n)) {
      if (visibleOnly && n !== node && DomUtils.isTag(n) && INVISIBLE.has(n.name.toLowerCase())) continue;
      const children = n.children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
    }
  }
  return out;
}

/**
 * Per element of `root` (and `root`), the non-space units of its visible text, summed
 * children-before-parents over one pre-order list: linear however deep paragraphs nest (a text
 * scan per element was quadratic on `<p><b>…<p><b>…` soups: 100 KB took 2.7 s).
 */
export function visibleTextLengths(root: DomDocument): Map<DomNode | DomDocument, number> {
  const order = allElements(root);
  const lengths = new Map<DomNode | DomDocument, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i] as DomElement;
    let own = 0;
    if (!INVISIBLE.has(el.name.toLowerCase())) {
      for (const child of el.children) {
        if (DomUtils.isText(child)) own += nonSpaceUnits(child.data);
        else if (DomUtils.isTag(child)) own += lengths.get(child) ?? 0;
      }
    }
    lengths.set(el, own);
  }
  return lengths;
}

function nonSpaceUnits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0)) n++;
  }
  return n;
}

/**
 * Every element under `root` in document order. Iterative with push/pop: DomUtils' finders shift
 * and unshift their stacks, which turns a 20,000-deep page into seconds of work.
 */
export function allElements(root: DomNode | DomDocument): DomElement[] {
  const out: DomElement[] = [];
  const stack: (DomNode | DomDocument)[] = [];
  if (DomUtils.hasChildren(root)) for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i] as DomNode);
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (!DomUtils.isTag(node)) continue;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as DomNode);
  }
  return out;
}
