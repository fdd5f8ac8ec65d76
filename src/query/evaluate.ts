// Evaluates a plan on one segment into a sorted (DocId, score) list: term bags through the BM25F
// accumulator, phrases through positions, filters through columns, booleans through set algebra.

import type { Segment } from '../index/segment.js';
import { forEachPosting } from '../index/segment.js';
import { PositionsBatch, readPositionsBatch } from '../index/read-positions.js';
import type { Bm25fWeights } from '../scoring/bm25f.js';
import { scoreTerms, type ScoringTerm } from './executor.js';
import { conjunction, documentsHoldingAll } from './conjunction.js';
import type { PlanNode } from './plan.js';
import { pairFrequency, phraseFrequencyIn } from './phrase-match.js';
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
  // A word repeated in the phrase is one list: its postings are led and its positions read once
  // ("sales" × 1,666 read them 1,666 times: 5.7 s and 900 MB on 20,000 documents).
  const terms = ordinals.length;
  const batchOf = new Int32Array(terms);
  const distinct: number[] = [];
  for (let i = 0; i < terms; i++) {
    const seen = distinct.indexOf(ordinals[i]!);
    batchOf[i] = seen >= 0 ? seen : distinct.push(ordinals[i]!) - 1;
  }
  // Candidates: live documents holding every term in an allowed field (a leapfrog led by the rarest).
  const docs = documentsHoldingAll(segment, distinct, node.fieldMask);
  if (docs.length === 0) return EMPTY;
  const offsets = node.terms.map((t) => t.offset);
  const width = data.scoredCount;
  const n = docs.length;
  // Each distinct term's positions for every candidate, one walk per block (candidates are ascending).
  while (phraseBatches.length < distinct.length) phraseBatches.push(new PositionsBatch());
  for (let d = 0; d < distinct.length; d++) readPositionsBatch(data, distinct[d]!, docs, n, phraseBatches[d]!);
  const batches: PositionsBatch[] = [];
  const lists: Int32Array[] = [];
  for (let i = 0; i < terms; i++) {
    batches.push(phraseBatches[batchOf[i]!]!);
    lists.push(batches[i]!.pos);
  }
  // Scored fields of the phrase: a field past them has no length to score with.
  const scored = width >= 31 ? node.fieldMask : node.fieldMask & ((1 << width) - 1);
  if (terms === 2 && node.slop === 0) return exactPairs(node, data, docs, scored, offsets[1]! - offsets[0]!, weights, batches[0]!, batches[1]!);
  const starts = new Int32Array(terms);
  const ends = new Int32Array(terms);
  const outDocs: number[] = [];
  const outScores: number[] = [];
  for (let j = 0; j < n; j++) {
    const doc = docs[j]!;
    // Only fields every term has positions in can hold the phrase (a candidate holds each term in
    // some allowed field, not always the same one).
    let common = scored;
    for (let i = 0; i < terms && common !== 0; i++) {
      const batch = batches[i]!;
      common &= batch.found[j] === 1 ? batch.masks[j]! : 0;
    }
    let pseudoTf = 0;
    for (let m = common; m !== 0; ) {
      const low = m & -m;
      m ^= low;
      const f = 31 - Math.clz32(low);
      for (let i = 0; i < terms; i++) {
        const batch = batches[i]!;
        const slot = j * batch.fieldCount + f;
        starts[i] = batch.start[slot]!;
        ends[i] = batch.start[slot]! + batch.tf[slot]!;
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

/**
 * {@link evaluatePhrase} for two words at slop 0 (most phrases), once both batches are read: the
 * same scores, with each batch's arrays in locals rather than looked up per candidate and term
 * (that lookup was a quarter of the evaluator on a 200k-document corpus).
 */
function exactPairs(
  node: Extract<PlanNode, { kind: 'phrase' }>,
  data: Segment['data'],
  docs: Int32Array,
  scored: number,
  shift: number,
  weights: Bm25fWeights,
  first: PositionsBatch,
  second: PositionsBatch,
): Sparse {
  const F = first.fieldCount;
  const { found: foundA, masks: masksA, start: startA, tf: tfA, pos: posA } = first;
  const { found: foundB, masks: masksB, start: startB, tf: tfB, pos: posB } = second;
  const width = data.scoredCount;
  const lengths = data.fieldLengths;
  const outDocs: number[] = [];
  const outScores: number[] = [];
  for (let j = 0; j < docs.length; j++) {
    if (foundA[j] === 0 || foundB[j] === 0) continue;
    const common = scored & masksA[j]! & masksB[j]!;
    if (common === 0) continue;
    const doc = docs[j]!;
    let pseudoTf = 0;
    for (let m = common; m !== 0; ) {
      const low = m & -m;
      m ^= low;
      const f = 31 - Math.clz32(low);
      const slot = j * F + f;
      const a = startA[slot]!;
      const b = startB[slot]!;
      const freq = pairFrequency(posA, a, a + tfA[slot]!, posB, b, b + tfB[slot]!, shift);
      if (freq > 0) pseudoTf += weights.fieldPart(f, freq, lengths[doc * width + f]!);
    }
    if (pseudoTf === 0) continue;
    outDocs.push(doc);
    outScores.push((node.weight * pseudoTf) / (pseudoTf + weights.k1));
  }
  return { docs: Int32Array.from(outDocs), scores: Float64Array.from(outScores), length: outDocs.length };
}

/** Position batches of the phrase evaluator, one per distinct phrase term, reused across searches. */
const phraseBatches: PositionsBatch[] = [];

