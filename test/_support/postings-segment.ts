// A segment of given postings and nothing else (no positions, no lengths): for tests of the
// posting codecs alone.
import { SegmentBuilder } from '../../src/index/segment-builder.js';
import type { SegmentData } from '../../src/index/segment.js';

export interface Posting {
  doc: number;
  mask: number;
  tfs: number[];
}

/** Fields of the segments built here (three scored). */
export const POSTINGS_FIELDS = 6;

export function postingsSegment(terms: ReadonlyArray<[string, Posting[]]>, defaultMask = 4): SegmentData {
  const builder = new SegmentBuilder(64, undefined, defaultMask);
  for (const [name, postings] of terms) {
    builder.startTerm(name, false);
    for (const p of postings) builder.addPosting(p.doc, p.mask, p.tfs, 0, [], 0);
  }
  return builder.finish({
    numDocs: 1,
    fieldCount: POSTINGS_FIELDS,
    scoredCount: 3,
    fieldLengths: new Uint32Array(3),
    dates: new Float64Array(1),
    storedOffsets: new Uint32Array(2),
    stored: new Uint8Array(0),
    storedSymbols: new Uint8Array(0),
    ids: ['d0'],
  });
}
