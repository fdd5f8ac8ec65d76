// The per-document columns on disk: field lengths (2 or 4 bytes wide), dates, length codes and
// ids decode to exactly what was encoded, and malformed sections are refused with TableError.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  TableError, decodeDates, decodeFieldLengths, decodeIds, decodeLengthCodes, encodeDates, encodeFieldLengths, encodeIds,
} from '../../src/serialize/segment-tables.js';
import { syntheticSegment } from '../_support/synthetic-segments.js';
import { rng } from '../_support/random.js';
import type { DecodedIds, IdMaker } from '../../src/index/id-column.js';

const refused = (run: () => unknown): void => assert.throws(run, (e: unknown) => e instanceof TableError);

/** A copy at an 8-byte-aligned offset of a larger buffer, as a section sits in a loaded file. */
function placed(bytes: Uint8Array): Uint8Array {
  const buffer = new Uint8Array(bytes.length + 16);
  buffer.set(bytes, 8);
  return buffer.subarray(8, 8 + bytes.length);
}


/** The strings of decoded ids (numeric and ASCII ids decode to a maker of them, for IdColumn). */
function idStrings(decoded: DecodedIds): string[] {
  return Array.isArray(decoded) ? [...(decoded as string[])] : Array.from({ length: decoded.length }, (_, d) => (decoded as IdMaker).make(d));
}

test('field lengths take 2 bytes each when they fit, 4 otherwise, and round-trip', () => {
  const short = Uint32Array.from([0, 1, 17, 400, 65_535, 3]);
  const narrow = encodeFieldLengths(short);
  assert.is(narrow.length, 8 + short.length * 2);
  assert.equal(decodeFieldLengths(placed(narrow), short.length), short);
  const long = Uint32Array.from([5, 65_536, 2 ** 32 - 1, 0]);
  const wide = encodeFieldLengths(long);
  assert.is(wide.length, 8 + long.length * 4);
  assert.equal(decodeFieldLengths(placed(wide), long.length), long);
  // A synthetic segment's lengths (bodies up to 82,000 positions) come back exactly.
  const d = syntheticSegment(rng(4), { numDocs: 3000, terms: 40, topShare: 0.5, deleteShare: 0 }, 'x').data;
  assert.equal(decodeFieldLengths(placed(encodeFieldLengths(d.fieldLengths)), d.fieldLengths.length), d.fieldLengths);
  assert.equal(decodeFieldLengths(placed(encodeFieldLengths(new Uint32Array(0))), 0), new Uint32Array(0));
});

test('malformed field lengths and length codes are refused', () => {
  const bytes = encodeFieldLengths(Uint32Array.from([1, 2, 3]));
  refused(() => decodeFieldLengths(placed(bytes), 4));
  refused(() => decodeFieldLengths(placed(bytes), 2));
  const badWidth = bytes.slice();
  badWidth[0] = 3;
  refused(() => decodeFieldLengths(placed(badWidth), 3));
  refused(() => decodeFieldLengths(new Uint8Array(0), 0));
  assert.equal(decodeLengthCodes(Uint8Array.of(1, 2, 3), 3), Uint8Array.of(1, 2, 3));
  refused(() => decodeLengthCodes(Uint8Array.of(1, 2, 3), 4));
});

test('dates round-trip bit for bit: NaN, −0, milliseconds, both ends of the Date range', () => {
  const cases = [
    Float64Array.from([NaN, Date.UTC(1987, 2, 26, 15, 1, 1, 790), NaN, Date.UTC(1987, 1, 26), Date.UTC(2024, 0, 1), -86_400_000, 0]),
    Float64Array.from([1, NaN, -0, 8.64e15, -8.64e15]),
    new Float64Array(0),
    // Whole seconds take the compact coding: both ends of the Date range, far apart in either order.
    Float64Array.from([NaN, 8.64e15, -8.64e15, 0, NaN, -1000, 1000, 8.64e15, Date.UTC(1987, 1, 26, 15, 1, 1)]),
    Float64Array.from([NaN, NaN]),
  ];
  for (const dates of cases) {
    const back = decodeDates(placed(encodeDates(dates)), dates.length);
    assert.is(back.length, dates.length);
    for (let i = 0; i < dates.length; i++) assert.ok(Object.is(back[i], dates[i]), `date ${i}: ${dates[i]} → ${back[i]}`);
  }
  refused(() => decodeDates(placed(encodeDates(cases[0]!)), 8));
  refused(() => decodeDates(Uint8Array.of(7), 0));
  // A time no Date can hold (a crafted file: documents' dates are checked when added), in either
  // coding (milliseconds force raw Float64s, whole seconds the compact one), is refused; so is a
  // fraction of a millisecond.
  for (const dates of [Float64Array.from([1, 1e20]), Float64Array.from([NaN, -8.64e15 - 1000]), Float64Array.from([2 ** 53, 0]), Float64Array.from([0, Infinity]), Float64Array.from([1.5, 0])]) {
    refused(() => decodeDates(placed(encodeDates(dates)), dates.length));
  }
});

test('news timestamps (whole seconds, roughly in time order) take about a byte or two each', () => {
  const random = rng(12);
  const dates = new Float64Array(5000);
  let t = Date.UTC(1987, 1, 26);
  for (let i = 0; i < dates.length; i++) {
    t += Math.floor(random() * 600) * 1000 - (random() < 0.05 ? 86_400_000 : 0);
    dates[i] = random() < 0.02 ? NaN : t;
  }
  const bytes = encodeDates(dates);
  assert.ok(bytes.length < 8 + dates.length * 2, `${bytes.length} bytes`);
  const same = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  assert.ok(same(decodeDates(placed(bytes), dates.length), dates));
  // One millisecond anywhere keeps the column raw.
  const precise = dates.slice();
  precise[4321] = precise[4321]! + 1;
  assert.is(encodeDates(precise).length, 8 + dates.length * 8);
  assert.ok(same(decodeDates(placed(encodeDates(precise)), dates.length), precise));
  // Truncated, padded with a byte, an endless varint, an unknown coding: refused.
  refused(() => decodeDates(placed(bytes.subarray(0, bytes.length - 1)), dates.length));
  refused(() => decodeDates(placed(Uint8Array.from([...bytes, 1])), dates.length));
  refused(() => decodeDates(placed(Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0, ...new Array(12).fill(0xff), 1])), 1));
  const unknown = bytes.slice();
  unknown[0] = 9;
  refused(() => decodeDates(placed(unknown), dates.length));
});

test('ids round-trip, including ids that need the JSON form (NUL, lone surrogates)', () => {
  const cases: string[][] = [
    ['a', 'b/c', 'zürich', '港口', '😀', ''],
    [''],
    [],
    ['x', 'with\u0000nul', 'y'],
    ['lone \ud800 high', 'fine'],
    ['lone \udc00 low'],
    // ASCII ids are made from the bytes, one at a time: empty ones at either end, and a long one.
    ['', ''],
    ['a', '', ''],
    ['', 'a'],
    ['x'.repeat(10_000), 'y', 'z'.repeat(4096), 'w'.repeat(4097)],
    ['\u007f~ !', 'tab\there'],
  ];
  for (const ids of cases) assert.equal(idStrings(decodeIds(encodeIds(ids), ids.length)), ids, JSON.stringify(ids));
  // The joined form is smaller than JSON for ordinary ids.
  const plain = Array.from({ length: 500 }, (_, i) => `story-${i + 1}`);
  assert.ok(encodeIds(plain).length < new TextEncoder().encode(JSON.stringify(plain)).length);
});

test('numeric ids are kept as numbers: a range in a few bytes, others a small difference each', () => {
  const range = Array.from({ length: 21_578 }, (_, i) => String(i + 1));
  assert.ok(encodeIds(range).length <= 4, `${encodeIds(range).length} bytes`);
  assert.equal(idStrings(decodeIds(encodeIds(range), range.length)), range);
  const random = rng(31);
  const keys: string[] = [];
  let n = 480_000;
  for (let i = 0; i < 3000; i++) {
    n += Math.floor(random() * 40) - (random() < 0.1 ? 500 : 0);
    keys.push(String(Math.max(0, n)));
  }
  const coded = encodeIds(keys);
  assert.ok(coded.length < keys.length * 2, `${coded.length} bytes`);
  assert.equal(idStrings(decodeIds(coded, keys.length)), keys);
  const cases: string[][] = [
    ['0'],
    ['5', '5', '4', '999999999999999', '0', '999999999999999'], // repeats, both ends of 15 digits
    ['9', '10', '11'],
    // Not canonical decimals: each keeps its spelling through the text forms.
    ['007', '1'],
    ['1e3', '2'],
    ['-5', '3'],
    ['1234567890123456', '1'], // 16 digits need not be an exact double
    [' 5', '6'],
    ['5', ''],
  ];
  for (const ids of cases) assert.equal(idStrings(decodeIds(encodeIds(ids), ids.length)), ids, JSON.stringify(ids));
});

test('malformed ids are refused', () => {
  const ids = encodeIds(['a', 'b', 'c']);
  refused(() => decodeIds(ids, 2));
  refused(() => decodeIds(ids, 4));
  refused(() => decodeIds(ids, 0));
  refused(() => decodeIds(encodeIds(['a']), 0));
  refused(() => decodeIds(encodeIds(['a', 'é']), 1));
  const unknownMode = ids.slice();
  unknownMode[0] = 9;
  refused(() => decodeIds(unknownMode, 3));
  refused(() => decodeIds(Uint8Array.of(0, 0xff, 0xfe), 1)); // not UTF-8
  const json = new TextEncoder().encode('\u0001[1,2]');
  refused(() => decodeIds(json, 2)); // JSON, but not strings
  refused(() => decodeIds(new TextEncoder().encode('\u0001[oops'), 1));
  refused(() => decodeIds(new Uint8Array(0), 0));
  // Numeric codings: too few or too many numbers, a varint that never ends, a number past 2^53.
  const numbers = encodeIds(['3', '1', '4', '1', '5']);
  refused(() => decodeIds(numbers, 6));
  refused(() => decodeIds(numbers, 4));
  refused(() => decodeIds(Uint8Array.of(3, 1, ...new Array(12).fill(0xff)), 2));
  refused(() => decodeIds(Uint8Array.of(2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), 3));
  refused(() => decodeIds(Uint8Array.of(2, 1, 0), 3)); // a range with a trailing byte
});

test.run();
