// Proximity rescoring: the bonus equals BM25F over the pair frequency of `"a b"~1` as phrase-match.ts
// defines it, and adjacent query words lift a document above one with the same words scattered.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SearchIndex } from '../../src/index.js';
import { decodeIndex } from '../../src/serialize/decode.js';
import { readPosting } from '../../src/index/read-posting.js';
import { Bm25fWeights } from '../../src/scoring/bm25f.js';
import { phraseFrequency } from '../../src/query/phrase-match.js';
import { PROXIMITY_WEIGHT, proximityBonus, rescoreByProximity, RESCORE_WINDOW, type WordPair } from '../../src/query/proximity.js';
import { pick, randomText, rng, VOCABULARY } from '../_support/random.js';

test('the bonus equals BM25F over phraseFrequency of "a b"~1, for random documents and pairs', () => {
  const random = rng(5);
  const index = new SearchIndex();
  for (let i = 0; i < 300; i++) index.add({ id: `d${i}`, title: randomText(random, 5), body: randomText(random, 50) });
  const segment = decodeIndex(index.serialize(), []).segments[0]!;
  const data = segment.data;
  const weights = new Bm25fWeights({ k1: 1.5 }, [
    { boost: 2, b: 0.5, avgLength: 3 },
    { boost: 0.5, b: 0, avgLength: 0 },
    { boost: 1, b: 0.7, avgLength: 25 },
  ]);
  const terms = ['port', 'trade', 'fair', 'budget', 'deficit', 'qingdao', 'market', 'energi', 'electr'];
  let nonZero = 0;
  for (let round = 0; round < 200; round++) {
    const a = terms[Math.floor(random() * terms.length)]!;
    const b = terms[Math.floor(random() * terms.length)]!;
    const pair: WordPair = { a, b, fieldMask: 0b101, weight: 0.3 };
    const doc = Math.floor(random() * data.numDocs);
    let expected = 0;
    const oa = data.dictionary.lookup(a);
    const ob = data.dictionary.lookup(b);
    const pa = oa < 0 ? undefined : readPosting(data, oa, doc);
    const pb = ob < 0 ? undefined : readPosting(data, ob, doc);
    if (pa !== undefined && pb !== undefined) {
      let pseudoTf = 0;
      for (const f of [0, 2]) {
        const freq = phraseFrequency([pa.positions[f] ?? [], pb.positions[f] ?? []], [0, 1], 1);
        if (freq > 0) pseudoTf += weights.fieldPart(f, freq, data.fieldLengths[doc * data.scoredCount + f]!);
      }
      if (pseudoTf > 0) expected = (0.3 * pseudoTf) / (pseudoTf + 1.5);
    }
    const got = proximityBonus(segment, doc, [pair], weights);
    assert.ok(Math.abs(got - expected) < 1e-12, `${a} ${b} in ${doc}: ${got} vs ${expected}`);
    if (got > 0) nonZero++;
  }
  assert.ok(nonZero > 10, `only ${nonZero} pairs scored`);
  void VOCABULARY;
});

test('a window of documents and a chain of pairs get, per document, the sum of each pair alone', () => {
  // The window reads a word's positions only where a pair partner is present too: that must
  // change no bonus, whichever words a document holds.
  const random = rng(17);
  const index = new SearchIndex();
  for (let i = 0; i < 400; i++) index.add({ id: `d${i}`, title: randomText(random, 5), body: randomText(random, 40) });
  const segment = decodeIndex(index.serialize(), []).segments[0]!;
  const weights = new Bm25fWeights({ k1: 1.2 }, [
    { boost: 2, b: 0.75, avgLength: 5 },
    { boost: 0, b: 0, avgLength: 0 },
    { boost: 1, b: 0.75, avgLength: 40 },
  ]);
  const terms = ['port', 'trade', 'fair', 'budget', 'deficit', 'qingdao', 'market', 'energi', 'electr', 'nowher'];
  let lifted = 0;
  let partial = 0;
  for (let round = 0; round < 60; round++) {
    const words = Array.from({ length: 2 + Math.floor(random() * 3) }, () => terms[Math.floor(random() * terms.length)]!);
    const pairs: WordPair[] = [];
    for (let i = 0; i + 1 < words.length; i++) pairs.push({ a: words[i]!, b: words[i + 1]!, fieldMask: 0b101, weight: 0.2 + random() });
    const docs = new Set<number>();
    while (docs.size < RESCORE_WINDOW) docs.add(Math.floor(random() * segment.data.numDocs));
    const hits = [...docs].map((doc, i) => ({ segment: 0, doc, id: `d${doc}`, score: 100 - i, held: 0 }));
    const rescored = rescoreByProximity([segment], hits, pairs, weights);
    for (const hit of rescored) {
      const before = hits.find((h) => h.doc === hit.doc)!;
      let expected = 0;
      for (const pair of pairs) expected += proximityBonus(segment, hit.doc, [pair], weights);
      assert.ok(Math.abs(hit.score - before.score - expected) < 1e-9, `${words.join(' ')} in ${hit.doc}: ${hit.score - before.score} vs ${expected}`);
      if (expected > 0) lifted++;
      // A document holding some words of the chain but no pair of them.
      const holds = new Set(words.filter((w) => { const o = segment.data.dictionary.lookup(w); return o >= 0 && readPosting(segment.data, o, hit.doc) !== undefined; }));
      if (expected === 0 && holds.size > 0) partial++;
    }
  }
  assert.ok(lifted > 50 && partial > 50, `${lifted} documents lifted, ${partial} holding words without a pair`);
});

test('adjacent words outrank the same words scattered; proximity: false leaves them tied by id', () => {
  const index = new SearchIndex();
  index.addAll([
    { id: 'a-scattered', title: 'News', body: 'The trade ministers met. Later the fair opened downtown.' },
    { id: 'b-adjacent', title: 'News', body: 'The trade fair opened. Later the ministers met downtown.' },
  ]);
  assert.equal(index.search('trade fair').hits.map((h) => h.id), ['b-adjacent', 'a-scattered']);
  // Order matters (as in a sloppy phrase, swapping two words costs 2): "fair trade" is not "trade fair".
  assert.equal(index.search('fair trade').hits.map((h) => h.id), ['a-scattered', 'b-adjacent']);
  assert.equal(index.search('trade fair', { proximity: false }).hits.map((h) => h.id), ['a-scattered', 'b-adjacent']);
  const e = index.explain('trade fair', 'b-adjacent')!;
  assert.is(e.score, index.search('trade fair').hits[0]!.score);
  assert.ok(e.terms.some((t) => t.kind === 'proximity'));
});

test('asking for facets or a recency decay keeps the proximity bonus: the same hits, scores decayed alike', () => {
  const random = rng(23);
  const words = ['port', 'ports', 'trade', 'trading', 'fair', 'budget', 'deficit', 'market', 'growth', 'city'];
  const text = (n: number): string => Array.from({ length: 1 + Math.floor(random() * n) }, () => pick(random, words)).join(' ');
  const sameDay = new SearchIndex();
  const spread = new SearchIndex();
  for (let i = 0; i < 120; i++) {
    const doc = { id: `d${i}`, title: text(4), body: text(12) };
    sameDay.add({ ...doc, date: '2024-03-01' });
    spread.add({ ...doc, date: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}` });
  }
  let reordered = 0;
  for (let q = 0; q < 60; q++) {
    const query = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(random, words)).join(' ');
    for (const [offset, limit] of [[0, 10], [0, 30], [10, 10]] as const) {
      const plain = sameDay.search(query, { offset, limit });
      if (plain.hits.some((h, i) => h.id !== sameDay.search(query, { offset, limit, proximity: false }).hits[i]?.id)) reordered++;
      const faceted = sameDay.search(query, { offset, limit, facets: { year: true } });
      assert.equal(faceted.hits.map((h) => [h.id, h.score]), plain.hits.map((h) => [h.id, h.score]), `facets: ${query}`);
      assert.is(faceted.total, plain.total);
      // Every document dated the origin day: the decay factor is 1, so nothing may change.
      const decayed = sameDay.search(query, { offset, limit, recency: { scale: '7d' } });
      assert.equal(decayed.hits.map((h) => [h.id, h.score]), plain.hits.map((h) => [h.id, h.score]), `recency: ${query}`);
      for (const h of plain.hits.slice(0, 3)) assert.is(sameDay.explain(query, h.id)!.score, h.score, `explain ${query} ${h.id}`);
    }
    // With real decay the bonus is decayed with the score: at most PROXIMITY_WEIGHT of it, as before.
    const decayed = spread.search(query, { limit: 30, recency: { scale: '7d' } }).hits;
    const flat = new Map(spread.search(query, { limit: 1000, recency: { scale: '7d' }, proximity: false }).hits.map((h) => [h.id, h.score]));
    for (const h of decayed) {
      const score = flat.get(h.id)!;
      assert.ok(h.score >= score && h.score - score <= PROXIMITY_WEIGHT * score * (1 + 1e-9), `${query}: ${h.id} ${score} → ${h.score}`);
    }
  }
  assert.ok(reordered > 10, `${reordered} pages reordered by proximity`);
});

test('completions of one prefix or fuzzy word are alternatives, never a pair', () => {
  const index = new SearchIndex();
  index.addAll([
    { id: 'a-adjacent', title: 'News', body: 'The trade trader team met. Later the people left downtown.' },
    { id: 'b-scattered', title: 'News', body: 'The trade team met. Later the trader people left downtown.' },
  ]);
  // trade* completes to the stems trade and trader (trader~1 to trader and trade): a document holding
  // them side by side matches the one word no better than one holding them apart, so the two score
  // alike (and tie by id).
  for (const query of ['trade*', 'trader~1']) {
    const hits = index.search(query).hits;
    assert.equal(hits.map((h) => h.id), ['a-adjacent', 'b-scattered'], query);
    assert.is(hits[0]!.score, hits[1]!.score, query);
    assert.not.ok(index.explain(query, 'a-adjacent')!.terms.some((t) => t.kind === 'proximity'), query);
  }
  // Two literal words still pair, whatever else the query expands.
  assert.ok(index.explain('trade trader', 'a-adjacent')!.terms.some((t) => t.kind === 'proximity'));
  assert.is(index.search('trade trader').hits[0]!.id, 'a-adjacent');
});

test('a page reads positions for fewer hits but equals the same slice of the whole rescored window', () => {
  // Short random documents over a small vocabulary: many near-equal scores, adjacent pairs and exact
  // ties (broken by exact forms: "ports" against "port"), so the bound on a bonus is what decides.
  const random = rng(17);
  const words = ['port', 'ports', 'trade', 'trading', 'fair', 'budget', 'deficit', 'market', 'growth', 'city'];
  const text = (n: number): string => Array.from({ length: 1 + Math.floor(random() * n) }, () => pick(random, words)).join(' ');
  let compared = 0;
  let reordered = 0;
  let maxRise = 0;
  for (let round = 0; round < 6; round++) {
    const index = new SearchIndex();
    for (let i = 0; i < 40 + round * 30; i++) index.add({ id: `d${i}`, title: text(4), body: text(12) });
    for (let q = 0; q < 40; q++) {
      // Words repeat, sometimes scoped to a field, so one word can stand in two pairs.
      const query = Array.from({ length: 2 + Math.floor(random() * 3) }, () => (random() < 0.2 ? 'title:' : '') + pick(random, words)).join(' ');
      // The whole window, rescored in full: the order every page must agree with.
      const whole = index.search(query, { limit: RESCORE_WINDOW }).hits;
      const plain = index.search(query, { limit: RESCORE_WINDOW, proximity: false }).hits;
      if (whole.some((h, i) => h.id !== plain[i]?.id)) reordered++;
      // What the shortcut rests on: a bonus is at most PROXIMITY_WEIGHT × the score it is added to.
      const before = new Map(index.search(query, { limit: 1000, proximity: false }).hits.map((h) => [h.id, h.score]));
      for (const h of whole) {
        const score = before.get(h.id)!;
        assert.ok(h.score - score <= PROXIMITY_WEIGHT * score * (1 + 1e-9), `${query}: ${h.id} ${score} → ${h.score}`);
        if (h.score > score) maxRise = Math.max(maxRise, (h.score - score) / score);
      }
      for (const [offset, limit] of [[0, 1], [0, 3], [0, 10], [5, 5], [9, 2], [10, 10], [0, 29]] as const) {
        const page = index.search(query, { offset, limit }).hits;
        const expected = whole.slice(offset, offset + limit);
        assert.equal(page.map((h) => h.id), expected.map((h) => h.id), `${query} @${offset}+${limit}`);
        assert.equal(page.map((h) => h.score), expected.map((h) => h.score), `${query} @${offset}+${limit}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 1000 && reordered > 20, `${compared} pages, ${reordered} queries reordered by proximity`);
  assert.ok(maxRise > PROXIMITY_WEIGHT / 4, `largest bonus only ${maxRise} of a score`);
});

test.run();
