// The corpus loader: walks files/directories/globs, loads one file at a time, assigns stable ids,
// drops duplicate ids and exact duplicates, and accounts for every file in a report. A bad file is
// a report entry, never an exception. It does not index: it hands documents to whoever iterates.

import { createHash } from 'node:crypto';
import { parseDate } from '../dates/index.js';
import { InvalidOptionError } from '../errors.js';
import type { JsonOptions } from './json.js';
import { loadFile, type DocumentOrigin, type LoadFileOptions } from './load-file.js';
import type { FileOutcome, IngestedDocument, IngestProgress, IngestReport, SkippedFile, SkipReason } from './types.js';
import { walkInputs } from './walk.js';

/** Options of `loadCorpus`. */
export interface LoadCorpusOptions {
  /** Directory relative inputs are resolved against (default `process.cwd()`). */
  cwd?: string;
  /** Globs excluded from every input (fast-glob syntax, relative to each input's directory). */
  ignore?: readonly string[];
  /** Files larger than this are reported `too-large` without being read (default 10 MB). */
  maxFileBytes?: number;
  /**
   * A document whose id was seen before: `report` (default) skips it and reports `duplicate-id`;
   * `replace` yields it too, notes `replaced`, and the consumer upserts (`collectCorpus` does).
   */
  onDuplicateId?: 'report' | 'replace';
  /** A document with the same title and body as an earlier one: `skip` (default) or `keep` (noted). */
  onExactDuplicate?: 'skip' | 'keep';
  /** Called after each file. */
  onProgress?: (progress: IngestProgress) => void;
  /** JSON/JSONL options (field mapping, extra fields). */
  json?: Omit<JsonOptions, 'idBase' | 'format'>;
}

/**
 * A loader run: iterate it (or `documents`) to stream documents; `report` fills in as files are
 * processed and has `complete: true` once every file was walked. Each iteration is a fresh run.
 */
export interface CorpusLoad extends AsyncIterable<IngestedDocument> {
  readonly documents: AsyncIterable<IngestedDocument>;
  /** The report of the current (or last) run. */
  readonly report: IngestReport;
}

/** Default `maxFileBytes`: 10 MB. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Loads news documents from files, directories and globs (`corpus/`, `news/**\/*.html`,
 * `feeds/a.xml`), one file at a time. Throws `InvalidOptionError` for bad options or no inputs;
 * anything wrong with the files themselves ends up in `report`.
 */
export function loadCorpus(inputs: string | readonly string[], options: LoadCorpusOptions = {}): CorpusLoad {
  const list = typeof inputs === 'string' ? [inputs] : [...inputs];
  if (list.length === 0 || list.some((p) => typeof p !== 'string' || p.length === 0)) {
    throw new InvalidOptionError('loadCorpus needs at least one non-empty path or glob', 'inputs');
  }
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!Number.isFinite(max) || max <= 0) {
    throw new InvalidOptionError('maxFileBytes must be a positive number', 'maxFileBytes');
  }
  const onDuplicateId = options.onDuplicateId ?? 'report';
  if (onDuplicateId !== 'report' && onDuplicateId !== 'replace') {
    throw new InvalidOptionError("onDuplicateId must be 'report' or 'replace'", 'onDuplicateId');
  }
  const onExactDuplicate = options.onExactDuplicate ?? 'skip';
  if (onExactDuplicate !== 'skip' && onExactDuplicate !== 'keep') {
    throw new InvalidOptionError("onExactDuplicate must be 'skip' or 'keep'", 'onExactDuplicate');
  }
  // A string given for ignore was spread into single-character patterns; a number for cwd failed
  // every input as unreadable.
  if (options.ignore !== undefined && !(Array.isArray(options.ignore) && options.ignore.every((g) => typeof g === 'string'))) {
    throw new InvalidOptionError('ignore must be an array of glob strings', 'ignore');
  }
  if (options.cwd !== undefined && typeof options.cwd !== 'string') throw new InvalidOptionError('cwd must be a path string', 'cwd');
  return new CorpusLoader(list, {
    cwd: options.cwd ?? process.cwd(),
    ignore: options.ignore ?? [],
    file: { maxFileBytes: max, json: options.json ?? {} },
    onDuplicateId,
    onExactDuplicate,
    onProgress: options.onProgress,
  });
}

/**
 * Loads a whole corpus into memory: `loadCorpus` plus the upsert that `onDuplicateId: 'replace'`
 * asks of its consumer (a replaced document takes its predecessor's place in the order).
 */
export async function collectCorpus(
  inputs: string | readonly string[],
  options: LoadCorpusOptions = {},
): Promise<{ documents: IngestedDocument[]; report: IngestReport }> {
  const load = loadCorpus(inputs, options);
  const byId = new Map<string, IngestedDocument>();
  for await (const doc of load) byId.set(doc.id, doc);
  return { documents: [...byId.values()], report: load.report };
}

interface ResolvedOptions {
  cwd: string;
  ignore: readonly string[];
  file: LoadFileOptions;
  onDuplicateId: 'report' | 'replace';
  onExactDuplicate: 'skip' | 'keep';
  onProgress: ((progress: IngestProgress) => void) | undefined;
}

class CorpusLoader implements CorpusLoad {
  readonly #inputs: readonly string[];
  readonly #options: ResolvedOptions;
  #report: IngestReport = emptyReport();

  constructor(inputs: readonly string[], options: ResolvedOptions) {
    this.#inputs = inputs;
    this.#options = options;
  }

  get documents(): AsyncIterable<IngestedDocument> {
    return this;
  }

  get report(): IngestReport {
    return this.#report;
  }

  [Symbol.asyncIterator](): AsyncIterator<IngestedDocument> {
    this.#report = emptyReport();
    return this.#run(this.#report);
  }

  async *#run(report: IngestReport): AsyncGenerator<IngestedDocument, void, undefined> {
    const opts = this.#options;
    const walk = await walkInputs(this.#inputs, { cwd: opts.cwd, ignore: opts.ignore });
    report.skipped.push(...walk.problems);
    report.filesTotal = walk.files.length;
    const dedupe = new Deduper(opts.onDuplicateId, opts.onExactDuplicate);

    for (const file of walk.files) {
      const outcome: FileOutcome = { path: file.path, relativePath: file.relativePath, documents: 0 };
      report.files.push(outcome);
      const loaded = await loadFile(file.path, file.relativePath, opts.file);
      if (!loaded.ok) {
        outcome.reason = loaded.reason;
        if (loaded.encoding !== undefined) outcome.encoding = loaded.encoding;
        report.skipped.push(skipEntry(file.path, loaded.reason, loaded));
      } else {
        outcome.format = loaded.format;
        outcome.encoding = loaded.encoding;
        if (loaded.encoding !== 'utf-8' && !loaded.encoding.startsWith('utf-16')) {
          report.notes.push({ path: file.path, kind: 'encoding', encoding: loaded.encoding });
        }
        let firstReason: SkipReason | undefined;
        for (const problem of loaded.problems) {
          report.skipped.push({ path: file.path, ...problem });
          firstReason ??= problem.reason;
        }
        const multi = loaded.documents.length > 1 || loaded.format === 'feed' || loaded.format === 'json' || loaded.format === 'jsonl';
        for (let i = 0; i < loaded.documents.length; i++) {
          const doc = loaded.documents[i] as IngestedDocument;
          const origin = loaded.origins[i] ?? {};
          // A date the index cannot read would make adding the document throw: it is dropped, and
          // its text kept in a note (the documented lenient fallback; the article is not lost).
          if (typeof doc.date === 'string' && parseDate(doc.date) === undefined) {
            report.notes.push({ path: file.path, kind: 'unreadable-date', id: doc.id, date: doc.date });
            delete doc.date;
          }
          const verdict = dedupe.check(doc);
          if (verdict.skip !== undefined) {
            report.skipped.push(documentSkip(file.path, verdict.skip, doc, origin, multi, verdict.duplicateOf));
            firstReason ??= verdict.skip;
            continue;
          }
          if (verdict.note !== undefined) {
            const note = { path: file.path, kind: verdict.note, id: doc.id };
            report.notes.push(verdict.duplicateOf === undefined ? note : { ...note, duplicateOf: verdict.duplicateOf });
          }
          outcome.documents++;
          report.documents++;
          yield doc;
        }
        if (outcome.documents === 0) outcome.reason = firstReason ?? 'empty';
        if (loaded.documents.length === 0 && loaded.problems.length === 0) {
          report.skipped.push({ path: file.path, reason: 'empty', detail: 'no documents in file' });
        }
      }
      report.filesDone++;
      opts.onProgress?.({
        filesDone: report.filesDone,
        filesTotal: report.filesTotal,
        documents: report.documents,
        currentPath: file.path,
      });
    }
    report.complete = true;
  }
}

interface Verdict {
  skip?: SkipReason;
  note?: 'replaced' | 'exact-duplicate-kept';
  duplicateOf?: string;
}

/** Remembers ids and content hashes of the documents let through so far. */
class Deduper {
  readonly #onDuplicateId: 'report' | 'replace';
  readonly #onExactDuplicate: 'skip' | 'keep';
  /** id → content hash of the document currently holding that id. */
  readonly #hashById = new Map<string, string>();
  /** content hash → id of the first document with that content. */
  readonly #idByHash = new Map<string, string>();

  constructor(onDuplicateId: 'report' | 'replace', onExactDuplicate: 'skip' | 'keep') {
    this.#onDuplicateId = onDuplicateId;
    this.#onExactDuplicate = onExactDuplicate;
  }

  check(doc: IngestedDocument): Verdict {
    if (doc.title.length === 0 && doc.body.length === 0) return { skip: 'no-body' };
    // A 20-byte digest per document instead of its text: memory stays flat on big corpora.
    // Hashed as UTF-16 code units: as UTF-8, lone surrogates all became U+FFFD and different titles
    // collided into exact duplicates.
    const hash = createHash('sha1').update(Buffer.from(doc.title, 'utf16le')).update('\u0000').update(Buffer.from(doc.body, 'utf16le')).digest('base64');
    const previousHash = this.#hashById.get(doc.id);
    if (previousHash !== undefined) {
      if (this.#onDuplicateId === 'report') return { skip: 'duplicate-id', duplicateOf: doc.id };
      if (this.#idByHash.get(previousHash) === doc.id) this.#idByHash.delete(previousHash);
      this.#remember(doc.id, hash);
      return { note: 'replaced', duplicateOf: doc.id };
    }
    const sameContent = this.#idByHash.get(hash);
    if (sameContent !== undefined) {
      if (this.#onExactDuplicate === 'skip') return { skip: 'exact-duplicate', duplicateOf: sameContent };
      this.#hashById.set(doc.id, hash);
      return { note: 'exact-duplicate-kept', duplicateOf: sameContent };
    }
    this.#remember(doc.id, hash);
    return {};
  }

  #remember(id: string, hash: string): void {
    this.#hashById.set(id, hash);
    if (!this.#idByHash.has(hash)) this.#idByHash.set(hash, id);
  }
}

function emptyReport(): IngestReport {
  return { filesTotal: 0, filesDone: 0, documents: 0, files: [], skipped: [], notes: [], complete: false };
}

function skipEntry(path: string, reason: SkipReason, failed: { detail?: string; bytes?: number }): SkippedFile {
  const entry: SkippedFile = { path, reason };
  if (failed.detail !== undefined) entry.detail = failed.detail;
  if (failed.bytes !== undefined) entry.bytes = failed.bytes;
  return entry;
}

function documentSkip(
  path: string,
  reason: SkipReason,
  doc: IngestedDocument,
  origin: DocumentOrigin,
  multi: boolean,
  duplicateOf: string | undefined,
): SkippedFile {
  const entry: SkippedFile = { path, reason };
  if (multi) {
    if (origin.item !== undefined) entry.item = origin.item;
    if (origin.line !== undefined) entry.line = origin.line;
  }
  if (reason !== 'no-body' || multi) entry.id = doc.id;
  if (duplicateOf !== undefined) entry.duplicateOf = duplicateOf;
  return entry;
}
