// The `broadsheet` command end to end, spawned as a child process the way users run it:
// index corpus/, search it (text and JSON), stats, and one-line errors for bad input.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, existsSync, readFileSync, mkdirSync, readdirSync, symlinkSync, lstatSync, statSync, chmodSync } from 'node:fs';
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

test('a failed write leaves the previous index whole; the output may not be an input', () => {
  const dir = join(work, 'atomic');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.txt'), 'Harbour dredging starts\n\n2024-05-02 09:00:00 admin source: share:\n\nDredging of the harbour began.\n');
  const out = join(dir, 'out.bsx');
  assert.is(run('index', join(dir, 'a.txt'), '--out', out, '--quiet').code, 0);
  const before = readFileSync(out);
  // A write that fails part-way: a file-size limit of 1 KiB (SIGXFSZ ignored so the write errors).
  const limited = spawnSync('sh', ['-c', `trap '' XFSZ; ulimit -f 2; exec "${process.execPath}" "${bin}" index corpus --out "${out}" --quiet`], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
  assert.is(limited.status, 1, limited.stderr);
  assert.match(limited.stderr, /^broadsheet: cannot write/);
  assert.equal(readFileSync(out), before, 'the old index is untouched');
  assert.equal(readdirSync(dir).sort(), ['a.txt', 'out.bsx'], 'no temporary file left behind');
  // Through a link the file it names is replaced and the link kept; a device is written through,
  // never replaced by a regular file (as root a rename over /dev/null would do just that).
  const link = join(dir, 'link.bsx');
  symlinkSync('out.bsx', link);
  assert.is(run('index', join(dir, 'a.txt'), '--out', link, '--quiet').code, 0);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.equal(readFileSync(out), before);
  assert.is(run('index', join(dir, 'a.txt'), '--out', '/dev/null', '--quiet').code, 0);
  assert.ok(statSync('/dev/null').isCharacterDevice());
  rmSync(link);
  // A replaced index keeps its permissions; folders are made as needed, and a folder the kernel
  // refuses (under /proc) is an error, not an endless mkdir loop.
  chmodSync(out, 0o640);
  assert.is(run('index', join(dir, 'a.txt'), '--out', out, '--quiet').code, 0);
  assert.is(statSync(out).mode & 0o777, 0o640);
  assert.is(run('index', join(dir, 'a.txt'), '--out', join(dir, 'n1', 'n2', 'x.bsx'), '--quiet').code, 0);
  rmSync(join(dir, 'n1'), { recursive: true });
  const proc = run('index', join(dir, 'a.txt'), '--out', '/proc/broadsheet-nope/x.bsx', '--quiet');
  assert.is(proc.code, 1);
  assert.match(proc.stderr, /^broadsheet: cannot write/);
  // The input file is not overwritten by the index made from it.
  const input = join(dir, 'a.txt');
  const text = readFileSync(input, 'utf8');
  const clash = run('index', input, '--out', input, '--quiet');
  assert.is(clash.code, 2);
  assert.match(clash.stderr, /is one of the input files/);
  assert.is(readFileSync(input, 'utf8'), text);
});

test('--replace-duplicates with an unreadable date replaces the document, undated', () => {
  const dir = join(work, 'replace');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.json'), JSON.stringify([{ id: 'r1', title: 'Ferry timetable', body: 'Old ferry times.', date: '2024-03-01' }]));
  writeFileSync(join(dir, 'b.json'), JSON.stringify([{ id: 'r1', title: 'Ferry timetable', body: 'New ferry times.', date: 'the 45th of Smarch' }]));
  const out = join(work, 'replace.bsx');
  const r = run('index', join(dir, 'a.json'), join(dir, 'b.json'), '--out', out, '--quiet', '--replace-duplicates');
  assert.is(r.code, 0, r.stderr);
  const hits = JSON.parse(run('search', out, 'ferry', '--json').stdout) as { hits: Array<{ id: string; date: string | null; excerpt: string }> };
  assert.equal(hits.hits.map((h) => [h.id, h.date]), [['r1', null]]);
  assert.match(hits.hits[0]!.excerpt, /New ferry/);
});

test('numbers in options are digits only; usage errors go to stderr', () => {
  for (const value of ['', ' ', '0x10', '1e1', '9007199254740993', '-1']) {
    const r = run('search', indexFile, 'port', '--limit', value);
    assert.is(r.code, 2, JSON.stringify(value));
    assert.match(r.stderr, /--limit/);
  }
  assert.is(run('search', indexFile, 'port', '--limit', '007').code, 0);
  const huge = run('index', 'corpus', '--out', join(work, 'huge.bsx'), '--max-file-mb', '1e308', '--quiet');
  assert.is(huge.code, 2);
  assert.match(huge.stderr, /--max-file-mb must be a positive number/);
  const bare = run();
  assert.is(bare.code, 2);
  assert.is(bare.stdout, '');
  assert.match(bare.stderr, /Usage: broadsheet/);
});

test('output to a closed pipe ends quietly', () => {
  // demo writes line by line, long after the reader has gone.
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" demo | head -c 1 >/dev/null`], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
  assert.not.match(r.stderr, /\n\s+at /);
  assert.not.match(r.stderr, /EPIPE|internal error/);
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
