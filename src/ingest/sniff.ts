// Chooses the parser for a file: by extension, overruled by the content when the extension lies
// (an HTML page saved as .txt, a feed saved as .html) or is missing. It does not parse anything.

import type { IngestFormat } from './types.js';

const BY_EXTENSION: ReadonlyMap<string, IngestFormat> = new Map<string, IngestFormat>([
  ['txt', 'cms-text'], ['text', 'cms-text'],
  ['html', 'html'], ['htm', 'html'], ['xhtml', 'html'], ['shtml', 'html'],
  ['json', 'json'],
  ['jsonl', 'jsonl'], ['ndjson', 'jsonl'],
  ['xml', 'feed'], ['rss', 'feed'], ['atom', 'feed'], ['rdf', 'feed'],
]);

/** How much of the text start is inspected. */
const HEAD = 2048;

/** The format implied by a path's extension (`.gz` looked through), or undefined. */
export function formatFromExtension(path: string): IngestFormat | undefined {
  let name = path.toLowerCase();
  if (name.endsWith('.gz')) name = name.slice(0, -3);
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  const dot = name.lastIndexOf('.');
  if (dot <= slash + 1) return undefined;
  return BY_EXTENSION.get(name.slice(dot + 1));
}

/**
 * The format a text's start reveals: `feed` for `<rss`/`<feed`/`<rdf:RDF`, `html` for a doctype,
 * `<html>` or a leading page element, `json` for `{`/`[`; undefined for anything else (plain text).
 */
export function formatFromContent(text: string): IngestFormat | undefined {
  const head = skipProlog(text.slice(0, HEAD));
  const c = head.charCodeAt(0);
  // JSON only when what follows the bracket can start a JSON value: `[Photos] Port…` is CMS text.
  if (c === 123 /* { */ || c === 91 /* [ */) return /^(?:\{\s*["}]|\[\s*[[{"\]\-0-9tfn])/.test(head) ? 'json' : undefined;
  if (c !== 60 /* < */) return undefined;
  const lower = head.slice(0, 512).toLowerCase();
  if (/^<(?:rss|feed|rdf:rdf)[\s>]/.test(lower)) return 'feed';
  if (/^<(?:!doctype\s+html|html|head|body|article|main|meta|title|div|p|section|h1)[\s>]/.test(lower)) return 'html';
  return undefined;
}

/**
 * The parser for a file: the extension's unless the content clearly says otherwise; the content's
 * when there is no known extension; CMS text for anything else that decoded as text.
 */
export function sniffFormat(path: string, text: string): IngestFormat {
  const byExt = formatFromExtension(path);
  const byContent = formatFromContent(text);
  if (byExt === undefined) return byContent ?? 'cms-text';
  if (byContent === undefined) {
    // Prose in a .json or .xml file: the extension lies, and only the text parser can read it.
    return byExt !== 'cms-text' && byExt !== 'html' && isProse(text) ? 'cms-text' : byExt;
  }
  if (byExt === 'jsonl' && byContent === 'json') return 'jsonl';
  if (byExt === 'cms-text' && byContent === 'json' && !looksWholeJson(text)) return 'cms-text';
  return byContent;
}

/** Skips a BOM, whitespace, `<?xml ...?>`, comments and non-HTML doctypes before the first real token. */
function skipProlog(head: string): string {
  let s = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  for (;;) {
    s = s.trimStart();
    if (s.startsWith('<?')) {
      const end = s.indexOf('?>');
      if (end < 0) return s;
      s = s.slice(end + 2);
    } else if (s.startsWith('<!--')) {
      const end = s.indexOf('-->');
      if (end < 0) return s;
      s = s.slice(end + 3);
    } else if (/^<!doctype\s+(?!html)/i.test(s)) {
      const end = s.indexOf('>');
      if (end < 0) return s;
      s = s.slice(end + 1);
    } else {
      return s;
    }
  }
}

/** Starts with a letter or digit (after whitespace), so it is neither markup nor JSON. */
function isProse(text: string): boolean {
  const t = skipProlog(text.slice(0, HEAD));
  return /^[\p{L}\p{N}]/u.test(t) && !/^(?:true|false|null|-?\d[\d.eE+-]*)\s*$/.test(t);
}

/** A text file that starts with `{` or `[` is JSON only if it also ends like JSON. */
function looksWholeJson(text: string): boolean {
  const t = text.trimEnd();
  const last = t.charCodeAt(t.length - 1);
  return last === 125 /* } */ || last === 93 /* ] */;
}
