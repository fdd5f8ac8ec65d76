// The executable form of a query: what the planner makes of the AST once terms are analysed,
// expanded (prefix, fuzzy) and weighted with collection statistics. Executors read only this.

import type { ScoringTerm } from './executor.js';

/** One term of a phrase: the analysed term and its position relative to the phrase start. */
export interface PhraseTerm {
  readonly term: string;
  readonly offset: number;
}

/** Accepts or rejects a segment-local document without scoring it (date ranges, keyword values). */
export type DocPredicate = (segment: number, doc: number) => boolean;

/** A node of the executable plan. */
export type PlanNode =
  /** A bag of scoring terms, ORed; a document's score is the sum over matching terms (BM25F). */
  | { readonly kind: 'terms'; readonly terms: readonly ScoringTerm[] }
  /**
   * Documents where all terms occur at their offsets (exact when slop is 0; within a window of
   * `slop` extra positions otherwise) in one of the fields of `fieldMask`; scored by BM25F over
   * the phrase frequency with the summed idf of its terms.
   */
  | {
      readonly kind: 'phrase';
      readonly terms: readonly PhraseTerm[];
      readonly slop: number;
      readonly fieldMask: number;
      /** Σ idf of the terms × boost. */
      readonly weight: number;
    }
  /** Documents carrying a keyword-field term (score 0: it filters, it does not rank). */
  | { readonly kind: 'keyword'; readonly term: string; readonly field: number }
  /** Documents whose date lies in [from, to) (score 0). */
  | { readonly kind: 'date'; readonly from: number; readonly to: number }
  /** Boolean combination; with no `must`, at least one `should` must match (unless `should` is empty too). */
  | {
      readonly kind: 'bool';
      readonly must: readonly PlanNode[];
      readonly should: readonly PlanNode[];
      readonly mustNot: readonly PlanNode[];
      readonly boost: number;
    }
  /** Every live document, score 0. */
  | { readonly kind: 'all' }
  /** No document. */
  | { readonly kind: 'none' };

/**
 * How to break an exact score tie in favour of the exact word: for a query word written differently
 * from its stem, documents holding that exact form win (`exact`); for a word that is its own stem,
 * documents holding it only through other forms (`variants`, e.g. "ports" for "port") lose.
 */
export interface TieBreak {
  readonly fieldMask: number;
  /** The exact-form term of the query word, when it differs from its stem. */
  readonly exact: string | undefined;
  /** Exact-form terms of the stem's other forms, when the query word is its own stem. */
  readonly variants: readonly string[];
}

/** A plan and what the planner noticed on the way. */
export interface PlannedQuery {
  readonly plan: PlanNode;
  readonly tieBreaks: readonly TieBreak[];
  /** Some query word is in no document (a did-you-mean candidate). */
  readonly unknownWord: boolean;
}
