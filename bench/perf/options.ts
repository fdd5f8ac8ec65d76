// Command-line options of `npm run bench`: quick by default (sample corpus and Reuters, short timings),
// `--full` for every corpus, the 200k scale corpus (1M with `--scale 1m`) and the relevance runner.

import { parseArgs } from 'node:util';
import { InvalidOptionError } from '../../src/errors.js';
import { CORPORA, isCorpusPath } from './corpora.js';
import { ENGINE_KEYS, isEngineKey, type EngineKey } from './engines/registry.js';
import { CLASS_LABELS, QUERY_CLASSES, type QueryClass } from './types.js';

/** A resolved bench configuration. */
export interface BenchConfig {
  full: boolean;
  corpora: string[];
  engines: EngineKey[];
  classes: QueryClass[];
  /** Time budget per timed query class, ms. */
  timeMs: number;
  /** Minimum timed iterations per class, whatever the budget. */
  minIterations: number;
  /** Times every engine runs on every corpus, interleaved; each figure is the median over rounds. */
  rounds: number;
  /** Queries per class used from the saved set. */
  perClass: number;
  /** Run bench/relevance/run.ts afterwards (full runs, when it exists). */
  relevance: boolean;
  /**
   * A child process taking longer is killed and its engine reported as timed out. Applies to the
   * quick corpora; a large one (scale, or a path) always gets {@link LARGE_CORPUS_TIMEOUT_MS}.
   */
  childTimeoutMs: number;
  help: boolean;
}

/**
 * Child time limit on a scale corpus or one given by path: Lunr and Orama need minutes to build
 * 200k documents, and a quick run that asks for such a corpus must not report them as timed out.
 */
export const LARGE_CORPUS_TIMEOUT_MS = 6 * 3600_000;

/** The time limit of one child process: the configured one, or the large-corpus one. */
export function childTimeout(config: BenchConfig, largeCorpus: boolean): number {
  return largeCorpus ? Math.max(config.childTimeoutMs, LARGE_CORPUS_TIMEOUT_MS) : config.childTimeoutMs;
}

export const USAGE = `Usage: npm run bench -- [options]
  --full              every corpus, scale 200k, longer timings, then the relevance runner
  --scale 200k|1m     add that scale corpus (--full always includes 200k)
  --corpus a,b        corpora: ${CORPORA.map((c) => c.name).join(', ')}, or a path: a .jsonl(.gz) file
                      of {id, title, body, date} records or a directory of CMS .txt files
  --engines a,b       engines: ${ENGINE_KEYS.join(', ')}
  --classes a,b       query classes: ${QUERY_CLASSES.join(', ')} (or their labels: 1-term, AND, ...)
  --time <ms>         time budget per query class (quick 100, full 1000)
  --rounds <n>        run every engine n times, interleaved, and report medians (quick 1, full 3)
  --queries <n>       queries per class from the saved sets (quick 30, full 100)
  --no-relevance      with --full, skip the relevance runner`;

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function positive(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidOptionError(`--${option} must be a positive number, got ${value}`, option);
  return n;
}

/** Parses bench arguments (without `node` and the script); throws InvalidOptionError on bad input. */
export function parseBenchArgs(argv: readonly string[]): BenchConfig {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        full: { type: 'boolean', default: false },
        scale: { type: 'string' },
        corpus: { type: 'string' },
        corpora: { type: 'string' },
        engines: { type: 'string' },
        classes: { type: 'string' },
        time: { type: 'string' },
        rounds: { type: 'string' },
        queries: { type: 'string' },
        'no-relevance': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new InvalidOptionError(error instanceof Error ? error.message : String(error), 'argv');
  }
  const v = parsed.values;
  const full = v.full === true;
  const scale = v.scale?.toLowerCase();
  if (scale !== undefined && scale !== '1m' && scale !== '200k') throw new InvalidOptionError(`--scale must be 200k or 1m, got ${v.scale}`, 'scale');

  let corpora = list(v.corpus ?? v.corpora);
  if (corpora === undefined) {
    corpora = full ? ['corpus', 'reuters', '20news', 'scale-200k'] : ['corpus', 'reuters'];
    if (scale !== undefined) corpora.push(`scale-${scale}`);
  }
  for (const name of corpora) {
    if (!CORPORA.some((c) => c.name === name) && !isCorpusPath(name)) throw new InvalidOptionError(`unknown corpus ${name}`, 'corpus');
  }

  const engineList = list(v.engines) ?? [...ENGINE_KEYS];
  const engines: EngineKey[] = [];
  for (const key of engineList) {
    const lower = key.toLowerCase();
    if (!isEngineKey(lower)) throw new InvalidOptionError(`unknown engine ${key}`, 'engines');
    if (!engines.includes(lower)) engines.push(lower);
  }
  // Report order is fixed (Broadsheet first), whatever order the user typed.
  engines.sort((a, b) => ENGINE_KEYS.indexOf(a) - ENGINE_KEYS.indexOf(b));

  const classList = list(v.classes);
  let classes: QueryClass[] = [...QUERY_CLASSES];
  if (classList !== undefined) {
    const wanted = new Set<QueryClass>();
    for (const name of classList) {
      const cls = QUERY_CLASSES.find((c) => c.toLowerCase() === name.toLowerCase() || CLASS_LABELS[c].toLowerCase() === name.toLowerCase());
      if (cls === undefined) throw new InvalidOptionError(`unknown query class ${name}`, 'classes');
      wanted.add(cls);
    }
    classes = QUERY_CLASSES.filter((c) => wanted.has(c));
  }

  const perClass = positive(v.queries, 'queries');
  const rounds = positive(v.rounds, 'rounds');
  if (rounds !== undefined && !Number.isInteger(rounds)) throw new InvalidOptionError(`--rounds must be a whole number, got ${v.rounds}`, 'rounds');
  return {
    full,
    corpora: [...new Set(corpora)],
    engines,
    classes,
    timeMs: positive(v.time, 'time') ?? (full ? 1000 : 100),
    minIterations: full ? 20 : 5,
    rounds: rounds ?? (full ? 3 : 1),
    perClass: perClass === undefined ? (full ? 100 : 30) : Math.floor(perClass),
    relevance: full && v['no-relevance'] !== true,
    childTimeoutMs: full ? LARGE_CORPUS_TIMEOUT_MS : 180_000,
    help: v.help === true,
  };
}
