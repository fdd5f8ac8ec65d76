// The shapes that flow out of analysis: tokens and the pluggable steps that make them.
// Analysis knows nothing of documents, fields or indexes.

/** One token: the term as indexed, its position in the field, and its UTF-16 offsets in the text. */
export interface Token {
  term: string;
  position: number;
  start: number;
  end: number;
}

/**
 * Receives tokens without allocating an object per token (the indexing hot path).
 * Tokens that share a position (a hyphenated compound and its parts) are emitted in any order.
 * `exact` is the normalised form before stemming, given only when it differs from `term`: the
 * index keeps it so that an exact word can outrank its stem-mates.
 */
export type TokenSink = (term: string, position: number, start: number, end: number, exact?: string) => void;

/**
 * Receives raw tokens as spans of the text: `raw` is null when the token is exactly
 * `text.slice(start, end)` (the common case, so no string is made for it), else the token itself.
 */
export type SpanSink = (raw: string | null, position: number, start: number, end: number) => void;

/** Splits raw text into raw tokens (not yet normalised) with positions and offsets. */
export interface Tokenizer {
  tokenize(text: string, sink: TokenSink): void;
  /**
   * Optional allocation-free form of `tokenize`: the same tokens in the same order, given as spans.
   * Indexing uses it when present; `tokenize` alone is enough for correctness.
   */
  tokenizeSpans?(text: string, sink: SpanSink): void;
}

/**
 * One step of the filter chain: returns the new term, or null to drop the token (its position is
 * kept, so phrases across a dropped stop word stay correct).
 */
export type TokenFilter = (term: string) => string | null;

/** Term strings ↔ dense ids (0, 1, 2, …); the owner decides how long ids stay valid. */
export interface TermVocabulary {
  /** The id of `term`, assigning the next one on first sight. */
  id(term: string): number;
  /** The term of an id given by {@link TermVocabulary.id}. */
  term(id: number): string;
  readonly size: number;
}

/** Receives tokens as vocabulary ids; `exact` is the id of the unstemmed form when it differs from the term, else -1. */
export type TermIdSink = (term: number, position: number, exact: number) => void;

/** Analyses texts into the ids of one vocabulary (see {@link Analyzer.idAnalysis}). */
export interface IdAnalysis {
  analyze(text: string, sink: TermIdSink): void;
}

/** Text in, tokens out: the same chain runs at index and at query time. */
export interface Analyzer {
  /** A stable name, written into saved indexes so a loader can re-attach the analyzer. */
  readonly name: string;
  analyze(text: string, sink: TokenSink): void;
  /**
   * Optional indexing fast path: emits exactly the terms and positions of `analyze`, as ids of
   * `vocabulary`, so an indexer never hashes a term string per token. The returned object may
   * cache per distinct raw token; drop it with the vocabulary. Without it, indexers fall back to
   * `analyze` (see idAnalysisOf in analyzer.ts).
   */
  idAnalysis?(vocabulary: TermVocabulary): IdAnalysis;
}
