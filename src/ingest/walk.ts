// Expands the loader's inputs (files, directories, globs) into a sorted, de-duplicated file list,
// each file with the base its id is relative to; inputs that match nothing are reported, not thrown.
// It lists paths only: it never opens a file.

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
 * file means itself, anything else is a glob. Files matched twice are listed once (first input wins).
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
    // Links to folders are followed by walkFolder, which remembers the folders it has walked:
    // fast-glob's own following has no cycle check (a link to `..` walked every file ~40 times, two
    // such links 2^40 paths until memory ran out).
    followSymbolicLinks: false,
    // Errors are caught per folder by walkFolder: suppressed, a folder the process may not list
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
      const entries = await listReadable(input, options.cwd, globOptions, problems);
      return sorted(entries.map((e) => e.path), path.resolve(options.cwd, globBase(input)));
    }
    const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : 'unreadable';
    problems.push({ path: input, reason, detail: code ?? String(error) });
    return undefined;
  }
  if (!info.isDirectory()) return [{ path: absolute, relativePath: path.basename(absolute) }];
  const files: string[] = [];
  await walkFolder(absolute, globOptions, new Set([await realpath(absolute)]), files, problems);
  return sorted(files, absolute);
}

/**
 * Dot files and folders directly in `folder` (.git, .DS_Store, drafts kept hidden): not read, but
 * reported, so every file under an input is loaded or accounted for; a folder is one entry.
 */
async function reportHidden(folder: string, problems: SkippedFile[]): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return; // listFolder reports a folder it cannot read
  }
  for (const name of names.sort()) {
    if (name.startsWith('.')) problems.push({ path: path.join(folder, name), reason: 'hidden', detail: 'dot file or folder: not read (give its path to read it)' });
  }
}

/**
 * fast-glob's entries under `folder`. A folder it cannot read (EACCES, EPERM, ELOOP, …) stops its
 * walk: it is reported `unreadable` and the walk is run again without it, so every other file is
 * still found (one re-walk per such folder; they are rare).
 */
async function listFolder(folder: string, globOptions: fg.Options, problems: SkippedFile[]): Promise<fg.Entry[]> {
  return listReadable('**/*', folder, globOptions, problems);
}

/** fast-glob's entries for `pattern` from `cwd`, each folder it cannot read reported and left out (see listFolder). */
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

/**
 * Every entry under `folder` into `files`, following links to folders not walked yet (`walked`
 * holds real paths); a link back to one of them is reported, not followed.
 */
async function walkFolder(folder: string, globOptions: fg.Options, walked: Set<string>, files: string[], problems: SkippedFile[]): Promise<void> {
  const entries = await listFolder(folder, globOptions, problems);
  await reportHidden(folder, problems);
  for (const entry of entries) {
    const file = entry.path;
    if (file.endsWith('/')) await reportHidden(file, problems);
    if (!entry.dirent.isSymbolicLink()) {
      files.push(file);
      continue;
    }
    let target;
    try {
      target = await stat(file);
    } catch {
      files.push(file); // dangling: the loader reports it unreadable
      continue;
    }
    if (!target.isDirectory()) {
      files.push(file);
      continue;
    }
    const real = await realpath(file);
    // A folder already walked, or an ancestor of one (`../..`, `/`): following it loops, or walks
    // files outside the input. A folder inside a walked one is walked there under its own path.
    if ([...walked].some((w) => w === real || isInside(w, real))) {
      problems.push({ path: file, reason: 'unreadable', detail: 'link to a folder already walked or above it (a loop): not followed' });
      continue;
    }
    if ([...walked].some((w) => isInside(real, w))) continue;
    walked.add(real);
    try {
      await walkFolder(file, globOptions, walked, files, problems);
    } catch (error) {
      // The linked folder itself cannot be listed: the link is reported, the rest of the input
      // walked. Any other error (a folder deeper down is reported where it fails) goes on up.
      const failed = (error as NodeJS.ErrnoException).path;
      if (failed === undefined || path.resolve(failed) !== path.resolve(file)) throw error;
      problems.push({ path: file, reason: 'unreadable', detail: errorCode(error) ?? String(error) });
    }
  }
}

/**
 * True when real path `inner` is strictly inside real path `outer`: `outer + sep` is a prefix, but
 * for a root, which already ends in the separator (`'/' + '/'` missed everything under `/`).
 */
function isInside(inner: string, outer: string): boolean {
  return inner.length > outer.length && inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
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
