// Varints round-trip for every magnitude, including values at and above 2^31; UTF-8 text is what
// TextEncoder writes, whatever the buffer's room, and a writer filled exactly hands over its buffer.
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

test('UTF-8 text equals TextEncoder output whatever room is left, surrogate pairs whole', () => {
  const random = rng(4);
  const alphabet = ['a', 'Z', ' ', 'é', 'ß', '—', '中', '😀', '\u{1F1EB}\u{1F1F7}', '\n'];
  for (let round = 0; round < 300; round++) {
    const texts = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
      Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
    );
    // From no room at all to plenty: texts cross the buffer's end at every kind of character.
    const w = new ByteWriter(Math.floor(random() * 64));
    for (const t of texts) w.utf8(t);
    const expected = new TextEncoder().encode(texts.join(''));
    assert.equal(Array.from(w.finish()), Array.from(expected), `round ${round}`);
    assert.is(w.length, expected.length);
  }
});

test('a writer sized for its ASCII text is filled, never grown, and hands over its buffer', () => {
  const texts = ['Port traffic', ' rose ', '', 'in March.'];
  const size = texts.reduce((n, t) => n + t.length, 0);
  const w = new ByteWriter(size);
  const before = w.reserve(0);
  for (const t of texts) w.utf8(t);
  const out = w.finish();
  assert.is(out, before);
  assert.is(new TextDecoder().decode(out), texts.join(''));
  // Not full: a right-sized copy.
  const spare = new ByteWriter(size + 10);
  for (const t of texts) spare.utf8(t);
  assert.is(spare.finish().length, size);
});

test('a reset writer keeps no tie to what it handed over, and pads a copy when asked', () => {
  const w = new ByteWriter(16);
  w.utf8('abcdefghijklmnop');
  const given = w.finish();
  assert.is(given, w.reserve(0), 'a full writer hands its buffer over');
  w.reset();
  w.utf8('wxyz');
  assert.is(new TextDecoder().decode(given), 'abcdefghijklmnop');
  const padded = w.finish(3);
  assert.equal(Array.from(padded), [...'wxyz'].map((c) => c.charCodeAt(0)).concat([0, 0, 0]));
  // Reused after a copying finish: the same bytes again, from the start.
  w.reset();
  w.varint(300);
  assert.equal(Array.from(w.finish()), [0xac, 0x02]);
});

test.run();
