// Prefix and fuzzy clauses expand to the same terms whatever the segment layout (the ranking by
// distance and frequency sees every candidate of every segment), and a query that repeats a clause
// expands it once.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { QueryLimitError, SearchIndex, englishAnalyzer, type Analyzer, type NewsDocument } from '../../src/index.js';
import { MAX_EXPANDED_CLAUSES } from '../../src/query/planner.js';
import { pick, rng } from '../_support/random.js';

/** `ca` + a letter, the later letters in more documents: fuzzy `caa~1` reaches all 25 words. */
function ladder(): NewsDocument[] {
  const docs: NewsDocument[] = [];
  const letters = 'bcdefghijklmnopqrstuvwxyz';
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    for (let c = 0; c <= i; c++) docs.push({ id: `d${String(n++).padStart(4, '0')}`, title: `ca${letters[i]}`, body: '' });
  }
  return docs;
}

const answer = (index: SearchIndex, query: string, maxExpansions?: number): unknown => {
  const r = index.search(query, { limit: 50, ...(maxExpansions === undefined ? {} : { maxExpansions }) });
  return { total: r.total, hits: r.hits.map((h) => [h.id, h.score]) };
};

test('a capped fuzzy clause keeps the most frequent of the closest terms, in one segment or in many', () => {
  const docs = ladder();
  const one = new SearchIndex();
  one.addAll(docs);
  const many = new SearchIndex({ maxBufferedDocs: 30, maxSegments: 100 });
  many.addAll(docs);
  assert.ok(many.stats().segments > 5);
  const letters = 'bcdefghijklmnopqrstuvwxyz';
  for (const maxExpansions of [1, 2, 5, 24, 64]) {
    // caz is in 25 documents, cab in 1: the cap keeps the frequent end of the ladder.
    const titles = new Set(one.search('caa~1', { maxExpansions, limit: 1000 }).hits.map((h) => h.document['title']));
    const kept = [...letters].slice(-Math.min(maxExpansions, letters.length)).map((l) => `ca${l}`);
    assert.equal([...titles].sort(), kept, String(maxExpansions));
    assert.equal(answer(many, 'caa~1', maxExpansions), answer(one, 'caa~1', maxExpansions), String(maxExpansions));
  }
});

test('random prefix and fuzzy queries answer alike over one segment and over many', () => {
  const random = rng(5);
  const words = ['port', 'ports', 'porter', 'portal', 'sport', 'trade', 'trader', 'trading', 'tirade', 'grade', 'fair', 'fare', 'fairs', 'far', 'fire', 'market', 'marker', 'marked', 'basket'];
  const docs: NewsDocument[] = Array.from({ length: 300 }, (_, i) => ({
    id: `n${i}`,
    title: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, words)).join(' '),
    body: Array.from({ length: 2 + Math.floor(random() * 8) }, () => pick(random, words)).join(' '),
  }));
  const one = new SearchIndex();
  one.addAll(docs);
  const many = new SearchIndex({ maxBufferedDocs: 17, maxSegments: 100 });
  many.addAll(docs);
  for (let q = 0; q < 80; q++) {
    const word = pick(random, words);
    const query = random() < 0.5 ? `${word.slice(0, 1 + Math.floor(random() * 3))}*` : `${word}~${1 + Math.floor(random() * 2)}`;
    const maxExpansions = 1 + Math.floor(random() * 4);
    assert.equal(answer(many, query, maxExpansions), answer(one, query, maxExpansions), `${query} (${maxExpansions})`);
  }
});

test("strict mode's expansion limit counts only words live documents hold", () => {
  const words = ['cab', 'cac', 'cad', 'caf', 'cag', 'cat'];
  const index = new SearchIndex();
  index.addAll(words.map((w) => ({ id: w, title: w, body: '' })));
  index.flush();
  for (const w of words.slice(0, 5)) index.remove(w);
  for (const query of ['ca*', 'caa~1']) {
    assert.is(index.search(query, { mode: 'strict', maxExpansions: 2 }).total, 1, query);
    index.add({ id: 'cab', title: 'cab', body: '' });
    index.add({ id: 'cac', title: 'cac', body: '' });
    assert.throws(() => index.search(query, { mode: 'strict', maxExpansions: 2 }), (e: unknown) => e instanceof QueryLimitError && e.actual === 3, query);
    index.remove('cab');
    index.remove('cac');
  }
});

test('past 64 distinct prefix or fuzzy clauses a lenient query searches the plain words; strict refuses it', () => {
  const words = Array.from({ length: 70 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`);
  const index = new SearchIndex();
  // Each document holds a misspelling-distance neighbour of one word ("…y" for "…x"), never the word.
  index.addAll(words.map((w, i) => ({ id: `d${i}`, title: `${w.slice(0, -1)}y`, body: '' })));
  const query = words.map((w) => `${w}~1`).join(' ');
  const found = new Set(index.search(query, { limit: 100 }).hits.map((h) => h.id));
  // The first 64 clauses reach their neighbours; the other 6 find nothing as plain words.
  assert.is(found.size, MAX_EXPANDED_CLAUSES);
  for (let i = 0; i < MAX_EXPANDED_CLAUSES; i++) assert.ok(found.has(`d${i}`), `d${i}`);
  assert.throws(() => index.search(query, { mode: 'strict' }), (e: unknown) => e instanceof QueryLimitError && e.limit === 'expandedClauses');
  // Repeating one clause counts once.
  assert.is(index.search(Array.from({ length: 200 }, () => `${words[0]!}~1`).join(' '), { mode: 'strict' }).total, 1);
});

test('a fuzzy word far longer than every term expands to nothing, quickly; long terms of a custom analyzer still match', () => {
  const index = new SearchIndex();
  index.add({ id: 'a', title: 'port', body: 'harbour' });
  assert.is(index.search(`${'a'.repeat(9_990)}~2`).total, 0);
  assert.is(index.didYouMean('港'.repeat(100_000)), undefined);
  // A whitespace analyzer keeps a 100-letter token (the news tokenizer stops at 64): one edit away still matches.
  const whitespace: Analyzer = { name: 'whitespace-test', analyze: (text, sink) => {
    let position = 0;
    for (const m of text.matchAll(/\S+/g)) sink(m[0].toLowerCase(), position++, m.index, m.index + m[0].length, m[0]);
  } };
  const custom = new SearchIndex({ analyzer: whitespace });
  const long = 'x'.repeat(100);
  custom.add({ id: 'long', title: long, body: '' });
  assert.is(custom.search(`${long.slice(0, -1)}y~1`).total, 1);
});

test('a clause repeated in one query is expanded once', () => {
  let calls = 0;
  const english = englishAnalyzer();
  const counting: Analyzer = { name: english.name, analyze: (text, sink) => { calls++; english.analyze(text, sink); } };
  const index = new SearchIndex({ analyzer: counting });
  const words = ['port', 'porter', 'portal', 'portly', 'portion', 'portrait', 'portray', 'portfolio', 'portico', 'portent'];
  index.addAll(words.map((w, i) => ({ id: `w${i}`, title: `${w} ${w.toUpperCase()}`, body: `${w}s of the ${w}` })));
  const cost = (query: string): number => {
    calls = 0;
    index.search(query);
    return calls;
  };
  for (const clause of ['port*', 'portl~2']) {
    const once = cost(clause);
    const tenTimes = cost(Array.from({ length: 10 }, () => clause).join(' '));
    // Each copy still analyses its own word (a few calls); the vocabulary walk (a call per form) is shared.
    assert.ok(once > 6, `${clause}: ${once} calls`);
    assert.ok(tenTimes < once + 9 * 4, `${clause}: once ${once}, ten times ${tenTimes}`);
  }
});

test.run();
