// Ranked execution of a bag of scoring terms over segments. Top-k goes through dynamic pruning
// (pruned-rank.ts); the exhaustive path accumulates BM25F scores term-at-a-time into a per-segment
// scratch array, for every match (boolean evaluation) and as the pruning oracle. Knows postings
// bytes, not syntax.

import type { Segment } from '../index/segment.js';
import { BLOCK_SIZE, DecodedBlock, blockCount, decodeBlockColumns, decodeBlockDocs, decodePackedTfs, locateBlock, type BlockGeometry } from '../index/posting-blocks.js';
import type { Bm25fWeights } from '../scoring/bm25f.js';
import { LENGTH_OVERFLOW } from '../index/length-columns.js';
import { HELD_TERMS, TopK, type RankFloor, type RankedDoc } from './top-k.js';
import { CutSelector } from './cut-selection.js';
import { summationOrder } from './summation-order.js';
import { scaleFor, type BoundScale } from '../index/block-bounds.js';
import { SLACK } from './term-cursor.js';
import type { Sparse } from './sparse.js';
import { pruningApplies, rankSegmentPruned } from './pruned-rank.js';

/** One query term ready to score: its idf-weighted query weight and the fields it may match in. */
export interface ScoringTerm {
  readonly term: string;
  /** idf × query-term frequency × term boost. */
  readonly weight: number;
  /** Bit f set: the term counts in scored field f. */
  readonly fieldMask: number;
  /**
   * Set on a term that stands in for a query word (a prefix completion, a fuzzy match) rather than
   * being one: alternatives of one word are not a phrase, so proximity forms no pair with them.
   */
  readonly expansion?: true;
}

/** Documents dated in [from, to) (epoch ms); undated documents are outside every range. */
export interface DateRange {
  readonly from: number;
  readonly to: number;
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
 * {@link accumulate}, dropping the shared scratch when it throws (a loaded segment's malformed bytes
 * are found on first read, mid-sum): scores left behind would be added to the next search's.
 */
function accumulateSafely(...args: Parameters<typeof accumulate>): number {
  try {
    return accumulate(...args);
  } catch (error) {
    if (args[3] === accumulator) {
      accumulator = new Float64Array(accumulator.length);
      touched = new Int32Array(touched.length);
    }
    throw error;
  }
}

const geometry: BlockGeometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };
const block = new DecodedBlock();

/**
 * Adds the BM25F scores of `terms` for one segment into `acc`, listing first-touched documents in
 * `list`; returns how many are listed. The sum over terms runs in {@link summationOrder} for every
 * document, so a document's score is the same float whatever segment holds it (merges never change
 * rankings) and whichever scorer computes it. Blocks are decoded into tf columns; t̃ sums a
 * posting's fields in ascending order from 0, the same float as every other scorer's.
 *
 * With `final`, the last term in that order (the most common word) is the final pass: each of its
 * postings completes a score, which goes straight to `final` (its accumulator cell cleared, or
 * never written for a document no earlier term touched; `final.fresh` counts those). Documents it
 * does not reach keep their finished scores in `acc`. The longest list then writes no accumulator
 * cells and lists no documents, and no later pass reads them back.
 */
function accumulate(
  segment: Segment,
  terms: readonly ScoringTerm[],
  weights: Bm25fWeights,
  acc: Float64Array,
  list: Int32Array,
  range?: DateRange,
  final?: CutSelector,
): number {
  const data = segment.data;
  // A date range is tested per posting, before any scoring: a document outside it is never touched
  // (a 30-day range keeps a few percent of a news index, so most accumulator writes are spared).
  const dates = range === undefined ? undefined : data.dates.value;
  const from = range === undefined ? 0 : range.from;
  const to = range === undefined ? 0 : range.to;
  const k1 = weights.k1;
  const boost = weights.boost;
  const normA = weights.normA;
  const normB = weights.normB;
  let count = 0;
  const bytes = data.postings;
  const lengths = data.fieldLengths;
  const width = data.scoredCount;
  // Field-major 16-bit lengths of a large segment: a fraction of the cache lines of `lengths`
  // (LENGTH_OVERFLOW, or no copy, sends the read to `lengths`).
  const short = segment.lengthColumns;
  const numDocs = data.numDocs;
  const defaultMask = data.defaultMask;
  const deleted = segment.deletes.words;
  const anyDeleted = segment.deletes.count > 0;
  const docs = block.docs;
  const columns = block.columns;

  const order = summationOrder(terms);
  let fresh = 0;
  // With only positive weights, partial sums are lower bounds of the final scores (see below).
  let allPositive = true;
  for (let t = 0; t < terms.length; t++) if (terms[t]!.weight < 0) allPositive = false;
  // What the offers tell of the documents' terms (HeldTerms, top-k.ts), by bag index: terms absent
  // from the segment, terms whose pass listed every document they match (positive weights), and
  // the one such term (−1 when none or several) that therefore every listed document holds.
  let absent = 0;
  let listing = 0;
  let listers = 0;
  let onlyLister = -1;
  let heldFresh = 0;
  let heldReached = 0;
  let heldLeft = 0;
  let finalPass = false;
  for (let p = 0; p < terms.length; p++) {
    const index = order[p]!;
    const term = terms[index]!;
    const bit = index < HELD_TERMS ? 1 << index : 0;
    const ordinal = data.dictionary.lookup(term.term);
    if (ordinal < 0) {
      absent |= bit;
      continue;
    }
    const allowed = term.fieldMask;
    const w = term.weight;
    // Loop-invariant: the branch below is predicted perfectly.
    const fused = final !== undefined && p === terms.length - 1;
    // A zero weight (boost 0) adds nothing, and a 0 in the accumulator means "untouched" below.
    if (w === 0 || !Number.isFinite(w)) continue;
    if (fused) {
      // The final pass offers a document it finds unlisted (it holds this term and no earlier one)
      // or listed (it holds this term, and the only earlier lister when there is one); a listed
      // document it never reaches lacks it (see rankSegmentExhaustive).
      const lister = onlyLister >= 0 ? 1 << onlyLister : 0;
      heldFresh = bit | ((absent | listing) << HELD_TERMS);
      heldReached = bit | (absent << HELD_TERMS) | lister;
      heldLeft = ((absent | (w > 0 ? bit : 0)) << HELD_TERMS) | lister;
      finalPass = true;
    }
    if (w > 0) {
      listing |= bit;
      onlyLister = listers === 0 && bit !== 0 ? index : -1;
      listers++;
    }
    // Negative weights are tie-breakers (see planner.ts): they may lower a matched document's score
    // but never make a document match.
    const tieBreaker = w < 0;
    const blocks = blockCount(data, ordinal);
    // The final pass of a positive bag may leave documents no earlier term touched unscored: at
    // least k listed documents already score their partial sums, so the cut can start there, and
    // in a block whose bound is under the cut such a document (scored by this term alone) cannot
    // enter; it is only counted. Its fields must then all score (boost and 1 − b positive), so
    // that a tf in them is a match, as scoring would find. On the 200k corpus nearly every block
    // of a 3-word query's commonest word qualifies.
    let skipping = false;
    let skipBase = 0;
    let scale: BoundScale | undefined;
    if (fused && allPositive) {
      final.raiseFrom(acc, list, count);
      skipping = final.cut > -Infinity;
      skipBase = data.termBlockStart[ordinal]!;
      // A one-block term has no stored bound: its weight bounds it.
      if (data.termBlockStart[ordinal + 1] !== skipBase) scale = scaleFor(data.boundReference, weights, width);
    }
    for (let b = 0; b < blocks; b++) {
      let skip = false;
      if (skipping) {
        const mask = scale === undefined ? 0 : data.blockMask[skipBase + b]!;
        const bound = scale === undefined ? w : scale.contribution(data.blockBound[skipBase + b]!, allowed & mask, w, k1);
        const reach = bound * SLACK;
        skip = reach < final!.cut;
        // Every field of a full block scores: each posting is a match, and its DocId alone says
        // whether to count it. A listed document whose partial sum plus the bound stays under the
        // cut cannot enter either (the bound is added last, to that sum); only for the others are
        // the block's tfs decoded and the document scored. 200k corpus, 100 3-word queries: 10,742
        // of 10,863 such blocks qualify, 4,488 decode no tf; 3-term 441 → 382 µs, 2-term 222 → 199.
        if (skip && mask !== 0 && (mask & ~allowed) === 0 && allScore(mask, boost, normA)) {
          locateBlock(data, ordinal, b, geometry);
          if (geometry.count === BLOCK_SIZE) {
            decodeBlockDocs(bytes, geometry.start, BLOCK_SIZE, geometry.prevDoc, defaultMask, docs);
            let tfsRead = false;
            let i = 0;
            if (dates === undefined && !anyDeleted) {
              // Counted without a branch on which documents are listed (as unpredictable as the
              // overlap of the words): an unlisted one (0) never reaches the cut here, so the loop
              // leaves only at a listed document that may, which the loop below scores. 200k corpus:
              // 3-term 350.7 → 341.0 µs.
              for (; i < BLOCK_SIZE; i++) {
                const before = acc[docs[i]!]!;
                fresh += +(before === 0);
                if (before + reach >= final!.cut) break;
              }
            }
            for (; i < BLOCK_SIZE; i++) {
              const doc = docs[i]!;
              if (dates !== undefined) {
                const date = dates[doc]!;
                if (!(date >= from && date < to)) continue;
              }
              const before = acc[doc]!;
              if (before === 0) {
                if (!(anyDeleted && (deleted[doc >>> 5]! & (1 << (doc & 31))) !== 0)) fresh++;
                continue;
              }
              if (before + reach < final!.cut) continue;
              if (!tfsRead) {
                decodePackedTfs(bytes, geometry.start, block);
                tfsRead = true;
              }
              const pseudoTf = pseudoTfAt(block, i, doc, block.union & allowed, weights, short, lengths, numDocs, width);
              acc[doc] = 0;
              final!.offer(doc, before + (w * pseudoTf) / (pseudoTf + k1), heldReached);
            }
            continue;
          }
        }
      }
      locateBlock(data, ordinal, b, geometry);
      decodeBlockColumns(bytes, geometry.start, geometry.count, geometry.prevDoc, defaultMask, block);
      const fields = block.union & allowed;
      if (fields === 0) continue;
      if (skip && !allScore(fields, boost, normA)) skip = false;
      const n = block.length;
      const ones = block.onesFields;
      const first = fields & -fields;
      const second = fields ^ first;
      if ((second & (second - 1)) === 0) {
        // One or two fields (title and body: nearly every block), unrolled with hoisted constants.
        // Measured on a 200k corpus: 1.45× faster than the loop over fields below.
        const f1 = 31 - Math.clz32(first);
        const ones1 = (ones & first) !== 0;
        const col1 = f1 * BLOCK_SIZE;
        const len1 = f1 * numDocs;
        const a1 = normA[f1]!;
        const b1 = normB[f1]!;
        const boost1 = boost[f1]!;
        const two = second !== 0;
        const f2 = two ? 31 - Math.clz32(second) : f1;
        const ones2 = (ones & second) !== 0;
        const col2 = f2 * BLOCK_SIZE;
        const len2 = f2 * numDocs;
        const a2 = normA[f2]!;
        const b2 = normB[f2]!;
        const boost2 = boost[f2]!;
        for (let i = 0; i < n; i++) {
          const doc = docs[i]!;
          if (dates !== undefined) {
            const date = dates[doc]!;
            if (!(date >= from && date < to)) continue;
          }
          if (skip && acc[doc] === 0) {
            // Counted, not scored (see above): a match when it has a tf in a scoring field.
            if (ones1 || columns[col1 + i] !== 0 || (two && (ones2 || columns[col2 + i] !== 0))) {
              if (!(anyDeleted && (deleted[doc >>> 5]! & (1 << (doc & 31))) !== 0)) fresh++;
            }
            continue;
          }
          let pseudoTf = 0;
          const tf1 = ones1 ? 1 : columns[col1 + i]!;
          if (tf1 !== 0) {
            let length = short === undefined ? LENGTH_OVERFLOW : short[len1 + doc]!;
            if (length === LENGTH_OVERFLOW) length = lengths[doc * width + f1]!;
            const norm = a1 + b1 * length;
            if (norm > 0) pseudoTf += (boost1 * tf1) / norm;
          }
          if (two) {
            const tf2 = ones2 ? 1 : columns[col2 + i]!;
            if (tf2 !== 0) {
              let length = short === undefined ? LENGTH_OVERFLOW : short[len2 + doc]!;
              if (length === LENGTH_OVERFLOW) length = lengths[doc * width + f2]!;
              const norm = a2 + b2 * length;
              if (norm > 0) pseudoTf += (boost2 * tf2) / norm;
            }
          }
          if (pseudoTf === 0) continue;
          if (anyDeleted && (deleted[doc >>> 5]! & (1 << (doc & 31))) !== 0) continue;
          const before = acc[doc]!;
          if (before === 0) {
            if (tieBreaker) continue;
            if (fused) {
              // 0 + x is x: the same float the accumulator would hold.
              fresh++;
              final.offer(doc, (w * pseudoTf) / (pseudoTf + k1), heldFresh);
              continue;
            }
            list[count++] = doc;
          } else if (fused) {
            acc[doc] = 0;
            final.offer(doc, before + (w * pseudoTf) / (pseudoTf + k1), heldReached);
            continue;
          }
          acc[doc] = before + (w * pseudoTf) / (pseudoTf + k1);
        }
        continue;
      }
      for (let i = 0; i < n; i++) {
        const doc = docs[i]!;
        if (dates !== undefined) {
          const date = dates[doc]!;
          if (!(date >= from && date < to)) continue;
        }
        if (skip && acc[doc] === 0) {
          let held = false;
          for (let m = fields; m !== 0 && !held; m &= m - 1) {
            const low = m & -m;
            held = (ones & low) !== 0 || columns[(31 - Math.clz32(low)) * BLOCK_SIZE + i] !== 0;
          }
          if (held && !(anyDeleted && (deleted[doc >>> 5]! & (1 << (doc & 31))) !== 0)) fresh++;
          continue;
        }
        const row = doc * width;
        let pseudoTf = 0;
        for (let m = fields; m !== 0; m &= m - 1) {
          const low = m & -m;
          const f = 31 - Math.clz32(low);
          const tf = (ones & low) !== 0 ? 1 : columns[f * BLOCK_SIZE + i]!;
          if (tf === 0) continue;
          const norm = normA[f]! + normB[f]! * lengths[row + f]!;
          if (norm > 0) pseudoTf += (boost[f]! * tf) / norm;
        }
        if (pseudoTf === 0) continue;
        if (anyDeleted && (deleted[doc >>> 5]! & (1 << (doc & 31))) !== 0) continue;
        const before = acc[doc]!;
        if (before === 0) {
          if (tieBreaker) continue;
          if (fused) {
            fresh++;
            final.offer(doc, (w * pseudoTf) / (pseudoTf + k1), heldFresh);
            continue;
          }
          list[count++] = doc;
        } else if (fused) {
          acc[doc] = 0;
          final.offer(doc, before + (w * pseudoTf) / (pseudoTf + k1), heldReached);
          continue;
        }
        acc[doc] = before + (w * pseudoTf) / (pseudoTf + k1);
      }
    }
  }
  if (final !== undefined) {
    final.fresh = fresh;
    final.heldLeft = finalPass ? heldLeft : (absent << HELD_TERMS) | (onlyLister >= 0 ? 1 << onlyLister : 0);
  }
  return count;
}


/**
 * Scores every document matching any term (OR semantics) and keeps the best `k`; `total` counts
 * every match. A bag with one positive term is ranked with dynamic pruning in segments where its
 * list is long enough to pay (its count is then its live df; block-max bounds and a division-free
 * test spare most scoring). Otherwise the in-order accumulator runs: with several positive terms
 * every posting must be decoded for the exact count anyway, and measured on Reuters, 20 Newsgroups
 * and a 200k-document corpus it beat MaxScore (see pruned-rank.ts, which implements it).
 */
export function rankTerms(
  segments: readonly Segment[],
  terms: readonly ScoringTerm[],
  weights: Bm25fWeights,
  k: number,
  filter: CandidateFilter | undefined,
  range?: DateRange,
  floor?: RankFloor,
): RankedResult {
  const single = k <= MAX_PRUNED_K ? singlePositiveTerm(terms) : undefined;
  if (single === undefined || !pruningApplies(weights)) return rankTermsExhaustive(segments, terms, weights, k, filter, range, floor);
  // The pruned walk tests candidates through one filter: the range joins it there.
  const candidateFilter = range === undefined ? filter : withRange(segments, filter, range);
  const top = new TopK(k, floor);
  let total = 0;
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    const ordinal = segment.data.dictionary.lookup(single);
    if (ordinal >= 0 && segment.data.termDf[ordinal]! >= MIN_PRUNED_DF) total += rankSegmentPruned(segment, s, terms, weights, top, candidateFilter);
    else total += rankSegmentExhaustive(segment, s, terms, weights, top, filter, range, floor);
  }
  return { hits: top.drain(), total };
}

/** `filter` and a date range as one per-candidate test. */
export function withRange(segments: readonly Segment[], filter: CandidateFilter | undefined, range: DateRange): CandidateFilter {
  const { from, to } = range;
  // Columns read once per query, not through the lazy column per candidate.
  const dates = segments.map((segment) => segment.data.dates.value);
  return (s, doc) => {
    const date = dates[s]![doc]!;
    return date >= from && date < to && (filter === undefined || filter(s, doc));
  };
}

/** Above this many results a threshold rises too late to spare work; the accumulator is cheaper. */
const MAX_PRUNED_K = 1000;
/**
 * Postings from which pruning a one-term list beats accumulating it. Reuters, k 10 / 20: even at
 * 400–800 postings, 1.1× / 1.03× faster at 800–1,600, 1.16× / 1.12× at 1,600–3,200, 1.25× / 1.19×
 * at 3,200–6,400; below, the accumulator's simpler loop wins.
 */
const MIN_PRUNED_DF = 8 * BLOCK_SIZE;

/** Σ of the positive finite weights: no document's score reaches it (NaN or Infinity when a weight is). */
function positiveWeightSum(terms: readonly ScoringTerm[]): number {
  let sum = 0;
  for (let t = 0; t < terms.length; t++) {
    const w = terms[t]!.weight;
    if (w > 0) sum += w;
  }
  return sum;
}

/** The term of the bag's only positive weight, or undefined when there are none or several. */
function singlePositiveTerm(terms: readonly ScoringTerm[]): string | undefined {
  let found: string | undefined;
  for (let t = 0; t < terms.length; t++) {
    const w = terms[t]!.weight;
    if (!(w > 0) || !Number.isFinite(w)) continue;
    if (found !== undefined) return undefined;
    found = terms[t]!.term;
  }
  return found;
}

/** {@link rankTerms} without pruning: every matching document is scored. The oracle of the pruned path. */
export function rankTermsExhaustive(
  segments: readonly Segment[],
  terms: readonly ScoringTerm[],
  weights: Bm25fWeights,
  k: number,
  filter: CandidateFilter | undefined,
  range?: DateRange,
  floor?: RankFloor,
): RankedResult {
  // The floor goes to each segment's CutSelector, which applies it; in the heap it cost a 2-word
  // Reuters query 1 µs (a 2 % slowdown) for what only a later segment could gain.
  const top = new TopK(k);
  let total = 0;
  for (let s = 0; s < segments.length; s++) total += rankSegmentExhaustive(segments[s]!, s, terms, weights, top, filter, range, floor);
  return { hits: top.drain(), total };
}

/** Scores every match of segment `s` (in `range`, when given) into `top`; returns how many there are (after the filter). */
function rankSegmentExhaustive(
  segment: Segment,
  s: number,
  terms: readonly ScoringTerm[],
  weights: Bm25fWeights,
  top: TopK,
  filter: CandidateFilter | undefined,
  range: DateRange | undefined,
  floor?: RankFloor,
): number {
  const data = segment.data;
  // A filter callback that searches again (inFilter) gets arrays of its own: the shared ones still
  // hold this search's scores.
  let acc: Float64Array;
  let list: Int32Array;
  if (inFilter) {
    acc = new Float64Array(data.numDocs);
    list = new Int32Array(data.numDocs);
  } else {
    scratchFor(data.numDocs);
    acc = accumulator;
    list = touched;
  }
  // Ids first: decoding them on first read may throw, and must not find scores accumulated.
  const ids = data.ids;
  if (filter === undefined) {
    // Nothing calls out while the selector is in use: no other search can take it.
    const final = inFilter ? new CutSelector() : selector;
    final.begin(top, positiveWeightSum(terms), data.numDocs, floor);
    const count = accumulateSafely(segment, terms, weights, acc, list, range, final);
    // Documents the final pass did not reach hold their finished scores. Most are under the cut:
    // tested here, the call is made for the few that are not.
    let cut = final.cut;
    const held = final.heldLeft;
    let i = 0;
    if (cut > 0) {
      // A positive cut also turns away the cells the final pass cleared (0): one predictable test
      // per document, not the which-cells-were-reached branch (taken about half the time, as
      // unpredictable as the overlap of the words). Every cell is cleared; cleared ones again.
      // 200k corpus: 3-term 359 → 343 µs, 2-term 177 → 169.
      for (; i < count; i++) {
        const doc = list[i]!;
        const score = acc[doc]!;
        acc[doc] = 0;
        if (score >= cut) {
          final.offer(doc, score, held);
          cut = final.cut;
        }
      }
    }
    for (; i < count; i++) {
      const doc = list[i]!;
      const score = acc[doc]!;
      if (score === 0) continue;
      acc[doc] = 0;
      if (score < cut) continue;
      final.offer(doc, score, held);
      cut = final.cut;
    }
    final.finish(top, s, ids);
    return count + final.fresh;
  }
  const count = accumulateSafely(segment, terms, weights, acc, list, range);
  let total = 0;
  let threshold = top.threshold;
  const outer = inFilter;
  inFilter = filter !== undefined || outer;
  let i = 0;
  try {
    for (; i < count; i++) {
      const doc = list[i]!;
      const score = acc[doc]!;
      acc[doc] = 0;
      if (filter !== undefined && !filter(s, doc)) continue;
      total++;
      // Below the k-th score nothing enters (a tie needs the id): most matches stop at this compare,
      // without loading their id string.
      if (score < threshold) continue;
      const id = ids.at(doc);
      if (top.wouldAccept(score, id)) {
        top.offer(score, s, doc, id);
        threshold = top.threshold;
      }
    }
  } finally {
    inFilter = outer;
    // A filter that threw leaves the rest of its scores behind: cleared, or the next search adds to them.
    for (let j = i; j < count; j++) acc[list[j]!] = 0;
  }
  return total;
}

/** True when every field of `fields` scores a tf: boost and length-norm constant positive. */
/**
 * t̃ of posting `i` (DocId `doc`) of a decoded block over `fields`, summed in ascending field order
 * from 0 as the block loops of {@link accumulate} sum it: the same float.
 */
function pseudoTfAt(
  block: DecodedBlock,
  i: number,
  doc: number,
  fields: number,
  weights: Bm25fWeights,
  short: Uint16Array | undefined,
  lengths: Uint32Array,
  numDocs: number,
  width: number,
): number {
  let pseudoTf = 0;
  for (let m = fields; m !== 0; m &= m - 1) {
    const low = m & -m;
    const f = 31 - Math.clz32(low);
    const tf = (block.onesFields & low) !== 0 ? 1 : block.columns[f * BLOCK_SIZE + i]!;
    if (tf === 0) continue;
    let length = short === undefined ? LENGTH_OVERFLOW : short[f * numDocs + doc]!;
    if (length === LENGTH_OVERFLOW) length = lengths[doc * width + f]!;
    const norm = weights.normA[f]! + weights.normB[f]! * length;
    if (norm > 0) pseudoTf += (weights.boost[f]! * tf) / norm;
  }
  return pseudoTf;
}

function allScore(fields: number, boost: Float64Array, normA: Float64Array): boolean {
  for (let m = fields; m !== 0; m &= m - 1) {
    const f = 31 - Math.clz32(m & -m);
    if (!(boost[f]! > 0 && normA[f]! > 0)) return false;
  }
  return true;
}

/** The exhaustive path's selector, reused across searches. */
const selector = new CutSelector();

/** True while a filter callback runs inside {@link rankSegmentExhaustive}. */
let inFilter = false;

/** The documents of one segment matching any term, ascending, with their BM25F scores. */
export function scoreTerms(segment: Segment, terms: readonly ScoringTerm[], weights: Bm25fWeights): Sparse {
  let acc: Float64Array;
  let list: Int32Array;
  if (inFilter) {
    // Called from a search inside a filter callback: the shared arrays are in use.
    acc = new Float64Array(segment.data.numDocs);
    list = new Int32Array(segment.data.numDocs);
  } else {
    scratchFor(segment.data.numDocs);
    acc = accumulator;
    list = touched;
  }
  const count = accumulateSafely(segment, terms, weights, acc, list);
  const docs = list.slice(0, count);
  // Each pass lists its new documents ascending: one term's list (a date-sorted one-word search) is
  // sorted already, and sorting it anyway was a fifth of such a search on a 200k-document segment.
  let sorted = true;
  for (let i = 1; i < count && sorted; i++) if (docs[i - 1]! > docs[i]!) sorted = false;
  if (!sorted) docs.sort();
  const scores = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const d = docs[i]!;
    scores[i] = acc[d]!;
    acc[d] = 0;
  }
  return { docs, scores, length: count };
}
