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

test('top-k equals brute-force BM25F on lists long enough for bit-packed blocks', () => {
  const random = rng(11);
  const docs: OracleDoc[] = [];
  for (let i = 0; i < 800; i++) docs.push({ id: `p${i}`, title: randomText(random, 6), body: randomText(random, 40), date: randomDate(random) });
  const index = new SearchIndex({ schema, k1: 1.2, maxBufferedDocs: 500, maxSegments: 4 });
  for (const d of docs) index.add({ ...d, title: d['title'] ?? '', body: d['body'] ?? '', id: d.id });
  index.optimize();
  const loaded = SearchIndex.deserialize(index.serialize());
  let longest = 0;
  for (let q = 0; q < 12; q++) {
    const query = randomText(random, 3) || 'port';
    for (const word of query.split(' ')) longest = Math.max(longest, index.search(word, { limit: 0 }).total);
    for (const k of [10, 1000]) {
      check(index, docs, query, k, 'packed');
      check(loaded, docs, query, k, 'packed loaded');
    }
  }
  // The small vocabulary puts its frequent words in hundreds of documents: full, bit-packed blocks.
  assert.ok(longest >= 2 * 128, `longest list ${longest}`);
});

test('a segment large enough for 16-bit length columns scores like explain(), long fields included', () => {
  const random = rng(78);
  const index = new SearchIndex({ schema, k1: 1.2 });
  const words = ['port', 'harbour', 'ship', 'crane', 'dock', 'tide', 'quay'];
  // Enough documents for the accumulator's field-major length copy (LENGTH_COLUMNS_MIN_DOCS).
  for (let i = 0; i < 70_000; i++) index.add({ id: `s${i}`, title: words[i % 7]!, body: `${words[(i * 3) % 7]} ${words[(i * 5) % 7]}` });
  // Bodies past 65,535 indexed tokens: their 16-bit length overflows.
  for (let i = 0; i < 4; i++) {
    const body = Array.from({ length: 66_000 + i * 7_919 }, (_, k) => words[(k * (i + 2) + Math.floor(random() * 3)) % 7]!).join(' ');
    // 'ferry' only in long bodies: its blocks hold the body field alone (the one-field scoring path).
    index.add({ id: `long${i}`, title: 'port', body: `${body} ferry` });
  }
  index.optimize();
  const overflowing = new Set<string>();
  for (const query of ['port harbour', 'ship crane dock', 'harbour', 'tide quay port', 'ferry', 'ferry dock']) {
    const result = index.search(query, { limit: 50, proximity: false });
    assert.ok(result.hits.length > 0);
    const ids = new Set(result.hits.map((h) => h.id));
    for (const id of ['long0', 'long1', 'long2', 'long3']) {
      const explained = index.explain(query, id, { proximity: false });
      if (explained === undefined) continue;
      if (explained.terms.some((t) => t.fields.some((f) => f.field === 'body' && f.length > 65_535))) overflowing.add(id);
      // Every long document's score, found or not among the hits, is the scorer's.
      const ranked = index.search(query, { limit: 100_000, proximity: false }).hits.find((h) => h.id === id);
      assert.ok(ranked !== undefined, `${id} matches "${query}"`);
      // Explanations add in the scorers' order: the same float, not merely a close one.
      assert.is(explained.score, ranked.score, `${id} "${query}"`);
      if (ids.has(id)) assert.is(result.hits.find((h) => h.id === id)!.score, ranked.score);
    }
    for (const hit of result.hits.slice(0, 10)) {
      const explained = index.explain(query, hit.id, { proximity: false })!;
      assert.is(explained.score, hit.score, `${hit.id} "${query}"`);
    }
  }
  // The long bodies were scored through the overflow fallback.
  assert.equal([...overflowing].sort(), ['long0', 'long1', 'long2', 'long3']);
});

test('explain adds up to the search score float for float, whatever the order of the query words', () => {
  // Words of different rarity in every order: float sums depend on the order of additions, and the
  // scorers add a bag's contributions heaviest first, not in query order.
  const random = rng(31);
  const index = new SearchIndex({ schema });
  for (let i = 0; i < 300; i++) index.add({ id: `d${i}`, title: randomText(random, 6), body: randomText(random, 60), date: randomDate(random) });
  const words = ['port', 'harbour', 'trade', 'fair', 'budget', 'deficit', 'investment', 'qingdao', 'council', 'growth', 'energy', 'vehicles'];
  let compared = 0;
  for (let q = 0; q < 60; q++) {
    const query = Array.from({ length: 3 + Math.floor(random() * 4) }, () => words[Math.floor(random() * words.length)]!).join(' ');
    for (const hit of index.search(query, { limit: 20, proximity: false }).hits) {
      assert.is(index.explain(query, hit.id, { proximity: false })!.score, hit.score, `${hit.id} "${query}"`);
      compared++;
    }
  }
  assert.ok(compared > 500, `${compared} hits explained`);
});

test.run();
