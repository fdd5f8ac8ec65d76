// Markdown tables of a bench run: per corpus, engines as rows and workloads as columns, ratio rows of
// Broadsheet against each peer, latency percentiles, answer checks and the scale (sub-linear) table.
// Pure formatting: numbers in, strings out.

import { CLASS_LABELS, FREE_TEXT_CLASSES, type EngineRun, type QueryClass } from './types.js';
import { runOverlap } from './validate.js';

const DASH = '–';

/** Thousands-separated integer, or one decimal below 100, two below 10 (q/s, docs/s). */
export function formatRate(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return DASH;
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** Milliseconds with three significant digits at most (0.123, 1.23, 12.3, 123, 1,234). */
export function formatMs(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return DASH;
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

/** Bytes as MB (10^6 bytes): one decimal, two below 10. */
export function formatMB(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return DASH;
  const mb = bytes / 1e6;
  return mb >= 10 ? mb.toFixed(1) : mb.toFixed(2);
}

/** Seconds with two decimals. */
export function formatSeconds(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms) ? DASH : (ms / 1000).toFixed(2);
}

/**
 * How many times better Broadsheet is than a peer on one measure (> 1: Broadsheet better):
 * bs / peer when higher is better (q/s), peer / bs when lower is better (time, memory, size).
 */
export function advantage(broadsheet: number | undefined, peer: number | undefined, higherIsBetter: boolean): number | undefined {
  if (broadsheet === undefined || peer === undefined || !Number.isFinite(broadsheet) || !Number.isFinite(peer)) return undefined;
  if (broadsheet <= 0 || peer <= 0) return undefined;
  return higherIsBetter ? broadsheet / peer : peer / broadsheet;
}

/** A ratio as `3.2×`, `12×`, `0.45×`; `–` when unknown. */
export function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return DASH;
  if (ratio >= 10) return `${Math.round(ratio)}×`;
  if (ratio >= 1) return `${ratio.toFixed(1)}×`;
  return `${ratio.toFixed(2)}×`;
}

/** A Markdown table with padded columns; the first column left-aligned, the others right-aligned. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, c) => Math.max(3, h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `| ${widths.map((w, c) => (c === 0 ? (cells[c] ?? '').padEnd(w) : (cells[c] ?? '').padStart(w))).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (c === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** Memory shown for an engine: heap + external, plus native pages when the engine reports them. */
export function memoryBytes(run: EngineRun): number | undefined {
  if (run.memory === undefined) return undefined;
  return run.memory.heapBytes + (run.memory.nativeBytes ?? 0);
}

/** One numeric column of the main table. */
interface Column {
  heading: string;
  value: (run: EngineRun) => number | undefined;
  format: (value: number | undefined) => string;
  higherIsBetter: boolean;
  /** Text instead of a number (n/a, flagged), when the value is missing for a reason. */
  note?: (run: EngineRun) => string | undefined;
}

function classNote(run: EngineRun, cls: QueryClass): string | undefined {
  const r = run.classes[cls];
  if (r === undefined) return undefined;
  if (!r.supported) return 'n/a';
  if (r.flag !== undefined) return 'flagged';
  return undefined;
}

function columns(classes: readonly QueryClass[]): Column[] {
  const cols: Column[] = [
    { heading: 'build s', value: (r) => r.buildMs, format: formatSeconds, higherIsBetter: false },
    { heading: 'docs/s', value: (r) => (r.buildMs === undefined ? undefined : (r.docCount * 1000) / r.buildMs), format: formatRate, higherIsBetter: true },
    {
      heading: 'heap MB',
      value: memoryBytes,
      format: formatMB,
      higherIsBetter: false,
    },
    { heading: 'size MB', value: (r) => r.sizeBytes, format: formatMB, higherIsBetter: false },
    { heading: 'gzip MB', value: (r) => r.gzipBytes, format: formatMB, higherIsBetter: false },
    { heading: 'load ms', value: (r) => r.loadMs, format: formatMs, higherIsBetter: false },
    { heading: '1st query ms', value: (r) => r.firstQueryMs, format: formatMs, higherIsBetter: false },
  ];
  for (const cls of classes) {
    cols.push({
      heading: `${CLASS_LABELS[cls]} q/s`,
      value: (r) => r.classes[cls]?.timing?.qps,
      format: formatRate,
      higherIsBetter: true,
      note: (r) => classNote(r, cls),
    });
  }
  return cols;
}

/** The main table of one corpus: engines × workloads, then "Broadsheet vs <peer>" advantage rows. */
export function mainTable(runs: readonly EngineRun[], classes: readonly QueryClass[]): string {
  const cols = columns(classes);
  const rows: string[][] = runs.map((run) => {
    if (run.error !== undefined && run.buildMs === undefined) return [run.engineName, 'failed', ...cols.slice(1).map(() => DASH)];
    return [
      run.engineName + (run.memory?.nativeBytes !== undefined ? ' *' : ''),
      ...cols.map((c) => {
        const v = c.value(run);
        if (v !== undefined) return c.format(v);
        return c.note?.(run) ?? DASH;
      }),
    ];
  });
  const broadsheet = runs.find((r) => r.engine === 'broadsheet');
  if (broadsheet !== undefined && broadsheet.buildMs !== undefined) {
    for (const peer of runs) {
      if (peer === broadsheet || peer.buildMs === undefined) continue;
      rows.push([`Broadsheet vs ${peer.engineName}`, ...cols.map((c) => formatRatio(advantage(c.value(broadsheet), c.value(peer), c.higherIsBetter)))]);
    }
  }
  return markdownTable(['engine', ...cols.map((c) => c.heading)], rows);
}

/** p50 / p99 latency (ms) per class. */
export function latencyTable(runs: readonly EngineRun[], classes: readonly QueryClass[]): string {
  const rows = runs.map((run) => [
    run.engineName,
    ...classes.map((cls) => {
      const r = run.classes[cls];
      if (r?.timing !== undefined) return `${formatMs(r.timing.p50Ms)} / ${formatMs(r.timing.p99Ms)}`;
      return r === undefined ? DASH : (classNote(run, cls) ?? DASH);
    }),
  ]);
  return markdownTable(['p50 / p99 ms', ...classes.map((c) => CLASS_LABELS[c])], rows);
}

/** Share of queries answered per class, free-text overlap with Broadsheet and the round-trip check. */
export function answersTable(runs: readonly EngineRun[], classes: readonly QueryClass[]): string {
  const broadsheet = runs.find((r) => r.engine === 'broadsheet' && r.error === undefined);
  const rows = runs.map((run) => {
    const others = runs.filter((o) => o !== run && o.error === undefined);
    const overlaps = others.map((o) => runOverlap(run, o)).filter((o): o is number => o !== undefined);
    const vsBroadsheet = broadsheet === undefined || broadsheet === run ? undefined : runOverlap(run, broadsheet);
    return [
      run.engineName,
      ...classes.map((cls) => {
        const r = run.classes[cls];
        if (r === undefined) return DASH;
        if (!r.supported) return 'n/a';
        if (r.queries === 0) return DASH;
        return `${Math.round(r.nonEmpty * 100)} %${r.flag !== undefined ? ' ⚠' : ''}`;
      }),
      vsBroadsheet === undefined ? DASH : formatPercent(vsBroadsheet),
      overlaps.length === 0 ? DASH : formatPercent(overlaps.reduce((a, b) => a + b, 0) / overlaps.length),
      run.roundtrip ?? DASH,
    ];
  });
  return markdownTable(
    ['answered', ...classes.map((c) => CLASS_LABELS[c]), 'top-10 ∩ Broadsheet', 'top-10 ∩ others', 'save/load'],
    rows,
  );
}

/** Free-text top-10 overlap of every pair of engines. */
export function overlapMatrix(runs: readonly EngineRun[]): string {
  const ok = runs.filter((r) => r.error === undefined);
  const rows = ok.map((a) => [a.engineName, ...ok.map((b) => (a === b ? DASH : formatPercent(runOverlap(a, b, FREE_TEXT_CLASSES))))]);
  return markdownTable(['top-10 overlap', ...ok.map((r) => r.engineName)], rows);
}

function formatPercent(value: number | undefined): string {
  return value === undefined ? DASH : `${Math.round(value * 100)} %`;
}

/** Flags and errors worth a line under the tables. */
export function notes(runs: readonly EngineRun[]): string[] {
  const lines: string[] = [];
  for (const run of runs) {
    if (run.error !== undefined) lines.push(`- ${run.engineName}: ${run.error}`);
    for (const [cls, r] of Object.entries(run.classes)) {
      if (r?.flag !== undefined) lines.push(`- ${run.engineName}, ${CLASS_LABELS[cls as QueryClass]}: ${r.flag} — not timed`);
    }
    if (run.roundtrip !== undefined && run.roundtrip !== 'same') lines.push(`- ${run.engineName}: loaded index ${run.roundtrip}`);
  }
  if (runs.some((r) => r.memory?.nativeBytes !== undefined)) {
    lines.push('- \\* heap MB includes the engine\'s native memory (SQLite pages), which is outside the V8 heap.');
  }
  return lines;
}

/**
 * The sub-linear check: mean per-query latency on a large corpus divided by the same engine's on a
 * small one, with the same queries. A linear engine's ratio approaches the document ratio.
 */
export function scalingTable(small: readonly EngineRun[], large: readonly EngineRun[], classes: readonly QueryClass[]): string {
  const rows: string[][] = [];
  for (const big of large) {
    const little = small.find((s) => s.engine === big.engine);
    if (little === undefined) continue;
    rows.push([
      big.engineName,
      ...classes.map((cls) => {
        const a = little.classes[cls]?.timing?.meanMs;
        const b = big.classes[cls]?.timing?.meanMs;
        if (a === undefined || b === undefined) return classNote(big, cls) ?? DASH;
        return formatRatio(b / a);
      }),
      formatRatio(little.buildMs !== undefined && big.buildMs !== undefined ? big.buildMs / little.buildMs : undefined),
      formatRatio(memoryBytes(little) !== undefined && memoryBytes(big) !== undefined ? memoryBytes(big)! / memoryBytes(little)! : undefined),
    ]);
  }
  return markdownTable(['cost ×', ...classes.map((c) => CLASS_LABELS[c]), 'build', 'heap'], rows);
}
