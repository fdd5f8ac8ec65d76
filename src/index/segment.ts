// An immutable segment: postings in blocks of 128 (posting-blocks.ts), skip entries and block-max
// metadata for terms with more than one block, positions stored apart, field lengths, the date column
// and stored fields. Only deletes change.

import type { BoundReference } from './block-bounds.js';
import { IndexFormatError } from '../errors.js';
import { DeleteSet } from './deletes.js';
import { LENGTH_COLUMNS_MIN_DOCS, lengthColumns } from './length-columns.js';
import type { TermDictionary } from './dictionary.js';
import { SymbolTable } from './symbol-table.js';
import { BLOCK_SIZE, acquireBlock, blockCount, decodeBlock, decodeBlockDocs, locateBlock, postingsPart, releaseBlock, type BlockGeometry, type PostingsLayout } from './posting-blocks.js';
import { NO_STEM, type ExactStems } from './exact-stems.js';
import type { LazyColumn } from './lazy-column.js';
import type { IdColumn } from './id-column.js';

export { BLOCK_SIZE };

/** The frozen arrays of a segment, exactly what the serialised form holds (decoded to typed arrays). */
export interface SegmentData extends PostingsLayout {
  readonly numDocs: number;
  /** Indexed fields (bits of a posting's field mask). */
  readonly fieldCount: number;
  /** Scored fields (text and date): the width of a field-length row. */
  readonly scoredCount: number;
  readonly dictionary: TermDictionary;
  /** Documents containing each term (deleted ones included). */
  readonly termDf: Uint32Array;
  /** Postings of term t are postings[termPostingsStart[t] .. termPostingsStart[t + 1]). */
  readonly termPostingsStart: Uint32Array;
  /** Positions of term t are positions[termPositionsStart[t] .. termPositionsStart[t + 1]) (empty for exact forms). */
  readonly termPositionsStart: Uint32Array;
  /**
   * Skip entries of term t are [termBlockStart[t], termBlockStart[t + 1]), one per block, and exist
   * only for terms with more than one block (df > BLOCK_SIZE): a term with one block needs none.
   */
  readonly termBlockStart: Uint32Array;
  /** Per skip entry: last DocId of the block. */
  readonly blockLastDoc: Uint32Array;
  /** Per skip entry: byte offset of the block in `postings` (it ends where the next block or the term ends). */
  readonly blockPostingsOffset: Uint32Array;
  /** Per skip entry: byte offset of the block's positions in `positions`. */
  readonly blockPositionsOffset: Uint32Array;
  /** Per skip entry: the union of the block's field masks. */
  readonly blockMask: Uint32Array;
  /**
   * Per skip entry: the largest t̃ of the block's postings under `boundReference`, as a one-byte
   * code rounded up (block-bounds.ts). Queries scale it to their weights for block-max pruning.
   */
  readonly blockBound: Uint8Array;
  /** The weights `blockBound` was computed under: the schema's boosts and b, the segment's average lengths. */
  readonly boundReference: BoundReference;
  /** The field mask a block's first posting is compared with (see posting-blocks.ts). */
  readonly defaultMask: number;
  /** Posting blocks of every term, in term order (see posting-blocks.ts). */
  readonly postings: Uint8Array;
  /** Per posting, per field in the mask: tf positions, the first absolute and then gaps, in one block per posting block (positions-codec.ts). */
  readonly positions: Uint8Array;
  /** numDocs × scoredCount token counts. */
  readonly fieldLengths: Uint32Array;
  /**
   * One-byte lower bounds of the field lengths, field by field (codes[f × numDocs + doc]; see
   * length-codes.ts): derived at build time for pruning bounds, saved so loading computes nothing.
   */
  readonly lengthCodes: Uint8Array;
  /** Epoch ms per document; NaN when undated. A loaded segment decodes it on first read. */
  readonly dates: LazyColumn<Float64Array>;
  /** Stored-field JSON of doc d is stored[storedOffsets[d] .. storedOffsets[d + 1]). A loaded segment decodes them on first read. */
  readonly storedOffsets: LazyColumn<Uint32Array>;
  /** UTF-8 JSON, or with `storedSymbols` its codes (see symbol-table.ts). */
  readonly stored: Uint8Array;
  /** A serialised SymbolTable the stored bytes are coded with, or empty: they are plain UTF-8. */
  readonly storedSymbols: Uint8Array;
  /** The documents' ids. A loaded segment decodes them on first read. */
  readonly ids: IdColumn;
  /** Per exact-form term, the stem whose posting list its postings are ordinals into (exact-stems.ts). */
  readonly exactStems: ExactStems;
}

const decoder = new TextDecoder();

/** A segment as the index holds it: frozen data plus its deletion bitset and a live-df cache. */
export class Segment {
  readonly data: SegmentData;
  readonly deletes: DeleteSet;
  /** Live document frequency by term ordinal, valid until the next delete in this segment. */
  #liveDf = new Map<number, number>();
  #lengthColumns: Uint16Array | undefined;
  #symbols: SymbolTable | undefined;

  constructor(data: SegmentData, deletes?: DeleteSet) {
    this.data = data;
    this.deletes = deletes ?? new DeleteSet(data.numDocs);
  }

  get numDocs(): number {
    return this.data.numDocs;
  }

  /**
   * The field lengths field by field in 16 bits (length-columns.ts), made on first use, for the
   * scorers that read a length per posting; undefined for a segment whose row-major table is small
   * enough to stay in cache anyway (then the copy saves nothing and would cost a first query ~3 ms).
   */
  get lengthColumns(): Uint16Array | undefined {
    if (this.data.numDocs < LENGTH_COLUMNS_MIN_DOCS) return undefined;
    this.#lengthColumns ??= lengthColumns(this.data.fieldLengths, this.data.numDocs, this.data.scoredCount);
    return this.#lengthColumns;
  }

  get liveDocs(): number {
    return this.data.numDocs - this.deletes.count;
  }

  /** Marks `doc` deleted; returns false when it already was. */
  delete(doc: number): boolean {
    if (!this.deletes.add(doc)) return false;
    this.#liveDf.clear();
    return true;
  }

  /**
   * Documents containing term `ordinal` that are not deleted. Exact, so collection statistics after
   * deletes equal those of an index rebuilt from the surviving documents.
   */
  liveDf(ordinal: number): number {
    const df = this.data.termDf[ordinal]!;
    if (this.deletes.count === 0) return df;
    const cached = this.#liveDf.get(ordinal);
    if (cached !== undefined) return cached;
    let live = 0;
    const deletes = this.deletes;
    forEachPostingDoc(this.data, ordinal, (doc) => {
      if (!deletes.has(doc)) live++;
    });
    this.#liveDf.set(ordinal, live);
    return live;
  }

  /** The stored-field JSON of `doc`, as text. */
  storedJson(doc: number): string {
    const { stored, storedSymbols } = this.data;
    if (storedSymbols.length === 0) return decoder.decode(this.#storedCodes(doc));
    const storedOffsets = this.data.storedOffsets.value;
    const start = storedOffsets[doc]!;
    const end = storedOffsets[doc + 1]!;
    if (!(start <= end && end <= stored.length)) throw new IndexFormatError('stored offsets out of order', 'section:storedOffsets', end, stored.length);
    // Decoded into a shared buffer and read as text at once: no allocation per hit.
    this.#symbols ??= SymbolTable.read(storedSymbols);
    return decoder.decode(this.#symbols.decodeShared(stored, start, end));
  }

  /** The stored-field bytes (UTF-8 JSON) of `doc`, a copy when the segment's are coded. */
  storedBytes(doc: number): Uint8Array {
    const bytes = this.#storedCodes(doc);
    if (this.data.storedSymbols.length === 0) return bytes;
    // Read on first use, not at load: loading stays a matter of views.
    this.#symbols ??= SymbolTable.read(this.data.storedSymbols);
    return this.#symbols.decode(bytes);
  }

  /**
   * The stored bytes of `doc` as the segment holds them. Their offsets are checked here, per read,
   * not at load (a loaded segment's offsets are a view of the file): a bad pair throws IndexFormatError.
   */
  #storedCodes(doc: number): Uint8Array {
    const stored = this.data.stored;
    const storedOffsets = this.data.storedOffsets.value;
    const start = storedOffsets[doc]!;
    const end = storedOffsets[doc + 1]!;
    if (!(start <= end && end <= stored.length)) throw new IndexFormatError('stored offsets out of order', 'section:storedOffsets', end, stored.length);
    return stored.subarray(start, end);
  }
}

/** Calls `fn` with each DocId of term `ordinal` in order (deleted ones included). Not a hot path. */
export function forEachPostingDoc(data: SegmentData, ordinal: number, fn: (doc: number) => void): void {
  forEachPostingTf(data, ordinal, (doc) => fn(doc));
}

/** Calls `fn` with each DocId of term `ordinal` and its field mask, in DocId order (deleted ones included). */
export function forEachPosting(data: SegmentData, ordinal: number, fn: (doc: number, mask: number) => void): void {
  forEachPostingTf(data, ordinal, (doc, mask) => fn(doc, mask));
}

/** Calls `fn` with each DocId of term `ordinal`, its field mask and its tf summed over fields. */
export function forEachPostingTf(data: SegmentData, ordinal: number, fn: (doc: number, mask: number, tf: number) => void): void {
  const blocks = blockCount(data, ordinal);
  const geometry: BlockGeometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };
  const block = acquireBlock();
  // An exact form's postings hold ordinals in its stem's list: the stem's blocks say which DocIds.
  const stem = data.exactStems.stemOf(ordinal);
  const docsOf = stem === NO_STEM ? undefined : new StemDocs(data, stem);
  try {
    for (let b = 0; b < blocks; b++) {
      locateBlock(data, ordinal, b, geometry);
      decodeBlock(data.postings, geometry.start, geometry.count, geometry.prevDoc, data.defaultMask, block);
      const { docs, masks, tfStart, tfs } = block;
      for (let i = 0; i < geometry.count; i++) {
        let tf = 0;
        for (let j = tfStart[i]!; j < tfStart[i + 1]!; j++) tf += tfs[j]!;
        fn(docsOf === undefined ? docs[i]! : docsOf.at(docs[i]!), masks[i]!, tf);
      }
    }
  } finally {
    releaseBlock(block);
    docsOf?.release();
  }
}

/**
 * The DocIds of a stem's posting list by ordinal, decoding one block at a time (ordinal o is in
 * block o / BLOCK_SIZE: every block but the last holds BLOCK_SIZE). Ordinals past the list, which
 * only malformed postings hold, throw IndexFormatError.
 */
export class StemDocs {
  readonly #data: SegmentData;
  readonly #stem: number;
  readonly #block = acquireBlock();
  readonly #geometry: BlockGeometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };
  #decoded = -1;

  constructor(data: SegmentData, stem: number) {
    this.#data = data;
    this.#stem = stem;
    // A loaded segment decodes term metadata as the dictionary hands ordinals out: this one came from exactStems.
    data.dictionary.prepare(stem);
  }

  /** The DocId at `ordinal` of the stem's list. */
  at(ordinal: number): number {
    const data = this.#data;
    if (!(ordinal < data.termDf[this.#stem]!)) throw new IndexFormatError('exact-form posting past its stem\'s list', postingsPart(data.postings), ordinal, data.termDf[this.#stem]!);
    const b = Math.floor(ordinal / BLOCK_SIZE);
    if (b !== this.#decoded) {
      locateBlock(data, this.#stem, b, this.#geometry);
      decodeBlockDocs(data.postings, this.#geometry.start, this.#geometry.count, this.#geometry.prevDoc, data.defaultMask, this.#block.docs);
      this.#decoded = b;
    }
    return this.#block.docs[ordinal - b * BLOCK_SIZE]!;
  }

  /** Returns the scratch block to the pool. */
  release(): void {
    releaseBlock(this.#block);
  }
}
