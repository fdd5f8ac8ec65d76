// Options of `parseQuery`, their defaults and their validation. Validation throws even in lenient
// mode: options come from the program, not from the person typing the query.

import { InvalidOptionError } from '../errors.js';

/** Options for `parseQuery`. */
export interface ParseOptions {
  /**
   * `'lenient'` (default): for text typed by people; never throws on the query text, degrades
   * what does not parse to plain terms and truncates at the limits.
   * `'strict'`: throws `QueryParseError` / `QueryLimitError`.
   */
  readonly mode?: 'lenient' | 'strict';
  /** What juxtaposed clauses (`a b`) mean: `'or'` (default, ranked) or `'and'`. */
  readonly defaultOperator?: 'or' | 'and';
  /** Deepest parenthesis nesting (default 32). Lenient: deeper parentheses are ignored. */
  readonly maxDepth?: number;
  /** Most leaf clauses (terms, phrases, ranges; default 1024). Lenient: the rest is dropped. */
  readonly maxClauses?: number;
  /** Most query characters (default 10 000). Lenient: the rest is not read. */
  readonly maxLength?: number;
}

/** Options with defaults applied. */
export interface ResolvedParseOptions {
  readonly strict: boolean;
  readonly defaultAnd: boolean;
  readonly maxDepth: number;
  readonly maxClauses: number;
  readonly maxLength: number;
}

export const DEFAULT_MAX_DEPTH = 32;
export const DEFAULT_MAX_CLAUSES = 1024;
export const DEFAULT_MAX_LENGTH = 10_000;

/** Applies defaults and rejects invalid values with `InvalidOptionError`. */
export function resolveParseOptions(options: ParseOptions | undefined): ResolvedParseOptions {
  const mode = options?.mode ?? 'lenient';
  if (mode !== 'lenient' && mode !== 'strict') {
    throw new InvalidOptionError(`mode must be 'lenient' or 'strict', got ${String(mode)}`, 'mode');
  }
  const op = options?.defaultOperator ?? 'or';
  if (op !== 'or' && op !== 'and') {
    throw new InvalidOptionError(`defaultOperator must be 'or' or 'and', got ${String(op)}`, 'defaultOperator');
  }
  return {
    strict: mode === 'strict',
    defaultAnd: op === 'and',
    maxDepth: limit(options?.maxDepth, DEFAULT_MAX_DEPTH, 0, 'maxDepth'),
    maxClauses: limit(options?.maxClauses, DEFAULT_MAX_CLAUSES, 1, 'maxClauses'),
    maxLength: limit(options?.maxLength, DEFAULT_MAX_LENGTH, 0, 'maxLength'),
  };
}

function limit(value: number | undefined, fallback: number, min: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InvalidOptionError(`${name} must be an integer >= ${min}, got ${String(value)}`, name);
  }
  return value;
}
