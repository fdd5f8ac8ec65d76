// Saved query sets: readable one-query-per-line JSON that parses back, reused while current.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ensureQuerySet, formatQuerySet, parseQuerySet, QUERY_SEED, querySetPath, SAVED_PER_CLASS } from '../../../bench/perf/query-file.js';
import { existsSync } from 'node:fs';
import { sharedPath } from '../../_support/paths.js';
import { QUERY_CLASSES } from '../../../bench/perf/types.js';
import { QUERY_GENERATOR_VERSION } from '../../../bench/perf/queries.js';
import type { BenchDoc, QuerySet } from '../../../bench/perf/types.js';

const set: QuerySet = {
  version: QUERY_GENERATOR_VERSION,
  corpus: 'tiny',
  seed: 3,
  docCount: 2,
  classes: {
    free1: [{ terms: ['port'] }, { terms: ['strike'] }],
    free2: [{ terms: ['port', 'strike'] }],
    free3: [],
    and: [],
    phrase: [],
    prefix: [],
    fuzzy: [],
    dateFilter: [{ terms: ['port'], from: 1, to: 2 }],
    dateSort: [],
  },
};

test('formatQuerySet writes one query per line and parses back to the same set', () => {
  const text = formatQuerySet(set);
  assert.ok(text.includes('\n      {"terms":["port"]},\n'));
  assert.equal(parseQuerySet(text), set);
});

test('parseQuerySet rejects other versions, missing classes and junk', () => {
  assert.is(parseQuerySet(JSON.stringify({ ...set, version: QUERY_GENERATOR_VERSION + 1 })), undefined);
  const { free1: _dropped, ...rest } = set.classes;
  assert.is(parseQuerySet(JSON.stringify({ ...set, classes: rest })), undefined);
  assert.is(parseQuerySet('{not json'), undefined);
  assert.is(parseQuerySet('null'), undefined);
});

const docs: BenchDoc[] = Array.from({ length: 30 }, (_, i) => ({
  id: String(i),
  title: `harbour report number ${['alpha', 'bravo', 'charlie'][i % 3]}`,
  body: `container terminal throughput ${i % 2 === 0 ? 'record growth' : 'steady decline'} shipping lines`,
  time: Date.UTC(2024, 0, 1 + i),
}));

test('ensureQuerySet writes a missing set, reuses a current one, regenerates a stale one', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-queries-'));
  try {
    let reads = 0;
    const source = (): Iterable<BenchDoc> => {
      reads++;
      return docs;
    };
    const first = await ensureQuerySet('tiny', docs.length, source, dir);
    assert.is(first.regenerated, true);
    assert.is(first.path, path.join(dir, 'tiny.json'));
    assert.equal(parseQuerySet(readFileSync(first.path, 'utf8')), first.set);
    const second = await ensureQuerySet('tiny', docs.length, source, dir);
    assert.is(second.regenerated, false);
    assert.is(reads, 1);
    assert.equal(second.set, first.set);
    const stale = await ensureQuerySet('tiny', docs.length + 1, source, dir);
    assert.is(stale.regenerated, true);
    writeFileSync(first.path, 'garbage');
    assert.is((await ensureQuerySet('tiny', docs.length + 1, source, dir)).regenerated, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('committed query sets are current: this generator version, the fixed seed, full classes', () => {
  for (const corpus of ['corpus', 'reuters']) {
    const file = querySetPath(corpus);
    if (!existsSync(file)) {
      console.log(`  (no committed query set for ${corpus}; the bench writes it on its next run)`);
      continue;
    }
    const saved = parseQuerySet(readFileSync(file, 'utf8'));
    assert.ok(saved !== undefined, `${file} does not parse with generator version ${QUERY_GENERATOR_VERSION}`);
    assert.is(saved!.seed, QUERY_SEED);
    assert.is(saved!.corpus, corpus);
    for (const cls of ['free1', 'free2', 'free3'] as const) assert.is(saved!.classes[cls].length, SAVED_PER_CLASS, `${corpus} ${cls}`);
    assert.is(Object.keys(saved!.classes).length, QUERY_CLASSES.length);
  }
  if (sharedPath('corpora', 'reuters21578.jsonl.gz') === undefined) console.log('  (../shared/corpora absent: Reuters document count not checked)');
  else if (existsSync(querySetPath('reuters'))) assert.is(parseQuerySet(readFileSync(querySetPath('reuters'), 'utf8'))!.docCount, 21_578);
});

test.run();
