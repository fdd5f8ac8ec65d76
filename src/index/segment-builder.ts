// Encodes postings and positions into a segment's byte streams and block tables, term by term.
// Both the writer's flush and merges feed it; neither knows the encoding.

import { ByteWriter } from './byte-writer.js';
import { BLOCK_SIZE, type SegmentData } from './segment.js';
import { TermDictionary } from './dictionary.js';

/** Growable Uint32 list for block tables (block counts are unknown until the last term). */
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

/** Per-document columns that come with a segment, gathered by the caller. */
export interface SegmentColumns {
  numDocs: number;
  fieldCount: number;
  scoredCount: number;
  fieldLengths: Uint32Array;
  dates: Float64Array;
  storedOffsets: Uint32Array;
  stored: Uint8Array;
  ids: string[];
}

/**
 * Call `startTerm` for each term in sorted order, `addPosting` for its postings in DocId order,
 * then `finish` with the columns.
 */
export class SegmentBuilder {
  #postings: ByteWriter;
  #positions: ByteWriter;
  #terms: string[] = [];
  #termDf: number[] = [];
  #termBlockStart: number[] = [];
  #blockLastDoc = new U32List();
  #blockPostingsOffset = new U32List();
  #blockPositionsOffset = new U32List();
  #inTerm = 0;
  #prevDoc = -1;
  #withPositions = true;

  constructor(expectedPostingsBytes = 1 << 16) {
    this.#postings = new ByteWriter(expectedPostingsBytes);
    this.#positions = new ByteWriter(expectedPostingsBytes);
  }

  /** Starts the postings of `term`; `withPositions` false (exact-form terms) writes no positions. */
  startTerm(term: string, withPositions = true): void {
    this.#closeTerm();
    this.#withPositions = withPositions;
    this.#terms.push(term);
    this.#termBlockStart.push(this.#blockLastDoc.n);
    this.#inTerm = 0;
    this.#prevDoc = -1;
  }

  /**
   * One posting: `tfs[tfOff ..]` holds one tf per set bit of `mask` (ascending field order) and
   * `pos[posOff ..]` the matching position deltas, tf of them per field.
   */
  addPosting(doc: number, mask: number, tfs: ArrayLike<number>, tfOff: number, pos: ArrayLike<number>, posOff: number): void {
    if (this.#inTerm % BLOCK_SIZE === 0) {
      if (this.#inTerm > 0) this.#blockLastDoc.push(this.#prevDoc);
      this.#blockPostingsOffset.push(this.#postings.length);
      this.#blockPositionsOffset.push(this.#positions.length);
    }
    const out = this.#postings;
    out.varint(doc - this.#prevDoc);
    let fields = 0;
    let total = 0;
    let allOne = 1;
    for (let m = mask; m !== 0; m &= m - 1) {
      const tf = tfs[tfOff + fields]!;
      if (tf !== 1) allOne = 0;
      total += tf;
      fields++;
    }
    out.varint(((mask << 1) | allOne) >>> 0);
    if (allOne === 0) for (let i = 0; i < fields; i++) out.varint(tfs[tfOff + i]!);
    if (this.#withPositions) {
      const positions = this.#positions;
      for (let i = 0; i < total; i++) positions.varint(pos[posOff + i]!);
    }
    this.#prevDoc = doc;
    this.#inTerm++;
  }

  #closeTerm(): void {
    if (this.#terms.length === 0) return;
    this.#blockLastDoc.push(this.#prevDoc);
    this.#termDf.push(this.#inTerm);
  }

  finish(columns: SegmentColumns): SegmentData {
    this.#closeTerm();
    const termBlockStart = new Uint32Array(this.#terms.length + 1);
    termBlockStart.set(this.#termBlockStart);
    termBlockStart[this.#terms.length] = this.#blockLastDoc.n;
    this.#blockPostingsOffset.push(this.#postings.length);
    this.#blockPositionsOffset.push(this.#positions.length);
    return {
      numDocs: columns.numDocs,
      fieldCount: columns.fieldCount,
      scoredCount: columns.scoredCount,
      dictionary: TermDictionary.fromSorted(this.#terms),
      termDf: Uint32Array.from(this.#termDf),
      termBlockStart,
      blockLastDoc: this.#blockLastDoc.finish(),
      blockPostingsOffset: this.#blockPostingsOffset.finish(),
      blockPositionsOffset: this.#blockPositionsOffset.finish(),
      postings: this.#postings.finish(),
      positions: this.#positions.finish(),
      fieldLengths: columns.fieldLengths,
      dates: columns.dates,
      storedOffsets: columns.storedOffsets,
      stored: columns.stored,
      ids: columns.ids,
    };
  }
}
