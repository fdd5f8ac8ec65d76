// Encodes postings and positions into a segment's byte streams and term/skip tables, term by term,
// in the block layout of posting-blocks.ts. Both the writer's flush and merges feed it; neither
// knows the encoding. Block-max metadata is computed in finish(), once field lengths are known.

import { ByteWriter, putVarint } from './byte-writer.js';
import { TermDictionary } from './dictionary.js';
import { BLOCK_SIZE, CODE_MASK_ONES, DecodedBlock, MAX_RICE_K, RICE_MIN_POSTINGS, VARINT_LAYOUT, decodeBlock } from './posting-blocks.js';
import { PACKED_SLACK, bitWidth, packBits, packedBytes } from './bit-packing.js';
import { lengthCodes } from './length-codes.js';
import { riceChoice, writePositionsBlock } from './positions-codec.js';
import { ExactStems, NO_STEM } from './exact-stems.js';
import { isExactTerm } from './exact-terms.js';
import { indexOfSorted } from './sort-terms.js';
import { LazyColumn } from './lazy-column.js';
import { IdColumn } from './id-column.js';
import type { SegmentData } from './segment.js';
import { encodeBound, referenceFor, referencePseudoTf, type BoundParameters, type BoundReference } from './block-bounds.js';

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

/** The byte writers a builder writes postings and positions into, for a caller that reuses them. */
export interface BuilderWriters {
  readonly postings: ByteWriter;
  readonly positions: ByteWriter;
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
  /** Empty for plain UTF-8 stored bytes (a built segment's always are; see SegmentData). */
  storedSymbols: Uint8Array;
  ids: string[];
  /** The schema's boost and b per scored field, for the block bounds' reference (default: boost 1, b 0.75). */
  boundParameters?: BoundParameters;
}


/** Packed runs are aligned to this many bytes from the start of the postings. */
const WORD_BYTES = 4;

/** Bytes of an unsigned varint at most: 32 bits in 7-bit groups. */
const MAX_VARINT = 5;
/** A short block with a head this large takes the varint layout: Rice heads are read as 30-bit ints. */
const RICE_HEAD_LIMIT = 2 ** 30;

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
  // The open block's summary (only with #lengths): field union and largest reference t̃.
  #blockUnion = 0;
  #blockMaxPseudoTf = 0;
  readonly #reference: BoundReference | undefined;
  #skipMask = new U32List();
  #skipBound = new U32List();
  #terms: string[] = [];
  #termDf = new U32List();
  #termPostingsStart = new U32List();
  #termPositionsStart = new U32List();
  #termBlockStart = new U32List();
  /** Per leading exact-form term, its stem ordinal or NO_STEM. */
  #exactStems = new U32List();
  #blockLastDoc = new U32List();
  #blockPostingsOffset = new U32List();
  #blockPositionsOffset = new U32List();
  /** The mask each block's first posting is compared with (see posting-blocks.ts). */
  readonly #defaultMask: number;
  /** Byte offset of the open block in #postings. */
  #blockStart = 0;
  /** Skip entries before the current term's: its blocks are appended as they close, and taken back if it has only one. */
  #termFirstSkip = 0;
  #inBlock = 0;
  #blockPositions = 0;
  #inTerm = 0;
  #prevDoc = -1;
  /** DocId before the open block's first posting. */
  #blockPrevDoc = -1;
  /** Whether any block was packed (then the postings end with PACKED_SLACK bytes). */
  #packedAny = false;
  // The open block's postings, buffered until it closes: a full block is then packed straight from
  // these columns, a short one written as varints. (Full blocks used to be written as varints, read
  // back and packed: a decode per block, 3% of a Reuters build.)
  readonly #docs = new Int32Array(BLOCK_SIZE);
  readonly #masks = new Int32Array(BLOCK_SIZE);
  /** Per posting, where its tfs start in #tfs (one tf per set bit of its mask). */
  readonly #tfStart = new Int32Array(BLOCK_SIZE + 1);
  #tfs = new Int32Array(BLOCK_SIZE * 4);
  readonly #columns = new Int32Array(32 * BLOCK_SIZE);
  readonly #gaps = new Int32Array(BLOCK_SIZE);
  readonly #columnBits = new Uint8Array(32);
  /** The open block's position values in posting order (see positions-codec.ts). */
  #blockValues = new Int32Array(1024);
  #blockValueCount = 0;
  #withPositions = true;
  #open = false;

  /**
   * `defaultMask` should be the most common field mask of a block's first posting (the writer's is
   * its body field's): blocks starting with it save a byte. `writers`, when given, are emptied and
   * written into instead of new ones (finish() copies out of them, so they can serve again).
   */
  constructor(
    expectedPostingsBytes = 1 << 16,
    lengths?: { fieldLengths: Uint32Array; scoredCount: number; boundParameters?: BoundParameters },
    defaultMask = 1,
    writers?: BuilderWriters,
  ) {
    this.#defaultMask = defaultMask >>> 0 === 0 ? 1 : defaultMask | 0;
    if (writers === undefined) {
      this.#postings = new ByteWriter(expectedPostingsBytes);
      this.#positions = new ByteWriter(expectedPostingsBytes);
    } else {
      // A bulk load's writers, reused: finish() copies what they hold into the segment.
      writers.postings.reset();
      writers.positions.reset();
      this.#postings = writers.postings;
      this.#positions = writers.positions;
    }
    this.#lengths = lengths?.fieldLengths;
    this.#width = lengths?.scoredCount ?? 0;
    this.#reference = lengths === undefined ? undefined : referenceFor(lengths.boundParameters, lengths.fieldLengths, lengths.scoredCount);
  }

  /**
   * Starts the postings of `term`; `withPositions` false (exact-form terms) writes no positions.
   * `stem`, for an exact form among the first terms, is the ordinal of the stem whose posting list
   * the DocIds given to addPosting are ordinals into (see exact-stems.ts).
   */
  startTerm(term: string, withPositions = true, stem = NO_STEM): void {
    if (this.#exactStems.n === this.#terms.length && isExactTerm(term)) this.#exactStems.push(stem);
    else if (stem !== NO_STEM) throw new Error(`only exact forms before any other term may point into a stem (${JSON.stringify(term)})`);
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
   * `pos[posOff ..]` the matching position values, tf of them per field: the first absolute, then
   * gaps (positions-codec.ts).
   */
  addPosting(doc: number, mask: number, tfs: ArrayLike<number>, tfOff: number, pos: ArrayLike<number>, posOff: number): void {
    if (!(doc > this.#prevDoc)) throw new Error(`postings must be added in ascending DocId order (${doc} after ${this.#prevDoc})`);
    if (this.#inBlock === BLOCK_SIZE) this.#closeBlock();
    const inBlock = this.#inBlock;
    if (inBlock === 0) {
      this.#blockPositions = this.#positions.length;
      this.#blockPrevDoc = this.#prevDoc;
      this.#tfStart[0] = 0;
    }
    let at = this.#tfStart[inBlock]!;
    if (at + 32 > this.#tfs.length) {
      const grown = new Int32Array(this.#tfs.length * 2);
      grown.set(this.#tfs);
      this.#tfs = grown;
    }
    const blockTfs = this.#tfs;
    let fields = 0;
    let total = 0;
    const lengths = this.#lengths;
    if (lengths === undefined) {
      for (let m = mask; m !== 0; m &= m - 1) {
        const tf = tfs[tfOff + fields]!;
        blockTfs[at++] = tf;
        total += tf;
        fields++;
      }
    } else {
      // The same pass folds the posting into the open block's summary (see summariseBlock).
      this.#blockUnion |= mask;
      const pseudoTf = referencePseudoTf(this.#reference!, mask, tfs, tfOff, lengths, doc * this.#width, this.#width);
      if (pseudoTf > this.#blockMaxPseudoTf || pseudoTf !== pseudoTf) this.#blockMaxPseudoTf = pseudoTf;
      for (let m = mask; m !== 0; m &= m - 1) {
        const tf = tfs[tfOff + fields]!;
        blockTfs[at++] = tf;
        total += tf;
        fields++;
      }
    }
    this.#docs[inBlock] = doc;
    this.#masks[inBlock] = mask;
    this.#tfStart[inBlock + 1] = at;
    if (this.#withPositions && total > 0) {
      // Buffered with the block: its layout depends on how many values it ends up with.
      let n = this.#blockValueCount;
      if (n + total > this.#blockValues.length) {
        const grown = new Int32Array(Math.max(n + total, this.#blockValues.length * 2));
        grown.set(this.#blockValues.subarray(0, n));
        this.#blockValues = grown;
      }
      const values = this.#blockValues;
      for (let i = 0; i < total; i++) values[n++] = pos[posOff + i]!;
      this.#blockValueCount = n;
    }
    this.#prevDoc = doc;
    this.#inBlock = inBlock + 1;
    this.#inTerm++;
  }

  /**
   * Rewrites the stem ordinals given to startTerm through `map`: a merge knows which terms survive
   * it, and so its stems' ordinals, only once every term is written.
   */
  mapExactStems(map: (stem: number) => number): void {
    const stems = this.#exactStems;
    for (let i = 0; i < stems.n; i++) if (stems.a[i] !== NO_STEM) stems.a[i] = map(stems.a[i]!);
  }

  /** The ordinal of `term` among the terms started so far (they are sorted), or -1. */
  ordinalOf(term: string): number {
    return indexOfSorted(this.#terms, term);
  }

  /** Writes the buffered short block in the smaller of its two layouts (see posting-blocks.ts). */
  #writeVarintBlock(): void {
    const out = this.#postings;
    const count = this.#inBlock;
    const docs = this.#docs;
    const masks = this.#masks;
    const tfStart = this.#tfStart;
    const tfs = this.#tfs;
    // Room for the whole block at once, then plain writes: one capacity check per block. A Rice
    // head takes at most 64 + 1 + 24 bits, under three varints' room.
    const buf = out.reserve(1 + MAX_VARINT * (3 * count + tfStart[count]!));
    let p = out.length;
    // Heads first: their codes say which extras follow, and both layouts' sizes come from them.
    const heads = this.#gaps;
    let prevDoc = this.#blockPrevDoc;
    // A block decodes on its own: its first posting's mask is compared with the default one.
    let prevMask = this.#defaultMask;
    let varintBytes = 0;
    let wide = false;
    for (let i = 0; i < count; i++) {
      let allOne = true;
      for (let j = tfStart[i]!; j < tfStart[i + 1]!; j++) if (tfs[j] !== 1) allOne = false;
      const head = (docs[i]! - prevDoc - 1) * 4 + ((masks[i] === prevMask ? 0 : CODE_MASK_ONES) | (allOne ? 0 : 1));
      if (head >= RICE_HEAD_LIMIT) wide = true;
      heads[i] = head;
      varintBytes += head < 0x80 ? 1 : head < 0x4000 ? 2 : head < 0x200000 ? 3 : head < 0x10000000 ? 4 : 5;
      prevDoc = docs[i]!;
      prevMask = masks[i]!;
    }
    let k = -1;
    if (count >= RICE_MIN_POSTINGS) {
      if (!wide) {
        // The parameter and the bits it costs, in one number (see riceChoice).
        const choice = riceChoice(heads, 0, count);
        const rk = choice % 32;
        if (rk <= MAX_RICE_K && Math.ceil((choice - rk) / 32 / 8) < varintBytes) k = rk;
      }
      buf[p++] = k < 0 ? VARINT_LAYOUT : k;
    }
    if (k >= 0) {
      // Least significant bit first through an accumulator of `held` bits (< 8 between codes, so a
      // remainder of up to 24 bits fits): a zero run only advances it, whole bytes are handed out.
      let acc = 0;
      let held = 0;
      const low = (1 << k) - 1;
      for (let i = 0; i < count; i++) {
        const head = heads[i]!;
        held += head >>> k;
        while (held >= 8) {
          buf[p++] = acc & 0xff;
          acc >>>= 8;
          held -= 8;
        }
        acc |= (1 | ((head & low) << 1)) << held;
        held += k + 1;
        while (held >= 8) {
          buf[p++] = acc & 0xff;
          acc >>>= 8;
          held -= 8;
        }
      }
      if (held > 0) buf[p++] = acc & 0xff;
    }
    prevMask = this.#defaultMask;
    for (let i = 0; i < count; i++) {
      const mask = masks[i]!;
      const code = heads[i]! & 3;
      if (k < 0) p = putVarint(buf, p, heads[i]!);
      if (code >= CODE_MASK_ONES) p = putVarint(buf, p, mask);
      if ((code & 1) === 1) for (let j = tfStart[i]!; j < tfStart[i + 1]!; j++) p = putVarint(buf, p, tfs[j]!);
      prevMask = mask;
    }
    out.commit(p);
  }

  #closeBlock(): void {
    if (this.#inBlock === 0) return;
    this.#blockStart = this.#postings.length;
    if (this.#inBlock === BLOCK_SIZE) this.#packBlock();
    else this.#writeVarintBlock();
    writePositionsBlock(this.#positions, this.#blockValues, this.#blockValueCount, this.#inBlock);
    this.#blockValueCount = 0;
    if (this.#lengths !== undefined) {
      this.#skipMask.push(this.#blockUnion >>> 0);
      this.#skipBound.push(encodeBound(this.#blockMaxPseudoTf));
      this.#blockUnion = 0;
      this.#blockMaxPseudoTf = 0;
    }
    this.#blockLastDoc.push(this.#prevDoc);
    this.#blockPostingsOffset.push(this.#blockStart);
    this.#blockPositionsOffset.push(this.#blockPositions);
    this.#inBlock = 0;
  }

  /** Writes the buffered full block in the packed layout of posting-blocks.ts: doc gaps and one tf column per field at the narrowest widths. */
  #packBlock(): void {
    const out = this.#postings;
    const start = this.#blockStart;
    const docs = this.#docs;
    const masks = this.#masks;
    const tfStart = this.#tfStart;
    const tfs = this.#tfs;
    const columns = this.#columns;
    let union = 0;
    for (let i = 0; i < BLOCK_SIZE; i++) union |= masks[i]!;
    for (let m = union; m !== 0; m &= m - 1) columns.fill(0, (31 - Math.clz32(m & -m)) * BLOCK_SIZE, (32 - Math.clz32(m & -m)) * BLOCK_SIZE);
    for (let i = 0; i < BLOCK_SIZE; i++) {
      let j = tfStart[i]!;
      for (let m = masks[i]!; m !== 0; m &= m - 1, j++) columns[(31 - Math.clz32(m & -m)) * BLOCK_SIZE + i] = tfs[j]!;
    }
    const gaps = this.#gaps;
    let maxGap = 0;
    let prev = this.#blockPrevDoc;
    for (let i = 0; i < BLOCK_SIZE; i++) {
      const gap = docs[i]! - prev - 1;
      prev = docs[i]!;
      gaps[i] = gap;
      if (gap > maxGap) maxGap = gap;
    }
    const docBits = bitWidth(maxGap);
    const bits = this.#columnBits;
    let size = 1 + MAX_VARINT + WORD_BYTES + packedBytes(BLOCK_SIZE, docBits);
    for (let m = union; m !== 0; m &= m - 1) {
      const f = 31 - Math.clz32(m & -m);
      let max = 0;
      let allOne = true;
      for (let i = f * BLOCK_SIZE, end = i + BLOCK_SIZE; i < end; i++) {
        const tf = columns[i]!;
        if (tf > max) max = tf;
        if (tf !== 1) allOne = false;
      }
      // Width 0: the field holds in every posting with tf 1, and its column is left out.
      bits[f] = allOne ? 0 : bitWidth(max);
      size += 1 + packedBytes(BLOCK_SIZE, bits[f]!);
    }
    const buf = out.reserve(size);
    let p = start;
    buf[p++] = docBits;
    p = putVarint(buf, p, union);
    for (let m = union; m !== 0; m &= m - 1) buf[p++] = bits[31 - Math.clz32(m & -m)]!;
    // The runs start on a word boundary of the postings (readers unpack whole 32-bit words).
    while (p % WORD_BYTES !== 0) buf[p++] = 0;
    p = packBits(buf, p, gaps, 0, BLOCK_SIZE, docBits);
    for (let m = union; m !== 0; m &= m - 1) {
      const f = 31 - Math.clz32(m & -m);
      if (bits[f]! > 0) p = packBits(buf, p, columns, f * BLOCK_SIZE, BLOCK_SIZE, bits[f]!);
    }
    out.commit(p);
    this.#packedAny = true;
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
        this.#skipBound.n--;
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
    const defaultMask = this.#defaultMask;
    // Packed reads load 32-bit words: zero bytes after the last block keep them in bounds.
    const postings = this.#postings.finish(this.#packedAny ? PACKED_SLACK : 0);
    if (this.#packedAny) termPostingsStart[termCount] = postings.length;
    const skips = blockLastDoc.length;
    const width = columns.scoredCount;
    let blockMask: Uint32Array;
    let blockBound: Uint8Array;
    let boundReference: BoundReference;
    if (this.#lengths === columns.fieldLengths && this.#width === width && this.#reference !== undefined) {
      // Summarised as the postings arrived (from these very lengths).
      blockMask = this.#skipMask.finish();
      blockBound = Uint8Array.from(this.#skipBound.finish());
      boundReference = this.#reference;
    } else {
      blockMask = new Uint32Array(skips);
      blockBound = new Uint8Array(skips);
      boundReference = referenceFor(columns.boundParameters, columns.fieldLengths, width);
      const block = new DecodedBlock();
      for (let t = 0; t < termCount; t++) {
        const base = termBlockStart[t]!;
        const end = termBlockStart[t + 1]!;
        for (let k = base; k < end; k++) {
          const count = k < end - 1 ? BLOCK_SIZE : termDf[t]! - BLOCK_SIZE * (end - base - 1);
          decodeBlock(postings, blockPostingsOffset[k]!, count, k === base ? -1 : blockLastDoc[k - 1]!, defaultMask, block);
          summariseBlock(block, columns.fieldLengths, width, k, blockMask, blockBound, boundReference);
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
      blockBound,
      boundReference,
      defaultMask,
      postings,
      positions: this.#positions.finish(),
      fieldLengths: columns.fieldLengths,
      lengthCodes: lengthCodes(columns.fieldLengths, columns.numDocs, width),
      dates: LazyColumn.of(columns.dates),
      storedOffsets: LazyColumn.of(columns.storedOffsets),
      stored: columns.stored,
      storedSymbols: columns.storedSymbols,
      ids: IdColumn.of(columns.ids),
      exactStems: ExactStems.of(this.#exactStems.finish(), termCount),
    };
  }

}

/** Block-max metadata of one decoded block: its field union and the code of its largest reference t̃. */
function summariseBlock(
  block: DecodedBlock,
  lengths: Uint32Array,
  width: number,
  k: number,
  blockMask: Uint32Array,
  blockBound: Uint8Array,
  reference: BoundReference,
): void {
  const { docs, masks, tfStart, tfs } = block;
  let union = 0;
  let max = 0;
  for (let i = 0; i < block.length; i++) {
    const mask = masks[i]!;
    union |= mask;
    const pseudoTf = referencePseudoTf(reference, mask, tfs, tfStart[i]!, lengths, docs[i]! * width, width);
    if (pseudoTf > max || pseudoTf !== pseudoTf) max = pseudoTf;
  }
  blockBound[k] = encodeBound(max);
  blockMask[k] = union >>> 0;
}
