// The performance bench entry (`npm run bench`, `npm run bench -- --full`): Broadsheet and its peers
// side by side, each engine in its own process per corpus; Markdown tables on stdout, progress on
// stderr, everything in bench/results/<timestamp>.json. Relevance is bench/relevance/run.ts's job.

import { fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidOptionError } from '../src/errors.js';
import type { ChildTask } from './perf/child.js';
import { corpusDocs, corpusSpec, corpusUnavailable, querySetLocation, REPO_ROOT } from './perf/corpora.js';
import { ENGINE_NAMES, type EngineKey } from './perf/engines/registry.js';
import { childTimeout, parseBenchArgs, USAGE, type BenchConfig } from './perf/options.js';
import { ensureQuerySet } from './perf/query-file.js';
import { answersTable, latencyTable, mainTable, notes, overlapMatrix, scalingTable } from './perf/report.js';
import { mergeRounds } from './perf/rounds.js';
import type { EngineRun } from './perf/types.js';

const CHILD = fileURLToPath(new URL('./perf/child.ts', import.meta.url));
const RELEVANCE = fileURLToPath(new URL('./relevance/run.ts', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** One corpus's outcome in the JSON results. */
interface CorpusOutcome {
  corpus: string;
  label: string;
  skipped?: string;
  querySet?: string;
  runs: EngineRun[];
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Runs one engine on one corpus in a fresh `node --expose-gc --import tsx` process. */
function runInChild(task: ChildTask, config: BenchConfig, bigHeap: boolean): Promise<EngineRun> {
  const failed = (error: string): EngineRun => ({
    engine: task.engine,
    engineName: ENGINE_NAMES[task.engine as EngineKey] ?? task.engine,
    corpus: task.corpus,
    docCount: 0,
    chars: 0,
    classes: {},
    error,
  });
  return new Promise((resolve) => {
    const execArgv = ['--expose-gc', '--import', TSX];
    if (bigHeap) execArgv.push('--max-old-space-size=16384');
    const child = fork(CHILD, ['--bench-child', JSON.stringify(task)], { execArgv, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    // Engines' own console output must not mix with the tables on stdout.
    child.stdout?.pipe(process.stderr);
    let result: EngineRun | undefined;
    const limit = childTimeout(config, bigHeap);
    const timer = setTimeout(() => {
      result ??= failed(`timed out after ${Math.round(limit / 1000)} s`);
      child.kill('SIGKILL');
    }, limit);
    child.on('message', (message) => {
      result = message as EngineRun;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(result ?? failed(`process exited (${signal ?? `code ${code}`}) without a result, e.g. out of memory`));
    });
  });
}

function header(config: BenchConfig): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    `# Broadsheet performance bench (${config.full ? 'full' : 'quick'})`,
    '',
    `Node ${process.version}, ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
      `${config.perClass} queries per class, ${config.timeMs} ms per timed class, top 10; every engine in its own process` +
      (config.rounds > 1 ? `; medians of ${config.rounds} interleaved rounds.` : '.'),
    'Ratio rows give how many times better Broadsheet is than the peer (> 1×: Broadsheet better; < 1×: worse).',
  ].join('\n');
}

function corpusSection(outcome: CorpusOutcome, config: BenchConfig): string {
  const first = outcome.runs.find((r) => r.docCount > 0);
  const size = first === undefined ? '' : ` — ${first.docCount.toLocaleString('en-US')} docs, ${(first.chars / 1e6).toFixed(1)} M chars`;
  const lines = [`## ${outcome.label}${size}`, '', `Queries: ${outcome.querySet ?? '–'}`, ''];
  lines.push('Index and query throughput (q/s, top 10):', '', mainTable(outcome.runs, config.classes), '');
  lines.push('Latency p50 / p99 (ms):', '', latencyTable(outcome.runs, config.classes), '');
  lines.push('Answers checked before timing (share of queries with hits; free-text top-10 overlap):', '', answersTable(outcome.runs, config.classes), '');
  lines.push(overlapMatrix(outcome.runs), '');
  const extra = notes(outcome.runs);
  if (extra.length > 0) lines.push(...extra, '');
  return lines.join('\n');
}

/** A corpus ready to run: its query set is written, or why it is skipped. */
interface PreparedCorpus {
  outcome: CorpusOutcome;
  queryFile?: string;
  bigHeap: boolean;
}

async function prepareCorpus(name: string): Promise<PreparedCorpus> {
  const spec = corpusSpec(name)!;
  const outcome: CorpusOutcome = { corpus: name, label: spec.label, runs: [] };
  // A corpus given by path may be of any size: it gets the scale corpora's heap limit too.
  const bigHeap = spec.scaleTo !== undefined || spec.path !== undefined;
  const unavailable = corpusUnavailable(name);
  if (unavailable !== undefined) {
    outcome.skipped = unavailable;
    progress(`${name}: skipped (${unavailable})`);
    return { outcome, bigHeap };
  }
  let source: ReturnType<typeof corpusDocs>;
  try {
    source = corpusDocs(spec.querySource);
  } catch (error) {
    // A corpus given by path may be malformed: it is reported and skipped, the others still run.
    outcome.skipped = error instanceof Error ? error.message : String(error);
    progress(`${name}: skipped (${outcome.skipped})`);
    return { outcome, bigHeap };
  }
  if (source.count === 0) {
    outcome.skipped = 'no documents';
    return { outcome, bigHeap };
  }
  const where = querySetLocation(corpusSpec(spec.querySource)!);
  const ensured = await ensureQuerySet(where.key, source.count, () => source.docs, where.dir);
  if (ensured.regenerated) progress(`${name}: wrote query set ${path.relative(REPO_ROOT, ensured.path)}`);
  outcome.querySet = `${path.relative(REPO_ROOT, ensured.path)} (${ensured.regenerated ? 'regenerated now' : 'saved'}`;
  return { outcome, queryFile: ensured.path, bigHeap };
}

/**
 * Runs every engine on every ready corpus, `config.rounds` times over, interleaved (round 1 of all,
 * then round 2 of all, …), and keeps per engine the median of each figure over its rounds. The
 * machines are shared: a slow minute then weighs on one round of every engine rather than on all
 * rounds of one, so ratios between engines (and between corpora) hold better.
 */
async function benchCorpora(prepared: readonly PreparedCorpus[], config: BenchConfig): Promise<void> {
  const rounds = new Map<PreparedCorpus, EngineRun[][]>();
  for (const p of prepared) rounds.set(p, config.engines.map(() => []));
  for (let round = 1; round <= config.rounds; round++) {
    for (const p of prepared) {
      if (p.queryFile === undefined) continue;
      const name = p.outcome.corpus;
      for (let e = 0; e < config.engines.length; e++) {
        const engine = config.engines[e]!;
        progress(`${name}: ${ENGINE_NAMES[engine]}${config.rounds > 1 ? ` (round ${round} of ${config.rounds})` : ''}`);
        const task: ChildTask = {
          engine,
          corpus: name,
          queryFile: p.queryFile,
          perClass: config.perClass,
          classes: config.classes,
          timeMs: config.timeMs,
          minIterations: config.minIterations,
        };
        const run = await runInChild(task, config, p.bigHeap);
        if (run.error !== undefined) progress(`${name}: ${run.engineName} failed: ${run.error}`);
        rounds.get(p)![e]!.push(run);
      }
    }
  }
  for (const p of prepared) {
    if (p.queryFile === undefined) continue;
    p.outcome.querySet = `${p.outcome.querySet ?? ''}, first ${config.perClass} per class)${config.rounds > 1 ? `; medians of ${config.rounds} interleaved rounds` : ''}`;
    p.outcome.runs = rounds.get(p)!.map((runs) => mergeRounds(runs));
  }
}

function runRelevance(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, RELEVANCE], { stdio: 'inherit', cwd: REPO_ROOT });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  let config: BenchConfig;
  try {
    config = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof InvalidOptionError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (config.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const startedAt = new Date();
  process.stdout.write(`${header(config)}\n\n`);
  const prepared: PreparedCorpus[] = [];
  for (const name of config.corpora) prepared.push(await prepareCorpus(name));
  await benchCorpora(prepared, config);
  const outcomes = prepared.map((p) => p.outcome);
  for (const outcome of outcomes) {
    if (outcome.skipped !== undefined) process.stdout.write(`## ${outcome.label}\n\nSkipped: ${outcome.skipped}\n\n`);
    else process.stdout.write(`${corpusSection(outcome, config)}\n`);
  }

  const small = outcomes.find((o) => o.corpus === 'reuters' && o.runs.length > 0);
  for (const large of outcomes.filter((o) => o.corpus.startsWith('scale-') && o.runs.length > 0)) {
    if (small === undefined) break;
    const docs = (large.runs.find((r) => r.docCount > 0)?.docCount ?? 0) / (small.runs.find((r) => r.docCount > 0)?.docCount ?? 1);
    process.stdout.write(
      `## Cost per query, ${large.label} vs Reuters (same queries; documents × ${docs.toFixed(1)})\n\n` +
        'Mean latency ratio: 1× is size-independent, the document ratio is linear.\n\n' +
        `${scalingTable(small.runs, large.runs, config.classes)}\n\n`,
    );
  }

  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${startedAt.toISOString().replaceAll(':', '-').replace('.', '-')}.json`);
  const machine = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory: os.totalmem(), platform: process.platform };
  writeFileSync(file, `${JSON.stringify({ startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), machine, config, corpora: outcomes }, null, 1)}\n`);
  progress(`results: ${path.relative(REPO_ROOT, file)} (${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s)`);

  if (config.relevance) {
    if (existsSync(RELEVANCE)) {
      progress('relevance: bench/relevance/run.ts');
      const code = await runRelevance();
      if (code !== 0) progress(`relevance runner exited with code ${code}`);
    } else {
      progress('relevance: bench/relevance/run.ts does not exist yet; skipped');
    }
  }
  return 0;
}

process.exitCode = await main();
