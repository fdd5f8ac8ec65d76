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
  let skip = 0; // positions of earlier postings in this block
  for (let i = 0; i < geometry.count; i++) {
    let b = bytes[p++]!;
    let v = b & 0x7f;
    for (let shift = 7; b >= 0x80; shift += 7) {
      b = bytes[p++]!;
      v |= (b & 0x7f) << shift;
    }
    current += (v >>> 2) + 1;
    const code = v & 3;
    if (code >= CODE_MASK_ONES) {
      b = bytes[p++]!;
      mask = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[p++]!;
        mask |= (b & 0x7f) << shift;
      }
    }
    if (current > doc) return false;
    const here = current === doc;
    if (here) {
      out.mask = mask;
      out.tf.fill(0);
    }
    for (let m = mask; m !== 0; m &= m - 1) {
      let tf = 1;
      if ((code & 1) === 1) {
        b = bytes[p++]!;
        tf = b & 0x7f;
        for (let shift = 7; b >= 0x80; shift += 7) {
          b = bytes[p++]!;
          tf |= (b & 0x7f) << shift;
        }
      }
      if (here) out.tf[31 - Math.clz32(m & -m)] = tf;
      else skip += tf;
    }
    if (here) break;
  }
  if (out.mask === 0 || current !== doc) return false;
  // Skip earlier postings' positions: a varint ends at a byte below 0x80.
  const pbytes = data.positions;
  let q = geometry.positions;
  for (let seen = 0; seen < skip; q++) if (pbytes[q]! < 0x80) seen++;
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
