// The byte layout of posting blocks and the one decoder every reader shares (iteration, merges,
// random access, queries). Writing lives in segment-builder.ts; this file only reads.
//
// A term's postings are blocks of BLOCK_SIZE (the last one shorter). A block of BLOCK_SIZE postings
// is bit-packed; a shorter one (a term's last block, most terms' only one) is a short block.
//
// Short blocks. Each posting has a head h = (docGap << 2) | code, docGap = doc − previous doc − 1
// (the previous doc of a term's first block is −1, of a later block the last doc of the block
// before), and by its code extras:
//   code 0: same field mask as the previous posting, every tf 1 (nothing more);
//   code 1: same mask, then varint tf per field of the mask (ascending field order);
//   code 2: varint(mask), every tf 1;
//   code 3: varint(mask), then the tfs.
// "Previous mask" at a block's start is the segment's `defaultMask` (the writer picks its body
// field's), so a block decodes on its own. Two layouts:
// - varints: per posting, varint(h) then its extras. A block of fewer than RICE_MIN_POSTINGS
//   postings is always this (most terms have one or two postings: a header would cost more than
//   Rice saves); a longer one starts with the byte VARINT_LAYOUT when this layout is smaller.
// - Rice: a byte k (≤ MAX_RICE_K), every head Rice-coded (h >>> k zero bits, a one bit, then the
//   k low bits of h; least significant bit first, zero bits up to a byte boundary), then every
//   posting's extras in posting order. A rare word's gaps are hundreds of documents: their varints
//   took 2–3 bytes, their Rice codes ~1.4 (Reuters: 183 KB less). Heads first also let a reader
//   of DocIds alone stop there.
//
// Packed blocks (bit-packing.ts, least significant bit first), column by column:
//   byte docBits, varint union U (the fields of all the block's postings), one byte tfBits per
//   field of U (ascending), zero bytes up to a multiple of 4 from the start of the postings (runs
//   are unpacked as whole 32-bit words), then BLOCK_SIZE doc gaps of docBits bits, then for each
//   field of U with tfBits > 0 its column: BLOCK_SIZE tfs of tfBits bits, 0 where the posting
//   lacks the field. Every run is a whole number of words (BLOCK_SIZE × bits / 32).
//   tfBits 0 says every posting has the field with tf 1 (the common body-only block of rare words).
// Varint decoding branches on every byte, and gap lengths are unpredictable: on a 200k-document
// corpus decoding took 12 ns a posting, most of a 3-term query. Fixed widths decode branch-free,
// and columns let a scorer sum one field over the block at a time without reading masks.
// A segment with packed blocks ends its postings with PACKED_SLACK zero bytes (counted in the last
// term's range): postings not 4-byte aligned in memory are read through a DataView, whose 32-bit
// loads may pass a run's end by 3 bytes. A block that would read past the array fails to decode.

import { IndexFormatError } from '../errors.js';
import { LOW_BITS, ONE_WORD_BITS, PACKED_SLACK, packedBytes } from './bit-packing.js';
import { UNPACKERS } from './unpackers.generated.js';

/** Postings per block: skip entries and block-max metadata exist at this granularity. */
export const BLOCK_SIZE = 128;

/** Short blocks of at least this many postings start with a layout byte (k or VARINT_LAYOUT). */
export const RICE_MIN_POSTINGS = 3;
/** The layout byte of a short block of varints. */
export const VARINT_LAYOUT = 0xff;
/** Largest Rice parameter: a remainder then fits a 32-bit reader's accumulator with a byte to spare. */
export const MAX_RICE_K = 24;
/** Every Rice quotient is below this (the writer raises k until it is): a malformed run stops here. */
export const MAX_HEAD_QUOTIENT = 64;

/** Codes in the low two bits of a posting's head. */
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
  /** Fields of the block's postings (see {@link decodeBlockColumns}). */
  union = 0;
  /** Fields of `union` held by every posting with tf 1: their columns are not filled. */
  onesFields = 0;
  /** tf of field f in posting i at columns[f·BLOCK_SIZE + i], 0 when absent (fields of union − onesFields). */
  readonly columns = new Int32Array(MAX_FIELDS_PER_POSTING * BLOCK_SIZE);
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

/** Byte offset just past the positions of block `block` of term `ordinal`: where the next block's (or term's) begin. */
export function positionsEnd(data: PostingsLayout, ordinal: number, block: number): number {
  const base = data.termBlockStart[ordinal]!;
  const skips = data.termBlockStart[ordinal + 1]! - base;
  return block + 1 >= skips ? data.termPositionsStart[ordinal + 1]! : data.blockPositionsOffset[base + block + 1]!;
}

/**
 * Decodes the `count` postings of the block at `start` into `out`; returns the byte offset just
 * after the block. Throws IndexFormatError when a packed block's header or extent is malformed.
 */
export function decodeBlock(bytes: Uint8Array, start: number, count: number, prevDoc: number, defaultMask: number, out: DecodedBlock): number {
  return count === BLOCK_SIZE ? decodePacked(bytes, start, prevDoc, out) : decodeVarintBlock(bytes, start, count, prevDoc, defaultMask, out);
}

/**
 * Decodes the short block of `count` postings at `start` (see the layout above) into `out`; returns
 * the offset after it. Varints are read inline: this runs once per posting and a call per byte
 * showed in profiles.
 */
export function decodeVarintBlock(bytes: Uint8Array, start: number, count: number, prevDoc: number, defaultMask: number, out: DecodedBlock): number {
  const docs = out.docs;
  const masks = out.masks;
  const tfStart = out.tfStart;
  const tfs = out.tfs;
  let p = start;
  // The Rice layout reads every head first (DocIds in place, codes aside); then both layouts read
  // the extras alike, the varint one with each posting's head inline (a branch fixed per block).
  let rice = false;
  if (count >= RICE_MIN_POSTINGS) {
    if (bytes[start] !== VARINT_LAYOUT) {
      p = readRiceHeads(bytes, start, count, prevDoc, docs, codeScratch);
      rice = true;
    } else p++;
  }
  let doc = prevDoc;
  let mask = defaultMask;
  // Most masks have one field: that case skips the per-field loop (a predictable branch).
  let single = (mask & (mask - 1)) === 0;
  let t = 0;
  for (let i = 0; i < count; i++) {
    let b = 0;
    let code: number;
    if (rice) code = codeScratch[i]!;
    else {
      b = bytes[p++]!;
      let v = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[p++]!;
        v |= (b & 0x7f) << shift;
      }
      // `>>> 2` reads the bit pattern as unsigned, so gaps up to 2^30 survive a sign bit set by `<< 28`.
      doc += (v >>> 2) + 1;
      docs[i] = doc;
      code = v & 3;
    }
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
        // A field in the mask has a tf of at least 1: a crafted 5-byte varint came out negative.
        if (!(tf > 0)) malformed(bytes, 'tf', tf, 1);
        tfs[t++] = tf;
      }
    }
  }
  tfStart[count] = t;
  out.length = count;
  return p;
}

/**
 * Reads the k byte at `start` and `count` Rice-coded heads after it: DocIds into `docs`, codes into
 * `codes`; returns the offset of the extras. Bits come a byte at a time into a 32-bit accumulator
 * (k ≤ 24 keeps a remainder and the bits before it within 32); past the array they read as zeros,
 * and a quotient reaching MAX_HEAD_QUOTIENT is refused, so no bytes make this loop long.
 */
function readRiceHeads(bytes: Uint8Array, start: number, count: number, prevDoc: number, docs: Int32Array, codes: Int32Array): number {
  const k = bytes[start]!;
  if (k > MAX_RICE_K) malformed(bytes, 'Rice parameter', k, MAX_RICE_K);
  // A block far from the array's end reads 32-bit windows (a head is at most 64 + 1 + 24 bits, so
  // count × 12 bytes bound it): two loads a head and no refill loops (measured 1.6× faster than
  // the byte accumulator below on Reuters' short blocks).
  if (start + 1 + count * 12 + 4 <= bytes.length) return readRiceHeadsFast(bytes, start + 1, count, k, prevDoc, docs, codes);
  const low = (1 << k) - 1;
  let p = start + 1;
  let acc = 0; // the unread bits, `avail` of them
  let avail = 0;
  let doc = prevDoc;
  for (let i = 0; i < count; i++) {
    let q = 0;
    while (acc === 0) {
      q += avail;
      if (q >= MAX_HEAD_QUOTIENT) malformed(bytes, 'Rice quotient', q, MAX_HEAD_QUOTIENT);
      acc = bytes[p++]! | 0;
      avail = 8;
    }
    const zeros = 31 - Math.clz32(acc & -acc);
    q += zeros;
    acc >>>= zeros + 1;
    avail -= zeros + 1;
    while (avail < k) {
      acc |= (bytes[p++]! | 0) << avail;
      avail += 8;
    }
    // q < 64 and k ≤ 24: the head is below 2^30, an int.
    const head = q * (low + 1) + (acc & low);
    acc >>>= k;
    avail -= k;
    codes[i] = head & 3;
    doc += (head >>> 2) + 1;
    docs[i] = doc;
  }
  return p;
}

/** {@link readRiceHeads} through 32-bit windows; the caller checked that every window is in the array. */
function readRiceHeadsFast(bytes: Uint8Array, p: number, count: number, k: number, prevDoc: number, docs: Int32Array, codes: Int32Array): number {
  const view = viewOf(bytes);
  const low = (1 << k) - 1;
  let bit = p * 8;
  let doc = prevDoc;
  for (let i = 0; i < count; i++) {
    // At least 25 bits of the window are the block's (the low bit & 7 are shifted out).
    let w = view.getUint32(bit >>> 3, true) >>> (bit & 7);
    let q = 0;
    while (w === 0) {
      // 25 zero bits at least: skipped, and the window read again.
      q += 25;
      bit += 25;
      if (q >= MAX_HEAD_QUOTIENT) malformed(bytes, 'Rice quotient', q, MAX_HEAD_QUOTIENT);
      w = view.getUint32(bit >>> 3, true) >>> (bit & 7);
    }
    const zeros = 31 - Math.clz32(w & -w);
    q += zeros;
    if (q >= MAX_HEAD_QUOTIENT) malformed(bytes, 'Rice quotient', q, MAX_HEAD_QUOTIENT);
    bit += zeros + 1;
    const head = q * (low + 1) + ((view.getUint32(bit >>> 3, true) >>> (bit & 7)) & low);
    bit += k;
    codes[i] = head & 3;
    doc += (head >>> 2) + 1;
    docs[i] = doc;
  }
  return (bit + 7) >>> 3;
}

/** Codes of Rice heads for the short-block readers (JavaScript runs one at a time). */
const codeScratch = new Int32Array(BLOCK_SIZE);
const docScratch = new Int32Array(BLOCK_SIZE);

// One DataView per postings array, remade when another array comes: V8 compiles its unaligned
// little-endian getUint32 to one load, faster than assembling bytes or aligned word arithmetic.
let viewBytes: Uint8Array | undefined;
let view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(8));

function viewOf(bytes: Uint8Array): DataView<ArrayBufferLike> {
  if (viewBytes !== bytes) {
    view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    viewBytes = bytes;
  }
  return view;
}

/** A packed block's header, read by {@link readPackedHeader}. */
interface PackedHeader {
  docBits: number;
  union: number;
  /** Byte offset of the doc gaps. */
  gaps: number;
  /** Byte offset just past the block. */
  end: number;
}

const header: PackedHeader = { docBits: 0, union: 0, gaps: 0, end: 0 };

/** tfBits per field number of the block whose header was read last. */
const fieldBits = new Uint8Array(MAX_FIELDS_PER_POSTING);

/** The part an error about a postings array names: its section in a loaded file, with the segment. */
const postingsParts = new WeakMap<Uint8Array, string>();

/** Names the file section a loaded segment's postings came from, for the errors its blocks raise. */
export function namePostingsSection(postings: Uint8Array, part: string): void {
  postingsParts.set(postings, part);
}

/** The part errors about `postings` name ('section:postings' for arrays no loader named). */
export function postingsPart(postings: Uint8Array): string {
  return postingsParts.get(postings) ?? 'section:postings';
}

function malformed(bytes: Uint8Array, what: string, found: number, expected: number): never {
  throw new IndexFormatError(`malformed posting block: ${what}`, postingsPart(bytes), found, expected);
}

/** Reads the header of the packed block at `start` (tf widths into `fieldBits`); checks widths and bounds. */
function readPackedHeader(bytes: Uint8Array, start: number): PackedHeader {
  if (start + 2 > bytes.length) malformed(bytes, 'block starts past the end', start + 2, bytes.length);
  const docBits = bytes[start]!;
  if (docBits > 31) malformed(bytes, 'doc gap width', docBits, 31);
  let p = start + 1;
  let b = bytes[p++]!;
  let union = b & 0x7f;
  for (let shift = 7; b >= 0x80 && shift < 35; shift += 7) {
    b = bytes[p++]!;
    union |= (b & 0x7f) << shift;
  }
  let columnBytes = 0;
  for (let m = union; m !== 0; m &= m - 1) {
    const bits = bytes[p++]!;
    if (!(bits <= 31)) malformed(bytes, 'tf width', bits, 31);
    fieldBits[31 - Math.clz32(m & -m)] = bits;
    columnBytes += packedBytes(BLOCK_SIZE, bits);
  }
  p = (p + 3) & ~3;
  const end = p + packedBytes(BLOCK_SIZE, docBits) + columnBytes;
  // Every read below is a 32-bit load within the block or the PACKED_SLACK bytes after it.
  if (end + PACKED_SLACK > bytes.length) malformed(bytes, 'block runs past the end', end + PACKED_SLACK, bytes.length);
  header.docBits = docBits;
  header.union = union;
  header.gaps = p;
  header.end = end;
  return header;
}

/** Word views of postings arrays (null when an array is not 4-byte aligned in its buffer). */
const wordViews = new WeakMap<Uint8Array, Int32Array | null>();
let lastBytes: Uint8Array | undefined;
let lastWords: Int32Array | null = null;

function wordsOf(bytes: Uint8Array): Int32Array | null {
  if (bytes === lastBytes) return lastWords;
  let words = wordViews.get(bytes);
  if (words === undefined) {
    words = (bytes.byteOffset & 3) === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2) : null;
    wordViews.set(bytes, words);
  }
  lastBytes = bytes;
  lastWords = words;
  return words;
}

/** Unpacks BLOCK_SIZE values of `bits` bits at byte `at` (a multiple of 4) into out[from ..]. */
function unpackRun(bytes: Uint8Array, at: number, bits: number, out: Int32Array, from: number): void {
  const words = wordsOf(bytes);
  if (words === null || bits === 0) {
    unpackColumn(bytes, at, bits, out, from);
    return;
  }
  // Straight-line unpackers by width (unpackers.generated.ts), 32 values a call.
  const unpack = UNPACKERS[bits]!;
  let w = at >>> 2;
  for (let o = from, end = from + BLOCK_SIZE; o < end; o += 32, w += bits) unpack(words, w, out, o);
}

/** Unpacks BLOCK_SIZE gaps of `bits` bits at byte `at` into ascending DocIds after `prevDoc`. */
function unpackDocs(bytes: Uint8Array, at: number, bits: number, prevDoc: number, docs: Int32Array): void {
  if (bits > 0 && wordsOf(bytes) !== null) {
    unpackRun(bytes, at, bits, docs, 0);
    let doc = prevDoc;
    for (let i = 0; i < BLOCK_SIZE; i++) {
      doc += docs[i]! + 1;
      docs[i] = doc;
    }
    return;
  }
  const dv = viewOf(bytes);
  const low = LOW_BITS[bits]!;
  let doc = prevDoc;
  // Bit offsets count from the run's start: small numbers whatever the size of the postings.
  if (bits <= ONE_WORD_BITS) {
    for (let i = 0, o = 0; i < BLOCK_SIZE; i++, o += bits) {
      doc += ((dv.getUint32(at + (o >>> 3), true) >>> (o & 7)) & low) + 1;
      docs[i] = doc;
    }
  } else {
    // Wider than one load can carry at a 7-bit offset: the fifth byte supplies the top bits.
    for (let i = 0, o = 0; i < BLOCK_SIZE; i++, o += bits) {
      const q = at + (o >>> 3);
      const s = o & 7;
      doc += (((dv.getUint32(q, true) >>> s) | ((bytes[q + 4]! << 1) << (31 - s))) & low) + 1;
      docs[i] = doc;
    }
  }
}

/** Unpacks BLOCK_SIZE values of `bits` bits at byte `at` into out[from ..] through a DataView (any alignment). */
function unpackColumn(bytes: Uint8Array, at: number, bits: number, out: Int32Array, from: number): void {
  const dv = viewOf(bytes);
  const low = LOW_BITS[bits]!;
  if (bits <= ONE_WORD_BITS) {
    for (let i = 0, o = 0; i < BLOCK_SIZE; i++, o += bits) out[from + i] = (dv.getUint32(at + (o >>> 3), true) >>> (o & 7)) & low;
  } else {
    for (let i = 0, o = 0; i < BLOCK_SIZE; i++, o += bits) {
      const q = at + (o >>> 3);
      const s = o & 7;
      out[from + i] = ((dv.getUint32(q, true) >>> s) | ((bytes[q + 4]! << 1) << (31 - s))) & low;
    }
  }
}

/** Decodes the DocIds and tf columns of the packed block at `start` into `out`; returns the offset after it. */
function decodePackedColumns(bytes: Uint8Array, start: number, prevDoc: number, out: DecodedBlock): number {
  const { docBits, gaps } = readPackedHeader(bytes, start);
  unpackDocs(bytes, gaps, docBits, prevDoc, out.docs);
  return unpackTfColumns(bytes, out);
}

/**
 * The tf columns of a full (packed) block whose DocIds were already read by
 * {@link decodeBlockDocs} into out.docs: a counting pass decodes tfs only when a document needs
 * scoring. Sets out.length, union and onesFields as {@link decodeBlockColumns} does.
 */
export function decodePackedTfs(bytes: Uint8Array, start: number, out: DecodedBlock): void {
  readPackedHeader(bytes, start);
  unpackTfColumns(bytes, out);
}

/** Unpacks the tf columns of the packed block whose header was read last; returns the offset after it. */
function unpackTfColumns(bytes: Uint8Array, out: DecodedBlock): number {
  const { docBits, union, gaps, end } = header;
  let p = gaps + packedBytes(BLOCK_SIZE, docBits);
  let ones = 0;
  for (let m = union; m !== 0; m &= m - 1) {
    const low = m & -m;
    const f = 31 - Math.clz32(low);
    const bits = fieldBits[f]!;
    if (bits === 0) {
      ones |= low;
      continue;
    }
    unpackRun(bytes, p, bits, out.columns, f * BLOCK_SIZE);
    p += packedBytes(BLOCK_SIZE, bits);
  }
  out.length = BLOCK_SIZE;
  out.union = union;
  out.onesFields = ones;
  return end;
}

/** Decodes the packed block at `start` (BLOCK_SIZE postings), masks and tf slots included; returns the offset after it. */
function decodePacked(bytes: Uint8Array, start: number, prevDoc: number, out: DecodedBlock): number {
  const end = decodePackedColumns(bytes, start, prevDoc, out);
  const { masks, tfStart, tfs, columns } = out;
  const union = out.union;
  const ones = out.onesFields;
  let t = 0;
  for (let i = 0; i < BLOCK_SIZE; i++) {
    tfStart[i] = t;
    let mask = 0;
    for (let m = union; m !== 0; m &= m - 1) {
      const low = m & -m;
      const tf = (ones & low) !== 0 ? 1 : columns[(31 - Math.clz32(low)) * BLOCK_SIZE + i]!;
      if (tf === 0) continue;
      mask |= low;
      tfs[t++] = tf;
    }
    masks[i] = mask;
  }
  tfStart[BLOCK_SIZE] = t;
  return end;
}

/**
 * Decodes the DocIds of a block and its tfs as columns (out.union, out.onesFields, out.columns):
 * for scorers that sum a field over the whole block at a time. Masks and tf slots are not filled.
 */
export function decodeBlockColumns(bytes: Uint8Array, start: number, count: number, prevDoc: number, defaultMask: number, out: DecodedBlock): number {
  if (count === BLOCK_SIZE) return decodePackedColumns(bytes, start, prevDoc, out);
  if (count >= RICE_MIN_POSTINGS && bytes[start] !== VARINT_LAYOUT) return decodeRiceColumns(bytes, start, count, prevDoc, defaultMask, out);
  const end = decodeVarintBlock(bytes, start, count, prevDoc, defaultMask, out);
  fillColumns(out);
  return end;
}

/**
 * A Rice block's DocIds and tf columns, straight from its extras (no masks or tf slots between):
 * profiled, filling columns from slots was 2.6 % of a Reuters 2-term query. A block whose postings
 * all keep the default mask with tf 1 (a rare word's body-only block) fills no column at all: its
 * fields are onesFields, as a packed block's tfBits 0 fields are.
 */
function decodeRiceColumns(bytes: Uint8Array, start: number, count: number, prevDoc: number, defaultMask: number, out: DecodedBlock): number {
  const codes = codeScratch;
  let p = readRiceHeads(bytes, start, count, prevDoc, out.docs, codes);
  out.length = count;
  let any = 0;
  for (let i = 0; i < count; i++) any |= codes[i]!;
  if (any === 0) {
    out.union = defaultMask;
    out.onesFields = defaultMask;
    return p;
  }
  const columns = out.columns;
  let mask = defaultMask;
  let union = 0;
  for (let i = 0; i < count; i++) {
    const code = codes[i]!;
    if (code >= CODE_MASK_ONES) {
      let b = bytes[p++]!;
      mask = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[p++]!;
        mask |= (b & 0x7f) << shift;
      }
    }
    // A field seen for the first time gets its rows cleared: earlier postings lack it.
    for (let fresh = mask & ~union; fresh !== 0; fresh &= fresh - 1) {
      const col = (31 - Math.clz32(fresh & -fresh)) * BLOCK_SIZE;
      for (let r = col, end = col + count; r < end; r++) columns[r] = 0;
    }
    union |= mask;
    if ((code & 1) === 0) {
      for (let m = mask; m !== 0; m &= m - 1) columns[(31 - Math.clz32(m & -m)) * BLOCK_SIZE + i] = 1;
    } else {
      for (let m = mask; m !== 0; m &= m - 1) {
        let b = bytes[p++]!;
        let tf = b & 0x7f;
        for (let shift = 7; b >= 0x80; shift += 7) {
          b = bytes[p++]!;
          tf |= (b & 0x7f) << shift;
        }
        columns[(31 - Math.clz32(m & -m)) * BLOCK_SIZE + i] = tf;
      }
    }
  }
  out.union = union;
  out.onesFields = 0;
  return p;
}

/** Fills the tf columns of `out` from its masks and tf slots (onesFields left empty). */
export function fillColumns(out: DecodedBlock): void {
  const { masks, tfStart, tfs, columns } = out;
  const count = out.length;
  let union = 0;
  for (let i = 0; i < count; i++) union |= masks[i]!;
  for (let m = union; m !== 0; m &= m - 1) {
    const col = (31 - Math.clz32(m & -m)) * BLOCK_SIZE;
    // Only the block's rows: a short block (most terms' only one) has a few postings.
    for (let i = col, end = col + count; i < end; i++) columns[i] = 0;
  }
  for (let i = 0; i < count; i++) {
    let j = tfStart[i]!;
    for (let m = masks[i]!; m !== 0; m &= m - 1, j++) columns[(31 - Math.clz32(m & -m)) * BLOCK_SIZE + i] = tfs[j]!;
  }
  out.union = union;
  out.onesFields = 0;
}

/** Decodes only the DocIds of a block into `docs` (masks are followed, tfs skipped): for counting. */
export function decodeBlockDocs(bytes: Uint8Array, start: number, count: number, prevDoc: number, defaultMask: number, docs: Int32Array): void {
  if (count === BLOCK_SIZE) {
    const { docBits, gaps } = readPackedHeader(bytes, start);
    unpackDocs(bytes, gaps, docBits, prevDoc, docs);
    return;
  }
  if (count >= RICE_MIN_POSTINGS) {
    if (bytes[start] !== VARINT_LAYOUT) {
      readRiceHeads(bytes, start, count, prevDoc, docs, codeScratch);
      return;
    }
    start++;
  }
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

/** Where a block ends and how many tf units (positions) it holds: see {@link measureBlock}. */
export interface BlockExtent {
  end: number;
  values: number;
}

/**
 * Fills `out` with the end offset of the block at `start` and the sum of its tfs, the number of
 * positions it has: a loaded term table derives a one-block term's byte lengths from them. Varint
 * blocks are walked without storing anything (a whole-index metadata decode walks most postings).
 */
export function measureBlock(bytes: Uint8Array, start: number, count: number, defaultMask: number, out: BlockExtent): void {
  if (count === BLOCK_SIZE) {
    const block = acquireBlock();
    out.end = decodePacked(bytes, start, -1, block);
    let values = 0;
    for (let i = block.tfStart[BLOCK_SIZE]! - 1; i >= 0; i--) values += block.tfs[i]!;
    out.values = values;
    releaseBlock(block);
    return;
  }
  let p = start;
  const rice = count >= RICE_MIN_POSTINGS && bytes[start] !== VARINT_LAYOUT;
  if (rice) p = readRiceHeads(bytes, start, count, -1, docScratch, codeScratch);
  else if (count >= RICE_MIN_POSTINGS) p++;
  let mask = defaultMask;
  let fields = popcount(mask);
  let values = 0;
  for (let i = 0; i < count; i++) {
    let b = 0;
    let code: number;
    if (rice) code = codeScratch[i]!;
    else {
      b = bytes[p++]!;
      code = b & 3;
      if (b >= 0x80) while (bytes[p++]! >= 0x80);
    }
    if (code >= CODE_MASK_ONES) {
      b = bytes[p++]!;
      mask = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[p++]!;
        mask |= (b & 0x7f) << shift;
      }
      fields = popcount(mask);
    }
    if ((code & 1) === 0) {
      values += fields;
      continue;
    }
    for (let f = 0; f < fields; f++) {
      b = bytes[p++]!;
      let tf = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[p++]!;
        tf |= (b & 0x7f) << shift;
      }
      values += tf;
    }
  }
  out.end = p;
  out.values = values;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
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
