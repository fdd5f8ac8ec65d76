// Oracle test: on generated documents and queries, the engine's top-k equals a brute-force BM25F
// scan of the raw text, across flushes, merges and a save/load round trip.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SearchIndex, englishAnalyzer, type Schema } from '../../src/index.js';
import { bruteForceBm25f, type OracleDoc, type OracleField } from '../_support/brute-force.js';
import { randomDate, randomText, rng } from '../_support/random.js';

const schema: Schema = {
  title: { type: 'text', boost: 2.5, b: 0.4, stored: true },
  date: { type: 'date', boost: 0.7, b: 0 },
  body: { type: 'text', boost: 1, b: 0.8 },
};
const fields: OracleField[] = [
  { name: 'title', boost: 2.5, b: 0.4, kind: 'text' },
  { name: 'date', boost: 0.7, b: 0, kind: 'date' },
  { name: 'body', boost: 1, b: 0.8, kind: 'text' },
];

function check(index: SearchIndex, docs: OracleDoc[], query: string, k: number, label: string): void {
  const expected = bruteForceBm25f(docs, query, fields, englishAnalyzer(), 1.2);
  // Proximity rescoring is a separate layer (test/query/ranking-guarantees.test.ts); the oracle is BM25F.
  const result = index.search(query, { limit: k, proximity: false });
  assert.equal(result.total, expected.size, `${label}: total for "${query}"`);
  const best = [...expected.values()].sort((a, b) => b - a).slice(0, k);
  assert.equal(result.hits.length, best.length, `${label}: hit count`);
  result.hits.forEach((hit, i) => {
    const oracle = expected.get(hit.id);
    assert.ok(oracle !== undefined, `${label}: ${hit.id} should not match "${query}"`);
    assert.ok(Math.abs(hit.score - oracle) <= 1e-9 * Math.max(1, oracle), `${label}: score of ${hit.id}`);
    assert.ok(Math.abs(hit.score - best[i]!) <= 1e-9 * Math.max(1, best[i]!), `${label}: rank ${i} for "${query}"`);
  });
}

for (const seed of [1, 2, 3, 4, 5]) {
  test(`top-k equals brute-force BM25F (seed ${seed})`, () => {
    const random = rng(seed);
    const docs: OracleDoc[] = [];
    for (let i = 0; i < 150; i++) {
      docs.push({ id: `d${i}`, title: randomText(random, 6), body: randomText(random, 60), date: randomDate(random) });
    }
    // Small buffers force several segments and merges.
    const index = new SearchIndex({ schema, k1: 1.2, maxBufferedDocs: 17, maxSegments: 3 });
    for (const d of docs) index.add({ ...d, title: d['title'] ?? '', body: d['body'] ?? '', id: d.id });
    const queries: string[] = [];
    for (let q = 0; q < 40; q++) queries.push(randomText(random, 4) || 'port');
    queries.push('march 2024', '2023', 'port port harbour', 'U.S. box-type');
    const loaded = SearchIndex.deserialize(index.serialize());
    for (const query of queries) {
      for (const k of [1, 10, 1000]) {
        check(index, docs, query, k, `seed ${seed}`);
        check(loaded, docs, query, k, `seed ${seed} loaded`);
      }
    }
  });
}

test('fields longer than 65,535 tokens score exactly (16-bit length columns fall back to the full length)', () => {
  const random = rng(77);
  const docs: OracleDoc[] = [];
  for (let i = 0; i < 12; i++) {
    // Every third body is past the 16-bit length columns' range.
    const words = i % 3 === 0 ? 66_000 + i : 40 + i;
    docs.push({ id: `d${i}`, title: randomText(random, 5), body: randomText(random, words), date: randomDate(random) });
  }
  const index = new SearchIndex({ schema, k1: 1.2 });
  for (const d of docs) index.add({ ...d, title: d['title'] ?? '', body: d['body'] ?? '', id: d.id });
  for (let q = 0; q < 15; q++) {
    const query = randomText(random, 2) || 'port';
    check(index, docs, query, 10, 'long fields');
  }
});

test.run();
