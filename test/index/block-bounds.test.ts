// Block bounds: a one-byte code is the smallest power of 2^(1/8) over a block's largest reference
// t̃, and scaled to any query's weights (boosts, b, average lengths, k1) it bounds every posting's
// contribution in the block; under the reference weights it is within a code step of the best one.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BOUND_UNBOUNDED, BOUND_VALUES, BOUND_ZERO, BoundScale, encodeBound } from '../../src/index/block-bounds.js';
import { Bm25fWeights } from '../../src/scoring/bm25f.js';
import { SearchIndex } from '../../src/index.js';
import { NO_MORE, SLACK, TermCursor } from '../../src/query/term-cursor.js';
import { randomWeights, syntheticSegment, syntheticTerm, SYNTHETIC_SCORED } from '../_support/synthetic-segments.js';
import { rng } from '../_support/random.js';

test('encodeBound gives the smallest code whose value covers t̃', () => {
  const random = rng(3);
  assert.is(encodeBound(0), BOUND_ZERO);
  assert.is(encodeBound(NaN), BOUND_UNBOUNDED);
  assert.is(encodeBound(Infinity), BOUND_UNBOUNDED);
  assert.is(encodeBound(1e9), BOUND_UNBOUNDED);
  assert.is(encodeBound(Number.MIN_VALUE), 1, 'the smallest positive t̃ takes the smallest code');
  for (let i = 0; i < 20_000; i++) {
    // Values across the whole coded range, and exactly on code values (where rounding bites).
    const t = i % 4 === 0 ? BOUND_VALUES[1 + Math.floor(random() * 253)]! : 2 ** (random() * 36 - 18);
    const c = encodeBound(t);
    if (c === BOUND_UNBOUNDED) {
      assert.ok(t > BOUND_VALUES[BOUND_UNBOUNDED - 1]!, `${t} is codable`);
      continue;
    }
    assert.ok(BOUND_VALUES[c]! >= t, `code ${c} under ${t}`);
    if (c > 1) assert.ok(BOUND_VALUES[c - 1]! < t, `code ${c} is not the smallest for ${t}`);
    assert.ok(BOUND_VALUES[c]! <= t * 2 ** (1 / 8) * (1 + 1e-12) || c === 1, `code ${c} is more than a step over ${t}`);
  }
});

/** Walks every posting of `term` in `segment`, checking its contribution against its block's bound; returns the largest bound / max ratio seen. */
function checkTerm(segment: ReturnType<typeof syntheticSegment>, term: string, weights: Bm25fWeights, weight: number, fields: number): { postings: number; worst: number } {
  const data = segment.data;
  const ordinal = data.dictionary.lookup(term);
  if (ordinal < 0) return { postings: 0, worst: 0 };
  const cursor = new TermCursor();
  cursor.open(data, ordinal, 0, weight, fields, weights);
  let postings = 0;
  let worst = 0;
  let blockMax = 0;
  let blockBound = -1;
  let blockEnd = -1;
  for (let target = 0; ; ) {
    cursor.advance(target);
    if (cursor.doc === NO_MORE) break;
    const doc = cursor.doc;
    if (doc > blockEnd) {
      if (blockBound > 0 && blockMax > 0) worst = Math.max(worst, blockBound / blockMax);
      blockEnd = cursor.shallow(doc);
      blockBound = cursor.windowBound;
      blockMax = 0;
    }
    const v = cursor.score();
    assert.ok(v <= blockBound * SLACK, `${term} in ${doc}: contribution ${v} over its block's bound ${blockBound}`);
    blockMax = Math.max(blockMax, v);
    postings++;
    target = doc + 1;
  }
  if (blockBound > 0 && blockMax > 0) worst = Math.max(worst, blockBound / blockMax);
  return { postings, worst };
}

test('scaled to random query weights, a block bound covers every contribution in the block', () => {
  const random = rng(29);
  const segment = syntheticSegment(random, { numDocs: 6000, terms: 40, topShare: 0.7, deleteShare: 0 }, 's');
  let postings = 0;
  for (let q = 0; q < 60; q++) {
    const weights = randomWeights(random, false);
    const term = syntheticTerm(Math.floor(random() * random() * 40));
    const all = (1 << SYNTHETIC_SCORED) - 1;
    const fields = random() < 0.7 ? all : 1 + Math.floor(random() * all);
    postings += checkTerm(segment, term, weights, 0.1 + random() * 8, fields).postings;
  }
  assert.ok(postings > 30_000, `${postings} postings checked`);
});

test('under the reference weights a bound is within a code step of the block maximum', () => {
  const random = rng(31);
  const segment = syntheticSegment(random, { numDocs: 6000, terms: 40, topShare: 0.7, deleteShare: 0 }, 's');
  const { boost, normA, normB } = segment.data.boundReference;
  // The reference as query weights: normB = b / avg, so avg = (1 − normA) / normB.
  const fields = Array.from({ length: SYNTHETIC_SCORED }, (_, f) => ({ boost: boost[f]!, b: 1 - normA[f]!, avgLength: (1 - normA[f]!) / normB[f]! }));
  for (const k1 of [0.5, 1.2, 2]) {
    const weights = new Bm25fWeights({ k1 }, fields);
    let worst = 0;
    for (let rank = 0; rank < 10; rank++) worst = Math.max(worst, checkTerm(segment, syntheticTerm(rank), weights, 3, (1 << SYNTHETIC_SCORED) - 1).worst);
    // t̃ is over by at most 2^(1/8); the saturation only narrows that.
    assert.ok(worst >= 1 && worst <= 2 ** (1 / 8) * (1 + 1e-9), `k1 ${k1}: a bound ${worst}× its block's best`);
  }
});

test('a field the reference does not weight, or whose norm stops growing, leaves the weight as the bound', () => {
  const scale = new BoundScale();
  const reference = { boost: Float64Array.of(0, 1), normA: Float64Array.of(0.25, 0.25), normB: Float64Array.of(0.01, 0.01) };
  // Field 0: boosted by the query, unweighted in the reference; field 1: b = 0 in the query.
  scale.prepare(reference, { boost: Float64Array.of(2, 1), normA: Float64Array.of(0.25, 1), normB: Float64Array.of(0.01, 0) }, 2);
  assert.is(scale.contribution(100, 0b01, 4, 1.2), 4);
  assert.is(scale.contribution(100, 0b10, 4, 1.2), 4);
  // A block coded 0 saw no t̃ in field 0, which the reference does not weight: still the weight.
  assert.is(scale.contribution(BOUND_ZERO, 0b01, 4, 1.2), 4);
  // Same weights as the reference: the coded t̃ saturated exactly.
  scale.prepare(reference, reference, 2);
  const t = BOUND_VALUES[140]!;
  assert.is(scale.contribution(140, 0b10, 4, 1.2), (4 * t) / (t + 1.2));
  // A query boost of 0 scores nothing in that field.
  scale.prepare(reference, { boost: Float64Array.of(0, 0), normA: reference.normA, normB: reference.normB }, 2);
  assert.is(scale.contribution(140, 0b11, 4, 1.2), 0);
});

test('a field with schema boost 0 boosted by a search is bounded: pruned pages equal the exhaustive order', () => {
  // Format 9's first version coded such blocks 0 and skipped them once the heap was full.
  const index = new SearchIndex({ schema: { title: { type: 'text', boost: 0 }, date: { type: 'date' }, body: { type: 'text' } } });
  for (let i = 0; i < 3000; i++) index.add({ id: `d${i}`, title: i % 2 === 0 ? `zeta news ${i % 7}` : `other ${i % 5}`, body: `plain body words ${i % 11}` });
  index.optimize();
  for (const searched of [index, SearchIndex.deserialize(index.serialize())]) {
    for (const query of ['zeta', 'zeta news', 'zeta plain']) {
      // Above 1,000 results the exhaustive accumulator ranks: the reference order.
      const all = searched.search(query, { boost: { title: 2 }, limit: 3000, proximity: false }).hits.map((h) => h.id);
      for (const limit of [1, 5, 50]) {
        const page = searched.search(query, { boost: { title: 2 }, limit, proximity: false }).hits.map((h) => h.id);
        assert.equal(page, all.slice(0, limit), `${query}, limit ${limit}`);
      }
    }
  }
});

test.run();
