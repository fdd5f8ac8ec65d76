// The bench's corpora by name: the sample corpus/ (CMS text files), Reuters-21578 and 20 Newsgroups
// from ../shared/corpora (never copied into the repo), scale corpora grown from Reuters, and any
// corpus given by path (a JSONL file or a directory of CMS text files). Loading only; query sets are
// in query-file.ts, timing in child.ts.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseCmsArticle } from './cms-article.js';
import { scaleCorpus } from './scale.js';
import type { BenchDoc } from './types.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHARED_CORPORA = path.resolve(REPO_ROOT, '..', 'shared', 'corpora');

/** A corpus the bench knows. */
export interface CorpusSpec {
  name: string;
  label: string;
  /** Documents for a scale corpus; undefined for real ones. */
  scaleTo?: number;
  /** Corpus whose query set is used (scale corpora reuse their seed's, so per-query cost compares). */
  querySource: string;
  /** For a corpus given by path: the resolved file or directory. */
  path?: string;
}

export const CORPORA: readonly CorpusSpec[] = [
  { name: 'corpus', label: 'corpus/ sample (CMS text)', querySource: 'corpus' },
  { name: 'reuters', label: 'Reuters-21578', querySource: 'reuters' },
  { name: '20news', label: '20 Newsgroups', querySource: '20news' },
  { name: 'scale-200k', label: 'Scale 200k (grown from Reuters)', scaleTo: 200_000, querySource: 'reuters' },
  { name: 'scale-1m', label: 'Scale 1M (grown from Reuters)', scaleTo: 1_000_000, querySource: 'reuters' },
];

/** Seed of every scale corpus, fixed so runs compare. */
export const SCALE_SEED = 1987;

const JSONL_FILES: Readonly<Record<string, string>> = {
  reuters: 'reuters21578.jsonl.gz',
  '20news': '20newsgroups.jsonl.gz',
};

/**
 * True when `name` names a corpus by path rather than by one of the CORPORA names: it holds a path
 * separator or ends in `.jsonl` / `.jsonl.gz`. Such a corpus is a JSONL file of `{id, title, body,
 * date}` records (the ../shared/corpora shape) or a directory of CMS text files (the corpus/ shape).
 */
export function isCorpusPath(name: string): boolean {
  return name.includes('/') || name.includes(path.sep) || /\.jsonl(\.gz)?$/.test(name);
}

/** The spec of a corpus name or path, or undefined. */
export function corpusSpec(name: string): CorpusSpec | undefined {
  const known = CORPORA.find((c) => c.name === name);
  if (known !== undefined || !isCorpusPath(name)) return known;
  const resolved = path.resolve(name);
  return { name, label: `${path.basename(resolved)} (${resolved})`, querySource: name, path: resolved };
}

/**
 * Where the query set of `spec` is kept: committed sets for the named corpora (bench/perf/queries),
 * and a set per resolved path under bench/results/queries (git-ignored) for corpora given by path.
 */
export function querySetLocation(spec: CorpusSpec): { key: string; dir?: string } {
  if (spec.path === undefined) return { key: spec.querySource };
  const base = path.basename(spec.path).replace(/\.jsonl(\.gz)?$/, '').replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40);
  let h = 0x811c9dc5;
  for (let i = 0; i < spec.path.length; i++) h = Math.imul(h ^ spec.path.charCodeAt(i), 0x01000193);
  return { key: `path-${base}-${(h >>> 0).toString(16).padStart(8, '0')}`, dir: path.join(REPO_ROOT, 'bench', 'results', 'queries') };
}

/** Why a corpus cannot be loaded here (missing data), or undefined when it can. */
export function corpusUnavailable(name: string): string | undefined {
  const spec = corpusSpec(name);
  if (spec === undefined) return `unknown corpus ${name}`;
  if (spec.path !== undefined) {
    if (!existsSync(spec.path)) return `${spec.path} does not exist`;
    if (statSync(spec.path).isDirectory()) return sampleFiles(spec.path).length === 0 ? `${spec.path} has no .txt files` : undefined;
    return /\.jsonl(\.gz)?$/.test(spec.path) ? undefined : `${spec.path} is neither a directory of .txt files nor a .jsonl(.gz) file`;
  }
  if (name === 'corpus') return sampleFiles().length === 0 ? 'corpus/ has no .txt files yet' : undefined;
  const file = JSONL_FILES[spec.scaleTo === undefined ? name : 'reuters'];
  if (file !== undefined && !existsSync(path.join(SHARED_CORPORA, file))) return `${path.join(SHARED_CORPORA, file)} is missing`;
  return undefined;
}

/** The `.txt` files under corpus/, sorted, so document order never depends on the file system. */
export function sampleFiles(root = path.join(REPO_ROOT, 'corpus')): string[] {
  if (!existsSync(root)) return [];
  const entries = readdirSync(root, { recursive: true, encoding: 'utf8' });
  return entries.filter((f) => f.endsWith('.txt')).map((f) => path.join(root, f)).sort();
}

/** The sample corpus: one document per `.txt` file, id = the file name without `.txt`. */
export function loadSampleCorpus(root = path.join(REPO_ROOT, 'corpus')): BenchDoc[] {
  return sampleFiles(root).map((file) => parseCmsArticle(path.basename(file, '.txt'), readFileSync(file, 'utf8')));
}

/** A corpus file the bench cannot read: the file and line, and what is wrong there. */
export class CorpusFormatError extends Error {
  override name = 'CorpusFormatError';
}

/**
 * A corpora JSONL(.gz) file as bench documents (title, body, date; other fields dropped). Throws
 * CorpusFormatError naming the line of a record that is not an object with an id.
 */
export function loadJsonlCorpus(file: string): BenchDoc[] {
  let bytes = readFileSync(file);
  if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
  const text = bytes.toString('utf8');
  const docs: BenchDoc[] = [];
  let start = 0;
  let line = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    if (end > start) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text.slice(start, end));
      } catch (error) {
        throw new CorpusFormatError(`${file}:${line}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new CorpusFormatError(`${file}:${line}: not a JSON object`);
      const record = parsed as { id?: unknown; title?: unknown; body?: unknown; date?: unknown };
      if ((typeof record.id !== 'string' && typeof record.id !== 'number') || String(record.id) === '') throw new CorpusFormatError(`${file}:${line}: no "id"`);
      if ((record.title !== undefined && typeof record.title !== 'string') || (record.body !== undefined && typeof record.body !== 'string')) {
        throw new CorpusFormatError(`${file}:${line}: "title" and "body" must be strings`);
      }
      const doc: BenchDoc = { id: String(record.id), title: record.title ?? '', body: record.body ?? '' };
      if (typeof record.date === 'string' && record.date !== '') {
        const time = Date.parse(record.date);
        if (Number.isFinite(time)) {
          doc.date = record.date;
          doc.time = time;
        }
      }
      docs.push(doc);
    }
    start = end + 1;
  }
  return docs;
}

/** The documents of a corpus, lazily for scale corpora (each iteration regenerates identically). */
export function corpusDocs(name: string): { docs: Iterable<BenchDoc>; count: number } {
  const spec = corpusSpec(name);
  if (spec === undefined) throw new RangeError(`unknown corpus ${name}`);
  if (spec.path !== undefined) {
    const docs = statSync(spec.path).isDirectory() ? loadSampleCorpus(spec.path) : loadJsonlCorpus(spec.path);
    return { docs, count: docs.length };
  }
  if (name === 'corpus') {
    const docs = loadSampleCorpus();
    return { docs, count: docs.length };
  }
  if (spec.scaleTo !== undefined) {
    const seed = loadJsonlCorpus(path.join(SHARED_CORPORA, JSONL_FILES.reuters!));
    return { docs: scaleCorpus(seed, { total: spec.scaleTo, seed: SCALE_SEED }), count: spec.scaleTo };
  }
  const docs = loadJsonlCorpus(path.join(SHARED_CORPORA, JSONL_FILES[name]!));
  return { docs, count: docs.length };
}

/** Characters of title + body over all documents. */
export function countChars(docs: Iterable<BenchDoc>): number {
  let chars = 0;
  for (const doc of docs) chars += doc.title.length + doc.body.length;
  return chars;
}
