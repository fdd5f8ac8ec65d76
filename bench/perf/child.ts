// One engine on one corpus, in a fresh process (`node --expose-gc --import tsx`): build, memory after
// GC, answer checks, query timing per class, serialise, load, round-trip check. The result goes back
// to bench/run.ts over IPC; progress goes to stderr.

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { corpusDocs, corpusSpec } from './corpora.js';
import { capabilityOf, type EngineAdapter } from './engines/engine.js';
import { ENGINE_NAMES, isEngineKey, loadEngine } from './engines/registry.js';
import { forceGc, memorySnapshot, timeQueries } from './measure.js';
import { parseQuerySet } from './query-file.js';
import { median } from './rounds.js';
import { QUERY_CLASSES, type BenchDoc, type BenchQuery, type ClassResult, type EngineRun, type QueryClass, type QuerySet } from './types.js';
import { answerFlag, nonEmptyShare, roundtripVerdict } from './validate.js';

/** What the parent asks of a child. */
export interface ChildTask {
  engine: string;
  corpus: string;
  queryFile: string;
  /** Queries per class used (the first ones of the saved set). */
  perClass: number;
  classes: QueryClass[];
  timeMs: number;
  minIterations: number;
}

const TOP_K = 10;
/**
 * Least warm-up time over the whole query mix before timing (see runChild). 300 ms left the first
 * class timed in a quick run 30 % slow (Broadsheet 1-term: 17.9k against 25.8k q/s); 1 s does not.
 */
const WARM_UP_MS = 1000;
/** Loads timed per engine, at most, and the time they may take together (a slow loader gets one or two). */
const LOAD_REPEATS = 5;
const LOAD_BUDGET_MS = 2000;
/** Queries re-run on the loaded index to check it answers like the built one. */
const ROUNDTRIP_QUERIES = 20;

/** Runs one query of a class on an adapter. */
export function runQuery(engine: EngineAdapter, cls: QueryClass, q: BenchQuery, k: number): string[] {
  switch (cls) {
    case 'free1':
    case 'free2':
    case 'free3':
      return engine.free(q.terms, k);
    case 'and':
      return engine.and(q.terms, k);
    case 'phrase':
      return engine.phrase(q.terms, k);
    case 'prefix':
      return engine.prefix(q.terms[0]!, k);
    case 'fuzzy':
      return engine.fuzzy(q.terms[0]!, k);
    case 'dateFilter':
      return engine.dateFilter(q.terms, q.from ?? Number.NEGATIVE_INFINITY, q.to ?? Number.POSITIVE_INFINITY, k);
    case 'dateSort':
      return engine.dateSort(q.terms, k);
  }
}

function log(task: ChildTask, message: string): void {
  process.stderr.write(`  [${task.corpus}/${task.engine}] ${message}\n`);
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The query timed after each load: the first 2-term query (1-term without one), when the engine answered that class. */
function firstQuery(run: EngineRun, querySet: QuerySet): { cls: QueryClass; query: BenchQuery } | undefined {
  for (const cls of ['free2', 'free1'] as const) {
    const result = run.classes[cls];
    const query = querySet.classes[cls][0];
    if (result !== undefined && result.supported && result.flag === undefined && query !== undefined) return { cls, query };
  }
  return undefined;
}

/** Every measurement for one engine; errors are caught per phase and reported in the result. */
export async function runChild(task: ChildTask): Promise<EngineRun> {
  const spec = corpusSpec(task.corpus);
  const run: EngineRun = {
    engine: task.engine,
    engineName: isEngineKey(task.engine) ? ENGINE_NAMES[task.engine] : task.engine,
    corpus: task.corpus,
    docCount: 0,
    chars: 0,
    classes: {},
  };
  if (spec === undefined || !isEngineKey(task.engine)) return { ...run, error: 'unknown engine or corpus' };
  const querySet = parseQuerySet(readFileSync(task.queryFile, 'utf8'));
  if (querySet === undefined) return { ...run, error: `unreadable query set ${task.queryFile}` };

  let engine: EngineAdapter;
  try {
    engine = await loadEngine(task.engine);
  } catch (error) {
    return { ...run, error: `could not load: ${message(error)}` };
  }
  run.engineName = engine.name;

  // Baseline after the engine's code is loaded, before any document exists.
  forceGc();
  const base = memorySnapshot();
  let docs: BenchDoc[] | undefined = [...corpusDocs(task.corpus).docs];
  run.docCount = docs.length;
  for (const d of docs) run.chars += d.title.length + d.body.length;
  log(task, `building ${docs.length.toLocaleString('en-US')} docs`);
  try {
    const start = performance.now();
    engine.build(docs);
    run.buildMs = performance.now() - start;
  } catch (error) {
    return { ...run, error: `build failed: ${message(error)}` };
  }
  docs = undefined;
  forceGc();
  const after = memorySnapshot();
  run.memory = { heapBytes: after.heap - base.heap, rssBytes: after.rss - base.rss };
  const native = engine.nativeBytes?.();
  if (native !== undefined) run.memory.nativeBytes = native;

  // Answers first: every query once (also the JIT warm-up); only classes that answer get timed.
  for (const cls of task.classes) {
    const queries = querySet.classes[cls].slice(0, task.perClass);
    const result: ClassResult = { supported: engine.supports[capabilityOf(cls)], queries: queries.length, nonEmpty: 0, answers: [] };
    run.classes[cls] = result;
    if (!result.supported) continue;
    if (queries.length === 0) {
      result.flag = 'no queries for this corpus';
      continue;
    }
    try {
      for (const q of queries) result.answers.push(runQuery(engine, cls, q, TOP_K));
    } catch (error) {
      result.flag = `error: ${message(error)}`;
      continue;
    }
    result.nonEmpty = nonEmptyShare(result.answers);
    const flag = answerFlag(cls, result.nonEmpty);
    if (flag !== undefined) result.flag = flag;
  }
  log(task, `built in ${((run.buildMs ?? 0) / 1000).toFixed(2)} s; timing queries`);
  // The whole query mix, round after round, for a fixed time before any class is timed: a JIT tiers a
  // function up only after many calls, so with 100 ms budgets the first class timed measured code not
  // yet optimised (Broadsheet's 1-term class read 11–13k q/s in quick runs, 19.7k with 1 s budgets).
  // Every engine gets the same warm-up.
  const warmUntil = performance.now() + Math.max(WARM_UP_MS, task.timeMs);
  while (performance.now() < warmUntil) {
    let ran = 0;
    for (const cls of QUERY_CLASSES) {
      const result = run.classes[cls];
      if (result === undefined || !result.supported || result.flag !== undefined) continue;
      for (const q of querySet.classes[cls].slice(0, task.perClass)) {
        try {
          runQuery(engine, cls, q, TOP_K);
        } catch {
          // Reported by the timing loop below.
        }
        ran++;
        if (performance.now() >= warmUntil) break;
      }
    }
    if (ran === 0) break;
  }
  for (const cls of QUERY_CLASSES) {
    const result = run.classes[cls];
    if (result === undefined || !result.supported || result.flag !== undefined) continue;
    const queries = querySet.classes[cls].slice(0, task.perClass);
    try {
      result.timing = timeQueries((i) => runQuery(engine, cls, queries[i]!, TOP_K), queries.length, {
        timeMs: task.timeMs,
        minIterations: task.minIterations,
      });
    } catch (error) {
      result.flag = `timing error: ${message(error)}`;
    }
  }

  try {
    let start = performance.now();
    const serialized = engine.serialize();
    run.serializeMs = performance.now() - start;
    run.sizeBytes = serialized.bytes.byteLength;
    run.sizeFormat = serialized.format;
    run.gzipBytes = gzipSync(serialized.bytes, { level: 6 }).byteLength;
    // The median of a few loads (each after drop and gc): one load of a few milliseconds swung
    // 3.8–6.4 ms between runs of the same code on this shared machine.
    // Each load is followed by one timed query, the same for every engine: a load that defers
    // decoding (Broadsheet's lazy columns, SQLite's pages) pays the rest there, so load time alone
    // would flatter it.
    const first = firstQuery(run, querySet);
    const loads: number[] = [];
    const firsts: number[] = [];
    const budget = performance.now() + LOAD_BUDGET_MS;
    do {
      engine.drop();
      forceGc();
      start = performance.now();
      engine.load(serialized.bytes);
      loads.push(performance.now() - start);
      if (first !== undefined) {
        start = performance.now();
        runQuery(engine, first.cls, first.query, TOP_K);
        firsts.push(performance.now() - start);
      }
    } while (loads.length < LOAD_REPEATS && performance.now() < budget);
    run.loadMs = median(loads)!;
    const firstMs = median(firsts);
    if (firstMs !== undefined) run.firstQueryMs = firstMs;
  } catch (error) {
    run.roundtrip = `save/load failed: ${message(error)}`;
    return run;
  }
  const check = run.classes.free2 ?? run.classes.free1;
  const checkClass: QueryClass = run.classes.free2 !== undefined ? 'free2' : 'free1';
  if (check !== undefined && check.supported && check.flag === undefined) {
    const queries = querySet.classes[checkClass].slice(0, Math.min(ROUNDTRIP_QUERIES, check.answers.length));
    try {
      const again = queries.map((q) => runQuery(engine, checkClass, q, TOP_K));
      run.roundtrip = roundtripVerdict(check.answers.slice(0, again.length), again);
    } catch (error) {
      run.roundtrip = `loaded index failed: ${message(error)}`;
    }
  }
  return run;
}

// Entry point when forked by bench/run.ts: the task is the JSON argument after --bench-child.
const flag = process.argv.indexOf('--bench-child');
if (process.send !== undefined && flag >= 0) {
  const task = JSON.parse(process.argv[flag + 1] ?? '{}') as ChildTask;
  const send = (result: EngineRun, code: number): void => {
    process.send!(result, () => process.exit(code));
  };
  runChild(task).then(
    (result) => send(result, 0),
    (error: unknown) => send({ engine: task.engine, engineName: task.engine, corpus: task.corpus, docCount: 0, chars: 0, classes: {}, error: message(error) }, 1),
  );
}
