// Saving and loading query sets as bench/perf/queries/<corpus>.json, and regenerating a set that is
// missing or stale (other generator version, seed or document count). Generation is in queries.ts.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectCorpusStats, generateQuerySet, QUERY_GENERATOR_VERSION } from './queries.js';
import { porterStem } from './porter-stem.js';
import { loadStopWordTest } from './stop-words.js';
import { QUERY_CLASSES, type BenchDoc, type QuerySet } from './types.js';

/** Where committed query sets live. */
export const QUERY_DIR = fileURLToPath(new URL('./queries/', import.meta.url));

/** Queries per class in a saved set; runs may use fewer. */
export const SAVED_PER_CLASS = 100;

/** The seed every saved set is drawn with. */
export const QUERY_SEED = 20240317;

/** Path of a corpus's query set. */
export function querySetPath(corpus: string): string {
  return path.join(QUERY_DIR, `${corpus}.json`);
}

/** Parses a saved set; undefined when it is not a well-formed set of this generator version. */
export function parseQuerySet(text: string): QuerySet | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const set = value as Partial<QuerySet>;
  if (set.version !== QUERY_GENERATOR_VERSION || typeof set.corpus !== 'string' || typeof set.docCount !== 'number') return undefined;
  if (typeof set.classes !== 'object' || set.classes === null) return undefined;
  for (const cls of QUERY_CLASSES) {
    const list = set.classes[cls];
    if (!Array.isArray(list)) return undefined;
    for (const q of list) if (!Array.isArray(q.terms) || !q.terms.every((t) => typeof t === 'string')) return undefined;
  }
  return set as QuerySet;
}

/** JSON with one query per line, so diffs of committed sets stay readable. */
export function formatQuerySet(set: QuerySet): string {
  const lines = [
    '{',
    `  "version": ${set.version},`,
    `  "corpus": ${JSON.stringify(set.corpus)},`,
    `  "seed": ${set.seed},`,
    `  "docCount": ${set.docCount},`,
    '  "classes": {',
  ];
  QUERY_CLASSES.forEach((cls, i) => {
    const queries = set.classes[cls];
    const comma = i < QUERY_CLASSES.length - 1 ? ',' : '';
    if (queries.length === 0) {
      lines.push(`    ${JSON.stringify(cls)}: []${comma}`);
      return;
    }
    lines.push(`    ${JSON.stringify(cls)}: [`);
    queries.forEach((q, j) => lines.push(`      ${JSON.stringify(q)}${j < queries.length - 1 ? ',' : ''}`));
    lines.push(`    ]${comma}`);
  });
  lines.push('  }', '}', '');
  return lines.join('\n');
}

/** What {@link ensureQuerySet} did. */
export interface EnsuredQuerySet {
  set: QuerySet;
  path: string;
  regenerated: boolean;
}

/**
 * The saved set of `corpus` when it is current for `docCount` documents; otherwise draws a new one
 * from `docs()` (one pass) and saves it.
 */
export async function ensureQuerySet(corpus: string, docCount: number, docs: () => Iterable<BenchDoc>, dir = QUERY_DIR): Promise<EnsuredQuerySet> {
  const file = path.join(dir, `${corpus}.json`);
  if (existsSync(file)) {
    const saved = parseQuerySet(readFileSync(file, 'utf8'));
    if (saved !== undefined && saved.docCount === docCount && saved.seed === QUERY_SEED && saved.corpus === corpus) {
      return { set: saved, path: file, regenerated: false };
    }
  }
  const stats = collectCorpusStats(docs(), { isStopWord: await loadStopWordTest(), seed: QUERY_SEED });
  const set = generateQuerySet(stats, { corpus, seed: QUERY_SEED, perClass: SAVED_PER_CLASS, stem: porterStem });
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, formatQuerySet(set));
  return { set, path: file, regenerated: true };
}
