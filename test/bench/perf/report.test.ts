// Report formatting: number formats, ratio orientation (> 1× means Broadsheet is better), tables.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  advantage, answersTable, formatMB, formatMs, formatRate, formatRatio, formatSeconds, latencyTable, mainTable, markdownTable,
  memoryBytes, notes, scalingTable,
} from '../../../bench/perf/report.js';
import type { ClassResult, EngineRun, QueryClass } from '../../../bench/perf/types.js';

test('rates: separators from 100, one decimal from 10, two below', () => {
  assert.is(formatRate(12345.6), '12,346');
  assert.is(formatRate(345.4), '345');
  assert.is(formatRate(45.66), '45.7');
  assert.is(formatRate(4.567), '4.57');
  assert.is(formatRate(undefined), '–');
  assert.is(formatRate(Number.POSITIVE_INFINITY), '–');
});

test('milliseconds keep about three significant digits; MB and seconds fixed decimals', () => {
  assert.is(formatMs(0.01234), '0.012');
  assert.is(formatMs(1.234), '1.23');
  assert.is(formatMs(12.34), '12.3');
  assert.is(formatMs(1234.5), '1,235');
  assert.is(formatMB(23_456_789), '23.5');
  assert.is(formatMB(2_345_678), '2.35');
  assert.is(formatSeconds(3280), '3.28');
});

test('advantage is > 1 when Broadsheet is better, whichever way the measure points', () => {
  assert.is(advantage(2000, 1000, true), 2);
  assert.is(advantage(1, 4, false), 4);
  assert.is(advantage(4, 1, false), 0.25);
  assert.is(advantage(undefined, 1, true), undefined);
  assert.is(advantage(0, 1, true), undefined);
});

test('ratios: whole numbers from 10, one decimal from 1, two below', () => {
  assert.is(formatRatio(12.4), '12×');
  assert.is(formatRatio(3.24), '3.2×');
  assert.is(formatRatio(0.456), '0.46×');
  assert.is(formatRatio(undefined), '–');
});

test('markdownTable pads columns and right-aligns all but the first', () => {
  assert.is(markdownTable(['engine', 'q/s'], [['A', '1'], ['Longer', '1,000']]), [
    '| engine |   q/s |',
    '| ------ | ----: |',
    '| A      |     1 |',
    '| Longer | 1,000 |',
  ].join('\n'));
});

function cls(qps: number | undefined, extra: Partial<ClassResult> = {}): ClassResult {
  const base: ClassResult = { supported: true, queries: 2, nonEmpty: 1, answers: [['x'], ['y']], ...extra };
  if (qps !== undefined) base.timing = { qps, meanMs: 1000 / qps, p50Ms: 900 / qps, p99Ms: 3000 / qps, samples: 100 };
  return base;
}

function engineRun(engine: string, name: string, buildMs: number, qps: number | undefined, extra: Partial<EngineRun> = {}): EngineRun {
  return {
    engine,
    engineName: name,
    corpus: 'c',
    docCount: 1000,
    chars: 100_000,
    buildMs,
    memory: { heapBytes: 10e6, rssBytes: 12e6 },
    sizeBytes: 5e6,
    gzipBytes: 2e6,
    loadMs: 20,
    firstQueryMs: engine === 'broadsheet' ? 2 : 6,
    roundtrip: 'same',
    classes: { free1: cls(qps), phrase: engine === 'broadsheet' ? cls(undefined, { supported: false, answers: [] }) : cls(100) },
    ...extra,
  };
}

const classes: QueryClass[] = ['free1', 'phrase'];

test('the main table has one row per engine and a ratio row per peer', () => {
  const runs = [engineRun('broadsheet', 'Broadsheet', 1000, 4000), engineRun('lunr', 'Lunr', 4000, 1000)];
  const lines = mainTable(runs, classes).split('\n');
  assert.is(lines.length, 2 + 2 + 1);
  assert.match(lines[0]!, /\| engine .*\| build s .*\| docs\/s .*\| heap MB .*\| load ms \| 1st query ms \| 1-term q\/s .*\| phrase q\/s \|/);
  assert.match(lines[2]!, /^\| Broadsheet .*\| *1\.00 \|.*\| *4,000 \| *n\/a \|$/);
  const ratio = lines[4]!.split('|').map((c) => c.trim());
  assert.is(ratio[1], 'Broadsheet vs Lunr');
  assert.is(ratio[2], '4.0×'); // build time: 4 s vs 1 s
  assert.is(ratio[3], '4.0×'); // docs/s
  assert.is(ratio[4], '1.0×'); // same heap
  assert.is(ratio[7], '1.0×'); // same load time
  assert.is(ratio[8], '3.0×'); // first query after load: 2 ms vs 6 ms
  assert.is(ratio[9], '4.0×'); // 1-term q/s
  assert.is(ratio[10], '–'); // phrase: Broadsheet n/a
});

test('flagged classes and failed engines are shown as such, never as numbers', () => {
  const flagged = engineRun('fts5', 'FTS5', 500, undefined, {});
  flagged.classes.free1 = cls(undefined, { flag: 'answers only 10 %', nonEmpty: 0.1 });
  const failed: EngineRun = { engine: 'orama', engineName: 'Orama', corpus: 'c', docCount: 0, chars: 0, classes: {}, error: 'out of memory' };
  const table = mainTable([engineRun('broadsheet', 'Broadsheet', 1000, 4000), flagged, failed], classes);
  assert.match(table, /\| FTS5 .*\| *flagged \|/);
  assert.match(table, /\| Orama .*\| *failed \|/);
  assert.not.match(table, /Broadsheet vs Orama/);
  const lines = notes([flagged, failed]);
  assert.ok(lines.some((l) => l.includes('FTS5') && l.includes('not timed')));
  assert.ok(lines.some((l) => l.includes('out of memory')));
});

test('native memory is added to heap memory and marked', () => {
  const fts = engineRun('fts5', 'FTS5', 500, 1000, { memory: { heapBytes: 1e6, nativeBytes: 9e6, rssBytes: 0 } });
  assert.is(memoryBytes(fts), 10e6);
  assert.match(mainTable([fts], classes), /\| FTS5 \* /);
});

test('latency and answers tables', () => {
  const lunr = engineRun('lunr', 'Lunr', 4000, 1000);
  lunr.classes.free1 = cls(1000, { answers: [['x'], ['z']] });
  const runs = [engineRun('broadsheet', 'Broadsheet', 1000, 4000), lunr];
  assert.match(latencyTable(runs, classes), /\| Broadsheet .*\| 0\.225 \/ 0\.750 \| *n\/a \|/);
  const answers = answersTable(runs, classes);
  // answered 1-term, phrase; top-10 ∩ Broadsheet; ∩ others; save/load
  assert.match(answers, /\| Lunr +\| +100 % \| +100 % \| +50 % \| +50 % \| +same \|/);
  assert.match(answers, /\| Broadsheet +\| +100 % \| +n\/a \| +– \| +50 % \| +same \|/);
});

test('the scaling table divides large-corpus latency by small-corpus latency', () => {
  const small = [engineRun('broadsheet', 'Broadsheet', 1000, 4000)];
  const large = [engineRun('broadsheet', 'Broadsheet', 9000, 2000)];
  assert.match(scalingTable(small, large, ['free1']), /\| Broadsheet \| *2\.0× \| *9\.0× \| *1\.0× \|/);
});

test.run();
