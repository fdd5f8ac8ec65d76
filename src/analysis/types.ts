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

/** Splits raw text into raw tokens (not yet normalised) with positions and offsets. */
export interface Tokenizer {
  tokenize(text: string, sink: TokenSink): void;
}

/**
 * One step of the filter chain: returns the new term, or null to drop the token (its position is
 * kept, so phrases across a dropped stop word stay correct).
 */
export type TokenFilter = (term: string) => string | null;

/** Text in, tokens out: the same chain runs at index and at query time. */
export interface Analyzer {
  /** A stable name, written into saved indexes so a loader can re-attach the analyzer. */
  readonly name: string;
  analyze(text: string, sink: TokenSink): void;
}
