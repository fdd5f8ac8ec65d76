// The leapfrog AND (conjunction.ts) against the clause-by-clause evaluation it replaces: on
// generated segments (lists of many blocks, mixed fields, deletes, zero boosts), the same documents
// with the same float scores as intersecting each term's accumulated list; phrase candidates equal
// the documents holding every term in an allowed field. Ranked with block-max bounds, the same top k
// and the same count as offering every intersected document to a heap.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { forEachPosting } from '../../src/index/segment.js';
import { conjunction, documentsHoldingAll, rankConjunction } from '../../src/query/conjunction.js';
import { TopK } from '../../src/query/top-k.js';
import { scoreTerms, type ScoringTerm } from '../../src/query/executor.js';
import { intersect, type Sparse } from '../../src/query/sparse.js';
import { randomWeights, syntheticSegment, syntheticTerm, SYNTHETIC_SCORED } from '../_support/synthetic-segments.js';
import { rng, zipfText, zipfWords } from '../_support/random.js';
import { Bm25fWeights } from '../../src/scoring/bm25f.js';
import { SearchIndex } from '../../src/index.js';

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

test('ranked AND keeps the top k of the intersections and counts them all, across segments', () => {
  const random = rng(6);
  const segments = [0, 1, 2].map((i) => syntheticSegment(random, { numDocs: 3000 + i * 1500, terms: VOCABULARY, topShare: 0.7, deleteShare: i === 1 ? 0.08 : 0 }, `s${i}`));
  const all = (1 << SYNTHETIC_SCORED) - 1;
  let skipped = 0;
  let nonEmpty = 0;
  // The weights the first segment's block bounds were made for: its bounds are tight under them.
  const reference = segments[0]!.data.boundReference;
  const referenceWeights = (k1: number): Bm25fWeights =>
    new Bm25fWeights({ k1 }, Array.from(reference.boost, (boost, f) => ({ boost, b: 1 - reference.normA[f]!, avgLength: (1 - reference.normA[f]!) / reference.normB[f]! })));
  for (let q = 0; q < 150; q++) {
    const weights = q % 3 === 0 ? referenceWeights([1.2, 2][q % 2]!) : randomWeights(random, q % 9 === 8);
    const n = 2 + Math.floor(random() * 3);
    const terms: ScoringTerm[] = [];
    for (let i = 0; i < n; i++) {
      const r = random();
      const rank = Math.floor(r * r * 20);
      terms.push({ term: random() < 0.02 ? 'absent' : syntheticTerm(rank), weight: 0.1 + random() * 6, fieldMask: random() < 0.8 ? all : 1 + Math.floor(random() * all) });
    }
    const boost = [1, 0.5, 2.5][q % 3]!;
    const k = [1, 10, 50][q % 4 === 0 ? 2 : q % 2]!;
    const floor = q % 5 === 0 ? { rank: Math.max(1, k >> 1), ratio: 1 } : undefined;
    const expected = new TopK(k, floor);
    const actual = new TopK(k, floor);
    let expectedTotal = 0;
    let actualTotal = 0;
    segments.forEach((segment, s) => {
      const list = conjunction(segment, terms, weights)!;
      const ids = segment.data.ids.value;
      for (let i = 0; i < list.length; i++) {
        const score = boost === 1 ? list.scores[i]! : list.scores[i]! * boost;
        const id = ids[list.docs[i]!]!;
        if (expected.wouldAccept(score, id)) expected.offer(score, s, list.docs[i]!, id);
      }
      expectedTotal += list.length;
      actualTotal += rankConjunction(segment, s, terms, weights, boost, actual);
    });
    const context = `query ${q}: ${terms.map((t) => `${t.term}/${t.fieldMask}`).join(' ')} ^${boost} k ${k}`;
    assert.is(actualTotal, expectedTotal, context);
    assert.equal(actual.drain(), expected.drain(), context);
    if (expectedTotal > k) {
      nonEmpty++;
      skipped += expectedTotal - k;
    }
  }
  assert.ok(nonEmpty > 30 && skipped > 10_000, `${nonEmpty} queries with more matches than k, ${skipped} beyond k`);
});

test('AND searches rank and count as the clause-by-clause evaluation does, with block bounds that skip', () => {
  // News-like text (tf mostly 1–3, a Zipf vocabulary): block bounds are tight enough to skip, unlike
  // the synthetic lists above. A filter that accepts everything sends the same query down the
  // general evaluation, the oracle.
  const random = rng(7);
  const words = zipfWords(400);
  const text = (n: number): string => zipfText(random, words, n);
  let compared = 0;
  for (const maxBufferedDocs of [10_000, 1_500]) {
    const index = new SearchIndex({ maxBufferedDocs });
    for (let i = 0; i < 4000; i++) index.add({ id: `d${i}`, title: text(1 + Math.floor(random() * 8)), body: text(20 + Math.floor(random() * 180)) });
    for (let i = 0; i < 4000; i += 37) index.remove(`d${i}`);
    for (let q = 0; q < 40; q++) {
      const n = 2 + Math.floor(random() * 2);
      const query = Array.from({ length: n }, () => words[Math.floor(random() ** 2 * 60)]!).join(' AND ') + (q % 4 === 3 ? ' title:w1' : '');
      for (const limit of [1, 10, 25]) {
        const got = index.search(query, { limit });
        const expected = index.search(query, { limit, filter: () => true });
        assert.is(got.total, expected.total, `${maxBufferedDocs}: ${query}`);
        assert.equal(got.hits.map((h) => [h.id, h.score]), expected.hits.map((h) => [h.id, h.score]), `${maxBufferedDocs}: ${query} top ${limit}`);
        compared++;
      }
    }
  }
  assert.ok(compared === 240);
});

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
  randomWeights(random, false); // drawn as before, so the queries below stay the same
  const data = segment.data;
  let nonEmpty = 0;
  for (let q = 0; q < 200; q++) {
    const fieldMask = 1 + Math.floor(random() * 7);
    // One to four terms, common and rare (long lists of many blocks, short ones of one), repeats allowed.
    const ordinals = Array.from({ length: 1 + Math.floor(random() * 4) }, () => data.dictionary.lookup(syntheticTerm(Math.floor(random() * random() * 40))));
    let expected: Set<number> | undefined;
    for (const ordinal of ordinals) {
      const docs = new Set<number>();
      forEachPosting(data, ordinal, (doc, mask) => {
        if ((mask & fieldMask) !== 0 && !segment.deletes.has(doc)) docs.add(doc);
      });
      expected = expected === undefined ? docs : new Set([...expected].filter((d) => docs.has(d)));
    }
    assert.equal([...documentsHoldingAll(segment, ordinals, fieldMask)], [...expected!].sort((a, b) => a - b), `query ${q}`);
    if (expected!.size > 0) nonEmpty++;
  }
  assert.ok(nonEmpty > 50, `non-empty ${nonEmpty}`);
});

test.run();
