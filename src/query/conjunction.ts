// AND of single-term clauses on one segment over an Intersection (the rarest term leads, the others
// jump to its documents through skip entries), so blocks without a candidate are never decoded and
// only the intersection is scored. Equal, float for float, to intersecting the terms'
// accumulated lists (evaluate.ts), which it replaces for the common `a AND b AND c`.

import type { Segment } from '../index/segment.js';
import type { Bm25fWeights } from '../scoring/bm25f.js';
import { BLOCK_SIZE, type DecodedBlock } from '../index/posting-blocks.js';
import { scaleFor } from '../index/block-bounds.js';
import type { ScoringTerm } from './executor.js';
import { EMPTY, type Sparse } from './sparse.js';
import { NO_MORE, SLACK, columnPseudoTf } from './term-cursor.js';
import { Intersection } from './intersection.js';
import type { TopK } from './top-k.js';

const walk = new Intersection();
let ordinals = new Int32Array(8);
/** Per clause: its contribution to the document being scored (summed in clause order). */
let parts = new Float64Array(8);
/** Per walk position: the block whose bound `bounds` holds (−1: none yet). */
let boundBlock = new Int32Array(8);
let bounds = new Float64Array(8);
/** Per walk position: 1 when some field of its block's postings may not make a match from the masks alone. */
let unsureIn = new Uint8Array(8);

function scratchFor(m: number): void {
  if (ordinals.length >= m) return;
  ordinals = new Int32Array(m * 2);
  parts = new Float64Array(m * 2);
  boundBlock = new Int32Array(m * 2);
  bounds = new Float64Array(m * 2);
  unsureIn = new Uint8Array(m * 2);
}

/** Growable (DocId, score) output. */
class SparseBuilder {
  docs: Int32Array;
  scores: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.docs = new Int32Array(Math.max(1, capacity));
    this.scores = new Float64Array(Math.max(1, capacity));
  }
  push(doc: number, score: number): void {
    if (this.length === this.docs.length) {
      const docs = new Int32Array(this.length * 2);
      docs.set(this.docs);
      this.docs = docs;
      const scores = new Float64Array(this.length * 2);
      scores.set(this.scores);
      this.scores = scores;
    }
    this.docs[this.length] = doc;
    this.scores[this.length++] = score;
  }
}

/**
 * The contribution w·t̃/(t̃ + k1) of the posting walk position k stands on, or 0 when it has no
 * field of `fields`: the arithmetic of the exhaustive accumulator, so scores are the same floats.
 */
function contributionAt(k: number, doc: number, term: ScoringTerm, fields: number, weights: Bm25fWeights, lengths: Uint32Array, width: number): number {
  walk.ensureColumns(k);
  const block: DecodedBlock = walk.blocks[k]!;
  const live = block.union & fields;
  if (live === 0) return 0;
  const pseudoTf = columnPseudoTf(block, walk.posting[k]!, live, doc * width, lengths, weights);
  if (pseudoTf === 0) return 0;
  return (term.weight * pseudoTf) / (pseudoTf + weights.k1);
}

/**
 * The score of the document every term of the walk stands on: the terms' contributions summed in
 * clause order from the first, as chained intersections add them; 0 when a term's posting has no
 * allowed field (or a zero length factor), which is no match. Weights are positive, so a match
 * scores above 0.
 */
function matchScore(doc: number, terms: readonly ScoringTerm[], scoring: number, weights: Bm25fWeights, lengths: Uint32Array, width: number): number {
  const m = terms.length;
  for (let k = 0; k < m; k++) {
    const t = walk.clause[k]!;
    const term = terms[t]!;
    const contribution = contributionAt(k, doc, term, term.fieldMask & scoring, weights, lengths, width);
    if (contribution === 0) return 0;
    parts[t] = contribution;
  }
  let score = parts[0]!;
  for (let t = 1; t < m; t++) score += parts[t]!;
  return score;
}

/** Scored fields with a positive boost (a zero-boost field adds exactly 0: a match only there is none). */
function scoringFields(weights: Bm25fWeights): number {
  let scoring = 0;
  for (let f = 0; f < weights.boost.length; f++) if (weights.boost[f]! > 0) scoring |= 1 << f;
  return scoring;
}

/**
 * Opens the walk over `terms` in `segment`: false when a term is absent, has no scoring field, or
 * no postings (nothing matches). Fills `ordinals`.
 */
function openWalk(segment: Segment, terms: readonly ScoringTerm[], scoring: number): boolean {
  const data = segment.data;
  const m = terms.length;
  scratchFor(m);
  for (let t = 0; t < m; t++) {
    const term = terms[t]!;
    const ordinal = data.dictionary.lookup(term.term);
    if (ordinal < 0 || (term.fieldMask & scoring) === 0) return false;
    ordinals[t] = ordinal;
  }
  return walk.open(data, ordinals.subarray(0, m));
}

/**
 * The documents of `segment` holding every term, with the sum of the terms' contributions in
 * `terms` order; undefined when a term cannot be scored alone here (its weight is not positive and
 * finite), so the caller falls back to the general evaluation.
 */
export function conjunction(segment: Segment, terms: readonly ScoringTerm[], weights: Bm25fWeights): Sparse | undefined {
  for (let t = 0; t < terms.length; t++) {
    const w = terms[t]!.weight;
    if (!(w > 0) || !Number.isFinite(w)) return undefined;
  }
  const scoring = scoringFields(weights);
  if (terms.length === 0 || !openWalk(segment, terms, scoring)) return EMPTY;
  const data = segment.data;
  const lengths = data.fieldLengths;
  const width = data.scoredCount;
  const deletes = segment.deletes;
  const anyDeleted = deletes.count > 0;
  const out = new SparseBuilder(Math.min(64, data.termDf[ordinals[walk.clause[0]!]!]!));
  for (let doc = walk.next(); doc !== NO_MORE; doc = walk.next()) {
    if (anyDeleted && deletes.has(doc)) continue;
    const score = matchScore(doc, terms, scoring, weights, lengths, width);
    if (score > 0) out.push(doc, score);
  }
  return { docs: out.docs, scores: out.scores, length: out.length };
}

/**
 * {@link conjunction} ranked straight into `top`, its scores × `boost` (an AND node's): every live
 * match of segment `s` is counted, but a match is scored only when the bounds of the blocks its
 * terms stand in can reach top's threshold (block-max AND), and until then its tfs are not even
 * unpacked. Returns the count. Terms must have positive finite weights and `boost` must be positive.
 */
export function rankConjunction(segment: Segment, s: number, terms: readonly ScoringTerm[], weights: Bm25fWeights, boost: number, top: TopK): number {
  const data = segment.data;
  const scoring = scoringFields(weights);
  // Fields where any tf makes a contribution (boost and 1 − b positive): a match from masks alone.
  let certain = 0;
  for (let f = 0; f < weights.boost.length; f++) if (weights.boost[f]! > 0 && weights.normA[f]! > 0) certain |= 1 << f;
  if (terms.length === 0 || !openWalk(segment, terms, scoring)) return 0;
  const m = terms.length;
  const lengths = data.fieldLengths;
  const width = data.scoredCount;
  const k1 = weights.k1;
  const scale = scaleFor(data.boundReference, weights, width);
  const deletes = segment.deletes;
  const anyDeleted = deletes.count > 0;
  const ids = data.ids;
  boundBlock.fill(-1, 0, m);
  let threshold = top.threshold;
  let count = 0;
  for (let doc = walk.next(); doc !== NO_MORE; doc = walk.next()) {
    if (anyDeleted && deletes.has(doc)) continue;
    let bound = 0;
    let unsure = 0;
    for (let k = 0; k < m; k++) {
      // A block's bound and whether its masks alone make each posting a match, once per block: the
      // bound from its skip entry, or the weight for a one-block term (t̃/(t̃ + k1) < 1).
      if (boundBlock[k] !== walk.block[k]) {
        const term = terms[walk.clause[k]!]!;
        const fields = term.fieldMask & scoring;
        const skip = walk.skipIndex(k);
        bounds[k] = skip < 0 ? term.weight : scale.contribution(data.blockBound[skip]!, fields & data.blockMask[skip]!, term.weight, k1);
        unsureIn[k] = (walk.blockFields(k) & ~(fields & certain)) !== 0 ? 1 : 0;
        boundBlock[k] = walk.block[k]!;
      }
      bound += bounds[k]!;
      unsure |= unsureIn[k]!;
    }
    // Under the threshold and a match by its masks: counted, nothing decoded.
    const skip = bound * boost * SLACK < threshold;
    if (skip && unsure === 0) {
      count++;
      continue;
    }
    let score = matchScore(doc, terms, scoring, weights, lengths, width);
    if (score === 0) continue;
    count++;
    if (skip) continue;
    if (boost !== 1) score *= boost;
    // Below the k-th score nothing enters (a tie needs the id): no id string is made for it. On the
    // 200k corpus the AND class made one for most scored matches (18 % of its time).
    if (score < threshold) continue;
    const id = ids.at(doc);
    if (top.wouldAccept(score, id)) {
      top.offer(score, s, doc, id);
      threshold = top.threshold;
    }
  }
  return count;
}

/**
 * The live documents of `segment` in which every term of `ordinals` has a posting with a field of
 * `fieldMask`, ascending: the candidates of a phrase. A block's tfs are read only when its fields
 * (from its skip entry) are not all in the mask.
 */
export function documentsHoldingAll(segment: Segment, termOrdinals: readonly number[], fieldMask: number): Int32Array {
  const data = segment.data;
  const m = termOrdinals.length;
  if (m === 0 || !walk.open(data, termOrdinals)) return new Int32Array(0);
  const deletes = segment.deletes;
  const anyDeleted = deletes.count > 0;
  const out = new Int32Array(data.termDf[termOrdinals[walk.clause[0]!]!]!);
  let found = 0;
  documents: for (let doc = walk.next(); doc !== NO_MORE; doc = walk.next()) {
    for (let k = 0; k < m; k++) {
      // Every posting of a block whose fields are all in the mask holds one: no tf is read.
      if ((walk.blockFields(k) & ~fieldMask) === 0) continue;
      walk.ensureColumns(k);
      const block = walk.blocks[k]!;
      const fields = block.union & fieldMask;
      if (fields === 0) continue documents;
      if ((block.onesFields & fields) !== 0) continue;
      const i = walk.posting[k]!;
      let holds = false;
      for (let f = fields; f !== 0 && !holds; f &= f - 1) holds = block.columns[(31 - Math.clz32(f & -f)) * BLOCK_SIZE + i]! !== 0;
      if (!holds) continue documents;
    }
    if (anyDeleted && deletes.has(doc)) continue;
    out[found++] = doc;
  }
  return out.subarray(0, found);
}
