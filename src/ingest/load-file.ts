// Reads one file into documents: size check by stat before reading, gunzip, decode, sniff, parse.
// Every failure becomes a reason, never an exception. Ids, duplicates and the report are the
// loader's business, not this file's.

import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { parseCmsText } from './cms-text.js';
import { decodeBytes } from './decode.js';
import { parseFeed } from './feeds.js';
import { parseHtml } from './html.js';
import { parseJson, type JsonOptions } from './json.js';
import { sniffFormat } from './sniff.js';
import type { IngestedDocument, IngestFormat, SkippedFile, SkipReason } from './types.js';

const gunzipAsync = promisify(gunzip);

/** What the loader passes down for each file. */
export interface LoadFileOptions {
  maxFileBytes: number;
  json: Omit<JsonOptions, 'idBase'>;
}

/** Where a document came from inside its file. */
export interface DocumentOrigin {
  /** 1-based position in a multi-document file. */
  item?: number;
  /** 1-based line (JSONL). */
  line?: number;
}

/** A file that was read: its documents (with origins), and item-level problems such as bad lines. */
export interface LoadedFile {
  ok: true;
  format: IngestFormat;
  encoding: string;
  documents: IngestedDocument[];
  origins: DocumentOrigin[];
  problems: Omit<SkippedFile, 'path'>[];
}

/** A file that yielded nothing, and why. */
export interface FailedFile {
  ok: false;
  reason: SkipReason;
  detail?: string;
  bytes?: number;
  encoding?: string;
}

/** Loads one file; `idBase` becomes the id of a single-document file and the prefix of item ids. */
export async function loadFile(absolutePath: string, idBase: string, options: LoadFileOptions): Promise<LoadedFile | FailedFile> {
  let size: number;
  try {
    const info = await stat(absolutePath);
    if (!info.isFile()) return { ok: false, reason: 'unreadable', detail: 'not a regular file' };
    size = info.size;
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: describe(error) };
  }
  if (size === 0) return { ok: false, reason: 'empty', bytes: 0 };
  // Checked before reading so a huge file costs one stat, not its size in memory.
  if (size > options.maxFileBytes) {
    return { ok: false, reason: 'too-large', bytes: size, detail: `${size} bytes > maxFileBytes ${options.maxFileBytes}` };
  }

  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolutePath);
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: describe(error) };
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      // maxFileBytes bounds what the parsers see, so a gzip bomb stops at the limit.
      bytes = await gunzipAsync(bytes, { maxOutputLength: options.maxFileBytes });
    } catch (error) {
      const tooLarge = error instanceof RangeError || errorCode(error) === 'ERR_BUFFER_TOO_LARGE';
      return tooLarge
        ? { ok: false, reason: 'too-large', bytes: size, detail: `decompresses beyond maxFileBytes ${options.maxFileBytes}` }
        : { ok: false, reason: 'unparseable', detail: `gzip: ${describe(error)}` };
    }
    if (bytes.length === 0) return { ok: false, reason: 'empty', bytes: 0 };
  }

  const decoded = decodeBytes(bytes);
  if (decoded.kind === 'binary') return { ok: false, reason: 'binary', detail: decoded.detail, bytes: size };
  const text = decoded.text;
  if (text.trim().length === 0) return { ok: false, reason: 'empty', bytes: size, encoding: decoded.encoding };

  const format = sniffFormat(absolutePath, text);
  try {
    return { ...parseAs(format, text, idBase, options), ok: true, format, encoding: decoded.encoding };
  } catch (error) {
    // The parsers are written not to throw; this keeps the "never throws" promise if one does.
    return { ok: false, reason: 'unparseable', detail: describe(error), encoding: decoded.encoding };
  }
}

type Parsed = Pick<LoadedFile, 'documents' | 'origins' | 'problems'>;

function parseAs(format: IngestFormat, text: string, idBase: string, options: LoadFileOptions): Parsed {
  switch (format) {
    case 'cms-text':
      return single(parseCmsText(text, { idBase }));
    case 'html':
      return single(parseHtml(text, { idBase }));
    case 'feed': {
      const feed = parseFeed(text, { idBase });
      const problems: Parsed['problems'] =
        feed.kind === 'unknown' ? [{ reason: 'unparseable', detail: 'no rss, feed or rdf root element' }] : [];
      return { documents: feed.documents, origins: feed.documents.map((_, i) => ({ item: i + 1 })), problems };
    }
    case 'json':
    case 'jsonl': {
      const parsed = parseJson(text, { ...options.json, idBase, format: format === 'jsonl' ? 'jsonl' : 'auto' });
      const problems: Parsed['problems'] = parsed.errors.map((e) => {
        const p: Omit<SkippedFile, 'path'> = { reason: 'unparseable', line: e.line, detail: e.message };
        if (e.item !== undefined) p.item = e.item;
        return p;
      });
      return { documents: parsed.documents, origins: parsed.origins, problems };
    }
  }
}

function single(doc: IngestedDocument): Parsed {
  return { documents: [doc], origins: [{}], problems: [] };
}

function describe(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : String(error));
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}
