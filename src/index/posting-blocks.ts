// The byte layout of posting blocks and the one decoder every reader shares (iteration, merges,
// random access, queries). Writing lives in segment-builder.ts; this file only reads.
//
// A term's postings are blocks of BLOCK_SIZE (the last one shorter). Each posting is
//   varint((docGap << 2) | code), docGap = doc − previous doc − 1 (the previous doc of a term's
//   first block is −1, of a later block the last doc of the block before), then by code:
//   code 0: same field mask as the previous posting, every tf 1 (nothing more);
//   code 1: same mask, then varint tf per field of the mask (ascending field order);
//   code 2: varint(mask), every tf 1;
//   code 3: varint(mask), then the tfs.
// "Previous mask" at a block's start is the segment's `defaultMask` (its most common first mask), so
// a block decodes on its own. One pointer reads it all: measured faster than keeping doc gaps and
// masks/tfs in separate runs (which needs a pre-scan to find the second run).

/** Postings per block: skip entries and block-max metadata exist at this granularity. */
export const BLOCK_SIZE = 128;

/** Codes in the low two bits of a posting's first varint. */
export const CODE_SAME_ONES = 0;
export const CODE_SAME_TFS = 1;
export const CODE_MASK_ONES = 2;
export const CODE_MASK_TFS = 3;

/** Tf slots per posting in a decoded block: masks are at most 32 bits wide. */
const MAX_FIELDS_PER_POSTING = 32;

/** A decoded block: parallel typed arrays reused across blocks, never reallocated. */
export class DecodedBlock {
  readonly docs = new Int32Array(BLOCK_SIZE);
  readonly masks = new Int32Array(BLOCK_SIZE);
  /** The tfs of posting i are tfs[tfStart[i] .. tfStart[i + 1]), one per set bit of masks[i], ascending. */
  readonly tfStart = new Int32Array(BLOCK_SIZE + 1);
  readonly tfs = new Int32Array(BLOCK_SIZE * MAX_FIELDS_PER_POSTING);
  length = 0;
}

/** Where one block of a term lives and how to decode it. */
export interface BlockGeometry {
  /** Byte offset of the block in `postings`. */
  start: number;
  /** Postings in the block. */
  count: number;
  /** DocId before the block's first posting (−1 for the term's first block). */
  prevDoc: number;
  /** Byte offset of the block's positions in `positions`. */
  positions: number;
}

/** The arrays of a segment that locate postings; SegmentData satisfies it. */
export interface PostingsLayout {
  readonly postings: Uint8Array;
  readonly defaultMask: number;
  readonly termDf: Uint32Array;
  readonly termPostingsStart: Uint32Array;
  readonly termPositionsStart: Uint32Array;
  readonly termBlockStart: Uint32Array;
  readonly blockLastDoc: Uint32Array;
  readonly blockPostingsOffset: Uint32Array;
  readonly blockPositionsOffset: Uint32Array;
}

/** Number of blocks of term `ordinal` (a term with skip entries has one per block; others have one block). */
export function blockCount(data: PostingsLayout, ordinal: number): number {
  const skips = data.termBlockStart[ordinal + 1]! - data.termBlockStart[ordinal]!;
  return skips > 0 ? skips : data.termDf[ordinal]! > 0 ? 1 : 0;
}

/** Fills `out` with the location of block `block` (0-based within the term) of term `ordinal`. */
export function locateBlock(data: PostingsLayout, ordinal: number, block: number, out: BlockGeometry): void {
  const base = data.termBlockStart[ordinal]!;
  const skips = data.termBlockStart[ordinal + 1]! - base;
  const df = data.termDf[ordinal]!;
  if (skips === 0) {
    out.start = data.termPostingsStart[ordinal]!;
    out.count = df;
    out.prevDoc = -1;
    out.positions = data.termPositionsStart[ordinal]!;
    return;
  }
  out.start = data.blockPostingsOffset[base + block]!;
  out.count = block < skips - 1 ? BLOCK_SIZE : df - BLOCK_SIZE * (skips - 1);
  out.prevDoc = block === 0 ? -1 : data.blockLastDoc[base + block - 1]!;
  out.positions = data.blockPositionsOffset[base + block]!;
}

/**
 * Decodes `count` postings starting at `start` into `out`; returns the byte offset just after the
 * block. Varints are read inline: this runs once per posting and a call per byte showed in profiles.
 */
export function decodeBlock(bytes: Uint8Array, start: number, count: number, prevDoc: number, defaultMask: number, out: DecodedBlock): number {
  const docs = out.docs;
  const masks = out.masks;
  const tfStart = out.tfStart;
  const tfs = out.tfs;
  let p = start;
  let doc = prevDoc;
  let mask = defaultMask;
  // Most masks have one field: that case skips the per-field loop (a predictable branch).
  let single = (mask & (mask - 1)) === 0;
  let t = 0;
  for (let i = 0; i < count; i++) {
    let b = bytes[p++]!;
    let v = b & 0x7f;
    for (let shift = 7; b >= 0x80; shift += 7) {
      b = bytes[p++]!;
      v |= (b & 0x7f) << shift;
    }
    // `>>> 2` reads the bit pattern as unsigned, so gaps up to 2^30 survive a sign bit set by `<< 28`.
    doc += (v >>> 2) + 1;
    docs[i] = doc;
    const code = v & 3;
    if (code >= CODE_MASK_ONES) {
      b = bytes[p++]!;
      mask = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[p++]!;
        mask |= (b & 0x7f) << shift;
      }
      single = (mask & (mask - 1)) === 0;
    }
    masks[i] = mask;
    tfStart[i] = t;
    if ((code & 1) === 0) {
      if (single) tfs[t++] = 1;
      else for (let m = mask; m !== 0; m &= m - 1) tfs[t++] = 1;
    } else {
      for (let m = mask; m !== 0; m &= m - 1) {
        b = bytes[p++]!;
        let tf = b & 0x7f;
        for (let shift = 7; b >= 0x80; shift += 7) {
          b = bytes[p++]!;
          tf |= (b & 0x7f) << shift;
        }
        tfs[t++] = tf;
      }
    }
  }
  tfStart[count] = t;
  out.length = count;
  return p;
}

/** Decodes only the DocIds of a block into `docs` (masks are followed, tfs skipped): for counting. */
export function decodeBlockDocs(bytes: Uint8Array, start: number, count: number, prevDoc: number, defaultMask: number, docs: Int32Array): void {
  let p = start;
  let doc = prevDoc;
  let mask = defaultMask;
  for (let i = 0; i < count; i++) {
    let b = bytes[p++]!;
    let v = b & 0x7f;
    for (let shift = 7; b >= 0x80; shift += 7) {
      b = bytes[p++]!;
      v |= (b & 0x7f) << shift;
    }
    doc += (v >>> 2) + 1;
    docs[i] = doc;
    const code = v & 3;
    if (code >= CODE_MASK_ONES) {
      b = bytes[p++]!;
      mask = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[p++]!;
        mask |= (b & 0x7f) << shift;
      }
    }
    // A tf varint ends at a byte below 0x80: skip one per field of the mask.
    if ((code & 1) === 1) for (let m = mask; m !== 0; m &= m - 1) while (bytes[p++]! >= 0x80);
  }
}

const pool: DecodedBlock[] = [];

/** A scratch block from a small pool (callers may nest, e.g. a callback iterating another term). */
export function acquireBlock(): DecodedBlock {
  return pool.pop() ?? new DecodedBlock();
}

/** Returns a block taken with {@link acquireBlock}. */
export function releaseBlock(block: DecodedBlock): void {
  if (pool.length < 8) pool.push(block);
}
