// One engine's whole child run on the sample corpus: every figure the tables show is measured, the
// first query after a load is timed, and the loaded index answers like the built one.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { runChild } from '../../../bench/perf/child.js';

const queryFile = fileURLToPath(new URL('../../../bench/perf/queries/corpus.json', import.meta.url));

test('a Broadsheet run on corpus/ measures build, memory, classes, size, load and the first query after load', async () => {
  const run = await runChild({ engine: 'broadsheet', corpus: 'corpus', queryFile, perClass: 3, classes: ['free1', 'free2', 'phrase'], timeMs: 20, minIterations: 5 });
  assert.is(run.error, undefined);
  assert.ok(run.docCount > 0);
  for (const figure of [run.buildMs, run.loadMs, run.firstQueryMs, run.sizeBytes, run.gzipBytes]) assert.ok(figure !== undefined && figure > 0, String(figure));
  assert.is(run.roundtrip, 'same');
  for (const cls of ['free1', 'free2', 'phrase'] as const) {
    const result = run.classes[cls]!;
    assert.ok(result.supported);
    assert.is(result.answers.length, 3);
    assert.ok(result.timing !== undefined && result.timing.qps > 0);
  }
});

test('an engine that answers no free-text class has no first-query figure, and nothing is faked', async () => {
  const run = await runChild({ engine: 'broadsheet', corpus: 'corpus', queryFile, perClass: 3, classes: ['phrase'], timeMs: 20, minIterations: 5 });
  assert.is(run.error, undefined);
  assert.ok(run.loadMs !== undefined);
  assert.is(run.firstQueryMs, undefined);
});

test.run();
