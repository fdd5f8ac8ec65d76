import { chmod, copyFile, mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { NewsDocument } from '../../src/document.js';
import { InvalidOptionError } from '../../src/errors.js';
import { SearchIndex } from '../../src/search-index.js';
import { collectCorpus, loadCorpus } from '../../src/ingest/load-corpus.js';
import type { IngestedDocument, IngestProgress, IngestReport, SkippedFile } from '../../src/ingest/types.js';
import { FIXTURES, SEED, seedAvailable, tempDir } from './helpers.js';
import { projectRoot } from '../_support/paths.js';

const MB = 1024 * 1024;

interface Context {
  dir: string;
  cleanup: () => Promise<void>;
}

const loader = suite<Context>('loadCorpus', { dir: '', cleanup: async () => {} });

/** Writes the good files and every kind of bad file into a fresh temp folder. */
loader.before(async (ctx) => {
  const { dir, cleanup } = await tempDir('ingest');
  ctx.dir = dir;
  ctx.cleanup = cleanup;
  const good = path.join(dir, 'corpus');
  await mkdir(path.join(good, 'articles'), { recursive: true });
  await mkdir(path.join(good, 'feeds'), { recursive: true });
  await mkdir(path.join(good, 'bad'), { recursive: true });
  await copyFile(path.join(FIXTURES, 'cms-seed-format.txt'), path.join(good, 'articles', 'cold-chain.txt'));
  await copyFile(path.join(FIXTURES, 'article-page.html'), path.join(good, 'articles', 'ferry.html'));
  await copyFile(path.join(FIXTURES, 'feed.rss.xml'), path.join(good, 'feeds', 'harbour.xml'));
  await copyFile(path.join(FIXTURES, 'feed.atom.xml'), path.join(good, 'feeds', 'city.atom'));
  await copyFile(path.join(FIXTURES, 'articles.jsonl'), path.join(good, 'dump.jsonl'));
  // An HTML page saved as .txt: the content decides.
  await copyFile(path.join(FIXTURES, 'no-article-page.html'), path.join(good, 'articles', 'market.txt'));
  await writeFile(path.join(good, 'api.json.gz'), gzipSync(JSON.stringify([{ id: 'gz-1', title: 'Zipped', body: 'From a gzip file.' }])));

  const bad = path.join(good, 'bad');
  await writeFile(path.join(bad, 'empty.txt'), '');
  await writeFile(path.join(bad, 'blank.txt'), ' \n\n\t \n');
  await writeFile(path.join(bad, 'image.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  // "Café “Olé” Reopens" in windows-1252: not valid UTF-8.
  await writeFile(
    path.join(bad, 'latin1.txt'),
    new Uint8Array([...Buffer.from('Caf'), 0xe9, 0x20, 0x93, ...Buffer.from('Ol'), 0xe9, 0x94, ...Buffer.from(' Reopens\n\n2024-05-01 admin\n\nThe caf'), 0xe9, ...Buffer.from(' reopened.\n')]),
  );
  await writeFile(path.join(bad, 'huge.txt'), Buffer.alloc(20 * MB, 'All work and no play makes a very large text file.\n'));
  // 3 GB, sparse: reading it whole would fail, so `too-large` proves the size was checked first.
  await writeFile(path.join(bad, 'sparse.txt'), '');
  await truncate(path.join(bad, 'sparse.txt'), 3 * 1024 * MB);
  await writeFile(path.join(bad, 'nothing.html'), '<html><head></head><body><script>x()</script></body></html>');
  await writeFile(path.join(bad, 'broken.json'), '{"title": "never closed", ');
  await writeFile(path.join(bad, 'not-a-feed.xml'), '<?xml version="1.0"?><catalog><book>x</book></catalog>');
  await symlink(path.join(dir, 'no-such-target.txt'), path.join(bad, 'dangling.txt'));
  // The same story saved twice under another name: an exact duplicate.
  await copyFile(path.join(FIXTURES, 'cms-seed-format.txt'), path.join(bad, 'cold-chain-copy.txt'));
  // A JSONL whose first record reuses an id from dump.jsonl with different content.
  await writeFile(path.join(bad, 'more.jsonl'), '{"id": "n-1", "title": "Other story", "body": "Different body."}\n{"id": "m-2", "title": "Fresh", "body": "Fresh body."}\n');
});

loader.after(async (ctx) => {
  await ctx.cleanup();
});

async function drain(inputs: string | string[], options: Parameters<typeof loadCorpus>[1] = {}): Promise<{ docs: IngestedDocument[]; report: IngestReport }> {
  const load = loadCorpus(inputs, options);
  const docs: IngestedDocument[] = [];
  for await (const doc of load) docs.push(doc);
  return { docs, report: load.report };
}

function skippedFor(report: IngestReport, file: string): SkippedFile[] {
  return report.skipped.filter((s) => s.path.endsWith(file));
}

loader('every good file is loaded, every bad file reported with its reason, and nothing throws', async ({ dir }) => {
  const missing = path.join(dir, 'no-such-dir');
  const { docs, report } = await drain([path.join(dir, 'corpus'), missing, path.join(dir, 'corpus', '**', '*.nothing')]);
  assert.ok(report.complete);
  const ids = docs.map((d) => d.id);

  // Good files, all of them (ids: path relative to the input, #n for items without their own id).
  assert.ok(ids.includes('articles/cold-chain.txt'));
  assert.ok(ids.includes('articles/ferry.html'));
  assert.ok(ids.includes('articles/market.txt'));
  assert.ok(ids.includes('bulletin-2025-0616-pilot'));
  assert.ok(ids.includes('feeds/harbour.xml#3'));
  assert.ok(ids.includes('tag:city.example,2025-04-08:bike-lanes'));
  assert.ok(ids.includes('feeds/city.atom#3'));
  assert.ok(ids.includes('n-1') && ids.includes('2') && ids.includes('dump.jsonl#4'));
  assert.ok(ids.includes('gz-1'));
  assert.ok(ids.includes('bad/latin1.txt'));
  assert.ok(ids.includes('m-2'));
  assert.is(new Set(ids).size, ids.length, 'ids are unique');
  assert.is(report.documents, docs.length);

  const reasonOf = (file: string): string | undefined => report.files.find((f) => f.path.endsWith(file))?.reason;
  assert.is(reasonOf('bad/empty.txt'), 'empty');
  assert.is(reasonOf('bad/blank.txt'), 'empty');
  assert.is(reasonOf('bad/image.png'), 'binary');
  assert.is(reasonOf('bad/huge.txt'), 'too-large');
  assert.is(reasonOf('bad/sparse.txt'), 'too-large');
  assert.is(reasonOf('bad/nothing.html'), 'no-body');
  assert.is(reasonOf('bad/broken.json'), 'unparseable');
  assert.is(reasonOf('bad/not-a-feed.xml'), 'unparseable');
  assert.is(reasonOf('bad/dangling.txt'), 'unreadable');
  assert.is(reasonOf('bad/cold-chain-copy.txt'), 'exact-duplicate');

  // Every matched file is accounted for: documents, or a reason.
  assert.is(report.files.length, report.filesTotal);
  assert.is(report.filesDone, report.filesTotal);
  for (const file of report.files) {
    assert.ok((file.documents > 0) !== (file.reason !== undefined), file.path);
  }
  assert.is(
    report.files.reduce((sum, f) => sum + f.documents, 0),
    docs.length,
  );

  // Inputs that matched nothing.
  const notFound = report.skipped.filter((s) => s.reason === 'not-found').map((s) => s.path);
  assert.equal(notFound, [missing, path.join(dir, 'corpus', '**', '*.nothing')]);
});

loader('too-large is decided by stat, with the size reported', async ({ dir }) => {
  const { report } = await drain(path.join(dir, 'corpus', 'bad', '*.txt'));
  const [huge] = skippedFor(report, 'huge.txt');
  assert.is(huge?.reason, 'too-large');
  assert.ok((huge?.bytes ?? 0) >= 20 * MB);
  assert.is(skippedFor(report, 'sparse.txt')[0]?.bytes, 3 * 1024 * MB);
  const raised = await drain(path.join(dir, 'corpus', 'bad', 'huge.txt'), { maxFileBytes: 32 * MB });
  assert.is(raised.docs.length, 1, 'a raised limit reads it');
});

loader('a gzip file is limited by what it decompresses to, not by its size on disk', async ({ dir }) => {
  const bomb = path.join(dir, 'bomb.txt.gz');
  await writeFile(bomb, gzipSync(Buffer.alloc(4 * MB, 'Title\n\nSame line again and again.\n')));
  const { docs, report } = await drain(bomb, { maxFileBytes: 1 * MB });
  assert.is(docs.length, 0);
  assert.is(report.files[0]?.reason, 'too-large');
  const fine = await drain(bomb, { maxFileBytes: 8 * MB });
  assert.is(fine.docs[0]?.title, 'Title');
  assert.is(fine.report.files[0]?.format, 'cms-text');
});

loader('invalid UTF-8 is read as windows-1252, indexed, and noted', async ({ dir }) => {
  const { docs, report } = await drain(path.join(dir, 'corpus', 'bad', 'latin1.txt'));
  assert.is(docs[0]?.title, 'Café “Olé” Reopens');
  assert.is(docs[0]?.body, 'The café reopened.');
  assert.equal(report.notes, [{ path: path.join(dir, 'corpus', 'bad', 'latin1.txt'), kind: 'encoding', encoding: 'latin1-fallback' }]);
  assert.is(report.files[0]?.encoding, 'latin1-fallback');
});

loader('duplicate ids and exact duplicates name the document they collide with', async ({ dir }) => {
  const { docs, report } = await drain(path.join(dir, 'corpus'));
  const dupId = report.skipped.find((s) => s.reason === 'duplicate-id');
  // Files load in path order: bad/more.jsonl comes before dump.jsonl.
  assert.equal(dupId, { path: path.join(dir, 'corpus', 'dump.jsonl'), reason: 'duplicate-id', item: 1, line: 1, id: 'n-1', duplicateOf: 'n-1' });
  assert.is(docs.find((d) => d.id === 'n-1')?.title, 'Other story', 'the first one stays');
  const exact = report.skipped.find((s) => s.reason === 'exact-duplicate');
  assert.equal(exact, {
    path: path.join(dir, 'corpus', 'bad', 'cold-chain-copy.txt'),
    reason: 'exact-duplicate',
    id: 'bad/cold-chain-copy.txt',
    duplicateOf: 'articles/cold-chain.txt',
  });
});

loader('item-level problems: a bad JSONL line and an empty record, with lines; the file still loads', async ({ dir }) => {
  const { docs, report } = await drain(path.join(dir, 'corpus', 'dump.jsonl'));
  assert.equal(docs.map((d) => d.id), ['n-1', '2', 'dump.jsonl#4']);
  const problems = skippedFor(report, 'dump.jsonl').map((s) => [s.reason, s.line, s.item]);
  assert.equal(problems, [
    ['unparseable', 4, 3],
    ['unparseable', 6, 5],
    ['no-body', 7, 6],
  ]);
  assert.is(report.files[0]?.documents, 3);
  assert.is(report.files[0]?.reason, undefined);
});

loader("onDuplicateId 'replace' yields the later document, notes it, and collectCorpus upserts", async ({ dir }) => {
  const inputs = [path.join(dir, 'corpus', 'dump.jsonl'), path.join(dir, 'corpus', 'bad', 'more.jsonl')];
  const { documents, report } = await collectCorpus(inputs, { onDuplicateId: 'replace' });
  assert.equal(documents.map((d) => d.id), ['n-1', '2', 'dump.jsonl#4', 'm-2']);
  assert.is(documents[0]?.title, 'Other story');
  assert.ok(report.notes.some((n) => n.kind === 'replaced' && n.id === 'n-1'));
  assert.not.ok(report.skipped.some((s) => s.reason === 'duplicate-id'));
});

loader("onExactDuplicate 'keep' keeps both and notes the pair", async ({ dir }) => {
  const { docs, report } = await drain(path.join(dir, 'corpus', '{articles,bad}', 'cold-chain*.txt'), { onExactDuplicate: 'keep' });
  assert.equal(docs.map((d) => d.id).sort(), ['articles/cold-chain.txt', 'bad/cold-chain-copy.txt']);
  assert.ok(report.notes.some((n) => n.kind === 'exact-duplicate-kept' && n.duplicateOf === 'articles/cold-chain.txt'));
});

loader('ids are relative to the glob base; one file given alone is named by its file name', async ({ dir }) => {
  const glob = await drain(path.join(dir, 'corpus', 'articles', '*.html'));
  assert.equal(glob.docs.map((d) => d.id), ['ferry.html']);
  const single = await drain(path.join(dir, 'corpus', 'articles', 'cold-chain.txt'));
  assert.equal(single.docs.map((d) => d.id), ['cold-chain.txt']);
  const relative = await drain('articles', { cwd: path.join(dir, 'corpus') });
  assert.equal(relative.docs.map((d) => d.id), ['cold-chain.txt', 'ferry.html', 'market.txt'], 'a directory input is its own base');
  const braces = await drain(path.join(dir, 'corpus', '{articles,feeds}', '*.{txt,atom}'));
  assert.equal(braces.docs.slice(0, 2).map((d) => d.id), ['articles/cold-chain.txt', 'articles/market.txt']);
});

loader('a file whose name has glob characters is taken literally', async ({ dir }) => {
  const odd = path.join(dir, 'corpus', 'articles', 'ferry.html');
  const literal = path.join(dir, 'odd [1].txt');
  await copyFile(path.join(FIXTURES, 'cms-seed-format.txt'), literal);
  const { docs } = await drain([literal, odd]);
  // Two inputs in different folders: ids are relative to the folder holding both.
  assert.equal(docs.map((d) => d.id), ['odd [1].txt', 'corpus/articles/ferry.html']);
});

loader('same-named files from two inputs get different ids, not a duplicate-id drop', async ({ dir }) => {
  for (const name of ['a', 'b']) {
    await mkdir(path.join(dir, 'two', name), { recursive: true });
    await writeFile(path.join(dir, 'two', name, 'x.txt'), `Story ${name}\n\nBody of ${name}.\n`);
  }
  const folders = await drain([path.join(dir, 'two', 'a'), path.join(dir, 'two', 'b')]);
  assert.equal(folders.docs.map((d) => [d.id, d.title]), [['a/x.txt', 'Story a'], ['b/x.txt', 'Story b']]);
  assert.equal(folders.report.skipped, []);
  const files = await drain([path.join(dir, 'two', 'a', 'x.txt'), path.join(dir, 'two', 'b', 'x.txt')], { onDuplicateId: 'replace' });
  assert.equal(files.docs.map((d) => d.id), ['a/x.txt', 'b/x.txt']);
  // One input, or inputs sharing a folder, keep ids relative to it.
  const same = await drain([path.join(dir, 'two', 'a', 'x.txt'), path.join(dir, 'two', 'a', '*.txt')]);
  assert.equal(same.docs.map((d) => d.id), ['x.txt']);
});

loader('a file matched by two inputs is loaded once', async ({ dir }) => {
  const a = path.join(dir, 'corpus', 'articles');
  const { docs, report } = await drain([a, path.join(a, 'ferry.html')]);
  assert.is(docs.length, 3);
  assert.is(report.filesTotal, 3);
});

loader('links to folders are followed once; a link back to a walked folder is reported, not looped', async ({ dir }) => {
  const root = path.join(dir, 'links');
  await mkdir(path.join(root, 'd'), { recursive: true });
  await mkdir(path.join(dir, 'elsewhere'), { recursive: true });
  await writeFile(path.join(root, 'd', 'a.txt'), 'Port opens\n\nThe port opened on Monday.\n');
  await writeFile(path.join(dir, 'elsewhere', 'b.txt'), 'Ferry resumes\n\nThe ferry runs again.\n');
  await symlink('..', path.join(root, 'd', 'up')); // back to `links`
  await symlink('.', path.join(root, 'd', 'self')); // to itself
  await symlink(path.join(dir, 'elsewhere'), path.join(root, 'd', 'other')); // a real folder elsewhere
  const { docs, report } = await drain(path.join(root, 'd'));
  assert.equal(docs.map((d) => d.title).sort(), ['Ferry resumes', 'Port opens']);
  const loops = report.skipped.filter((s) => s.reason === 'unreadable' && /loop/.test(s.detail ?? ''));
  assert.ok(loops.some((s) => s.path.endsWith(path.join('d', 'self'))), JSON.stringify(report.skipped));
  // A link above the input is not followed either: nothing outside it is loaded, nothing twice.
  assert.ok(loops.some((s) => s.path.endsWith(path.join('d', 'up'))), JSON.stringify(report.skipped));
  assert.equal(report.skipped.filter((s) => s.reason === 'exact-duplicate'), []);
  // Every file listed is accounted for, and the walk is finite (at most a handful of entries).
  assert.is(report.files.length + report.skipped.filter((s) => s.reason !== 'unreadable').length >= 2, true);
  assert.ok(report.filesTotal < 10, `${report.filesTotal} files`);
});

loader('a folder the process may not list is reported unreadable; the rest of the walk goes on', async ({ dir }) => {
  // Root reads every folder whatever its mode: the loader then runs as `nobody` (setpriv).
  const root = path.join(dir, 'locked-walk');
  await mkdir(path.join(root, 'c', 'locked'), { recursive: true });
  await mkdir(path.join(root, 'c', 'ok'), { recursive: true });
  for (let i = 1; i <= 3; i++) await writeFile(path.join(root, 'c', 'locked', `s${i}.txt`), `Story ${i}\n\nBody ${i}.\n`);
  await writeFile(path.join(root, 'c', 'ok', 'a.txt'), 'Ok story\n\nFine body.\n');
  // A link to a folder it may not list costs the link, not the input.
  await mkdir(path.join(root, 'elsewhere'), { recursive: true });
  await writeFile(path.join(root, 'elsewhere', 'b.txt'), 'Elsewhere\n\nLocked away.\n');
  await symlink(path.join(root, 'elsewhere'), path.join(root, 'c', 'link'));
  await chmod(dir, 0o755);
  await chmod(root, 0o755);
  await chmod(path.join(root, 'c', 'locked'), 0o000);
  await chmod(path.join(root, 'elsewhere'), 0o000);
  const script = `const { collectCorpus } = await import(${JSON.stringify(pathToFileURL(path.join(projectRoot, 'src', 'ingest', 'load-corpus.ts')).href)});` +
    `const r = await collectCorpus(${JSON.stringify(path.join(root, 'c'))});` +
    `console.log(JSON.stringify({ titles: r.documents.map((d) => d.title), skipped: r.report.skipped.map((s) => [s.path, s.reason, s.detail]) }));`;
  const args = ['--import', 'tsx', '--input-type=module', '-e', script];
  const run = process.getuid?.() === 0
    ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 })
    : spawnSync(process.execPath, args, { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
  await chmod(path.join(root, 'c', 'locked'), 0o755);
  await chmod(path.join(root, 'elsewhere'), 0o755);
  if (run.status !== 0 || run.stdout.trim() === '') {
    console.log(`  (skipped: the loader could not be run as an unprivileged user here: ${(run.error?.message ?? run.stderr).split('\n')[0]})`);
    return;
  }
  const out = JSON.parse(run.stdout) as { titles: string[]; skipped: Array<[string, string, string]> };
  assert.equal(out.titles, ['Ok story']);
  assert.equal(out.skipped.sort(), [[path.join(root, 'c', 'link'), 'unreadable', 'EACCES'], [path.join(root, 'c', 'locked'), 'unreadable', 'EACCES']]);
});

loader('a link to / or to a folder above the input is reported, not walked', async ({ dir }) => {
  const root = path.join(dir, 'link-up');
  await mkdir(path.join(root, 'in', 'deep'), { recursive: true });
  await writeFile(path.join(root, 'in', 'a.txt'), 'Port opens\n\nThe port opened.\n');
  await symlink('/', path.join(root, 'in', 'root'));
  await symlink(root, path.join(root, 'in', 'deep', 'up'));
  const { docs, report } = await drain(path.join(root, 'in'));
  assert.equal(docs.map((d) => d.title), ['Port opens']);
  assert.equal(report.skipped.map((s) => [path.relative(root, s.path), s.reason]).sort(), [['in/deep/up', 'unreadable'], ['in/root', 'unreadable']]);
});

loader('a date the index cannot read is dropped with a note, so every loaded document can be added', async ({ dir }) => {
  const root = path.join(dir, 'dates');
  await mkdir(root, { recursive: true });
  await writeFile(path.join(root, 'a.json'), JSON.stringify([
    { id: 'ok', title: 'Port', body: 'Port news.', date: '2024-03-17' },
    { id: 'junk', title: 'Ferry', body: 'Ferry news.', date: 'the 45th of Smarch' },
  ]));
  const { docs, report } = await drain(root);
  assert.equal(docs.map((d) => [d.id, d.date]), [['ok', '2024-03-17'], ['junk', undefined]]);
  assert.equal(report.notes.filter((n) => n.kind === 'unreadable-date').map((n) => [n.id, n.date]), [['junk', 'the 45th of Smarch']]);
  const index = new SearchIndex();
  index.addAll(docs as NewsDocument[]);
  assert.is(index.size, 2);
});

loader('lone surrogates are read as U+FFFD: titles differing only in them are exact duplicates, reported', async ({ dir }) => {
  const root = path.join(dir, 'surrogates');
  await mkdir(root, { recursive: true });
  await writeFile(path.join(root, 'a.json'), '[{"id":"s1","title":"Port \\ud800","body":"b"},{"id":"s2","title":"Port \\udc00","body":"b"},{"id":"s3","title":"Port \\ud800x","body":"b"}]');
  const { docs, report } = await drain(root);
  assert.equal(docs.map((d) => [d.id, d.title]), [['s1', 'Port \ufffd'], ['s3', 'Port \ufffdx']]);
  assert.equal(report.skipped.map((s) => [s.reason, s.id]), [['exact-duplicate', 's2']]);
});

loader('dot files and folders are reported hidden, a folder once; given by path they are read', async ({ dir }) => {
  const root = path.join(dir, 'dots');
  await mkdir(path.join(root, '.archive', 'old'), { recursive: true });
  await writeFile(path.join(root, 'a.txt'), 'Port opens\n\nThe port opened.\n');
  await writeFile(path.join(root, '.story.txt'), 'Hidden story\n\nA hidden body.\n');
  for (let i = 0; i < 5; i++) await writeFile(path.join(root, '.archive', 'old', `s${i}.txt`), `Old ${i}\n\nOld body.\n`);
  const { docs, report } = await drain(root);
  assert.equal(docs.map((d) => d.title), ['Port opens']);
  assert.equal(report.skipped.filter((s) => s.reason === 'hidden').map((s) => path.basename(s.path)).sort(), ['.archive', '.story.txt']);
  const given = await drain(path.join(root, '.story.txt'));
  assert.equal(given.docs.map((d) => d.title), ['Hidden story']);
  // A folder holding only dot files is accounted for by them, not also reported not-found.
  await mkdir(path.join(root, 'only-dots'));
  await writeFile(path.join(root, 'only-dots', '.draft.txt'), 'Draft\n\nNot yet.\n');
  const only = await drain(path.join(root, 'only-dots'));
  assert.equal(only.report.skipped.map((s) => s.reason), ['hidden']);
});

loader('onProgress reports each file with the running totals', async ({ dir }) => {
  const calls: IngestProgress[] = [];
  const { docs } = await drain(path.join(dir, 'corpus', 'feeds'), { onProgress: (p) => calls.push({ ...p }) });
  assert.equal(
    calls.map((c) => [c.filesDone, c.filesTotal, c.documents, path.basename(c.currentPath)]),
    [
      [1, 2, 3, 'city.atom'],
      [2, 2, 3 + 3, 'harbour.xml'],
    ],
  );
  assert.is(docs.length, 6);
});

loader('documents stream: stopping early leaves an incomplete report, iterating again starts afresh', async ({ dir }) => {
  const load = loadCorpus(path.join(dir, 'corpus', 'feeds'));
  for await (const doc of load) {
    assert.type(doc.id, 'string');
    break;
  }
  assert.not.ok(load.report.complete);
  assert.is(load.report.filesDone, 0);
  let count = 0;
  for await (const _ of load.documents) count++;
  assert.is(count, 6);
  assert.ok(load.report.complete);
});

loader('ingested documents are NewsDocuments', async ({ dir }) => {
  const { docs } = await drain(path.join(dir, 'corpus', 'articles'));
  const news: NewsDocument[] = docs;
  assert.is(news.length, 3);
});

loader('bad options are rejected up front with InvalidOptionError naming the option', () => {
  const cases: [() => unknown, string][] = [
    [() => loadCorpus([]), 'inputs'],
    [() => loadCorpus(''), 'inputs'],
    [() => loadCorpus('x', { maxFileBytes: 0 }), 'maxFileBytes'],
    [() => loadCorpus('x', { maxFileBytes: Number.NaN }), 'maxFileBytes'],
    [() => loadCorpus('x', { onDuplicateId: 'merge' as 'replace' }), 'onDuplicateId'],
    [() => loadCorpus('x', { onExactDuplicate: 'drop' as 'skip' }), 'onExactDuplicate'],
    [() => loadCorpus('x', { ignore: 'drafts/**' as unknown as string[] }), 'ignore'],
    [() => loadCorpus('x', { ignore: [5] as unknown as string[] }), 'ignore'],
    [() => loadCorpus('x', { cwd: 123 as unknown as string }), 'cwd'],
  ];
  for (const [call, option] of cases) {
    try {
      call();
      assert.unreachable(option);
    } catch (error) {
      assert.instance(error, InvalidOptionError);
      assert.is((error as InvalidOptionError).option, option);
    }
  }
});

loader('the seed through the loader', async () => {
  if (!seedAvailable('load-corpus')) return;
  const { docs, report } = await drain(SEED);
  assert.is(docs.length, 1);
  assert.is(docs[0]?.id, path.basename(SEED));
  assert.is(docs[0]?.date, '2024-03-17 15:34:32');
  assert.equal(report.skipped, []);
});

loader.run();
