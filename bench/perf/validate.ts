// Answer checks made before anything is timed: the share of queries with hits (an engine answering
// nothing must not look fast), top-10 overlap between engines, and save/load round-trip equality.

import { FREE_TEXT_CLASSES, type EngineRun, type QueryClass } from './types.js';

/** Minimum share of queries with at least one hit; below it a class is flagged and not timed. */
export const MIN_NON_EMPTY = { freeText: 0.8, other: 0.5 } as const;

/** Share of answers that are not empty (1 for no queries: nothing to flag). */
export function nonEmptyShare(answers: readonly (readonly string[])[]): number {
  if (answers.length === 0) return 1;
  let nonEmpty = 0;
  for (const a of answers) if (a.length > 0) nonEmpty++;
  return nonEmpty / answers.length;
}

/** The flag of a class whose answers are too often empty, or undefined when it may be timed. */
export function answerFlag(cls: QueryClass, nonEmpty: number): string | undefined {
  const min = FREE_TEXT_CLASSES.includes(cls) ? MIN_NON_EMPTY.freeText : MIN_NON_EMPTY.other;
  return nonEmpty < min ? `answers only ${Math.round(nonEmpty * 100)} % of queries (< ${min * 100} %)` : undefined;
}

/**
 * Overlap of two top-k lists: |A ∩ B| / max(|A|, |B|), so two engines returning the same 3 documents
 * agree fully; undefined when both are empty (no evidence either way).
 */
export function overlap(a: readonly string[], b: readonly string[]): number | undefined {
  const size = Math.max(a.length, b.length);
  if (size === 0) return undefined;
  const set = new Set(a);
  let common = 0;
  for (const id of b) if (set.has(id)) common++;
  return common / size;
}

/** Mean overlap over queries answered by both engines' runs of the same query list. */
export function meanOverlap(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): { mean: number; queries: number } | undefined {
  let sum = 0;
  let queries = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const o = overlap(a[i]!, b[i]!);
    if (o === undefined) continue;
    sum += o;
    queries++;
  }
  return queries === 0 ? undefined : { mean: sum / queries, queries };
}

/** Mean top-10 overlap of two engines over the given classes (queries pooled), undefined if none compare. */
export function runOverlap(a: EngineRun, b: EngineRun, classes: readonly QueryClass[] = FREE_TEXT_CLASSES): number | undefined {
  let sum = 0;
  let queries = 0;
  for (const cls of classes) {
    const ra = a.classes[cls];
    const rb = b.classes[cls];
    if (ra === undefined || rb === undefined || !ra.supported || !rb.supported) continue;
    const m = meanOverlap(ra.answers, rb.answers);
    if (m === undefined) continue;
    sum += m.mean * m.queries;
    queries += m.queries;
  }
  return queries === 0 ? undefined : sum / queries;
}

/** 'same' when the loaded index answered every query exactly like the built one, else what differed. */
export function roundtripVerdict(before: readonly (readonly string[])[], after: readonly (readonly string[])[]): string {
  let differing = 0;
  let reordered = 0;
  for (let i = 0; i < before.length; i++) {
    const x = before[i]!;
    const y = after[i] ?? [];
    if (x.length === y.length && x.every((id, j) => id === y[j])) continue;
    if (overlap(x, y) === 1 && x.length === y.length) reordered++;
    else differing++;
  }
  if (differing === 0 && reordered === 0) return 'same';
  const parts: string[] = [];
  if (differing > 0) parts.push(`${differing}/${before.length} differ`);
  if (reordered > 0) parts.push(`${reordered}/${before.length} reordered`);
  return parts.join(', ');
}
