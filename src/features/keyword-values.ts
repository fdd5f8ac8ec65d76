// Per-segment doc values of keyword fields, built once per (segment, field) from the postings and
// cached: segments are immutable, so the column never goes stale (merges make new segments).

import type { Segment } from '../index/segment.js';
import { forEachPosting } from '../index/segment.js';
import { isExactTerm } from '../index/exact-terms.js';

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
  const terms = data.dictionary.terms;
  // One pass over the dictionary: a term belongs to the column when any posting carries the field's bit.
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]!;
    if (isExactTerm(term)) continue;
    let index = -1;
    forEachPosting(data, t, (doc, mask) => {
      if ((mask & bit) === 0) return;
      if (index < 0) {
        index = values.length;
        values.push(term);
      }
      (byDoc[doc] ??= []).push(index);
    });
  }
  const column = { values, byDoc };
  perField.set(field, column);
  return column;
}
