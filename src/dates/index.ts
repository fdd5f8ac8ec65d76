// Public surface of the dates module: parsing, date-field text and query-time spans.
// Calendar arithmetic (civil.ts) stays internal.

export { dateTime, parseDate, parseDateWithPrecision } from './parse-date.js';
export type { DatePrecision, PreciseDate } from './parse-date.js';
export { dateFieldText, toIsoDay, toIsoString } from './date-text.js';
export { comparisonSpan, parseDateRange, parseDateSpan } from './date-span.js';
export type { DateComparison, DateSpan, RangeInclusion } from './date-span.js';
