// The shapes ingest hands out: parsed documents, the per-run report and the option types.
// Pure types: no parsing and no I/O live here.

/** A value an ingested document may carry in an extra (unmapped) field. */
export type IngestedFieldValue = string | number | boolean | readonly string[] | undefined;

/**
 * One news document as a parser found it: plain strings, the date kept as written in the source
 * (or the normalised form the source itself offers, such as a `datetime` attribute).
 * Assignable to `NewsDocument`; the index parses `date`.
 */
export interface IngestedDocument {
  id: string;
  title: string;
  body: string;
  date?: string;
  author?: string;
  source?: string;
  url?: string;
  category?: string | string[];
  [field: string]: IngestedFieldValue;
}

/** Options every parser takes. */
export interface ParseOptions {
  /**
   * Id of a single-document file, and the prefix (`<idBase>#<n>`) of items without their own id
   * in a multi-document file. The loader passes the path relative to the glob base. Default `doc`.
   */
  idBase?: string;
}

/** The formats the sniffer can choose. */
export type IngestFormat = 'cms-text' | 'html' | 'json' | 'jsonl' | 'feed';

/** Why a file (or one document of a file) was not loaded. */
export type SkipReason =
  | 'empty'
  | 'binary'
  | 'unparseable'
  | 'no-body'
  | 'too-large'
  | 'duplicate-id'
  | 'not-found'
  | 'unreadable'
  | 'exact-duplicate'
  /** A dot file or folder under an input folder: not read (a folder is reported once, not walked). */
  | 'hidden';

/**
 * A file, pattern or single document that was not loaded, with its reason. Entries about one
 * document of a file carry `item` (1-based position in the file) and, when known, `id` and `line`.
 */
export interface SkippedFile {
  /** Absolute file path; for `not-found`, the pattern or path as given. */
  path: string;
  reason: SkipReason;
  /** Human-readable detail (an error message, a size); never branch on it. */
  detail?: string;
  /** 1-based position of the document in a multi-document file. */
  item?: number;
  /** 1-based line (JSONL lines, JSON syntax errors). */
  line?: number;
  /** The skipped document's id. */
  id?: string;
  /** For `duplicate-id` and `exact-duplicate`: the id of the earlier document it collides with. */
  duplicateOf?: string;
  /** File size for `too-large`. */
  bytes?: number;
}

/** Something worth knowing about a loaded file or document that did not stop it from loading. */
export interface IngestNote {
  path: string;
  /**
   * `encoding`: not plain UTF-8 (see `encoding`); `replaced`: a later document took the id;
   * `exact-duplicate-kept`; `unreadable-date`: the document's date (in `date`) is one the index
   * cannot read, so it was loaded without one.
   */
  kind: 'encoding' | 'replaced' | 'exact-duplicate-kept' | 'unreadable-date';
  /** For `encoding`: how the bytes were decoded (`latin1-fallback`, `utf-8-repaired`, or a declared charset). */
  encoding?: string;
  /** For `unreadable-date`: the date text as the file had it. */
  date?: string;
  id?: string;
  duplicateOf?: string;
}

/** What became of one matched file. `documents` is 0 exactly when `reason` is set. */
export interface FileOutcome {
  path: string;
  /** The path relative to its input's base (the common folder of all inputs when they differ), `/`-separated: the id base of its documents. */
  relativePath: string;
  format?: IngestFormat;
  /** How the bytes were decoded (`utf-8`, `utf-16le`, `latin1-fallback`, ...). */
  encoding?: string;
  documents: number;
  reason?: SkipReason;
}

/** The account of one loader run: every matched file with its document count or its reason. */
export interface IngestReport {
  /** Files matched by all patterns (after de-duplicating paths). */
  filesTotal: number;
  /** Files processed so far. */
  filesDone: number;
  /** Documents yielded. */
  documents: number;
  files: FileOutcome[];
  skipped: SkippedFile[];
  notes: IngestNote[];
  /** True once the run walked every file (false while running or if the consumer stopped early). */
  complete: boolean;
}

/** Passed to `onProgress` after each file. */
export interface IngestProgress {
  filesDone: number;
  filesTotal?: number;
  documents: number;
  currentPath: string;
}
