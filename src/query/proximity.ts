// Proximity rescoring of free-text results: among the best candidates, documents where consecutive
// query words stand next to each other (in query order, at most one word between) get a bonus,
// so "trade fair" written together outranks "trade" and "fair" scattered. Reads positions only here.

import type { Segment } from '../index/segment.js';
import { PositionsScratch, readPositions } from '../index/read-positions.js';
import { isExactTerm } from '../index/exact-terms.js';
import type { Bm25fWeights } from '../scoring/bm25f.js';
import type { ScoringTerm } from './executor.js';
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
/**
 * Only this many top candidates are rescored (positions are read for them alone). Fixed, not tied
 * to the page size, so every page sees the same order; 30 covers the first three pages of ten.
 */
export const RESCORE_WINDOW = 30;
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
export function proximityBonus(segment: Segment, doc: number, pairs: readonly WordPair[], weights: Bm25fWeights, ordinals?: Int32Array): number {
  const data = segment.data;
  const width = data.scoredCount;
  if (scratchA.tf.length < data.fieldCount) {
    scratchA = new PositionsScratch(data.fieldCount);
    scratchB = new PositionsScratch(data.fieldCount);
  }
  let bonus = 0;
  for (let k = 0; k < pairs.length; k++) {
    const pair = pairs[k]!;
    const oa = ordinals === undefined ? data.dictionary.lookup(pair.a) : ordinals[2 * k]!;
    const ob = ordinals === undefined ? data.dictionary.lookup(pair.b) : ordinals[2 * k + 1]!;
    if (oa < 0 || ob < 0) continue;
    if (!readPositions(data, oa, doc, scratchA) || !readPositions(data, ob, doc, scratchB)) continue;
    let pseudoTf = 0;
    for (let m = pair.fieldMask & scratchA.mask & scratchB.mask; m !== 0; ) {
      const low = m & -m;
      m ^= low;
      const f = 31 - Math.clz32(low);
      if (f >= width) continue;
      const freq = pairFrequency(scratchA, scratchB, f);
      if (freq > 0) pseudoTf += weights.fieldPart(f, freq, data.fieldLengths[doc * width + f]!);
    }
    if (pseudoTf > 0) bonus += (pair.weight * pseudoTf) / (pseudoTf + weights.k1);
  }
  return bonus;
}

let scratchA = new PositionsScratch(8);
let scratchB = new PositionsScratch(8);

/**
 * Occurrences of the first word followed by the second with at most PAIR_SLOP words between:
 * the phrase frequency of `"a b"~PAIR_SLOP` (phrase-match.ts), by a two-pointer walk over both lists.
 */
function pairFrequency(a: PositionsScratch, b: PositionsScratch, field: number): number {
  const aStart = a.start[field]!;
  const aEnd = aStart + a.tf[field]!;
  const bStart = b.start[field]!;
  const bEnd = bStart + b.tf[field]!;
  let freq = 0;
  let j = bStart;
  for (let i = aStart; i < aEnd; i++) {
    // A match needs b − 1 within PAIR_SLOP of a, i.e. b ∈ [a + 1 − PAIR_SLOP, a + 1 + PAIR_SLOP].
    const lo = a.pos[i]! + 1 - PAIR_SLOP;
    while (j < bEnd && b.pos[j]! < lo) j++;
    if (j < bEnd && b.pos[j]! <= a.pos[i]! + 1 + PAIR_SLOP) freq++;
  }
  return freq;
}

/**
 * Adds the proximity bonus to the first RESCORE_WINDOW hits and re-sorts them (score desc, id asc);
 * hits beyond the window keep their order after them.
 */
export function rescoreByProximity(segments: readonly Segment[], hits: RankedDoc[], pairs: readonly WordPair[], weights: Bm25fWeights): RankedDoc[] {
  if (pairs.length === 0 || hits.length === 0) return hits;
  // The pairs' term ordinals, looked up once per segment rather than once per document.
  const ordinals = new Map<number, Int32Array>();
  const ordinalsIn = (s: number): Int32Array => {
    let o = ordinals.get(s);
    if (o === undefined) {
      const dict = segments[s]!.data.dictionary;
      o = new Int32Array(pairs.length * 2);
      pairs.forEach((pair, k) => {
        o![2 * k] = dict.lookup(pair.a);
        o![2 * k + 1] = dict.lookup(pair.b);
      });
      ordinals.set(s, o);
    }
    return o;
  };
  const window = hits.slice(0, RESCORE_WINDOW).map((h) => {
    const bonus = proximityBonus(segments[h.segment]!, h.doc, pairs, weights, ordinalsIn(h.segment));
    return bonus === 0 ? h : { ...h, score: h.score + bonus };
  });
  window.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return hits.length <= RESCORE_WINDOW ? window : [...window, ...hits.slice(RESCORE_WINDOW)];
}
