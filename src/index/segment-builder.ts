// Encodes postings and positions into a segment's byte streams and term/skip tables, term by term,
// in the block layout of posting-blocks.ts. Both the writer's flush and merges feed it; neither
// knows the encoding. Block-max metadata is computed in finish(), once field lengths are known.

import { ByteWriter, putVarint } from './byte-writer.js';
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


/** Field masks below this are counted in an array (see #closeBlock). */
const SMALL_MASKS = 256;

/** Bytes of an unsigned varint at most: 32 bits in 7-bit groups. */
const MAX_VARINT = 5;

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
 * order, then `finish` with the columns. A builder given the field lengths up front (the writer's
 * flush knows them) summarises blocks as postings arrive; otherwise finish() decodes the blocks of
 * multi-block terms again to summarise them.
 */
export class SegmentBuilder {
  #postings: ByteWriter;
  #positions: ByteWriter;
  /** numDocs × scoredCount lengths when given to the constructor, for block summaries on the fly. */
  readonly #lengths: Uint32Array | undefined;
  readonly #width: number;
  // The open block's summary (only with #lengths): field union, per scored field max tf and min length.
  #blockUnion = 0;
  readonly #blockMaxTf: Uint32Array;
  readonly #blockMinLength: Uint32Array;
  #skipMask = new U32List();
  #skipMaxTf = new U32List();
  #skipMinLength = new U32List();
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
  readonly #smallMaskCounts = new Uint32Array(SMALL_MASKS);
  /** Skip entries before the current term's: its blocks are appended as they close, and taken back if it has only one. */
  #termFirstSkip = 0;
  #inBlock = 0;
  #blockPositions = 0;
  #blockFirstMask = 0;
  #inTerm = 0;
  #prevDoc = -1;
  #prevMask = 0;
  #withPositions = true;
  #open = false;

  constructor(expectedPostingsBytes = 1 << 16, lengths?: { fieldLengths: Uint32Array; scoredCount: number }) {
    this.#postings = new ByteWriter(expectedPostingsBytes);
    this.#positions = new ByteWriter(expectedPostingsBytes);
    this.#lengths = lengths?.fieldLengths;
    this.#width = lengths?.scoredCount ?? 0;
    this.#blockMaxTf = new Uint32Array(this.#width);
    this.#blockMinLength = new Uint32Array(this.#width).fill(0xffffffff);
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
    this.#termFirstSkip = this.#blockLastDoc.n;
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
    const lengths = this.#lengths;
    if (lengths === undefined) {
      for (let m = mask; m !== 0; m &= m - 1) {
        const tf = tfs[tfOff + fields]!;
        if (tf !== 1) allOne = false;
        total += tf;
        fields++;
      }
    } else {
      // The same pass folds the posting into the open block's summary (see summariseBlock).
      const width = this.#width;
      const maxTf = this.#blockMaxTf;
      const minLength = this.#blockMinLength;
      this.#blockUnion |= mask;
      for (let m = mask; m !== 0; m &= m - 1) {
        const tf = tfs[tfOff + fields]!;
        if (tf !== 1) allOne = false;
        total += tf;
        fields++;
        const f = 31 - Math.clz32(m & -m);
        if (f >= width) continue;
        if (tf > maxTf[f]!) maxTf[f] = tf;
        const length = lengths[doc * width + f]!;
        if (length < minLength[f]!) minLength[f] = length;
      }
    }
    const same = mask === this.#prevMask;
    const code = (same ? 0 : CODE_MASK_ONES) | (allOne ? 0 : 1);
    // Room for the whole posting at once, then plain writes: one capacity check per posting, not per varint.
    let buf = out.reserve(MAX_VARINT * (2 + fields));
    let p = putVarint(buf, out.length, (doc - this.#prevDoc - 1) * 4 + code);
    if (this.#inBlock === 0) this.#allFirstMaskAt.push(p);
    if (!same) p = putVarint(buf, p, mask);
    if (!allOne) for (let i = 0; i < fields; i++) p = putVarint(buf, p, tfs[tfOff + i]!);
    out.commit(p);
    if (this.#withPositions && total > 0) {
      const positions = this.#positions;
      buf = positions.reserve(MAX_VARINT * total);
      p = positions.length;
      for (let i = 0; i < total; i++) p = putVarint(buf, p, pos[posOff + i]!);
      positions.commit(p);
    }
    this.#prevDoc = doc;
    this.#prevMask = mask;
    this.#inBlock++;
    this.#inTerm++;
  }

  #closeBlock(): void {
    if (this.#inBlock === 0) return;
    if (this.#lengths !== undefined) {
      const width = this.#width;
      const maxTf = this.#blockMaxTf;
      const minLength = this.#blockMinLength;
      this.#skipMask.push(this.#blockUnion >>> 0);
      // Plain loops, not fill(): a block closes per term at least, and width is a handful.
      for (let f = 0; f < width; f++) {
        this.#skipMaxTf.push(maxTf[f]!);
        this.#skipMinLength.push(maxTf[f] === 0 ? 0 : minLength[f]!);
        maxTf[f] = 0;
        minLength[f] = 0xffffffff;
      }
      this.#blockUnion = 0;
    }
    const first = this.#blockFirstMask;
    this.#allFirstMask.push(first);
    // Masks of the first few fields (nearly all) are counted in an array; a Map per block showed in profiles.
    if (first < SMALL_MASKS) this.#smallMaskCounts[first]!++;
    else this.#firstMaskCounts.set(first, (this.#firstMaskCounts.get(first) ?? 0) + 1);
    this.#blockLastDoc.push(this.#prevDoc);
    this.#blockPostingsOffset.push(this.#allStart.a[this.#allStart.n - 1]!);
    this.#blockPositionsOffset.push(this.#blockPositions);
    this.#inBlock = 0;
  }

  #closeTerm(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#closeBlock();
    this.#termDf.push(this.#inTerm);
    if (this.#blockLastDoc.n - this.#termFirstSkip === 1) {
      // One block needs no skip entry (see SegmentData.termBlockStart): take it back.
      this.#blockLastDoc.n--;
      this.#blockPostingsOffset.n--;
      this.#blockPositionsOffset.n--;
      if (this.#lengths !== undefined) {
        this.#skipMask.n--;
        this.#skipMaxTf.n -= this.#width;
        this.#skipMinLength.n -= this.#width;
      }
    }
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
    let blockMask: Uint32Array;
    let blockMaxTf: Uint32Array;
    let blockMinLength: Uint32Array;
    if (this.#lengths === columns.fieldLengths && this.#width === width) {
      // Summarised as the postings arrived (from these very lengths).
      blockMask = this.#skipMask.finish();
      blockMaxTf = this.#skipMaxTf.finish();
      blockMinLength = this.#skipMinLength.finish();
    } else {
      blockMask = new Uint32Array(skips);
      blockMaxTf = new Uint32Array(skips * width);
      blockMinLength = new Uint32Array(skips * width);
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
    }
    return {
      numDocs: columns.numDocs,
      fieldCount: columns.fieldCount,
      scoredCount: columns.scoredCount,
      // A right-sized copy: the array grew by pushes and its spare capacity would live as long as the segment.
      dictionary: TermDictionary.fromSorted(this.#terms.slice()),
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
    const small = this.#smallMaskCounts;
    for (let mask = 0; mask < SMALL_MASKS; mask++) {
      const count = small[mask]!;
      if (count > bestCount || (count === bestCount && count > 0 && mask < best)) {
        best = mask;
        bestCount = count;
      }
    }
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
