// Oracle test of dynamic pruning: on generated segments (skewed vocabularies so lists span many
// blocks, several segments, deletes, exact score ties) and generated bags of 1–5 terms with random
// weights, tie-breakers and parameters, the pruned top-k — ids, segments, DocIds, exact scores — and
// the match count equal exhaustive scoring, for k in {1, 10, 100}, with and without a filter.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Segment } from '../../src/index/segment.js';
import { rankTerms, rankTermsExhaustive, type CandidateFilter, type RankedResult, type ScoringTerm } from '../../src/query/executor.js';
import type { RankedDoc } from '../../src/query/top-k.js';
import { pruningApplies, rankTermsPruned } from '../../src/query/pruned-rank.js';
import { randomWeights, syntheticSegment, syntheticTerm, SYNTHETIC_SCORED } from '../_support/synthetic-segments.js';
import { rng } from '../_support/random.js';

const VOCABULARY = 120;

/**
 * A ranking as the facade sees it: hits (without `held`, what each path happened to learn of the
 * hits' terms for proximity; test/query/held-terms.test.ts checks it) and the total.
 */
function ranked(result: RankedResult): { hits: Omit<RankedDoc, 'held'>[]; total: number } {
  return { hits: result.hits.map(({ segment, doc, id, score }) => ({ segment, doc, id, score })), total: result.total };
}

function corpus(seed: number): Segment[] {
  const random = rng(seed);
  // One segment large enough that its frequent terms take the pruned path of rankTerms (≥ 2,048 postings).
  return [
    syntheticSegment(random, { numDocs: 6000, terms: VOCABULARY, topShare: 0.6, deleteShare: seed % 2 === 0 ? 0.05 : 0 }, 'a'),
    syntheticSegment(random, { numDocs: 1500, terms: VOCABULARY, topShare: 0.9, deleteShare: 0.1 }, 'b'),
    syntheticSegment(random, { numDocs: 300, terms: VOCABULARY / 2, topShare: 0.5, deleteShare: 0 }, 'c'),
  ];
}

function randomBag(random: () => number): ScoringTerm[] {
  const n = 1 + Math.floor(random() * 5);
  const bag: ScoringTerm[] = [];
  const all = (1 << SYNTHETIC_SCORED) - 1;
  for (let i = 0; i < n; i++) {
    // Frequent terms more often: their lists are the ones pruning works on.
    const r = random();
    const rank = Math.floor(r * r * r * VOCABULARY);
    // Tie-breakers anywhere in the bag, even first: a document reached by one before any positive
    // term must not take its (negative) contribution.
    const negative = random() < 0.25;
    const weight = negative ? -0.01 * (0.1 + random() * 5) : random() < 0.05 ? 0 : 0.1 + random() * 8;
    const fieldMask = random() < 0.7 ? all : 1 + Math.floor(random() * all);
    bag.push({ term: random() < 0.03 ? 'absent' : syntheticTerm(rank), weight, fieldMask });
  }
  return bag;
}

function describe(bag: readonly ScoringTerm[]): string {
  return bag.map((t) => `${t.term}:${t.weight.toFixed(4)}:${t.fieldMask}`).join(' ');
}

for (const seed of [1, 2, 3, 4]) {
  test(`pruned top-k and totals equal exhaustive scoring (seed ${seed})`, () => {
    const segments = corpus(seed);
    const random = rng(seed * 7919);
    let pruned = 0;
    for (let q = 0; q < 60; q++) {
      const weights = randomWeights(random, q % 10 === 9);
      const bag = randomBag(random);
      const filter: CandidateFilter | undefined = q % 4 === 3 ? (s, doc) => (doc * 2654435761 + s) % 5 !== 0 : undefined;
      for (const k of [1, 10, 100]) {
        const label = `seed ${seed} query ${q} k ${k}: ${describe(bag)}`;
        const expected = ranked(rankTermsExhaustive(segments, bag, weights, k, filter));
        assert.equal(ranked(rankTerms(segments, bag, weights, k, filter)), expected, label);
        if (pruningApplies(weights)) {
          pruned++;
          assert.equal(ranked(rankTermsPruned(segments, bag, weights, k, filter)), expected, `${label} (MaxScore forced)`);
        }
      }
    }
    assert.ok(pruned > 100, `pruning ran ${pruned} times`);
  });
}

test('one long list: block-max skips still keep every tie and the exact total', () => {
  const segments = corpus(11);
  const random = rng(5);
  for (let q = 0; q < 40; q++) {
    const weights = randomWeights(random, false);
    // The most frequent terms alone, including date-like ones whose scores all tie.
    const bag: ScoringTerm[] = [{ term: syntheticTerm(q % 8), weight: 0.5 + random() * 4, fieldMask: (1 << SYNTHETIC_SCORED) - 1 }];
    for (const k of [1, 10, 100]) {
      const expected = ranked(rankTermsExhaustive(segments, bag, weights, k, undefined));
      assert.equal(ranked(rankTerms(segments, bag, weights, k, undefined)), expected, `${describe(bag)} k ${k}`);
      assert.equal(ranked(rankTermsPruned(segments, bag, weights, k, undefined)), expected, `${describe(bag)} k ${k} forced`);
    }
  }
});

test('k = 0 still counts every match', () => {
  const segments = corpus(12);
  const random = rng(6);
  for (let q = 0; q < 20; q++) {
    const weights = randomWeights(random, false);
    const bag = randomBag(random);
    const expected = ranked(rankTermsExhaustive(segments, bag, weights, 0, undefined));
    assert.equal(expected.hits, []);
    assert.equal(ranked(rankTerms(segments, bag, weights, 0, undefined)), expected);
    assert.equal(ranked(rankTermsPruned(segments, bag, weights, 0, undefined)), expected);
  }
});

test('a filter that searches again (re-entrant ranking) gets the same answers', () => {
  const segments = corpus(13);
  const random = rng(7);
  const weights = randomWeights(random, false);
  const inner: ScoringTerm[] = [{ term: syntheticTerm(1), weight: 2, fieldMask: 7 }];
  const bag: ScoringTerm[] = [{ term: syntheticTerm(0), weight: 3, fieldMask: 7 }];
  const filter: CandidateFilter = (s, doc) => {
    // A nested pruned search in the middle of the outer one must not disturb it.
    rankTermsPruned(segments, inner, weights, 5, undefined);
    return (doc + s) % 3 !== 0;
  };
  assert.equal(ranked(rankTermsPruned(segments, bag, weights, 10, filter)), ranked(rankTermsExhaustive(segments, bag, weights, 10, filter)));
});

test.run();
