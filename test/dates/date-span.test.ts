// Query-time spans: the interval each precision covers, range bounds (inclusive, exclusive, open),
// one-sided comparisons, and the property that a day's span holds every instant of that day.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { comparisonSpan, parseDateRange, parseDateSpan } from '../../src/dates/date-span.js';
import type { DateComparison } from '../../src/dates/date-span.js';
import { toIsoDay, toIsoString } from '../../src/dates/date-text.js';

function utc(y: number, mo: number, d = 1, h = 0, mi = 0, s = 0, ms = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

const BOTH = { lower: true, upper: true };
const NEITHER = { lower: false, upper: false };

const spans = suite('parseDateSpan');

spans('a year spans 1 January to 1 January', () => {
  assert.equal(parseDateSpan('2024'), { from: utc(2024, 1, 1), to: utc(2025, 1, 1) });
  assert.equal(parseDateSpan('1999'), { from: utc(1999, 1, 1), to: utc(2000, 1, 1) });
});

spans('a month spans its real length, leap Februaries included', () => {
  assert.equal(parseDateSpan('2024-03'), { from: utc(2024, 3, 1), to: utc(2024, 4, 1) });
  assert.equal(parseDateSpan('2024-02'), { from: utc(2024, 2, 1), to: utc(2024, 3, 1) });
  assert.is(parseDateSpan('2024-02')!.to - parseDateSpan('2024-02')!.from, 29 * 86_400_000);
  assert.is(parseDateSpan('2023-02')!.to - parseDateSpan('2023-02')!.from, 28 * 86_400_000);
  assert.equal(parseDateSpan('2024-12'), { from: utc(2024, 12, 1), to: utc(2025, 1, 1) });
  assert.equal(parseDateSpan('March 2024'), { from: utc(2024, 3, 1), to: utc(2024, 4, 1) });
  assert.equal(parseDateSpan('mar 2024'), { from: utc(2024, 3, 1), to: utc(2024, 4, 1) });
});

spans('the first year and month are their readable part, from the earliest time value; the last likewise', () => {
  // -271821-04-20T00:00Z is -8.64e15, the earliest instant a Date can hold.
  assert.equal(parseDateSpan('-271821'), { from: -8.64e15, to: Date.UTC(-271820, 0, 1) });
  assert.equal(parseDateSpan('-271821-04'), { from: -8.64e15, to: Date.UTC(-271821, 4, 1) });
  assert.is(parseDateSpan('-271821-03'), undefined, 'wholly before the earliest instant');
  assert.is(parseDateSpan('-271822'), undefined);
  assert.equal(parseDateSpan('-271821-04-20'), { from: -8.64e15, to: -8.64e15 + 86_400_000 });
  assert.is(parseDateSpan('-271821-04-19'), undefined);
  assert.is(parseDateSpan('+275760')!.from, Date.UTC(275760, 0, 1));
});

spans('an ISO week spans Monday to Monday', () => {
  assert.equal(parseDateSpan('2024-W11'), { from: utc(2024, 3, 11), to: utc(2024, 3, 18) });
});

spans('a day spans midnight to midnight UTC', () => {
  const day = { from: utc(2024, 3, 17), to: utc(2024, 3, 18) };
  assert.equal(parseDateSpan('2024-03-17'), day);
  assert.equal(parseDateSpan('17 March 2024'), day);
  assert.equal(parseDateSpan('March 17, 2024'), day);
  assert.equal(parseDateSpan('2024-W11-7'), day);
  assert.equal(parseDateSpan('2024-12-31'), { from: utc(2024, 12, 31), to: utc(2025, 1, 1) });
});

spans('a date-time is that one millisecond', () => {
  const ms = utc(2024, 3, 17, 15, 34, 32);
  assert.equal(parseDateSpan('2024-03-17T15:34:32Z'), { from: ms, to: ms + 1 });
  assert.equal(parseDateSpan('2024-03-17 15:34:32'), { from: ms, to: ms + 1 });
  assert.equal(parseDateSpan('2024-03-17T23:34:32+08:00'), { from: ms, to: ms + 1 });
});

spans('unreadable text has no span', () => {
  for (const text of ['', '*', 'yesterday', '2024-02-30', '2024-13']) {
    assert.is(parseDateSpan(text), undefined);
  }
});

spans.run();

const ranges = suite('parseDateRange');

ranges('inclusive bounds take in the whole of both spans', () => {
  assert.equal(parseDateRange('2024-01-01', '2024-03-31', BOTH), { from: utc(2024, 1, 1), to: utc(2024, 4, 1) });
  assert.equal(parseDateRange('2024-01', '2024-03', BOTH), { from: utc(2024, 1, 1), to: utc(2024, 4, 1) });
  assert.equal(parseDateRange('2023', '2024', BOTH), { from: utc(2023, 1, 1), to: utc(2025, 1, 1) });
});

ranges('exclusive bounds leave out both spans', () => {
  assert.equal(parseDateRange('2024-01-01', '2024-03-31', NEITHER), { from: utc(2024, 1, 2), to: utc(2024, 3, 31) });
  assert.equal(parseDateRange('2024-01', '2024-03', NEITHER), { from: utc(2024, 2, 1), to: utc(2024, 3, 1) });
});

ranges('mixed bounds', () => {
  assert.equal(parseDateRange('2024-01', '2024-03', { lower: true, upper: false }), {
    from: utc(2024, 1, 1),
    to: utc(2024, 3, 1),
  });
  assert.equal(parseDateRange('2024-01', '2024-03', { lower: false, upper: true }), {
    from: utc(2024, 2, 1),
    to: utc(2024, 4, 1),
  });
});

ranges('date-time bounds are single instants', () => {
  const a = utc(2024, 3, 17, 9);
  const b = utc(2024, 3, 17, 17);
  assert.equal(parseDateRange('2024-03-17T09:00Z', '2024-03-17T17:00Z', BOTH), { from: a, to: b + 1 });
  assert.equal(parseDateRange('2024-03-17T09:00Z', '2024-03-17T17:00Z', NEITHER), { from: a + 1, to: b });
});

ranges('`*` and undefined are open ends', () => {
  assert.equal(parseDateRange('*', '2024-03', BOTH), { from: -Infinity, to: utc(2024, 4, 1) });
  assert.equal(parseDateRange(undefined, '2024-03', NEITHER), { from: -Infinity, to: utc(2024, 3, 1) });
  assert.equal(parseDateRange('2024-03', '*', BOTH), { from: utc(2024, 3, 1), to: Infinity });
  assert.equal(parseDateRange('2024-03', undefined, NEITHER), { from: utc(2024, 4, 1), to: Infinity });
  assert.equal(parseDateRange(' * ', undefined, BOTH), { from: -Infinity, to: Infinity });
});

ranges('an unreadable bound makes the range unreadable', () => {
  assert.is(parseDateRange('2024-02-30', '2024-03', BOTH), undefined);
  assert.is(parseDateRange('2024-01', 'soon', BOTH), undefined);
  assert.is(parseDateRange('', '2024-03', BOTH), undefined);
  assert.is(parseDateRange('*', '', BOTH), undefined);
});

ranges('an inverted range is readable and empty', () => {
  const range = parseDateRange('2024-03', '2024-01', BOTH);
  assert.ok(range !== undefined && range.from >= range.to);
});

ranges.run();

const comparisons = suite('comparisonSpan');

comparisons('month precision, per operator', () => {
  assert.equal(comparisonSpan('>=', '2024-03'), { from: utc(2024, 3, 1), to: Infinity });
  assert.equal(comparisonSpan('>', '2024-03'), { from: utc(2024, 4, 1), to: Infinity });
  assert.equal(comparisonSpan('<=', '2024-03'), { from: -Infinity, to: utc(2024, 4, 1) });
  assert.equal(comparisonSpan('<', '2024-03'), { from: -Infinity, to: utc(2024, 3, 1) });
});

comparisons('day, year and instant precision', () => {
  assert.equal(comparisonSpan('>=', '2024-01-15'), { from: utc(2024, 1, 15), to: Infinity });
  assert.equal(comparisonSpan('>', '2024-01-15'), { from: utc(2024, 1, 16), to: Infinity });
  assert.equal(comparisonSpan('<=', '2024'), { from: -Infinity, to: utc(2025, 1, 1) });
  assert.equal(comparisonSpan('<', 'March 2024'), { from: -Infinity, to: utc(2024, 3, 1) });
  const ms = utc(2024, 3, 17, 15, 34, 32);
  assert.equal(comparisonSpan('>', '2024-03-17T15:34:32Z'), { from: ms + 1, to: Infinity });
  assert.equal(comparisonSpan('<=', '2024-03-17T15:34:32Z'), { from: -Infinity, to: ms + 1 });
});

comparisons('unreadable text, `*` and unknown operators give undefined', () => {
  assert.is(comparisonSpan('>=', 'soon'), undefined);
  assert.is(comparisonSpan('>=', '*'), undefined);
  assert.is(comparisonSpan('=' as DateComparison, '2024'), undefined);
});

comparisons.run();

const properties = suite('span properties');
const Y1900 = utc(1900, 1, 1);
const Y2101 = utc(2101, 1, 1) - 1;

function holds(span: { from: number; to: number } | undefined, ms: number): boolean {
  return span !== undefined && span.from <= ms && ms < span.to;
}

properties("the span of an instant's ISO day, month and year holds the instant", () => {
  fc.assert(
    fc.property(fc.integer({ min: Y1900, max: Y2101 }), (ms) => {
      const day = toIsoDay(ms);
      const daySpan = parseDateSpan(day);
      assert.ok(holds(daySpan, ms));
      assert.is(daySpan!.to - daySpan!.from, 86_400_000);
      assert.ok(holds(parseDateSpan(day.slice(0, 7)), ms));
      assert.ok(holds(parseDateSpan(day.slice(0, 4)), ms));
    }),
    { numRuns: 5000 },
  );
});

properties('complementary comparisons put every instant on exactly one side', () => {
  const pairs: ReadonlyArray<readonly [DateComparison, DateComparison]> = [
    ['<', '>='],
    ['<=', '>'],
  ];
  const instant = fc.integer({ min: Y1900, max: Y2101 });
  fc.assert(
    fc.property(instant, instant, (at, probe) => {
      const text = toIsoString(at).slice(0, 10);
      for (const [below, above] of pairs) {
        assert.is.not(holds(comparisonSpan(below, text), probe), holds(comparisonSpan(above, text), probe));
      }
    }),
    { numRuns: 2000 },
  );
});

properties.run();
