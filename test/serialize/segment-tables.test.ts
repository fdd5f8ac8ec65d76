// The compact segment tables: term table, skip entries with block-max metadata and varint field
// lengths decode to exactly the arrays the builder made, and malformed bytes are refused.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  TableError, decodeDates, decodeFieldLengths, decodeSkips, decodeTermTable, encodeDates, encodeFieldLengths, encodeSkips, encodeTermTable,
} from '../../src/serialize/segment-tables.js';
import { syntheticSegment } from '../_support/synthetic-segments.js';
import { rng } from '../_support/random.js';

test('term table, skips and field lengths round-trip', () => {
  for (const seed of [1, 2, 3]) {
    const d = syntheticSegment(rng(seed), { numDocs: 2000 + seed * 500, terms: 80, topShare: 0.7, deleteShare: 0 }, 'x').data;
    const terms = decodeTermTable(encodeTermTable(d), d.termDf.length, d.postings.length, d.positions.length, d.blockLastDoc.length);
    assert.equal(terms.termDf, d.termDf);
    assert.equal(terms.termPostingsStart, d.termPostingsStart);
    assert.equal(terms.termPositionsStart, d.termPositionsStart);
    assert.equal(terms.termBlockStart, d.termBlockStart);
    const skips = decodeSkips(encodeSkips(d), terms, d.numDocs, d.scoredCount);
    assert.ok(d.blockLastDoc.length > 20, 'terms with several blocks');
    assert.equal(skips.blockLastDoc, d.blockLastDoc);
    assert.equal(skips.blockPostingsOffset, d.blockPostingsOffset);
    assert.equal(skips.blockPositionsOffset, d.blockPositionsOffset);
    assert.equal(skips.blockMask, d.blockMask);
    assert.equal(skips.blockMaxTf, d.blockMaxTf);
    assert.equal(skips.blockMinLength, d.blockMinLength);
    const lengths = encodeFieldLengths(d.fieldLengths);
    assert.ok(lengths.length < d.fieldLengths.byteLength / 2);
    assert.equal(decodeFieldLengths(lengths, d.fieldLengths.length), d.fieldLengths);
  }
});

test('inconsistent or truncated tables are refused with TableError', () => {
  const d = syntheticSegment(rng(9), { numDocs: 1000, terms: 30, topShare: 0.8, deleteShare: 0 }, 'x').data;
  const table = encodeTermTable(d);
  const n = d.termDf.length;
  const refused = (run: () => unknown): void => assert.throws(run, (e: unknown) => e instanceof TableError);
  refused(() => decodeTermTable(table, n, d.postings.length + 1, d.positions.length, d.blockLastDoc.length));
  refused(() => decodeTermTable(table, n, d.postings.length, d.positions.length - 1, d.blockLastDoc.length));
  refused(() => decodeTermTable(table, n, d.postings.length, d.positions.length, d.blockLastDoc.length + 1));
  refused(() => decodeTermTable(table.subarray(0, table.length - 1), n, d.postings.length, d.positions.length, d.blockLastDoc.length));
  refused(() => decodeTermTable(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), 1, 0, 0, 0));
  const terms = decodeTermTable(table, n, d.postings.length, d.positions.length, d.blockLastDoc.length);
  const skips = encodeSkips(d);
  refused(() => decodeSkips(skips, terms, d.blockLastDoc[d.blockLastDoc.length - 1]!, d.scoredCount));
  refused(() => decodeSkips(skips.subarray(0, skips.length - 1), terms, d.numDocs, d.scoredCount));
  refused(() => decodeFieldLengths(encodeFieldLengths(d.fieldLengths), d.fieldLengths.length + 1));
  refused(() => decodeFieldLengths(encodeFieldLengths(d.fieldLengths), d.fieldLengths.length - 1));
});

test('dates round-trip exactly: NaN, whole milliseconds both ways, and any other double raw', () => {
  const cases = [
    Float64Array.from([NaN, Date.UTC(1987, 2, 26, 15, 1, 1, 790), NaN, Date.UTC(1987, 1, 26), Date.UTC(2024, 0, 1), -86_400_000, 0]),
    Float64Array.from([1.5, NaN, -0, 8.64e15, 2 ** 53]),
    Float64Array.from([5, -0, 7]),
    new Float64Array(0),
  ];
  for (const dates of cases) {
    const bytes = encodeDates(dates);
    const back = decodeDates(bytes, dates.length);
    assert.is(back.length, dates.length);
    for (let i = 0; i < dates.length; i++) assert.ok(Object.is(back[i], dates[i]), `date ${i}: ${dates[i]} → ${back[i]}`);
  }
  // Whole milliseconds take about 3 bytes a date, not 8.
  const reuters = Float64Array.from({ length: 1000 }, (_, i) => Date.UTC(1987, 1, 26) + i * 61_270);
  assert.ok(encodeDates(reuters).length < 3.5 * 1000);
  assert.throws(() => decodeDates(encodeDates(reuters), 1001), (e: unknown) => e instanceof TableError);
  assert.throws(() => decodeDates(Uint8Array.of(7), 0), (e: unknown) => e instanceof TableError);
});

test.run();
