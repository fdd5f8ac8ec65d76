// An immutable segment: typed arrays for postings (doc-id deltas + per-field tf, in blocks of 128),
// positions stored apart, field lengths, the date column and stored fields. Only deletes change.

import { ByteReader } from './byte-writer.js';
import { DeleteSet } from './deletes.js';
import type { TermDictionary } from './dictionary.js';

/** Postings per block: skip entries and block offsets exist at this granularity. */
export const BLOCK_SIZE = 128;

/** The frozen arrays of a segment, exactly what the serialised form holds. */
export interface SegmentData {
  readonly numDocs: number;
  /** Indexed fields (bits of a posting's field mask). */
  readonly fieldCount: number;
  /** Scored fields (text and date): the width of a field-length row. */
  readonly scoredCount: number;
  readonly dictionary: TermDictionary;
  /** Documents containing each term (deleted ones included). */
  readonly termDf: Uint32Array;
  /** Blocks of term t are [termBlockStart[t], termBlockStart[t + 1]). */
  readonly termBlockStart: Uint32Array;
  /** Last DocId of each block: the skip list. */
  readonly blockLastDoc: Uint32Array;
  /** Byte offset of each block in `postings`; one extra entry closes the last block. */
  readonly blockPostingsOffset: Uint32Array;
  /** Byte offset of each block in `positions`; one extra entry closes the last block. */
  readonly blockPositionsOffset: Uint32Array;
  /**
   * Per posting: varint(doc delta), varint(fieldMask << 1 | allTfsAreOne), then, unless all are
   * one, varint(tf) for each field in the mask in ascending field order.
   */
  readonly postings: Uint8Array;
  /** Per posting, per field in the mask: tf varint position deltas (first one absolute). */
  readonly positions: Uint8Array;
  /** numDocs × scoredCount token counts. */
  readonly fieldLengths: Uint32Array;
  /** Epoch ms per document; NaN when undated. */
  readonly dates: Float64Array;
  /** Stored-field JSON of doc d is stored[storedOffsets[d] .. storedOffsets[d + 1]). */
  readonly storedOffsets: Uint32Array;
  readonly stored: Uint8Array;
  readonly ids: readonly string[];
}

const decoder = new TextDecoder();

/** A segment as the index holds it: frozen data plus its deletion bitset and a live-df cache. */
export class Segment {
  readonly data: SegmentData;
  readonly deletes: DeleteSet;
  /** Live document frequency by term ordinal, valid until the next delete in this segment. */
  #liveDf = new Map<number, number>();

  constructor(data: SegmentData, deletes?: DeleteSet) {
    this.data = data;
    this.deletes = deletes ?? new DeleteSet(data.numDocs);
  }

  get numDocs(): number {
    return this.data.numDocs;
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

  /** The stored fields of `doc`, parsed. */
  storedJson(doc: number): string {
    const { stored, storedOffsets } = this.data;
    return decoder.decode(stored.subarray(storedOffsets[doc]!, storedOffsets[doc + 1]!));
  }
}

/** Calls `fn` with each DocId of term `ordinal` in order (deleted ones included). Not a hot path. */
export function forEachPostingDoc(data: SegmentData, ordinal: number, fn: (doc: number) => void): void {
  forEachPosting(data, ordinal, (doc) => fn(doc));
}

/** Calls `fn` with each DocId of term `ordinal` and its field mask, in DocId order (deleted ones included). */
export function forEachPosting(data: SegmentData, ordinal: number, fn: (doc: number, mask: number) => void): void {
  const firstBlock = data.termBlockStart[ordinal]!;
  const lastBlock = data.termBlockStart[ordinal + 1]!;
  const reader = new ByteReader(data.postings, data.blockPostingsOffset[firstBlock]!);
  const end = data.blockPostingsOffset[lastBlock]!;
  let doc = -1;
  while (reader.pos < end) {
    doc += reader.varint();
    const flags = reader.varint();
    if ((flags & 1) === 0) {
      let mask = flags >>> 1;
      while (mask !== 0) {
        reader.varint();
        mask &= mask - 1;
      }
    }
    fn(doc, flags >>> 1);
  }
}

/** Calls `fn` with each DocId of term `ordinal`, its field mask and its tf summed over fields. */
export function forEachPostingTf(data: SegmentData, ordinal: number, fn: (doc: number, mask: number, tf: number) => void): void {
  const firstBlock = data.termBlockStart[ordinal]!;
  const lastBlock = data.termBlockStart[ordinal + 1]!;
  const reader = new ByteReader(data.postings, data.blockPostingsOffset[firstBlock]!);
  const end = data.blockPostingsOffset[lastBlock]!;
  let doc = -1;
  while (reader.pos < end) {
    doc += reader.varint();
    const flags = reader.varint();
    let tf = 0;
    for (let mask = flags >>> 1; mask !== 0; mask &= mask - 1) tf += (flags & 1) === 1 ? 1 : reader.varint();
    fn(doc, flags >>> 1, tf);
  }
}
