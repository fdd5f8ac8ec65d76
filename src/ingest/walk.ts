// Expands the loader's inputs (files, directories, globs) into a sorted, de-duplicated file list,
// each file with the base its id is relative to; inputs that match nothing are reported, not thrown.
// It lists paths only: it never opens a file.

import { readdir as readdirCallback, stat as statCallback } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { SkippedFile } from './types.js';

/** One file to load. */
export interface CorpusFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the input's base (the directory given, or a glob's static part), `/`-separated. */
  relativePath: string;
}

/** The files found, and the inputs that yielded none. */
export interface WalkResult {
  files: CorpusFile[];
  problems: SkippedFile[];
}

/** Options of the walk. */
export interface WalkOptions {
  cwd: string;
  /** Globs (fast-glob syntax) excluded everywhere. */
  ignore: readonly string[];
}

/**
 * Lists the files of every input: a directory means every file under it (dot files excluded), a
 * file means itself, anything else is a glob; both go through links to folders (see LinkGate).
 * Files matched twice are listed once (first input wins).
 */
export async function walkInputs(inputs: readonly string[], options: WalkOptions): Promise<WalkResult> {
  const result: WalkResult = { files: [], problems: [] };
  const seen = new Set<string>();
  const bases = new Set<string>();
  for (const input of inputs) {
    let found: CorpusFile[] | undefined;
    const problemsBefore = result.problems.length;
    try {
      found = await expandInput(input, options, result.problems);
    } catch (error) {
      // A malformed pattern or a file-system error while walking: reported, never thrown.
      result.problems.push({ path: input, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (found === undefined) continue;
    if (found.length === 0) {
      // A folder whose only entries were reported (hidden, unreadable) is accounted for by them.
      if (result.problems.length === problemsBefore) result.problems.push({ path: input, reason: 'not-found', detail: 'matched no files' });
      continue;
    }
    bases.add(baseOf(found[0]!));
    for (const file of found) {
      if (seen.has(file.path)) continue;
      seen.add(file.path);
      result.files.push(file);
    }
  }
  if (bases.size > 1) {
    // Inputs with different bases: ids relative to their common folder, so `a/x.txt` and `b/x.txt`
    // given as two inputs are two ids (relative to each input, both were `x.txt`, and the second
    // was dropped as a duplicate id, or with 'replace' silently took the first's place).
    const common = commonFolder([...bases]);
    for (const file of result.files) file.relativePath = path.relative(common, file.path).split(path.sep).join('/');
  }
  return result;
}

/** The folder a found file's relative path is relative to. */
function baseOf(file: CorpusFile): string {
  const depth = file.relativePath.split('/').length;
  let base = file.path;
  for (let i = 0; i < depth; i++) base = path.dirname(base);
  return base;
}

/** The deepest folder holding every one of `folders`. */
function commonFolder(folders: readonly string[]): string {
  let common = folders[0]!;
  for (const folder of folders) {
    while (path.relative(common, folder).startsWith('..') || path.isAbsolute(path.relative(common, folder))) {
      const up = path.dirname(common);
      if (up === common) break;
      common = up;
    }
  }
  return common;
}

async function expandInput(input: string, options: WalkOptions, problems: SkippedFile[]): Promise<CorpusFile[] | undefined> {
  const absolute = path.resolve(options.cwd, input);
  // onlyFiles would silently drop dangling symlinks; listing them lets the loader report them
  // `unreadable`. Directories come back with a trailing `/` and are dropped here.
  const globOptions = {
    absolute: true,
    onlyFiles: false,
    markDirectories: true,
    // Dot files and folders are not walked; walkFolder reports them (reportHidden).
    dot: false,
    // Errors are caught per folder by listReadable: suppressed, a folder the process may not list
    // vanished from the walk with every file in it, neither loaded nor reported.
    suppressErrors: false,
    ignore: [...options.ignore],
  };
  // A path that exists is taken literally, even with glob characters in its name (`news [1].html`).
  let info;
  try {
    info = await stat(absolute);
  } catch (error) {
    const code = errorCode(error);
    if (fg.isDynamicPattern(input) && (code === 'ENOENT' || code === 'ENOTDIR')) {
      const { entries } = await listFollowingLinks(input, options.cwd, globOptions, problems);
      return sorted(entries.map((e) => e.path), path.resolve(options.cwd, globBase(input)));
    }
    const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : 'unreadable';
    problems.push({ path: input, reason, detail: code ?? String(error) });
    return undefined;
  }
  if (!info.isDirectory()) return [{ path: absolute, relativePath: path.basename(absolute) }];
  return sorted(await walkFolder(absolute, globOptions, problems), absolute);
}

/** Every entry under `folder`, through links to folders (see LinkGate), with the dot entries of each folder reported. */
async function walkFolder(folder: string, globOptions: fg.Options, problems: SkippedFile[]): Promise<string[]> {
  const { entries, gate } = await listFollowingLinks('**/*', folder, globOptions, problems);
  const paths = entries.map((e) => e.path);
  // A link not followed reads as an empty folder: what is in it is not this walk's to report.
  const folders = paths.filter((p) => p.endsWith('/') && gate.entered(p)).map((p) => p.slice(0, -1));
  for (const dir of [folder, ...folders.sort()]) await reportHidden(dir, folder, globOptions.ignore ?? [], problems);
  return paths;
}

/**
 * Dot files and folders directly in `folder` (.git, .DS_Store, drafts kept hidden): not read, but
 * reported, so every file under an input is loaded or accounted for; a folder is one entry. One an
 * ignore pattern matches is ignored like any other file, not reported.
 */
async function reportHidden(folder: string, root: string, ignore: readonly string[], problems: SkippedFile[]): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.startsWith('.'));
  } catch {
    return; // listReadable reports a folder it cannot read
  }
  if (names.length > 0 && ignore.length > 0) names = await notIgnored(folder, root, ignore);
  for (const name of names.sort()) problems.push({ path: path.join(folder, name), reason: 'hidden', detail: 'dot file or folder: not read (give its path to read it)' });
}

/**
 * The names of the dot entries in `folder` that no ignore pattern matches. fast-glob lists them, so
 * the patterns match them as they match the walk's own entries (relative to `root`, or absolute
 * for an absolute pattern; a folder also with a `/` after it).
 */
async function notIgnored(folder: string, root: string, ignore: readonly string[]): Promise<string[]> {
  const relative = path.relative(root, folder).split(path.sep).join('/');
  const pattern = relative === '' ? '.*' : `${fg.escapePath(relative)}/.*`;
  const options = { cwd: root, dot: true, onlyFiles: false, followSymbolicLinks: false, suppressErrors: true, ignore: [...ignore, ...emptiedFolders(ignore)] };
  return (await fg(pattern, options)).map((entry) => path.posix.basename(entry));
}

/**
 * The folders an ignore pattern empties without matching them: `x/**\/*` matches everything in `x`
 * but not `x`, and the dot folder `x`, with nothing in it left to read, is ignored too.
 */
function emptiedFolders(ignore: readonly string[]): string[] {
  const folders: string[] = [];
  for (const pattern of ignore) {
    const segments = pattern.split('/');
    let globstars = 0;
    let stars = 0;
    while (segments.length > 1 && (segments.at(-1) === '**' || segments.at(-1) === '*')) {
      if (segments.pop() === '**') globstars++;
      else stars++;
    }
    // With a `**` the tail reaches every depth; past one `*` it skips the folder's own files.
    const folder = segments.join('/');
    if (globstars > 0 && stars <= 1 && folder.length > 0) folders.push(folder);
  }
  return folders;
}

/**
 * fast-glob's entries for `pattern` from `cwd`, following the links to folders LinkGate lets it
 * enter: each round enters the links the round before asked for, until one asks for none (one
 * re-walk per depth of links within followed links; such links are rare).
 */
async function listFollowingLinks(
  pattern: string,
  cwd: string,
  globOptions: fg.Options,
  problems: SkippedFile[],
): Promise<{ entries: fg.Entry[]; gate: LinkGate }> {
  const gate = await LinkGate.from(pattern, cwd);
  for (;;) {
    const listed: SkippedFile[] = [];
    const entries = await listReadable(pattern, cwd, { ...globOptions, followSymbolicLinks: true, fs: gate.fs }, listed);
    if (await gate.decide()) continue;
    problems.push(...listed, ...gate.problems);
    return { entries, gate };
  }
}

/**
 * fast-glob's entries for `pattern` from `cwd`. A folder it cannot read (EACCES, EPERM, ELOOP, …)
 * stops its walk: it is reported `unreadable` and the walk is run again without it, so every other
 * file is still found (one re-walk per such folder; they are rare).
 */
async function listReadable(pattern: string, cwd: string, globOptions: fg.Options, problems: SkippedFile[]): Promise<fg.Entry[]> {
  const skip: string[] = [];
  const absolute = path.isAbsolute(pattern);
  for (;;) {
    try {
      return await fg(pattern, { ...globOptions, cwd, objectMode: true, ignore: [...(globOptions.ignore ?? []), ...skip] });
    } catch (error) {
      const failed = (error as NodeJS.ErrnoException).path;
      const relative = failed === undefined ? '' : path.relative(cwd, failed);
      if (failed === undefined || (!absolute && (relative === '' || relative.startsWith('..'))) || skip.length >= 10_000) throw error;
      problems.push({ path: failed, reason: 'unreadable', detail: errorCode(error) ?? String(error) });
      // Ignore patterns are matched as the entries are written: absolute for an absolute pattern.
      const folder = fg.escapePath((absolute ? path.resolve(failed) : relative).split(path.sep).join('/'));
      skip.push(folder, `${folder}/**`);
    }
  }
}

type ReaddirCallback = (error: NodeJS.ErrnoException | null, entries: unknown[]) => void;

/**
 * Lets fast-glob follow links to folders, cycle-safe (its own following has no cycle check: a link
 * to `..` walked every file ~40 times, two such links 2^40 paths until memory ran out). Through
 * `fs`, a link to a folder reads as empty until `decide` follows it; it is not followed when it
 * leads back to a folder walked or above one (a loop: reported), or into one (its files are listed
 * there, under their own paths). Folders, glob or not, are walked by the same rules.
 */
class LinkGate {
  /** Links not followed, reported. */
  readonly problems: SkippedFile[] = [];
  /** Real paths of the folders walked whole: the pattern's starting folders, and each link followed. */
  readonly #walked: string[];
  /** Where fast-glob starts (each brace alternative with its own static part): read as named, like a folder input. */
  readonly #starts: Set<string>;
  /** Links to folders, as fast-glob names them (it stats a link, never a plain entry). */
  readonly #links = new Set<string>();
  readonly #followed = new Set<string>();
  readonly #decided = new Set<string>();
  /** Links fast-glob tried to enter that are not decided yet. */
  readonly #asked = new Set<string>();

  readonly fs: Partial<fg.FileSystemAdapter> = {
    stat: (file, callback) => {
      statCallback(file, (error, stats) => {
        if (error === null && stats.isDirectory()) this.#links.add(file);
        callback(error, stats);
      });
    },
    readdir: ((folder: string, ...rest: unknown[]) => {
      // A start is read whatever another brace alternative found it to be (they run concurrently).
      if (this.#starts.has(folder) || !this.#links.has(folder) || this.#followed.has(folder)) {
        (readdirCallback as (...args: unknown[]) => void)(folder, ...rest);
        return;
      }
      if (!this.#decided.has(folder)) this.#asked.add(folder);
      process.nextTick(rest.at(-1) as ReaddirCallback, null, []);
    }) as fg.FileSystemAdapter['readdir'],
  };

  private constructor(starts: string[], walked: string[]) {
    this.#starts = new Set(starts);
    this.#walked = walked;
  }

  static async from(pattern: string, cwd: string): Promise<LinkGate> {
    const starts = fg.generateTasks(pattern, { cwd }).map((task) => path.resolve(cwd, task.base));
    const walked: string[] = [];
    for (const start of starts) {
      try {
        walked.push(await realpath(start));
      } catch {
        // Missing: fast-glob finds nothing there either.
      }
    }
    return new LinkGate(starts, walked);
  }

  /** Decides the links asked for since the last call, in path order; true when there were any. */
  async decide(): Promise<boolean> {
    const asked = [...this.#asked].sort();
    this.#asked.clear();
    for (const link of asked) {
      this.#decided.add(link);
      let real;
      try {
        real = await realpath(link);
      } catch (error) {
        this.problems.push({ path: link, reason: 'unreadable', detail: errorCode(error) ?? String(error) });
        continue;
      }
      // A folder already walked, or above one (`../..`): following it loops, or walks files outside
      // the input. A folder inside a walked one is walked there, under its own path.
      if (this.#walked.some((folder) => folder === real || isInside(folder, real))) {
        this.problems.push({ path: link, reason: 'unreadable', detail: 'link to a folder already walked or above it (a loop): not followed' });
      } else if (!this.#walked.some((folder) => isInside(real, folder))) {
        this.#walked.push(real);
        this.#followed.add(link);
      }
    }
    return asked.length > 0;
  }

  /** False for a link to a folder that was not followed: fast-glob listed it, but found it empty. */
  entered(folder: string): boolean {
    const file = path.resolve(folder);
    return !this.#links.has(file) || this.#followed.has(file);
  }
}

/** True when `inner` is strictly inside `outer`. */
function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** The static directory part of a glob (`corpus/{a,b}/*.txt` → `corpus`), ids are relative to it. */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  let end = 0;
  // The last segment names files, so it never belongs to the base.
  while (end < segments.length - 1 && !isDynamicSegment(segments[end] as string)) end++;
  const base = segments.slice(0, end).join('/');
  return base.length > 0 ? base : pattern.startsWith('/') ? '/' : '.';
}

function isDynamicSegment(segment: string): boolean {
  return segment.length > 0 && fg.isDynamicPattern(segment);
}

/** Relative paths sorted by code unit, so ids and report order do not depend on the file system. */
function sorted(files: readonly string[], base: string): CorpusFile[] {
  const out = files.filter((file) => !file.endsWith('/')).map((file) => {
    const absolute = path.resolve(file);
    return { path: absolute, relativePath: path.relative(base, absolute).split(path.sep).join('/') };
  });
  out.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  return out;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}
