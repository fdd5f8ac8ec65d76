// The `broadsheet` command end to end, spawned as a child process the way users run it:
// index corpus/, search it (text and JSON), stats, and one-line errors for bad input.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, existsSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../_support/paths.js';

const bin = join(projectRoot, 'bin', 'broadsheet.js');
const work = mkdtempSync(join(tmpdir(), 'broadsheet-cli-'));
const indexFile = join(work, 'corpus.bsx');

function run(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

test('index corpus/ writes an index and a summary, exit 0', () => {
  const r = run('index', 'corpus', '--out', indexFile, '--quiet');
  assert.is(r.code, 0, r.stderr);
  assert.ok(existsSync(indexFile));
  assert.match(r.stdout, /Indexed \d+ documents from \d+ files/);
});

test('search prints ranked, readable results', () => {
  const r = run('search', indexFile, 'budget deficit', '--limit', '3');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /results for "budget deficit"/);
  assert.match(r.stdout, /^\s+1\. .+/m);
  assert.match(r.stdout, /score \d+\.\d+/);
});

test('search --json carries id, title, ISO date, score and excerpt, best first', () => {
  const r = run('search', indexFile, 'trade fair', '--json', '--limit', '5');
  assert.is(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { total: number; hits: Array<{ rank: number; id: string; title: string; date: string | null; score: number; excerpt: string }> };
  assert.ok(out.total >= out.hits.length && out.hits.length > 0);
  out.hits.forEach((h, i) => {
    assert.is(h.rank, i + 1);
    assert.type(h.title, 'string');
    if (h.date !== null) assert.match(h.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    if (i > 0) assert.ok(h.score <= out.hits[i - 1]!.score);
  });
  assert.ok(out.hits.some((h) => /trade fair/i.test(h.title)));
});

test('the seed-equivalent article is found with its title and date', () => {
  const text = readFileSync(join(projectRoot, 'corpus', 'articles', '000-seed-equivalent.txt'), 'utf8');
  const title = text.split('\n')[0]!.trim();
  const r = run('search', indexFile, title, '--json', '--limit', '1');
  const out = JSON.parse(r.stdout) as { hits: Array<{ title: string; date: string }> };
  assert.is(out.hits[0]!.title, title);
  assert.is(out.hits[0]!.date, '2024-03-26T09:48:10.000Z');
});

test('stats reports documents, segments, terms and the date range', () => {
  const r = run('stats', indexFile, '--json');
  assert.is(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout) as { documents: number; segments: number; terms: number; dateRange: { from: string; to: string }; sections: Record<string, number> };
  assert.ok(s.documents > 40);
  assert.is(s.segments, 1);
  assert.ok(s.terms > 1000);
  assert.ok(s.dateRange.from < s.dateRange.to);
  assert.ok(s.sections['postings']! > 0);
  const text = run('stats', indexFile).stdout;
  assert.match(text, /documents\s+\d+/);
  // Binary units, named so (the bench's MB are 10^6 bytes).
  assert.match(text, /format version \d+, [\d.]+ (KiB|MiB)\n/);
  assert.match(text, /postings\s+[\d.]+ (B|KiB|MiB)\n/);
});

test('a mixed folder: good files indexed, bad files reported, nothing lost', () => {
  const dir = join(work, 'mixed');
  mkdirSync(dir);
  writeFileSync(join(dir, 'good.txt'), 'Harbour dredging starts\n\n2024-05-02 09:00:00 admin source: share:\n\nDredging of the harbour began on Monday.\n');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 4]));
  writeFileSync(join(dir, 'baddate.json'), JSON.stringify([{ id: 'j1', title: 'Ferry timetable', body: 'New ferry times.', date: 'the 45th of Smarch' }]));
  const out = join(work, 'mixed.bsx');
  const r = run('index', dir, '--out', out, '--quiet');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /Indexed 2 documents/);
  assert.match(r.stdout, /empty: 1/);
  assert.match(r.stdout, /binary: 1/);
  assert.match(r.stdout, /unreadable date/);
  const hits = JSON.parse(run('search', out, 'ferry', '--json').stdout) as { hits: Array<{ id: string; date: string | null }> };
  assert.equal(hits.hits.map((h) => [h.id, h.date]), [['j1', null]]);
});

test('errors are one line with a non-zero exit, never a stack trace', () => {
  const missing = run('search', join(work, 'nope.bsx'), 'port');
  assert.is(missing.code, 1);
  assert.match(missing.stderr, /^broadsheet: no such index file/);
  const corrupt = join(work, 'corrupt.bsx');
  const good = readFileSync(indexFile);
  const at = Math.floor(good.length / 2);
  good[at] = good[at]! ^ 0xff;
  writeFileSync(corrupt, good);
  const bad = run('search', corrupt, 'port');
  assert.is(bad.code, 1);
  assert.match(bad.stderr, /not a readable Broadsheet index \(checksum/);
  const nothing = run('index', join(work, 'does-not-exist'), '--out', join(work, 'x.bsx'));
  assert.is(nothing.code, 1);
  assert.match(nothing.stderr, /not-found/);
  const option = run('search', indexFile, 'port', '--limit', 'lots');
  assert.is(option.code, 2);
  assert.match(option.stderr, /--limit/);
  const unknown = run('index', 'corpus', '--bogus');
  assert.is(unknown.code, 2);
  for (const r of [missing, bad, nothing, option, unknown]) assert.not.match(r.stderr, /\n\s+at /);
});

test('--help for every command', () => {
  for (const cmd of ['index', 'search', 'stats', 'demo']) {
    const r = run(cmd, '--help');
    assert.is(r.code, 0);
    assert.match(r.stdout, new RegExp(`Usage: broadsheet ${cmd}`));
  }
  assert.match(run('--help').stdout, /Commands:/);
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
