// Keeps markup shallow enough for the HTML/XML parser: tags nested past a cap are dropped (their
// text stays) in one linear scan, before parsing. Owns no parsing of its own beyond finding tags.

/**
 * Open elements deeper than this lose their tags. Real pages nest tens deep, tag soups with
 * unclosed `<font>` a few hundred; htmlparser2 keeps its open-element stack front-first, so every
 * open tag costs the depth: 1 MB of `<b>` (300k levels) took 20–25 s to parse.
 */
export const MAX_MARKUP_DEPTH = 1000;

/** Elements that never hold others (HTML void elements): they open no level. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is text up to their end tag: skipped whole. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'plaintext']);

/** Case-insensitive finders of each raw-text element's end tag (searched from a lastIndex). */
const END_TAGS = new Map([...RAW].map((name) => [name, new RegExp(`</${name}`, 'gi')]));

/**
 * `markup` with every tag that would open a level past `cap` (and its matching end tag) removed;
 * the same string when nothing nests that deep. The depth is an over-estimate (elements that HTML
 * closes implicitly count as open), which only matters past the cap.
 */
export function flattenDeepMarkup(markup: string, cap = MAX_MARKUP_DEPTH): string {
  const n = markup.length;
  let depth = 0;
  // Open tags dropped and not yet closed: the next end tags are theirs.
  let dropped = 0;
  let out: string[] | undefined;
  let copied = 0;
  let i = markup.indexOf('<');
  while (i >= 0 && i + 1 < n) {
    const c = markup.charCodeAt(i + 1);
    let end: number;
    if (c === 0x21 /* ! */) {
      // Comment, CDATA section or doctype: nothing inside nests.
      if (markup.startsWith('<!--', i)) end = closeAfter(markup, '-->', i + 4);
      else if (markup.startsWith('<![CDATA[', i)) end = closeAfter(markup, ']]>', i + 9);
      else end = closeAfter(markup, '>', i + 2);
    } else if (c === 0x3f /* ? */) {
      end = closeAfter(markup, '>', i + 2);
    } else if (c === 0x2f /* / */ && isNameStart(markup.charCodeAt(i + 2))) {
      end = closeAfter(markup, '>', i + 2);
      if (dropped > 0) {
        dropped--;
        (out ??= []).push(markup.slice(copied, i));
        copied = end;
      } else if (depth > 0) {
        depth--;
      }
    } else if (isNameStart(c)) {
      const nameEnd = nameEndAt(markup, i + 1);
      const name = markup.slice(i + 1, nameEnd).toLowerCase();
      end = closeAfter(markup, '>', nameEnd);
      const selfClosing = markup.charCodeAt(end - 2) === 0x2f;
      if (RAW.has(name) && !selfClosing) {
        // Its text may hold `<` of its own (scripts): jump to its end tag.
        const endTag = END_TAGS.get(name)!;
        endTag.lastIndex = end;
        const close = endTag.exec(markup);
        end = close === null ? n : closeAfter(markup, '>', close.index + 2);
      } else if (!selfClosing && !VOID.has(name)) {
        if (depth >= cap) {
          dropped++;
          (out ??= []).push(markup.slice(copied, i));
          copied = end;
        } else {
          depth++;
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

/** Index just past the first `close` at or after `from`, or the end of the text. */
function closeAfter(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at < 0 ? text.length : at + close.length;
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
