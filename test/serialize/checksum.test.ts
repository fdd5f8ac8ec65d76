// The section checksum: any change confined to one byte changes it, at every length (whole stripes,
// leftover words, leftover bytes) and whatever the input's alignment.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checksum32 } from '../../src/serialize/checksum.js';
import { rng } from '../_support/random.js';

function randomBytes(seed: number, length: number): Uint8Array {
  const random = rng(seed);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

test('every change to a single byte changes the checksum, at every length up to three stripes', () => {
  for (let length = 0; length <= 52; length++) {
    const bytes = randomBytes(length + 1, length);
    const sum = checksum32(bytes);
    assert.ok(Number.isInteger(sum) && sum >= 0 && sum < 2 ** 32);
    for (let at = 0; at < length; at++) {
      for (const flip of [0x01, 0x80, 0xff, 0x5a]) {
        const changed = bytes.slice();
        changed[at] = changed[at]! ^ flip;
        assert.is.not(checksum32(changed), sum, `length ${length}, byte ${at}, xor ${flip}`);
      }
    }
  }
});

test('the length counts: trailing zero bytes change the checksum', () => {
  const bytes = randomBytes(9, 40);
  const sums = new Set<number>();
  for (let extra = 0; extra < 8; extra++) {
    const longer = new Uint8Array(bytes.length + extra);
    longer.set(bytes);
    sums.add(checksum32(longer));
  }
  assert.is(sums.size, 8);
});

test('the same bytes at any byte offset have the same checksum', () => {
  const bytes = randomBytes(3, 1001);
  const expected = checksum32(bytes);
  for (let offset = 1; offset < 8; offset++) {
    const buffer = new Uint8Array(bytes.length + offset);
    buffer.set(bytes, offset);
    assert.is(checksum32(buffer.subarray(offset)), expected, `offset ${offset}`);
  }
});

test.run();
