import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { walkInputs, type WalkResult } from '../../src/ingest/walk.js';
import { tempDir } from './helpers.js';

interface Context {
  dir: string;
  cleanup: () => Promise<void>;
}

const walk = suite<Context>('walkInputs', { dir: '', cleanup: async () => {} });

walk.before(async (ctx) => {
  const { dir, cleanup } = await tempDir('walk');
  ctx.dir = dir;
  ctx.cleanup = cleanup;
});

walk.after(async (ctx) => {
  await ctx.cleanup();
});

async function files(dir: string, tree: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(tree)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

/** Paths relative to `root`, `/`-separated and sorted: what the assertions compare. */
function relative(root: string, paths: readonly string[]): string[] {
  return paths.map((p) => path.relative(root, p).split(path.sep).join('/')).sort();
}

function reported(result: WalkResult, root: string, reason: string): string[] {
  return relative(root, result.problems.filter((p) => p.reason === reason).map((p) => p.path));
}

walk('an ignore pattern that matches a dot file or folder silences its hidden report', async ({ dir }) => {
  const root = path.join(dir, 'ignored-dots');
  await files(root, {
    'a.txt': 'A',
    'sub/b.txt': 'B',
    '.DS_Store': 'x',
    'sub/.DS_Store': 'x',
    '.git/HEAD': 'ref',
    '.git/objects/ab/cdef': 'x',
    'sub/.cache/c.txt': 'C',
  });
  const hiddenWith = async (ignore: string[]): Promise<string[]> => {
    const result = await walkInputs([root], { cwd: dir, ignore });
    assert.equal(relative(root, result.files.map((f) => f.path)), ['a.txt', 'sub/b.txt'], ignore.join(' '));
    return reported(result, root, 'hidden');
  };
  assert.equal(await hiddenWith([]), ['.DS_Store', '.git', 'sub/.DS_Store', 'sub/.cache']);
  // The folder itself, or everything in it.
  assert.equal(await hiddenWith(['**/.git/**']), ['.DS_Store', 'sub/.DS_Store', 'sub/.cache']);
  assert.equal(await hiddenWith(['**/.git']), ['.DS_Store', 'sub/.DS_Store', 'sub/.cache']);
  assert.equal(await hiddenWith(['**/.git/']), ['.DS_Store', 'sub/.DS_Store', 'sub/.cache']);
  assert.equal(await hiddenWith(['**/.git/**/*']), ['.DS_Store', 'sub/.DS_Store', 'sub/.cache']);
  assert.equal(await hiddenWith(['sub/.cache/*/**']), ['.DS_Store', '.git', 'sub/.DS_Store']);
  assert.equal(await hiddenWith([`${root}/**/.git/**`]), ['.DS_Store', 'sub/.DS_Store', 'sub/.cache'], 'absolute');
  // Only part of the folder: the rest is still unread, so still reported.
  assert.equal(await hiddenWith(['.git/*']), ['.DS_Store', '.git', 'sub/.DS_Store', 'sub/.cache']);
  // Relative to the input, as for any other file: `.DS_Store` is the top one only.
  assert.equal(await hiddenWith(['.DS_Store']), ['.git', 'sub/.DS_Store', 'sub/.cache']);
  assert.equal(await hiddenWith(['**/.DS_Store']), ['.git', 'sub/.cache']);
  assert.equal(await hiddenWith(['**/.*']), []);
  // An ignored folder's dot entries go with it.
  const result = await walkInputs([root], { cwd: dir, ignore: ['sub/**'] });
  assert.equal(reported(result, root, 'hidden'), ['.DS_Store', '.git']);
});

walk('a glob follows links to folders like a folder input: once each, loops reported, nothing twice', async ({ dir }) => {
  const root = path.join(dir, 'linked');
  await files(root, {
    'news/local/a.txt': 'A',
    'news/local/a.html': 'A',
    'elsewhere/b.txt': 'B',
    'elsewhere/deep/c.txt': 'C',
    'third/d.txt': 'D',
  });
  const news = path.join(root, 'news');
  await symlink(path.join('..', 'elsewhere'), path.join(news, 'world')); // a folder outside the input
  await symlink(path.join('..', 'elsewhere'), path.join(news, 'world2')); // the same folder again
  await symlink(path.join('..', 'third'), path.join(root, 'elsewhere', 'more')); // a link inside a followed folder
  await symlink('local', path.join(news, 'again')); // a folder the walk goes through anyway
  await symlink('..', path.join(news, 'local', 'up')); // back to `news`: a loop
  await symlink('.', path.join(news, 'local', 'self')); // to itself: a loop
  const wanted = ['local/a.txt', 'world/b.txt', 'world/deep/c.txt', 'world/more/d.txt'];
  // `self` and `again` lead into the input, whose files are listed under their own paths anyway.
  const loops = ['local/up', 'world2'];
  const idsOf = (result: WalkResult): string[] => result.files.map((f) => f.relativePath).filter((id) => id.endsWith('.txt')).sort();

  const folder = await walkInputs([news], { cwd: dir, ignore: [] });
  assert.equal(idsOf(folder), wanted, 'the folder input');
  assert.equal(reported(folder, news, 'unreadable'), loops);
  for (const glob of ['news/**/*.txt', `${news}/**/*.txt`, 'news/**']) {
    const result = await walkInputs([glob], { cwd: root, ignore: [] });
    assert.equal(idsOf(result), wanted, glob);
    assert.is(new Set(result.files.map((f) => f.path)).size, result.files.length, glob);
    assert.equal(reported(result, news, 'unreadable'), loops, glob);
  }
  // Each brace alternative with its own static part is read as named, like a folder given by path.
  const braces = await walkInputs(['news/{local,world}/**/*.txt'], { cwd: root, ignore: [] });
  assert.equal(idsOf(braces), wanted);
  // A link is entered only where the pattern can match under it.
  const shallow = await walkInputs(['news/*/*.txt'], { cwd: root, ignore: [] });
  assert.equal(idsOf(shallow), ['local/a.txt', 'world/b.txt']);
  assert.equal(reported(shallow, news, 'unreadable'), ['world2']);
  // Ignore patterns hold under links too, relative to the input as everywhere else.
  const ignoredGlob = await walkInputs(['news/**/*.txt'], { cwd: root, ignore: ['news/world/deep/**'] });
  assert.equal(idsOf(ignoredGlob), ['local/a.txt', 'world/b.txt', 'world/more/d.txt']);
  const ignoredFolder = await walkInputs([news], { cwd: dir, ignore: ['world/deep/**'] });
  assert.equal(idsOf(ignoredFolder), ['local/a.txt', 'world/b.txt', 'world/more/d.txt']);
});

walk('a glob through two links to each other ends, with the loop reported', async ({ dir }) => {
  const root = path.join(dir, 'cycle');
  await files(root, { 'a/x.txt': 'X', 'b/y.txt': 'Y' });
  await symlink(path.join('..', 'b'), path.join(root, 'a', 'to-b'));
  await symlink(path.join('..', 'a'), path.join(root, 'b', 'to-a'));
  const result = await walkInputs(['a/**/*.txt'], { cwd: root, ignore: [] });
  assert.equal(result.files.map((f) => f.relativePath), ['to-b/y.txt', 'x.txt']);
  assert.equal(reported(result, root, 'unreadable'), ['a/to-b/to-a']);
});

walk.run();
