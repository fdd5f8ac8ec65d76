// The 16-bit field-major copy of field lengths: every length below the overflow mark is copied,
// the rest are marked so readers fall back to the exact row-major table.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LENGTH_OVERFLOW, lengthColumns } from '../../src/index/length-columns.js';

test('lengths are laid out field by field, with the overflow mark for 65,535 and up', () => {
  const width = 3;
  const rows = [
    [0, 1, 65_534],
    [65_535, 7, 70_000],
    [12, 2 ** 31, 5],
  ];
  const columns = lengthColumns(Uint32Array.from(rows.flat()), rows.length, width);
  assert.equal([...columns], [0, LENGTH_OVERFLOW, 12, 1, 7, LENGTH_OVERFLOW, 65_534, LENGTH_OVERFLOW, 5]);
});

test.run();
