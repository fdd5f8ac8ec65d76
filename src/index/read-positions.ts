// Positions of one term in one document without decoding its whole block or allocating: the skip
// entries find the block, postings are walked only up to the document, earlier positions are
// skipped by counting varint ends. For proximity rescoring, which asks this for every top candidate.

import type { SegmentData } from './segment.js';
import { CODE_MASK_ONES, locateBlock, type BlockGeometry } from './posting-blocks.js';

/** Reusable output of {@link readPositions}: per field f, positions pos[start[f] .. start[f] + tf[f]). */
export class PositionsScratch {
  mask = 0;
  readonly tf: Int32Array;
  readonly start: Int32Array;
  pos: Int32Array = new Int32Array(64);
  constructor(fieldCount: number) {
    this.tf = new Int32Array(Math.max(1, fieldCount));
    this.start = new Int32Array(Math.max(1, fieldCount));
  }
}

const geometry: BlockGeometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };

/** Set bits of a 32-bit mask (SWAR popcount). */
function bitCount(mask: number): number {
  let x = mask - ((mask >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Word views of positions sections, made once per section (an aligned view or null when misaligned). */
const wordViews = new WeakMap<Uint8Array, Uint32Array | null>();

function wordsOf(bytes: Uint8Array): Uint32Array | null {
  let words = wordViews.get(bytes);
  if (words === undefined) {
    words = (bytes.byteOffset & 3) === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2) : null;
    wordViews.set(bytes, words);
  }
  return words;
}

/**
 * The offset just past `count` varints starting at `q`. A varint ends at a byte below 0x80, so four
 * bytes at a time the ends are the clear top bits, counted branch-free: the earlier postings of a
 * block hold a few hundred position bytes, and this skip was half of a proximity read.
 */
export function skipVarints(bytes: Uint8Array, q: number, count: number): number {
  while (count > 0 && (q & 3) !== 0) if (bytes[q++]! < 0x80) count--;
  const words = wordsOf(bytes);
  if (words !== null) {
    const limit = words.length;
    for (let w = q >>> 2; count > 4 && w < limit; w++) {
      // One bit per byte whose top bit is clear, summed by a multiply into the top byte.
      const ends = Math.imul((~words[w]! >>> 7) & 0x01010101, 0x01010101) >>> 24;
      // A word is consumed only while it holds fewer ends than needed: the last one may end mid-word.
      if (ends >= count) break;
      count -= ends;
      q += 4;
    }
  }
  while (count > 0) if (bytes[q++]! < 0x80) count--;
  return q;
}

/**
 * Fills `out` with the positions of term `ordinal` (a term with positions) in `doc`; false when the
 * term is not in the document. Positions are absolute and ascending per field.
 */
export function readPositions(data: SegmentData, ordinal: number, doc: number, out: PositionsScratch): boolean {
  out.mask = 0;
  // The block that would hold doc: binary search of the skip entries (one-block terms have none).
  const first = data.termBlockStart[ordinal]!;
  const last = data.termBlockStart[ordinal + 1]!;
  let block = 0;
  if (first !== last) {
    let lo = first;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (data.blockLastDoc[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    if (lo === last) return false;
    block = lo - first;
  }
  locateBlock(data, ordinal, block, geometry);
  const bytes = data.postings;
  let p = geometry.start;
  let current = geometry.prevDoc;
  let mask = data.defaultMask;
  let fields = bitCount(mask);
  let skip = 0; // positions of earlier postings in this block
  let code = 0;
  let i = 0;
  // Earlier postings only contribute their tf sum: a one-byte gap and an unchanged mask with every
  // tf 1 (the common posting) cost a compare and an add (this walk was most of a proximity read).
  for (; i < geometry.count; i++) {
    let b = bytes[p++]!;
    let v = b;
    if (b >= 0x80) {
      v = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[p++]!;
        v |= (b & 0x7f) << shift;
      }
    }
    current += (v >>> 2) + 1;
    code = v & 3;
    if (code >= CODE_MASK_ONES) {
      b = bytes[p++]!;
      mask = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[p++]!;
        mask |= (b & 0x7f) << shift;
      }
      fields = bitCount(mask);
    }
    if (current >= doc) break;
    if ((code & 1) === 0) {
      skip += fields;
      continue;
    }
    for (let k = 0; k < fields; k++) {
      b = bytes[p++]!;
      let tf = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[p++]!;
        tf |= (b & 0x7f) << shift;
      }
      skip += tf;
    }
  }
  if (i === geometry.count || current !== doc || mask === 0) return false;
  out.mask = mask;
  out.tf.fill(0);
  for (let m = mask; m !== 0; m &= m - 1) {
    let tf = 1;
    if ((code & 1) === 1) {
      let b = bytes[p++]!;
      tf = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[p++]!;
        tf |= (b & 0x7f) << shift;
      }
    }
    out.tf[31 - Math.clz32(m & -m)] = tf;
  }
  const pbytes = data.positions;
  let q = skipVarints(pbytes, geometry.positions, skip);
  let total = 0;
  for (let f = 0; f < out.tf.length; f++) total += out.tf[f]!;
  if (out.pos.length < total) out.pos = new Int32Array(Math.max(total, out.pos.length * 2));
  let k = 0;
  for (let f = 0; f < out.tf.length; f++) {
    out.start[f] = k;
    let position = 0;
    for (let n = 0; n < out.tf[f]!; n++) {
      let b = pbytes[q++]!;
      let v = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = pbytes[q++]!;
        v |= (b & 0x7f) << shift;
      }
      position = n === 0 ? v : position + v;
      out.pos[k++] = position;
    }
  }
  return true;
}
