// Breaks exact score ties among the best hits in favour of the query's exact word forms (see
// TieBreak in plan.ts). Reads the few postings it needs for the tied documents only; scores never change.

import type { Segment } from '../index/segment.js';
import { ordinalsInList, termFrequenciesAt } from '../index/read-posting.js';
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
  // The hits in runs that matter, as [start, end) pairs.
  const runs: number[] = [];
  for (let i = 0; i < hits.length && i < page; ) {
    let j = i + 1;
    while (j < hits.length && hits[j]!.score === hits[i]!.score) j++;
    if (j - i > 1) runs.push(i, j);
    i = j;
  }
  if (runs.length === 0) return hits;
  const signal = exactness(segments, hits, runs, tieBreaks);
  const out = hits.slice();
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r]!;
    const end = runs[r + 1]!;
    // Rankings hand runs over in id order (a tie's own order); then a stable sort by signal alone
    // keeps it among equal signals, with no string compares (a 100k-document run: 14 → ~3 ms).
    let byId = true;
    for (let i = start + 1; i < end && byId; i++) byId = hits[i - 1]!.id < hits[i]!.id;
    let low = signal[start]!;
    let high = low;
    for (let i = start + 1; i < end; i++) {
      const v = signal[i]!;
      if (v < low) low = v;
      else if (v > high) high = v;
    }
    if (byId && high - low < 64) {
      // Few distinct signals (occurrence counts): a counting sort, highest first, stable.
      const starts = new Int32Array(high - low + 2);
      for (let i = start; i < end; i++) starts[high - signal[i]! + 1]!++;
      for (let v = 1; v < starts.length; v++) starts[v]! += starts[v - 1]!;
      for (let i = start; i < end; i++) out[start + starts[high - signal[i]!]!++] = hits[i]!;
      continue;
    }
    const order: number[] = [];
    for (let i = start; i < end; i++) order.push(i);
    order.sort(byId ? (a, b) => signal[b]! - signal[a]! : (a, b) => signal[b]! - signal[a]! || (hits[a]!.id < hits[b]!.id ? -1 : hits[a]!.id > hits[b]!.id ? 1 : 0));
    for (let k = 0; k < order.length; k++) out[start + k] = hits[order[k]!]!;
  }
  return out;
}

/**
 * Per hit of the runs (by index in `hits`; 0 elsewhere): occurrences of the query's exact forms
 * minus occurrences of its words' other forms. Read per segment for all its tied documents at once,
 * in DocId order, so that documents sharing a block share its decode: one posting at a time, this
 * was an eighth of a one-word Reuters query (ties are common there).
 */
function exactness(segments: readonly Segment[], hits: readonly RankedDoc[], runs: readonly number[], tieBreaks: readonly TieBreak[]): Int32Array {
  const signal = new Int32Array(hits.length);
  const tied: number[] = [];
  for (let r = 0; r < runs.length; r += 2) for (let i = runs[r]!; i < runs[r + 1]!; i++) tied.push(i);
  // Segment, then DocId order.
  tied.sort((a, b) => hits[a]!.segment - hits[b]!.segment || hits[a]!.doc - hits[b]!.doc);
  const docs = new Int32Array(tied.length);
  const keys = new Int32Array(tied.length);
  const tfs = new Int32Array(tied.length);
  for (let from = 0; from < tied.length; ) {
    const s = hits[tied[from]!]!.segment;
    let n = 0;
    while (from + n < tied.length && hits[tied[from + n]!]!.segment === s) {
      docs[n] = hits[tied[from + n]!]!.doc;
      n++;
    }
    const data = segments[s]!.data;
    for (const tb of tieBreaks) {
      // The forms of one tie-break share a stem: where their postings point into its list, the
      // documents' places there are found once for all of them.
      let keyStem = NO_STEM;
      const forms = tb.exact === undefined ? tb.variants : [tb.exact, ...tb.variants];
      for (let f = 0; f < forms.length; f++) {
        const form = forms[f]!;
        const sign = f === 0 && tb.exact !== undefined ? 1 : -1;
        const ordinal = data.dictionary.lookup(form);
        if (ordinal < 0) continue;
        const stem = data.exactStems.stemOf(ordinal);
        if (stem !== NO_STEM && stem !== keyStem) {
          ordinalsInList(data, stem, docs, n, keys);
          keyStem = stem;
        }
        termFrequenciesAt(data, ordinal, stem === NO_STEM ? docs : keys, n, tb.fieldMask, tfs);
        for (let i = 0; i < n; i++) signal[tied[from + i]!]! += sign * tfs[i]!;
      }
    }
    from += n;
  }
  return signal;
}
