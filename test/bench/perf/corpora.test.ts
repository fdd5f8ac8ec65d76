// Corpora given by path: a JSONL file or a directory of CMS text files is loaded like the named
// corpora, its query set lives under bench/results (never beside the committed ones), and a path
// that cannot be a corpus is reported, not guessed at.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CorpusFormatError, corpusDocs, corpusSpec, corpusUnavailable, isCorpusPath, querySetLocation, REPO_ROOT, sampleFiles } from '../../../bench/perf/corpora.js';
import { QUERY_DIR } from '../../../bench/perf/query-file.js';

const work = mkdtempSync(path.join(tmpdir(), 'broadsheet-corpora-'));
const records = [
  { id: 'a1', title: 'Port strike', body: 'Dock workers walked out.', date: '2024-03-17T08:00:00Z' },
  { id: 'a2', title: 'Budget', body: 'The council met.', date: 'not a date' },
  { id: 'a3', body: 'No title here.' },
];

test('names vs paths: a separator or a .jsonl(.gz) suffix makes a path', () => {
  for (const name of ['corpus', 'reuters', 'scale-200k']) assert.is(isCorpusPath(name), false, name);
  for (const name of ['./news', 'data/news.txt', 'news.jsonl', 'news.jsonl.gz', '/abs/dir']) assert.is(isCorpusPath(name), true, name);
  assert.is(corpusSpec('wikipedia'), undefined);
  assert.is(corpusSpec('reuters')!.path, undefined);
});

test('a JSONL file (plain or gzip) loads as bench documents, dates parsed where they parse', () => {
  const lines = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const plain = path.join(work, 'news.jsonl');
  const gz = path.join(work, 'news.jsonl.gz');
  writeFileSync(plain, lines);
  writeFileSync(gz, gzipSync(lines));
  for (const file of [plain, gz]) {
    assert.is(corpusUnavailable(file), undefined, file);
    const { docs, count } = corpusDocs(file);
    assert.is(count, 3);
    const list = [...docs];
    assert.equal(list.map((d) => d.id), ['a1', 'a2', 'a3']);
    assert.is(list[0]!.time, Date.parse('2024-03-17T08:00:00Z'));
    assert.is(list[1]!.date, undefined);
    assert.is(list[2]!.title, '');
  }
});

test('a directory of CMS text files loads like corpus/', () => {
  const dir = path.join(work, 'cms');
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  const sample = sampleFiles()[0]!;
  writeFileSync(path.join(dir, 'sub', 'one.txt'), readFileSync(sample, 'utf8'));
  writeFileSync(path.join(dir, 'ignored.md'), '# not a document');
  assert.is(corpusUnavailable(dir), undefined);
  const { docs, count } = corpusDocs(dir);
  assert.is(count, 1);
  assert.is([...docs][0]!.id, 'one');
});

test('query sets of path corpora go to bench/results/queries, keyed by the resolved path', () => {
  const a = querySetLocation(corpusSpec(path.join(work, 'news.jsonl'))!);
  const b = querySetLocation(corpusSpec(path.join(work, 'other', 'news.jsonl'))!);
  assert.is(a.dir, path.join(REPO_ROOT, 'bench', 'results', 'queries'));
  assert.ok(a.key.startsWith('path-news-'), a.key);
  assert.is.not(a.key, b.key);
  assert.equal(querySetLocation(corpusSpec('reuters')!), { key: 'reuters' });
  assert.is.not(a.dir, QUERY_DIR);
});

test('a malformed JSONL line is a CorpusFormatError naming the file and line', () => {
  const cases: Array<[string, RegExp]> = [
    ['{"id":"a","title":"t","body":"b"}\n{"id": broken\n', /bad\.jsonl:2: not JSON/],
    ['[1,2]\n', /:1: not a JSON object/],
    ['{"title":"no id"}\n', /:1: no "id"/],
    ['{"id":"x","body":42}\n', /:1: "title" and "body" must be strings/],
  ];
  for (const [text, message] of cases) {
    const file = path.join(work, 'bad.jsonl');
    writeFileSync(file, text);
    assert.throws(() => corpusDocs(file), (e: unknown) => e instanceof CorpusFormatError && message.test(e.message), text);
  }
});

test('paths that cannot be a corpus are reported', () => {
  assert.match(corpusUnavailable(path.join(work, 'missing.jsonl'))!, /does not exist/);
  const empty = path.join(work, 'empty');
  mkdirSync(empty);
  assert.match(corpusUnavailable(empty)!, /no \.txt files/);
  const other = path.join(work, 'notes.csv');
  writeFileSync(other, 'a,b');
  assert.match(corpusUnavailable(`./${path.relative(process.cwd(), other)}`)!, /neither a directory/);
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
