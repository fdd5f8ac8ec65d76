// Bench command-line options: quick by default, --full widens everything, bad input is rejected.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { childTimeout, LARGE_CORPUS_TIMEOUT_MS, parseBenchArgs } from '../../../bench/perf/options.js';
import { ENGINE_KEYS } from '../../../bench/perf/engines/registry.js';
import { QUERY_CLASSES } from '../../../bench/perf/types.js';
import { InvalidOptionError } from '../../../src/errors.js';

test('quick by default: the sample corpus and Reuters, every engine and class, short timings', () => {
  const c = parseBenchArgs([]);
  assert.is(c.full, false);
  assert.equal(c.corpora, ['corpus', 'reuters']);
  assert.equal(c.engines, [...ENGINE_KEYS]);
  assert.equal(c.classes, [...QUERY_CLASSES]);
  assert.is(c.timeMs, 100);
  assert.is(c.perClass, 30);
  assert.is(c.rounds, 1);
  assert.is(c.relevance, false);
});

test('--full adds 20 Newsgroups, scale 200k and the relevance runner; 1M only with --scale 1m', () => {
  const full = parseBenchArgs(['--full']);
  assert.equal(full.corpora, ['corpus', 'reuters', '20news', 'scale-200k']);
  assert.is(full.relevance, true);
  assert.is(full.timeMs, 1000);
  assert.is(full.rounds, 3);
  assert.is(parseBenchArgs(['--full', '--rounds', '1']).rounds, 1);
  assert.is(parseBenchArgs(['--rounds', '5']).rounds, 5);
  assert.equal(parseBenchArgs(['--full', '--scale', '1m']).corpora, ['corpus', 'reuters', '20news', 'scale-200k', 'scale-1m']);
  assert.is(parseBenchArgs(['--full', '--no-relevance']).relevance, false);
  assert.equal(parseBenchArgs(['--scale', '200k']).corpora, ['corpus', 'reuters', 'scale-200k']);
  assert.equal(parseBenchArgs(['--full', '--scale', '200k']).corpora, ['corpus', 'reuters', '20news', 'scale-200k']);
});

test('lists select corpora, engines (in report order) and classes (by key or label)', () => {
  const c = parseBenchArgs(['--corpus', 'reuters', '--engines', 'minisearch,broadsheet', '--classes', '1-term,and,dateSort', '--time', '250', '--queries', '12']);
  assert.equal(c.corpora, ['reuters']);
  assert.equal(c.engines, ['broadsheet', 'minisearch']);
  assert.equal(c.classes, ['free1', 'and', 'dateSort']);
  assert.is(c.timeMs, 250);
  assert.is(c.perClass, 12);
  // A path is a corpus too (checked when the bench loads it, see corpora.test.ts).
  assert.equal(parseBenchArgs(['--corpus', 'reuters,../news.jsonl.gz,./articles/']).corpora, ['reuters', '../news.jsonl.gz', './articles/']);
});

test('unknown names and bad numbers throw InvalidOptionError naming the option', () => {
  const cases: Array<[string[], string]> = [
    [['--engines', 'elastic'], 'engines'],
    [['--corpus', 'wikipedia'], 'corpus'],
    [['--classes', 'regex'], 'classes'],
    [['--time', '0'], 'time'],
    [['--queries=-5'], 'queries'],
    [['--scale', '10m'], 'scale'],
    [['--rounds', '0'], 'rounds'],
    [['--rounds', '1.5'], 'rounds'],
    [['--bogus'], 'argv'],
  ];
  for (const [argv, option] of cases) {
    try {
      parseBenchArgs(argv);
      assert.unreachable(argv.join(' '));
    } catch (error) {
      assert.instance(error, InvalidOptionError);
      assert.is((error as InvalidOptionError).option, option);
    }
  }
});

test('a quick run limits children on its quick corpora, never on a scale corpus or a path', () => {
  const quick = parseBenchArgs(['--corpus', 'reuters,scale-200k']);
  assert.is(childTimeout(quick, false), 180_000);
  assert.is(childTimeout(quick, true), LARGE_CORPUS_TIMEOUT_MS);
  assert.ok(LARGE_CORPUS_TIMEOUT_MS >= 3600_000);
  const full = parseBenchArgs(['--full']);
  assert.is(childTimeout(full, false), LARGE_CORPUS_TIMEOUT_MS);
});

test.run();
