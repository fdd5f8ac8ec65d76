// Random access to one posting of a term: the block skip list finds the block holding a DocId, then
// a short scan decodes it. Used by explain and by queries that need one document's tf or positions.

import { ByteReader } from './byte-writer.js';
import type { SegmentData } from './segment.js';
import { isExactTerm } from './exact-terms.js';

/** One decoded posting: its field mask, tf per field (0 where absent) and positions per field. */
export interface DecodedPosting {
  readonly mask: number;
  /** Indexed by field number. */
  readonly tfs: readonly number[];
  /** Indexed by field number: absolute positions, ascending. */
  readonly positions: readonly (readonly number[])[];
}

/** The posting of `doc` in term `ordinal`'s list, or undefined when the term is not in that document. */
export function readPosting(data: SegmentData, ordinal: number, doc: number): DecodedPosting | undefined {
  const firstBlock = data.termBlockStart[ordinal]!;
  const lastBlock = data.termBlockStart[ordinal + 1]!;
  // Binary search of the skip list: the first block whose last DocId is ≥ doc.
  let lo = firstBlock;
  let hi = lastBlock;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (data.blockLastDoc[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  if (lo === lastBlock) return undefined;
  const block = lo;
  const postings = new ByteReader(data.postings, data.blockPostingsOffset[block]!);
  const positions = new ByteReader(data.positions, data.blockPositionsOffset[block]!);
  const end = data.blockPostingsOffset[block + 1]!;
  let current = block === firstBlock ? -1 : data.blockLastDoc[block - 1]!;
  const tfs = new Array<number>(data.fieldCount).fill(0);
  const withPositions = !isExactTerm(data.dictionary.term(ordinal));
  while (postings.pos < end) {
    current += postings.varint();
    const flags = postings.varint();
    const mask = flags >>> 1;
    tfs.fill(0);
    let total = 0;
    for (let m = mask; m !== 0; m &= m - 1) {
      const f = 31 - Math.clz32(m & -m);
      const tf = (flags & 1) === 1 ? 1 : postings.varint();
      tfs[f] = tf;
      total += tf;
    }
    if (current === doc) {
      const perField: number[][] = [];
      for (let f = 0; f < data.fieldCount; f++) {
        const list: number[] = [];
        let position = 0;
        for (let i = 0; withPositions && i < tfs[f]!; i++) {
          position = i === 0 ? positions.varint() : position + positions.varint();
          list.push(position);
        }
        perField.push(list);
      }
      return { mask, tfs: tfs.slice(), positions: perField };
    }
    if (current > doc) return undefined;
    if (withPositions) for (let i = 0; i < total; i++) positions.varint();
  }
  return undefined;
}
