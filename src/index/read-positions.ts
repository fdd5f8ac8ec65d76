// Positions of one term in a few documents without allocating: the skip entries find each block,
// each block is decoded once for all the documents it holds, earlier positions are skipped by the
// counts its tfs give (positions-codec.ts). For proximity rescoring of top candidates and phrases.

import type { SegmentData } from './segment.js';
import { BLOCK_SIZE, DecodedBlock, decodeBlockColumns, decodeBlockDocs, locateBlock, positionsEnd, type BlockGeometry } from './posting-blocks.js';
import { PositionsCursor, checkPositionCount, isVarintBlock } from './positions-codec.js';

/**
 * Reusable output of {@link readPositionsBatch}: for the i-th document asked for, `found[i]`, its
 * field mask, and per field f the positions pos[start[i·F + f] .. + tf[i·F + f]) (F = fieldCount;
 * tf is 0 for a field not in the mask, whose start is left as it was).
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
const cursor = new PositionsCursor();

/**
 * Fills `out` with the positions of term `ordinal` (a term with positions) in each of `docs[0 .. n)`,
 * which must be ascending and distinct. Documents sharing a block share one decode of it: proximity
 * asks for 30 documents of terms that often have only a few blocks. With `want`, documents j with
 * want[j] = 0 are left not found and cost nothing (a block holding none that is wanted is not read).
 */
export function readPositionsBatch(
  data: SegmentData,
  ordinal: number,
  docs: ArrayLike<number>,
  n: number,
  out: PositionsBatch,
  want?: Uint8Array,
): void {
  const F = data.fieldCount;
  out.reset(n, F);
  const first = data.termBlockStart[ordinal]!;
  const last = data.termBlockStart[ordinal + 1]!;
  const blocks = first === last ? 1 : last - first;
  const tfOut = out.tf;
  const { docs: blockDocs, columns } = decoded;
  let block = -1;
  let i = 0; // next posting of the decoded block to look at
  let cursorAt = 0; // first posting whose positions were neither read nor skipped
  let used = 0;
  for (let j = 0; j < n; j++) {
    if (want !== undefined && want[j] === 0) continue;
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
      cursorAt = 0;
      openPositions(data, ordinal, b, decoded);
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
        pending += i - cursorAt;
      } else {
        const col = f * BLOCK_SIZE;
        for (let k = col + cursorAt, end = col + i; k < end; k++) pending += columns[k]!;
        tf = columns[col + i]!;
      }
      if (tf === 0) continue;
      mask |= low;
      tfOut[row + f] = tf;
      total += tf;
    }
    // Before anything is sized by them: a crafted block's tfs can claim billions of positions.
    if (pending + total > blockPositionBits) checkPositionCount(pending + total, geometry.positions, positionsEnd(data, ordinal, block));
    cursor.skip(pending);
    cursorAt = i;
    if (mask === 0) continue;
    // Posting i's positions are read below: the next skip starts after it.
    cursorAt = i + 1;
    i++;
    out.found[j] = 1;
    out.masks[j] = mask;
    if (out.pos.length < used + total) {
      const grown = new Int32Array(Math.max(used + total, out.pos.length * 2));
      grown.set(out.pos.subarray(0, used));
      out.pos = grown;
    }
    const pos = out.pos;
    const starts = out.start;
    // Fields in ascending order, as the positions are stored; only those with a tf.
    for (let m = mask; m !== 0; m &= m - 1) {
      const f = 31 - Math.clz32(m & -m);
      starts[row + f] = used;
      const tf = tfOut[row + f]!;
      let position = cursor.next();
      pos[used++] = position;
      for (let r = 1; r < tf; r++) {
        position += cursor.next();
        pos[used++] = position;
      }
    }
  }
}

/**
 * Sets present[j] to 1 when term `ordinal` has a posting for docs[j] (ascending, distinct), else 0,
 * from doc ids alone: no tf column, no position is read. A cheap test before reading positions.
 */
export function markPresent(data: SegmentData, ordinal: number, docs: ArrayLike<number>, n: number, present: Uint8Array): void {
  present.fill(0, 0, n);
  const first = data.termBlockStart[ordinal]!;
  const last = data.termBlockStart[ordinal + 1]!;
  const blocks = first === last ? 1 : last - first;
  const blockDocs = decoded.docs;
  let block = -1;
  let count = 0;
  let i = 0;
  for (let j = 0; j < n; j++) {
    const doc = docs[j]!;
    let b = block < 0 ? 0 : block;
    if (first !== last) {
      while (b < blocks && data.blockLastDoc[first + b]! < doc) b++;
      if (b === blocks) return;
    }
    if (b !== block) {
      locateBlock(data, ordinal, b, geometry);
      decodeBlockDocs(data.postings, geometry.start, geometry.count, geometry.prevDoc, data.defaultMask, blockDocs);
      block = b;
      count = geometry.count;
      i = 0;
    }
    while (i < count && blockDocs[i]! < doc) i++;
    if (i < count && blockDocs[i] === doc) present[j] = 1;
  }
}

/** Opens `cursor` on the positions block of decoded block `b` of term `ordinal`. */
function openPositions(data: SegmentData, ordinal: number, b: number, block: DecodedBlock): void {
  // Only a block of one posting can be varints: then its values are that posting's tfs.
  let varint = false;
  if (block.length === 1) {
    let values = 0;
    for (let m = block.union; m !== 0; m &= m - 1) {
      const low = m & -m;
      values += (block.onesFields & low) !== 0 ? 1 : block.columns[(31 - Math.clz32(low)) * BLOCK_SIZE]!;
    }
    varint = isVarintBlock(1, values);
  }
  const end = positionsEnd(data, ordinal, b);
  blockPositionBits = 8 * (end - geometry.positions);
  cursor.open(data.positions, geometry.positions, end, varint);
}

/** Bits of the open positions block: no posting in it has more positions (see checkPositionCount). */
let blockPositionBits = 0;

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
