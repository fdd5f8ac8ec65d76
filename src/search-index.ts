// The facade users hold: options and defaults, add/remove/replace, search, explain, save/load.
// It owns the segment list, the id → location map and the live collection statistics.

import type { Analyzer } from './analysis/types.js';
import type { NewsDocument, Schema, StoredDocument } from './document.js';
import { defaultNewsSchema } from './document.js';
import { englishAnalyzer } from './analysis/analyzer.js';
import { IndexFormatError, InvalidDocumentError, InvalidOptionError } from './errors.js';
import { isAnalyzer, resolveFieldLayout, type FieldLayout } from './index/field-layout.js';
import { decodeStored, prepareDocument, type PreparedDocument } from './index/prepare-document.js';
import { Segment, forEachPosting } from './index/segment.js';
import { normalize } from './analysis/normalizer.js';
import { SegmentWriter } from './index/segment-writer.js';
import { mergeSegments } from './index/merge.js';
import { copySearchOptions } from './search-options.js';
import { checkQueryTree } from './query/check-tree.js';
import { Bm25fWeights, type FieldStatistics } from './scoring/bm25f.js';
import { validateDecay, type DecayFunction, type ResolvedDecay } from './scoring/recency.js';
import { rankTerms, type CandidateFilter, type DateRange } from './query/executor.js';
import type { QueryNode } from './query/ast.js';
import { parseQuery, type ParseOptions } from './query/parser.js';
import { DEFAULT_MAX_EXPANSIONS, MAX_BOOST, planQuery } from './query/planner.js';
import type { PlanNode, TieBreak } from './query/plan.js';
import { runPlan, type SortOrder } from './query/run-plan.js';
import { explainPlan } from './query/explain-plan.js';
import { PROXIMITY_WEIGHT, RESCORE_WINDOW, proximityBonus, wordPairs } from './query/proximity.js';
import { parseDate, parseDateRange } from './dates/index.js';
import { checkHighlightOptions, highlight, highlightAll, type HighlightOptions, type Passage, type PhraseTerms } from './features/highlight.js';
import { countFacets, type FacetRequest, type Facets } from './features/facets.js';
import type { IndexView } from './features/index-view.js';
import { suggest as suggestCompletions, type Suggestion } from './features/suggest.js';
import { didYouMean as correctQuery } from './features/did-you-mean.js';
import { related as relatedDocs } from './features/related.js';
import { isExactTerm } from './index/exact-terms.js';
import { keywordTerm } from './index/keyword-terms.js';
import { encodeIndex } from './serialize/encode.js';
import { decodeIndex } from './serialize/decode.js';

/** Options of a new index. All have news-tuned defaults. */
export interface SearchIndexOptions {
  /** Fields and how to index them; default: the news schema (title, date, body + keyword metadata). */
  schema?: Schema;
  /** Analyzer of text fields without their own; default: English (stop words, Porter2 stemming). */
  analyzer?: Analyzer;
  /** BM25F saturation k1 (default 2, chosen by the relevance sweep in README.md). */
  k1?: number;
  /** Documents buffered in memory before an automatic flush into a segment (default 50,000). */
  maxBufferedDocs?: number;
  /** Tokens buffered before an automatic flush (default 4,000,000: about 30 MB of postings buffers). */
  maxBufferedTokens?: number;
  /** Segment count above which the smallest segments are merged (default 8). */
  maxSegments?: number;
}

/** Options of {@link SearchIndex.search}. */
export interface SearchOptions {
  /** Hits to return (default 10). */
  limit?: number;
  /** Hits to skip, for pagination (default 0). */
  offset?: number;
  /** Restrict matching to these text/date fields (default: all of them). */
  fields?: readonly string[];
  /**
   * Per-field boost overrides for this search, e.g. `{ title: 3 }` (0 to 1e6). A field with boost 0
   * neither scores nor matches: `{ title: 0 }` searches the other fields only.
   */
  boost?: Readonly<Record<string, number>>;
  /**
   * Keep only hits for which this returns true; `total` counts only those. The search ranks the
   * segments it started with: documents the callback adds, or segments it merges, are seen by later searches.
   */
  filter?: (document: StoredDocument, id: string) => boolean;
  /** `'lenient'` (default): any text is a query, what does not parse is read as words. `'strict'`: QueryParseError. */
  mode?: 'lenient' | 'strict';
  /** What `a b` means: `'or'` (default, ranked) or `'and'`. */
  defaultOperator?: 'or' | 'and';
  /** Most terms one prefix or fuzzy clause expands to (default 64; strict mode throws QueryLimitError beyond). */
  maxExpansions?: number;
  /**
   * Only documents dated within this range. Strings are read at their precision and both ends are
   * inclusive (`{ from: '2024-01', to: '2024-03' }` is January through March); numbers and Dates are
   * instants. Undated documents never match a date range.
   */
  dateRange?: { from?: string | number | Date; to?: string | number | Date };
  /** Keyword-field filters: a document matches when it has one of the listed values in every named field. */
  where?: Readonly<Record<string, string | readonly string[]>>;
  /**
   * `'relevance'` (default), `'newest'` or `'oldest'` first (relevance breaks date ties; undated last).
   * In date order a hit's score is its BM25F score without the proximity bonus, which rescores
   * relevance order only: `explain(query, id, { proximity: false })` gives that score.
   */
  sort?: SortOrder;
  /**
   * Recency decay multiplied into the score (Elasticsearch's function_score decay). `origin`
   * defaults to the newest document's date; `scale` and `offset` take ms or durations like `'30d'`.
   * Undated documents get factor 0.
   */
  recency?: {
    origin?: string | number | Date;
    scale: number | string;
    offset?: number | string;
    decay?: number;
    function?: DecayFunction;
  };
  /**
   * Highlighted passages for each hit, from stored text fields: `true` for the defaults, or options.
   * Document text is HTML-escaped; only the mark tags are markup.
   */
  highlight?: boolean | HighlightRequest;
  /** Facet counts over the whole match set (not just the page): by year, month, keyword fields. */
  facets?: FacetRequest;
  /**
   * Stored fields to return in each hit's `document` (default: every stored field). `[]` returns
   * ids and scores with empty documents and reads no stored data, as a list of links needs.
   * Does not change matching (`fields`), filtering (`filter` sees whole documents) or highlighting.
   */
  documentFields?: readonly string[];
  /**
   * For free text of 2–6 words (default true): the best candidates are rescored so that documents
   * where consecutive query words stand together rank above scattered occurrences. Reads positions
   * for the 30 best candidates only (a fixed window, so pages of any size agree); prefix and fuzzy
   * expansions take no part. `false` skips it. Date order (`sort`) does not use it.
   */
  proximity?: boolean;
}

/** Which stored text fields to highlight, and how (see {@link HighlightOptions}). */
export interface HighlightRequest extends Omit<HighlightOptions, 'phrases'> {
  /** Stored text fields to highlight (default: every stored text field). The title-like first field is marked whole. */
  fields?: readonly string[];
}

/** One result: the user's id, the BM25F score and the stored fields. */
export interface SearchHit {
  id: string;
  score: number;
  document: StoredDocument;
  /** With the `highlight` option: per field, passages as escaped HTML with `<mark>`ed matches. */
  highlights?: Record<string, Passage[]>;
}

/** Hits best first, and how many documents matched in all. */
export interface SearchResult {
  hits: SearchHit[];
  total: number;
  /** With the `facets` option: counts over every match. */
  facets?: Facets;
  /**
   * When the query found nothing or has a word no document contains: the query with misspelt words
   * corrected from the index vocabulary. (Rare-but-present words are corrected only by an explicit
   * `didYouMean()` call, so ordinary searches never pay for a fuzzy walk.)
   */
  didYouMean?: string;
}



export type { FieldExplanation, TermExplanation } from './query/explain-plan.js';
import type { TermExplanation } from './query/explain-plan.js';

/** Why a document scored what it did; `score` equals the sum of the terms' scores and the search score. */
export interface Explanation {
  id: string;
  score: number;
  k1: number;
  docCount: number;
  terms: TermExplanation[];
}

/** Counts and ranges describing an index (see {@link SearchIndex.stats}). */
export interface IndexStats {
  documents: number;
  segments: number;
  /** Terms summed over segments (a term present in two segments counts twice until they merge). */
  terms: number;
  /** Postings summed over segments (deleted documents' postings included until a merge). */
  postings: number;
  /** Deleted documents still occupying segments. */
  deletedDocuments: number;
  /** Oldest and newest dates of live documents, as epoch ms; undefined when no document has a date. */
  dateRange: { min: number; max: number } | undefined;
  /** Documents without a date. */
  undatedDocuments: number;
}

/** Where a live document sits: in a segment, or (segment undefined) in the writer's buffer. */
interface Location {
  segment: Segment | undefined;
  doc: number;
}


const DEFAULTS = { k1: 2, maxBufferedDocs: 50_000, maxBufferedTokens: 4_000_000, maxSegments: 8 };
/** Inside addAll, segments wait for a merge until they are this many times maxSegments (see #flush). */
const BULK_SEGMENTS = 4;

/** A full-text search index for news documents. */
export class SearchIndex {
  readonly #layout: FieldLayout;
  readonly #analyzer: Analyzer;
  readonly #k1: number;
  readonly #maxBufferedDocs: number;
  readonly #maxBufferedTokens: number;
  readonly #maxSegments: number;
  #segments: Segment[] = [];
  /** True while addAll adds its documents: flushes then leave merging owed (see #flush). */
  #bulk = false;
  /** Segments were flushed without the merge policy applied: the next flush (or search) applies it. */
  #mergeOwed = false;
  #writer: SegmentWriter;
  /** Field lengths of buffered documents (the writer does not keep them accessible). */
  #writerLengths: number[] = [];
  /**
   * id → ordinal of each live document. Ordinals number documents across the index: a segment holds
   * [base, base + numDocs) (#baseOf), the writer's buffer [#writerBase, …), and are never reused. A
   * number per id instead of a {segment, doc} object (0.9 MB of objects on Reuters), and a flush
   * re-points nothing: the buffer's ordinals become the new segment's.
   */
  #locations: Map<string, number> | undefined = new Map<string, number>();
  /** Ordinal of DocId 0 of each segment in #segments. */
  #baseOf = new Map<Segment, number>();
  /** Ordinal of the buffer's DocId 0: above every segment's ordinals. */
  #writerBase = 0;
  #nextOrdinal = 0;
  /** The planner's stem → exact-forms cache; valid while the segment list is unchanged. */
  #variantCache = new Map<string, string[]>();
  /** Σ field length over live documents, per scored field: exact integers, for average lengths. */
  #lengthSums: Float64Array;
  /** The last unboosted search's statistics and weights, with the sums they were made from (see #weightsFor). */
  #weightsMemo: { docCount: number; lengthSums: Float64Array; fieldStats: FieldStatistics[]; weights: Bm25fWeights } | undefined;

  constructor(options: SearchIndexOptions = {}) {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new InvalidOptionError('options must be an object', 'options');
    if (options.analyzer !== undefined && !isAnalyzer(options.analyzer)) throw new InvalidOptionError('analyzer must have a name and analyze()', 'analyzer');
    this.#analyzer = options.analyzer ?? englishAnalyzer();
    this.#layout = resolveFieldLayout(options.schema === undefined ? defaultNewsSchema() : options.schema, this.#analyzer);
    this.#k1 = positiveNumber(options.k1, DEFAULTS.k1, 'k1');
    this.#maxBufferedDocs = positiveInteger(options.maxBufferedDocs, DEFAULTS.maxBufferedDocs, 'maxBufferedDocs');
    this.#maxBufferedTokens = positiveInteger(options.maxBufferedTokens, DEFAULTS.maxBufferedTokens, 'maxBufferedTokens');
    this.#maxSegments = positiveInteger(options.maxSegments, DEFAULTS.maxSegments, 'maxSegments');
    this.#writer = new SegmentWriter(this.#layout);
    this.#lengthSums = new Float64Array(this.#layout.scoredCount);
  }

  /** Number of live (added and not removed) documents. */
  get size(): number {
    if (this.#locations !== undefined) return this.#locations.size;
    let live = 0;
    for (const segment of this.#segments) live += segment.liveDocs;
    return live;
  }

  /** The resolved field layout (field numbers, boosts, analyzers). */
  get layout(): FieldLayout {
    return this.#layout;
  }

  /** True when a document with this id is in the index. */
  has(id: string): boolean {
    return this.#ids().has(id);
  }

  /** Adds one document; throws InvalidDocumentError (and changes nothing) when it is invalid or its id exists. */
  add(document: NewsDocument): void {
    const prepared = prepareDocument(document, this.#layout);
    if (this.#ids().has(prepared.id)) {
      throw new InvalidDocumentError(`duplicate id ${prepared.id}`, prepared.id, 'id');
    }
    this.#addPrepared(prepared);
  }

  /**
   * Adds many documents. All are validated first: one bad document leaves the index exactly as it was.
   * Segments its flushes make are merged by the next flush, search or optimize, not one by one as
   * they come (see #flush).
   */
  addAll(documents: Iterable<NewsDocument>): void {
    if (typeof (documents as Partial<Iterable<NewsDocument>> | null | undefined)?.[Symbol.iterator] !== 'function') {
      throw new InvalidOptionError('addAll takes an iterable of documents', 'documents');
    }
    const prepared: PreparedDocument[] = [];
    const seen = new Set<string>();
    // Stepped by hand, not with for…of: an iterator that breaks the protocol gets a typed error
    // naming `documents` rather than the language's TypeError.
    const iterator: unknown = documents[Symbol.iterator]();
    if (typeof iterator !== 'object' || iterator === null || typeof (iterator as Partial<Iterator<unknown>>).next !== 'function') {
      throw new InvalidOptionError('addAll takes an iterable of documents: its iterator has no next()', 'documents');
    }
    const it = iterator as Iterator<NewsDocument>;
    let done = false;
    try {
      for (;;) {
        const step: unknown = it.next();
        if (typeof step !== 'object' || step === null) {
          throw new InvalidOptionError('addAll takes an iterable of documents: its iterator gave a result that is not an object', 'documents');
        }
        if ((step as IteratorResult<NewsDocument>).done === true) {
          done = true;
          break;
        }
        const p = prepareDocument((step as IteratorYieldResult<NewsDocument>).value, this.#layout);
        if (this.#ids().has(p.id) || seen.has(p.id)) {
          throw new InvalidDocumentError(`duplicate id ${p.id}`, p.id, 'id');
        }
        seen.add(p.id);
        prepared.push(p);
      }
    } finally {
      // As for…of does: a batch refused part-way closes the caller's generator.
      if (!done && typeof it.return === 'function') {
        try {
          it.return();
        } catch {
          // The refusal being thrown says more than a failing return().
        }
      }
    }
    this.#bulk = true;
    try {
      for (const p of prepared) this.#addPrepared(p);
    } finally {
      this.#bulk = false;
    }
  }

  /** Removes a document; returns false when no document has this id. */
  remove(id: string): boolean {
    const location = this.#locate(id);
    if (location === undefined) return false;
    const width = this.#layout.scoredCount;
    const segment = location.segment;
    for (let f = 0; f < width; f++) {
      const length =
        segment === undefined ? this.#writerLengths[location.doc * width + f]! : segment.data.fieldLengths[location.doc * width + f]!;
      this.#lengthSums[f] = this.#lengthSums[f]! - length;
    }
    if (segment === undefined) this.#writer.delete(location.doc);
    else segment.delete(location.doc);
    this.#ids().delete(id);
    return true;
  }

  /** Adds the document, replacing any document with the same id. Validation happens before anything is removed. */
  replace(document: NewsDocument): void {
    const prepared = prepareDocument(document, this.#layout);
    this.remove(prepared.id);
    this.#addPrepared(prepared);
  }

  /** Freezes buffered documents into a segment now (searches do this on their own when needed). */
  flush(): void {
    this.#flush(false);
  }

  /**
   * {@link flush}; `retain` keeps the writer's buffers for more documents (a full buffer mid-load).
   * Inside addAll, merging waits until the segments exceed BULK_SEGMENTS × maxSegments (the merge
   * is owed): merged as each flush came, a 1M-document load's documents were rewritten 0.95 times
   * on average before optimize() rewrote them once more (and every merge's new arrays brought the
   * collector back over the whole heap). Owed, the next flush or search merges down to maxSegments
   * in one pass, and optimize() merges everything once: addAll + optimize() 144 → 110 s.
   */
  #flush(retain: boolean, merge = true): void {
    const segment = this.#writer.flush(retain);
    this.#writerLengths = [];
    if (segment !== undefined) {
      this.#baseOf.set(segment, this.#writerBase);
      this.#writerBase = this.#nextOrdinal;
      // A new array, never a push: a search in progress (a filter callback may flush) keeps the
      // list it started with.
      this.#segments = [...this.#segments, segment];
      this.#variantCache.clear();
    } else if (!this.#mergeOwed) {
      return;
    }
    if (!merge) return;
    if (this.#bulk) {
      this.#mergeOwed = true;
      this.#mergeIfNeeded(BULK_SEGMENTS * this.#maxSegments);
      return;
    }
    this.#mergeOwed = false;
    this.#mergeIfNeeded(this.#maxSegments);
  }

  /** Where the live document `id` sits (segment undefined: in the writer's buffer), or undefined. */
  #locate(id: string): Location | undefined {
    const ordinal = this.#ids().get(id);
    if (ordinal === undefined) return undefined;
    if (ordinal >= this.#writerBase) return { segment: undefined, doc: ordinal - this.#writerBase };
    // A linear scan: there are few segments (maxSegments), and only remove/explain/related ask.
    for (const segment of this.#segments) {
      const base = this.#baseOf.get(segment)!;
      if (ordinal >= base && ordinal < base + segment.numDocs) return { segment, doc: ordinal - base };
    }
    return undefined;
  }

  /** Merges every segment into one and drops deleted documents (smaller, faster; results unchanged). */
  optimize(): void {
    // Owed merges are not paid first: everything is merged once below.
    this.#flush(false, false);
    this.#mergeOwed = false;
    if (this.#segments.length > 1 || this.#segments.some((s) => s.deletes.count > 0)) {
      this.#replaceSegments(this.#segments.slice());
    }
  }

  /** Number of segments (after flushing buffered documents). */
  get segmentCount(): number {
    this.flush();
    return this.#segments.length;
  }

  /** Documents, segments, terms and the date range of live documents. */
  stats(): IndexStats {
    this.flush();
    let terms = 0;
    let postings = 0;
    let deleted = 0;
    let min = Infinity;
    let max = -Infinity;
    let undated = 0;
    for (const segment of this.#segments) {
      const { data } = segment;
      terms += data.dictionary.size;
      data.dictionary.decodeAllMetadata(); // a loaded segment decodes term metadata lazily
      for (let t = 0; t < data.termDf.length; t++) postings += data.termDf[t]!;
      deleted += segment.deletes.count;
      const dates = data.dates.value;
      for (let d = 0; d < data.numDocs; d++) {
        if (segment.deletes.has(d)) continue;
        const date = dates[d]!;
        if (Number.isNaN(date)) undated++;
        else {
          if (date < min) min = date;
          if (date > max) max = date;
        }
      }
    }
    return {
      documents: this.size,
      segments: this.#segments.length,
      terms,
      postings,
      deletedDocuments: deleted,
      dateRange: min <= max ? { min, max } : undefined,
      undatedDocuments: undated,
    };
  }

  /**
   * Searches with the query language (terms, "phrases", fields, AND/OR/NOT, prefix*, fuzzy~,
   * boosts^, date filters; see README) or a prebuilt query tree. Lenient by default: never throws
   * on query text. Ties are broken by id, so results are deterministic.
   */
  search(query: string | QueryNode, givenOptions: SearchOptions = {}): SearchResult {
    const options = copySearchOptions(givenOptions);
    const limit = nonNegativeInteger(options.limit, 10, 'limit');
    const offset = nonNegativeInteger(options.offset, 0, 'offset');
    const only = this.#documentFields(options.documentFields);
    this.flush();
    const prepared = this.#prepare(query, options);
    // No search has more hits than the index has documents: a limit of 2^31 or 1e300 must not size
    // the ranking's buffers (it ran out of memory, or threw a RangeError).
    const k = Math.min(offset + limit, this.size);
    // The segments this search started with: a filter callback that adds, removes or optimizes
    // replaces the index's list, and hits must be read from the one they were ranked in.
    const segments = this.#segments;
    const result = runPlan(segments, prepared.plan, prepared.weights, {
      k,
      page: k,
      filter: prepared.filter,
      dateRange: prepared.dateRange,
      sort: prepared.sort,
      recency: prepared.recency,
      collectMatches: options.facets !== undefined,
      proximity: options.proximity ?? true,
      tieBreaks: prepared.tieBreaks,
      // Always present: runPlan's widened copy then has the same shape, and `rank` stays monomorphic.
      floor: undefined,
    });
    const marker = options.highlight === undefined || options.highlight === false ? undefined : this.#highlighter(prepared.plan, options.highlight);
    const hits: SearchHit[] = [];
    for (let i = offset; i < result.hits.length; i++) {
      const r = result.hits[i]!;
      const segment = segments[r.segment]!;
      let document: StoredDocument;
      let highlights: Record<string, Passage[]> | undefined;
      if (marker !== undefined) {
        // Highlighting reads the whole document; the hit carries the fields asked for.
        const whole = this.#stored(segment, r.doc);
        highlights = marker(whole);
        document = only === undefined ? whole : pickFields(whole, only);
      } else if (only === undefined) document = this.#stored(segment, r.doc);
      else document = only.size === 0 ? {} : this.#stored(segment, r.doc, only);
      const hit: SearchHit = { id: r.id, score: r.score, document };
      if (highlights !== undefined) hit.highlights = highlights;
      hits.push(hit);
    }
    const out: SearchResult = { hits, total: result.total };
    if (options.facets !== undefined) out.facets = countFacets(this.#view(segments), result.matches ?? [], options.facets);
    if (typeof query === 'string' && (result.total === 0 || prepared.unknownWord)) {
      const corrected = correctQuery(this.#view(), query);
      if (corrected !== undefined && corrected !== query) out.didYouMean = corrected;
    }
    return out;
  }

  /**
   * Completions of a partial query: its last word completed from the index vocabulary, ranked by
   * co-occurrence with the earlier words, then by document frequency.
   */
  suggest(query: string, options: { limit?: number } = {}): Suggestion[] {
    if (typeof query !== 'string') throw new InvalidOptionError('query must be a string', 'query');
    if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new InvalidOptionError('options must be an object', 'options');
    const limit = positiveInteger(options.limit, 5, 'limit');
    this.flush();
    return suggestCompletions(this.#view(), query, limit);
  }

  /** The query with misspelt words replaced by frequent index words within a small edit distance, or undefined. */
  didYouMean(query: string): string | undefined {
    if (typeof query !== 'string') throw new InvalidOptionError('query must be a string', 'query');
    this.flush();
    return correctQuery(this.#view(), query);
  }

  /** Articles related to `id` (more-like-this by its most significant terms), excluding itself and exact duplicates. */
  related(id: string, options: { limit?: number } = {}): SearchHit[] {
    if (typeof id !== 'string') throw new InvalidOptionError('id must be a string', 'id');
    if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new InvalidOptionError('options must be an object', 'options');
    const limit = positiveInteger(options.limit, 10, 'limit');
    this.flush();
    const location = this.#locate(id);
    if (location === undefined || location.segment === undefined) return [];
    const segment = this.#segments.indexOf(location.segment);
    const weights = this.#prepare('', {}).weights;
    return relatedDocs(this.#view(), segment, location.doc, weights, limit).map((r) => ({
      id: r.id,
      score: r.score,
      document: this.#stored(this.#segments[r.segment]!, r.doc),
    }));
  }

  #view(segments: readonly Segment[] = this.#segments): IndexView {
    return {
      segments,
      layout: this.#layout,
      docCount: this.size,
      analyzer: this.#analyzer,
      df: (term) => liveDf(segments, term),
    };
  }

  /** Builds the per-hit highlighter for a plan: its positive terms and its phrases. */
  #highlighter(plan: PlanNode, request: true | HighlightRequest): (document: StoredDocument) => Record<string, Passage[]> {
    const options: HighlightRequest = request === true ? {} : request;
    // Checked now: a search without hits would never read them, and then accept what one with hits refuses.
    try {
      checkHighlightOptions(options);
    } catch (error) {
      // The standalone highlighter names its own option; here the caller passed `highlight`.
      if (error instanceof InvalidOptionError) throw new InvalidOptionError(`highlight.${error.message}`, 'highlight');
      throw error;
    }
    if (options.fields !== undefined && !(Array.isArray(options.fields) && options.fields.every((f) => typeof f === 'string'))) {
      throw new InvalidOptionError('highlight.fields must be an array of field names', 'highlight');
    }
    const stored = this.#layout.fields.filter((f) => f.kind === 'text' && f.stored);
    let fields = stored;
    if (options.fields !== undefined) {
      fields = [];
      for (const name of options.fields) {
        const f = this.#layout.byName.get(name);
        if (f === undefined || f.kind !== 'text' || !f.stored) throw new InvalidOptionError(`highlight.fields: ${name} is not a stored text field`, 'highlight');
        fields.push(f);
      }
    }
    const terms = new Set<string>();
    const phrases: PhraseTerms[] = [];
    collectHighlightTerms(plan, terms, phrases);
    const { fields: _fields, ...passageOptions } = options;
    const first = this.#layout.fields.find((f) => f.kind === 'text');
    return (document) => {
      const out: Record<string, Passage[]> = {};
      for (const field of fields) {
        const text = document[field.name];
        if (typeof text !== 'string') continue;
        const opts: HighlightOptions = { ...passageOptions, phrases };
        // The first text field (the title) is short: marked whole rather than cut into passages.
        out[field.name] = field === first ? [highlightAll(text, field.analyzer, terms, opts)] : highlight(text, field.analyzer, terms, opts).passages;
      }
      return out;
    };
  }

  /**
   * Why a document scored what it did for `query`: per term and per field, summing to the search
   * score (for phrase clauses, per phrase). Undefined when the id is unknown.
   */
  explain(query: string | QueryNode, id: string, givenOptions: Pick<SearchOptions, 'fields' | 'boost' | 'mode' | 'defaultOperator' | 'maxExpansions' | 'proximity'> = {}): Explanation | undefined {
    if (typeof id !== 'string') throw new InvalidOptionError('id must be a string', 'id');
    const options = copySearchOptions(givenOptions);
    this.flush();
    // The query and options are checked whatever the id: an unknown id must not make a bad call pass.
    const prepared = this.#prepare(query, options);
    const location = this.#locate(id);
    if (location === undefined || location.segment === undefined) return undefined;
    const terms = explainPlan(prepared.plan, location.segment, location.doc, prepared.weights, this.#layout, prepared.fieldStats);
    if (prepared.plan.kind === 'terms' && terms.length > 0 && options.proximity !== false) {
      // Searches add this to the best RESCORE_WINDOW candidates of a free-text query, by BM25F score
      // then id (see proximity.ts): a document past them shows its score without it.
      const bonus = proximityBonus(location.segment, location.doc, wordPairs(prepared.plan.terms), prepared.weights);
      if (bonus > 0) {
        const segment = this.#segments.indexOf(location.segment);
        const window = rankTerms(this.#segments, prepared.plan.terms, prepared.weights, RESCORE_WINDOW, undefined, undefined).hits;
        if (window.some((h) => h.segment === segment && h.doc === location.doc)) {
          terms.push({ term: 'word proximity', kind: 'proximity', weight: PROXIMITY_WEIGHT, pseudoTf: 0, score: bonus, fields: [] });
        }
      }
    }
    let score = 0;
    for (const t of terms) score += t.score;
    return { id, score, k1: this.#k1, docCount: this.size, terms };
  }

  #stored(segment: Segment, doc: number, only?: ReadonlySet<string>): StoredDocument {
    return decodeStored(this.#layout, segment.storedJson(doc), segment.data.dates.value[doc]!, only) as StoredDocument;
  }

  /** The validated `documentFields` option: undefined for every stored field. */
  #documentFields(names: readonly string[] | undefined): ReadonlySet<string> | undefined {
    if (names === undefined) return undefined;
    if (!Array.isArray(names)) throw new InvalidOptionError('documentFields must be an array of stored field names', 'documentFields');
    const stored = this.#layout.storedNames;
    for (const name of names) {
      if (typeof name !== 'string' || !stored.includes(name)) throw new InvalidOptionError(`documentFields: ${String(name)} is not a stored field`, 'documentFields');
    }
    return new Set(names);
  }

  /** Parses, plans and gathers everything a search needs; validates options (InvalidOptionError). */
  #prepare(query: string | QueryNode, options: SearchOptions): {
    plan: PlanNode;
    tieBreaks: readonly TieBreak[];
    unknownWord: boolean;
    weights: Bm25fWeights;
    fieldStats: FieldStatistics[];
    filter: CandidateFilter | undefined;
    dateRange: DateRange | undefined;
    sort: SortOrder;
    recency: ResolvedDecay | undefined;
  } {
    if (typeof query !== 'string') {
      if (typeof query !== 'object' || query === null) throw new InvalidOptionError('query must be a string or a query tree', 'query');
      checkQueryTree(query);
    }
    const layout = this.#layout;
    const width = layout.scoredCount;
    let searchedMask = (1 << width) - 1;
    if (options.fields !== undefined) {
      searchedMask = 0;
      for (const name of options.fields) {
        const f = layout.byName.get(name);
        if (f === undefined || f.number >= width) throw new InvalidOptionError(`unknown text or date field: ${name}`, 'fields');
        searchedMask |= 1 << f.number;
      }
    }
    const boosts = options.boost ?? {};
    for (const [name, value] of Object.entries(boosts)) {
      const f = layout.byName.get(name);
      if (f === undefined || f.number >= width) throw new InvalidOptionError(`unknown text or date field: ${name}`, 'boost');
      if (typeof value !== 'number' || !(value >= 0) || value > MAX_BOOST) throw new InvalidOptionError(`boost for ${name} must be a number from 0 to ${MAX_BOOST}`, 'boost');
    }
    const maxExpansions = options.maxExpansions === undefined ? DEFAULT_MAX_EXPANSIONS : positiveInteger(options.maxExpansions, DEFAULT_MAX_EXPANSIONS, 'maxExpansions');
    const sort = options.sort ?? 'relevance';
    if (sort !== 'relevance' && sort !== 'newest' && sort !== 'oldest') throw new InvalidOptionError(`sort must be relevance, newest or oldest`, 'sort');
    const docCount = this.size;
    const { fieldStats, weights } = this.#weightsFor(boosts, docCount);
    const strict = options.mode === 'strict';
    const ast =
      typeof query === 'string'
        ? parseQuery(query, parseOptions(options))
        : query;
    const segments = this.#segments;
    const planned = planQuery(ast, {
      layout,
      searchedMask,
      docCount,
      df: (term) => liveDf(segments, term),
      dictionaries: segments.map((s) => s.data.dictionary),
      strict,
      query: typeof query === 'string' ? query : '',
      maxExpansions,
      variantCache: this.#variantCache,
    });
    return {
      plan: planned.plan,
      tieBreaks: planned.tieBreaks,
      unknownWord: planned.unknownWord,
      weights,
      fieldStats,
      filter: this.#filterFor(options),
      dateRange: options.dateRange === undefined ? undefined : resolveDateRange(options.dateRange),
      sort,
      recency: options.recency === undefined ? undefined : this.#recency(options.recency),
    };
  }

  /**
   * Field statistics and BM25F weights for `boosts` over the live documents. Without boosts they
   * depend only on the document count and the length sums, so the last ones are kept while those
   * are unchanged (compared, not versioned: no update path can forget to invalidate them).
   */
  #weightsFor(boosts: Readonly<Record<string, number>>, docCount: number): { fieldStats: FieldStatistics[]; weights: Bm25fWeights } {
    const layout = this.#layout;
    const width = layout.scoredCount;
    let boosted = false;
    for (const key in boosts) if (Object.hasOwn(boosts, key)) boosted = true;
    const memo = this.#weightsMemo;
    if (!boosted && memo !== undefined && memo.docCount === docCount) {
      let same = true;
      for (let f = 0; f < width; f++) if (memo.lengthSums[f] !== this.#lengthSums[f]) same = false;
      if (same) return memo;
    }
    const fieldStats: FieldStatistics[] = layout.fields.slice(0, width).map((f) => ({
      boost: Object.hasOwn(boosts, f.name) ? boosts[f.name]! : f.boost,
      b: f.b,
      avgLength: docCount > 0 ? this.#lengthSums[f.number]! / docCount : 0,
    }));
    const weights = new Bm25fWeights({ k1: this.#k1 }, fieldStats);
    if (!boosted) this.#weightsMemo = { docCount, lengthSums: Float64Array.from(this.#lengthSums.slice(0, width)), fieldStats, weights };
    return { fieldStats, weights };
  }

  /** Combines the keyword and predicate filters into one per-candidate test (the date range goes to the executor apart). */
  #filterFor(options: SearchOptions): CandidateFilter | undefined {
    const tests: CandidateFilter[] = [];
    const segments = this.#segments;
    if (options.where !== undefined) {
      for (const [name, wanted] of Object.entries(options.where)) {
        const field = this.#layout.byName.get(name);
        if (field === undefined || field.kind !== 'keyword') throw new InvalidOptionError(`where: ${name} is not a keyword field`, 'where');
        const values = typeof wanted === 'string' ? [wanted] : wanted;
        if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) throw new InvalidOptionError(`where.${name} must be a string or strings`, 'where');
        const keys = values.map((v) => keywordTerm(field.number, normalizeKeyword(v)));
        const bit = 1 << field.number;
        // Per segment, the documents carrying any wanted value (decoded once per search).
        const sets = segments.map((segment) => {
          const set = new Set<number>();
          for (const key of keys) {
            const ordinal = segment.data.dictionary.lookup(key);
            if (ordinal >= 0) forEachPosting(segment.data, ordinal, (doc, mask) => {
              if ((mask & bit) !== 0) set.add(doc);
            });
          }
          return set;
        });
        tests.push((s, doc) => sets[s]!.has(doc));
      }
    }
    const predicate = options.filter;
    if (predicate !== undefined) {
      if (typeof predicate !== 'function') throw new InvalidOptionError('filter must be a function', 'filter');
      tests.push((s, doc) => {
        const segment = segments[s]!;
        return predicate(this.#stored(segment, doc), segment.data.ids.at(doc)) === true;
      });
    }
    if (tests.length === 0) return undefined;
    if (tests.length === 1) return tests[0];
    return (s, doc) => tests.every((t) => t(s, doc));
  }

  #recency(input: NonNullable<SearchOptions['recency']>): ResolvedDecay {
    let origin: number | undefined;
    if (input.origin === undefined) origin = this.stats().dateRange?.max ?? 0;
    else origin = parseDate(input.origin);
    if (origin === undefined) throw new InvalidOptionError('recency.origin is not a date', 'recency');
    return validateDecay({
      origin,
      scale: input.scale,
      ...(input.offset === undefined ? {} : { offset: input.offset }),
      ...(input.decay === undefined ? {} : { decay: input.decay }),
      ...(input.function === undefined ? {} : { function: input.function }),
    });
  }

  /** The index as bytes: a versioned binary format with a section table and checksums. */
  serialize(): Uint8Array {
    this.flush();
    return encodeIndex({
      layout: this.#layout,
      analyzerName: this.#analyzer.name,
      k1: this.#k1,
      maxBufferedDocs: this.#maxBufferedDocs,
      maxBufferedTokens: this.#maxBufferedTokens,
      maxSegments: this.#maxSegments,
      segments: this.#segments,
    });
  }

  /**
   * Loads bytes written by {@link serialize}. Custom analyzers are not saved: pass them again (by the
   * same names) in `analyzers`. Throws IndexFormatError on anything it cannot read. Every checksum is
   * verified here, but term metadata is decoded per group of terms on first use: bytes that pass
   * their checksums yet are malformed there (a crafted file) are refused by the first call using them.
   * The index reads from `bytes` without copying them (an 8-byte-aligned input is used in place): do
   * not write into that buffer afterwards; pass a copy if it will be reused.
   */
  static deserialize(bytes: Uint8Array, options: { analyzers?: readonly Analyzer[] } = {}): SearchIndex {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new InvalidOptionError('options must be an object', 'options');
    const analyzers = options.analyzers ?? [];
    if (!Array.isArray(analyzers) || !analyzers.every(isAnalyzer)) {
      throw new InvalidOptionError('analyzers must be an array of analyzers', 'analyzers');
    }
    const decoded = decodeIndex(bytes, analyzers);
    let index: SearchIndex;
    try {
      index = new SearchIndex({
        schema: decoded.schema,
        analyzer: decoded.analyzer,
        k1: decoded.k1,
        maxBufferedDocs: decoded.maxBufferedDocs,
        maxBufferedTokens: decoded.maxBufferedTokens,
        maxSegments: decoded.maxSegments,
      });
    } catch (error) {
      // Settings the constructor refuses came from the file's metadata: the file is at fault.
      if (error instanceof InvalidOptionError) throw new IndexFormatError(`index metadata is malformed: ${error.message}`, 'meta', error.option, 'a valid setting');
      throw error;
    }
    index.#adoptSegments(decoded.segments, decoded.lengthTotals);
    return index;
  }

  /**
   * Takes loaded segments without a loop over their documents (load time is a bench bar): length
   * sums come from the file's per-segment totals less the deleted documents, and the id map is
   * built on the first call that needs it (has, add, remove, explain, related).
   */
  #adoptSegments(segments: Segment[], totals: ReadonlyArray<Float64Array | undefined>): void {
    this.#segments = segments;
    this.#locations = undefined;
    const width = this.#layout.scoredCount;
    segments.forEach((segment, s) => {
      const { fieldLengths, numDocs } = segment.data;
      const base = this.#nextOrdinal;
      this.#baseOf.set(segment, base);
      this.#nextOrdinal = this.#writerBase = base + numDocs;
      const total = totals[s];
      if (total === undefined) {
        for (let d = 0; d < numDocs; d++) {
          if (segment.deletes.has(d)) continue;
          for (let f = 0; f < width; f++) this.#lengthSums[f] = this.#lengthSums[f]! + fieldLengths[d * width + f]!;
        }
        return;
      }
      for (let f = 0; f < width; f++) this.#lengthSums[f] = this.#lengthSums[f]! + total[f]!;
      if (segment.deletes.count === 0) return;
      for (let d = 0; d < numDocs; d++) {
        if (!segment.deletes.has(d)) continue;
        for (let f = 0; f < width; f++) this.#lengthSums[f] = this.#lengthSums[f]! - fieldLengths[d * width + f]!;
      }
    });
  }

  /** id → ordinal of every live document, built from the segments on first use after a load. */
  #ids(): Map<string, number> {
    let locations = this.#locations;
    if (locations === undefined) {
      locations = new Map<string, number>();
      for (let s = 0; s < this.#segments.length; s++) {
        const segment = this.#segments[s]!;
        const base = this.#baseOf.get(segment)!;
        const ids = segment.data.ids.value;
        for (let d = 0; d < ids.length; d++) {
          if (segment.deletes.has(d)) continue;
          const size = locations.size;
          locations.set(ids[d]!, base + d);
          // Only a loaded file can hold one id twice (adds refuse duplicates): a crafted one, refused
          // here, at the first call that needs ids (has, add, remove, replace), before any change.
          if (locations.size === size) throw new IndexFormatError(`id ${JSON.stringify(ids[d])} belongs to two live documents`, `section:ids/${s}`, ids[d]!, 'unique ids');
        }
      }
      this.#locations = locations;
    }
    return locations;
  }

  #addPrepared(prepared: PreparedDocument): void {
    const { doc, lengths } = this.#writer.add(prepared);
    for (let f = 0; f < lengths.length; f++) {
      this.#lengthSums[f] = this.#lengthSums[f]! + lengths[f]!;
      this.#writerLengths.push(lengths[f]!);
    }
    this.#ids().set(prepared.id, this.#writerBase + doc);
    this.#nextOrdinal = this.#writerBase + doc + 1;
    if (this.#writer.numDocs >= this.#maxBufferedDocs || this.#writer.tokenCount >= this.#maxBufferedTokens) this.#flush(true);
  }

  /** Merges when there are more than `limit` segments, or mostly deleted ones. */
  #mergeIfNeeded(limit: number): void {
    const segments = this.#segments;
    // Segments mostly deleted are rewritten whatever their count: they cost postings scans for nothing.
    const heavy = segments.filter((s) => s.deletes.count * 2 > s.numDocs);
    if (segments.length <= limit && heavy.length === 0) return;
    const bySize = segments.slice().sort((a, b) => a.liveDocs - b.liveDocs);
    const chosen = new Set<Segment>(heavy);
    // Merge the smaller half (at least two): logarithmic merging keeps each document's rewrite count
    // low. Owed merges may leave many more than `limit`: then as many as it takes, in one merge.
    const count = Math.max(2, Math.ceil(segments.length / 2), segments.length - limit + 1);
    if (segments.length > limit) for (const s of bySize.slice(0, count)) chosen.add(s);
    this.#replaceSegments(segments.filter((s) => chosen.has(s)));
  }

  /** Replaces `chosen` (in their list order) by their merge, and re-points their documents. */
  #replaceSegments(chosen: Segment[]): void {
    if (chosen.length === 0) return;
    // Callers flush first: merged ordinals must stay below the buffer's.
    if (this.#writer.numDocs > 0) throw new Error('segments merged while documents are buffered');
    const merged = mergeSegments(chosen);
    const keep = this.#segments.filter((s) => !chosen.includes(s));
    const ids = merged.data.ids.value;
    const base = this.#nextOrdinal;
    // Not built yet (a loaded index): it is derived from the segments, merged one included, when needed.
    const locations = this.#locations;
    if (locations !== undefined) {
      for (let d = 0; d < ids.length; d++) if (locations.has(ids[d]!)) locations.set(ids[d]!, base + d);
    }
    for (const s of chosen) this.#baseOf.delete(s);
    if (merged.numDocs > 0) this.#baseOf.set(merged, base);
    this.#nextOrdinal = this.#writerBase = base + merged.numDocs;
    this.#segments = merged.numDocs > 0 ? [...keep, merged] : keep;
    this.#variantCache.clear();
  }

}

/** The terms and phrases a plan matches on, for highlighting (exact forms and tie-breakers left out). */
function collectHighlightTerms(plan: PlanNode, terms: Set<string>, phrases: PhraseTerms[]): void {
  switch (plan.kind) {
    case 'terms':
      for (const t of plan.terms) if (t.weight > 0 && !isExactTerm(t.term)) terms.add(t.term);
      return;
    case 'phrase': {
      const width = Math.max(...plan.terms.map((t) => t.offset)) + 1;
      const slots: Array<string | null> = new Array(width).fill(null);
      let simple = true;
      for (const t of plan.terms) {
        if (slots[t.offset] !== null) simple = false; // two terms at one position (a compound): mark the words only
        slots[t.offset] = t.term;
        terms.add(t.term);
      }
      if (simple && plan.slop === 0) phrases.push(slots);
      return;
    }
    case 'bool':
      for (const c of [...plan.must, ...plan.should]) collectHighlightTerms(c, terms, phrases);
      return;
    default:
      return;
  }
}

/** The fields of `document` named in `only`. */
function pickFields(document: StoredDocument, only: ReadonlySet<string>): StoredDocument {
  const out: StoredDocument = {};
  for (const name of only) if (Object.hasOwn(document, name)) out[name] = document[name]!;
  return out;
}

const NO_PARSE_OPTIONS = {};

/** The parser's options from a search's (one shared empty object for the common case: no allocation). */
function parseOptions(options: SearchOptions): ParseOptions {
  if (options.mode === undefined && options.defaultOperator === undefined) return NO_PARSE_OPTIONS;
  const out: { mode?: NonNullable<SearchOptions['mode']>; defaultOperator?: NonNullable<SearchOptions['defaultOperator']> } = {};
  if (options.mode !== undefined) out.mode = options.mode;
  if (options.defaultOperator !== undefined) out.defaultOperator = options.defaultOperator;
  return out;
}

/** Live document frequency of `term` across segments (exact after deletes; see Segment.liveDf). */
function liveDf(segments: readonly Segment[], term: string): number {
  let df = 0;
  for (const segment of segments) {
    const ordinal = segment.data.dictionary.lookup(term);
    if (ordinal >= 0) df += segment.liveDf(ordinal);
  }
  return df;
}

/** Date-range option → [from, to) in epoch ms; strings at their precision, inclusive at both ends. */
function resolveDateRange(range: NonNullable<SearchOptions['dateRange']>): { from: number; to: number } {
  if (typeof range !== 'object' || range === null) throw new InvalidOptionError('dateRange must be an object', 'dateRange');
  const bound = (v: string | number | Date | undefined): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v === 'string') return v;
    const ms = parseDate(v);
    if (ms === undefined) throw new InvalidOptionError('dateRange bound is not a date', 'dateRange');
    return new Date(ms).toISOString();
  };
  const span = parseDateRange(bound(range.from), bound(range.to), { lower: true, upper: true });
  if (span === undefined) throw new InvalidOptionError('dateRange bounds are not dates', 'dateRange');
  return span;
}

function normalizeKeyword(value: string): string {
  return normalize(value.trim());
}

function positiveNumber(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) throw new InvalidOptionError(`${name} must be a positive number`, name);
  return value;
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0) throw new InvalidOptionError(`${name} must be a positive integer`, name);
  return value;
}

function nonNegativeInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new InvalidOptionError(`${name} must be an integer ≥ 0`, name);
  return value;
}
