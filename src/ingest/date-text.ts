// Finds a date written in running text (CMS date lines, a byline under an HTML title) in the shapes
// the index reads, and rewrites only the shapes it cannot read (2024/03/17, 2024年3月17日) to ISO.
// It does not parse dates into instants (the index owns that), but asks the index's parser whether
// a time, AM/PM and zone written after a date belong to it.

import { parseDate } from '../dates/index.js';

/** A date found in text: the string to store, and where it was found. */
export interface DateMatch {
  value: string;
  start: number;
  end: number;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+';
const TIME = '\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?';

interface DateShape {
  source: string;
  /** Turns the match into the stored value, or undefined when the numbers are not a date. */
  normalise: (m: RegExpExecArray) => string | undefined;
}

const SHAPES: readonly DateShape[] = [
  {
    // ISO 8601 and its `2024-03-17 15:34:32` CMS form; `/` and `.` separators are rewritten to `-`.
    // A `Z`, `+` or colon-less `-` offset (`-05`, `-0500`) touching the time is a zone, and so is
    // `-HH:MM` after `T` or after seconds (`15:34:32-05:00`). After H:MM, a `-H:MM` (group 8) is a
    // range's end when later than the start or after an en dash (`9:00-11:30`: kept in the match,
    // left out of the value), and an offset otherwise (`23:30 -05:00`).
    source: `(?<!\\d)(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:(T|\\s+)(${TIME})(?:(Z|\\+\\d{2}(?::?\\d{2})?|-\\d{2}(?![:\\d])|-\\d{4}(?!\\d)|(?<=T\\d{1,2}:\\d{2}|:\\d{2}:\\d{2}(?:\\.\\d+)?)-\\d{2}:\\d{2})|(\\s{0,4}[-–]\\s{0,4}\\d{1,2}:\\d{2}))?)?(?!\\d)`,
    normalise: (m) => {
      const ymd = isoDay(m[1], m[3], m[4]);
      if (ymd === undefined) return undefined;
      if (m[6] === undefined) return ymd;
      // An en dash is typographic, never a zone's sign: `23:30–05:00` runs past midnight.
      const range = m[8] !== undefined && (m[8].includes('–') || endsLater(m[6], m[8]));
      const written = range ? m[0].slice(0, m[0].length - m[8]!.length) : m[0];
      if (m[2] === '-') return collapse(written); // ISO or the CMS form: as written
      return `${ymd} ${padHour(m[6])}${m[7] ?? (m[8] !== undefined && !range ? m[8] : '')}`;
    },
  },
  {
    // Chinese CMS: 2024年3月17日 15:34
    source: `(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日(?:\\s*(${TIME}))?`,
    normalise: (m) => {
      const ymd = isoDay(m[1], m[2], m[3]);
      if (ymd === undefined) return undefined;
      return m[4] === undefined ? ymd : `${ymd} ${padHour(m[4])}`;
    },
  },
  {
    // RFC 2822 and `17 March 2024`
    source: `(?<![\\w])(?:${WEEKDAY})?\\d{1,2}\\s+${MONTH}\\.?,?\\s+\\d{4}(?:\\s+${TIME}(?:\\s*(?:[+-]\\d{4}|GMT|UTC|UT|[ECMP][SD]T))?)?(?![\\w])`,
    normalise: (m) => collapse(m[0]),
  },
  {
    // `March 17, 2024`; a leading weekday is dropped, it adds nothing the index reads.
    source: `(?<![\\w])(?:${WEEKDAY})?(${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})(?![\\w])`,
    normalise: (m) => collapse((m[1] ?? '').replace(/(\d)(?:st|nd|rd|th)/i, '$1')),
  },
  {
    // Reuters: 26-FEB-1987 15:01:01.79
    source: `(?<![\\w])\\d{1,2}-${MONTH}-\\d{4}(?:\\s+${TIME})?(?![\\w])`,
    normalise: (m) => collapse(m[0]),
  },
];

const FIND = SHAPES.map((s) => new RegExp(s.source, 'gi'));
const AT = SHAPES.map((s) => new RegExp(s.source, 'iy'));

// What may follow a date and belong to it: a time (after a comma or `at`), AM/PM, a zone. Zone
// names are only those the parser knows (not any capitals: `2024-03-17 AP` is the source, not a zone).
// A numeric offset must stand apart (` -05:00`): touching the time, `9:00-11:30` is a range.
// Spaces are bounded ({0,4}): unbounded, every optional part rescanned a long run of them.
const ZONE = '(?:\\s{1,4}[+-]\\d{2}(?::?\\d{2})?|\\s{0,4}(?:Z|(?:GMT|UTC|UT)(?:\\s{0,4}[+-]\\d{1,2}(?::?\\d{2})?)?|[ECMP][SD]T))';
const SUFFIX = new RegExp(`(?:\\s{0,4},?\\s{0,4}(?:at\\s{1,4})?${TIME})?(?:\\s{0,4}[ap]\\.?m\\.?)?(?:${ZONE})?(?![\\w])`, 'iy');

/**
 * `match` with the time, AM/PM and zone written after it when the whole still parses: cut before
 * them, `2024-03-17 23:30 -05:00` was stored as 23:30 UTC and `March 17, 2024 11:30 PM EST` as
 * midnight UTC of the 17th (five hours and a day off).
 */
function extended(text: string, match: DateMatch): DateMatch {
  SUFFIX.lastIndex = match.end;
  const m = SUFFIX.exec(text);
  if (m === null || m[0].trim() === '') return match;
  // `March 17, 2024, 11:30 PM`: the comma before the time is dropped (the parser reads a space there).
  const value = collapse(`${match.value} ${m[0].replace(/^[\s,]+/, '')}`);
  return parseDate(value) === undefined ? match : { value, start: match.start, end: match.end + m[0].length };
}

/** The first date anywhere in `text`, or undefined. */
export function findDate(text: string): DateMatch | undefined {
  let best: DateMatch | undefined;
  for (let i = 0; i < SHAPES.length; i++) {
    const re = FIND[i] as RegExp;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (best !== undefined && m.index >= best.start) break;
      const value = readable((SHAPES[i] as DateShape).normalise(m));
      if (value !== undefined) {
        best = extended(text, { value, start: m.index, end: m.index + m[0].length });
        break;
      }
    }
  }
  return best;
}

/** A date starting exactly at `start` in `text`, or undefined. */
export function matchDateAt(text: string, start: number): DateMatch | undefined {
  for (let i = 0; i < SHAPES.length; i++) {
    const re = AT[i] as RegExp;
    re.lastIndex = start;
    const m = re.exec(text);
    if (m === null) continue;
    const value = readable((SHAPES[i] as DateShape).normalise(m));
    if (value !== undefined) return extended(text, { value, start, end: start + m[0].length });
  }
  return undefined;
}

/** True when the `-H:MM` after time `start` (H:MM…) is a later time of the same day: a range's end. */
function endsLater(start: string, range: string): boolean {
  const [h, mi] = start.split(':').map(Number) as [number, number];
  const [eh, emi] = range.replace(/[^\d:]/g, '').split(':').map(Number) as [number, number];
  return eh * 60 + emi > h * 60 + mi && eh <= 24;
}

/** `value` when the index reads it as a date (not 2024-02-30, not 25:61); undefined otherwise. */
function readable(value: string | undefined): string | undefined {
  return value !== undefined && parseDate(value) !== undefined ? value : undefined;
}

function isoDay(y: string | undefined, mo: string | undefined, d: string | undefined): string | undefined {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!(year >= 1800 && year <= 2199 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `9:30` → `09:30`: the ISO-like form the index reads wants two-digit hours. */
function padHour(time: string): string {
  return time.charCodeAt(1) === 58 /* ':' */ ? `0${time}` : time;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
