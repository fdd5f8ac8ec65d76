// Merges the runs of one engine on one corpus from several interleaved rounds into one: the median
// of every measured figure. Answers, flags and sizes come from the first round that ran.

import type { ClassResult, ClassTiming, EngineRun, MemoryResult } from './types.js';

/** The median of the defined values (the mean of the middle two for an even count), or undefined. */
export function median(values: ReadonlyArray<number | undefined>): number | undefined {
  const xs = values.filter((v): v is number => v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return undefined;
  const mid = xs.length >>> 1;
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/**
 * One run from `runs` (the same engine and corpus, one per round): medians of build, memory,
 * serialise, load, first query after load and each class's q/s, mean, p50 and p99 over the rounds that produced them.
 * Rounds that failed are left out; when all failed, the first failure is returned.
 */
export function mergeRounds(runs: readonly EngineRun[]): EngineRun {
  const ok = runs.filter((r) => r.error === undefined);
  if (ok.length === 0) return runs[0]!;
  const base = ok[0]!;
  if (ok.length === 1) return { ...base, rounds: 1 };
  const merged: EngineRun = { ...base, classes: {}, rounds: ok.length };
  const set = <K extends 'buildMs' | 'serializeMs' | 'loadMs' | 'firstQueryMs'>(key: K): void => {
    const m = median(ok.map((r) => r[key]));
    if (m !== undefined) merged[key] = m;
  };
  set('buildMs');
  set('serializeMs');
  set('loadMs');
  set('firstQueryMs');
  if (base.memory !== undefined) {
    const memory: MemoryResult = {
      heapBytes: median(ok.map((r) => r.memory?.heapBytes)) ?? base.memory.heapBytes,
      rssBytes: median(ok.map((r) => r.memory?.rssBytes)) ?? base.memory.rssBytes,
    };
    const native = median(ok.map((r) => r.memory?.nativeBytes));
    if (native !== undefined) memory.nativeBytes = native;
    merged.memory = memory;
  }
  for (const [cls, first] of Object.entries(base.classes) as Array<[keyof EngineRun['classes'], ClassResult]>) {
    const timings = ok.map((r) => r.classes[cls]?.timing).filter((t): t is ClassTiming => t !== undefined);
    const result: ClassResult = { ...first };
    if (timings.length > 0) {
      result.timing = {
        qps: median(timings.map((t) => t.qps))!,
        meanMs: median(timings.map((t) => t.meanMs))!,
        p50Ms: median(timings.map((t) => t.p50Ms))!,
        p99Ms: median(timings.map((t) => t.p99Ms))!,
        samples: timings.reduce((sum, t) => sum + t.samples, 0),
      };
    }
    merged.classes[cls] = result;
  }
  return merged;
}
