// Positions blocks: what the builder writes, every reader gets back through the cursor, after any
// skip, in both layouts; the Rice parameter stays near its optimum and bounds every unary run;
// malformed bytes give wrong numbers, never an exception or an endless loop.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ByteWriter } from '../../src/index/byte-writer.js';
import { bitWidth } from '../../src/index/bit-packing.js';
import {
  MAX_QUOTIENT,
  MIN_RICE_VALUES,
  PositionsCursor,
  isVarintBlock,
  riceParameter,
  skipOnes,
  skipVarints,
  writePositionsBlock,
} from '../../src/index/positions-codec.js';
import { rng } from '../_support/random.js';

/** One posting block's positions as the builder holds them: per posting, per field, the values (first, then gaps). */
interface Block {
  lists: number[][][]; // posting → field list → values
}

function randomBlock(random: () => number): Block {
  // A rare term's block: one posting, one field, a value or three (the varint layout).
  if (random() < 0.25) return { lists: [[Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * 3000))]] };
  const postings = 1 + Math.floor(random() * (random() < 0.3 ? 3 : 128));
  // Some blocks have large values (long documents, hostile positions), most small ones.
  const scale = random() < 0.1 ? 2 ** (10 + Math.floor(random() * 21)) : 1 + Math.floor(random() * 400);
  const lists: number[][][] = [];
  for (let i = 0; i < postings; i++) {
    const fields = 1 + Math.floor(random() * 3);
    const perField: number[][] = [];
    for (let f = 0; f < fields; f++) {
      const tf = random() < 0.7 ? 1 : 1 + Math.floor(random() * 6);
      const values = [Math.min(2 ** 31 - 1, Math.floor(random() * scale))];
      for (let r = 1; r < tf; r++) values.push(random() < 0.05 ? Math.floor(random() * scale) : Math.floor(random() * 12));
      perField.push(values);
    }
    lists.push(perField);
  }
  return { lists };
}

/** Writes `block` as the builder does; returns its postings and values counts. */
function write(out: ByteWriter, block: Block): { postings: number; values: number } {
  const values = block.lists.flat(2);
  writePositionsBlock(out, Int32Array.from(values), values.length, block.lists.length);
  return { postings: block.lists.length, values: values.length };
}

function readList(cursor: PositionsCursor, tf: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < tf; r++) out.push(cursor.next());
  return out;
}

test('every block reads back whole, and from any posting after a skip', () => {
  const random = rng(61);
  let rice = 0;
  let varint = 0;
  for (let round = 0; round < 40; round++) {
    const out = new ByteWriter(64);
    const blocks: Block[] = [];
    const offsets: number[] = [];
    const counts: { postings: number; values: number }[] = [];
    for (let b = 0; b < 1 + Math.floor(random() * 12); b++) {
      const block = randomBlock(random);
      offsets.push(out.length);
      counts.push(write(out, block));
      blocks.push(block);
      if (isVarintBlock(counts.at(-1)!.postings, counts.at(-1)!.values)) varint++;
      else rice++;
    }
    offsets.push(out.length);
    // No slack after the last block: reads past the end see zeros.
    const bytes = out.finish();
    const cursor = new PositionsCursor();
    const open = (b: number): void => cursor.open(bytes, offsets[b]!, offsets[b + 1]!, isVarintBlock(counts[b]!.postings, counts[b]!.values));
    blocks.forEach((block, b) => {
      open(b);
      block.lists.forEach((perField, i) => {
        for (const list of perField) assert.equal(readList(cursor, list.length), list, `round ${round}, block ${b}, posting ${i}`);
      });
      // Reopen and jump: skip the values of the postings before a random one, then read it.
      for (let probe = 0; probe < 5; probe++) {
        const target = Math.floor(random() * block.lists.length);
        const before = block.lists.slice(0, target).flat(2).length;
        open(b);
        // Sometimes in two hops, as a batch read does for two documents of one block.
        const half = Math.floor(random() * (before + 1));
        cursor.skip(half);
        cursor.skip(before - half);
        for (const list of block.lists[target]!) assert.equal(readList(cursor, list.length), list, `round ${round}, block ${b}, posting ${target}`);
      }
    });
  }
  assert.ok(rice > 100 && varint > 10, `${rice} Rice blocks, ${varint} varint blocks`);
});

test('a one-posting block of up to three values is plain varints; others are Rice with k first', () => {
  const out = new ByteWriter(16);
  write(out, { lists: [[[300, 2]]] });
  assert.equal([...out.finish()], [0xac, 0x02, 2]);
  // Two postings: Rice even for two values. Values 5 and 9: mean 7 → k 2; quotients 1 and 2
  // (bits 8–12 from the front: 01 001), remainders 1 and 1 from the end backwards.
  const rice = new ByteWriter(16);
  write(rice, { lists: [[[5]], [[9]]] });
  const bytes = [...rice.finish()];
  assert.equal(bytes, [2, 0b00010010, 0b01010000]);
  // A one-posting block of MIN_RICE_VALUES values is Rice too.
  const four = new ByteWriter(16);
  const values = Array.from({ length: MIN_RICE_VALUES }, (_, i) => 3 + i);
  write(four, { lists: [[values]] });
  assert.is(four.finish()[0], riceParameter(values, 0, values.length));
  // Values up to 2^30 need a large k (quotients under 64); the header byte still holds it.
  const long = new ByteWriter(16);
  write(long, { lists: [[[2 ** 30]], [[2 ** 21]]] });
  const k = long.finish()[0]!;
  assert.ok(k >= 25 && k === riceParameter([2 ** 30, 2 ** 21], 0, 2), `k ${k}`);
});

test('the Rice parameter is the cheapest one, or the least that keeps every quotient under the bound', () => {
  const random = rng(67);
  for (let round = 0; round < 500; round++) {
    const n = 1 + Math.floor(random() * 200);
    const scale = 2 ** Math.floor(random() * 31);
    const values = Array.from({ length: n }, () => Math.floor(random() * scale));
    if (random() < 0.3) values[Math.floor(random() * n)] = Math.floor(random() * 2 ** 31);
    const k = riceParameter(values, 0, n);
    const cost = (k: number): number => values.reduce((s, v) => s + (v >>> k) + 1 + k, 0);
    const max = Math.max(...values);
    const floor = Math.max(0, bitWidth(max) - 6);
    assert.ok(Math.floor(max / 2 ** k) < MAX_QUOTIENT, `round ${round}: quotient of ${max} at k ${k}`);
    let best = Infinity;
    for (let c = floor; c <= 31; c++) best = Math.min(best, cost(c));
    // The three candidates around the estimate find the optimum or come within 1 %.
    assert.ok(cost(k) <= best * 1.01, `round ${round}: k ${k} costs ${cost(k)}, best ${best}`);
  }
});

test('skipOnes lands just past the n-th one bit, from any bit', () => {
  const random = rng(71);
  for (let round = 0; round < 500; round++) {
    const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 40) }, () => (random() < 0.3 ? 0 : Math.floor(random() * 256)));
    const bits: number[] = [];
    for (const b of bytes) for (let i = 0; i < 8; i++) bits.push((b >>> i) & 1);
    const from = Math.floor(random() * bits.length);
    const n = Math.floor(random() * 20);
    let expected = from;
    let seen = 0;
    while (seen < n && expected < bits.length) if (bits[expected++] === 1) seen++;
    if (seen < n) expected = bits.length;
    assert.is(skipOnes(bytes, from, n), expected, `round ${round}: ${n} ones from ${from}`);
  }
});

test('malformed blocks read as numbers and end, whatever the bytes and counts', () => {
  const random = rng(73);
  const cursor = new PositionsCursor();
  for (let round = 0; round < 2000; round++) {
    const bytes = Uint8Array.from({ length: Math.floor(random() * 64) }, () => (random() < 0.5 ? 0 : Math.floor(random() * 256)));
    const start = Math.floor(random() * (bytes.length + 2));
    const end = Math.floor(random() * (bytes.length + 4));
    cursor.open(bytes, start, end, random() < 0.3);
    cursor.skip(Math.floor(random() * 100));
    for (let i = 0; i < 20; i++) {
      const v = cursor.next();
      assert.ok(Number.isInteger(v) && v >= 0, `round ${round}: ${v}`);
    }
  }
});

test('skipVarints lands where a byte-by-byte count does, at any alignment', () => {
  const random = rng(47);
  for (let round = 0; round < 300; round++) {
    // Varints of 1–5 bytes, mostly short, in a buffer viewed at an offset of 0–7 bytes.
    const values: number[] = [];
    for (let i = 0; i < 1 + Math.floor(random() * 120); i++) values.push(random() < 0.8 ? Math.floor(random() * 128) : Math.floor(random() * 2 ** (7 * (1 + Math.floor(random() * 4)))));
    const encoded: number[] = [];
    for (let v of values) {
      while (v >= 0x80) {
        encoded.push((v & 0x7f) | 0x80);
        v = Math.floor(v / 128);
      }
      encoded.push(v);
    }
    const shift = Math.floor(random() * 8);
    const buffer = new Uint8Array(shift + encoded.length + 8);
    buffer.set(encoded, shift);
    const bytes = buffer.subarray(shift, shift + encoded.length);
    const from = Math.floor(random() * values.length);
    let q = 0;
    for (let seen = 0; seen < from; q++) if (bytes[q]! < 0x80) seen++;
    const count = Math.floor(random() * (values.length - from + 1));
    let expected = q;
    for (let seen = 0; seen < count; expected++) if (bytes[expected]! < 0x80) seen++;
    assert.is(skipVarints(bytes, q, count), expected, `round ${round}: ${count} varints from ${q}, offset ${shift}`);
  }
});

test.run();
