// Relevance evaluation runner: builds Broadsheet and its peers on CISI, MED and CACM, runs every query,
// prints one Markdown table per collection and writes bench/results/relevance-<timestamp>.json.
// `evaluateEngine` is the reusable core (e.g. for a parameter sweep); measures live in metrics.ts.
// Usage: node --import tsx bench/relevance/run.ts [--collections cisi,med] [--engines lunr,fts5] [--k 1000]

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { COLLECTION_NAMES, collectionDir, isCollectionPath, loadCollection, type Collection } from './collections.js';
import type { RelevanceEngine } from './engine.js';
import { evaluateRun, measureValue, scoresFromRanking, type RunEvaluation, type ScoredDoc } from './metrics.js';

/** The summary measures reported per engine, by trec_eval name, with their table headings. */
export const REPORTED_MEASURES: readonly { name: string; heading: string }[] = [
  { name: 'map', heading: 'MAP' },
  { name: 'ndcg_cut_10', heading: 'nDCG@10' },
  { name: 'P_10', heading: 'P@10' },
  { name: 'recall_1000', heading: 'R@1000' },
];

/** One engine's result on one collection. */
export interface EngineEvaluation {
  engine: string;
  collection: string;
  k: number;
  /** Queries averaged over: every judged query (trec_eval -c), so an empty answer scores 0. */
  num_q: number;
  /** Queries for which the engine returned nothing. */
  queriesWithoutHits: number;
  buildMs: number;
  /** Total time of all searches. */
  searchMs: number;
  /** Means over queries, by trec_eval name (`map`, `ndcg_cut_10`, `P_10`, `recall_1000`). */
  means: Record<string, number>;
  /** Per-query values of the same measures. */
  perQuery: Record<string, Record<string, number>>;
  evaluation: RunEvaluation;
}

/** Options of `evaluateEngine`. */
export interface EvaluateEngineOptions {
  /** Documents retrieved per query (and evaluated: trec_eval -M). Default 1000. */
  k?: number;
}

function reportedValues(evaluation: RunEvaluation, qid: string | null): Record<string, number> {
  const measures = qid === null ? evaluation.all : evaluation.perQuery.get(qid);
  const values: Record<string, number> = {};
  if (measures === undefined) return values;
  for (const { name } of REPORTED_MEASURES) values[name] = measureValue(measures, evaluation.cutoffs, name);
  return values;
}

/**
 * Builds `engine` on the collection's documents, runs every query with `k` results and evaluates
 * the run with trec_eval's measures. Averages use trec_eval's `-c` rule (every judged query counts,
 * an empty answer as 0) so an engine is not excused for queries it answers with nothing. The
 * engine's ranking is kept as is: ties are not re-broken by docno.
 */
export async function evaluateEngine(
  engine: RelevanceEngine,
  collection: Collection,
  options: EvaluateEngineOptions = {},
): Promise<EngineEvaluation> {
  const k = options.k ?? 1000;
  if (!Number.isInteger(k) || k <= 0) throw new RangeError(`k must be a positive integer, got ${k}`);
  const buildStart = performance.now();
  await engine.build(collection.docs);
  const buildMs = performance.now() - buildStart;

  const run = new Map<string, ScoredDoc[]>();
  let queriesWithoutHits = 0;
  const searchStart = performance.now();
  for (const query of collection.queries) {
    const ids = engine.search(query.text, k);
    if (ids.length === 0) queriesWithoutHits++;
    run.set(query.id, scoresFromRanking(ids));
  }
  const searchMs = performance.now() - searchStart;

  const evaluation = evaluateRun(run, collection.qrels, { complete: true, maxRetrieved: k });
  const perQuery: Record<string, Record<string, number>> = {};
  for (const qid of evaluation.perQuery.keys()) perQuery[qid] = reportedValues(evaluation, qid);
  return {
    engine: engine.name,
    collection: collection.name,
    k,
    num_q: evaluation.num_q,
    queriesWithoutHits,
    buildMs,
    searchMs,
    means: reportedValues(evaluation, null),
    perQuery,
    evaluation,
  };
}

/**
 * Engine keys accepted by --engines, in report order, each with a loader. Imports are lazy so that
 * an adapter that fails to load (Broadsheet while its SearchIndex is unfinished) is skipped, not fatal.
 */
export const ENGINE_LOADERS: ReadonlyMap<string, () => Promise<RelevanceEngine>> = new Map([
  ['broadsheet', async () => (await import('./engines/broadsheet.js')).createBroadsheetEngine()],
  ['lunr', async () => (await import('./engines/lunr.js')).createLunrEngine()],
  ['fts5', async () => (await import('./engines/fts5.js')).createFts5Engine()],
  ['minisearch', async () => (await import('./engines/minisearch.js')).createMiniSearchEngine()],
  ['flexsearch', async () => (await import('./engines/flexsearch.js')).createFlexSearchEngine()],
  ['orama', async () => (await import('./engines/orama.js')).createOramaEngine()],
]);

const fmt = (value: number): string => value.toFixed(3).replace(/^0\./, '.');

/**
 * One collection's results as a Markdown table: a row per engine, the best value of each measure
 * in bold, and a last row with Broadsheet's value divided by the best peer's.
 */
export function markdownTable(results: readonly EngineEvaluation[]): string {
  const headings = REPORTED_MEASURES.map((m) => m.heading);
  const lines = [
    `| Engine | ${headings.join(' | ')} | build ms | ms/query |`,
    `| --- | ${headings.map(() => '---:').join(' | ')} | ---: | ---: |`,
  ];
  const best = REPORTED_MEASURES.map(({ name }) => Math.max(...results.map((r) => r.means[name] ?? 0)));
  for (const r of results) {
    const cells = REPORTED_MEASURES.map(({ name }, i) => {
      const value = r.means[name] ?? 0;
      return value === best[i] ? `**${fmt(value)}**` : fmt(value);
    });
    const perQuery = r.searchMs / Math.max(1, r.num_q);
    lines.push(`| ${r.engine} | ${cells.join(' | ')} | ${r.buildMs.toFixed(0)} | ${perQuery.toFixed(2)} |`);
  }
  const ours = results.find((r) => r.engine === 'Broadsheet');
  const peers = results.filter((r) => r !== ours);
  if (ours !== undefined && peers.length > 0) {
    const ratios = REPORTED_MEASURES.map(({ name }) => {
      const bestPeer = Math.max(...peers.map((r) => r.means[name] ?? 0));
      return bestPeer > 0 ? `${((ours.means[name] ?? 0) / bestPeer).toFixed(3)}×` : 'n/a';
    });
    lines.push(`| *Broadsheet ÷ best peer* | ${ratios.join(' | ')} | | |`);
  }
  return lines.join('\n');
}

function listOption(value: string | undefined, allowed: readonly string[], what: string): string[] {
  if (value === undefined) return [...allowed];
  const chosen = value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  for (const name of chosen) {
    if (!allowed.includes(name)) throw new RangeError(`unknown ${what} "${name}" (known: ${allowed.join(', ')})`);
  }
  return chosen;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { collections: { type: 'string' }, engines: { type: 'string' }, k: { type: 'string' } },
  });
  // Paths are kept as typed (case matters on disk); names are matched case-insensitively.
  const collectionNames =
    values.collections === undefined
      ? [...COLLECTION_NAMES]
      : values.collections
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '')
          .flatMap((s) => (isCollectionPath(s) ? [s] : listOption(s, COLLECTION_NAMES, 'collection')));
  const engineKeys = listOption(values.engines, [...ENGINE_LOADERS.keys()], 'engine');
  const k = values.k === undefined ? 1000 : Number(values.k);

  const report: {
    startedAt: string;
    node: string;
    k: number;
    collections: { name: string; docs: number; queries: number; results: Omit<EngineEvaluation, 'evaluation'>[] }[];
    skipped: string[];
  } = { startedAt: new Date().toISOString(), node: process.version, k, collections: [], skipped: [] };

  for (const name of collectionNames) {
    const dir = collectionDir(name);
    if (dir === null) {
      const notice = isCollectionPath(name)
        ? `collection ${name}: no docs.jsonl, queries.jsonl and qrels.tsv there, skipped`
        : `collection ${name}: not found under ${path.join('shared', 'corpora')}, skipped`;
      console.log(notice);
      report.skipped.push(notice);
      continue;
    }
    let collection: Collection;
    try {
      collection = loadCollection(dir);
    } catch (error) {
      // A folder given by path may hold malformed files: reported and skipped, the others still run.
      const notice = `collection ${name}: ${error instanceof Error ? error.message : String(error)}, skipped`;
      console.log(notice);
      report.skipped.push(notice);
      continue;
    }
    const results: EngineEvaluation[] = [];
    for (const key of engineKeys) {
      let engine: RelevanceEngine;
      try {
        engine = await (ENGINE_LOADERS.get(key) as () => Promise<RelevanceEngine>)();
      } catch (error) {
        const notice = `engine ${key}: adapter failed to load (${(error as Error).message.split('\n')[0]}), skipped`;
        if (!report.skipped.includes(notice)) {
          console.log(notice);
          report.skipped.push(notice);
        }
        continue;
      }
      results.push(await evaluateEngine(engine, collection, { k }));
    }
    console.log(`\n### ${(isCollectionPath(name) ? collection.name : name).toUpperCase()} (${collection.docs.length} docs, ${collection.queries.length} queries, k=${k})\n`);
    console.log(markdownTable(results));
    for (const r of results) {
      if (r.queriesWithoutHits > 0) console.log(`\n${r.engine}: ${r.queriesWithoutHits} queries returned no hits (scored 0).`);
    }
    report.collections.push({
      name,
      docs: collection.docs.length,
      queries: collection.queries.length,
      results: results.map(({ evaluation: _evaluation, ...rest }) => rest),
    });
  }

  const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `relevance-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
