// Evaluates a plan on one segment into a sorted (DocId, score) list: term bags through the BM25F
// accumulator, phrases through positions, filters through columns, booleans through set algebra.

import type { Segment } from '../index/segment.js';
import { forEachPosting } from '../index/segment.js';
import { PositionsBatch, readPositionsBatch } from '../index/read-positions.js';
import type { Bm25fWeights } from '../scoring/bm25f.js';
import { scoreTerms, type ScoringTerm } from './executor.js';
import { conjunction, documentsHoldingAll } from './conjunction.js';
import type { PlanNode } from './plan.js';
import { phraseFrequencyIn } from './phrase-match.js';
import { EMPTY, addScores, intersect, scale, subtract, union, type Sparse } from './sparse.js';

/** The documents of `segment` matching `node`, with their scores. */
export function evaluate(node: PlanNode, segment: Segment, weights: Bm25fWeights): Sparse {
  switch (node.kind) {
    case 'terms':
      return scoreTerms(segment, node.terms, weights);
    case 'phrase':
      return evaluatePhrase(node, segment, weights);
    case 'keyword':
      return keywordDocs(segment, node.term, node.field);
    case 'date':
      return dateDocs(segment, node.from, node.to);
    case 'all':
      return liveDocs(segment);
    case 'none':
      return EMPTY;
    case 'bool': {
      let result = singleTermConjunction(node.must, segment, weights);
      if (result !== undefined && result.length === 0) return EMPTY;
      for (const child of result === undefined ? node.must : []) {
        const r = evaluate(child, segment, weights);
        result = result === undefined ? r : intersect(result, r);
        if (result.length === 0) return EMPTY;
      }
      if (node.should.length > 0) {
        let any: Sparse = EMPTY;
        for (const child of node.should) any = union(any, evaluate(child, segment, weights));
        result = result === undefined ? any : addScores(result, any);
      }
      if (result === undefined) result = liveDocs(segment);
      for (const child of node.mustNot) {
        if (result.length === 0) break;
        result = subtract(result, evaluate(child, segment, weights));
      }
      return scale(result, node.boost);
    }
  }
}

/**
 * The intersection of `must` when it is two or more single-term bags (`a AND b`), by leapfrogging
 * cursors (conjunction.ts); undefined for any other shape (evaluated clause by clause).
 */
function singleTermConjunction(must: readonly PlanNode[], segment: Segment, weights: Bm25fWeights): Sparse | undefined {
  if (must.length < 2) return undefined;
  const terms: ScoringTerm[] = [];
  for (const child of must) {
    if (child.kind !== 'terms' || child.terms.length !== 1) return undefined;
    terms.push(child.terms[0]!);
  }
  return conjunction(segment, terms, weights);
}

function liveDocs(segment: Segment): Sparse {
  const n = segment.numDocs;
  const docs = new Int32Array(segment.liveDocs);
  let k = 0;
  for (let d = 0; d < n; d++) if (!segment.deletes.has(d)) docs[k++] = d;
  return { docs, scores: new Float64Array(k), length: k };
}

function dateDocs(segment: Segment, from: number, to: number): Sparse {
  const dates = segment.data.dates.value;
  const docs: number[] = [];
  for (let d = 0; d < dates.length; d++) {
    const t = dates[d]!;
    // NaN (undated) fails both comparisons: undated documents never match a date filter.
    if (t >= from && t < to && !segment.deletes.has(d)) docs.push(d);
  }
  return { docs: Int32Array.from(docs), scores: new Float64Array(docs.length), length: docs.length };
}

function keywordDocs(segment: Segment, term: string, field: number): Sparse {
  const ordinal = segment.data.dictionary.lookup(term);
  if (ordinal < 0) return EMPTY;
  const docs: number[] = [];
  const bit = 1 << field;
  forEachPosting(segment.data, ordinal, (doc, mask) => {
    if ((mask & bit) !== 0 && !segment.deletes.has(doc)) docs.push(doc);
  });
  return { docs: Int32Array.from(docs), scores: new Float64Array(docs.length), length: docs.length };
}

function evaluatePhrase(node: Extract<PlanNode, { kind: 'phrase' }>, segment: Segment, weights: Bm25fWeights): Sparse {
  const data = segment.data;
  const ordinals: number[] = [];
  for (const t of node.terms) {
    const o = data.dictionary.lookup(t.term);
    if (o < 0) return EMPTY;
    ordinals.push(o);
  }
  // Candidates: live documents holding every term in an allowed field (a leapfrog led by the rarest).
  const docs = documentsHoldingAll(segment, ordinals, node.fieldMask, weights);
  if (docs.length === 0) return EMPTY;
  const offsets = node.terms.map((t) => t.offset);
  const width = data.scoredCount;
  const n = docs.length;
  // Each term's positions for every candidate, one walk per block (candidates are ascending).
  const terms = ordinals.length;
  while (phraseBatches.length < terms) phraseBatches.push(new PositionsBatch());
  const lists: Int32Array[] = [];
  for (let i = 0; i < terms; i++) {
    readPositionsBatch(data, ordinals[i]!, docs, n, phraseBatches[i]!);
    lists.push(phraseBatches[i]!.pos);
  }
  const starts = new Int32Array(terms);
  const ends = new Int32Array(terms);
  const outDocs: number[] = [];
  const outScores: number[] = [];
  for (let j = 0; j < n; j++) {
    const doc = docs[j]!;
    let pseudoTf = 0;
    for (let m = node.fieldMask; m !== 0; ) {
      const low = m & -m;
      m ^= low;
      const f = 31 - Math.clz32(low);
      if (f >= width) continue;
      for (let i = 0; i < terms; i++) {
        const batch = phraseBatches[i]!;
        const slot = j * batch.fieldCount + f;
        starts[i] = batch.start[slot]!;
        ends[i] = batch.start[slot]! + (batch.found[j] === 1 ? batch.tf[slot]! : 0);
      }
      const freq = phraseFrequencyIn(lists, starts, ends, offsets, node.slop);
      if (freq > 0) pseudoTf += weights.fieldPart(f, freq, data.fieldLengths[doc * width + f]!);
    }
    if (pseudoTf === 0) continue;
    outDocs.push(doc);
    outScores.push((node.weight * pseudoTf) / (pseudoTf + weights.k1));
  }
  return { docs: Int32Array.from(outDocs), scores: Float64Array.from(outScores), length: outDocs.length };
}

/** Position batches of the phrase evaluator, one per phrase term, reused across searches. */
const phraseBatches: PositionsBatch[] = [];

