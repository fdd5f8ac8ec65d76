// Length codes: every code's floor is at most the lengths it stands for, codes never decrease with
// length, and they stay within 1/16 of the length where it matters (below 2^18).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LENGTH_CODE_FLOOR, lengthCode, lengthCodes } from '../../src/index/length-codes.js';

test('a code floor never exceeds the length, codes are monotone and tight', () => {
  let previous = 0;
  for (let n = 0; n < 300_000; n++) {
    const code = lengthCode(n);
    assert.ok(code >= previous && code <= 255);
    assert.ok(LENGTH_CODE_FLOOR[code]! <= n, `floor of ${n}`);
    if (n < 16) assert.is(LENGTH_CODE_FLOOR[code], n);
    else if (n < 2 ** 18) assert.ok(LENGTH_CODE_FLOOR[code]! >= n * (16 / 17), `tightness at ${n}`);
    previous = code;
  }
  for (const n of [2 ** 20, 2 ** 31, 2 ** 32 - 1]) assert.ok(LENGTH_CODE_FLOOR[lengthCode(n)]! <= n);
});

test('lengthCodes lays the codes out field by field', () => {
  const lengths = Uint32Array.from([1, 20, 300, 2, 40, 5000]);
  const codes = lengthCodes(lengths, 2, 3);
  assert.equal([...codes], [1, 2, 20, 40, 300, 5000].map(lengthCode));
});

test.run();
