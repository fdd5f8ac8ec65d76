// Reads the dates news exports carry (ISO 8601, RFC 2822, Reuters, "March 17, 2024", epoch ms) into
// epoch milliseconds, with the precision the text was written at. A hand-written scanner over char
// codes; never Date.parse (implementation-defined) and never throws. Spans and formatting live in
// date-span.ts and date-text.ts.
//
// Policy, in the order a reader needs it:
// - A date-time without a zone is UTC wall time (news exports rarely give a zone; UTC makes results
//   independent of the machine's zone). A date without a time is 00:00 UTC of that day.
// - Zones: `Z`, `±hh`, `±hhmm`, `±hh:mm`, `GMT±hh[:mm]` (the human reading: GMT+8 is UTC+8), the
//   RFC 5322 names UT UTC GMT EST EDT CST CDT MST MDT PST PDT (any case; CST is US Central, as in the
//   RFC). Any other 1–5 letter all-capital name (BST, CET, NZST, military letters, ...) is taken as
//   UTC, as RFC 5322 §4.3 asks for zones whose meaning is not known: many are ambiguous (BST, IST).
// - A leading weekday (`Sun,` / `Sunday`) is recognised but not checked against the date: a wrong
//   weekday costs nothing, while rejecting would lose the document's date altogether.
// - Two- and three-digit years only in the day-first RFC form (`17 Mar 93`): 00–49 → 20xx,
//   50–999 → +1900 (RFC 5322 §4.3). Elsewhere years have four digits (or ISO's ±YYYYYY).
// - Numbers are epoch milliseconds (truncated like `new Date(n)`). All-digit strings: 4 digits is a
//   year, 8 is ISO basic YYYYMMDD, 13 is epoch milliseconds; other lengths are refused because
//   seconds and milliseconds cannot be told apart.
// - Second 60 (a leap second) reads as 59.999 so the calendar day never changes; 24:00 is accepted
//   (only as exactly 24:00[:00[.000]]) and means 00:00 of the next day.
// - The text is trimmed (space, tab, CR, LF, NBSP); anything else left over makes the whole value
//   unreadable (`2024-03-17 and more` → undefined), so a half-read date never slips through.
// - Not read, on purpose: all-numeric day/month orders (`03/04/2024` is ambiguous), relative words
//   (`yesterday`), month-day without a year, ISO basic ordinal dates (`2024077`).

import {
  MAX_TIME,
  MS_PER_DAY,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  isLeapYear,
  isoWeekOneMonday,
} from './civil.js';

/** How much of the calendar a date text pins down; date-span.ts turns it into an interval. */
export type DatePrecision = 'year' | 'month' | 'week' | 'day' | 'instant';

/** A parsed date: its first millisecond and the precision it was written at. */
export interface PreciseDate {
  ms: number;
  precision: DatePrecision;
}

/**
 * Epoch milliseconds of a date given as text, epoch-ms number or `Date`; `undefined` when it is not
 * a date this module can read (never NaN, never throws). Zone-less date-times are UTC.
 */
export function parseDate(value: string | number | Date): number | undefined {
  if (typeof value === 'string') return scan(value) ? resultMs : undefined;
  if (typeof value === 'number') {
    // `+ 0` turns -0 into 0 so equal instants compare and serialise alike.
    if (!Number.isFinite(value) || Math.abs(value) > MAX_TIME) return undefined;
    return Math.trunc(value) + 0;
  }
  const t = dateTime(value);
  return t === undefined || Number.isNaN(t) ? undefined : t;
}

/**
 * The time value of a Date (NaN for an Invalid Date), or undefined when `value` is not a Date.
 * Asks the Date internals rather than `instanceof`, which refuses a Date made in another realm (an
 * iframe, a vm context) and accepts an object that only inherits from Date.prototype.
 */
export function dateTime(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return undefined;
  }
}

/**
 * Like `parseDate` for text, but also reports the precision (`2024` → year, `March 2024` → month,
 * `2024-W11` → week, `2024-03-17` → day, anything with a time or an epoch value → instant).
 */
export function parseDateWithPrecision(text: string): PreciseDate | undefined {
  return scan(text) ? { ms: resultMs, precision } : undefined;
}

// Scanner state lives in module scope: scanning is synchronous and never re-enters, so one set of
// slots serves every call without allocating per document.
let s = '';
let p = 0;
let n = 0;
let epochDay = 0;
let msOfDay = 0;
let offsetMinutes = 0;
let precision: DatePrecision = 'day';
let resultMs = 0;
let direct = false; // true when the text was an epoch value and resultMs is already final

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const NBSP = 0xa0;
const LPAREN = 40;
const RPAREN = 41;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const LOWER = 0x20; // OR-ing an ASCII letter with this lower-cases it.

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
// Four-letter abbreviations seen in the wild, beside the three-letter and full forms.
const EXTRA_MONTHS: ReadonlyArray<readonly [string, number]> = [['sept', 9]];
const EXTRA_WEEKDAYS = ['tues', 'thur', 'thurs'];
const ORDINAL_SUFFIXES = ['st', 'nd', 'rd', 'th'];
// RFC 5322 zone names, offset in minutes east of UTC.
const ZONES: ReadonlyArray<readonly [string, number]> = [
  ['ut', 0],
  ['utc', 0],
  ['gmt', 0],
  ['z', 0],
  ['est', -300],
  ['edt', -240],
  ['cst', -360],
  ['cdt', -300],
  ['mst', -420],
  ['mdt', -360],
  ['pst', -480],
  ['pdt', -420],
];

function code(i: number): number {
  return i < n ? s.charCodeAt(i) : -1;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function isLetter(c: number): boolean {
  const l = c | LOWER;
  return l >= 97 && l <= 122;
}

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || c === NBSP;
}

/** Number of consecutive digits at `p` (the cursor does not move). */
function digitRun(): number {
  let i = p;
  while (isDigit(code(i))) i++;
  return i - p;
}

/** Reads `count` digits at `p` as a number and advances. */
function readNumber(count: number): number {
  let v = 0;
  for (const stop = p + count; p < stop; p++) v = v * 10 + (s.charCodeAt(p) - ZERO);
  return v;
}

function letterRunEnd(from: number): number {
  let i = from;
  while (isLetter(code(i))) i++;
  return i;
}

function skipSpaces(): boolean {
  const start = p;
  while (isSpace(code(p))) p++;
  return p > start;
}

function skipChar(c: number): boolean {
  if (code(p) !== c) return false;
  p++;
  return true;
}

/** Case-insensitive comparison of s[from, to) with a lower-case ASCII word. */
function wordIs(from: number, to: number, word: string): boolean {
  if (to - from !== word.length) return false;
  for (let i = 0; i < word.length; i++) {
    if ((s.charCodeAt(from + i) | LOWER) !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** Full name or its first three letters. */
function nameOrPrefix(from: number, to: number, name: string): boolean {
  const len = to - from;
  if (len !== 3 && len !== name.length) return false;
  for (let i = 0; i < len; i++) {
    if ((s.charCodeAt(from + i) | LOWER) !== name.charCodeAt(i)) return false;
  }
  return true;
}

/** Month 1–12 named by s[from, to), or 0. */
function monthNamed(from: number, to: number): number {
  for (let m = 0; m < 12; m++) if (nameOrPrefix(from, to, MONTHS[m] as string)) return m + 1;
  for (const [word, month] of EXTRA_MONTHS) if (wordIs(from, to, word)) return month;
  return 0;
}

function isWeekdayName(from: number, to: number): boolean {
  for (const day of WEEKDAYS) if (nameOrPrefix(from, to, day)) return true;
  for (const word of EXTRA_WEEKDAYS) if (wordIs(from, to, word)) return true;
  return false;
}

/** Scans the whole of `text`; on success the result is in `resultMs` and `precision`. */
function scan(text: string): boolean {
  const ok = scanText(text);
  s = ''; // do not keep the caller's string alive between calls
  return ok;
}

function scanText(text: string): boolean {
  s = text;
  p = 0;
  n = text.length;
  while (p < n && isSpace(s.charCodeAt(p))) p++;
  while (n > p && isSpace(s.charCodeAt(n - 1))) n--;
  if (p === n) return false;
  msOfDay = 0;
  offsetMinutes = 0;
  direct = false;
  const c = s.charCodeAt(p);
  let ok: boolean;
  if (isDigit(c)) ok = scanDigitStart();
  else if (c === PLUS || c === MINUS) ok = scanExpandedYear();
  else if (isLetter(c)) ok = scanWordStart();
  else ok = false;
  if (!ok || p !== n) return false;
  if (direct) return true;
  resultMs = epochDay * MS_PER_DAY + msOfDay - offsetMinutes * 60_000;
  if (resultMs < -MAX_TIME && (precision === 'year' || precision === 'month')) {
    // The earliest year and month start before the earliest time value (-271821-04-20) but reach
    // into it: they stand for their readable part, as the latest ones do at the other end.
    const { year, month } = civilFromDays(epochDay);
    const end = precision === 'year' ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month, 1) + daysInMonth(year, month);
    if (end * MS_PER_DAY > -MAX_TIME) resultMs = -MAX_TIME;
  }
  return Math.abs(resultMs) <= MAX_TIME;
}

function scanDigitStart(): boolean {
  const run = digitRun();
  if (run === 4) {
    const year = readNumber(4);
    if (p === n) return setYear(year);
    return scanAfterYear(year);
  }
  if (run === 8) return scanBasicDate();
  if (run === 13 && p + 13 === n) {
    // All-digit 13-character strings are epoch milliseconds (2001-09-09 to 2286-11-20).
    resultMs = readNumber(13);
    precision = 'instant';
    direct = true;
    return resultMs <= MAX_TIME;
  }
  if (run === 1 || run === 2) return scanDayFirst();
  return false;
}

/** ISO 8601 expanded year: a sign and exactly six digits (what toISOString writes outside 0–9999). */
function scanExpandedYear(): boolean {
  const negative = s.charCodeAt(p) === MINUS;
  p++;
  if (digitRun() !== 6) return false;
  const magnitude = readNumber(6);
  if (negative && magnitude === 0) return false; // -000000 is forbidden by ISO 8601 and ECMAScript
  const year = negative ? -magnitude : magnitude;
  if (p === n) return setYear(year);
  return code(p) === MINUS && scanAfterYear(year);
}

function setYear(year: number): boolean {
  epochDay = daysFromCivil(year, 1, 1);
  precision = 'year';
  return true;
}

/** After a four-digit (or expanded) year: `-MM[-DD]`, `/MM/DD`, `.MM.DD`, `-DDD`, `-Www[-D]`, `Www[D]`. */
function scanAfterYear(year: number): boolean {
  const sep = code(p);
  if ((sep | LOWER) === 119) return scanWeekDate(year, false); // 'W': basic week date
  if (sep !== MINUS && sep !== SLASH && sep !== DOT) return false;
  p++;
  if (sep === MINUS && (code(p) | LOWER) === 119) return scanWeekDate(year, true);
  const run = digitRun();
  if (sep === MINUS && run === 3) {
    const ordinal = readNumber(3);
    if (ordinal < 1 || ordinal > (isLeapYear(year) ? 366 : 365)) return false;
    epochDay = daysFromCivil(year, 1, 1) + ordinal - 1;
    precision = 'day';
    return scanIsoTimeTail();
  }
  if (run < 1 || run > 2) return false;
  const month = readNumber(run);
  if (month < 1 || month > 12) return false;
  if (p === n) {
    epochDay = daysFromCivil(year, month, 1);
    precision = 'month';
    return true;
  }
  if (!skipChar(sep)) return false;
  const dayRun = digitRun();
  if (dayRun < 1 || dayRun > 2) return false;
  const day = readNumber(dayRun);
  if (!setDay(year, month, day)) return false;
  return scanIsoTimeTail();
}

function setDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  epochDay = daysFromCivil(year, month, day);
  precision = 'day';
  return true;
}

/** `Www[-D]` (extended) or `Www[D]` (basic); the cursor is on the W. */
function scanWeekDate(year: number, extended: boolean): boolean {
  p++;
  if (digitRun() < 2) return false;
  const week = readNumber(2);
  const monday = isoWeekOneMonday(year);
  const weeks = (isoWeekOneMonday(year + 1) - monday) / 7;
  if (week < 1 || week > weeks) return false;
  epochDay = monday + (week - 1) * 7;
  precision = 'week';
  if (p === n) return true;
  if (extended && !skipChar(MINUS)) return false;
  if (digitRun() !== 1) return false;
  const weekday = readNumber(1);
  if (weekday < 1 || weekday > 7) return false;
  epochDay += weekday - 1;
  precision = 'day';
  return scanIsoTimeTail();
}

/** ISO basic `YYYYMMDD[Thhmm[ss[.fff]][zone]]`. */
function scanBasicDate(): boolean {
  const year = readNumber(4);
  const month = readNumber(2);
  const day = readNumber(2);
  if (!setDay(year, month, day)) return false;
  if (p === n) return true;
  if ((code(p) | LOWER) !== 116) return false; // 't'
  p++;
  const run = digitRun();
  if (run !== 4 && run !== 6) return false;
  const hour = readNumber(2);
  const minute = readNumber(2);
  const second = run === 6 ? readNumber(2) : 0;
  const millis = run === 6 ? readFraction() : 0;
  return setTime(hour, minute, second, millis) && scanZoneAndComment();
}

/** After an ISO-style date: nothing, or `T`/spaces then a time. */
function scanIsoTimeTail(): boolean {
  if (p === n) return true;
  if ((code(p) | LOWER) === 116) p++; // 't'
  else if (!skipSpaces()) return false;
  return scanTime() && scanZoneAndComment();
}

/** After a human-style date: nothing, or `[,] [at] time`. */
function scanHumanTimeTail(): boolean {
  if (p === n) return true;
  const comma = skipChar(COMMA);
  if (!skipSpaces() && !comma) return false;
  const wordEnd = letterRunEnd(p);
  if (wordIs(p, wordEnd, 'at')) {
    p = wordEnd;
    if (!skipSpaces()) return false;
  }
  return scanTime() && scanZoneAndComment();
}

/** `H:MM[:SS[.f…]] [AM|PM|a.m.|p.m.]`. */
function scanTime(): boolean {
  const run = digitRun();
  if (run < 1 || run > 2) return false;
  let hour = readNumber(run);
  if (!skipChar(COLON) || digitRun() !== 2) return false;
  const minute = readNumber(2);
  let second = 0;
  let millis = 0;
  if (skipChar(COLON)) {
    if (digitRun() !== 2) return false;
    second = readNumber(2);
    millis = readFraction();
  }
  const meridiem = scanMeridiem();
  if (meridiem !== 0) {
    if (hour < 1 || hour > 12) return false;
    hour = (hour % 12) + (meridiem === 2 ? 12 : 0);
  }
  return setTime(hour, minute, second, millis);
}

/** `.digits` or `,digits` after seconds, as milliseconds (truncated, not rounded, like toISOString). */
function readFraction(): number {
  const c = code(p);
  if ((c !== DOT && c !== COMMA) || !isDigit(code(p + 1))) return 0;
  p++;
  let millis = 0;
  let kept = 0;
  for (; isDigit(code(p)); p++) {
    if (kept < 3) {
      millis = millis * 10 + (s.charCodeAt(p) - ZERO);
      kept++;
    }
  }
  for (; kept < 3; kept++) millis *= 10; // `.79` is 790 ms
  return millis;
}

/** 0 when there is no meridiem (cursor untouched), 1 for AM, 2 for PM. */
function scanMeridiem(): number {
  const start = p;
  skipSpaces();
  const first = code(p) | LOWER;
  if (first === 97 || first === 112) {
    // 'a' or 'p', optional '.', 'm', optional '.', not followed by a letter.
    p++;
    skipChar(DOT);
    if ((code(p) | LOWER) === 109) {
      p++;
      skipChar(DOT);
      if (!isLetter(code(p))) return first === 97 ? 1 : 2;
    }
  }
  p = start;
  return 0;
}

function setTime(hour: number, minute: number, second: number, millis: number): boolean {
  if (minute > 59 || second > 60) return false;
  if (hour > 23 && !(hour === 24 && minute === 0 && second === 0 && millis === 0)) return false;
  // A leap second has no ECMAScript time value; 59.999 keeps it inside its own minute and day.
  const minuteStart = (hour * 60 + minute) * 60_000;
  msOfDay = second === 60 ? minuteStart + 59_999 : minuteStart + second * 1000 + millis;
  precision = 'instant';
  return true;
}

/** Optional zone after a time, then an optional `(comment)` as RFC 5322 allows. */
function scanZoneAndComment(): boolean {
  if (!scanZone()) return false;
  const beforeComment = p;
  skipSpaces();
  if (skipChar(LPAREN)) {
    while (p < n && s.charCodeAt(p) !== RPAREN) p++;
    return skipChar(RPAREN);
  }
  p = beforeComment;
  return true;
}

/** Reads a zone if one follows (setting offsetMinutes); false only for a malformed numeric offset. */
function scanZone(): boolean {
  const start = p;
  skipSpaces();
  const c = code(p);
  if (c === PLUS || c === MINUS) return scanOffset();
  if (!isLetter(c)) {
    p = start;
    return true;
  }
  const wordEnd = letterRunEnd(p);
  for (const [name, minutes] of ZONES) {
    if (!wordIs(p, wordEnd, name)) continue;
    p = wordEnd;
    offsetMinutes = minutes;
    const next = code(p);
    // `GMT+8` / `UTC+05:30`: the zone is the offset that follows.
    if (minutes === 0 && name !== 'z' && (next === PLUS || next === MINUS)) return scanOffset();
    return true;
  }
  if (wordEnd - p <= 5 && isUpperRun(p, wordEnd)) {
    p = wordEnd; // RFC 5322 §4.3: an unknown zone name means "offset not known", i.e. UTC
    return true;
  }
  p = start; // not a zone: whatever it is will fail the end-of-text check
  return true;
}

function isUpperRun(from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** `±h`, `±hh`, `±hh:mm`, `±hhmm`; the cursor is on the sign. */
function scanOffset(): boolean {
  const sign = s.charCodeAt(p) === MINUS ? -1 : 1;
  p++;
  const run = digitRun();
  let hours: number;
  let minutes = 0;
  if (run === 4) {
    hours = readNumber(2);
    minutes = readNumber(2);
  } else if (run === 1 || run === 2) {
    hours = readNumber(run);
    if (skipChar(COLON)) {
      if (digitRun() !== 2) return false;
      minutes = readNumber(2);
    }
  } else {
    return false;
  }
  if (hours > 23 || minutes > 59) return false;
  offsetMinutes = sign * (hours * 60 + minutes);
  return true;
}

/** Text starting with a letter: optional weekday, then a month-first or day-first date. */
function scanWordStart(): boolean {
  let wordEnd = letterRunEnd(p);
  if (isWeekdayName(p, wordEnd)) {
    p = wordEnd;
    skipChar(DOT);
    const comma = skipChar(COMMA);
    if (!skipSpaces() && !comma) return false;
    if (isDigit(code(p))) return scanDayFirst();
    wordEnd = letterRunEnd(p);
  }
  const month = monthNamed(p, wordEnd);
  if (month === 0) return false;
  p = wordEnd;
  return scanMonthFirst(month);
}

/** After a month name: ` YYYY` (the month) or ` D[th][,] YYYY [time]`. */
function scanMonthFirst(month: number): boolean {
  skipChar(DOT);
  if (!skipSpaces()) return false;
  const run = digitRun();
  if (run === 4) {
    const year = readNumber(4);
    epochDay = daysFromCivil(year, month, 1);
    precision = 'month';
    return true; // anything after `March 2024` fails the end-of-text check
  }
  if (run < 1 || run > 2) return false;
  const day = readNumber(run);
  skipOrdinalSuffix();
  const comma = skipChar(COMMA);
  if (!skipSpaces() && !comma) return false;
  if (digitRun() !== 4) return false;
  const year = readNumber(4);
  return setDay(year, month, day) && scanHumanTimeTail();
}

/** `D Month YYYY`, `D Mon. YY`, `DD-MON-YYYY` (Reuters), with an optional time after. */
function scanDayFirst(): boolean {
  const run = digitRun();
  if (run < 1 || run > 2) return false;
  const day = readNumber(run);
  skipOrdinalSuffix();
  const hyphen = skipChar(MINUS);
  if (!hyphen && !skipSpaces()) return false;
  const wordEnd = letterRunEnd(p);
  const month = monthNamed(p, wordEnd);
  if (month === 0) return false;
  p = wordEnd;
  if (hyphen) {
    if (!skipChar(MINUS)) return false;
  } else {
    skipChar(DOT);
    const comma = skipChar(COMMA);
    if (!skipSpaces() && !comma) return false;
  }
  const yearRun = digitRun();
  let year: number;
  if (yearRun === 4) year = readNumber(4);
  else if (yearRun === 2) {
    const yy = readNumber(2);
    year = yy < 50 ? 2000 + yy : 1900 + yy;
  } else if (yearRun === 3) year = 1900 + readNumber(3);
  else return false;
  return setDay(year, month, day) && scanHumanTimeTail();
}

/** `st`, `nd`, `rd`, `th` after a day number (not checked against the number). */
function skipOrdinalSuffix(): void {
  const end = letterRunEnd(p);
  for (const suffix of ORDINAL_SUFFIXES) {
    if (wordIs(p, end, suffix)) {
      p = end;
      return;
    }
  }
}
