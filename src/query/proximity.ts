// Proximity rescoring of free-text results: among the best candidates, documents where consecutive
// query words stand next to each other (a phrase, either order, one word between allowed) get a bonus,
// so "trade fair" written together outranks "trade" and "fair" scattered. Reads positions only here.

import type { Segment } from '../index/segment.js';
import { readPosting, type DecodedPosting } from '../index/read-posting.js';
import { isExactTerm } from '../index/exact-terms.js';
import type { Bm25fWeights } from '../scoring/bm25f.js';
import type { ScoringTerm } from './executor.js';
import { phraseFrequency } from './phrase-match.js';
import type { RankedDoc } from './top-k.js';

/**
 * Weight of a word pair's BM25F proximity score relative to the lighter of its two words. Small on
 * purpose: on CISI, MED and CACM (long natural-language queries) proximity is neutral at 0.1 and costs
 * relevance at 0.25 and above, so it orders documents that are otherwise close, as users expect of a
 * two- or three-word news query, without overriding term weights.
 */
export const PROXIMITY_WEIGHT = 0.1;
/** Queries with more words than this are prose, not keywords: proximity is not computed for them. */
export const MAX_PROXIMITY_WORDS = 6;
/** Only this many top candidates are rescored: positions are read for them alone. */
export const RESCORE_WINDOW = 100;
/** A pair counts when the two words are within this many extra positions of each other. */
const PAIR_SLOP = 1;

/** Adjacent pairs of the query's positive words, in query order, with the weight of the lighter word. */
export interface WordPair {
  readonly a: string;
  readonly b: string;
  readonly fieldMask: number;
  readonly weight: number;
}

/** The pairs a bag of scoring terms rescoring uses (none for a one-word query). */
export function wordPairs(terms: readonly ScoringTerm[]): WordPair[] {
  const words = terms.filter((t) => t.weight > 0 && !isExactTerm(t.term));
  const pairs: WordPair[] = [];
  if (words.length > MAX_PROXIMITY_WORDS) return pairs;
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    const fieldMask = a.fieldMask & b.fieldMask;
    if (fieldMask !== 0) pairs.push({ a: a.term, b: b.term, fieldMask, weight: Math.min(a.weight, b.weight) * PROXIMITY_WEIGHT });
  }
  return pairs;
}

/** The proximity bonus of one document: Σ over pairs of weight · tf̃ / (tf̃ + k1), tf̃ from pair frequencies. */
export function proximityBonus(segment: Segment, doc: number, pairs: readonly WordPair[], weights: Bm25fWeights): number {
  const data = segment.data;
  const width = data.scoredCount;
  let bonus = 0;
  const cache = new Map<string, DecodedPosting | undefined>();
  const posting = (term: string): DecodedPosting | undefined => {
    if (!cache.has(term)) {
      const ordinal = data.dictionary.lookup(term);
      cache.set(term, ordinal < 0 ? undefined : readPosting(data, ordinal, doc));
    }
    return cache.get(term);
  };
  for (const pair of pairs) {
    const pa = posting(pair.a);
    const pb = posting(pair.b);
    if (pa === undefined || pb === undefined) continue;
    let pseudoTf = 0;
    for (let m = pair.fieldMask & pa.mask & pb.mask; m !== 0; ) {
      const low = m & -m;
      m ^= low;
      const f = 31 - Math.clz32(low);
      if (f >= width) continue;
      const freq = phraseFrequency([pa.positions[f] ?? [], pb.positions[f] ?? []], [0, 1], PAIR_SLOP);
      if (freq > 0) pseudoTf += weights.fieldPart(f, freq, data.fieldLengths[doc * width + f]!);
    }
    if (pseudoTf > 0) bonus += (pair.weight * pseudoTf) / (pseudoTf + weights.k1);
  }
  return bonus;
}

/**
 * Adds the proximity bonus to the first RESCORE_WINDOW hits and re-sorts them (score desc, id asc);
 * hits beyond the window keep their order after them.
 */
export function rescoreByProximity(segments: readonly Segment[], hits: RankedDoc[], pairs: readonly WordPair[], weights: Bm25fWeights): RankedDoc[] {
  if (pairs.length === 0 || hits.length === 0) return hits;
  const window = hits.slice(0, RESCORE_WINDOW).map((h) => {
    const bonus = proximityBonus(segments[h.segment]!, h.doc, pairs, weights);
    return bonus === 0 ? h : { ...h, score: h.score + bonus };
  });
  window.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return hits.length <= RESCORE_WINDOW ? window : [...window, ...hits.slice(RESCORE_WINDOW)];
}
