// Encodes postings and positions into a segment's byte streams and term/skip tables, term by term,
// in the block layout of posting-blocks.ts. Both the writer's flush and merges feed it; neither
// knows the encoding. Block-max metadata is computed in finish(), once field lengths are known.

import { ByteWriter } from './byte-writer.js';
import { TermDictionary } from './dictionary.js';
import { BLOCK_SIZE, CODE_MASK_ONES, DecodedBlock, decodeBlock } from './posting-blocks.js';
import { lengthCodes } from './length-codes.js';
import type { SegmentData } from './segment.js';

/** Growable Uint32 list for tables whose sizes are unknown until the last term. */
class U32List {
  a = new Uint32Array(256);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const next = new Uint32Array(this.a.length * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.n++] = v;
  }
  finish(): Uint32Array {
    return this.a.slice(0, this.n);
  }
}

/** Per-document columns that come with a segment, gathered by the caller. */
export interface SegmentColumns {
  numDocs: number;
  fieldCount: number;
  scoredCount: number;
  fieldLengths: Uint32Array;
  dates: Float64Array;
  storedOffsets: Uint32Array;
  stored: Uint8Array;
  ids: string[];
}

function varintLength(value: number): number {
  let v = value >>> 0;
  let n = 1;
  while (v >= 0x80) {
    v >>>= 7;
    n++;
  }
  return n;
}

/**
 * Call `startTerm` for each term in sorted order, `addPosting` for its postings in ascending DocId
 * order, then `finish` with the columns.
 */
export class SegmentBuilder {
  #postings: ByteWriter;
  #positions: ByteWriter;
  #terms: string[] = [];
  #termDf = new U32List();
  #termPostingsStart = new U32List();
  #termPositionsStart = new U32List();
  #termBlockStart = new U32List();
  #blockLastDoc = new U32List();
  #blockPostingsOffset = new U32List();
  #blockPositionsOffset = new U32List();
  // Every block, with or without a skip entry: where it starts, where its first posting's mask
  // varint is, and that mask. finish() uses them to drop the first mask of blocks starting with the
  // default one.
  #allStart = new U32List();
  #allFirstMaskAt = new U32List();
  #allFirstMask = new U32List();
  #firstMaskCounts = new Map<number, number>();
  // The current term's blocks, promoted to skip entries when the term ends with more than one.
  #pendingLastDoc: number[] = [];
  #pendingPostings: number[] = [];
  #pendingPositions: number[] = [];
  #inBlock = 0;
  #blockPositions = 0;
  #blockFirstMask = 0;
  #inTerm = 0;
  #prevDoc = -1;
  #prevMask = 0;
  #withPositions = true;
  #open = false;

  constructor(expectedPostingsBytes = 1 << 16) {
    this.#postings = new ByteWriter(expectedPostingsBytes);
    this.#positions = new ByteWriter(expectedPostingsBytes);
  }

  /** Starts the postings of `term`; `withPositions` false (exact-form terms) writes no positions. */
  startTerm(term: string, withPositions = true): void {
    this.#closeTerm();
    this.#open = true;
    this.#withPositions = withPositions;
    this.#terms.push(term);
    this.#termPostingsStart.push(this.#postings.length);
    this.#termPositionsStart.push(this.#positions.length);
    this.#termBlockStart.push(this.#blockLastDoc.n);
    this.#inTerm = 0;
    this.#inBlock = 0;
    this.#prevDoc = -1;
  }

  /**
   * One posting: `tfs[tfOff ..]` holds one tf per set bit of `mask` (ascending field order) and
   * `pos[posOff ..]` the matching position deltas, tf of them per field.
   */
  addPosting(doc: number, mask: number, tfs: ArrayLike<number>, tfOff: number, pos: ArrayLike<number>, posOff: number): void {
    if (!(doc > this.#prevDoc)) throw new Error(`postings must be added in ascending DocId order (${doc} after ${this.#prevDoc})`);
    if (this.#inBlock === BLOCK_SIZE) this.#closeBlock();
    const out = this.#postings;
    if (this.#inBlock === 0) {
      this.#blockPositions = this.#positions.length;
      this.#blockFirstMask = mask;
      this.#allStart.push(out.length);
      // A block decodes on its own: its first mask is always written here (finish() may drop it).
      this.#prevMask = -1;
    }
    let fields = 0;
    let total = 0;
    let allOne = true;
    for (let m = mask; m !== 0; m &= m - 1) {
      const tf = tfs[tfOff + fields]!;
      if (tf !== 1) allOne = false;
      total += tf;
      fields++;
    }
    const same = mask === this.#prevMask;
    const code = (same ? 0 : CODE_MASK_ONES) | (allOne ? 0 : 1);
    out.varint((doc - this.#prevDoc - 1) * 4 + code);
    if (this.#inBlock === 0) this.#allFirstMaskAt.push(out.length);
    if (!same) out.varint(mask);
    if (!allOne) for (let i = 0; i < fields; i++) out.varint(tfs[tfOff + i]!);
    if (this.#withPositions) {
      const positions = this.#positions;
      for (let i = 0; i < total; i++) positions.varint(pos[posOff + i]!);
    }
    this.#prevDoc = doc;
    this.#prevMask = mask;
    this.#inBlock++;
    this.#inTerm++;
  }

  #closeBlock(): void {
    if (this.#inBlock === 0) return;
    this.#allFirstMask.push(this.#blockFirstMask);
    this.#firstMaskCounts.set(this.#blockFirstMask, (this.#firstMaskCounts.get(this.#blockFirstMask) ?? 0) + 1);
    this.#pendingLastDoc.push(this.#prevDoc);
    this.#pendingPostings.push(this.#allStart.a[this.#allStart.n - 1]!);
    this.#pendingPositions.push(this.#blockPositions);
    this.#inBlock = 0;
  }

  #closeTerm(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#closeBlock();
    this.#termDf.push(this.#inTerm);
    const blocks = this.#pendingLastDoc.length;
    if (blocks > 1) {
      for (let b = 0; b < blocks; b++) {
        this.#blockLastDoc.push(this.#pendingLastDoc[b]!);
        this.#blockPostingsOffset.push(this.#pendingPostings[b]!);
        this.#blockPositionsOffset.push(this.#pendingPositions[b]!);
      }
    }
    this.#pendingLastDoc.length = 0;
    this.#pendingPostings.length = 0;
    this.#pendingPositions.length = 0;
  }

  finish(columns: SegmentColumns): SegmentData {
    this.#closeTerm();
    const termCount = this.#terms.length;
    this.#termPostingsStart.push(this.#postings.length);
    this.#termPositionsStart.push(this.#positions.length);
    this.#termBlockStart.push(this.#blockLastDoc.n);
    const termPostingsStart = this.#termPostingsStart.finish();
    const blockPostingsOffset = this.#blockPostingsOffset.finish();
    const blockLastDoc = this.#blockLastDoc.finish();
    const termDf = this.#termDf.finish();
    const termBlockStart = this.#termBlockStart.finish();
    const defaultMask = this.#mostCommonFirstMask();
    const postings = this.#dropDefaultMasks(defaultMask, termPostingsStart, blockPostingsOffset);
    const skips = blockLastDoc.length;
    const width = columns.scoredCount;
    const blockMask = new Uint32Array(skips);
    const blockMaxTf = new Uint32Array(skips * width);
    const blockMinLength = new Uint32Array(skips * width);
    const block = new DecodedBlock();
    for (let t = 0; t < termCount; t++) {
      const base = termBlockStart[t]!;
      const end = termBlockStart[t + 1]!;
      for (let k = base; k < end; k++) {
        const count = k < end - 1 ? BLOCK_SIZE : termDf[t]! - BLOCK_SIZE * (end - base - 1);
        decodeBlock(postings, blockPostingsOffset[k]!, count, k === base ? -1 : blockLastDoc[k - 1]!, defaultMask, block);
        summariseBlock(block, columns.fieldLengths, width, k, blockMask, blockMaxTf, blockMinLength);
      }
    }
    return {
      numDocs: columns.numDocs,
      fieldCount: columns.fieldCount,
      scoredCount: columns.scoredCount,
      dictionary: TermDictionary.fromSorted(this.#terms),
      termDf,
      termPostingsStart,
      termPositionsStart: this.#termPositionsStart.finish(),
      termBlockStart,
      blockLastDoc,
      blockPostingsOffset,
      blockPositionsOffset: this.#blockPositionsOffset.finish(),
      blockMask,
      blockMaxTf,
      blockMinLength,
      defaultMask,
      postings,
      positions: this.#positions.finish(),
      fieldLengths: columns.fieldLengths,
      lengthCodes: lengthCodes(columns.fieldLengths, columns.numDocs, width),
      dates: columns.dates,
      storedOffsets: columns.storedOffsets,
      stored: columns.stored,
      ids: columns.ids,
    };
  }

  /** The mask most blocks start with (ties: the smaller mask); 0 when there are no postings. */
  #mostCommonFirstMask(): number {
    let best = 0;
    let bestCount = 0;
    for (const [mask, count] of this.#firstMaskCounts) {
      if (count > bestCount || (count === bestCount && mask < best)) {
        best = mask;
        bestCount = count;
      }
    }
    return best;
  }

  /**
   * The final postings bytes: blocks whose first mask is `defaultMask` lose that mask varint and
   * their first code turns from "new mask" into "same mask".
   * Term and skip offsets (all block boundaries) are shifted in place.
   */
  #dropDefaultMasks(defaultMask: number, termStarts: Uint32Array, blockStarts: Uint32Array): Uint8Array {
    const raw = this.#postings.finish();
    const starts = this.#allStart.a;
    const maskAt = this.#allFirstMaskAt.a;
    const firstMask = this.#allFirstMask.a;
    const blocks = this.#allStart.n;
    const dropped = varintLength(defaultMask);
    let removed = 0;
    for (let k = 0; k < blocks; k++) if (firstMask[k] === defaultMask) removed += dropped;
    if (removed === 0) return raw;
    const out = new Uint8Array(raw.length - removed);
    // Removed bytes before each block, for remapping offsets that sit on block boundaries.
    const shiftBefore = new Uint32Array(blocks + 1);
    let dst = 0;
    let shift = 0;
    for (let k = 0; k < blocks; k++) {
      shiftBefore[k] = shift;
      const start = starts[k]!;
      const end = k + 1 < blocks ? starts[k + 1]! : raw.length;
      if (firstMask[k] === defaultMask) {
        // The first varint keeps its length (only bit 1 changes); the mask after it goes.
        const at = maskAt[k]!;
        out.set(raw.subarray(start, at), dst);
        out[dst] = out[dst]! & ~CODE_MASK_ONES;
        dst += at - start;
        out.set(raw.subarray(at + dropped, end), dst);
        dst += end - at - dropped;
        shift += dropped;
      } else {
        out.set(raw.subarray(start, end), dst);
        dst += end - start;
      }
    }
    shiftBefore[blocks] = shift;
    remapOffsets(termStarts, starts, blocks, shiftBefore);
    remapOffsets(blockStarts, starts, blocks, shiftBefore);
    return out;
  }
}

/** Shifts ascending block-boundary offsets by the bytes removed before them (a merge walk). */
function remapOffsets(offsets: Uint32Array, starts: Uint32Array, blocks: number, shiftBefore: Uint32Array): void {
  let k = 0;
  for (let i = 0; i < offsets.length; i++) {
    const at = offsets[i]!;
    while (k < blocks && starts[k]! < at) k++;
    offsets[i] = at - shiftBefore[k]!;
  }
}

/** Block-max metadata of one decoded block: field union, and per scored field max tf and min length. */
function summariseBlock(
  block: DecodedBlock,
  lengths: Uint32Array,
  width: number,
  k: number,
  blockMask: Uint32Array,
  blockMaxTf: Uint32Array,
  blockMinLength: Uint32Array,
): void {
  const { docs, masks, tfStart, tfs } = block;
  let union = 0;
  const row = k * width;
  for (let f = 0; f < width; f++) blockMinLength[row + f] = 0xffffffff;
  for (let i = 0; i < block.length; i++) {
    const mask = masks[i]!;
    union |= mask;
    let j = tfStart[i]!;
    for (let m = mask; m !== 0; m &= m - 1) {
      const f = 31 - Math.clz32(m & -m);
      const tf = tfs[j++]!;
      if (f >= width) continue;
      if (tf > blockMaxTf[row + f]!) blockMaxTf[row + f] = tf;
      const length = lengths[docs[i]! * width + f]!;
      if (length < blockMinLength[row + f]!) blockMinLength[row + f] = length;
    }
  }
  for (let f = 0; f < width; f++) if (blockMaxTf[row + f] === 0) blockMinLength[row + f] = 0;
  blockMask[k] = union >>> 0;
}
