// Reading and writing index files for the CLI, with the typed errors turned into one-line messages.
// The CLI's indexes store the body too (for excerpts), unlike the library's default schema.

import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { IndexFormatError, SearchIndex, defaultNewsSchema, type Schema } from '../index.js';
import { CliError } from './cli-error.js';

/** The news schema with the body stored, so search results can show excerpts. */
export function cliSchema(): Schema {
  const schema = defaultNewsSchema();
  schema['body'] = { type: 'text', boost: 1, b: 0.7, stored: true };
  return schema;
}

/** Loads an index file; missing, unreadable and corrupt files become CliErrors naming the file. */
export function readIndexFile(path: string): { index: SearchIndex; bytes: Uint8Array } {
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory()) throw new CliError(`${path} is a directory, not an index file`, 1);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `no such index file: ${path}` : `cannot read ${path}: ${code ?? String(error)}`, 1);
  }
  try {
    return { index: SearchIndex.deserialize(bytes), bytes };
  } catch (error) {
    if (error instanceof IndexFormatError) {
      throw new CliError(`${path} is not a readable Broadsheet index (${error.part}: found ${error.found}, expected ${error.expected})`, 1);
    }
    throw error;
  }
}

/**
 * Creates `folder` and its missing parents one at a time (mkdir -p). Node's recursive mkdir loops
 * forever under /proc, where the kernel answers ENOENT for a folder it will not create.
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  let at = folder;
  while (!existsSync(at)) {
    missing.push(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (let i = missing.length - 1; i >= 0; i--) mkdirSync(missing[i]!);
}

/**
 * Writes bytes, creating the folder; failures become CliErrors. The bytes go to a temporary file in
 * the same folder, renamed over `path` once whole: a full disk or a size limit mid-write used to
 * leave a truncated file where a good index had been.
 */
export function writeIndexFile(path: string, bytes: Uint8Array): void {
  let target = path;
  let mode: number | undefined;
  try {
    const info = statSync(path);
    if (!info.isFile()) {
      // A device or a pipe (/dev/null, a FIFO a reader waits on): written through, as asked; a
      // rename would replace the node itself with a regular file.
      writeFileSync(path, bytes);
      return;
    }
    // A link keeps pointing at the file it names; that file is replaced.
    target = realpathSync(path);
    mode = info.mode & 0o7777; // the replacement keeps the file's permissions
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new CliError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 1);
    }
  }
  const folder = dirname(target);
  const temporary = join(folder, `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    makeFolders(folder);
    writeFileSync(temporary, bytes, mode === undefined ? undefined : { mode });
    if (mode !== undefined) chmodSync(temporary, mode); // writeFileSync's mode passes through the umask
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already renamed.
    }
    throw new CliError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 1);
  }
}
