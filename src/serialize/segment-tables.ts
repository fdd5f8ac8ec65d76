// The compact on-disk forms of a segment's term table, skip entries and field lengths (varints, see
// format.ts) and their decoders back to the typed arrays of SegmentData. Decoders check every
// offset and count so a crafted file with valid checksums cannot send a reader out of bounds.

import { ByteWriter } from '../index/byte-writer.js';
import { BLOCK_SIZE } from '../index/posting-blocks.js';
import type { SegmentData } from '../index/segment.js';

/** Thrown by the table decoders; decode.ts turns it into an IndexFormatError naming the section. */
export class TableError extends Error {
  readonly found: number;
  readonly expected: number;
  constructor(message: string, found: number, expected: number) {
    super(message);
    this.found = found;
    this.expected = expected;
  }
}

/** Sequential varint reader that refuses to run past its section. */
class Reader {
  readonly bytes: Uint8Array;
  p = 0;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  varint(): number {
    const bytes = this.bytes;
    let p = this.p;
    let b = bytes[p++]!;
    let v = b & 0x7f;
    for (let shift = 7; b >= 0x80; shift += 7) {
      if (shift > 28) throw new TableError('varint longer than 5 bytes', shift, 28);
      b = bytes[p++]!;
      v |= (b & 0x7f) << shift;
    }
    if (p > bytes.length) throw new TableError('section ends inside a varint', p, bytes.length);
    this.p = p;
    return v >>> 0;
  }
  end(): void {
    if (this.p !== this.bytes.length) throw new TableError('section has trailing bytes', this.p, this.bytes.length);
  }
}

/** Per term: df, postings byte length, positions byte length. */
export function encodeTermTable(d: SegmentData): Uint8Array {
  const terms = d.termDf.length;
  const out = new ByteWriter(terms * 4 + 16);
  for (let t = 0; t < terms; t++) {
    out.varint(d.termDf[t]!);
    out.varint(d.termPostingsStart[t + 1]! - d.termPostingsStart[t]!);
    out.varint(d.termPositionsStart[t + 1]! - d.termPositionsStart[t]!);
  }
  return out.finish();
}

/** The term arrays of SegmentData, rebuilt from the term table. */
export interface TermTable {
  termDf: Uint32Array;
  termPostingsStart: Uint32Array;
  termPositionsStart: Uint32Array;
  termBlockStart: Uint32Array;
}

/** Decodes the term table; offsets must add up to the postings and positions lengths exactly. */
export function decodeTermTable(bytes: Uint8Array, terms: number, postingsLength: number, positionsLength: number, skipEntries: number): TermTable {
  const r = new Reader(bytes);
  const termDf = new Uint32Array(terms);
  const termPostingsStart = new Uint32Array(terms + 1);
  const termPositionsStart = new Uint32Array(terms + 1);
  const termBlockStart = new Uint32Array(terms + 1);
  let postings = 0;
  let positions = 0;
  let blocks = 0;
  for (let t = 0; t < terms; t++) {
    const df = r.varint();
    termDf[t] = df;
    termPostingsStart[t] = postings;
    termPositionsStart[t] = positions;
    termBlockStart[t] = blocks;
    postings += r.varint();
    positions += r.varint();
    // Terms with more than one block, and only they, have skip entries: one per block.
    if (df > BLOCK_SIZE) blocks += Math.ceil(df / BLOCK_SIZE);
  }
  r.end();
  if (postings !== postingsLength) throw new TableError('term postings do not add up to the postings section', postings, postingsLength);
  if (positions !== positionsLength) throw new TableError('term positions do not add up to the positions section', positions, positionsLength);
  if (blocks !== skipEntries) throw new TableError('block count does not match the segment metadata', blocks, skipEntries);
  termPostingsStart[terms] = postings;
  termPositionsStart[terms] = positions;
  termBlockStart[terms] = blocks;
  return { termDf, termPostingsStart, termPositionsStart, termBlockStart };
}

/** Skip entries and block-max metadata of every term with more than one block. */
export function encodeSkips(d: SegmentData): Uint8Array {
  const out = new ByteWriter(d.blockLastDoc.length * 10 + 16);
  const width = d.scoredCount;
  const terms = d.termDf.length;
  for (let t = 0; t < terms; t++) {
    const first = d.termBlockStart[t]!;
    const end = d.termBlockStart[t + 1]!;
    for (let k = first; k < end; k++) {
      out.varint(d.blockLastDoc[k]! - (k === first ? 0 : d.blockLastDoc[k - 1]!));
      if (k < end - 1) {
        out.varint(d.blockPostingsOffset[k + 1]! - d.blockPostingsOffset[k]!);
        out.varint(d.blockPositionsOffset[k + 1]! - d.blockPositionsOffset[k]!);
      }
      const mask = d.blockMask[k]!;
      out.varint(mask);
      for (let f = 0; f < width; f++) {
        if ((mask & (1 << f)) === 0) continue;
        out.varint(d.blockMaxTf[k * width + f]!);
        out.varint(d.blockMinLength[k * width + f]!);
      }
    }
  }
  return out.finish();
}

/** The skip arrays of SegmentData. */
export interface SkipTables {
  blockLastDoc: Uint32Array;
  blockPostingsOffset: Uint32Array;
  blockPositionsOffset: Uint32Array;
  blockMask: Uint32Array;
  blockMaxTf: Uint32Array;
  blockMinLength: Uint32Array;
}

/** Decodes the skip entries; last DocIds must ascend below numDocs and blocks stay inside their term. */
export function decodeSkips(bytes: Uint8Array, table: TermTable, numDocs: number, scoredCount: number): SkipTables {
  const r = new Reader(bytes);
  const { termBlockStart, termPostingsStart, termPositionsStart } = table;
  const count = termBlockStart[termBlockStart.length - 1]!;
  const blockLastDoc = new Uint32Array(count);
  const blockPostingsOffset = new Uint32Array(count);
  const blockPositionsOffset = new Uint32Array(count);
  const blockMask = new Uint32Array(count);
  const blockMaxTf = new Uint32Array(count * scoredCount);
  const blockMinLength = new Uint32Array(count * scoredCount);
  const terms = termBlockStart.length - 1;
  for (let t = 0; t < terms; t++) {
    const first = termBlockStart[t]!;
    const end = termBlockStart[t + 1]!;
    if (first === end) continue;
    let lastDoc = -1;
    let postings = termPostingsStart[t]!;
    let positions = termPositionsStart[t]!;
    for (let k = first; k < end; k++) {
      const delta = r.varint();
      if (k > first && delta === 0) throw new TableError('block last DocIds do not ascend', delta, 1);
      lastDoc = k === first ? delta : lastDoc + delta;
      if (lastDoc >= numDocs) throw new TableError('block refers to a missing document', lastDoc, numDocs);
      blockLastDoc[k] = lastDoc;
      blockPostingsOffset[k] = postings;
      blockPositionsOffset[k] = positions;
      if (k < end - 1) {
        postings += r.varint();
        positions += r.varint();
        if (postings > termPostingsStart[t + 1]!) throw new TableError('block runs past its term', postings, termPostingsStart[t + 1]!);
        if (positions > termPositionsStart[t + 1]!) throw new TableError('block positions run past their term', positions, termPositionsStart[t + 1]!);
      }
      const mask = r.varint();
      blockMask[k] = mask;
      for (let f = 0; f < scoredCount; f++) {
        if ((mask & (1 << f)) === 0) continue;
        blockMaxTf[k * scoredCount + f] = r.varint();
        blockMinLength[k * scoredCount + f] = r.varint();
      }
    }
  }
  r.end();
  return { blockLastDoc, blockPostingsOffset, blockPositionsOffset, blockMask, blockMaxTf, blockMinLength };
}

/** Field lengths as varints (most fit one byte; a Uint32 each would be four). */
export function encodeFieldLengths(lengths: Uint32Array): Uint8Array {
  const out = new ByteWriter(lengths.length * 2 + 16);
  for (let i = 0; i < lengths.length; i++) out.varint(lengths[i]!);
  return out.finish();
}

/** Decodes exactly `count` field lengths. */
export function decodeFieldLengths(bytes: Uint8Array, count: number): Uint32Array {
  // Each length is at least one byte: refuse an impossible count before allocating for it.
  if (count > bytes.length) throw new TableError('fewer bytes than field lengths', bytes.length, count);
  const r = new Reader(bytes);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    if (r.p >= bytes.length) throw new TableError('field lengths end early', i, count);
    out[i] = r.varint();
  }
  r.end();
  return out;
}

/** Dates section modes: raw little-endian Float64 values, or varint deltas of whole milliseconds. */
const DATES_RAW = 0;
const DATES_DELTAS = 1;

/**
 * The date column: when every date is NaN or a whole number of milliseconds (the norm: dates are
 * parsed to ms), one byte 1 then per document varint 0 for undated, else varint(zigzag(delta from
 * the previous dated document) + 1), about 3 bytes instead of 8; otherwise byte 0 and raw Float64s.
 */
export function encodeDates(dates: Float64Array): Uint8Array {
  let integral = true;
  for (let i = 0; i < dates.length && integral; i++) {
    const t = dates[i]!;
    // −0 would come back as 0: it takes the raw form, like fractions and huge values.
    if (!Number.isNaN(t) && !(Number.isSafeInteger(t) && Math.abs(t) <= 2 ** 50 && !Object.is(t, -0))) integral = false;
  }
  if (!integral) {
    const out = new Uint8Array(1 + dates.length * 8);
    out[0] = DATES_RAW;
    const view = new DataView(out.buffer);
    for (let i = 0; i < dates.length; i++) view.setFloat64(1 + i * 8, dates[i]!, true);
    return out;
  }
  const out = new Uint8Array(1 + dates.length * 8);
  out[0] = DATES_DELTAS;
  let p = 1;
  let previous = 0;
  for (let i = 0; i < dates.length; i++) {
    const t = dates[i]!;
    let v = 0;
    if (!Number.isNaN(t)) {
      const delta = t - previous;
      previous = t;
      v = (delta >= 0 ? delta * 2 : -delta * 2 - 1) + 1;
    }
    // Up to 2^52: arithmetic, not bitwise, varints.
    while (v >= 0x80) {
      out[p++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    out[p++] = v;
  }
  return out.slice(0, p);
}

/** Decodes exactly `count` dates. */
export function decodeDates(bytes: Uint8Array, count: number): Float64Array {
  const out = new Float64Array(count);
  if (bytes.length === 0) throw new TableError('dates section is empty', 0, 1);
  if (bytes[0] === DATES_RAW) {
    if (bytes.length !== 1 + count * 8) throw new TableError('dates section has the wrong size', bytes.length, 1 + count * 8);
    const view = new DataView(bytes.buffer, bytes.byteOffset + 1, count * 8);
    for (let i = 0; i < count; i++) out[i] = view.getFloat64(i * 8, true);
    return out;
  }
  if (bytes[0] !== DATES_DELTAS) throw new TableError('unknown dates encoding', bytes[0]!, DATES_DELTAS);
  if (count > bytes.length) throw new TableError('fewer bytes than dates', bytes.length, count);
  let p = 1;
  let previous = 0;
  for (let i = 0; i < count; i++) {
    let v = 0;
    let scale = 1;
    let b: number;
    do {
      if (p >= bytes.length || scale > 2 ** 49) throw new TableError('dates varint out of bounds', p, bytes.length);
      b = bytes[p++]!;
      v += (b & 0x7f) * scale;
      scale *= 0x80;
    } while (b >= 0x80);
    if (v === 0) {
      out[i] = NaN;
      continue;
    }
    const z = v - 1;
    previous += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    out[i] = previous;
  }
  if (p !== bytes.length) throw new TableError('dates section has trailing bytes', p, bytes.length);
  return out;
}
