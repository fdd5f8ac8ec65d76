// Breaks exact score ties among the best hits in favour of the query's exact word forms (see
// TieBreak in plan.ts). Reads the few postings it needs for the tied documents only; scores never change.

import type { Segment } from '../index/segment.js';
import { ordinalInList, termFrequencyAt } from '../index/read-posting.js';
import { NO_STEM } from '../index/exact-stems.js';
import type { TieBreak } from './plan.js';
import type { RankedDoc } from './top-k.js';

/** Extra candidates ranked beyond the page so a tie straddling its last place can still be broken. */
export const TIE_WINDOW = 10;

/**
 * `hits` (best first) with each run of equal scores reordered: more exact forms first, then id.
 * Runs starting at or past `page` are left as they are: the caller keeps only the first `page` hits.
 */
export function breakTies(segments: readonly Segment[], hits: RankedDoc[], tieBreaks: readonly TieBreak[], page = hits.length): RankedDoc[] {
  if (tieBreaks.length === 0 || hits.length < 2) return hits;
  const out = hits.slice();
  for (let i = 0; i < out.length && i < page; ) {
    let j = i + 1;
    while (j < out.length && out[j]!.score === out[i]!.score) j++;
    if (j - i > 1) {
      const run = out.slice(i, j).map((h) => ({ h, signal: exactness(segments[h.segment]!, h.doc, tieBreaks) }));
      run.sort((a, b) => b.signal - a.signal || (a.h.id < b.h.id ? -1 : a.h.id > b.h.id ? 1 : 0));
      for (let r = 0; r < run.length; r++) out[i + r] = run[r]!.h;
    }
    i = j;
  }
  return out;
}

/** Occurrences of the query's exact forms minus occurrences of its words' other forms. */
function exactness(segment: Segment, doc: number, tieBreaks: readonly TieBreak[]): number {
  let signal = 0;
  for (const tb of tieBreaks) {
    // The forms of one tie-break share a stem: where their postings point into its list, the
    // document's place there is found once for all of them.
    keyStem = -1;
    if (tb.exact !== undefined) signal += tfIn(segment, tb.exact, doc, tb.fieldMask);
    for (const v of tb.variants) signal -= tfIn(segment, v, doc, tb.fieldMask);
  }
  return signal;
}

/** The stem whose list `key` is the document's ordinal in (-1: none yet), for the tie-break being read. */
let keyStem = -1;
let key = -1;

/** tf of `term` in `doc` over the fields of `fieldMask`: a block or two decoded, no positions, no allocation. */
function tfIn(segment: Segment, term: string, doc: number, fieldMask: number): number {
  const data = segment.data;
  const ordinal = data.dictionary.lookup(term);
  if (ordinal < 0) return 0;
  const stem = data.exactStems.stemOf(ordinal);
  if (stem === NO_STEM) return termFrequencyAt(data, ordinal, doc, fieldMask);
  if (stem !== keyStem) {
    keyStem = stem;
    key = ordinalInList(data, stem, doc);
  }
  return key < 0 ? 0 : termFrequencyAt(data, ordinal, key, fieldMask);
}
