// The facade users hold: options and defaults, add/remove/replace, search, explain, save/load.
// It owns the segment list, the id → location map and the live collection statistics.

import type { Analyzer } from './analysis/types.js';
import type { NewsDocument, Schema, StoredDocument } from './document.js';
import { defaultNewsSchema } from './document.js';
import { englishAnalyzer } from './analysis/analyzer.js';
import { InvalidDocumentError, InvalidOptionError } from './errors.js';
import { resolveFieldLayout, type FieldLayout } from './index/field-layout.js';
import { prepareDocument, type PreparedDocument } from './index/prepare-document.js';
import { Segment } from './index/segment.js';
import { SegmentWriter } from './index/segment-writer.js';
import { mergeSegments } from './index/merge.js';
import { readPosting } from './index/read-posting.js';
import { Bm25fWeights, idf, type FieldStatistics } from './scoring/bm25f.js';
import { rankTerms, type ScoringTerm } from './query/executor.js';
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
  /** Per-field boost overrides for this search, e.g. `{ title: 3 }`. */
  boost?: Readonly<Record<string, number>>;
  /** Keep only hits for which this returns true; `total` counts only those. */
  filter?: (document: StoredDocument, id: string) => boolean;
}

/** One result: the user's id, the BM25F score and the stored fields. */
export interface SearchHit {
  id: string;
  score: number;
  document: StoredDocument;
}

/** Hits best first, and how many documents matched in all. */
export interface SearchResult {
  hits: SearchHit[];
  total: number;
}

/** One field's share of a term's score in {@link Explanation}. */
export interface FieldExplanation {
  field: string;
  tf: number;
  length: number;
  avgLength: number;
  boost: number;
  b: number;
  /** boost · tf / (1 − b + b · length / avgLength): this field's part of tf̃. */
  pseudoTf: number;
  /** The term's score apportioned by this field's share of tf̃. */
  score: number;
}

/** One query term's contribution in {@link Explanation}. */
export interface TermExplanation {
  term: string;
  idf: number;
  /** Times the term occurs in the query (a repeated word weighs more). */
  queryFrequency: number;
  df: number;
  /** Σ over fields of boost · tf / B: combined before saturation (BM25F). */
  pseudoTf: number;
  /** idf · queryFrequency · tf̃ / (tf̃ + k1). */
  score: number;
  fields: FieldExplanation[];
}

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

/** A planned free-text query: scoring terms and their explanations' inputs. */
interface Plan {
  terms: Array<ScoringTerm & { idf: number; df: number; queryFrequency: number }>;
  weights: Bm25fWeights;
  fieldStats: FieldStatistics[];
}

const DEFAULTS = { k1: 2, maxBufferedDocs: 50_000, maxBufferedTokens: 4_000_000, maxSegments: 8 };

/** A full-text search index for news documents. */
export class SearchIndex {
  readonly #layout: FieldLayout;
  readonly #analyzer: Analyzer;
  readonly #k1: number;
  readonly #maxBufferedDocs: number;
  readonly #maxBufferedTokens: number;
  readonly #maxSegments: number;
  #segments: Segment[] = [];
  #writer: SegmentWriter;
  /** Field lengths of buffered documents (the writer does not keep them accessible). */
  #writerLengths: number[] = [];
  #locations = new Map<string, Location>();
  /** Σ field length over live documents, per scored field: exact integers, for average lengths. */
  #lengthSums: Float64Array;

  constructor(options: SearchIndexOptions = {}) {
    this.#analyzer = options.analyzer ?? englishAnalyzer();
    this.#layout = resolveFieldLayout(options.schema ?? defaultNewsSchema(), this.#analyzer);
    this.#k1 = positiveNumber(options.k1, DEFAULTS.k1, 'k1');
    this.#maxBufferedDocs = positiveInteger(options.maxBufferedDocs, DEFAULTS.maxBufferedDocs, 'maxBufferedDocs');
    this.#maxBufferedTokens = positiveInteger(options.maxBufferedTokens, DEFAULTS.maxBufferedTokens, 'maxBufferedTokens');
    this.#maxSegments = positiveInteger(options.maxSegments, DEFAULTS.maxSegments, 'maxSegments');
    this.#writer = new SegmentWriter(this.#layout);
    this.#lengthSums = new Float64Array(this.#layout.scoredCount);
  }

  /** Number of live (added and not removed) documents. */
  get size(): number {
    return this.#locations.size;
  }

  /** The resolved field layout (field numbers, boosts, analyzers). */
  get layout(): FieldLayout {
    return this.#layout;
  }

  /** True when a document with this id is in the index. */
  has(id: string): boolean {
    return this.#locations.has(id);
  }

  /** Adds one document; throws InvalidDocumentError (and changes nothing) when it is invalid or its id exists. */
  add(document: NewsDocument): void {
    const prepared = prepareDocument(document, this.#layout);
    if (this.#locations.has(prepared.id)) {
      throw new InvalidDocumentError(`duplicate id ${prepared.id}`, prepared.id, 'id');
    }
    this.#addPrepared(prepared);
  }

  /** Adds many documents. All are validated first: one bad document leaves the index exactly as it was. */
  addAll(documents: Iterable<NewsDocument>): void {
    const prepared: PreparedDocument[] = [];
    const seen = new Set<string>();
    for (const document of documents) {
      const p = prepareDocument(document, this.#layout);
      if (this.#locations.has(p.id) || seen.has(p.id)) {
        throw new InvalidDocumentError(`duplicate id ${p.id}`, p.id, 'id');
      }
      seen.add(p.id);
      prepared.push(p);
    }
    for (const p of prepared) this.#addPrepared(p);
  }

  /** Removes a document; returns false when no document has this id. */
  remove(id: string): boolean {
    const location = this.#locations.get(id);
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
    this.#locations.delete(id);
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
    const segment = this.#writer.flush();
    this.#writerLengths = [];
    if (segment === undefined) return;
    const ids = segment.data.ids;
    for (let d = 0; d < ids.length; d++) {
      if (segment.deletes.has(d)) continue;
      const location = this.#locations.get(ids[d]!);
      if (location !== undefined && location.segment === undefined) location.segment = segment;
    }
    this.#segments.push(segment);
    this.#mergeIfNeeded();
  }

  /** Merges every segment into one and drops deleted documents (smaller, faster; results unchanged). */
  optimize(): void {
    this.flush();
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
      for (let t = 0; t < data.termDf.length; t++) postings += data.termDf[t]!;
      deleted += segment.deletes.count;
      for (let d = 0; d < data.numDocs; d++) {
        if (segment.deletes.has(d)) continue;
        const date = data.dates[d]!;
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

  /** Free-text search: terms are ORed and ranked by BM25F. Ties are broken by id, so results are deterministic. */
  search(query: string, options: SearchOptions = {}): SearchResult {
    if (typeof query !== 'string') throw new InvalidOptionError('query must be a string', 'query');
    const limit = nonNegativeInteger(options.limit, 10, 'limit');
    const offset = nonNegativeInteger(options.offset, 0, 'offset');
    this.flush();
    const plan = this.#plan(query, options);
    if (plan.terms.length === 0) return { hits: [], total: 0 };
    const segments = this.#segments;
    const filter = options.filter;
    const candidateFilter =
      filter === undefined
        ? undefined
        : (s: number, doc: number): boolean => {
            const segment = segments[s]!;
            return filter(JSON.parse(segment.storedJson(doc)) as StoredDocument, segment.data.ids[doc]!);
          };
    const ranked = rankTerms(segments, plan.terms, plan.weights, offset + limit, candidateFilter);
    const hits: SearchHit[] = [];
    for (let i = offset; i < ranked.hits.length; i++) {
      const r = ranked.hits[i]!;
      const segment = segments[r.segment]!;
      hits.push({ id: r.id, score: r.score, document: JSON.parse(segment.storedJson(r.doc)) as StoredDocument });
    }
    return { hits, total: ranked.total };
  }

  /** The per-term, per-field breakdown of a document's score for `query`; undefined when the id is unknown. */
  explain(query: string, id: string, options: Pick<SearchOptions, 'fields' | 'boost'> = {}): Explanation | undefined {
    this.flush();
    const location = this.#locations.get(id);
    if (location === undefined || location.segment === undefined) return undefined;
    const plan = this.#plan(query, options);
    const data = location.segment.data;
    const width = this.#layout.scoredCount;
    const terms: TermExplanation[] = [];
    let score = 0;
    for (const term of plan.terms) {
      const ordinal = data.dictionary.lookup(term.term);
      const posting = ordinal < 0 ? undefined : readPosting(data, ordinal, location.doc);
      if (posting === undefined) continue;
      let pseudoTf = 0;
      const parts: Array<{ field: number; tf: number; part: number }> = [];
      // Same operations in the same order as the executor, so the sum equals the search score exactly.
      for (let m = posting.mask; m !== 0; ) {
        const low = m & -m;
        m ^= low;
        const f = 31 - Math.clz32(low);
        if ((term.fieldMask & low) === 0) continue;
        const tf = posting.tfs[f]!;
        const norm = plan.weights.normA[f]! + plan.weights.normB[f]! * data.fieldLengths[location.doc * width + f]!;
        const part = norm > 0 ? (plan.weights.boost[f]! * tf) / norm : 0;
        pseudoTf += part;
        parts.push({ field: f, tf, part });
      }
      if (pseudoTf === 0) continue;
      const termScore = (term.weight * pseudoTf) / (pseudoTf + this.#k1);
      score += termScore;
      terms.push({
        term: term.term,
        idf: term.idf,
        queryFrequency: term.queryFrequency,
        df: term.df,
        pseudoTf,
        score: termScore,
        fields: parts.map(({ field, tf, part }) => ({
          field: this.#layout.fields[field]!.name,
          tf,
          length: data.fieldLengths[location.doc * width + field]!,
          avgLength: plan.fieldStats[field]!.avgLength,
          boost: plan.fieldStats[field]!.boost,
          b: plan.fieldStats[field]!.b,
          pseudoTf: part,
          score: (termScore * part) / pseudoTf,
        })),
      });
    }
    return { id, score, k1: this.#k1, docCount: this.size, terms };
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
   * same names) in `analyzers`. Throws IndexFormatError on anything it cannot read.
   */
  static deserialize(bytes: Uint8Array, options: { analyzers?: readonly Analyzer[] } = {}): SearchIndex {
    const decoded = decodeIndex(bytes, options.analyzers ?? []);
    const index = new SearchIndex({
      schema: decoded.schema,
      analyzer: decoded.analyzer,
      k1: decoded.k1,
      maxBufferedDocs: decoded.maxBufferedDocs,
      maxBufferedTokens: decoded.maxBufferedTokens,
      maxSegments: decoded.maxSegments,
    });
    index.#adoptSegments(decoded.segments);
    return index;
  }

  #adoptSegments(segments: Segment[]): void {
    this.#segments = segments;
    const width = this.#layout.scoredCount;
    for (const segment of segments) {
      const { ids, fieldLengths } = segment.data;
      for (let d = 0; d < ids.length; d++) {
        if (segment.deletes.has(d)) continue;
        this.#locations.set(ids[d]!, { segment, doc: d });
        for (let f = 0; f < width; f++) this.#lengthSums[f] = this.#lengthSums[f]! + fieldLengths[d * width + f]!;
      }
    }
  }

  #addPrepared(prepared: PreparedDocument): void {
    const { doc, lengths } = this.#writer.add(prepared);
    for (let f = 0; f < lengths.length; f++) {
      this.#lengthSums[f] = this.#lengthSums[f]! + lengths[f]!;
      this.#writerLengths.push(lengths[f]!);
    }
    this.#locations.set(prepared.id, { segment: undefined, doc });
    if (this.#writer.numDocs >= this.#maxBufferedDocs || this.#writer.tokenCount >= this.#maxBufferedTokens) this.flush();
  }

  #mergeIfNeeded(): void {
    const segments = this.#segments;
    // Segments mostly deleted are rewritten whatever their count: they cost postings scans for nothing.
    const heavy = segments.filter((s) => s.deletes.count * 2 > s.numDocs);
    if (segments.length <= this.#maxSegments && heavy.length === 0) return;
    const bySize = segments.slice().sort((a, b) => a.liveDocs - b.liveDocs);
    const chosen = new Set<Segment>(heavy);
    // Merge the smaller half (at least two): logarithmic merging keeps each document's rewrite count low.
    const half = Math.max(2, Math.ceil(segments.length / 2));
    if (segments.length > this.#maxSegments) for (const s of bySize.slice(0, half)) chosen.add(s);
    this.#replaceSegments(segments.filter((s) => chosen.has(s)));
  }

  /** Replaces `chosen` (in their list order) by their merge, and re-points their documents. */
  #replaceSegments(chosen: Segment[]): void {
    if (chosen.length === 0) return;
    const merged = mergeSegments(chosen);
    const keep = this.#segments.filter((s) => !chosen.includes(s));
    const ids = merged.data.ids;
    for (let d = 0; d < ids.length; d++) {
      const location = this.#locations.get(ids[d]!);
      if (location !== undefined) {
        location.segment = merged;
        location.doc = d;
      }
    }
    this.#segments = merged.numDocs > 0 ? [...keep, merged] : keep;
  }

  /** Analyses the query per searched field and gathers the collection statistics it needs. */
  #plan(query: string, options: Pick<SearchOptions, 'fields' | 'boost'>): Plan {
    const layout = this.#layout;
    const width = layout.scoredCount;
    let searched = layout.fields.slice(0, width);
    if (options.fields !== undefined) {
      const wanted = new Set(options.fields);
      for (const name of wanted) {
        const f = layout.byName.get(name);
        if (f === undefined || f.number >= width) throw new InvalidOptionError(`unknown text or date field: ${name}`, 'fields');
      }
      searched = searched.filter((f) => wanted.has(f.name));
    }
    const boosts = options.boost ?? {};
    for (const [name, value] of Object.entries(boosts)) {
      const f = layout.byName.get(name);
      if (f === undefined || f.number >= width) throw new InvalidOptionError(`unknown text or date field: ${name}`, 'boost');
      if (!(value >= 0) || !Number.isFinite(value)) throw new InvalidOptionError(`boost for ${name} must be a finite number ≥ 0`, 'boost');
    }
    const docCount = this.size;
    const fieldStats: FieldStatistics[] = layout.fields.slice(0, width).map((f) => ({
      boost: Object.hasOwn(boosts, f.name) ? boosts[f.name]! : f.boost,
      b: f.b,
      avgLength: docCount > 0 ? this.#lengthSums[f.number]! / docCount : 0,
    }));

    // Each distinct analyzer runs once; a term counts in the fields whose analyzer produced it.
    const byTerm = new Map<string, { queryFrequency: number; fieldMask: number }>();
    const analyzed = new Map<Analyzer, Map<string, number>>();
    for (const field of searched) {
      let counts = analyzed.get(field.analyzer);
      if (counts === undefined) {
        const c = new Map<string, number>();
        field.analyzer.analyze(query, (term) => c.set(term, (c.get(term) ?? 0) + 1));
        analyzed.set(field.analyzer, c);
        counts = c;
      }
      for (const [term, n] of counts) {
        const entry = byTerm.get(term);
        if (entry === undefined) byTerm.set(term, { queryFrequency: n, fieldMask: 1 << field.number });
        else {
          entry.fieldMask |= 1 << field.number;
          entry.queryFrequency = Math.max(entry.queryFrequency, n);
        }
      }
    }

    const terms: Plan['terms'] = [];
    for (const [term, { queryFrequency, fieldMask }] of byTerm) {
      let df = 0;
      for (const segment of this.#segments) {
        const ordinal = segment.data.dictionary.lookup(term);
        if (ordinal >= 0) df += segment.liveDf(ordinal);
      }
      if (df === 0) continue;
      const termIdf = idf(docCount, df);
      terms.push({ term, fieldMask, idf: termIdf, df, queryFrequency, weight: termIdf * queryFrequency });
    }
    return { terms, weights: new Bm25fWeights({ k1: this.#k1 }, fieldStats), fieldStats };
  }
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
