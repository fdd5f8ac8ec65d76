// Shared shapes of the performance bench: documents, query classes and sets, and per-engine results.
// Types only; no behaviour lives here.

/** A document as every engine adapter receives it; `time` is `date` in epoch ms, for date workloads. */
export interface BenchDoc {
  id: string;
  title: string;
  body: string;
  /** ISO 8601 date, as Broadsheet takes it. */
  date?: string;
  /** The same instant in epoch milliseconds, as the peers take it. */
  time?: number;
}

/** The query classes timed per engine, in report order. */
export const QUERY_CLASSES = [
  'free1', 'free2', 'free3', 'and', 'phrase', 'prefix', 'fuzzy', 'dateFilter', 'dateSort',
] as const;

export type QueryClass = (typeof QUERY_CLASSES)[number];

/** Free-text classes: most of their queries must have answers, or the engine is flagged. */
export const FREE_TEXT_CLASSES: readonly QueryClass[] = ['free1', 'free2', 'free3'];

/** Column headings of the query classes. */
export const CLASS_LABELS: Readonly<Record<QueryClass, string>> = {
  free1: '1-term',
  free2: '2-term',
  free3: '3-term',
  and: 'AND',
  phrase: 'phrase',
  prefix: 'prefix',
  fuzzy: 'fuzzy',
  dateFilter: 'date-filter',
  dateSort: 'date-sort',
};

/**
 * One query. `terms` are lower-case words as they occur in the corpus: the free-text, AND and
 * date classes' words; the phrase's words in order; the prefix alone; the misspelled fuzzy word.
 * `from`/`to` (epoch ms, inclusive) bound dateFilter queries.
 */
export interface BenchQuery {
  terms: string[];
  from?: number;
  to?: number;
}

/** A saved query set: deterministic from (corpus, seed, generator version). */
export interface QuerySet {
  version: number;
  corpus: string;
  seed: number;
  /** Documents of the corpus the set was drawn from (a different count means the set is stale). */
  docCount: number;
  classes: Record<QueryClass, BenchQuery[]>;
}

/** Timing of one query class: tinybench latency statistics in milliseconds. */
export interface ClassTiming {
  qps: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  samples: number;
}

/** What one engine did with one query class. */
export interface ClassResult {
  supported: boolean;
  /** Queries answered (run once, before timing). */
  queries: number;
  /** Share of queries with at least one hit. */
  nonEmpty: number;
  /** Why the class was not timed although supported (too few answers, an error). */
  flag?: string;
  /** Top-10 ids per query, in query order (for overlap between engines). */
  answers: string[][];
  timing?: ClassTiming;
}

/** Memory after build, from a forced GC in a fresh process (bytes). */
export interface MemoryResult {
  /** V8 heap used + external (ArrayBuffers) retained by the index. */
  heapBytes: number;
  /** Memory the engine holds outside V8 (SQLite pages), when it can say. */
  nativeBytes?: number;
  /** Resident set growth, all-inclusive but noisy. */
  rssBytes: number;
}

/** Everything one engine measured on one corpus, sent from the child process. */
export interface EngineRun {
  engine: string;
  engineName: string;
  corpus: string;
  docCount: number;
  chars: number;
  buildMs?: number;
  memory?: MemoryResult;
  serializeMs?: number;
  sizeBytes?: number;
  gzipBytes?: number;
  sizeFormat?: string;
  loadMs?: number;
  /**
   * Median time of the first query on a freshly loaded index (the same query for every engine, code
   * already warm): the work a lazy load defers to the first search.
   */
  firstQueryMs?: number;
  /** Loaded index answers the first queries exactly like the built one. */
  roundtrip?: 'same' | string;
  classes: Partial<Record<QueryClass, ClassResult>>;
  /** Set when the engine could not run at all (import failure, crash, timeout). */
  error?: string;
  /** Rounds merged into these figures (medians; see rounds.ts), when more than one ran. */
  rounds?: number;
}
