// The per-document columns of a segment on disk (field lengths, length codes, dates, ids) and their
// decoders. Loading them is a view or one native call each, never a JavaScript loop per document:
// cold, such a loop costs ~50 ns an item before the JIT catches up. Term metadata is term-groups.ts.

import { ByteWriter } from '../index/byte-writer.js';
import type { DecodedIds, IdMaker } from '../index/id-column.js';

/** Thrown by the column decoders; decode.ts turns it into an IndexFormatError naming the section. */
export class TableError extends Error {
  readonly found: number;
  readonly expected: number;
  constructor(message: string, found: number, expected: number) {
    super(message);
    this.found = found;
    this.expected = expected;
  }
}

/** Bytes before the field-length values: the width byte and padding that keeps the values aligned. */
const LENGTHS_HEADER = 8;

/**
 * Field lengths at the narrowest of 2 or 4 bytes that holds them all (news fields fit 2): widening
 * Uint16 to Uint32 at load is one native copy, where varints would need a loop.
 */
export function encodeFieldLengths(lengths: Uint32Array): Uint8Array {
  let max = 0;
  for (let i = 0; i < lengths.length; i++) if (lengths[i]! > max) max = lengths[i]!;
  const width = max <= 0xffff ? 2 : 4;
  const out = new Uint8Array(LENGTHS_HEADER + lengths.length * width);
  out[0] = width;
  if (width === 2) new Uint16Array(out.buffer, LENGTHS_HEADER, lengths.length).set(lengths);
  else new Uint32Array(out.buffer, LENGTHS_HEADER, lengths.length).set(lengths);
  return out;
}

/** Exactly `count` field lengths: a view when stored 4 bytes wide, else one widening copy. */
export function decodeFieldLengths(bytes: Uint8Array, count: number): Uint32Array {
  const width = bytes[0];
  if (width !== 2 && width !== 4) throw new TableError('unknown field-length width', width ?? -1, 2);
  if (bytes.length !== LENGTHS_HEADER + count * width) throw new TableError('field lengths have the wrong size', bytes.length, LENGTHS_HEADER + count * width);
  if (width === 4) return new Uint32Array(bytes.buffer, bytes.byteOffset + LENGTHS_HEADER, count);
  return new Uint32Array(new Uint16Array(bytes.buffer, bytes.byteOffset + LENGTHS_HEADER, count));
}

/** Length codes: exactly numDocs × scoredCount bytes, viewed in place. */
export function decodeLengthCodes(bytes: Uint8Array, count: number): Uint8Array {
  if (bytes.length !== count) throw new TableError('length codes have the wrong size', bytes.length, count);
  return bytes;
}

/**
 * Stored-field offsets as one varint length per document (most stored documents are a title, a
 * date and a URL: under 128 bytes, one byte each, where offsets took 4).
 */
export function encodeStoredOffsets(offsets: Uint32Array): Uint8Array {
  const out = new ByteWriter(offsets.length * 2 + 8);
  for (let d = 1; d < offsets.length; d++) out.varint(offsets[d]! - offsets[d - 1]!);
  return out.finish();
}

/** The `count` + 1 offsets, summed from the lengths; they must end exactly at `storedLength`. */
export function decodeStoredOffsets(bytes: Uint8Array, count: number, storedLength: number): Uint32Array {
  const offsets = new Uint32Array(count + 1);
  const end = bytes.length;
  let p = 0;
  let at = 0;
  for (let d = 0; d < count; d++) {
    if (p >= end) throw new TableError('stored offsets end early', d, count);
    let b = bytes[p++]!;
    let length = b & 0x7f;
    for (let shift = 7; b >= 0x80; shift += 7) {
      if (shift > 28 || p >= end) throw new TableError('malformed stored length', p, end);
      b = bytes[p++]!;
      length += (b & 0x7f) * 2 ** shift;
    }
    at += length;
    if (at > storedLength) throw new TableError('stored lengths run past the stored section', at, storedLength);
    offsets[d + 1] = at;
  }
  if (p !== end) throw new TableError('stored offsets have trailing bytes', end - p, 0);
  if (at !== storedLength) throw new TableError('stored lengths do not add up to the stored section', at, storedLength);
  return offsets;
}

/** Date column codings (the section's first byte). */
const DATES_RAW = 0;
const DATES_SECONDS = 1;
/** Bytes before the values: the coding byte and padding that keeps raw Float64s 8-byte aligned. */
const DATES_HEADER = 8;

/**
 * The date column. When every date is whole seconds (or NaN, undated), as news timestamps are:
 * per document a varint of the zigzagged difference in seconds from the previous dated document,
 * plus one (0 is undated). Documents arrive roughly in time order, so most take 1–2 bytes, not 8
 * (Reuters: 1.46). Anything else (milliseconds, −0) is kept as raw Float64s, bit for bit.
 */
export function encodeDates(dates: Float64Array): Uint8Array {
  let whole = true;
  for (let i = 0; i < dates.length && whole; i++) {
    const v = dates[i]!;
    if (v !== v) continue;
    whole = v % 1000 === 0 && Number.isSafeInteger(v) && !Object.is(v, -0);
  }
  if (!whole) {
    const out = new Uint8Array(DATES_HEADER + dates.length * 8);
    out[0] = DATES_RAW;
    new Float64Array(out.buffer, DATES_HEADER, dates.length).set(dates);
    return out;
  }
  const out = new ByteWriter(DATES_HEADER + dates.length * 2);
  const header = new Uint8Array(DATES_HEADER);
  header[0] = DATES_SECONDS;
  out.bytes(header);
  let prev = 0;
  for (let i = 0; i < dates.length; i++) {
    const v = dates[i]!;
    if (v !== v) {
      out.safeVarint(0);
      continue;
    }
    const seconds = v / 1000;
    const delta = seconds - prev;
    prev = seconds;
    out.safeVarint((delta >= 0 ? delta * 2 : -delta * 2 - 1) + 1);
  }
  return out.finish();
}

/** Exactly `count` dates: a view of raw Float64s, or the seconds coding decoded (a loop per document). */
export function decodeDates(bytes: Uint8Array, count: number): Float64Array {
  const coding = bytes[0];
  if (coding === DATES_RAW) {
    if (bytes.length !== DATES_HEADER + count * 8) throw new TableError('dates section has the wrong size', bytes.length, DATES_HEADER + count * 8);
    const raw = new Float64Array(bytes.buffer, bytes.byteOffset + DATES_HEADER, count);
    for (let i = 0; i < count; i++) checkDate(raw[i]!);
    return raw;
  }
  if (coding !== DATES_SECONDS) throw new TableError('unknown date coding', coding ?? -1, DATES_SECONDS);
  const out = new Float64Array(count);
  const reader = { bytes, p: DATES_HEADER };
  let prev = 0;
  for (let i = 0; i < count; i++) {
    let z = readSafeVarint(reader);
    if (z === 0) {
      out[i] = NaN;
      continue;
    }
    z -= 1;
    prev += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    out[i] = checkDate(prev * 1000);
  }
  if (reader.p !== bytes.length) throw new TableError('dates section has trailing bytes', bytes.length - reader.p, 0);
  return out;
}

/** ECMAScript's time range: a stored date outside it is no date any document could have had. */
const MAX_TIME = 8.64e15;

/** A stored date is NaN (undated) or a whole millisecond within ECMAScript's time range, as every added date is. */
function checkDate(ms: number): number {
  if (ms !== ms || (ms >= -MAX_TIME && ms <= MAX_TIME && Number.isInteger(ms))) return ms;
  throw new TableError('date outside the representable range or not a whole millisecond', ms, MAX_TIME);
}

const IDS_JOINED = 0;
const IDS_JSON = 1;
/** Every id is the decimal of first + its document number: varint first. */
const IDS_RANGE = 2;
/** Every id is a canonical decimal: varint first, then per id a zigzag varint of its difference from the one before. */
const IDS_NUMBERS = 3;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
/** For long ASCII ids only (ASCII is the same in every label). */
const asciiDecoder = new TextDecoder('utf-8');
/** Decimals of at most 15 digits are exact doubles; no leading zeros, so each id has one spelling. */
const CANONICAL_DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;

/**
 * The ids. Numeric ids (database keys, CMS article numbers, Reuters' 1…21578) are kept as numbers:
 * a range costs a few bytes in all, other numbers a zigzag varint difference each (1–3 bytes, not
 * 6–8 characters). Others are joined by NUL as UTF-8 (one native decode and split, ~5× faster than
 * JSON.parse cold); ids holding NUL or a lone surrogate (UTF-8 cannot carry one) take JSON instead.
 */
export function encodeIds(ids: readonly string[]): Uint8Array {
  if (ids.length > 0 && ids.every((id) => CANONICAL_DECIMAL.test(id))) {
    const first = Number(ids[0]!);
    let range = true;
    for (let i = 1; i < ids.length && range; i++) range = Number(ids[i]!) === first + i;
    const out = new ByteWriter(range ? 16 : 16 + ids.length * 3);
    out.bytes(Uint8Array.of(range ? IDS_RANGE : IDS_NUMBERS));
    out.safeVarint(first);
    if (!range) {
      let prev = first;
      for (let i = 1; i < ids.length; i++) {
        const n = Number(ids[i]!);
        out.safeVarint(n >= prev ? (n - prev) * 2 : (prev - n) * 2 - 1);
        prev = n;
      }
    }
    return out.finish();
  }
  const joinable = !ids.some((id) => id.includes('\u0000') || !isWellFormed(id));
  const body = encoder.encode(joinable ? ids.join('\u0000') : JSON.stringify(ids));
  const out = new Uint8Array(1 + body.length);
  out[0] = joinable ? IDS_JOINED : IDS_JSON;
  out.set(body, 1);
  return out;
}

/**
 * Exactly `count` ids: their strings, or a maker of them (numeric and ASCII ids; see IdColumn). The
 * section is checked whole either way: an id that cannot be read fails here, not at its first read.
 */
export function decodeIds(bytes: Uint8Array, count: number): DecodedIds {
  const coding = bytes[0];
  if (coding === IDS_RANGE || coding === IDS_NUMBERS) return decodeNumericIds(bytes, count, coding === IDS_RANGE);
  if (coding === IDS_JOINED) {
    const ascii = asciiJoinedIds(bytes, count);
    if (ascii !== undefined) return ascii;
  }
  let text: string;
  try {
    text = decoder.decode(bytes.subarray(1));
  } catch {
    throw new TableError('ids are not valid UTF-8', bytes.length, count);
  }
  let ids: unknown;
  if (coding === IDS_JOINED) ids = count === 0 && text === '' ? [] : text.split('\u0000');
  else if (coding === IDS_JSON) {
    try {
      ids = JSON.parse(text);
    } catch {
      throw new TableError('ids are not valid JSON', bytes.length, count);
    }
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new TableError('ids are not strings', -1, count);
  } else throw new TableError('unknown ids encoding', coding ?? -1, IDS_JOINED);
  const list = ids as string[];
  if (list.length !== count) throw new TableError('wrong number of ids', list.length, count);
  return list;
}

/** Ids that are numbers, each made as its canonical decimal. */
class NumericIds implements IdMaker {
  readonly #numbers: Float64Array;
  constructor(numbers: Float64Array) {
    this.#numbers = numbers;
  }
  get length(): number {
    return this.#numbers.length;
  }
  make(doc: number): string {
    return String(this.#numbers[doc]);
  }
}

/** Joined ids that are all ASCII: byte i of an id is its unit i, so one needs no UTF-8 decode. */
class AsciiIds implements IdMaker {
  readonly #bytes: Uint8Array;
  /** Start of each id in #bytes, then one past the last id's end + 1 (each id ends at the next start - 1). */
  readonly #starts: Int32Array;
  constructor(bytes: Uint8Array, starts: Int32Array) {
    this.#bytes = bytes;
    this.#starts = starts;
  }
  get length(): number {
    return this.#starts.length - 1;
  }
  make(doc: number): string {
    const view = this.#bytes.subarray(this.#starts[doc]!, this.#starts[doc + 1]! - 1);
    // apply spreads the bytes as arguments: bounded so a long id cannot overflow the stack.
    return view.length <= 4096 ? String.fromCharCode.apply(null, view as unknown as number[]) : asciiDecoder.decode(view);
  }
}

/**
 * The NUL-joined section as an {@link AsciiIds} when every byte is ASCII (one scan finds the ids'
 * starts); undefined otherwise (the caller decodes UTF-8 and splits). 200k ids: ~1 ms, not 6.
 */
function asciiJoinedIds(bytes: Uint8Array, count: number): AsciiIds | undefined {
  const starts = new Int32Array(count + 1);
  starts[0] = 1;
  let found = 0;
  for (let i = 1; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) return undefined;
    if (b === 0) {
      if (++found >= count) throw new TableError('wrong number of ids', found + 1, count);
      starts[found] = i + 1;
    }
  }
  // No ids at all is an empty body; otherwise NULs + 1 ids.
  if (count === 0 && bytes.length === 1) return new AsciiIds(bytes, starts);
  if (found + 1 !== count) throw new TableError('wrong number of ids', found + 1, count);
  starts[count] = bytes.length + 1;
  return new AsciiIds(bytes, starts);
}

function decodeNumericIds(bytes: Uint8Array, count: number, range: boolean): NumericIds {
  const reader = { bytes, p: 1 };
  const first = readSafeVarint(reader);
  const ids = new Float64Array(count);
  let n = first;
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      if (range) n++;
      else {
        const z = readSafeVarint(reader);
        n += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
      }
    }
    if (!(n >= 0 && n <= Number.MAX_SAFE_INTEGER)) throw new TableError('numeric id out of range', n, 0);
    ids[i] = n;
  }
  if (reader.p !== bytes.length) throw new TableError('ids section has trailing bytes', bytes.length - reader.p, 0);
  return new NumericIds(ids);
}

/** Reads a varint of ByteWriter.safeVarint; refuses one that runs past the bytes or past 2^56. */
function readSafeVarint(r: { bytes: Uint8Array; p: number }): number {
  const { bytes } = r;
  let p = r.p;
  if (p >= bytes.length) throw new TableError('section ends early', p, bytes.length);
  let b = bytes[p++]!;
  let v = b & 0x7f;
  for (let scale = 0x80; b >= 0x80; scale *= 0x80) {
    if (p >= bytes.length || scale > 2 ** 49) throw new TableError('malformed varint', p, bytes.length);
    b = bytes[p++]!;
    v += (b & 0x7f) * scale;
  }
  r.p = p;
  return v;
}

function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff || i + 1 >= s.length) return false;
    const next = s.charCodeAt(i + 1);
    if (next < 0xdc00 || next > 0xdfff) return false;
    i++;
  }
  return true;
}
