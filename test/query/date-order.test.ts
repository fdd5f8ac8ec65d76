// Date-ordered ranking of word bags (date-order.ts) against scoring every match and offering it to
// the same date heap: the same first k (dates, then scores float for float, then ids) and the same
// count, across segments, deletes, undated documents, date ranges and every kind of weight.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rankSegmentByDate } from '../../src/query/date-order.js';
import { DateTopK } from '../../src/query/date-top-k.js';
import { scoreTerms, type ScoringTerm } from '../../src/query/executor.js';
import { SearchIndex } from '../../src/index.js';
import { randomWeights, syntheticSegment, syntheticTerm, SYNTHETIC_SCORED } from '../_support/synthetic-segments.js';
import { rng, zipfText, zipfWords } from '../_support/random.js';

test('the first k by date and the count equal offering every scored match', () => {
  const random = rng(21);
  const segments = [0, 1, 2].map((i) =>
    syntheticSegment(random, { numDocs: 2000 + i * 1500, terms: 60, topShare: 0.6, deleteShare: i === 1 ? 0.08 : 0, datedShare: i === 2 ? 1 : 0.85 }, `s${i}`),
  );
  const all = (1 << SYNTHETIC_SCORED) - 1;
  let pruned = 0;
  for (let q = 0; q < 150; q++) {
    const weights = randomWeights(random, q % 9 === 8);
    const n = 1 + Math.floor(random() * 3);
    const terms: ScoringTerm[] = [];
    for (let i = 0; i < n; i++) {
      const r = random();
      // Mostly positive weights; some zero, infinite or negative (a tie-breaker never makes a match).
      const weight = r < 0.8 ? 0.1 + random() * 6 : r < 0.87 ? -(0.01 + random()) : r < 0.94 ? 0 : Infinity;
      terms.push({ term: random() < 0.03 ? 'absent' : syntheticTerm(Math.floor(random() ** 2 * 60)), weight, fieldMask: random() < 0.8 ? all : 1 + Math.floor(random() * all) });
    }
    const k = [0, 1, 10, 60][q % 4]!;
    const newest = q % 2 === 0;
    const range = q % 3 === 0 ? { from: Date.UTC(2024, 2, 1), to: Date.UTC(2024, 8, 1) } : undefined;
    const expected = new DateTopK(k, newest);
    const actual = new DateTopK(k, newest);
    let expectedTotal = 0;
    let actualTotal = 0;
    segments.forEach((segment, s) => {
      const dates = segment.data.dates.value;
      const ids = segment.data.ids.value;
      const list = scoreTerms(segment, terms, weights);
      for (let i = 0; i < list.length; i++) {
        const doc = list.docs[i]!;
        const date = dates[doc]!;
        if (range !== undefined && !(date >= range.from && date < range.to)) continue;
        expectedTotal++;
        expected.offer(date, list.scores[i]!, s, doc, ids[doc]!);
      }
      actualTotal += rankSegmentByDate(segment, s, terms, weights, actual, range);
    });
    const context = `query ${q}: ${terms.map((t) => `${t.term}/${t.fieldMask}/${t.weight}`).join(' ')} k ${k} ${newest ? 'newest' : 'oldest'}`;
    assert.is(actualTotal, expectedTotal, context);
    assert.equal(actual.drain(), expected.drain(), context);
    if (expectedTotal > k * 4) pruned++;
  }
  assert.ok(pruned > 50, `only ${pruned} queries with many more matches than k`);
});

test('date-sorted searches equal the general evaluation (a filter that accepts everything takes it)', () => {
  const random = rng(22);
  const words = zipfWords(300);
  const text = (n: number): string => zipfText(random, words, n);
  let compared = 0;
  for (const maxBufferedDocs of [100_000, 700]) {
    const index = new SearchIndex({ maxBufferedDocs });
    for (let i = 0; i < 3000; i++) {
      const r = random();
      // Undated documents, and many sharing a day (ties on the date, broken by score, then id).
      const day = r < 0.3 ? 0 : Math.floor(random() * 60);
      const date = r < 0.1 ? undefined : new Date(Date.UTC(2024, 0, 1) + day * 86_400_000 + Math.floor(random() * 3) * 3_600_000).toISOString();
      index.add({ id: `d${i}`, title: text(1 + Math.floor(random() * 6)), body: text(10 + Math.floor(random() * 100)), ...(date === undefined ? {} : { date }) });
    }
    for (let i = 0; i < 3000; i += 41) index.remove(`d${i}`);
    for (let q = 0; q < 40; q++) {
      const query = Array.from({ length: 1 + Math.floor(random() * 3) }, () => words[Math.floor(random() ** 2 * 200)]!).join(' ') + (q % 5 === 1 ? ' title:w3' : '');
      for (const sort of ['newest', 'oldest'] as const) {
        for (const limit of [1, 10, 40]) {
          for (const extra of [{}, { dateRange: { from: '2024-01-10', to: '2024-02-10' } }, { boost: { title: 0 } }]) {
            const options = { sort, limit, ...extra };
            const got = index.search(query, options);
            const expected = index.search(query, { ...options, filter: () => true });
            const context = `${maxBufferedDocs}: ${query} ${JSON.stringify(options)}`;
            assert.is(got.total, expected.total, context);
            assert.equal(got.hits.map((h) => [h.id, h.score]), expected.hits.map((h) => [h.id, h.score]), context);
            compared++;
          }
        }
      }
    }
  }
  assert.is(compared, 1440);
});

test.run();
