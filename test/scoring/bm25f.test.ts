// BM25F math on hand-computed values: idf, length factor, saturation after combining fields.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Bm25fWeights, idf, lengthFactor, saturate } from '../../src/scoring/bm25f.js';

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-12, `${a} ≈ ${b}`);

test('idf is Lucene’s non-negative BM25 idf', () => {
  close(idf(10, 1), Math.log(1 + 9.5 / 1.5));
  assert.ok(idf(10, 10) > 0);
  assert.ok(idf(1000, 1) > idf(1000, 10));
});

test('length factor: 1 at average length, 1 − b for an empty field', () => {
  close(lengthFactor(0.75, 100, 100), 1);
  close(lengthFactor(0.75, 200, 100), 1.75);
  close(lengthFactor(0.75, 0, 0), 0.25);
  close(lengthFactor(0, 999, 10), 1);
});

test('fields are combined before one saturation (not summed per field)', () => {
  const w = new Bm25fWeights({ k1: 1.2 }, [
    { boost: 2, b: 0.5, avgLength: 10 },
    { boost: 1, b: 0.75, avgLength: 100 },
  ]);
  const title = w.fieldPart(0, 1, 10); // 2·1 / (0.5 + 0.5·10/10) = 2
  const body = w.fieldPart(1, 3, 50); // 1·3 / (0.25 + 0.75·0.5) = 4.8
  close(title, 2);
  close(body, 4.8);
  const bm25f = saturate(title + body, 1.2);
  const summed = saturate(title, 1.2) + saturate(body, 1.2);
  close(bm25f, 6.8 / 8);
  assert.ok(bm25f < summed, 'one saturation rewards a second field less than a per-field sum');
});

test.run();
