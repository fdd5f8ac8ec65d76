// Random access to one posting of a term: the skip entries find the block holding a DocId, then one
// block is decoded. Used by explain, phrase matching and related articles.

import type { SegmentData } from './segment.js';
import { isExactTerm } from './exact-terms.js';
import { PositionsCursor, checkPositionCount, isVarintBlock } from './positions-codec.js';
import { NO_STEM } from './exact-stems.js';
import { BLOCK_SIZE, acquireBlock, decodeBlockDocs, positionsEnd, decodeBlock, decodeBlockColumns, locateBlock, releaseBlock, type BlockGeometry, type DecodedBlock } from './posting-blocks.js';

/** One decoded posting: its field mask, tf per field (0 where absent) and positions per field. */
export interface DecodedPosting {
  readonly mask: number;
  /** Indexed by field number. */
  readonly tfs: readonly number[];
  /** Indexed by field number: absolute positions, ascending. */
  readonly positions: readonly (readonly number[])[];
}

/** The block (0-based within the term) that would hold `doc`, or -1 when `doc` is past the term's last block. */
function findBlock(data: SegmentData, ordinal: number, doc: number): number {
  const first = data.termBlockStart[ordinal]!;
  const last = data.termBlockStart[ordinal + 1]!;
  if (first === last) return data.termDf[ordinal]! > 0 ? 0 : -1;
  // Binary search of the skip entries: the first block whose last DocId is ≥ doc.
  let lo = first;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (data.blockLastDoc[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo === last ? -1 : lo - first;
}

/** Decodes the block of term `ordinal` that would hold `doc`; returns the index of `doc` in it, or -1. */
function seek(data: SegmentData, ordinal: number, doc: number, block: DecodedBlock, geometry: BlockGeometry): number {
  const b = findBlock(data, ordinal, doc);
  if (b < 0) return -1;
  locateBlock(data, ordinal, b, geometry);
  decodeBlock(data.postings, geometry.start, geometry.count, geometry.prevDoc, data.defaultMask, block);
  return indexOf(block.docs, block.length, doc);
}

/**
 * What term `ordinal`'s postings call `doc`: the DocId itself, or for an exact form whose postings
 * point into its stem's list (exact-stems.ts), the document's ordinal there (-1 when the stem is not
 * in the document, so neither is the form).
 */
function postingKey(data: SegmentData, ordinal: number, doc: number): number {
  const stem = data.exactStems.stemOf(ordinal);
  return stem === NO_STEM ? doc : ordinalInList(data, stem, doc);
}

/** The ordinal of `doc` in term `stem`'s posting list (its rank there), or -1 when absent. */
export function ordinalInList(data: SegmentData, stem: number, doc: number): number {
  data.dictionary.prepare(stem);
  const b = findBlock(data, stem, doc);
  if (b < 0) return -1;
  const block = acquireBlock();
  try {
    locateBlock(data, stem, b, keyGeometry);
    decodeBlockDocs(data.postings, keyGeometry.start, keyGeometry.count, keyGeometry.prevDoc, data.defaultMask, block.docs);
    const i = indexOf(block.docs, keyGeometry.count, doc);
    return i < 0 ? -1 : b * BLOCK_SIZE + i;
  } finally {
    releaseBlock(block);
  }
}

const keyGeometry: BlockGeometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };

/** The posting of `doc` in term `ordinal`'s list, or undefined when the term is not in that document. */
export function readPosting(data: SegmentData, ordinal: number, doc: number): DecodedPosting | undefined {
  const key = postingKey(data, ordinal, doc);
  if (key < 0) return undefined;
  const block = acquireBlock();
  try {
    const geometry: BlockGeometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };
    const i = seek(data, ordinal, key, block, geometry);
    if (i < 0) return undefined;
    const { masks, tfStart, tfs } = block;
    const mask = masks[i]!;
    const perFieldTf = new Array<number>(data.fieldCount).fill(0);
    let j = tfStart[i]!;
    for (let m = mask; m !== 0; m &= m - 1) perFieldTf[31 - Math.clz32(m & -m)] = tfs[j++]!;
    const withPositions = !isExactTerm(data.dictionary.term(ordinal));
    const positions: number[][] = [];
    if (withPositions) {
      // The values of the postings before this one say where its positions are.
      let before = 0;
      for (let j = 0; j < tfStart[i]!; j++) before += tfs[j]!;
      let values = 0;
      for (let j = tfStart[0]!; j < tfStart[block.length]!; j++) values += tfs[j]!;
      const end = positionsEnd(data, ordinal, findBlock(data, ordinal, key));
      checkPositionCount(values, geometry.positions, end);
      cursor.open(data.positions, geometry.positions, end, isVarintBlock(block.length, values));
      cursor.skip(before);
    }
    for (let f = 0; f < data.fieldCount; f++) {
      const list: number[] = [];
      const tf = withPositions ? perFieldTf[f]! : 0;
      let position = 0;
      for (let k = 0; k < tf; k++) {
        position = k === 0 ? cursor.next() : position + cursor.next();
        list.push(position);
      }
      positions.push(list);
    }
    return { mask, tfs: perFieldTf, positions };
  } finally {
    releaseBlock(block);
  }
}

/**
 * The tf of term `ordinal` in `doc` summed over the fields of `fieldMask` (0 when absent): one
 * block decoded into tf columns through the skip entries, no positions read.
 */
export function termFrequencyIn(data: SegmentData, ordinal: number, doc: number, fieldMask: number): number {
  const key = postingKey(data, ordinal, doc);
  return key < 0 ? 0 : termFrequencyAt(data, ordinal, key, fieldMask);
}

/**
 * {@link termFrequencyIn} given the posting's key: the DocId, or for an exact form that points into
 * its stem's list, the document's ordinal there ({@link ordinalInList}): callers asking about several
 * forms of one stem find it once.
 */
export function termFrequencyAt(data: SegmentData, ordinal: number, key: number, fieldMask: number): number {
  const b = findBlock(data, ordinal, key);
  if (b < 0) return 0;
  const block = acquireBlock();
  try {
    locateBlock(data, ordinal, b, geometry);
    decodeBlockColumns(data.postings, geometry.start, geometry.count, geometry.prevDoc, data.defaultMask, block);
    const i = indexOf(block.docs, block.length, key);
    if (i < 0) return 0;
    let tf = 0;
    for (let m = block.union & fieldMask; m !== 0; m &= m - 1) {
      const low = m & -m;
      tf += (block.onesFields & low) !== 0 ? 1 : block.columns[(31 - Math.clz32(low)) * BLOCK_SIZE + i]!;
    }
    return tf;
  } finally {
    releaseBlock(block);
  }
}

/**
 * {@link ordinalInList} for several documents: out[i] is the ordinal of docs[i] (ascending) in term
 * `stem`'s list, or -1. Documents sharing a block share its decode.
 */
export function ordinalsInList(data: SegmentData, stem: number, docs: ArrayLike<number>, n: number, out: Int32Array): void {
  data.dictionary.prepare(stem);
  const block = acquireBlock();
  try {
    let decoded = -1;
    for (let i = 0; i < n; i++) {
      const doc = docs[i]!;
      const b = findBlock(data, stem, doc);
      if (b < 0) {
        out[i] = -1;
        continue;
      }
      if (b !== decoded) {
        locateBlock(data, stem, b, keyGeometry);
        decodeBlockDocs(data.postings, keyGeometry.start, keyGeometry.count, keyGeometry.prevDoc, data.defaultMask, block.docs);
        decoded = b;
      }
      const j = indexOf(block.docs, keyGeometry.count, doc);
      out[i] = j < 0 ? -1 : b * BLOCK_SIZE + j;
    }
  } finally {
    releaseBlock(block);
  }
}

/**
 * {@link termFrequencyAt} for several keys: out[i] is the tf of term `ordinal` at keys[i] (ascending;
 * a negative key has tf 0) over the fields of `fieldMask`. Keys sharing a block share its decode.
 */
export function termFrequenciesAt(data: SegmentData, ordinal: number, keys: ArrayLike<number>, n: number, fieldMask: number, out: Int32Array): void {
  const block = acquireBlock();
  try {
    let decoded = -1;
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      const b = key < 0 ? -1 : findBlock(data, ordinal, key);
      out[i] = 0;
      if (b < 0) continue;
      if (b !== decoded) {
        locateBlock(data, ordinal, b, geometry);
        decodeBlockColumns(data.postings, geometry.start, geometry.count, geometry.prevDoc, data.defaultMask, block);
        decoded = b;
      }
      const j = indexOf(block.docs, block.length, key);
      if (j < 0) continue;
      let tf = 0;
      for (let m = block.union & fieldMask; m !== 0; m &= m - 1) {
        const low = m & -m;
        tf += (block.onesFields & low) !== 0 ? 1 : block.columns[(31 - Math.clz32(low)) * BLOCK_SIZE + j]!;
      }
      out[i] = tf;
    }
  } finally {
    releaseBlock(block);
  }
}

/** Positions cursor of {@link readPosting} (it never nests). */
const cursor = new PositionsCursor();

/** Scratch geometry of {@link termFrequencyIn} (it never nests). */
const geometry: BlockGeometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };

/** Index of `doc` in docs[0 .. n) (ascending), or -1. */
function indexOf(docs: Int32Array, n: number, doc: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = docs[mid]!;
    if (d < doc) lo = mid + 1;
    else if (d > doc) hi = mid - 1;
    else return mid;
  }
  return -1;
}
