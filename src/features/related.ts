// More-like-this: a document's most significant terms (tf × idf, from its stored text or, failing
// that, from the postings) become a weighted query; the document itself and exact duplicates of it
// (same field lengths and the same score, i.e. the same term vector) are left out.

import { isExactTerm } from '../index/exact-terms.js';
import { isKeywordTerm } from '../index/keyword-terms.js';
import type { Segment } from '../index/segment.js';
import { termFrequencyIn } from '../index/read-posting.js';
import { idf } from '../scoring/bm25f.js';
import type { Bm25fWeights } from '../scoring/bm25f.js';
import { rankTerms, type ScoringTerm } from '../query/executor.js';
import type { RankedDoc } from '../query/top-k.js';
import type { IndexView } from './index-view.js';

/** Terms of the query built from a document. */
const MAX_QUERY_TERMS = 25;

/** Related documents of (segment, doc), best first, without the document and its duplicates. */
export function related(view: IndexView, segment: number, doc: number, weights: Bm25fWeights, limit: number): RankedDoc[] {
  const seg = view.segments[segment]!;
  const tfs = termsOf(seg, doc, view);
  const n = view.docCount;
  const scored: Array<{ term: string; score: number; idf: number }> = [];
  for (const [term, tf] of tfs) {
    const df = view.df(term);
    // A term only this document has finds nothing; one in most documents says nothing.
    if (df < 2 || df > n / 2) continue;
    const termIdf = idf(n, df);
    scored.push({ term, score: (1 + Math.log(tf)) * termIdf, idf: termIdf });
  }
  scored.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1));
  const mask = (1 << view.layout.scoredCount) - 1;
  const terms: ScoringTerm[] = scored.slice(0, MAX_QUERY_TERMS).map((t) => ({ term: t.term, fieldMask: mask, weight: t.score }));
  if (terms.length === 0) return [];
  // Room for the document itself and a few duplicates; they are dropped below.
  const ranked = rankTerms(view.segments, terms, weights, limit + 16, undefined).hits;
  const self = ranked.find((h) => h.segment === segment && h.doc === doc);
  const width = view.layout.scoredCount;
  const lengths = (s: number, d: number): string => view.segments[s]!.data.fieldLengths.subarray(d * width, (d + 1) * width).join(',');
  const own = lengths(segment, doc);
  return ranked
    .filter((h) => !(h.segment === segment && h.doc === doc))
    .filter((h) => self === undefined || h.score !== self.score || lengths(h.segment, h.doc) !== own)
    .slice(0, limit);
}

/** Term → tf (summed over scored fields) of one document, by walking the segment's postings. */
function termsOf(segment: Segment, doc: number, view: IndexView): Map<string, number> {
  const data = segment.data;
  const out = new Map<string, number>();
  // Every ordinal is visited without asking the dictionary for it: a loaded segment decodes all first.
  data.dictionary.decodeAllMetadata();
  const terms = data.dictionary.terms;
  const scoredMask = (1 << view.layout.scoredCount) - 1;
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]!;
    if (isExactTerm(term) || isKeywordTerm(term)) continue;
    const tf = tfIn(data, t, doc, scoredMask);
    if (tf > 0) out.set(term, tf);
  }
  return out;
}

/** tf of term `ordinal` in `doc` (0 when absent): the skip entries find the one block to decode. */
function tfIn(data: Segment['data'], ordinal: number, doc: number, fieldMask: number): number {
  return termFrequencyIn(data, ordinal, doc, fieldMask);
}
