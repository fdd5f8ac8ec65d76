// Positions of one term in a few documents without allocating: the skip entries find each block,
// each block is decoded once for all the documents it holds, earlier positions are skipped by
// counting varint ends. For proximity rescoring of top candidates and phrase matching.

import type { SegmentData } from './segment.js';
import { BLOCK_SIZE, DecodedBlock, decodeBlockColumns, locateBlock, type BlockGeometry } from './posting-blocks.js';

/**
 * Reusable output of {@link readPositionsBatch}: for the i-th document asked for, `found[i]`, its
 * field mask, and per field f the positions pos[start[i·F + f] .. + tf[i·F + f]) (F = fieldCount).
 */
export class PositionsBatch {
  count = 0;
  fieldCount = 1;
  found = new Uint8Array(8);
  masks = new Int32Array(8);
  tf = new Int32Array(8);
  start = new Int32Array(8);
  pos = new Int32Array(64);

  /** Makes room for `n` documents of `fieldCount` fields, none found yet. */
  reset(n: number, fieldCount: number): void {
    const F = Math.max(1, fieldCount);
    this.count = n;
    this.fieldCount = F;
    if (this.found.length < n) {
      this.found = new Uint8Array(n * 2);
      this.masks = new Int32Array(n * 2);
    }
    if (this.tf.length < n * F) {
      this.tf = new Int32Array(n * F * 2);
      this.start = new Int32Array(n * F * 2);
    }
    this.found.fill(0, 0, n);
    this.tf.fill(0, 0, n * F);
  }
}

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
 * Fills `out` with the positions of term `ordinal` (a term with positions) in each of `docs[0 .. n)`,
 * which must be ascending and distinct. Documents sharing a block share one decode of it: proximity
 * asks for 30 documents of terms that often have only a few blocks.
 */
export function readPositionsBatch(data: SegmentData, ordinal: number, docs: ArrayLike<number>, n: number, out: PositionsBatch): void {
  const F = data.fieldCount;
  out.reset(n, F);
  const first = data.termBlockStart[ordinal]!;
  const last = data.termBlockStart[ordinal + 1]!;
  const blocks = first === last ? 1 : last - first;
  const pbytes = data.positions;
  const tfOut = out.tf;
  const { docs: blockDocs, columns } = decoded;
  let block = -1;
  let i = 0; // next posting of the decoded block to look at
  let q = 0; // positions byte offset of posting `cursor`
  let cursor = 0; // first posting whose positions were neither read nor skipped
  let used = 0;
  for (let j = 0; j < n; j++) {
    const doc = docs[j]!;
    let b = block < 0 ? 0 : block;
    if (first !== last) {
      while (b < blocks && data.blockLastDoc[first + b]! < doc) b++;
      // Past the term's last block: neither this document nor any later one holds the term.
      if (b === blocks) break;
    }
    if (b !== block) {
      locateBlock(data, ordinal, b, geometry);
      decodeBlockColumns(data.postings, geometry.start, geometry.count, geometry.prevDoc, data.defaultMask, decoded);
      block = b;
      i = 0;
      q = geometry.positions;
      cursor = 0;
    }
    const count = decoded.length;
    while (i < count && blockDocs[i]! < doc) i++;
    if (i === count || blockDocs[i]! !== doc) continue;
    const union = decoded.union;
    const ones = decoded.onesFields;
    // Earlier postings' positions are skipped: their tfs, summed column by column, say how many.
    let pending = 0;
    let mask = 0;
    let total = 0;
    const row = j * F;
    for (let m = union; m !== 0; m &= m - 1) {
      const low = m & -m;
      const f = 31 - Math.clz32(low);
      let tf = 1;
      if ((ones & low) !== 0) {
        pending += i - cursor;
      } else {
        const col = f * BLOCK_SIZE;
        for (let k = col + cursor, end = col + i; k < end; k++) pending += columns[k]!;
        tf = columns[col + i]!;
      }
      if (tf === 0) continue;
      mask |= low;
      tfOut[row + f] = tf;
      total += tf;
    }
    q = skipVarints(pbytes, q, pending);
    cursor = i;
    if (mask === 0) continue;
    // Posting i's positions are read below: the next skip starts after it.
    cursor = i + 1;
    i++;
    out.found[j] = 1;
    out.masks[j] = mask;
    if (out.pos.length < used + total) {
      const grown = new Int32Array(Math.max(used + total, out.pos.length * 2));
      grown.set(out.pos.subarray(0, used));
      out.pos = grown;
    }
    const pos = out.pos;
    for (let f = 0; f < F; f++) {
      out.start[row + f] = used;
      let position = 0;
      const tf = tfOut[row + f]!;
      for (let r = 0; r < tf; r++) {
        let c = pbytes[q++]!;
        let v = c & 0x7f;
        for (let shift = 7; c >= 0x80; shift += 7) {
          c = pbytes[q++]!;
          v |= (c & 0x7f) << shift;
        }
        position = r === 0 ? v : position + v;
        pos[used++] = position;
      }
    }
  }
}

/** The block scratch of {@link readPositionsBatch} (it never nests). */
const decoded = new DecodedBlock();

const single = new PositionsBatch();
const one = new Int32Array(1);

/**
 * Fills `out` with the positions of term `ordinal` (a term with positions) in `doc`; false when the
 * term is not in the document. Positions are absolute and ascending per field.
 */
export function readPositions(data: SegmentData, ordinal: number, doc: number, out: PositionsScratch): boolean {
  one[0] = doc;
  readPositionsBatch(data, ordinal, one, 1, single);
  out.mask = 0;
  if (single.found[0] === 0) return false;
  out.mask = single.masks[0]!;
  const F = single.fieldCount;
  if (out.pos.length < single.pos.length) out.pos = new Int32Array(single.pos.length);
  let k = 0;
  for (let f = 0; f < out.tf.length; f++) {
    const tf = f < F ? single.tf[f]! : 0;
    out.tf[f] = tf;
    out.start[f] = k;
    for (let n = 0; n < tf; n++) out.pos[k++] = single.pos[single.start[f]! + n]!;
  }
  return true;
}
