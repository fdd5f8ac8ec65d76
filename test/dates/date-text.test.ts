// dateFieldText, toIsoString and toIsoDay: exact strings, UTC day boundaries, expanded years,
// agreement with Date#toISOString, and RangeError for non-time-values.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { dateFieldText, toIsoDay, toIsoString } from '../../src/dates/date-text.js';

function utc(y: number, mo: number, d = 1, h = 0, mi = 0, s = 0, ms = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

test('dateFieldText: year, month name, ISO month, ISO day', () => {
  assert.is(dateFieldText(utc(2024, 3, 17, 15, 34, 32)), 'March 2024 2024-03 2024-03-17');
});

test('dateFieldText names every month in English', () => {
  const names = [
    'January', 'February', 'March', 'April', 'May', 'June',
    'July', 'August', 'September', 'October', 'November', 'December',
  ];
  names.forEach((name, i) => {
    const month = String(i + 1).padStart(2, '0');
    assert.is(dateFieldText(utc(2023, i + 1, 5)), `${name} 2023 2023-${month} 2023-${month}-05`);
  });
});

test('dateFieldText uses the UTC day, at both edges of it', () => {
  assert.is(dateFieldText(utc(2024, 3, 17)), 'March 2024 2024-03 2024-03-17');
  assert.is(dateFieldText(utc(2024, 3, 17, 23, 59, 59, 999)), 'March 2024 2024-03 2024-03-17');
  assert.is(dateFieldText(utc(2023, 12, 31, 23, 59, 59, 999)), 'December 2023 2023-12 2023-12-31');
  assert.is(dateFieldText(-1), 'December 1969 1969-12 1969-12-31');
});

test('dateFieldText writes years outside 0–9999 as ISO does', () => {
  const d = new Date(0);
  d.setUTCFullYear(33, 0, 2);
  assert.is(dateFieldText(d.getTime()), 'January 0033 0033-01 0033-01-02');
  assert.is(dateFieldText(8.64e15), 'September +275760 +275760-09 +275760-09-13');
  assert.is(dateFieldText(-8.64e15), 'April -271821 -271821-04 -271821-04-20');
});

test('toIsoString and toIsoDay: exact output', () => {
  assert.is(toIsoString(utc(2024, 3, 17, 15, 34, 32)), '2024-03-17T15:34:32.000Z');
  assert.is(toIsoString(utc(2024, 3, 17, 15, 34, 32, 7)), '2024-03-17T15:34:32.007Z');
  assert.is(toIsoString(utc(1987, 2, 26, 15, 1, 1, 790)), '1987-02-26T15:01:01.790Z');
  assert.is(toIsoString(0), '1970-01-01T00:00:00.000Z');
  assert.is(toIsoString(-1), '1969-12-31T23:59:59.999Z');
  assert.is(toIsoString(8.64e15), '+275760-09-13T00:00:00.000Z');
  assert.is(toIsoString(-8.64e15), '-271821-04-20T00:00:00.000Z');
  assert.is(toIsoDay(utc(2024, 3, 17, 23, 59, 59, 999)), '2024-03-17');
  assert.is(toIsoDay(utc(2024, 2, 29)), '2024-02-29');
  assert.is(toIsoDay(-1), '1969-12-31');
});

test('toIsoString equals Date#toISOString over the whole time-value range', () => {
  fc.assert(
    fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
      const expected = new Date(ms).toISOString();
      return toIsoString(ms) === expected && toIsoDay(ms) === expected.slice(0, expected.indexOf('T'));
    }),
    { numRuns: 5000 },
  );
});

test('toIsoString: days that share a slot of its day cache never get one another’s text', () => {
  const day = 86_400_000;
  // 256 days apart share a slot; negative days too. Alternating forces every lookup to evict.
  for (const base of [utc(2024, 3, 17), -5 * day, utc(1999, 12, 31)]) {
    for (let round = 0; round < 3; round++) {
      for (const ms of [base, base + 256 * day, base - 256 * day + 1234, base + 7]) assert.is(toIsoString(ms), new Date(ms).toISOString());
    }
  }
});

test('non-time-values throw RangeError, as Date#toISOString does', () => {
  for (const bad of [Number.NaN, Infinity, -Infinity, 1.5, 8.64e15 + 1, -8.64e15 - 1]) {
    assert.throws(() => toIsoString(bad), (e: unknown) => e instanceof RangeError);
    assert.throws(() => toIsoDay(bad), (e: unknown) => e instanceof RangeError);
    assert.throws(() => dateFieldText(bad), (e: unknown) => e instanceof RangeError);
  }
});

test.run();
