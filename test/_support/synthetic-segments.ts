// Segments built straight from generated postings (no analysis): Zipf-skewed document frequencies so
// lists span many blocks, mixed field masks and tfs, random field lengths and user ids, optional
// deletes. For executor tests that need long lists and exact control over the data.
import { Segment } from '../../src/index/segment.js';
import { SegmentBuilder } from '../../src/index/segment-builder.js';
import { Bm25fWeights } from '../../src/scoring/bm25f.js';

/** Scored fields of the synthetic schema (title, date, body) plus one keyword field. */
export const SYNTHETIC_SCORED = 3;
const FIELD_COUNT = 4;

export interface SyntheticOptions {
  numDocs: number;
  /** Distinct terms; term i has a df that falls off like 1 / (i + 1). */
  terms: number;
  /** df of the most frequent term, as a share of numDocs. */
  topShare: number;
  /** Share of documents deleted after building. */
  deleteShare: number;
  /** Share of documents with a date (whole days over a year, many shared); 0 or absent: all dated 0. */
  datedShare?: number;
}

/** The term names of a synthetic vocabulary, in rank order (t000 is the most frequent). */
export function syntheticTerm(rank: number): string {
  return `t${String(rank).padStart(3, '0')}`;
}

/** One segment of generated postings; `idPrefix` keeps user ids distinct across segments. */
export function syntheticSegment(random: () => number, options: SyntheticOptions, idPrefix: string): Segment {
  const { numDocs, terms } = options;
  // Field lengths first: postings must respect them (a field with a tf has a length ≥ that tf).
  const lengths = new Uint32Array(numDocs * SYNTHETIC_SCORED);
  for (let d = 0; d < numDocs; d++) {
    lengths[d * SYNTHETIC_SCORED] = 1 + Math.floor(random() * 15);
    lengths[d * SYNTHETIC_SCORED + 1] = 4;
    lengths[d * SYNTHETIC_SCORED + 2] = random() < 0.05 ? 2000 + Math.floor(random() * 80_000) : 5 + Math.floor(random() * 400);
  }
  const names = Array.from({ length: terms }, (_, i) => syntheticTerm(i)).sort();
  const builder = new SegmentBuilder(1024);
  for (const name of names) {
    const rank = Number(name.slice(1));
    const df = Math.max(1, Math.min(numDocs, Math.round((options.topShare * numDocs) / (rank + 1))));
    const docs = pickDocs(random, numDocs, df);
    // Some terms behave like date words: date field only, tf 1, so many scores tie exactly.
    const dateLike = rank % 7 === 3;
    builder.startTerm(name, true);
    for (const doc of docs) {
      let mask: number;
      if (dateLike) mask = 2;
      else {
        const r = random();
        mask = r < 0.7 ? 4 : r < 0.8 ? 1 : r < 0.87 ? 5 : r < 0.92 ? 2 : r < 0.97 ? 7 : 8 | 4;
      }
      const tfs: number[] = [];
      const pos: number[] = [];
      for (let f = 0; f < FIELD_COUNT; f++) {
        if ((mask & (1 << f)) === 0) continue;
        const cap = f < SYNTHETIC_SCORED ? lengths[doc * SYNTHETIC_SCORED + f]! : 3;
        const r = random();
        const tf = dateLike ? 1 : Math.min(cap, r < 0.75 ? 1 : r < 0.97 ? 2 + Math.floor(random() * 4) : 10 + Math.floor(random() * 200));
        tfs.push(tf);
        for (let i = 0; i < tf; i++) pos.push(i === 0 ? Math.floor(random() * cap) : 1);
      }
      builder.addPosting(doc, mask, tfs, 0, pos, 0);
    }
  }
  // User ids in an order unrelated to DocIds, so ties are broken by something else than doc order.
  const ids = Array.from({ length: numDocs }, (_, d) => `${idPrefix}${String(Math.floor(random() * 1e9)).padStart(9, '0')}-${d}`);
  const data = builder.finish({
    numDocs,
    fieldCount: FIELD_COUNT,
    scoredCount: SYNTHETIC_SCORED,
    fieldLengths: lengths,
    dates: syntheticDates(random, numDocs, options.datedShare ?? 0),
    storedOffsets: new Uint32Array(numDocs + 1),
    stored: new Uint8Array(0),
    storedSymbols: new Uint8Array(0),
    ids,
  });
  const segment = new Segment(data);
  for (let d = 0; d < numDocs; d++) if (random() < options.deleteShare) segment.delete(d);
  return segment;
}

/** Dates by DocId: with `datedShare` > 0, that share dated on one of 365 days, the rest undated (NaN). */
function syntheticDates(random: () => number, numDocs: number, datedShare: number): Float64Array {
  const dates = new Float64Array(numDocs);
  if (datedShare <= 0) return dates;
  for (let d = 0; d < numDocs; d++) dates[d] = random() < datedShare ? Date.UTC(2024, 0, 1) + Math.floor(random() * 365) * 86_400_000 : NaN;
  return dates;
}

/** `count` distinct DocIds below numDocs, ascending; clustered sometimes, as real lists are. */
function pickDocs(random: () => number, numDocs: number, count: number): number[] {
  const chosen = new Set<number>();
  const clustered = random() < 0.3;
  const center = Math.floor(random() * numDocs);
  while (chosen.size < count) {
    const d = clustered && chosen.size < count / 2 ? Math.abs(center + Math.floor((random() - 0.5) * count)) % numDocs : Math.floor(random() * numDocs);
    chosen.add(d);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** Random but valid search-time parameters: boosts (sometimes 0), b in [0, 1], averages, k1. */
export function randomWeights(random: () => number, allowBOne: boolean): Bm25fWeights {
  const k1s = [0, 0.5, 1.2, 2, 3.5];
  const fields = Array.from({ length: SYNTHETIC_SCORED }, () => {
    const r = random();
    const b = allowBOne && r < 0.1 ? 1 : r < 0.25 ? 0 : random();
    return { boost: random() < 0.1 ? 0 : 0.1 + random() * 3, b, avgLength: 1 + random() * 300 };
  });
  return new Bm25fWeights({ k1: k1s[Math.floor(random() * k1s.length)]! }, fields);
}
