// Loads a test collection folder of /work/shared/corpora (docs.jsonl, queries.jsonl, qrels.tsv) into
// memory, and locates that folder. Reading only: no evaluation (metrics.ts), no engines (engines/).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseQrels } from './trec-format.js';

/** A collection document as the corpora store it. */
export interface CollectionDoc {
  id: string;
  title: string;
  body: string;
  date?: string;
}

export interface CollectionQuery {
  id: string;
  text: string;
}

/** A whole test collection: documents, queries and qrels (qid → docid → relevance). */
export interface Collection {
  /** Folder name, e.g. `cisi`. */
  name: string;
  docs: CollectionDoc[];
  queries: CollectionQuery[];
  qrels: Map<string, Map<string, number>>;
}

/** The test collections with queries and qrels, in the order reports list them. */
export const COLLECTION_NAMES: readonly string[] = ['cisi', 'med', 'cacm'];

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** `shared/corpora` beside the repository (it is never copied into the repo). */
export function corporaDir(): string {
  return path.resolve(repoRoot, '..', 'shared', 'corpora');
}

/** True when `name` is a folder path (it holds a separator) rather than one of COLLECTION_NAMES. */
export function isCollectionPath(name: string): boolean {
  return name.includes('/') || name.includes(path.sep);
}

/**
 * The folder of a named collection under shared/corpora, or of a collection given by path (any
 * folder with docs.jsonl, queries.jsonl and qrels.tsv: held-out judgments run the same way); null
 * when it is not there or incomplete.
 */
export function collectionDir(name: string): string | null {
  const dir = isCollectionPath(name) ? path.resolve(name) : path.join(corporaDir(), name);
  const complete = ['docs.jsonl', 'queries.jsonl', 'qrels.tsv'].every((file) => existsSync(path.join(dir, file)));
  return complete ? dir : null;
}

function stringField(record: Record<string, unknown>, key: string, where: string): string {
  const value = record[key];
  if (typeof value !== 'string') throw new TypeError(`${where}: field "${key}" is not a string`);
  return value;
}

function readJsonl(file: string): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as string;
    if (line === '') continue;
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new TypeError(`${file}:${n + 1}: not a JSON object`);
    }
    records.push(value as Record<string, unknown>);
  }
  return records;
}

/** Loads the collection in `dir` (a folder with docs.jsonl, queries.jsonl and qrels.tsv). */
export function loadCollection(dir: string): Collection {
  const docs: CollectionDoc[] = readJsonl(path.join(dir, 'docs.jsonl')).map((record, i) => {
    const where = `docs.jsonl:${i + 1}`;
    const doc: CollectionDoc = {
      id: stringField(record, 'id', where),
      title: stringField(record, 'title', where),
      body: stringField(record, 'body', where),
    };
    if (record['date'] !== undefined) doc.date = stringField(record, 'date', where);
    return doc;
  });
  const queries: CollectionQuery[] = readJsonl(path.join(dir, 'queries.jsonl')).map((record, i) => ({
    id: stringField(record, 'id', `queries.jsonl:${i + 1}`),
    text: stringField(record, 'text', `queries.jsonl:${i + 1}`),
  }));
  const qrels = parseQrels(readFileSync(path.join(dir, 'qrels.tsv'), 'utf8'));
  return { name: path.basename(dir), docs, queries, qrels };
}
