// Breaks exact score ties among the best hits in favour of the query's exact word forms (see
// TieBreak in plan.ts). Reads the few postings it needs for the tied documents only; scores never change.

import type { Segment } from '../index/segment.js';
import { termFrequencyIn } from '../index/read-posting.js';
import type { TieBreak } from './plan.js';
import type { RankedDoc } from './top-k.js';

/** Extra candidates ranked beyond the page so a tie straddling its last place can still be broken. */
export const TIE_WINDOW = 10;

/** `hits` (best first) with each run of equal scores reordered: more exact forms first, then id. */
export function breakTies(segments: readonly Segment[], hits: RankedDoc[], tieBreaks: readonly TieBreak[]): RankedDoc[] {
  if (tieBreaks.length === 0 || hits.length < 2) return hits;
  const out = hits.slice();
  for (let i = 0; i < out.length; ) {
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
    if (tb.exact !== undefined) signal += tfIn(segment, tb.exact, doc, tb.fieldMask);
    for (const v of tb.variants) signal -= tfIn(segment, v, doc, tb.fieldMask);
  }
  return signal;
}

/** tf of `term` in `doc` over the fields of `fieldMask`: one block decoded, no positions, no allocation. */
function tfIn(segment: Segment, term: string, doc: number, fieldMask: number): number {
  const ordinal = segment.data.dictionary.lookup(term);
  return ordinal < 0 ? 0 : termFrequencyIn(segment.data, ordinal, doc, fieldMask);
}
