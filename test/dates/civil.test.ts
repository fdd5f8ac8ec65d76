// Calendar arithmetic against the platform's own Date (setUTCFullYear avoids Date.UTC's 0–99 → 19xx).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import {
  MAX_TIME,
  MS_PER_DAY,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  isLeapYear,
  isTimeValue,
  isoWeekOneMonday,
  isoWeekday,
} from '../../src/dates/civil.js';

function platformDays(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() / MS_PER_DAY;
}

test('daysFromCivil: the epoch and well-known days', () => {
  assert.is(daysFromCivil(1970, 1, 1), 0);
  assert.is(daysFromCivil(1969, 12, 31), -1);
  assert.is(daysFromCivil(2024, 3, 17), Date.UTC(2024, 2, 17) / MS_PER_DAY);
  assert.is(daysFromCivil(0, 1, 1), platformDays(0, 1, 1));
  assert.is(daysFromCivil(99, 12, 31), platformDays(99, 12, 31));
  assert.is(daysFromCivil(-1, 3, 1), platformDays(-1, 3, 1));
});

test('daysFromCivil and civilFromDays agree with Date over the whole time-value range', () => {
  const maxDay = MAX_TIME / MS_PER_DAY;
  fc.assert(
    fc.property(fc.integer({ min: -maxDay, max: maxDay }), (days) => {
      const d = new Date(days * MS_PER_DAY);
      const civil = civilFromDays(days);
      assert.equal(civil, { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
      assert.is(daysFromCivil(civil.year, civil.month, civil.day), days);
      assert.is(isoWeekday(days), ((d.getUTCDay() + 6) % 7) + 1);
    }),
    { numRuns: 2000 },
  );
});

test('leap years follow the Gregorian rule', () => {
  assert.ok(isLeapYear(2024));
  assert.ok(isLeapYear(2000));
  assert.ok(isLeapYear(0));
  assert.not.ok(isLeapYear(2023));
  assert.not.ok(isLeapYear(1900));
  assert.not.ok(isLeapYear(2100));
  assert.is(daysInMonth(2024, 2), 29);
  assert.is(daysInMonth(2023, 2), 28);
  assert.is(daysInMonth(2024, 4), 30);
  assert.is(daysInMonth(2024, 12), 31);
  assert.is(daysInMonth(2024, 13), 0);
});

test('isoWeekOneMonday: the Monday of the week holding 4 January', () => {
  assert.equal(civilFromDays(isoWeekOneMonday(2024)), { year: 2024, month: 1, day: 1 });
  assert.equal(civilFromDays(isoWeekOneMonday(2025)), { year: 2024, month: 12, day: 30 });
  assert.equal(civilFromDays(isoWeekOneMonday(2021)), { year: 2021, month: 1, day: 4 });
  assert.equal(civilFromDays(isoWeekOneMonday(2015)), { year: 2014, month: 12, day: 29 });
});

test('isTimeValue: integers within ±8.64e15 only', () => {
  assert.ok(isTimeValue(0));
  assert.ok(isTimeValue(MAX_TIME));
  assert.ok(isTimeValue(-MAX_TIME));
  assert.not.ok(isTimeValue(MAX_TIME + 1));
  assert.not.ok(isTimeValue(1.5));
  assert.not.ok(isTimeValue(Number.NaN));
  assert.not.ok(isTimeValue(Infinity));
});

test.run();
