// Interleaved rounds merge into medians: each figure on its own, failed rounds left out.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { median, mergeRounds } from '../../../bench/perf/rounds.js';
import type { EngineRun } from '../../../bench/perf/types.js';

function run(qps: number, buildMs: number, loadMs: number | undefined, error?: string): EngineRun {
  const r: EngineRun = {
    engine: 'broadsheet',
    engineName: 'Broadsheet',
    corpus: 'reuters',
    docCount: 10,
    chars: 100,
    buildMs,
    memory: { heapBytes: buildMs * 10, rssBytes: 1 },
    sizeBytes: 1234,
    classes: {
      free1: { supported: true, queries: 2, nonEmpty: 1, answers: [['a'], ['b']], timing: { qps, meanMs: 1000 / qps, p50Ms: 500 / qps, p99Ms: 4000 / qps, samples: 10 } },
      phrase: { supported: false, queries: 0, nonEmpty: 0, answers: [] },
    },
  };
  if (loadMs !== undefined) {
    r.loadMs = loadMs;
    r.firstQueryMs = loadMs / 2;
  }
  if (error !== undefined) r.error = error;
  return r;
}

test('median: odd and even counts, undefined and non-finite values ignored', () => {
  assert.is(median([3, 1, 2]), 2);
  assert.is(median([4, 1, 3, 2]), 2.5);
  assert.is(median([undefined, 5, Number.NaN]), 5);
  assert.is(median([]), undefined);
});

test('each figure is the median of its own rounds; answers and sizes come from the first round', () => {
  const merged = mergeRounds([run(100, 30, 5), run(300, 10, undefined), run(200, 20, 7)]);
  assert.is(merged.rounds, 3);
  assert.is(merged.buildMs, 20);
  assert.is(merged.loadMs, 6);
  assert.is(merged.firstQueryMs, 3);
  assert.is(merged.memory!.heapBytes, 200);
  assert.is(merged.sizeBytes, 1234);
  const t = merged.classes.free1!.timing!;
  assert.is(t.qps, 200);
  assert.is(t.meanMs, 5);
  assert.is(t.p50Ms, 2.5);
  assert.is(t.p99Ms, 20);
  assert.is(t.samples, 30);
  assert.equal(merged.classes.free1!.answers, [['a'], ['b']]);
  assert.is(merged.classes.phrase!.timing, undefined);
});

test('failed rounds are left out; all failed gives the first failure', () => {
  const merged = mergeRounds([run(0, 0, 0, 'timed out'), run(100, 30, 5), run(300, 10, 3)]);
  assert.is(merged.error, undefined);
  assert.is(merged.rounds, 2);
  assert.is(merged.classes.free1!.timing!.qps, 200);
  assert.is(mergeRounds([run(0, 0, 0, 'crashed'), run(0, 0, 0, 'timed out')]).error, 'crashed');
  assert.is(mergeRounds([run(100, 30, 5)]).rounds, 1);
});

test.run();
