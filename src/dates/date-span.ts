// Query-time date intervals: the half-open span [from, to) a date text covers at its precision,
// and the range and comparison filters built from spans (`date:[2024-01 TO 2024-03]`, `date>=2024`).
// Does not read query syntax (the query parser hands over the bound texts) or touch doc values.
//
// Open ends are -Infinity / +Infinity rather than ±8.64e15: they compare correctly with every time
// value and say "unbounded" plainly. An inverted range (from >= to) is returned as is; it is
// readable but empty, which is different from unreadable (undefined).

import { MS_PER_DAY, civilFromDays, daysFromCivil } from './civil.js';
import { parseDateWithPrecision } from './parse-date.js';
import type { PreciseDate } from './parse-date.js';

/** A half-open interval of epoch milliseconds: `from <= ms < to`. */
export interface DateSpan {
  from: number;
  to: number;
}

/** Which bounds of a range include their own span (`[` / `]`) rather than exclude it (`{` / `}`). */
export interface RangeInclusion {
  lower: boolean;
  upper: boolean;
}

/** A comparison operator of the `date>=2024-01-15` form. */
export type DateComparison = '>' | '>=' | '<' | '<=';

/**
 * The interval a date text covers: `2024` the year, `2024-03` / `March 2024` the month, `2024-W11`
 * the ISO week, `2024-03-17` / `17 March 2024` the day, a date-time that one millisecond.
 */
export function parseDateSpan(text: string): DateSpan | undefined {
  const date = parseDateWithPrecision(text);
  return date === undefined ? undefined : { from: date.ms, to: spanEnd(date) };
}

/**
 * A range filter. An inclusive bound takes in its whole span (`[… TO 2024-03-31]` runs to the end
 * of 31 March); an exclusive one leaves it out (`{2024-03 TO …` starts on 1 April). `undefined` or
 * `*` is an open end; any other unreadable bound makes the whole range undefined.
 */
export function parseDateRange(
  lower: string | undefined,
  upper: string | undefined,
  inclusive: RangeInclusion,
): DateSpan | undefined {
  let from = -Infinity;
  let to = Infinity;
  const lowerText = closedBound(lower);
  if (lowerText !== undefined) {
    const span = parseDateSpan(lowerText);
    if (span === undefined) return undefined;
    from = inclusive.lower ? span.from : span.to;
  }
  const upperText = closedBound(upper);
  if (upperText !== undefined) {
    const span = parseDateSpan(upperText);
    if (span === undefined) return undefined;
    to = inclusive.upper ? span.to : span.from;
  }
  return { from, to };
}

/**
 * A one-sided filter: `>= 2024-03` from 1 March, `> 2024-03` from 1 April, `<= 2024-03` through the
 * end of March, `< 2024-03` before 1 March. Undefined for unreadable text (including `*`).
 */
export function comparisonSpan(op: DateComparison, text: string): DateSpan | undefined {
  const span = parseDateSpan(text);
  if (span === undefined) return undefined;
  switch (op) {
    case '>=':
      return { from: span.from, to: Infinity };
    case '>':
      return { from: span.to, to: Infinity };
    case '<=':
      return { from: -Infinity, to: span.to };
    case '<':
      return { from: -Infinity, to: span.from };
    default:
      return undefined; // an operator from untyped callers
  }
}

/** The bound's text, or undefined for an open end. */
function closedBound(bound: string | undefined): string | undefined {
  return bound === undefined || bound.trim() === '*' ? undefined : bound;
}

/** First millisecond after the span starting at `date.ms` (midnight UTC for calendar precisions). */
function spanEnd(date: PreciseDate): number {
  switch (date.precision) {
    case 'instant':
      return date.ms + 1;
    case 'day':
      return date.ms + MS_PER_DAY;
    case 'week':
      return date.ms + 7 * MS_PER_DAY;
    case 'month': {
      const { year, month } = civilFromDays(Math.floor(date.ms / MS_PER_DAY));
      const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
      return next * MS_PER_DAY;
    }
    case 'year':
      const { year } = civilFromDays(Math.floor(date.ms / MS_PER_DAY));
      return daysFromCivil(year + 1, 1, 1) * MS_PER_DAY;
  }
}
