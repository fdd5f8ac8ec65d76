// The read-only view of an index that features (facets, suggestions, related articles) work on:
// segments, layout and statistics. Features never mutate the index through it.

import type { Analyzer } from '../analysis/types.js';
import type { FieldLayout } from '../index/field-layout.js';
import type { Segment } from '../index/segment.js';

/** What a feature may read. */
export interface IndexView {
  readonly segments: readonly Segment[];
  readonly layout: FieldLayout;
  /** Live documents. */
  readonly docCount: number;
  /** Live document frequency of a term across segments. */
  df(term: string): number;
  /** The analyzer of the default text fields. */
  readonly analyzer: Analyzer;
}

/** A document of the view: its segment number and segment-local DocId. */
export interface DocRef {
  readonly segment: number;
  readonly doc: number;
}
