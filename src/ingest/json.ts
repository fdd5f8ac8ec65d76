// Parses JSON and JSONL news dumps: one document per object, found in a top-level array, a wrapper
// object (`{articles: [...]}`) or JSONL lines. Bad lines and bad array items are reported with
// their line numbers and the good ones kept. Field mapping lives in json-mapping.ts.

import { DEFAULT_JSON_MAPPING, contextOf, isObject, pickFirst, toDocument, type JsonFieldMapping } from './json-mapping.js';
import type { IngestedDocument, ParseOptions } from './types.js';

export { DEFAULT_JSON_MAPPING, type JsonFieldMapping } from './json-mapping.js';

type JsonObject = { [key: string]: unknown };

/** Options of the JSON/JSONL parser. */
export interface JsonOptions extends ParseOptions {
  /** `auto` (default) reads a JSON value, falling back to JSONL when the text is not one value. */
  format?: 'json' | 'jsonl' | 'auto';
  /** Overrides per field; fields not given keep the defaults. */
  mapping?: Partial<JsonFieldMapping>;
  /** Copy unmapped string/number/boolean/string-array fields onto the document (default true). */
  keepExtraFields?: boolean;
}

/** A line (or the whole text) that could not be read as a document. */
export interface JsonLineError {
  /** 1-based line; for a whole-text syntax error, the line of the error when the engine tells. */
  line: number;
  /** 1-based position of the record in the file, when the error is about one record. */
  item?: number;
  message: string;
}

/** Where one document sat: its 1-based record position, and its line in JSONL. */
export interface JsonOrigin {
  item: number;
  line?: number;
}

/** Documents read and the lines that were not. `fatal` means nothing could be read at all. */
export interface JsonParseResult {
  format: 'json' | 'jsonl';
  documents: IngestedDocument[];
  /** Parallel to `documents`. */
  origins: JsonOrigin[];
  errors: JsonLineError[];
  fatal: boolean;
}

/** Array properties that hold the documents of a wrapper object, tried before any other array. */
const CONTAINER_KEYS = ['articles', 'items', 'docs', 'documents', 'data', 'results', 'entries', 'posts', 'news', 'records', 'hits', 'response'];

/**
 * Parses a JSON document or array, an object wrapping an array (`{articles: [...]}`, also one level
 * down), or JSONL (one object per line; blank lines skipped). Never throws on bad input.
 */
export function parseJson(text: string, options: JsonOptions = {}): JsonParseResult {
  const format = options.format ?? 'auto';
  if (format === 'jsonl') {
    const lines = parseLines(text, options);
    // A pretty-printed JSON document saved as .jsonl: no line parses alone, the whole text may.
    if (lines.documents.length > 0) return lines;
    const whole = parseJson(text, { ...options, format: 'json' });
    return whole.documents.length > 0 ? whole : lines;
  }
  let value: unknown;
  try {
    value = JSON.parse(stripBom(text));
  } catch (error) {
    // Many JSONL dumps are named .json: more than one line starting with `{` means JSONL.
    if (format === 'auto' && looksLikeJsonl(text)) return parseLines(text, options);
    // A broken array (one bad item, or cut off) still has good items: parse them one by one.
    if (stripBom(text).trimStart().startsWith('[')) return parseArrayItems(stripBom(text), options);
    return { format: 'json', documents: [], origins: [], errors: [{ line: errorLine(text, error), message: messageOf(error) }], fatal: true };
  }
  const records = recordsOf(value, options);
  if (records === undefined) {
    return { format: 'json', documents: [], origins: [], errors: [{ line: 1, message: 'no document objects found' }], fatal: true };
  }
  const result: JsonParseResult = { format: 'json', documents: [], origins: [], errors: [], fatal: false };
  const ctx = contextOf(options.mapping, options.idBase, options.keepExtraFields);
  for (let n = 0; n < records.length; n++) {
    const record = records[n];
    if (!isObject(record)) {
      result.errors.push({ line: 1, item: n + 1, message: `item ${n + 1} is not an object` });
      continue;
    }
    result.documents.push(toDocument(record, n + 1, records.length > 1 || Array.isArray(value), ctx));
    result.origins.push({ item: n + 1 });
  }
  return result;
}

function parseLines(text: string, options: JsonOptions): JsonParseResult {
  const result: JsonParseResult = { format: 'jsonl', documents: [], origins: [], errors: [], fatal: false };
  const src = stripBom(text);
  const ctx = contextOf(options.mapping, options.idBase, options.keepExtraFields);
  let start = 0;
  let line = 0;
  let item = 0;
  while (start <= src.length) {
    let end = src.indexOf('\n', start);
    if (end < 0) end = src.length;
    line++;
    const raw = src.slice(start, end).trim();
    start = end + 1;
    if (raw.length === 0) continue;
    item++;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      result.errors.push({ line, item, message: messageOf(error) });
      continue;
    }
    if (!isObject(value)) {
      result.errors.push({ line, item, message: 'line is not a JSON object' });
      continue;
    }
    result.documents.push(toDocument(value, item, true, ctx));
    result.origins.push({ item, line });
  }
  result.fatal = result.documents.length === 0 && result.errors.length > 0;
  return result;
}

/**
 * Splits a top-level array into its items by scanning brackets and strings (not a validating
 * parser), then parses each item alone, so one bad item costs that item only.
 */
function parseArrayItems(text: string, options: JsonOptions): JsonParseResult {
  const result: JsonParseResult = { format: 'json', documents: [], origins: [], errors: [], fatal: false };
  const ctx = contextOf(options.mapping, options.idBase, options.keepExtraFields);
  let i = text.indexOf('[') + 1;
  let line = 1 + countNewlines(text, 0, i);
  let item = 0;
  const n = text.length;
  while (i < n) {
    // Skip whitespace and commas between items, counting lines.
    let c = text.charCodeAt(i);
    while (i < n && (c === 44 || c === 32 || c === 9 || c === 13 || c === 10)) {
      if (c === 10) line++;
      c = text.charCodeAt(++i);
    }
    if (i >= n || c === 93 /* ] */) break;
    const start = i;
    const startLine = line;
    let depth = 0;
    let inString = false;
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      if (c === 10) line++;
      if (inString) {
        if (c === 92 /* \ */) i++;
        else if (c === 34 /* " */) inString = false;
      } else if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        if (depth > 0) depth--;
        else if (c === 93) break; // the array's own `]`
        // A stray `}` at depth 0 stays in the item (JSON.parse reports it): breaking there without
        // consuming it re-read the same empty item forever.
      } else if (c === 44 && depth === 0) break;
    }
    item++;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, i));
    } catch (error) {
      result.errors.push({ line: startLine, item, message: messageOf(error) });
      continue;
    }
    if (!isObject(value)) {
      result.errors.push({ line: startLine, item, message: `item ${item} is not an object` });
      continue;
    }
    result.documents.push(toDocument(value, item, true, ctx));
    result.origins.push({ item, line: startLine });
  }
  result.fatal = result.documents.length === 0;
  if (result.fatal && result.errors.length === 0) result.errors.push({ line: 1, message: 'no document objects found' });
  return result;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

/** The records a parsed JSON value holds, or undefined when it holds none. */
function recordsOf(value: unknown, options: JsonOptions): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return undefined;
  const mapping = { ...DEFAULT_JSON_MAPPING, ...options.mapping };
  // A feed-like wrapper has a title and a description of its own (JSON Feed: title, description,
  // items): an array under a known container key whose objects are documents (a title or a body
  // each) is what it holds. Read as one document, every item was lost without a report.
  // When the wrapper has a body-like field of its own (a feed's description), its items must have
  // bodies too: an article with a list of related links (titles only) stays one document.
  const ownBody = pickFirst(value, mapping.body) !== undefined;
  for (const key of CONTAINER_KEYS) {
    const v = value[key];
    if (!Array.isArray(v) || v.length === 0) continue;
    const documents = v.every((item) => isObject(item) && (pickFirst(item, mapping.body) !== undefined || (!ownBody && pickFirst(item, mapping.title) !== undefined)));
    if (documents) return v;
  }
  if (pickFirst(value, mapping.title) !== undefined || pickFirst(value, mapping.body) !== undefined) return [value];
  return wrappedArray(value, 0);
}

/** The document array inside a wrapper object: known keys first, then any array of objects. */
function wrappedArray(obj: JsonObject, depth: number): unknown[] | undefined {
  for (const key of CONTAINER_KEYS) {
    const v = obj[key];
    if (Array.isArray(v)) return v;
  }
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (Array.isArray(v) && v.length > 0 && v.every(isObject)) return v;
  }
  if (depth >= 1) return undefined;
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (isObject(v)) {
      const inner = wrappedArray(v, depth + 1);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function looksLikeJsonl(text: string): boolean {
  let objectLines = 0;
  for (const line of text.split('\n', 50)) {
    const t = line.trim();
    if (t.startsWith('{') && t.endsWith('}')) objectLines++;
    if (objectLines >= 2) return true;
  }
  return false;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The line of a JSON.parse error, from the engine's `position N` or `line N`, else 1. */
function errorLine(text: string, error: unknown): number {
  const message = messageOf(error);
  const byLine = /line (\d+)/.exec(message);
  if (byLine?.[1] !== undefined) return Number(byLine[1]);
  const byPos = /position (\d+)/.exec(message);
  if (byPos?.[1] === undefined) return 1;
  const pos = Number(byPos[1]);
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
