// AND of single-term clauses on one segment by leapfrogging term cursors: the rarest term leads,
// the others jump to its documents through skip entries, so blocks without a candidate are never
// decoded and only the intersection is scored. Equal, float for float, to intersecting the terms'
// accumulated lists (evaluate.ts), which it replaces for the common `a AND b AND c`.

import type { Segment } from '../index/segment.js';
import type { Bm25fWeights } from '../scoring/bm25f.js';
import type { ScoringTerm } from './executor.js';
import { EMPTY, type Sparse } from './sparse.js';
import { NO_MORE, TermCursor } from './term-cursor.js';

const pool: TermCursor[] = [];

/**
 * The documents of `segment` holding every term, with the sum of the terms' contributions in
 * `terms` order; undefined when a term cannot be scored alone here (its weight is not positive and
 * finite), so the caller falls back to the general evaluation.
 */
export function conjunction(segment: Segment, terms: readonly ScoringTerm[], weights: Bm25fWeights): Sparse | undefined {
  const data = segment.data;
  // A zero-boost field adds exactly 0 in the accumulator: a document matching only there is no match.
  let scoring = 0;
  for (let f = 0; f < weights.boost.length; f++) if (weights.boost[f]! > 0) scoring |= 1 << f;
  const m = terms.length;
  while (pool.length < m) pool.push(new TermCursor());
  const order: TermCursor[] = [];
  for (let t = 0; t < m; t++) {
    const term = terms[t]!;
    if (!(term.weight > 0) || !Number.isFinite(term.weight)) return undefined;
    const ordinal = data.dictionary.lookup(term.term);
    const fields = term.fieldMask & scoring;
    if (ordinal < 0 || fields === 0) return EMPTY;
    const cursor = pool[t]!;
    cursor.open(data, ordinal, t, term.weight, fields, weights, false);
    if (cursor.doc === NO_MORE) return EMPTY;
    order.push(cursor);
  }
  // The rarest term leads: every other cursor only visits its documents.
  order.sort((a, b) => data.termDf[a.ordinal]! - data.termDf[b.ordinal]!);
  const lead = order[0]!;
  let capacity = Math.min(64, data.termDf[lead.ordinal]!);
  let docs = new Int32Array(capacity);
  let scores = new Float64Array(capacity);
  let n = 0;
  const deletes = segment.deletes;
  const anyDeleted = deletes.count > 0;
  lead.advance(0);
  outer: while (lead.doc !== NO_MORE) {
    const doc = lead.doc;
    for (let k = 1; k < m; k++) {
      const cursor = order[k]!;
      cursor.advance(doc);
      if (cursor.doc === NO_MORE) break outer;
      if (cursor.doc > doc) {
        lead.advance(cursor.doc);
        continue outer;
      }
    }
    if (!anyDeleted || !deletes.has(doc)) {
      // Summed in clause order from the first contribution, as chained intersections add them.
      let score = 0;
      let matched = true;
      for (let t = 0; t < m && matched; t++) {
        const contribution = pool[t]!.score();
        // No allowed field (or a zero length factor) in this posting: no match for that clause.
        if (contribution === 0) matched = false;
        else score = t === 0 ? contribution : score + contribution;
      }
      if (matched) {
        if (n === capacity) {
          capacity *= 2;
          const grownDocs = new Int32Array(capacity);
          grownDocs.set(docs);
          docs = grownDocs;
          const grownScores = new Float64Array(capacity);
          grownScores.set(scores);
          scores = grownScores;
        }
        docs[n] = doc;
        scores[n++] = score;
      }
    }
    lead.advance(doc + 1);
  }
  return { docs, scores, length: n };
}

/**
 * The live documents of `segment` in which every term of `ordinals` has a posting with a field of
 * `fieldMask`, ascending: the candidates of a phrase, by the same leapfrog.
 */
export function documentsHoldingAll(segment: Segment, ordinals: readonly number[], fieldMask: number, weights: Bm25fWeights): Int32Array {
  const data = segment.data;
  const m = ordinals.length;
  while (pool.length < m) pool.push(new TermCursor());
  const order: TermCursor[] = [];
  for (let t = 0; t < m; t++) {
    const cursor = pool[t]!;
    cursor.open(data, ordinals[t]!, t, 1, fieldMask, weights, false);
    if (cursor.doc === NO_MORE) return new Int32Array(0);
    order.push(cursor);
  }
  order.sort((a, b) => data.termDf[a.ordinal]! - data.termDf[b.ordinal]!);
  const lead = order[0]!;
  const out: number[] = [];
  const deletes = segment.deletes;
  lead.advance(0);
  outer: while (lead.doc !== NO_MORE) {
    const doc = lead.doc;
    for (let k = 1; k < m; k++) {
      const cursor = order[k]!;
      cursor.advance(doc);
      if (cursor.doc === NO_MORE) break outer;
      if (cursor.doc > doc) {
        lead.advance(cursor.doc);
        continue outer;
      }
    }
    let all = !deletes.has(doc);
    for (let k = 0; k < m && all; k++) all = order[k]!.holdsAny(fieldMask);
    if (all) out.push(doc);
    lead.advance(doc + 1);
  }
  return Int32Array.from(out);
}
