// AND of single-term clauses on one segment by leapfrogging term cursors: the rarest term leads,
// the others jump to its documents through skip entries, so blocks without a candidate are never
// decoded and only the intersection is scored. Equal, float for float, to intersecting the terms'
// accumulated lists (evaluate.ts), which it replaces for the common `a AND b AND c`.

import type { Segment } from '../index/segment.js';
import type { Bm25fWeights } from '../scoring/bm25f.js';
import type { ScoringTerm } from './executor.js';
import { EMPTY, type Sparse } from './sparse.js';
import { NO_MORE, SLACK, TermCursor } from './term-cursor.js';
import { BLOCK_SIZE, DecodedBlock, blockCount, decodeBlockColumns, decodeBlockDocs, locateBlock, type BlockGeometry } from '../index/posting-blocks.js';
import type { TopK } from './top-k.js';

const pool: TermCursor[] = [];

/** Cursors 0 .. m − 1 of the pool (grown as needed). */
function cursors(m: number): TermCursor[] {
  while (pool.length < m) pool.push(new TermCursor());
  return pool;
}

/**
 * Calls `visit(doc)` for every live document on which all of `open` (positioned, none exhausted)
 * stand, ascending. The rarest term leads: every other cursor only visits its documents.
 */
function leapfrog(segment: Segment, open: TermCursor[], visit: (doc: number) => void): void {
  const data = segment.data;
  const order = open.slice().sort((a, b) => data.termDf[a.ordinal]! - data.termDf[b.ordinal]!);
  const m = order.length;
  const lead = order[0]!;
  const deletes = segment.deletes;
  const anyDeleted = deletes.count > 0;
  lead.advance(0);
  outer: while (lead.doc !== NO_MORE) {
    const doc = lead.doc;
    for (let k = 1; k < m; k++) {
      const cursor = order[k]!;
      cursor.advance(doc);
      if (cursor.doc === NO_MORE) return;
      if (cursor.doc > doc) {
        lead.advance(cursor.doc);
        continue outer;
      }
    }
    if (!anyDeleted || !deletes.has(doc)) visit(doc);
    lead.advance(doc + 1);
  }
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
  const open = cursors(m).slice(0, m);
  for (let t = 0; t < m; t++) {
    const term = terms[t]!;
    if (!(term.weight > 0) || !Number.isFinite(term.weight)) return undefined;
    const ordinal = data.dictionary.lookup(term.term);
    const fields = term.fieldMask & scoring;
    if (ordinal < 0 || fields === 0) return EMPTY;
    open[t]!.open(data, ordinal, t, term.weight, fields, weights, false);
    if (open[t]!.doc === NO_MORE) return EMPTY;
  }
  let smallest = Infinity;
  for (const cursor of open) smallest = Math.min(smallest, data.termDf[cursor.ordinal]!);
  const out = new SparseBuilder(Math.min(64, smallest));
  leapfrog(segment, open, (doc) => {
    // Summed in clause order from the first contribution, as chained intersections add them.
    let score = 0;
    for (let t = 0; t < m; t++) {
      const contribution = open[t]!.score();
      // No allowed field (or a zero length factor) in this posting: no match for that clause.
      if (contribution === 0) return;
      score = t === 0 ? contribution : score + contribution;
    }
    out.push(doc, score);
  });
  return { docs: out.docs, scores: out.scores, length: out.length };
}

/**
 * {@link conjunction} ranked straight into `top`, its scores × `boost` (an AND node's): every live
 * match of segment `s` is counted, but a match is scored only when the bounds of the blocks its
 * cursors stand in can reach top's threshold (block-max AND), and until then its tfs are not even
 * unpacked. Returns the count. Terms must have positive finite weights and `boost` must be positive.
 */
export function rankConjunction(segment: Segment, s: number, terms: readonly ScoringTerm[], weights: Bm25fWeights, boost: number, top: TopK): number {
  const data = segment.data;
  let scoring = 0;
  // Fields where any tf makes a contribution (boost and 1 − b positive): a match from masks alone.
  let certain = 0;
  for (let f = 0; f < weights.boost.length; f++) {
    if (!(weights.boost[f]! > 0)) continue;
    scoring |= 1 << f;
    if (weights.normA[f]! > 0) certain |= 1 << f;
  }
  const m = terms.length;
  const open = cursors(m).slice(0, m);
  for (let t = 0; t < m; t++) {
    const term = terms[t]!;
    const ordinal = data.dictionary.lookup(term.term);
    const fields = term.fieldMask & scoring;
    if (ordinal < 0 || fields === 0) return 0;
    open[t]!.open(data, ordinal, t, term.weight, fields, weights, true);
    if (open[t]!.doc === NO_MORE) return 0;
  }
  const ids = data.ids.value;
  let count = 0;
  leapfrog(segment, open, (doc) => {
    let bound = 0;
    let sure = true;
    for (let t = 0; t < m; t++) {
      const cursor = open[t]!;
      bound += cursor.probeBound;
      if ((cursor.probeFields() & ~(cursor.fields & certain)) !== 0) sure = false;
    }
    // Under the threshold and a match by its masks: counted, nothing decoded.
    const skip = bound * boost * SLACK < top.threshold;
    if (skip && sure) {
      count++;
      return;
    }
    // Summed in clause order from the first contribution, as conjunction() does.
    let score = 0;
    for (let t = 0; t < m; t++) {
      const contribution = open[t]!.score();
      if (contribution === 0) return;
      score = t === 0 ? contribution : score + contribution;
    }
    count++;
    if (skip) return;
    if (boost !== 1) score *= boost;
    const id = ids[doc]!;
    if (top.wouldAccept(score, id)) top.offer(score, s, doc, id);
  });
  return count;
}

/** Per phrase term: its decoded block, reused across searches (intersections never nest). */
const holderBlocks: DecodedBlock[] = [];
const holderGeometry: BlockGeometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };

/**
 * The live documents of `segment` in which every term of `ordinals` has a posting with a field of
 * `fieldMask`, ascending: the candidates of a phrase. The rarest term leads block by block; each
 * other term skips to the block that may hold the lead's document through its skip entries and
 * scans its decoded DocIds forward. A block's tf columns are decoded only when its skip entry says
 * some posting lies outside `fieldMask` (or it has none: a one-block term). Written as plain loops
 * over decoded blocks rather than the cursors' leapfrog: on a 200k-document corpus, where phrase
 * words are common, the cursor calls per document were a fifth of a phrase query.
 */
export function documentsHoldingAll(segment: Segment, ordinals: readonly number[], fieldMask: number): Int32Array {
  const data = segment.data;
  const m = ordinals.length;
  if (m === 0) return new Int32Array(0);
  while (holderBlocks.length < m) holderBlocks.push(new DecodedBlock());
  // Term order: rarest first (it leads); ties by query order, as the cursors' sort kept them.
  const order = ordinals.map((_, t) => t).sort((a, b) => data.termDf[ordinals[a]!]! - data.termDf[ordinals[b]!]! || a - b);
  const blocks = new Int32Array(m);
  const current = new Int32Array(m).fill(-1);
  const at = new Int32Array(m);
  const lastDoc = new Int32Array(m);
  // Whether the current block's postings all hold a field of the mask (columns need not be read).
  const allHold = new Uint8Array(m);
  for (let k = 0; k < m; k++) {
    blocks[k] = blockCount(data, ordinals[order[k]!]!);
    if (blocks[k] === 0) return new Int32Array(0);
  }
  const deletes = segment.deletes;
  const anyDeleted = deletes.count > 0;
  const lead = ordinals[order[0]!]!;
  const out = new Int32Array(data.termDf[lead]!);
  let found = 0;

  /** Decodes block b of the k-th term (in `order`) into its scratch. */
  const load = (k: number, b: number): void => {
    const ordinal = ordinals[order[k]!]!;
    const block = holderBlocks[k]!;
    locateBlock(data, ordinal, b, holderGeometry);
    const base = data.termBlockStart[ordinal]!;
    const single = data.termBlockStart[ordinal + 1]! === base;
    const hold = !single && (data.blockMask[base + b]! & ~fieldMask) === 0;
    if (hold) {
      decodeBlockDocs(data.postings, holderGeometry.start, holderGeometry.count, holderGeometry.prevDoc, data.defaultMask, block.docs);
      block.length = holderGeometry.count;
    } else {
      decodeBlockColumns(data.postings, holderGeometry.start, holderGeometry.count, holderGeometry.prevDoc, data.defaultMask, block);
    }
    current[k] = b;
    at[k] = 0;
    allHold[k] = hold ? 1 : 0;
    lastDoc[k] = block.docs[block.length - 1]!;
  };
  /** Whether posting i of the k-th term's current block has a tf in a field of the mask. */
  const holds = (k: number, i: number): boolean => {
    const block = holderBlocks[k]!;
    const fields = block.union & fieldMask;
    if (fields === 0) return false;
    if ((block.onesFields & fields) !== 0) return true;
    for (let f = fields; f !== 0; f &= f - 1) if (block.columns[(31 - Math.clz32(f & -f)) * BLOCK_SIZE + i]! !== 0) return true;
    return false;
  };

  const leadBlock = holderBlocks[0]!;
  leadBlocks: for (let lb = 0; lb < blocks[0]!; lb++) {
    load(0, lb);
    const leadDocs = leadBlock.docs;
    const n = leadBlock.length;
    candidates: for (let i = 0; i < n; i++) {
      const doc = leadDocs[i]!;
      for (let k = 1; k < m; k++) {
        if (current[k]! < 0 || lastDoc[k]! < doc) {
          // To the first block that may hold doc: skip entries for a term with several blocks.
          const ordinal = ordinals[order[k]!]!;
          const base = data.termBlockStart[ordinal]!;
          let b = current[k]! < 0 ? 0 : current[k]! + 1;
          if (data.termBlockStart[ordinal + 1]! !== base) while (b < blocks[k]! && data.blockLastDoc[base + b]! < doc) b++;
          // This term has no posting at or after doc: no later document can match.
          if (b >= blocks[k]!) break leadBlocks;
          load(k, b);
          // A one-block term's only block may end before doc: nothing later can match either.
          if (lastDoc[k]! < doc) break leadBlocks;
        }
        const docs = holderBlocks[k]!.docs;
        let j = at[k]!;
        while (docs[j]! < doc) j++;
        at[k] = j;
        if (docs[j] !== doc || (allHold[k] === 0 && !holds(k, j))) continue candidates;
      }
      if (allHold[0] === 0 && !holds(0, i)) continue;
      if (anyDeleted && deletes.has(doc)) continue;
      out[found++] = doc;
    }
  }
  return out.subarray(0, found);
}
