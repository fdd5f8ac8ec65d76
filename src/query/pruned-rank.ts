// Top-k of a bag of scoring terms with dynamic pruning: MaxScore (Turtle & Flood 1995) over windows
// cut at block boundaries, with block-max bounds (Ding & Suel 2011) as per-window term bounds and a
// division-free per-posting bound from one-byte length codes. Every score that reaches the heap is
// the exhaustive accumulator's float (same operations, summed in term order); `total` stays exact
// (a one-term count is its live df, otherwise doc ids alone are decoded into a bitset).

import { DecodedBlock, blockCount, decodeBlock, decodeBlockDocs, locateBlock, type BlockGeometry } from '../index/posting-blocks.js';
import { LENGTH_CODES, LENGTH_CODE_FLOOR } from '../index/length-codes.js';
import type { Segment } from '../index/segment.js';
import { IdColumn } from '../index/id-column.js';
import type { Bm25fWeights } from '../scoring/bm25f.js';
import { NO_MORE, SLACK, TermCursor, type CandidateSink, type PruningBounds } from './term-cursor.js';
import { TopK } from './top-k.js';
import type { CandidateFilter, RankedResult, ScoringTerm } from './executor.js';
import { summationOrder } from './summation-order.js';

/**
 * True when the parameters keep bounds and counts valid: k1, boosts, b and average lengths finite
 * and ≥ 0, and 1 − b > 0 for every boosted field. With b = 1 a length factor is 0 for an empty field,
 * so a posting in it would not match, and counting postings by field (df) would no longer be exact.
 */
export function pruningApplies(weights: Bm25fWeights): boolean {
  if (!(weights.k1 >= 0) || !Number.isFinite(weights.k1)) return false;
  for (let f = 0; f < weights.boost.length; f++) {
    const boost = weights.boost[f]!;
    const a = weights.normA[f]!;
    const b = weights.normB[f]!;
    if (!(boost >= 0 && a >= 0 && b >= 0) || !Number.isFinite(boost) || !Number.isFinite(a) || !Number.isFinite(b)) return false;
    if (boost > 0 && !(a > 0)) return false;
  }
  return true;
}

/** Buffers reused across searches, grown to the largest need. */
class Scratch {
  cursors: TermCursor[] = [];
  bits = new Int32Array(64);
  order = new Int32Array(16);
  /** The bag's summation order (term indices) and each term's place in it (see summationOrder). */
  sumOrder = new Int32Array(16);
  sumRank = new Int32Array(16);
  /** Block indices of a one-term walk and their bounds (see walkBestFirst). */
  blockOrder = new Int32Array(64);
  blockKey = new Float64Array(64);
  /** Window accumulator (0 = untouched) and its touched list, as large as the largest segment. */
  acc = new Float64Array(64);
  list = new Int32Array(64);
  readonly inOrder: TermCursor[] = [];
  readonly positive: TermCursor[] = [];
  readonly negative: TermCursor[] = [];
  readonly round = new Round();
  readonly block = new DecodedBlock();
  readonly geometry: BlockGeometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };
  weights!: Bm25fWeights;
  readonly bounds = new CodeBounds();

  reserve(terms: number, numDocs: number): void {
    if (this.order.length < terms) this.order = new Int32Array(terms * 2);
    if (this.sumOrder.length < terms) {
      this.sumOrder = new Int32Array(terms * 2);
      this.sumRank = new Int32Array(terms * 2);
    }
    this.round.reserve(terms);
    while (this.cursors.length < terms) this.cursors.push(new TermCursor());
    // Bit words are Int32: a bit-31 word stays a small integer (a Uint32 one would be a heap number).
    const words = (numDocs + 31) >>> 5;
    if (this.bits.length < words) this.bits = new Int32Array(Math.max(words, this.bits.length * 2));
    if (this.acc.length < numDocs) {
      this.acc = new Float64Array(Math.max(numDocs, this.acc.length * 2));
      this.list = new Int32Array(this.acc.length);
    }
  }
}

let shared: Scratch | undefined;
/** True while a search runs: a filter callback that searches again gets its own scratch. */
let busy = false;

/** Ranks `terms` with pruning in every segment; the caller checked {@link pruningApplies}. */
export function rankTermsPruned(
  segments: readonly Segment[],
  terms: readonly ScoringTerm[],
  weights: Bm25fWeights,
  k: number,
  filter: CandidateFilter | undefined,
): RankedResult {
  const top = new TopK(k);
  let total = 0;
  for (let s = 0; s < segments.length; s++) total += rankSegmentPruned(segments[s]!, s, terms, weights, top, filter);
  return { hits: top.drain(), total };
}

/**
 * Offers the best documents of segment `s` matching `terms` to `top` (whose threshold carries over
 * from earlier segments) and returns how many documents of the segment match.
 */
export function rankSegmentPruned(
  segment: Segment,
  s: number,
  terms: readonly ScoringTerm[],
  weights: Bm25fWeights,
  top: TopK,
  filter: CandidateFilter | undefined,
): number {
  if (busy) return rankSegment(new Scratch(), segment, s, terms, weights, top, filter);
  busy = true;
  let done = false;
  try {
    shared ??= new Scratch();
    const total = rankSegment(shared, segment, s, terms, weights, top, filter);
    done = true;
    return total;
  } finally {
    busy = false;
    // A search that threw (malformed bytes found on first read, a filter's error) may leave scores
    // in the scratch: the next search gets a clean one.
    if (!done) shared = undefined;
  }
}

function rankSegment(
  scratch: Scratch,
  segment: Segment,
  s: number,
  terms: readonly ScoringTerm[],
  weights: Bm25fWeights,
  top: TopK,
  filter: CandidateFilter | undefined,
): number {
  const count = terms.length;
  const data = segment.data;
  scratch.reserve(count, data.numDocs);
  // Copied: a filter that searches again would overwrite the shared order mid-search.
  const order = summationOrder(terms);
  for (let i = 0; i < count; i++) {
    scratch.sumOrder[i] = order[i]!;
    scratch.sumRank[order[i]!] = i;
  }
  scratch.weights = weights;
  scratch.bounds.prepare(weights);
  const cursorPool = scratch.cursors;
  // Fields a term can score in: scored, searched by the term, and with a positive boost (a zero
  // boost adds exactly 0 in the exhaustive sum, so leaving such fields out changes no float).
  let scoring = 0;
  for (let f = 0; f < weights.boost.length; f++) if (weights.boost[f]! > 0) scoring |= 1 << f;
  const positive = scratch.positive;
  const negative = scratch.negative;
  positive.length = 0;
  negative.length = 0;
  for (let t = 0; t < count; t++) {
    const term = terms[t]!;
    const w = term.weight;
    // A zero or non-finite weight adds nothing in the exhaustive accumulator either.
    if (w === 0 || !Number.isFinite(w)) continue;
    const fields = term.fieldMask & scoring;
    if (fields === 0) continue;
    const ordinal = data.dictionary.lookup(term.term);
    if (ordinal < 0) continue;
    const cursor = cursorPool[t]!;
    cursor.open(data, ordinal, t, w, fields, weights);
    if (cursor.doc === NO_MORE) continue;
    // Negative weights are tie-breakers (see planner.ts): they never make a document match and
    // never raise a score, so they take no part in bounds and are applied to finalists only.
    (w > 0 ? positive : negative).push(cursor);
  }
  if (positive.length === 0) return 0;
  let total: number;
  let useBits = true;
  if (positive.length === 1 && filter === undefined) {
    const only = positive[0]!;
    useBits = false;
    // Every posting matches when the term occurs in no field outside the scored ones: df is the count.
    total = (only.fieldUnion() & ~only.fields) === 0 ? segment.liveDf(only.ordinal) : countMatching(scratch, segment, only);
  } else {
    total = markMatches(scratch, segment, s, positive, filter);
  }
  if (top.k > 0) scoreSegment(scratch, segment, s, positive, negative, count, top, useBits);
  return total;
}

/** Live postings of one term with an allowed field (the term also occurs outside the searched fields). */
function countMatching(scratch: Scratch, segment: Segment, cursor: TermCursor): number {
  const data = segment.data;
  const walkBlock = scratch.block;
  const walkGeometry = scratch.geometry;
  const deleted = segment.deletes.words;
  const anyDeleted = segment.deletes.count > 0;
  const blocks = blockCount(data, cursor.ordinal);
  let n = 0;
  for (let b = 0; b < blocks; b++) {
    locateBlock(data, cursor.ordinal, b, walkGeometry);
    decodeBlock(data.postings, walkGeometry.start, walkGeometry.count, walkGeometry.prevDoc, data.defaultMask, walkBlock);
    const { docs, masks } = walkBlock;
    for (let i = 0; i < walkBlock.length; i++) {
      const doc = docs[i]!;
      if ((masks[i]! & cursor.fields) === 0) continue;
      if (anyDeleted && (deleted[doc >>> 5]! & (1 << (doc & 31))) !== 0) continue;
      n++;
    }
  }
  return n;
}

/**
 * Sets in `bits` every live document matched by a positive term and accepted by `filter`; returns
 * how many. Doc ids alone are decoded unless a term also occurs outside its allowed fields.
 */
function markMatches(scratch: Scratch, segment: Segment, s: number, positive: readonly TermCursor[], filter: CandidateFilter | undefined): number {
  const data = segment.data;
  const words = (data.numDocs + 31) >>> 5;
  const set = scratch.bits;
  const walkBlock = scratch.block;
  const walkGeometry = scratch.geometry;
  set.fill(0, 0, words);
  for (let c = 0; c < positive.length; c++) {
    const cursor = positive[c]!;
    const ordinal = cursor.ordinal;
    const allMatch = (cursor.fieldUnion() & ~cursor.fields) === 0;
    const blocks = blockCount(data, ordinal);
    const docs = walkBlock.docs;
    for (let b = 0; b < blocks; b++) {
      locateBlock(data, ordinal, b, walkGeometry);
      const n = walkGeometry.count;
      if (allMatch) {
        decodeBlockDocs(data.postings, walkGeometry.start, n, walkGeometry.prevDoc, data.defaultMask, docs);
        for (let i = 0; i < n; i++) {
          const doc = docs[i]!;
          set[doc >>> 5] = set[doc >>> 5]! | (1 << (doc & 31));
        }
      } else {
        decodeBlock(data.postings, walkGeometry.start, n, walkGeometry.prevDoc, data.defaultMask, walkBlock);
        const masks = walkBlock.masks;
        for (let i = 0; i < n; i++) {
          if ((masks[i]! & cursor.fields) === 0) continue;
          const doc = docs[i]!;
          set[doc >>> 5] = set[doc >>> 5]! | (1 << (doc & 31));
        }
      }
    }
  }
  const deleted = segment.deletes.words;
  const anyDeleted = segment.deletes.count > 0;
  let total = 0;
  for (let w = 0; w < words; w++) {
    let word = set[w]!;
    if (word === 0) continue;
    if (anyDeleted) word &= ~deleted[w]!;
    if (filter !== undefined) {
      for (let m = word; m !== 0; m &= m - 1) {
        const bit = m & -m;
        if (!filter(s, (w << 5) + 31 - Math.clz32(bit))) word &= ~bit;
      }
    }
    set[w] = word;
    // Population count by clearing the lowest set bit: one step per match.
    for (let m = word; m !== 0; m &= m - 1) total++;
  }
  return total;
}

/** A Round's ids before its first segment. */
const EMPTY_IDS = IdColumn.of([]);

/**
 * What the window loops share with {@link finish}: the candidate's recorded contributions, the heap,
 * and the current window's partition; as the sink of a walk it takes the essential term's candidates.
 */
class Round implements CandidateSink {
  segment = 0;
  ids: IdColumn = EMPTY_IDS;
  top!: TopK;
  termCount = 0;
  /** Term indices in summation order (the exhaustive accumulator's, see summationOrder). */
  sumOrder = new Int32Array(0);
  contrib = new Float64Array(16);
  has = new Uint8Array(16);
  /** Terms with an entry in `has`, cleared after each candidate. */
  touched = new Int32Array(16);
  touchedCount = 0;
  negative: readonly TermCursor[] = [];
  threshold = -Infinity;
  // The window being walked.
  positive: readonly TermCursor[] = [];
  byBound = new Int32Array(16);
  nonEssential = 0;
  boundSum = 0;
  essential!: TermCursor;
  useBits = false;
  bits = new Int32Array(0);
  deleted: Uint32Array | undefined;
  scratch!: Scratch;

  candidate(doc: number, v: number): void {
    if ((v + this.boundSum) * SLACK < this.threshold) return;
    const bit = 1 << (doc & 31);
    if (this.useBits ? (this.bits[doc >>> 5]! & bit) === 0 : this.deleted !== undefined && (this.deleted[doc >>> 5]! & bit) !== 0) return;
    const before = this.threshold;
    if (this.nonEssential === 0 && this.negative.length === 0) {
      // Nothing else to add: the score is this contribution (0 + v), straight to the heap (an id,
      // which may be made on this read, only for a score that can enter).
      if (v >= this.threshold) {
        const id = this.ids.at(doc);
        if (this.top.wouldAccept(v, id)) {
          this.top.offer(v, this.segment, doc, id);
          this.threshold = this.top.threshold;
        }
      }
    } else {
      this.record(this.essential.term, v);
      finish(this, doc, v, this.positive, this.byBound, this.nonEssential, this.boundSum);
    }
    if (this.threshold !== before) setNeed(this.scratch.bounds, this.scratch.weights.k1, this.essential, this.threshold, this.boundSum);
  }

  reserve(terms: number): void {
    if (this.contrib.length >= terms) return;
    this.contrib = new Float64Array(terms * 2);
    this.has = new Uint8Array(terms * 2);
    this.touched = new Int32Array(terms * 2);
  }

  record(term: number, v: number): void {
    this.contrib[term] = v;
    this.has[term] = 1;
    this.touched[this.touchedCount++] = term;
  }

  clear(): void {
    for (let i = 0; i < this.touchedCount; i++) this.has[this.touched[i]!] = 0;
    this.touchedCount = 0;
  }
}

/**
 * The end of a candidate whose essential contribution is recorded and equals `partial`: probes the
 * non-essential terms (highest bound first) while the candidate can still reach the threshold, then
 * applies the tie-breakers and sums in term order (the exhaustive accumulator's float), and offers
 * the document. Clears the recorded contributions.
 */
function finish(
  r: Round,
  doc: number,
  partial: number,
  positive: readonly TermCursor[],
  byBound: Int32Array,
  nonEssential: number,
  boundSum: number,
): void {
  let rest = boundSum;
  for (let j = nonEssential - 1; j >= 0; j--) {
    if ((partial + rest) * SLACK < r.threshold) {
      r.clear();
      return;
    }
    const c = positive[byBound[j]!]!;
    c.advance(doc);
    if (c.doc === doc) {
      const v = c.score();
      if (v !== 0) {
        r.record(c.term, v);
        partial += v;
      }
    }
    rest -= c.windowBound;
  }
  const negative = r.negative;
  for (let j = 0; j < negative.length; j++) {
    const c = negative[j]!;
    c.advance(doc);
    if (c.doc === doc) {
      const v = c.score();
      if (v !== 0) r.record(c.term, v);
    }
  }
  let score: number;
  if (r.touchedCount === 1) {
    // One contribution (positive, as every candidate starts from one): 0 + v is v.
    score = r.contrib[r.touched[0]!]!;
  } else {
    // The exhaustive accumulator's sum: summation order, a tie-breaker skipped while the sum is 0.
    score = 0;
    const has = r.has;
    const contrib = r.contrib;
    const sumOrder = r.sumOrder;
    for (let i = 0; i < r.termCount; i++) {
      const t = sumOrder[i]!;
      if (has[t] === 0) continue;
      const v = contrib[t]!;
      if (v < 0 && score === 0) continue;
      score += v;
    }
  }
  r.clear();
  if (score < r.threshold) return;
  const id = r.ids.at(doc);
  if (r.top.wouldAccept(score, id)) {
    r.top.offer(score, r.segment, doc, id);
    r.threshold = r.top.threshold;
  }
}

/**
 * MaxScore over windows: a window ends at the first block end among the positive terms, so each
 * term has one block (and one block-max bound) in it. Terms whose bounds sum below the k-th score
 * are non-essential. A window where every term is non-essential is skipped without decoding a
 * block; one with a single essential term walks that term's postings with a division-free test and
 * scores only documents that may still enter (probing the others); one with several essential terms
 * is accumulated term-at-a-time in term order, which is the exhaustive sum restricted to the window.
 */
function scoreSegment(
  scratch: Scratch,
  segment: Segment,
  s: number,
  positive: readonly TermCursor[],
  negative: readonly TermCursor[],
  termCount: number,
  top: TopK,
  useBits: boolean,
): void {
  const data = segment.data;
  const deleted = segment.deletes.words;
  const anyDeleted = segment.deletes.count > 0;
  const allowedBits = scratch.bits;
  const n = positive.length;
  const byBound = scratch.order;
  const r = scratch.round;
  r.segment = s;
  r.ids = data.ids;
  r.top = top;
  r.termCount = termCount;
  r.sumOrder = scratch.sumOrder;
  r.touchedCount = 0;
  r.negative = negative;
  r.threshold = top.threshold;
  r.positive = positive;
  r.byBound = byBound;
  r.useBits = useBits;
  r.bits = allowedBits;
  r.deleted = anyDeleted ? deleted : undefined;
  r.scratch = scratch;
  // Every cursor in term order, for windows accumulated term-at-a-time.
  const inOrder = scratch.inOrder;
  inOrder.length = 0;
  for (const c of positive) inOrder.push(c);
  for (const c of negative) inOrder.push(c);
  const rank = scratch.sumRank;
  inOrder.sort((a, b) => rank[a.term]! - rank[b.term]!);
  if (n === 1 && negative.length === 0 && positive[0]!.blockTotal > 1) {
    walkBestFirst(scratch, r, positive[0]!);
    return;
  }
  let windowMin = 0;
  for (;;) {
    let windowMax = NO_MORE;
    let live = 0;
    for (let i = 0; i < n; i++) {
      const c = positive[i]!;
      const end = c.shallow(windowMin);
      if (end === NO_MORE) {
        c.doc = NO_MORE;
        c.windowBound = 0;
        continue;
      }
      if (end < windowMax) windowMax = end;
      live++;
    }
    if (live === 0) return;
    // Insertion sort by window bound: a handful of terms.
    for (let i = 0; i < n; i++) {
      const bound = positive[i]!.windowBound;
      let j = i;
      while (j > 0 && positive[byBound[j - 1]!]!.windowBound > bound) {
        byBound[j] = byBound[j - 1]!;
        j--;
      }
      byBound[j] = i;
    }
    let nonEssential = 0;
    let boundSum = 0;
    while (nonEssential < n) {
      const next = boundSum + positive[byBound[nonEssential]!]!.windowBound;
      if (!(next * SLACK < r.threshold)) break;
      boundSum = next;
      nonEssential++;
    }
    if (nonEssential === n - 1) {
      const c = positive[byBound[n - 1]!]!;
      r.essential = c;
      r.nonEssential = nonEssential;
      r.boundSum = boundSum;
      setNeed(scratch.bounds, scratch.weights.k1, c, r.threshold, boundSum);
      c.walkCandidates(windowMin, windowMax, scratch.bounds, r);
    } else if (nonEssential < n) {
      accumulateWindow(scratch, r, inOrder, windowMin, windowMax, useBits, anyDeleted ? deleted : undefined);
    }
    windowMin = windowMax + 1;
  }
}

/**
 * One term: its blocks walked in descending order of their bound, until a block's bound cannot reach
 * the k-th score. In DocId order the threshold rises only as good blocks come by, and every block
 * before them is walked against a low one; best first, the first block or two set it near its final
 * value. The kept set does not depend on the order (ties go by id).
 */
function walkBestFirst(scratch: Scratch, r: Round, c: TermCursor): void {
  const blocks = c.blockTotal;
  if (scratch.blockOrder.length < blocks) {
    scratch.blockOrder = new Int32Array(blocks * 2);
    scratch.blockKey = new Float64Array(blocks * 2);
  }
  const order = scratch.blockOrder;
  const key = scratch.blockKey;
  for (let b = 0; b < blocks; b++) {
    order[b] = b;
    key[b] = c.blockBound(b);
  }
  // A max-heap of the blocks by bound: built in O(blocks), popped only as far as the walk goes (a
  // full sort, quadratic as an insertion sort, would cost more than the walk on a list of thousands).
  let size = blocks;
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(order, key, i, size);
  r.essential = c;
  r.nonEssential = 0;
  r.boundSum = 0;
  while (size > 0) {
    const b = order[0]!;
    if (key[b]! * SLACK < r.threshold) break;
    order[0] = order[--size]!;
    siftDown(order, key, 0, size);
    setNeed(scratch.bounds, scratch.weights.k1, c, r.threshold, 0);
    c.walkBlock(b, scratch.bounds, r);
  }
}

/** Restores the max-heap order of `order[0..n)` by `key[order[i]]` below position `i`. */
function siftDown(order: Int32Array, key: Float64Array, i: number, n: number): void {
  const item = order[i]!;
  const k = key[item]!;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && key[order[child + 1]!]! > key[order[child]!]!) child++;
    if (key[order[child]!]! <= k) break;
    order[i] = order[child]!;
    i = child;
  }
  order[i] = item;
}

/**
 * Sets `bounds.need`, the least t̃ with which cursor `c`'s contribution plus the other terms' bound
 * sum can still reach `threshold`: w·t̃/(t̃ + k1) ≥ y ⇔ t̃ ≥ k1·y/(w − y). 0 when any posting may
 * qualify, Infinity when none can. Generous by SLACK.
 */
function setNeed(bounds: PruningBounds, k1: number, c: TermCursor, threshold: number, boundSum: number): void {
  const y = threshold / SLACK - boundSum;
  const w = c.weight;
  bounds.need = y <= 0 ? 0 : y >= w ? Infinity : (k1 * y) / (w - y);
}

/** The per-code bound table of `weights`, kept while the weights stay the same (most searches). */
class CodeBounds implements PruningBounds {
  perCode = new Float64Array(0);
  need = 0;
  #boost = new Float64Array(0);
  #normA = new Float64Array(0);
  #normB = new Float64Array(0);

  prepare(weights: Bm25fWeights): void {
    const n = weights.boost.length;
    if (this.#boost.length === n && same(this.#boost, weights.boost) && same(this.#normA, weights.normA) && same(this.#normB, weights.normB)) return;
    this.#boost = weights.boost.slice();
    this.#normA = weights.normA.slice();
    this.#normB = weights.normB.slice();
    if (this.perCode.length < n * LENGTH_CODES) this.perCode = new Float64Array(n * LENGTH_CODES);
    const table = this.perCode;
    for (let f = 0; f < n; f++) {
      const boost = weights.boost[f]!;
      const a = weights.normA[f]!;
      const b = weights.normB[f]!;
      for (let c = 0; c < LENGTH_CODES; c++) {
        // The code's floor length is ≤ the true one, so this length factor is ≤ the true one.
        const norm = a + b * LENGTH_CODE_FLOOR[c]!;
        table[(f << 8) | c] = norm > 0 ? boost / norm : boost > 0 ? Infinity : 0;
      }
    }
  }
}

function same(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * Scores every document of [from, to] term-at-a-time in term order (the exhaustive accumulator on
 * one window, so every score is its float), offering each allowed one.
 */
function accumulateWindow(
  scratch: Scratch,
  r: Round,
  inOrder: readonly TermCursor[],
  from: number,
  to: number,
  useBits: boolean,
  deleted: Uint32Array | undefined,
): void {
  const acc = scratch.acc;
  const list = scratch.list;
  const bits = scratch.bits;
  let count = 0;
  for (let t = 0; t < inOrder.length; t++) count = inOrder[t]!.accumulateRange(from, to, acc, list, count);
  const top = r.top;
  const ids = r.ids;
  for (let i = 0; i < count; i++) {
    const doc = list[i]!;
    const score = acc[doc]!;
    acc[doc] = 0;
    if (useBits ? (bits[doc >>> 5]! & (1 << (doc & 31))) === 0 : deleted !== undefined && (deleted[doc >>> 5]! & (1 << (doc & 31))) !== 0) continue;
    if (score < r.threshold) continue;
    const id = ids.at(doc);
    if (top.wouldAccept(score, id)) {
      top.offer(score, r.segment, doc, id);
      r.threshold = top.threshold;
    }
  }
}
