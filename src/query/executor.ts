// Ranked execution of a bag of scoring terms over segments: term-at-a-time accumulation of BM25F
// scores into a per-segment scratch array, then top-k selection. Knows postings bytes, not syntax.

import type { Segment } from '../index/segment.js';
import type { Bm25fWeights } from '../scoring/bm25f.js';
import { TopK, type RankedDoc } from './top-k.js';
import type { Sparse } from './sparse.js';

/** One query term ready to score: its idf-weighted query weight and the fields it may match in. */
export interface ScoringTerm {
  readonly term: string;
  /** idf × query-term frequency × term boost. */
  readonly weight: number;
  /** Bit f set: the term counts in scored field f. */
  readonly fieldMask: number;
}

/** Decides per candidate whether it may be returned (filters); counted in `total` only when true. */
export type CandidateFilter = (segment: number, doc: number) => boolean;

/** Ranked hits and how many documents matched in all. */
export interface RankedResult {
  readonly hits: RankedDoc[];
  readonly total: number;
}

// Scratch reused across searches: one Float64 accumulator and one touched-list, grown to the largest
// segment. Allocating them per query cost more than scoring short queries.
let accumulator = new Float64Array(1024);
let touched = new Int32Array(1024);

function scratchFor(numDocs: number): void {
  if (accumulator.length >= numDocs) return;
  let cap = accumulator.length;
  while (cap < numDocs) cap *= 2;
  accumulator = new Float64Array(cap);
  touched = new Int32Array(cap);
}

/**
 * Adds the BM25F scores of `terms` for one segment into `acc`, listing first-touched documents in
 * `list`; returns how many are listed. The sum over terms runs in `terms` order for every document,
 * so a document's score is the same float whatever segment holds it (merges never change rankings).
 */
function accumulate(segment: Segment, terms: readonly ScoringTerm[], weights: Bm25fWeights, acc: Float64Array, list: Int32Array): number {
  const data = segment.data;
  const k1 = weights.k1;
  const boost = weights.boost;
  const normA = weights.normA;
  const normB = weights.normB;
  let count = 0;
  const bytes = data.postings;
  const lengths = data.fieldLengths;
  const width = data.scoredCount;
  const deleted = segment.deletes.words;
  const anyDeleted = segment.deletes.count > 0;

  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]!;
    const ordinal = data.dictionary.lookup(term.term);
    if (ordinal < 0) continue;
    const allowed = term.fieldMask;
    const w = term.weight;
    // A zero weight (boost 0) adds nothing, and a 0 in the accumulator means "untouched" below.
    if (w === 0 || !Number.isFinite(w)) continue;
    // Negative weights are tie-breakers (see planner.ts): they may lower a matched document's score
    // but never make a document match.
    const tieBreaker = w < 0;
    let p = data.blockPostingsOffset[data.termBlockStart[ordinal]!]!;
    const end = data.blockPostingsOffset[data.termBlockStart[ordinal + 1]!]!;
    let doc = -1;
    while (p < end) {
      // Varints decoded inline: this loop runs once per posting and a call per byte showed in profiles.
      let b = bytes[p++]!;
      let v = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[p++]!;
        v |= (b & 0x7f) << shift;
      }
      doc += v >>> 0;
      b = bytes[p++]!;
      let flags = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[p++]!;
        flags |= (b & 0x7f) << shift;
      }
      const allOne = flags & 1;
      let pseudoTf = 0;
      const row = doc * width;
      for (let m = flags >>> 1; m !== 0; ) {
        const low = m & -m;
        m ^= low;
        let tf = 1;
        if (allOne === 0) {
          b = bytes[p++]!;
          tf = b & 0x7f;
          for (let shift = 7; b >= 0x80; shift += 7) {
            b = bytes[p++]!;
            tf |= (b & 0x7f) << shift;
          }
        }
        if ((allowed & low) !== 0) {
          const f = 31 - Math.clz32(low);
          const norm = normA[f]! + normB[f]! * lengths[row + f]!;
          if (norm > 0) pseudoTf += (boost[f]! * tf) / norm;
        }
      }
      if (pseudoTf === 0) continue;
      if (anyDeleted && (deleted[doc >>> 5]! & (1 << (doc & 31))) !== 0) continue;
      if (acc[doc] === 0) {
        if (tieBreaker) continue;
        list[count++] = doc;
      }
      acc[doc] = acc[doc]! + (w * pseudoTf) / (pseudoTf + k1);
    }
  }
  return count;
}

/** Scores every document matching any term (OR semantics) and keeps the best `k`. */
export function rankTerms(
  segments: readonly Segment[],
  terms: readonly ScoringTerm[],
  weights: Bm25fWeights,
  k: number,
  filter: CandidateFilter | undefined,
): RankedResult {
  const top = new TopK(k);
  let total = 0;
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    const data = segment.data;
    scratchFor(data.numDocs);
    const acc = accumulator;
    const count = accumulate(segment, terms, weights, acc, touched);
    const list = touched;
    const ids = data.ids;
    for (let i = 0; i < count; i++) {
      const doc = list[i]!;
      const score = acc[doc]!;
      acc[doc] = 0;
      if (filter !== undefined && !filter(s, doc)) continue;
      total++;
      if (top.wouldAccept(score, ids[doc]!)) top.offer(score, s, doc, ids[doc]!);
    }
  }
  return { hits: top.drain(), total };
}

/** The documents of one segment matching any term, ascending, with their BM25F scores. */
export function scoreTerms(segment: Segment, terms: readonly ScoringTerm[], weights: Bm25fWeights): Sparse {
  scratchFor(segment.data.numDocs);
  const acc = accumulator;
  const count = accumulate(segment, terms, weights, acc, touched);
  const docs = touched.slice(0, count).sort();
  const scores = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const d = docs[i]!;
    scores[i] = acc[d]!;
    acc[d] = 0;
  }
  return { docs, scores, length: count };
}
