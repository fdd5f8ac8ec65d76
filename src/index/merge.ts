// Merges segments into one, dropping deleted documents for good. DocIds are renumbered densely in
// segment order, so postings stay sorted without a sort. Scores are unaffected by merging.

import { ByteReader, ByteWriter } from './byte-writer.js';
import { Segment } from './segment.js';
import { SegmentBuilder } from './segment-builder.js';
import { isExactTerm } from './exact-terms.js';

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
    const data = segments[s]!.data;
    postingsBytes += data.postings.length + data.positions.length;
    const remap = remaps[s]!;
    for (let d = 0; d < data.numDocs; d++) {
      if (remap[d]! < 0) continue;
      fieldLengths.set(data.fieldLengths.subarray(d * scoredCount, (d + 1) * scoredCount), out * scoredCount);
      dates[out] = data.dates[d]!;
      stored.bytes(data.stored.subarray(data.storedOffsets[d]!, data.storedOffsets[d + 1]!));
      storedOffsets[out + 1] = stored.length;
      ids[out] = data.ids[d]!;
      out++;
    }
  }

  const allTerms = new Set<string>();
  for (const seg of segments) for (const t of seg.data.dictionary.terms) allTerms.add(t);
  const terms = [...allTerms].sort();

  const builder = new SegmentBuilder(postingsBytes);
  const tfs = new Array<number>(fieldCount).fill(0);
  let pos: number[] = [];
  for (const term of terms) {
    let started = false;
    const withPositions = !isExactTerm(term);
    for (let s = 0; s < segments.length; s++) {
      const data = segments[s]!.data;
      const ordinal = data.dictionary.lookup(term);
      if (ordinal < 0) continue;
      const remap = remaps[s]!;
      const firstBlock = data.termBlockStart[ordinal]!;
      const lastBlock = data.termBlockStart[ordinal + 1]!;
      const postings = new ByteReader(data.postings, data.blockPostingsOffset[firstBlock]!);
      const positions = new ByteReader(data.positions, data.blockPositionsOffset[firstBlock]!);
      const end = data.blockPostingsOffset[lastBlock]!;
      let doc = -1;
      while (postings.pos < end) {
        doc += postings.varint();
        const flags = postings.varint();
        const mask = flags >>> 1;
        let fields = 0;
        let total = 0;
        for (let m = mask; m !== 0; m &= m - 1) {
          const tf = (flags & 1) === 1 ? 1 : postings.varint();
          tfs[fields++] = tf;
          total += tf;
        }
        const count = withPositions ? total : 0;
        if (pos.length < count) pos = new Array<number>(count);
        for (let i = 0; i < count; i++) pos[i] = positions.varint();
        const target = remap[doc]!;
        if (target < 0) continue;
        if (!started) {
          builder.startTerm(term, withPositions);
          started = true;
        }
        builder.addPosting(target, mask, tfs, 0, pos, 0);
      }
    }
  }

  return new Segment(
    builder.finish({ numDocs, fieldCount, scoredCount, fieldLengths, dates, storedOffsets, stored: stored.finish(), ids }),
  );
}
