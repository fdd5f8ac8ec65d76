// Per-segment doc values of keyword fields, built once per (segment, field) from the postings and
// cached: segments are immutable, so the column never goes stale (merges make new segments).

import type { Segment } from '../index/segment.js';
import { forEachPosting } from '../index/segment.js';
import { keywordPrefix, keywordValue } from '../index/keyword-terms.js';

/** For each DocId, the indexes (into `values`) of the keyword values it carries. */
export interface KeywordColumn {
  readonly values: readonly string[];
  readonly byDoc: ReadonlyArray<readonly number[] | undefined>;
}

const cache = new WeakMap<Segment, Map<number, KeywordColumn>>();

/** The column of keyword field `field` in `segment` (values are the indexed, normalised terms). */
export function keywordColumn(segment: Segment, field: number): KeywordColumn {
  let perField = cache.get(segment);
  if (perField === undefined) {
    perField = new Map();
    cache.set(segment, perField);
  }
  const cached = perField.get(field);
  if (cached !== undefined) return cached;
  const data = segment.data;
  const bit = 1 << field;
  const values: string[] = [];
  const byDoc: Array<number[] | undefined> = new Array(data.numDocs);
  // The field's values are one contiguous range of the dictionary (the keyword namespace).
  const [from, to] = data.dictionary.prefixRange(keywordPrefix(field));
  for (let t = from; t < to; t++) {
    const index = values.length;
    values.push(keywordValue(data.dictionary.term(t)));
    forEachPosting(data, t, (doc, mask) => {
      if ((mask & bit) !== 0) (byDoc[doc] ??= []).push(index);
    });
  }
  const column = { values, byDoc };
  perField.set(field, column);
  return column;
}
