// parseDate: every supported format with exact epoch values, zones, precision, and rejection of
// anything it cannot read completely. Expectations come from Date.UTC (month written 1-based here).
import { runInNewContext } from 'node:vm';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { parseDate, parseDateWithPrecision } from '../../src/dates/parse-date.js';
import type { DatePrecision } from '../../src/dates/parse-date.js';
import { toIsoString } from '../../src/dates/date-text.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Date.UTC with a 1-based month. */
function utc(y: number, mo: number, d = 1, h = 0, mi = 0, s = 0, ms = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

/** For years 0–99, which Date.UTC would move to 1900–1999. */
function utcFullYear(y: number, mo: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getTime();
}

type Case = readonly [text: string, expected: number];

function table(name: string, cases: readonly Case[]): void {
  const t = suite(name);
  for (const [text, expected] of cases) {
    t(JSON.stringify(text), () => {
      assert.is(parseDate(text), expected);
    });
  }
  t.run();
}

const MARCH_17 = utc(2024, 3, 17);
const SEED = utc(2024, 3, 17, 15, 34, 32);

table('ISO 8601', [
  ['2024-03-17', MARCH_17],
  ['2024-03-17T15:34:32', SEED],
  ['2024-03-17T15:34:32Z', SEED],
  ['2024-03-17t15:34:32z', SEED],
  ['2024-03-17T15:34:32.123+08:00', utc(2024, 3, 17, 7, 34, 32, 123)],
  ['2024-03-17T15:34:32+0800', SEED - 8 * HOUR],
  ['2024-03-17T15:34:32+08', SEED - 8 * HOUR],
  ['2024-03-17T15:34:32-05:00', SEED + 5 * HOUR],
  ['2024-03-17T15:34:32+05:30', SEED - 5 * HOUR - 30 * MINUTE],
  ['2024-03-17T15:34:32+0545', SEED - 5 * HOUR - 45 * MINUTE],
  ['2024-03-17T15:34:32-00:00', SEED],
  ['2024-03-17T15:34', utc(2024, 3, 17, 15, 34)],
  ['2024-03-17T15:34:32,5', SEED + 500],
  ['2024-03-17T15:34:32.1Z', SEED + 100],
  ['2024-03-17T15:34:32.123456789Z', SEED + 123],
  ['2024-03-17T15:34:32.999999Z', SEED + 999],
  ['2024-03-17 15:34:32Z', SEED],
  ['2024-03-17 15:34:32 +08:00', SEED - 8 * HOUR],
  ['2024-03-17 15:34:32 GMT', SEED],
  ['2024-03', utc(2024, 3, 1)],
  ['2024', utc(2024, 1, 1)],
  ['2024-3-7', utc(2024, 3, 7)],
  ['2024-03-17T24:00', utc(2024, 3, 18)],
  ['2024-03-17T24:00:00.000Z', utc(2024, 3, 18)],
  ['2016-12-31T23:59:60Z', utc(2016, 12, 31, 23, 59, 59, 999)],
  ['2024-W11', utc(2024, 3, 11)],
  ['2024-W11-7', MARCH_17],
  ['2024W117', MARCH_17],
  ['2024w11', utc(2024, 3, 11)],
  ['2025-W01-1', utc(2024, 12, 30)],
  ['2020-W53-5', utc(2021, 1, 1)],
  ['2024-077', MARCH_17],
  ['2024-366', utc(2024, 12, 31)],
  ['2023-365', utc(2023, 12, 31)],
  ['2024-077T15:34:32Z', SEED],
  ['20240317', MARCH_17],
  ['20240317T153432Z', SEED],
  ['20240317T153432.25Z', SEED + 250],
  ['20240317T1534+0800', utc(2024, 3, 17, 7, 34)],
  ['+002024-03-17T15:34:32.000Z', SEED],
  ['+012024-01-01', utcFullYear(12024, 1, 1)],
  ['-000001-01-01T00:00:00.000Z', utcFullYear(-1, 1, 1)],
  ['0000-01-01', utcFullYear(0, 1, 1)],
  ['0099-12-31', utcFullYear(99, 12, 31)],
  ['+275760-09-13T00:00:00.000Z', 8.64e15],
  ['-271821-04-20T00:00:00.000Z', -8.64e15],
]);

table('CMS and slash forms', [
  ['2024-03-17 15:34:32', SEED],
  ['  2024-03-17 15:34:32\n', SEED],
  ['\u00a02024-03-17\u00a015:34:32\t', SEED],
  ['2024/03/17 15:34', utc(2024, 3, 17, 15, 34)],
  ['2024/03/17', MARCH_17],
  ['2024/3/7', utc(2024, 3, 7)],
  ['2024/03', utc(2024, 3, 1)],
  ['2024.03.17', MARCH_17],
  ['2024-03-17 3:34 PM', utc(2024, 3, 17, 15, 34)],
]);

const RFC_BASE = utc(2024, 3, 17, 15, 34, 32);
table('RFC 2822 and its Usenet variants', [
  ['Sun, 17 Mar 2024 15:34:32 +0800', RFC_BASE - 8 * HOUR],
  ['17 Mar 2024 15:34 GMT', utc(2024, 3, 17, 15, 34)],
  ['Sun, 17 Mar 2024 15:34:32 GMT', RFC_BASE],
  ['Sunday, 17 Mar 2024 15:34:32 GMT', RFC_BASE],
  ['Sun 17 Mar 2024 15:34:32 GMT', RFC_BASE],
  ['SUN, 17 MAR 2024 15:34:32 GMT', RFC_BASE],
  ['17 Mar 2024 15:34:32 UT', RFC_BASE],
  ['17 Mar 2024 15:34:32 UTC', RFC_BASE],
  ['17 Mar 2024 15:34:32 EST', RFC_BASE + 5 * HOUR],
  ['17 Mar 2024 15:34:32 EDT', RFC_BASE + 4 * HOUR],
  ['17 Mar 2024 15:34:32 edt', RFC_BASE + 4 * HOUR],
  ['17 Mar 2024 15:34:32 CST', RFC_BASE + 6 * HOUR],
  ['17 Mar 2024 15:34:32 CDT', RFC_BASE + 5 * HOUR],
  ['17 Mar 2024 15:34:32 MST', RFC_BASE + 7 * HOUR],
  ['17 Mar 2024 15:34:32 MDT', RFC_BASE + 6 * HOUR],
  ['17 Mar 2024 15:34:32 PST', RFC_BASE + 8 * HOUR],
  ['17 Mar 2024 15:34:32 PDT', RFC_BASE + 7 * HOUR],
  ['17 Mar 2024 15:34:32 -0000', RFC_BASE],
  ['17 Mar 2024 15:34:32', RFC_BASE],
  // Unknown zone names mean "offset not known" (RFC 5322 §4.3), read as UTC.
  ['17 Mar 2024 15:34:32 BST', RFC_BASE],
  ['17 Mar 2024 15:34:32 NZST', RFC_BASE],
  ['17 Mar 2024 15:34:32 A', RFC_BASE],
  // GMT±h is the human reading (GMT+12 is New Zealand), not POSIX's inverted sign.
  ['17 Mar 2024 15:34:32 GMT+12', RFC_BASE - 12 * HOUR],
  ['17 Mar 2024 15:34:32 UTC-05:30', RFC_BASE + 5 * HOUR + 30 * MINUTE],
  // Comments (CFWS) after the zone.
  ['Tue, 20 Apr 1993 7:48:40 +0100 (CET)', utc(1993, 4, 20, 6, 48, 40)],
  ['Fri, 23 Apr 93 17:54:49 EDT(-0400)', utc(1993, 4, 23, 21, 54, 49)],
  ['29 Apr 93 19:00:46 EDT (Thu)', utc(1993, 4, 29, 23, 0, 46)],
  // Obsolete two- and three-digit years.
  ['14 Apr 93 12:10:28', utc(1993, 4, 14, 12, 10, 28)],
  ['17 Mar 24 15:34:32 GMT', RFC_BASE],
  ['1 Jan 49 00:00 GMT', utc(2049, 1, 1)],
  ['1 Jan 50 00:00 GMT', utc(1950, 1, 1)],
  ['17 Mar 124 15:34:32 GMT', RFC_BASE],
  // The weekday is not checked against the date (17 Mar 2024 was a Sunday).
  ['Mon, 17 Mar 2024 15:34:32 GMT', RFC_BASE],
  // What Date.prototype.toUTCString / toString write.
  ['Sun, 17 Mar 2024 15:34:32 GMT', RFC_BASE],
  ['Sun Mar 17 2024 23:34:32 GMT+0800 (China Standard Time)', RFC_BASE],
]);

table('Reuters-21578', [
  ['26-FEB-1987 15:01:01.79', utc(1987, 2, 26, 15, 1, 1, 790)],
  ['26-FEB-1987', utc(1987, 2, 26)],
  [' 5-MAR-1987 09:01:00.00', utc(1987, 3, 5, 9, 1)],
  ['26-Feb-1987 15:01', utc(1987, 2, 26, 15, 1)],
]);

table('written-out dates', [
  ['March 17, 2024', MARCH_17],
  ['Mar 17, 2024', MARCH_17],
  ['MARCH 17, 2024', MARCH_17],
  ['march 17 2024', MARCH_17],
  ['Mar. 17, 2024', MARCH_17],
  ['17 March 2024', MARCH_17],
  ['17 Mar. 2024', MARCH_17],
  ['17 March, 2024', MARCH_17],
  ['17th March 2024', MARCH_17],
  ['March 17th, 2024', MARCH_17],
  ['March 1st, 2024', utc(2024, 3, 1)],
  ['Sunday, March 17, 2024', MARCH_17],
  ['Sept 5, 2024', utc(2024, 9, 5)],
  ['September 2024', utc(2024, 9, 1)],
  ['March 2024', utc(2024, 3, 1)],
  ['mar 2024', utc(2024, 3, 1)],
  ['March 17, 2024 3:34 PM', utc(2024, 3, 17, 15, 34)],
  ['March 17, 2024 3:34pm', utc(2024, 3, 17, 15, 34)],
  ['March 17, 2024 3:34 p.m.', utc(2024, 3, 17, 15, 34)],
  ['March 17, 2024 9:05 a.m.', utc(2024, 3, 17, 9, 5)],
  ['March 17, 2024 15:34', utc(2024, 3, 17, 15, 34)],
  ['March 17, 2024, 15:34', utc(2024, 3, 17, 15, 34)],
  ['March 17, 2024 at 3:34 PM EDT', utc(2024, 3, 17, 19, 34)],
  ['17 March 2024 15:34:32', SEED],
  ['March 17, 2024 12:00 AM', MARCH_17],
  ['March 17, 2024 12:30 AM', utc(2024, 3, 17, 0, 30)],
  ['March 17, 2024 12:30 PM', utc(2024, 3, 17, 12, 30)],
]);

table('leap years', [
  ['2024-02-29', utc(2024, 2, 29)],
  ['2000-02-29', utc(2000, 2, 29)],
  ['29 Feb 2024', utc(2024, 2, 29)],
  ['February 29, 2024', utc(2024, 2, 29)],
]);

const invalid = suite('unreadable input → undefined');
const INVALID = [
  '',
  '   ',
  'yesterday',
  'now',
  '2024-13-01',
  '2024-00-10',
  '2024-02-30',
  '2023-02-29',
  '1900-02-29',
  '29 Feb 2023',
  '2024-04-31',
  '2024-03-00',
  '2024-03-17 and more',
  '2024-03-17T',
  '2024-03-17T15',
  '2024-03-17T15:3',
  '2024-03-17T25:00',
  '2024-03-17T24:01',
  '2024-03-17T24:00:00.001',
  '2024-03-17T23:60',
  '2024-03-17T23:59:61',
  '2024-03-17T15:34:32+24:00',
  '2024-03-17T15:34:32+0860',
  '2024-03-17T15:34:32+123',
  '2024-03-17T15:34:32 foo',
  '2024-03-17T15:34:32Zulu',
  '2024-03-17T15:34:32 (unterminated',
  '2024-03-17T15:34:32 (c) trailing',
  '2024-03-17 (note)',
  '2024-3-',
  '2024-03/17',
  '2024-003-17',
  '17/03/2024',
  '03/17/2024',
  '-000000-01-01',
  '+2024-01-01',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-19T23:59:59.999Z',
  '24',
  '999',
  '12345',
  '202403',
  '1710689672',
  '171068967200',
  '17106896720001',
  '2024-W00',
  '2021-W53',
  '2024-W11-8',
  '2024-W117',
  '2024-000',
  '2023-366',
  '2024077',
  'March 17',
  '17 March',
  'March 32, 2024',
  'Mar 17, 24',
  'Marc 17, 2024',
  '17 Foo 2024',
  '17-Mar 2024',
  'Sun, 2024-03-17',
  'Funday, 17 Mar 2024',
  'Sun,',
  'March 2024 15:34',
  'March 17, 2024 13:00 PM',
  'March 17, 2024 0:30 AM',
  'March 17, 2024 3:34 pmx',
  'March 17, 2024 at',
  '17 Mar 2024 15:34:32 +3000',
  '26-FEB-1987 15:01:01.79&#5;&#5;&#5;F',
  '31-MAR-1987 605:12:19.12',
];
for (const text of INVALID) {
  invalid(JSON.stringify(text), () => {
    assert.is(parseDate(text), undefined);
  });
}
invalid.run();

const values = suite('numbers and Date objects');

values('numbers are epoch milliseconds', () => {
  assert.is(parseDate(0), 0);
  assert.is(parseDate(SEED), SEED);
  assert.is(parseDate(-1), -1);
  assert.is(parseDate(8.64e15), 8.64e15);
  assert.is(parseDate(-8.64e15), -8.64e15);
});

values('fractional numbers are truncated toward zero, as new Date(n) does', () => {
  assert.is(parseDate(1.9), 1);
  assert.is(parseDate(-1.9), -1);
  assert.ok(Object.is(parseDate(-0), 0));
  assert.ok(Object.is(parseDate(-0.5), 0));
});

values('non-finite and out-of-range numbers are unreadable', () => {
  assert.is(parseDate(Number.NaN), undefined);
  assert.is(parseDate(Infinity), undefined);
  assert.is(parseDate(-Infinity), undefined);
  assert.is(parseDate(8.64e15 + 1), undefined);
  assert.is(parseDate(-8.64e15 - 1), undefined);
});

values('all-digit strings: 4 digits a year, 8 a basic date, 13 epoch ms, others refused', () => {
  assert.is(parseDate('2024'), utc(2024, 1, 1));
  assert.is(parseDate('20240317'), MARCH_17);
  assert.is(parseDate('1710689672000'), SEED);
  assert.is(parseDate('1710689672'), undefined);
});

values('Date objects give their time value; invalid Dates are unreadable', () => {
  assert.is(parseDate(new Date(SEED)), SEED);
  assert.is(parseDate(new Date(-8.64e15)), -8.64e15);
  assert.is(parseDate(new Date(Number.NaN)), undefined);
  // A Date from another realm (an iframe, a vm context) is a Date; an object inheriting from
  // Date.prototype without being one is not.
  const foreign = runInNewContext('new Date(1710689672000)') as Date;
  assert.not.ok(foreign instanceof Date);
  assert.is(parseDate(foreign), SEED);
  assert.is(parseDate(Object.create(Date.prototype) as Date), undefined);
});

values('values of other types (from untyped callers) are unreadable', () => {
  for (const value of [null, undefined, {}, [], true, 1n]) {
    assert.is(parseDate(value as unknown as string), undefined);
  }
});

values.run();

const precision = suite('parseDateWithPrecision');
const PRECISIONS: ReadonlyArray<readonly [string, number, DatePrecision]> = [
  ['2024', utc(2024, 1, 1), 'year'],
  ['+002024', utc(2024, 1, 1), 'year'],
  ['2024-03', utc(2024, 3, 1), 'month'],
  ['2024/03', utc(2024, 3, 1), 'month'],
  ['March 2024', utc(2024, 3, 1), 'month'],
  ['2024-W11', utc(2024, 3, 11), 'week'],
  ['2024-W11-7', MARCH_17, 'day'],
  ['2024-077', MARCH_17, 'day'],
  ['2024-03-17', MARCH_17, 'day'],
  ['20240317', MARCH_17, 'day'],
  ['17 March 2024', MARCH_17, 'day'],
  ['26-FEB-1987', utc(1987, 2, 26), 'day'],
  ['2024-03-17T00:00', MARCH_17, 'instant'],
  ['2024-03-17 15:34:32', SEED, 'instant'],
  ['March 17, 2024 3:34 PM', utc(2024, 3, 17, 15, 34), 'instant'],
  ['1710689672000', SEED, 'instant'],
];
for (const [text, ms, expected] of PRECISIONS) {
  precision(`${JSON.stringify(text)} is ${expected}`, () => {
    assert.equal(parseDateWithPrecision(text), { ms, precision: expected });
  });
}
precision('unreadable text gives undefined', () => {
  assert.is(parseDateWithPrecision('2024-02-30'), undefined);
});
precision.run();

const properties = suite('properties');
const Y1900 = utc(1900, 1, 1);
const Y2101 = utc(2101, 1, 1) - 1;

properties('toIsoString round-trips for every instant in 1900–2100', () => {
  fc.assert(
    fc.property(fc.integer({ min: Y1900, max: Y2101 }), (ms) => parseDate(toIsoString(ms)) === ms),
    { numRuns: 5000 },
  );
});

properties('toIsoString round-trips over the whole time-value range (expanded years)', () => {
  fc.assert(
    fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => parseDate(toIsoString(ms)) === ms),
    { numRuns: 2000 },
  );
});

properties('Date#toUTCString and Date#toString read back to the second', () => {
  // Whole-minute zone offsets only after 1970 in every tz database zone, hence the lower bound.
  fc.assert(
    fc.property(fc.integer({ min: utc(1970, 1, 1), max: Y2101 }), (ms) => {
      const second = Math.floor(ms / 1000) * 1000;
      const date = new Date(ms);
      return parseDate(date.toUTCString()) === second && parseDate(date.toString()) === second;
    }),
    { numRuns: 2000 },
  );
});

properties('surrounding whitespace never changes the result', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: Y1900, max: Y2101 }),
      fc.constantFrom(' ', '\t', '\n', '\r\n', '\u00a0'),
      (ms, pad) => parseDate(`${pad}${toIsoString(ms)}${pad}`) === ms,
    ),
    { numRuns: 500 },
  );
});

properties('never throws; the result is undefined or an integral time value', () => {
  const piece = fc.constantFrom(
    '0', '1', '2', '3', '9', '12', '2024', '-', '/', ':', '.', ',', ' ', 'T', 'Z', 'W', '+', '(', ')',
    'Mar', 'march', 'Sun', 'PM', 'a.m.', 'GMT', 'EDT', 'BST', 'at', 'th', '\u00a0',
  );
  const isTimeValueOrUndefined = (r: number | undefined): boolean =>
    r === undefined || (Number.isInteger(r) && Math.abs(r) <= 8.64e15);
  fc.assert(
    fc.property(fc.string({ unit: piece, maxLength: 14 }), (text) => isTimeValueOrUndefined(parseDate(text))),
    { numRuns: 20_000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => isTimeValueOrUndefined(parseDate(text))),
    { numRuns: 5000 },
  );
});

properties.run();
