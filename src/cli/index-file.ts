// Reading and writing index files for the CLI, with the typed errors turned into one-line messages.
// The CLI's indexes store the body too (for excerpts), unlike the library's default schema.

import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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

/** Writes bytes, creating the folder; failures become CliErrors. */
export function writeIndexFile(path: string, bytes: Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 1);
  }
}
