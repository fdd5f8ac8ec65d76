// The indexing form of an analyzer: raw tokens → vocabulary ids, memoised per distinct raw token in
// a hash table keyed by the token's UTF-16 units, so a repeated word costs no string and no Map
// lookup. It does not define the chain (analyzer.ts passes it in) and owns no vocabulary.

import type { IdAnalysis, SpanSink, TermIdSink, TermVocabulary, TokenSink, Tokenizer } from './types.js';
import { UnitTable, hashSpan } from './unit-table.js';

/** What the filter chain made of one raw token. */
export interface ChainOutput {
  /** The term, or null when the token is dropped (a stop word, or nothing left after normalising). */
  term: string | null;
  /** The unstemmed form when stemming changed the term. */
  exact: string | undefined;
}

/** Runs the filter chain on one raw token, writing into `out` (no allocation per call). */
export type Chain = (raw: string, out: ChainOutput) => void;

/**
 * Distinct raw tokens remembered before the table is emptied and refilled (bounds memory on hostile
 * input: at most 2^19 slots of 32 bytes, 16 MB, while a batch is analysed).
 */
export const ID_MEMO_LIMIT = 1 << 18;

/** Value a of a dropped token (a stop word): no term. */
const DROPPED = -1;
/** V8 makes substrings of this many units or more views into their parent (SlicedString). */
const SLICE_VIEW_LENGTH = 13;

function ignore(): void {}

/**
 * `token` as a string that shares no memory with the text it was cut from. A long substring is a
 * view that would keep the whole document alive for as long as the vocabulary (and then the
 * dictionary) holds the term; the concatenation is flattened into a fresh string before slicing.
 */
export function detached(token: string): string {
  return token.length < SLICE_VIEW_LENGTH ? token : (' ' + token).slice(1);
}

/**
 * Memoised analysis into one vocabulary: a {@link UnitTable} from each distinct raw token to the
 * vocabulary ids of its term (or DROPPED) and of its exact form (or -1).
 */
export class MemoIdAnalysis implements IdAnalysis {
  readonly #tokenizer: Tokenizer;
  readonly #chain: Chain;
  readonly #vocabulary: TermVocabulary;
  readonly #limit: number;
  readonly #out: ChainOutput = { term: null, exact: undefined };
  readonly #table = new UnitTable(1 << 12);
  #text = '';
  #sink: TermIdSink = ignore;

  constructor(tokenizer: Tokenizer, chain: Chain, vocabulary: TermVocabulary, limit = ID_MEMO_LIMIT) {
    this.#tokenizer = tokenizer;
    this.#chain = chain;
    this.#vocabulary = vocabulary;
    this.#limit = Math.max(1, limit);
  }

  /** Distinct raw tokens currently remembered. */
  get size(): number {
    return this.#table.size;
  }

  analyze(text: string, sink: TermIdSink): void {
    // Saved and restored so a sink that analyses another text leaves this call's state intact;
    // between calls the state is empty again (no reference to a large text or a sink is kept).
    const outerText = this.#text;
    const outerSink = this.#sink;
    this.#text = text;
    this.#sink = sink;
    try {
      const tokenizer = this.#tokenizer;
      if (tokenizer.tokenizeSpans !== undefined) tokenizer.tokenizeSpans(text, this.#onSpan);
      else tokenizer.tokenize(text, this.#onToken);
    } finally {
      this.#text = outerText;
      this.#sink = outerSink;
    }
  }

  readonly #onToken: TokenSink = (raw, position) => {
    this.#onSpan(raw, position, 0, raw.length);
  };

  // The per-token hot path: hash the units, probe, emit. No string is made unless the token is new.
  readonly #onSpan: SpanSink = (raw, position, start, end) => {
    const text = raw ?? this.#text;
    const from = raw === null ? start : 0;
    const to = raw === null ? end : raw.length;
    const hash = hashSpan(text, from, to);
    let slot = this.#table.find(text, from, to, hash);
    if (slot < 0) slot = this.#insert(detached(raw ?? text.slice(from, to)), hash);
    const table = this.#table;
    const term = table.a(slot);
    if (term !== DROPPED) this.#sink(term, position, table.b(slot));
  };

  /** Runs the chain on a new raw token and remembers it; returns its slot. */
  #insert(token: string, hash: number): number {
    const out = this.#out;
    out.term = null;
    out.exact = undefined;
    this.#chain(token, out);
    const vocabulary = this.#vocabulary;
    const term = out.term === null ? DROPPED : vocabulary.id(out.term);
    const exact = out.term === null || out.exact === undefined ? -1 : vocabulary.id(out.exact);
    const table = this.#table;
    if (table.size >= this.#limit) table.clear();
    return table.add(token, 0, token.length, hash, term, exact);
  }
}

/**
 * Fallback for analyzers without {@link Analyzer.idAnalysis}: their `analyze`, with each term
 * interned as it arrives (one Map lookup per token).
 */
export class PlainIdAnalysis implements IdAnalysis {
  readonly #analyze: (text: string, sink: TokenSink) => void;
  readonly #vocabulary: TermVocabulary;
  #sink: TermIdSink = ignore;
  readonly #onToken: TokenSink = (term, position, _start, _end, exact) => {
    const vocabulary = this.#vocabulary;
    this.#sink(vocabulary.id(term), position, exact === undefined ? -1 : vocabulary.id(exact));
  };

  constructor(analyze: (text: string, sink: TokenSink) => void, vocabulary: TermVocabulary) {
    this.#analyze = analyze;
    this.#vocabulary = vocabulary;
  }

  analyze(text: string, sink: TermIdSink): void {
    const outerSink = this.#sink;
    this.#sink = sink;
    try {
      this.#analyze(text, this.#onToken);
    } finally {
      this.#sink = outerSink;
    }
  }
}
