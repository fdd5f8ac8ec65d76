// A cursor over one term's postings in one segment, for pruned ranking: advance(target) through the
// skip entries and the BM25F contribution of the posting reached (probes), a streaming walk that
// bounds each posting before scoring it (essential terms), and upper bounds of the contribution per
// block (block-max) and per term. Cursors are reused across searches.

import { BLOCK_SIZE, DecodedBlock, blockCount, decodeBlockColumns, decodeBlockDocs, decodePackedTfs, locateBlock, type BlockGeometry } from '../index/posting-blocks.js';
import type { SegmentData } from '../index/segment.js';
import type { Bm25fWeights } from '../scoring/bm25f.js';
import { scaleFor } from '../index/block-bounds.js';

/** Bounds are compared after scaling by this, so rounding never lets a bound fall below what it bounds. */
export const SLACK = 1 + 2 ** -30;

/**
 * Per-search bounds for walks: `perCode[(f << 8) | c]` bounds boost_f / (1 − b + b·len/avg) for
 * every length with code c (length-codes.ts), and `need` is the least t̃ a posting must reach.
 */
export interface PruningBounds {
  readonly perCode: Float64Array;
  need: number;
}

/** Receives the postings of a walk that may still qualify. */
export interface CandidateSink {
  candidate(doc: number, contribution: number): void;
}

/** DocId of an exhausted cursor: larger than any real DocId. */
export const NO_MORE = 0x7fffffff;

/**
 * t̃ of posting `at` of a column-decoded block over `fields`: Σ boost·tf / (1 − b + b·len/avg) in
 * ascending field order from 0, the exhaustive accumulator's float for the same posting.
 */
export function columnPseudoTf(buf: DecodedBlock, at: number, fields: number, row: number, lengths: Uint32Array, weights: Bm25fWeights): number {
  const columns = buf.columns;
  const ones = buf.onesFields;
  let pseudoTf = 0;
  for (let m = fields; m !== 0; m &= m - 1) {
    const low = m & -m;
    const g = 31 - Math.clz32(low);
    const tf = (ones & low) !== 0 ? 1 : columns[g * BLOCK_SIZE + at]!;
    if (tf === 0) continue;
    const norm = weights.normA[g]! + weights.normB[g]! * lengths[row + g]!;
    if (norm > 0) pseudoTf += (weights.boost[g]! * tf) / norm;
  }
  return pseudoTf;
}

/** One term's postings in one segment, walked in DocId order. */
export class TermCursor {
  /** Index of the term in the query's term list (the order scores are summed in). */
  term = 0;
  weight = 0;
  /** Scored fields with a positive boost that the term may match in. */
  fields = 0;
  /** Current DocId, or NO_MORE. */
  doc = NO_MORE;
  /** Upper bound of the contribution over the whole term. */
  maxBound = 0;
  /** Upper bound for the block at the window being scored (see `shallow`). */
  windowBound = 0;
  #data!: SegmentData;
  #weights!: Bm25fWeights;
  #ordinal = 0;
  #blocks = 0;
  #skipBase = 0;
  #single = false;
  #block = -1;
  /** Index of the current posting in the decoded block. */
  #index = 0;
  #shallow = 0;
  /** The block decoded for probes (advance, score): its DocIds, and its tfs once a probe needs them. */
  readonly #buf = new DecodedBlock();
  /** Whether #buf holds the tfs of the probed block, and where that block starts if not. */
  #columns = false;
  #probeStart = 0;
  readonly #geometry: BlockGeometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };
  #bounds = new Float64Array(64);
  // The streaming position for walking postings in order (see walkCandidates): its own decoded
  // block, independent of the one that advance() and score() use.
  #streamBlock = -1;
  readonly #sbuf = new DecodedBlock();
  /** Next posting of #sbuf to walk. */
  #si = 0;
  #streamDone = false;

  /**
   * Positions the cursor on the first posting of term `ordinal` and computes its bounds: from the
   * block-max metadata for a term with skip entries, exactly (by decoding its one block) otherwise.
   * `withBounds` false skips the per-block bounds (shallow() and windowBound are then not usable).
   */
  open(data: SegmentData, ordinal: number, term: number, weight: number, fields: number, weights: Bm25fWeights, withBounds = true): void {
    this.#data = data;
    this.#weights = weights;
    this.#ordinal = ordinal;
    this.term = term;
    this.weight = weight;
    this.fields = fields;
    this.#blocks = blockCount(data, ordinal);
    this.#skipBase = data.termBlockStart[ordinal]!;
    this.#single = data.termBlockStart[ordinal + 1]! === this.#skipBase;
    this.#shallow = 0;
    this.#block = -1;
    this.#index = 0;
    this.#buf.length = 0;
    this.#streamBlock = -1;
    this.#sbuf.length = 0;
    this.#si = 0;
    this.#streamDone = false;
    // Not positioned yet (−1 < every target): blocks are decoded on first use.
    this.doc = this.#blocks === 0 ? NO_MORE : -1;
    if (this.#blocks === 0) {
      this.maxBound = 0;
      return;
    }
    if (this.#single || !withBounds) {
      // A one-block term has no metadata; t̃/(t̃ + k1) < 1 bounds it by its weight. Without
      // bounds (intersections never prune) the per-block bounds are not computed.
      this.maxBound = weight > 0 ? weight : 0;
      return;
    }
    if (this.#bounds.length < this.#blocks) this.#bounds = new Float64Array(Math.max(this.#blocks, this.#bounds.length * 2));
    const bounds = this.#bounds;
    const blockScale = scaleFor(data.boundReference, weights, data.scoredCount);
    const k1 = weights.k1;
    let max = 0;
    for (let b = 0; b < this.#blocks; b++) {
      const k = this.#skipBase + b;
      const bound = blockScale.contribution(data.blockBound[k]!, fields & data.blockMask[k]!, weight, k1);
      bounds[b] = bound;
      if (bound > max) max = bound;
    }
    this.maxBound = max;
  }

  /** The field masks present in the term's postings (exact for one block, from metadata otherwise). */
  fieldUnion(): number {
    let union = 0;
    if (this.#single) {
      if (this.#block !== 0) this.#decode(0);
      this.#ensureColumns();
      union = this.#buf.union;
      if (this.doc === -1) this.doc = this.#buf.docs[0]!;
    } else {
      for (let b = 0; b < this.#blocks; b++) union |= this.#data.blockMask[this.#skipBase + b]!;
    }
    return union >>> 0;
  }

  get ordinal(): number {
    return this.#ordinal;
  }

  /**
   * Moves the shallow pointer (skip entries only, nothing decoded) to the block holding `target`;
   * returns that block's last DocId and sets `windowBound`, or returns NO_MORE when the term ends before.
   */
  shallow(target: number): number {
    if (this.doc === NO_MORE) return NO_MORE;
    if (this.#single) {
      // No skip entry: the block's last DocId is known once decoded (a one-block term is short).
      if (this.#block !== 0) this.#decode(0);
      const last = this.#buf.docs[this.#buf.length - 1]!;
      this.windowBound = this.maxBound;
      return last >= target ? last : NO_MORE;
    }
    const lastDocs = this.#data.blockLastDoc;
    let b = this.#shallow;
    while (b < this.#blocks && lastDocs[this.#skipBase + b]! < target) b++;
    this.#shallow = b;
    if (b === this.#blocks) return NO_MORE;
    this.windowBound = this.#bounds[b]!;
    return lastDocs[this.#skipBase + b]!;
  }

  /** Moves to the first posting with DocId ≥ target, skipping whole blocks through the skip entries. */
  advance(target: number): void {
    if (this.doc >= target) return;
    if (this.#single) {
      if (this.#block !== 0) this.#decode(0);
    } else {
      const lastDocs = this.#data.blockLastDoc;
      const base = this.#skipBase;
      if (this.#block < 0 || lastDocs[base + this.#block]! < target) {
        let b = this.#block < 0 ? 0 : this.#block + 1;
        while (b < this.#blocks && lastDocs[base + b]! < target) b++;
        if (b === this.#blocks) {
          this.doc = NO_MORE;
          return;
        }
        this.#decode(b);
      }
    }
    const docs = this.#buf.docs;
    const n = this.#buf.length;
    let i = this.#index;
    while (i < n && docs[i]! < target) i++;
    this.#index = i;
    this.doc = i < n ? docs[i]! : NO_MORE;
  }

  /**
   * The contribution w·t̃/(t̃ + k1) of the current posting, or 0 when it has no allowed field. The
   * arithmetic (field order, operations) is the exhaustive accumulator's, so scores are the same floats.
   */
  score(): number {
    this.#ensureColumns();
    const buf = this.#buf;
    const fields = buf.union & this.fields;
    if (fields === 0) return 0;
    const data = this.#data;
    const pseudoTf = columnPseudoTf(buf, this.#index, fields, buf.docs[this.#index]! * data.scoredCount, data.fieldLengths, this.#weights);
    if (pseudoTf === 0) return 0;
    return (this.weight * pseudoTf) / (pseudoTf + this.#weights.k1);
  }

  /**
   * Streams the postings with DocId in [from, to]: each posting whose contribution may reach the
   * caller's threshold goes to `sink.candidate(doc, contribution)`. Each posting is first bounded
   * without dividing or reading its lengths — Σ tf · bounds.perCode[length code] against
   * bounds.need, the least t̃ that can still qualify — and only a posting passing that test is
   * scored, exactly as the exhaustive accumulator does. `bounds.need` rises during the walk (the
   * sink raises the threshold) and is read afresh for every posting.
   */
  walkCandidates(from: number, to: number, bounds: PruningBounds, sink: CandidateSink): void {
    if (!this.#streamSeek(from)) return;
    const buf = this.#sbuf;
    let i = this.#si;
    for (;;) {
      if (i === buf.length) {
        // A block ending at or past the window's end leaves nothing after it in the window: the
        // next block is decoded by the walk that needs it, if any (a pruned window needs none).
        if (i > 0 && buf.docs[i - 1]! >= to) break;
        if (!this.#streamLoad(this.#streamBlock + 1)) break;
        i = 0;
      }
      i = this.#walkLoaded(i, from, to, bounds, sink);
      if (i < buf.length) break;
    }
    this.#si = i;
  }

  /**
   * The walk through the loaded block from posting `i` until a DocId past `to`; returns where it
   * stopped. One or two allowed fields (title and body: nearly every block) take an unrolled loop
   * with the per-field offsets hoisted, as the accumulator does.
   */
  #walkLoaded(i: number, from: number, to: number, bounds: PruningBounds, sink: CandidateSink): number {
    const data = this.#data;
    const lengths = data.fieldLengths;
    const width = data.scoredCount;
    const weights = this.#weights;
    const k1 = weights.k1;
    const w = this.weight;
    const codes = data.lengthCodes;
    const numDocs = data.numDocs;
    const perCode = bounds.perCode;
    const buf = this.#sbuf;
    const { docs, columns } = buf;
    const n = buf.length;
    // The allowed fields present in the block, and those every posting holds with tf 1.
    const live = this.fields & buf.union;
    const ones = buf.onesFields;
    if (live === 0) {
      while (i < n && docs[i]! <= to) i++;
      return i;
    }
    const first = live & -live;
    const second = live ^ first;
    if ((second & (second - 1)) !== 0) {
      for (; i < n; i++) {
        const doc = docs[i]!;
        if (doc > to) break;
        let bound = 0;
        for (let m = live; m !== 0; m &= m - 1) {
          const low = m & -m;
          const g = 31 - Math.clz32(low);
          const tf = (ones & low) !== 0 ? 1 : columns[g * BLOCK_SIZE + i]!;
          if (tf !== 0) bound += tf * perCode[(g << 8) | codes[g * numDocs + doc]!]!;
        }
        if (doc < from || bound === 0 || bound * SLACK < bounds.need) continue;
        const pseudoTf = columnPseudoTf(buf, i, live, doc * width, lengths, weights);
        if (pseudoTf === 0) continue;
        sink.candidate(doc, (w * pseudoTf) / (pseudoTf + k1));
      }
      return i;
    }
    const f1 = 31 - Math.clz32(first);
    const ones1 = (ones & first) !== 0;
    const col1 = f1 * BLOCK_SIZE;
    const code1 = f1 * numDocs;
    const table1 = f1 << 8;
    const two = second !== 0;
    const f2 = two ? 31 - Math.clz32(second) : f1;
    const ones2 = (ones & second) !== 0;
    const col2 = f2 * BLOCK_SIZE;
    const code2 = f2 * numDocs;
    const table2 = f2 << 8;
    for (; i < n; i++) {
      const doc = docs[i]!;
      if (doc > to) break;
      let bound = 0;
      const tf1 = ones1 ? 1 : columns[col1 + i]!;
      if (tf1 !== 0) bound += tf1 * perCode[table1 | codes[code1 + doc]!]!;
      if (two) {
        const tf2 = ones2 ? 1 : columns[col2 + i]!;
        if (tf2 !== 0) bound += tf2 * perCode[table2 | codes[code2 + doc]!]!;
      }
      if (doc < from || bound === 0 || bound * SLACK < bounds.need) continue;
      const pseudoTf = columnPseudoTf(buf, i, live, doc * width, lengths, weights);
      if (pseudoTf === 0) continue;
      sink.candidate(doc, (w * pseudoTf) / (pseudoTf + k1));
    }
    return i;
  }

  /** Blocks of the term's list (with per-block bounds after open()). */
  get blockTotal(): number {
    return this.#blocks;
  }

  /** The contribution bound of block `b` (a term with skip entries, opened with bounds). */
  blockBound(b: number): number {
    return this.#bounds[b]!;
  }

  /** {@link walkCandidates} over every posting of block `b`, whatever block the stream was in. */
  walkBlock(b: number, bounds: PruningBounds, sink: CandidateSink): void {
    if (!this.#streamLoad(b)) return;
    this.walkCandidates(0, this.#data.blockLastDoc[this.#skipBase + b]!, bounds, sink);
  }

  /**
   * Adds the exact contribution of every posting with DocId in [from, to] into `acc`, listing in
   * `list` (from `count`) documents touched first; returns the new count. The exhaustive
   * accumulator's rules: a tie-breaker (negative weight) never touches an untouched document.
   */
  accumulateRange(from: number, to: number, acc: Float64Array, list: Int32Array, count: number): number {
    if (!this.#streamSeek(from)) return count;
    const data = this.#data;
    const lengths = data.fieldLengths;
    const width = data.scoredCount;
    const weights = this.#weights;
    const k1 = weights.k1;
    const w = this.weight;
    const tieBreaker = w < 0;
    const buf = this.#sbuf;
    const docs = buf.docs;
    let i = this.#si;
    let live = this.fields & buf.union;
    for (;;) {
      if (i === buf.length) {
        if (i > 0 && docs[i - 1]! >= to) break;
        if (!this.#streamLoad(this.#streamBlock + 1)) break;
        i = 0;
        live = this.fields & buf.union;
        continue;
      }
      const doc = docs[i]!;
      if (doc > to) break;
      const at = i++;
      if (doc < from) continue;
      const pseudoTf = columnPseudoTf(buf, at, live, doc * width, lengths, weights);
      if (pseudoTf === 0) continue;
      if (acc[doc] === 0) {
        if (tieBreaker) continue;
        list[count++] = doc;
      }
      acc[doc] = acc[doc]! + (w * pseudoTf) / (pseudoTf + k1);
    }
    this.#si = i;
    return count;
  }

  /** Puts the stream in the block holding the first posting ≥ target (it may sit before it in that block). */
  #streamSeek(target: number): boolean {
    if (this.#streamDone) return false;
    if (this.#single) return this.#streamBlock === 0 || this.#streamLoad(0);
    const lastDocs = this.#data.blockLastDoc;
    const base = this.#skipBase;
    let b = this.#streamBlock;
    if (b >= 0 && lastDocs[base + b]! >= target) return true;
    if (b < 0) b = 0;
    while (b < this.#blocks && lastDocs[base + b]! < target) b++;
    return this.#streamLoad(b);
  }

  /** Decodes block `block` for streaming; false (and the stream ends) when there is no such block. */
  #streamLoad(block: number): boolean {
    if (block >= this.#blocks) {
      this.#streamDone = true;
      this.#sbuf.length = 0;
      this.#si = 0;
      return false;
    }
    const g = this.#geometry;
    locateBlock(this.#data, this.#ordinal, block, g);
    decodeBlockColumns(this.#data.postings, g.start, g.count, g.prevDoc, this.#data.defaultMask, this.#sbuf);
    this.#streamBlock = block;
    this.#si = 0;
    return true;
  }

  #decode(block: number): void {
    locateBlock(this.#data, this.#ordinal, block, this.#geometry);
    const g = this.#geometry;
    if (g.count === BLOCK_SIZE) {
      // A full block's DocIds alone: an intersection visits many blocks to score few postings
      // (its tfs are unpacked by the first probe that reads them).
      decodeBlockDocs(this.#data.postings, g.start, BLOCK_SIZE, g.prevDoc, this.#data.defaultMask, this.#buf.docs);
      this.#buf.length = BLOCK_SIZE;
      this.#columns = false;
      this.#probeStart = g.start;
    } else {
      decodeBlockColumns(this.#data.postings, g.start, g.count, g.prevDoc, this.#data.defaultMask, this.#buf);
      this.#columns = true;
    }
    this.#block = block;
    this.#index = 0;
  }

  #ensureColumns(): void {
    if (this.#columns) return;
    decodePackedTfs(this.#data.postings, this.#probeStart, this.#buf);
    this.#columns = true;
  }
}
