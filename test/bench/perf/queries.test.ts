// Query-set generation: deterministic from its seed, and every query drawn so that it can match.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { collectCorpusStats, generateQuerySet, misspell, type CorpusStats } from '../../../bench/perf/queries.js';
import { seededRandom } from '../../../bench/perf/random.js';
import { forEachPlainWord } from '../../../bench/perf/text.js';
import { QUERY_CLASSES, type BenchDoc } from '../../../bench/perf/types.js';

const STOP = new Set(['the', 'and', 'for', 'with']);
const isStopWord = (w: string): boolean => STOP.has(w);
const WORDS = [
  'the', 'and', 'for', 'with', 'port', 'harbour', 'strike', 'budget', 'council', 'market', 'energy', 'vehicle',
  'container', 'terminal', 'shipping', 'investment', 'province', 'festival', 'railway', 'customs', 'export',
  'import', 'grain', 'copper', 'steel', 'weather', 'typhoon', 'hospital', 'school', 'university', 'museum',
  'bridge', 'tunnel', 'airport', 'flight', 'tourism', 'hotel', 'restaurant', 'farmer', 'orchard', 'factory',
];

/** A corpus whose word frequencies fall off with rank, half of it dated in 2024. */
function corpus(size: number, seed: number, dated = true): BenchDoc[] {
  const random = seededRandom(seed);
  const word = (): string => WORDS[Math.floor(Math.pow(random(), 2) * WORDS.length)]!;
  const text = (n: number): string => Array.from({ length: n }, word).join(' ');
  return Array.from({ length: size }, (_, i) => {
    const doc: BenchDoc = { id: `d${i}`, title: text(4), body: `${text(12)}. ${text(12)}` };
    if (dated && i % 2 === 0) {
      doc.time = Date.UTC(2024, 0, 1) + i * 86_400_000;
      doc.date = new Date(doc.time).toISOString();
    }
    return doc;
  });
}

const docs = corpus(400, 7);
const stats = collectCorpusStats(docs, { isStopWord, seed: 1, sampleSize: 100 });
const identity = (w: string): string => w;
const set = generateQuerySet(stats, { corpus: 'test', seed: 42, perClass: 40, stem: identity });

function fieldWords(text: string): Set<string> {
  const words = new Set<string>();
  forEachPlainWord(text, (w) => words.add(w));
  return words;
}

test('the stats count documents, df over title and body, and keep a bounded sample', () => {
  assert.is(stats.docCount, 400);
  assert.is(stats.sample.length, 100);
  const port = docs.filter((d) => fieldWords(d.title).has('port') || fieldWords(d.body).has('port')).length;
  assert.is(stats.df.get('port'), port);
  assert.not.ok(stats.df.has('the'));
});

test('the same seed gives the same set; another seed another one', () => {
  const again = generateQuerySet(collectCorpusStats(docs, { isStopWord, seed: 1, sampleSize: 100 }), {
    corpus: 'test', seed: 42, perClass: 40, stem: identity,
  });
  assert.equal(again, set);
  const other = generateQuerySet(stats, { corpus: 'test', seed: 43, perClass: 40, stem: identity });
  assert.not.equal(other.classes.free2, set.classes.free2);
});

test('the set records its corpus, seed, size, and fills every class', () => {
  assert.is(set.corpus, 'test');
  assert.is(set.seed, 42);
  assert.is(set.docCount, 400);
  for (const cls of QUERY_CLASSES) assert.is(set.classes[cls].length, 40, cls);
});

test('free-text queries have 1, 2 and 3 distinct indexed non-stop words', () => {
  for (const [cls, n] of [['free1', 1], ['free2', 2], ['free3', 3]] as const) {
    for (const q of set.classes[cls]) {
      assert.is(q.terms.length, n);
      assert.is(new Set(q.terms).size, n);
      for (const t of q.terms) {
        assert.ok((stats.df.get(t) ?? 0) >= 2, t);
        assert.not.ok(STOP.has(t));
      }
    }
  }
});

test('AND pairs occur together in one field of one document', () => {
  for (const q of set.classes.and) {
    const [a, b] = q.terms as [string, string];
    assert.is.not(a, b);
    const together = docs.some((d) => [d.title, d.body].some((f) => fieldWords(f).has(a) && fieldWords(f).has(b)));
    assert.ok(together, `${a} ${b}`);
  }
});

test('phrases are adjacent words of a real document', () => {
  const pairs = new Set<string>();
  for (const d of docs) {
    for (const field of [d.title, d.body]) {
      let previous: string | undefined;
      forEachPlainWord(field, (w, adjacent) => {
        if (adjacent && previous !== undefined) pairs.add(`${previous} ${w}`);
        previous = w;
      });
    }
  }
  for (const q of set.classes.phrase) {
    assert.is(q.terms.length, 2);
    assert.ok(pairs.has(q.terms.join(' ')), q.terms.join(' '));
  }
});

test('prefixes are four letters starting a longer indexed word, and stem-stable', () => {
  const stemmed = generateQuerySet(stats, { corpus: 'test', seed: 42, perClass: 40, stem: (w) => w.replace(/t$/, '') });
  for (const q of [...set.classes.prefix, ...stemmed.classes.prefix]) {
    const prefix = q.terms[0]!;
    assert.is(prefix.length, 4);
    assert.ok([...stats.df.keys()].some((w) => w.length >= 6 && w.startsWith(prefix)), prefix);
  }
  for (const q of stemmed.classes.prefix) assert.not.ok(q.terms[0]!.endsWith('t'), q.terms[0]);
});

test('fuzzy terms are one substitution away from an indexed word and not indexed themselves', () => {
  const vocabulary = [...stats.df.keys()];
  for (const q of set.classes.fuzzy) {
    const typo = q.terms[0]!;
    assert.not.ok(stats.df.has(typo), typo);
    const near = vocabulary.some((w) => w.length === typo.length && [...w].filter((c, i) => c !== typo[i]).length === 1);
    assert.ok(near, typo);
  }
});

test('date-filter windows contain a document with the first term', () => {
  for (const q of set.classes.dateFilter) {
    assert.ok(q.from !== undefined && q.to !== undefined && q.from < q.to);
    const term = q.terms[0]!;
    const hit = docs.some(
      (d) => d.time !== undefined && d.time >= q.from! && d.time <= q.to! && (fieldWords(d.title).has(term) || fieldWords(d.body).has(term)),
    );
    assert.ok(hit, term);
  }
});

test('an undated corpus has no date queries; an empty corpus has no queries, and neither throws', () => {
  const undated = generateQuerySet(collectCorpusStats(corpus(50, 3, false), { isStopWord, seed: 1 }), { corpus: 'u', seed: 1, perClass: 10 });
  assert.is(undated.classes.dateFilter.length, 0);
  assert.is(undated.classes.dateSort.length, 0);
  assert.is(undated.classes.free1.length, 10);
  const empty: CorpusStats = collectCorpusStats([], { isStopWord, seed: 1 });
  const none = generateQuerySet(empty, { corpus: 'e', seed: 1, perClass: 10 });
  for (const cls of QUERY_CLASSES) assert.is(none.classes[cls].length, 0, cls);
});

test('misspell changes exactly one letter, never the first nor the last two', () => {
  const random = seededRandom(9);
  for (let i = 0; i < 200; i++) {
    const word = 'container';
    const typo = misspell(word, random);
    const changed = [...word].map((c, j) => (c === typo[j] ? -1 : j)).filter((j) => j >= 0);
    assert.is(changed.length, 1);
    assert.ok(changed[0]! >= 1 && changed[0]! <= word.length - 3);
    assert.match(typo, /^[a-z]+$/);
  }
});

test.run();
