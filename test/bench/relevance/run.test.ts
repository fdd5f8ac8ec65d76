// The runner's reusable parts: evaluateEngine on a tiny collection and the Markdown report table.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Collection } from '../../../bench/relevance/collections.js';
import type { RelevanceEngine } from '../../../bench/relevance/engine.js';
import { evaluateRun } from '../../../bench/relevance/metrics.js';
import { ENGINE_LOADERS, evaluateEngine, markdownTable, type EngineEvaluation } from '../../../bench/relevance/run.js';

const collection: Collection = {
  name: 'tiny',
  docs: [
    { id: '1', title: 'a', body: '' },
    { id: '2', title: 'b', body: '' },
    { id: '3', title: 'c', body: '' },
  ],
  queries: [
    { id: 'q1', text: 'first' },
    { id: 'q2', text: 'second' },
  ],
  qrels: new Map([
    ['q1', new Map([['2', 1]])],
    ['q2', new Map([['3', 1]])],
  ]),
};

/** An engine with canned answers, to test the runner without a real index. */
function cannedEngine(answers: Record<string, string[]>): RelevanceEngine & { built: number; asked: number[] } {
  return {
    name: 'Canned',
    built: 0,
    asked: [],
    build(docs) {
      this.built = docs.length;
    },
    search(text, k) {
      this.asked.push(k);
      return (answers[text] ?? []).slice(0, k);
    },
  };
}

test('evaluateEngine builds once, passes k, keeps the engine order and averages with -c', async () => {
  // Equal scores would be re-broken by docno (2 before 1); the engine's order 1, 2 must survive.
  const engine = cannedEngine({ first: ['1', '2'] });
  const result = await evaluateEngine(engine, collection, { k: 5 });
  assert.is(engine.built, 3);
  assert.equal(engine.asked, [5, 5]);
  assert.is(result.num_q, 2, 'q2 got nothing and still counts');
  assert.is(result.queriesWithoutHits, 1);
  assert.is(result.perQuery['q1']?.['map'], 0.5);
  assert.is(result.means['map'], 0.25);
  assert.is(result.means['P_10'], 0.05);
  assert.is(result.collection, 'tiny');
});

test('evaluateEngine rejects a k that is not a positive integer', async () => {
  try {
    await evaluateEngine(cannedEngine({}), collection, { k: 0 });
    assert.unreachable('should have thrown');
  } catch (error) {
    assert.instance(error, RangeError);
  }
});

function fakeResult(engine: string, map: number, ndcg: number): EngineEvaluation {
  return {
    engine,
    collection: 'tiny',
    k: 1000,
    num_q: 2,
    queriesWithoutHits: 0,
    buildMs: 1,
    searchMs: 1,
    means: { map, ndcg_cut_10: ndcg, P_10: 0.1, recall_1000: 0.5 },
    perQuery: {},
    evaluation: evaluateRun(new Map(), new Map()),
  };
}

test('markdownTable bolds the best value of each measure and adds Broadsheet ÷ best peer', () => {
  const table = markdownTable([fakeResult('Broadsheet', 0.3, 0.4), fakeResult('Lunr', 0.2, 0.5), fakeResult('FTS5', 0.25, 0.45)]);
  const rows = table.split('\n');
  assert.is(rows.length, 6);
  assert.ok(rows[2]?.startsWith('| Broadsheet | **.300** | .400 |'), rows[2]);
  assert.ok(rows[3]?.startsWith('| Lunr | .200 | **.500** |'), rows[3]);
  assert.ok(rows[5]?.includes('| 1.200× | 0.800× | 1.000× | 1.000× |'), rows[5]);
});

test('markdownTable has no ratio row without Broadsheet', () => {
  const rows = markdownTable([fakeResult('Lunr', 0.2, 0.5), fakeResult('FTS5', 0.25, 0.45)]).split('\n');
  assert.is(rows.length, 4);
});

test('ENGINE_LOADERS offers Broadsheet first, then the five peers (every engine of the performance bench)', () => {
  assert.equal([...ENGINE_LOADERS.keys()], ['broadsheet', 'lunr', 'fts5', 'minisearch', 'flexsearch', 'orama']);
});

test.run();
