// Keeps markup shallow enough for the HTML/XML parser: tags nested past a cap are dropped (their
// text stays) in one linear scan, before parsing. Owns no parsing of its own beyond finding tags.

/**
 * Open elements deeper than this lose their tags. Real pages nest tens deep, tag soups with
 * unclosed `<font>` a few hundred; htmlparser2 keeps its open-element stack front-first, so every
 * open tag costs the depth: 1 MB of `<b>` (300k levels) took 20–25 s to parse.
 */
export const MAX_MARKUP_DEPTH = 1000;

/** HTML elements that never hold others (void elements): they open no level. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/**
 * HTML elements the parser closes when a sibling of their kind (or a block) opens: a thousand
 * unclosed `<option>`s or `<p>`s are a flat list, not a thousand levels, so they open none here.
 */
const IMPLIED_END = new Set(['p', 'li', 'option', 'optgroup', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rp', 'rt', 'colgroup', 'caption']);
/** HTML elements whose content htmlparser2 reads as text up to their end tag: skipped whole. */
const RAW = new Set(['script', 'style', 'textarea', 'title']);

/** Case-insensitive finders of each raw-text element's end tag (searched from a lastIndex). */
const END_TAGS = new Map([...RAW].map((name) => [name, new RegExp(`</${name}`, 'gi')]));

/**
 * `markup` with every tag that would open a level past `cap` (and its matching end tag) removed;
 * the same string when nothing nests that deep. Levels are tracked on a stack of element names, as
 * the parser does: an end tag closes the innermost open element of its name (and those inside it)
 * and is ignored when none is open. In XML (`xml`: feeds) `/>` closes an element and no element
 * is void or raw text; in HTML `<b/>` opens `<b>`, as the parser reads it.
 */
export function flattenDeepMarkup(markup: string, cap = MAX_MARKUP_DEPTH, xml = false): string {
  const n = markup.length;
  const stack: string[] = [];
  // Open elements by name, so an end tag with none open is ignored without a stack search.
  const openByName = new Map<string, number>();
  // Open tags dropped and not yet closed, by name: their end tags are dropped too.
  const droppedByName = new Map<string, number>();
  let out: string[] | undefined;
  let copied = 0;
  const drop = (from: number, to: number): void => {
    (out ??= []).push(markup.slice(copied, from));
    copied = to;
  };
  let i = markup.indexOf('<');
  while (i >= 0 && i + 1 < n) {
    const c = markup.charCodeAt(i + 1);
    let end: number;
    if (c === 0x21 /* ! */) {
      // Comment, CDATA section or doctype: nothing inside nests.
      if (markup.startsWith('<!--', i)) end = closeAfter(markup, '-->', i + 4);
      else if (markup.startsWith('<![CDATA[', i)) end = closeAfter(markup, ']]>', i + 9);
      else end = tagEnd(markup, i + 2);
    } else if (c === 0x3f /* ? */) {
      end = closeAfter(markup, '>', i + 2);
    } else if (c === 0x2f /* / */ && isNameStart(markup.charCodeAt(i + 2))) {
      const nameEnd = nameEndAt(markup, i + 2);
      const name = caseOf(markup.slice(i + 2, nameEnd), xml);
      end = tagEnd(markup, nameEnd);
      const dropped = droppedByName.get(name) ?? 0;
      if (dropped > 0) {
        droppedByName.set(name, dropped - 1);
        drop(i, end);
      } else if ((openByName.get(name) ?? 0) > 0) {
        // Closes the innermost open element of that name and everything opened inside it.
        for (;;) {
          const top = stack.pop()!;
          openByName.set(top, openByName.get(top)! - 1);
          if (top === name) break;
        }
      }
    } else if (isNameStart(c)) {
      const nameEnd = nameEndAt(markup, i + 1);
      const name = caseOf(markup.slice(i + 1, nameEnd), xml);
      end = tagEnd(markup, nameEnd);
      const selfClosing = markup.charCodeAt(end - 2) === 0x2f;
      if (!xml && RAW.has(name)) {
        // Its text may hold `<` of its own (scripts): jump to its end tag.
        const endTag = END_TAGS.get(name)!;
        endTag.lastIndex = end;
        const close = endTag.exec(markup);
        end = close === null ? n : closeAfter(markup, '>', close.index + 2);
      } else if (xml ? !selfClosing : !VOID.has(name) && !IMPLIED_END.has(name)) {
        if (stack.length >= cap) {
          droppedByName.set(name, (droppedByName.get(name) ?? 0) + 1);
          drop(i, end);
        } else {
          stack.push(name);
          openByName.set(name, (openByName.get(name) ?? 0) + 1);
        }
      }
    } else {
      end = i + 1; // a lone `<` in text
    }
    i = markup.indexOf('<', end);
  }
  if (out === undefined) return markup;
  out.push(markup.slice(copied));
  return out.join('');
}

/** Names compare case-insensitively in HTML, exactly in XML. */
function caseOf(name: string, xml: boolean): string {
  return xml ? name : name.toLowerCase();
}

/** Index just past the first `close` at or after `from`, or the end of the text. */
function closeAfter(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at < 0 ? text.length : at + close.length;
}

/** Index just past the `>` ending a tag whose attributes start at `from` (quoted `>` skipped). */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      return j + 1;
    }
  }
  return text.length;
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** End of a tag name starting at `from` (letters, digits, `-`, `:`, `_`, `.`). */
function nameEndAt(text: string, from: number): number {
  let j = from;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (!(isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x3a || c === 0x5f || c === 0x2e)) break;
    j++;
  }
  return j;
}
