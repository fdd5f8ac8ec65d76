// Timing and memory primitives of the child process: tinybench for query latency, forced GC and
// process.memoryUsage for memory. Nothing here knows about engines or corpora.

import { Bench } from 'tinybench';
import type { ClassTiming } from './types.js';

/** Runs a full collection when the process was started with --expose-gc; returns whether it could. */
export function forceGc(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return false;
  // Twice: the first pass can leave objects that only become garbage after finalisers ran.
  gc();
  gc();
  return true;
}

/** Heap used + external (ArrayBuffer backing stores live outside the V8 heap) and RSS, in bytes. */
export function memorySnapshot(): { heap: number; rss: number } {
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.external, rss: m.rss };
}

/** Options of {@link timeQueries}. */
export interface TimingOptions {
  /** Time budget in ms (tinybench keeps going until this and `minIterations` are both met). */
  timeMs: number;
  minIterations: number;
}

/**
 * Latency of `run(i)` cycling through `count` queries, one query per tinybench iteration (answers
 * were already checked, and each query was run once, so the JIT is warm).
 */
export function timeQueries(run: (i: number) => void, count: number, options: TimingOptions): ClassTiming {
  let next = 0;
  const bench = new Bench({
    time: options.timeMs,
    iterations: options.minIterations,
    warmup: true,
    // A quarter of the budget on top of the answer pass: the first class timed must not pay for the JIT.
    warmupIterations: Math.min(count, 8),
    warmupTime: options.timeMs / 4,
    throws: true,
  });
  bench.add('queries', () => {
    run(next);
    next = next + 1 === count ? 0 : next + 1;
  });
  const [task] = bench.runSync();
  const result = task?.result;
  if (result === undefined || !('latency' in result)) throw new Error(`timing failed: ${result?.state ?? 'no task'}`);
  const latency = result.latency;
  return {
    qps: latency.mean > 0 ? 1000 / latency.mean : Number.POSITIVE_INFINITY,
    meanMs: latency.mean,
    p50Ms: latency.p50,
    p99Ms: latency.p99,
    samples: latency.samplesCount,
  };
}
