// Varints round-trip for every magnitude, including values at and above 2^31.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ByteReader, ByteWriter } from '../../src/index/byte-writer.js';
import { rng } from '../_support/random.js';

test('varints round-trip across byte-length boundaries', () => {
  const values = [0, 1, 127, 128, 16383, 16384, 2 ** 21 - 1, 2 ** 21, 2 ** 28 - 1, 2 ** 28, 2 ** 31, 2 ** 32 - 1];
  const random = rng(3);
  for (let i = 0; i < 5000; i++) values.push(Math.floor(random() * 2 ** 32));
  const w = new ByteWriter(4);
  for (const v of values) w.varint(v);
  const r = new ByteReader(w.finish());
  for (const v of values) assert.is(r.varint(), v);
  assert.is(r.pos, w.length);
});

test('small values take one byte', () => {
  const w = new ByteWriter();
  w.varint(5);
  w.varint(127);
  assert.is(w.length, 2);
  w.varint(128);
  assert.is(w.length, 4);
});

test.run();
