import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDate } from '../../src/dates/index.js';
import { findDate, matchDateAt } from '../../src/ingest/date-text.js';

test('the shapes the index reads are kept as written', () => {
  for (const s of [
    '2024-03-17 15:34:32',
    '2024-03-17',
    '2024-03-17T15:34:32Z',
    '2024-03-17T15:34:32.123+08:00',
    'Sun, 17 Mar 2024 15:34:32 +0000',
    '17 March 2024',
    'March 17, 2024',
    '26-FEB-1987 15:01:01.79',
  ]) {
    assert.equal(matchDateAt(s, 0), { value: s, start: 0, end: s.length }, s);
  }
});

test('shapes the index does not read are rewritten to ISO', () => {
  assert.is(matchDateAt('2024/3/7 9:30', 0)?.value, '2024-03-07 09:30');
  assert.is(matchDateAt('2024.03.17', 0)?.value, '2024-03-17');
  assert.is(matchDateAt('2024-3-7', 0)?.value, '2024-03-07');
  assert.is(findDate('发布时间：2024年3月7日 09:30')?.value, '2024-03-07 09:30');
  assert.is(findDate('Posted on Sunday, March 17th, 2024 by staff')?.value, 'March 17, 2024');
});

test('findDate returns the earliest date and its span', () => {
  assert.equal(findDate('Updated 2024-03-18, first published 17 March 2024'), { value: '2024-03-18', start: 8, end: 18 });
  assert.is(findDate('Published 2024-03-17.')?.value, '2024-03-17');
});

test('a time, AM/PM and zone after a date are kept with it, so the instant is the one written', () => {
  // Each value must parse to the instant its text means: cut before the zone or the time, the index
  // read the rest as UTC (hours off, sometimes another day).
  const cases: Array<[string, string, string]> = [
    ['Date: 2024-03-17 23:30 -05:00', '2024-03-17 23:30 -05:00', '2024-03-18T04:30:00.000Z'],
    ['March 17, 2024 11:30 PM EST by staff', 'March 17, 2024 11:30 PM EST', '2024-03-18T04:30:00.000Z'],
    ['2024-03-17 23:30:00 +08:00 Wang Lei source: Port Daily', '2024-03-17 23:30:00 +08:00', '2024-03-17T15:30:00.000Z'],
    ['2024-03-17 11:30 PM', '2024-03-17 11:30 PM', '2024-03-17T23:30:00.000Z'],
    ['17-MAR-2024 23:30:00 GMT-5', '17-MAR-2024 23:30:00 GMT-5', '2024-03-18T04:30:00.000Z'],
    ['2024/03/17 23:30 +08:00', '2024-03-17 23:30 +08:00', '2024-03-17T15:30:00.000Z'],
    ['Published March 17, 2024 at 9:05 a.m. ET', 'March 17, 2024 at 9:05 a.m.', '2024-03-17T09:05:00.000Z'],
    ['March 17, 2024, 11:30 PM EST | Xinhua', 'March 17, 2024 11:30 PM EST', '2024-03-18T04:30:00.000Z'],
  ];
  for (const [text, value, instant] of cases) {
    const found = findDate(text)!;
    assert.is(found.value, value, text);
    assert.is(new Date(parseDate(found.value)!).toISOString(), instant, text);
    assert.is(text.slice(found.start, found.end).replace(/\s+/g, ' ').replace('2024/03/17', '2024-03-17').replace('2024, 11', '2024 11'), value, `${text}: span`);
  }
  // A time range is not a time and an offset; a long run of spaces after a date is cheap to pass.
  assert.is(findDate('March 17, 2024 9:00-11:30 at the hall')?.value, 'March 17, 2024 9:00');
  assert.is(findDate(`2024-03-17${' '.repeat(200_000)}x`)?.value, '2024-03-17');
  // What follows is not taken when it is not a time or a zone the parser knows: the source stays.
  assert.is(findDate('2024-03-17 AP Wang Lei')?.value, '2024-03-17');
  assert.is(findDate('March 17, 2024 ESTABLISHED')?.value, 'March 17, 2024');
  assert.is(findDate('2024-03-17T10:00Z EST')?.value, '2024-03-17T10:00Z');
});

test('impossible dates are not dates: findDate moves on to a real one', () => {
  assert.is(findDate('Posted 2024-02-30'), undefined);
  assert.is(findDate('Posted 2024-02-30, corrected 2024-03-01')?.value, '2024-03-01');
  assert.is(matchDateAt('2024-03-17 25:61:61', 0), undefined);
  assert.is(findDate('Feb 30, 2024'), undefined);
});

test('numbers that are not dates are not dates', () => {
  assert.is(findDate('MetInfo 7.2.0 ©2008-2024'), undefined);
  assert.is(findDate('room 2024-13-45'), undefined);
  assert.is(findDate('phone 12024-03-171'), undefined);
  assert.is(matchDateAt('On March 17, 2024', 0), undefined);
  assert.is(findDate(''), undefined);
});


test('an ISO date with a space, H:MM and a signed number touching it ends a range, not a zone', () => {
  const at = (text: string): string | undefined => {
    const found = findDate(text);
    return found === undefined ? undefined : new Date(parseDate(found.value)!).toISOString();
  };
  assert.is(at('Open 2024-03-17 9:00-17:00 daily'), '2024-03-17T09:00:00.000Z');
  assert.is(at('2024/03/17 09:00-11:30'), '2024-03-17T09:00:00.000Z');
  // After seconds (PostgreSQL's timestamptz) or after T it is a zone.
  assert.is(at('2024-03-17 15:34:32+08'), '2024-03-17T07:34:32.000Z');
  assert.is(at('2024-03-17 15:34:32.250-05:00'), '2024-03-17T20:34:32.250Z');
  assert.is(at('2024-03-17T09:00-11:30'), '2024-03-17T20:30:00.000Z');
  // A + offset is always a zone, and so is a - one earlier than the time (no range runs backwards).
  assert.is(at('2024-03-17 15:34+08:00'), '2024-03-17T07:34:00.000Z');
  assert.is(at('2024-03-17 15:34-0500'), '2024-03-17T20:34:00.000Z');
  assert.is(at('2024-03-17 15:34-05:00'), '2024-03-17T20:34:00.000Z');
  assert.is(at('2024-03-17 23:30 -05:00'), '2024-03-18T04:30:00.000Z');
  // An en dash is a range's, whichever way it runs.
  assert.is(at('2024-03-17 23:30–05:00'), '2024-03-17T23:30:00.000Z');
  // The range's end belongs to the match, so it is not left over as the rest of a line.
  const found = findDate('2024-03-17 9:00-11:30 admin')!;
  assert.is(found.end, '2024-03-17 9:00-11:30'.length);
});

test.run();
