// Merges segments into one, dropping deleted documents for good. DocIds are renumbered densely in
// segment order, so postings stay sorted without a sort. Scores are unaffected by merging.

import { ByteWriter } from './byte-writer.js';
import { PositionsCursor, isVarintBlock } from './positions-codec.js';
import { Segment } from './segment.js';
import { SegmentBuilder } from './segment-builder.js';
import { DecodedBlock, blockCount, decodeBlock, locateBlock, positionsEnd, type BlockGeometry } from './posting-blocks.js';
import { isExactTerm } from './exact-terms.js';
import { NO_SYMBOLS } from './symbol-table.js';

/** One merged segment holding the live documents of `segments`, in order. */
export function mergeSegments(segments: readonly Segment[]): Segment {
  const first = segments[0];
  if (first === undefined) throw new Error('mergeSegments needs at least one segment');
  const { fieldCount, scoredCount } = first.data;

  // New DocId of each old (segment, doc), or -1 when deleted.
  const remaps: Int32Array[] = [];
  let numDocs = 0;
  for (const seg of segments) {
    const remap = new Int32Array(seg.numDocs);
    for (let d = 0; d < seg.numDocs; d++) remap[d] = seg.deletes.has(d) ? -1 : numDocs++;
    remaps.push(remap);
  }

  const fieldLengths = new Uint32Array(numDocs * scoredCount);
  const dates = new Float64Array(numDocs);
  const storedOffsets = new Uint32Array(numDocs + 1);
  const stored = new ByteWriter(1 << 16);
  const ids: string[] = new Array(numDocs);
  let out = 0;
  let postingsBytes = 0;
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    const data = segment.data;
    postingsBytes += data.postings.length + data.positions.length;
    const remap = remaps[s]!;
    for (let d = 0; d < data.numDocs; d++) {
      if (remap[d]! < 0) continue;
      fieldLengths.set(data.fieldLengths.subarray(d * scoredCount, (d + 1) * scoredCount), out * scoredCount);
      dates[out] = data.dates[d]!;
      stored.bytes(segment.storedBytes(d));
      storedOffsets[out + 1] = stored.length;
      ids[out] = data.ids[d]!;
      out++;
    }
  }

  const allTerms = new Set<string>();
  for (const seg of segments) for (const t of seg.data.dictionary.terms) allTerms.add(t);
  const terms = [...allTerms].sort();

  // The largest input's default mask: the merged blocks start like most of its blocks did.
  let defaultMask = 1;
  let largest = -1;
  for (const seg of segments) {
    if (seg.data.numDocs <= largest) continue;
    largest = seg.data.numDocs;
    defaultMask = seg.data.defaultMask;
  }
  const builder = new SegmentBuilder(postingsBytes, undefined, defaultMask);
  const tfs = new Array<number>(32).fill(0);
  let pos: number[] = [];
  const block = new DecodedBlock();
  const geometry: BlockGeometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };
  // Every input's term list is sorted as `terms` is, so one cursor per input finds a term's ordinal
  // with one comparison. A dictionary lookup per term and input (a binary search over the input's
  // strings) made merges grow with terms × inputs: 25 inputs of a 1M-document build.
  const inputTerms = segments.map((seg) => {
    seg.data.dictionary.decodeAllMetadata();
    return seg.data.dictionary.terms;
  });
  const cursors = new Int32Array(segments.length);
  const cursor = new PositionsCursor();
  for (const term of terms) {
    let started = false;
    const withPositions = !isExactTerm(term);
    for (let s = 0; s < segments.length; s++) {
      const data = segments[s]!.data;
      const ordinal = cursors[s]!;
      const list = inputTerms[s]!;
      if (ordinal >= list.length || list[ordinal] !== term) continue;
      cursors[s] = ordinal + 1;
      const remap = remaps[s]!;
      const blocks = blockCount(data, ordinal);
      for (let b = 0; b < blocks; b++) {
        locateBlock(data, ordinal, b, geometry);
        decodeBlock(data.postings, geometry.start, geometry.count, geometry.prevDoc, data.defaultMask, block);
        if (withPositions) {
          let values = 0;
          for (let j = 0; j < block.tfStart[block.length]!; j++) values += block.tfs[j]!;
          cursor.open(data.positions, geometry.positions, positionsEnd(data, ordinal, b), isVarintBlock(block.length, values));
        }
        for (let i = 0; i < block.length; i++) {
          let fields = 0;
          let total = 0;
          for (let j = block.tfStart[i]!; j < block.tfStart[i + 1]!; j++) {
            const tf = block.tfs[j]!;
            tfs[fields++] = tf;
            total += tf;
          }
          const count = withPositions ? total : 0;
          if (pos.length < count) pos = new Array<number>(count);
          // Values as stored: per field the first position, then gaps; the builder writes them alike.
          if (withPositions) {
            for (let j = block.tfStart[i]!, k = 0; j < block.tfStart[i + 1]!; j++) {
              const tf = block.tfs[j]!;
              pos[k++] = cursor.next();
              for (let r = 1; r < tf; r++) pos[k++] = cursor.next();
            }
          }
          const target = remap[block.docs[i]!]!;
          if (target < 0) continue;
          if (!started) {
            builder.startTerm(term, withPositions);
            started = true;
          }
          builder.addPosting(target, block.masks[i]!, tfs, 0, pos, 0);
        }
      }
    }
  }

  return new Segment(
    builder.finish({ numDocs, fieldCount, scoredCount, fieldLengths, dates, storedOffsets, stored: stored.finish(), storedSymbols: NO_SYMBOLS, ids }),
  );
}
