// Recency as a score multiplier: Elasticsearch's function_score decay functions (gauss, exp, linear)
// over millisecond timestamps, duration parsing ('7d') and option validation.
// Pure math: it does not read dates from documents nor decide how the factor combines with BM25F.

import { InvalidOptionError } from '../errors.js';

/** The shape of a decay curve, named as in Elasticsearch's `function_score`. */
export type DecayFunction = 'gauss' | 'exp' | 'linear';

/**
 * A decay curve over time, all values in milliseconds: the factor is 1 within `offset` of `origin`
 * and equals `decay` at `offset + scale` from it.
 */
export interface DecayOptions {
  /** The point of full score (usually "now" or the newest document), epoch ms. */
  origin: number;
  /** Distance beyond `offset` at which the factor has fallen to `decay`; > 0. */
  scale: number;
  /** Distance from `origin` within which nothing decays (default 0); ≥ 0. */
  offset?: number;
  /** The factor at `offset + scale`, in (0, 1) (default 0.5). */
  decay?: number;
  /** Curve shape (default `'gauss'`). */
  function?: DecayFunction;
}

/** Decay options with every default filled in, as {@link validateDecay} returns them. */
export type ResolvedDecay = Required<DecayOptions>;

/** What a caller may hand to {@link validateDecay}: like {@link DecayOptions}, but `scale` and `offset` may be durations (`'7d'`). */
export interface DecayInput {
  origin: number;
  scale: number | string;
  offset?: number | string;
  decay?: number;
  function?: DecayFunction;
}

/**
 * The factor given to a document without a date (a NaN value): the limit of every curve at infinite
 * distance, 0, so undated documents rank as the oldest. A caller wanting them neutral can use 1.
 */
export const UNDATED_FACTOR = 0;

const MS_PER_UNIT: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  y: 365 * 86_400_000,
};

// Anchored and bounded: a number with optional fraction, then a unit; nothing else.
const DURATION_RE = /^\s*(\d{1,15}(?:\.\d{1,15})?|\.\d{1,15})\s*(ms|s|m|h|d|w|y)\s*$/;

/**
 * A duration in milliseconds: a finite number ≥ 0 is already ms; a string is a number and a unit
 * (`ms`, `s`, `m` minutes, `h`, `d`, `w`, `y` = 365 d), e.g. `'7d'`, `'1.5h'`. Units are required in
 * strings (a bare `'7'` is ambiguous) and are case-sensitive (`M` could mean months). Anything else,
 * including negative or non-finite values, is undefined.
 */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  if (typeof text !== 'string') return undefined;
  const m = DURATION_RE.exec(text);
  if (m === null) return undefined;
  const ms = Number(m[1]) * MS_PER_UNIT[m[2]!]!;
  return Number.isFinite(ms) ? ms : undefined;
}

function duration(value: number | string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = parseDuration(value);
  if (ms === undefined) throw new InvalidOptionError(`recency.${name} must be a finite duration ≥ 0 (ms or e.g. '7d'), got ${String(value)}`, 'recency');
  return ms;
}

/**
 * Checks decay options at the API boundary and fills defaults (offset 0, decay 0.5, gauss).
 * Throws {@link InvalidOptionError} (option `recency`) for a non-finite origin, scale ≤ 0, a negative
 * offset, decay outside (0, 1), or an unknown function.
 */
export function validateDecay(o: DecayInput): ResolvedDecay {
  if (typeof o !== 'object' || o === null) throw new InvalidOptionError('recency options must be an object', 'recency');
  if (typeof o.origin !== 'number' || !Number.isFinite(o.origin)) {
    throw new InvalidOptionError(`recency.origin must be a finite number of ms, got ${String(o.origin)}`, 'recency');
  }
  const scale = duration(o.scale, 'scale', Number.NaN);
  if (!(scale > 0)) throw new InvalidOptionError(`recency.scale must be > 0, got ${String(o.scale)}`, 'recency');
  const offset = duration(o.offset, 'offset', 0);
  // null is a value of the wrong kind, refused like any other (absent is undefined).
  const decay = o.decay === undefined ? 0.5 : o.decay;
  if (typeof decay !== 'number' || !(decay > 0 && decay < 1)) {
    throw new InvalidOptionError(`recency.decay must be in (0, 1), got ${String(decay)}`, 'recency');
  }
  const fn = o.function === undefined ? 'gauss' : o.function;
  if (fn !== 'gauss' && fn !== 'exp' && fn !== 'linear') {
    throw new InvalidOptionError(`recency.function must be gauss, exp or linear, got ${String(fn)}`, 'recency');
  }
  return { origin: o.origin, scale, offset, decay, function: fn };
}

/**
 * Elasticsearch's decay factor for `value` (epoch ms), in [0, 1], never NaN for options that pass
 * {@link validateDecay}. With distance d = max(0, |value − origin| − offset):
 * - gauss: exp(−d² / 2σ²) with σ² = −scale² / (2·ln decay)
 * - exp: exp(λ·d) with λ = ln(decay) / scale
 * - linear: max(0, (s − d) / s) with s = scale / (1 − decay)
 * A NaN value (an undated document) gives {@link UNDATED_FACTOR}.
 */
export function decayFactor(value: number, o: DecayOptions): number {
  if (Number.isNaN(value)) return UNDATED_FACTOR;
  const offset = o.offset ?? 0;
  const decay = o.decay ?? 0.5;
  const d = Math.max(0, Math.abs(value - o.origin) - offset);
  // Each formula is rewritten over d / scale (algebraically equal) so a tiny scale cannot turn
  // scale² into 0 and d = 0 into 0/0; every step is monotone, so the factor never rises with d.
  const x = d / o.scale;
  switch (o.function ?? 'gauss') {
    case 'gauss':
      return Math.exp(Math.log(decay) * x * x);
    case 'exp':
      return Math.exp(Math.log(decay) * x);
    case 'linear':
      return Math.max(0, 1 - x * (1 - decay));
  }
}

/**
 * The decay curve as a function of one value, with the logarithm computed once: the form to call
 * per document. Same results as {@link decayFactor}.
 */
export function decayCurve(o: DecayOptions): (value: number) => number {
  const { origin, scale } = o;
  const offset = o.offset ?? 0;
  const decay = o.decay ?? 0.5;
  const lnDecay = Math.log(decay);
  const fn = o.function ?? 'gauss';
  const oneMinus = 1 - decay;
  return (value: number): number => {
    if (Number.isNaN(value)) return UNDATED_FACTOR;
    const x = Math.max(0, Math.abs(value - origin) - offset) / scale;
    if (fn === 'gauss') return Math.exp(lnDecay * x * x);
    if (fn === 'exp') return Math.exp(lnDecay * x);
    return Math.max(0, 1 - x * oneMinus);
  };
}
