// The leapfrog AND (conjunction.ts) against the clause-by-clause evaluation it replaces: on
// generated segments (lists of many blocks, mixed fields, deletes, zero boosts), the same documents
// with the same float scores as intersecting each term's accumulated list; phrase candidates equal
// the documents holding every term in an allowed field.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { forEachPosting } from '../../src/index/segment.js';
import { conjunction, documentsHoldingAll } from '../../src/query/conjunction.js';
import { scoreTerms, type ScoringTerm } from '../../src/query/executor.js';
import { intersect, type Sparse } from '../../src/query/sparse.js';
import { randomWeights, syntheticSegment, syntheticTerm, SYNTHETIC_SCORED } from '../_support/synthetic-segments.js';
import { rng } from '../_support/random.js';

const VOCABULARY = 80;

function asPairs(s: Sparse): Array<[number, number]> {
  return Array.from({ length: s.length }, (_, i) => [s.docs[i]!, s.scores[i]!]);
}

for (const seed of [1, 2, 3]) {
  test(`leapfrog AND equals chained intersections, float for float (seed ${seed})`, () => {
    const random = rng(seed);
    const segment = syntheticSegment(random, { numDocs: 5000, terms: VOCABULARY, topShare: 0.7, deleteShare: seed === 2 ? 0.08 : 0 }, 's');
    const all = (1 << SYNTHETIC_SCORED) - 1;
    let nonEmpty = 0;
    for (let q = 0; q < 80; q++) {
      const weights = randomWeights(random, q % 9 === 8);
      const n = 2 + Math.floor(random() * 3);
      const terms: ScoringTerm[] = [];
      for (let i = 0; i < n; i++) {
        const r = random();
        const rank = Math.floor(r * r * VOCABULARY);
        terms.push({ term: random() < 0.03 ? 'absent' : syntheticTerm(rank), weight: 0.1 + random() * 6, fieldMask: random() < 0.7 ? all : 1 + Math.floor(random() * all) });
      }
      let expected: Sparse | undefined;
      for (const term of terms) {
        const list = scoreTerms(segment, [term], weights);
        expected = expected === undefined ? list : intersect(expected, list);
      }
      const got = conjunction(segment, terms, weights)!;
      assert.equal(asPairs(got), asPairs(expected!), `query ${q}: ${terms.map((t) => `${t.term}/${t.fieldMask}`).join(' ')}`);
      if (got.length > 0) nonEmpty++;
    }
    assert.ok(nonEmpty > 10, `only ${nonEmpty} non-empty intersections`);
  });
}

test('a clause that cannot be scored alone is left to the general evaluation', () => {
  const random = rng(4);
  const segment = syntheticSegment(random, { numDocs: 500, terms: 20, topShare: 0.5, deleteShare: 0 }, 's');
  const weights = randomWeights(random, false);
  assert.is(conjunction(segment, [{ term: syntheticTerm(0), weight: 1, fieldMask: 7 }, { term: syntheticTerm(1), weight: -0.5, fieldMask: 7 }], weights), undefined);
  assert.is(conjunction(segment, [{ term: syntheticTerm(0), weight: 1, fieldMask: 7 }, { term: syntheticTerm(1), weight: Infinity, fieldMask: 7 }], weights), undefined);
});

test('phrase candidates are the live documents holding every term in an allowed field', () => {
  const random = rng(5);
  const segment = syntheticSegment(random, { numDocs: 4000, terms: 40, topShare: 0.8, deleteShare: 0.05 }, 's');
  const weights = randomWeights(random, false);
  const data = segment.data;
  for (let q = 0; q < 40; q++) {
    const fieldMask = 1 + Math.floor(random() * 7);
    const ordinals = Array.from({ length: 2 + Math.floor(random() * 2) }, () => data.dictionary.lookup(syntheticTerm(Math.floor(random() * random() * 40))));
    let expected: Set<number> | undefined;
    for (const ordinal of ordinals) {
      const docs = new Set<number>();
      forEachPosting(data, ordinal, (doc, mask) => {
        if ((mask & fieldMask) !== 0 && !segment.deletes.has(doc)) docs.add(doc);
      });
      expected = expected === undefined ? docs : new Set([...expected].filter((d) => docs.has(d)));
    }
    assert.equal([...documentsHoldingAll(segment, ordinals, fieldMask, weights)], [...expected!].sort((a, b) => a - b), `query ${q}`);
  }
});

test.run();
