// Every engine adapter on a five-document corpus: the classes it declares answer correctly, the
// ones it does not are never faked, and a saved-then-loaded index answers exactly the same.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { capabilityOf, UnsupportedQueryError, type Capability } from '../../../bench/perf/engines/engine.js';
import { mergeFieldResults } from '../../../bench/perf/engines/flexsearch.js';
import { ENGINE_KEYS, loadEngine } from '../../../bench/perf/engines/registry.js';
import { runQuery } from '../../../bench/perf/child.js';
import { QUERY_CLASSES, type BenchDoc, type BenchQuery, type QueryClass } from '../../../bench/perf/types.js';

const day = (d: number): number => Date.UTC(2024, 2, d);
const docs: BenchDoc[] = [
  { id: 'p1', title: 'Harbour strike halts container terminal', body: 'Dock workers walked out at the container terminal on Monday.', time: day(1) },
  { id: 'p2', title: 'Budget debate', body: 'The council approved the budget after a long debate about the harbour.', time: day(5) },
  { id: 'p3', title: 'Spring festival', body: 'Lanterns and music filled the old town during the festival.', time: day(9) },
  { id: 'p4', title: 'Container volumes rise', body: 'Container throughput at the terminal rose sharply in March.', time: day(20) },
  { id: 'p5', title: 'Weather', body: 'Rain is expected along the coast; the festival may move indoors.' },
];
for (const d of docs) if (d.time !== undefined) d.date = new Date(d.time).toISOString();

/** Per class: a query and a document its answer must contain. */
const CASES: Record<QueryClass, { query: BenchQuery; expect: string }> = {
  free1: { query: { terms: ['lanterns'] }, expect: 'p3' },
  free2: { query: { terms: ['budget', 'nonexistent'] }, expect: 'p2' },
  free3: { query: { terms: ['rain', 'coast', 'zzzz'] }, expect: 'p5' },
  and: { query: { terms: ['container', 'throughput'] }, expect: 'p4' },
  phrase: { query: { terms: ['dock', 'workers'] }, expect: 'p1' },
  prefix: { query: { terms: ['lant'] }, expect: 'p3' },
  fuzzy: { query: { terms: ['lamterns'] }, expect: 'p3' },
  dateFilter: { query: { terms: ['container'], from: day(15), to: day(25) }, expect: 'p4' },
  dateSort: { query: { terms: ['container'] }, expect: 'p4' },
};

for (const key of ENGINE_KEYS) {
  test(`${key}: declared classes answer, undeclared ones throw, save/load answers the same`, async () => {
    const engine = await loadEngine(key);
    engine.build(docs);
    const before = new Map<QueryClass, string[]>();
    for (const cls of QUERY_CLASSES) {
      const { query, expect } = CASES[cls];
      const capability: Capability = capabilityOf(cls);
      if (!engine.supports[capability]) {
        assert.throws(() => runQuery(engine, cls, query, 10), (e: unknown) => e instanceof UnsupportedQueryError && e.capability === capability);
        continue;
      }
      const ids = runQuery(engine, cls, query, 10);
      assert.ok(ids.length <= 10);
      assert.ok(ids.includes(expect), `${key} ${cls}: ${JSON.stringify(ids)}`);
      if (cls === 'dateFilter') assert.not.ok(ids.includes('p1'), `${key} date filter let p1 through`);
      if (cls === 'dateSort') assert.is(ids[0], 'p4', `${key} newest first`);
      before.set(cls, ids);
    }
    assert.ok(engine.supports.free, 'every engine answers free text');
    const saved = engine.serialize();
    assert.ok(saved.bytes.byteLength > 0);
    engine.drop();
    engine.load(saved.bytes);
    for (const [cls, ids] of before) assert.equal(runQuery(engine, cls, CASES[cls].query, 10), ids, `${key} ${cls} after load`);
    assert.equal(runQuery(engine, 'free1', { terms: ['container'] }, 1).length, 1, 'k limits the answer');
  });
}

test('FlexSearch field merge: title ranks count double, ties keep first-seen order', () => {
  const merged = mergeFieldResults(
    [
      { field: 'title', result: ['a', 'b'] },
      { field: 'body', result: ['c', 'a', 'd'] },
    ],
    3,
  );
  // a: 2/1 + 1/2 = 2.5; b: 2/2 = 1; c: 1; d: 1/3.
  assert.equal(merged, ['a', 'b', 'c']);
});

test.run();
