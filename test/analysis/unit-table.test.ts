// Specification of UnitTable: a map from UTF-16 unit sequences to two int32 values, found by a span
// of any string holding the same units; behaves like a Map from string to (a, b).
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UnitTable, hashSpan } from '../../src/analysis/unit-table.js';

function find(table: UnitTable, s: string): number {
  return table.find(s, 0, s.length, hashSpan(s, 0, s.length));
}

/** Adds `s` with values (length, -i); returns its slot. */
function add(table: UnitTable, s: string, i: number): number {
  return table.add(s, 0, s.length, hashSpan(s, 0, s.length), s.length, -i);
}

function valuesOf(table: UnitTable, s: string): [number, number] | undefined {
  const slot = find(table, s);
  return slot < 0 ? undefined : [table.a(slot), table.b(slot)];
}

test('a key is found by content with its two values', () => {
  const table = new UnitTable(2);
  const slot = add(table, 'port', 1);
  assert.equal([table.a(slot), table.b(slot)], [4, -1]);
  add(table, '', 2);
  add(table, 'ports', 3);
  assert.equal(valuesOf(table, 'port'), [4, -1]);
  assert.equal(valuesOf(table, ''), [0, -2]);
  assert.equal(valuesOf(table, 'ports'), [5, -3]);
  assert.is(find(table, 'por'), -1);
  assert.is(table.size, 3);
});

test('a span of a longer text finds the key with the same units', () => {
  const table = new UnitTable();
  add(table, 'harbour', 7);
  const text = 'the harbour, harbours';
  assert.is(table.b(table.find(text, 4, 11, hashSpan(text, 4, 11))), -7);
  assert.is(table.b(table.find(text, 13, 20, hashSpan(text, 13, 20))), -7);
  assert.is(table.find(text, 13, 21, hashSpan(text, 13, 21)), -1);
  assert.is(hashSpan(text, 4, 11), hashSpan('harbour', 0, 7));
});

test('keys around the in-slot length, sharing prefixes, NUL and high units stay apart', () => {
  // Keys of up to six units are compared in their slot, longer ones also in the pool: every length
  // either side of that edge, keys equal but for their last unit, and units that pack negative.
  const keys: string[] = [];
  for (let n = 0; n <= 10; n++) {
    const base = 'abcdefghij'.slice(0, n);
    keys.push(base, `${base}\u0000`, `${base}\uffff`, `${base}\ud800`, `\u0000${base}`);
  }
  const distinct = [...new Set(keys)];
  const table = new UnitTable(1);
  distinct.forEach((k, i) => add(table, k, i));
  distinct.forEach((k, i) => assert.equal(valuesOf(table, k), [k.length, -i], JSON.stringify(k)));
  assert.is(find(table, 'abcdefghiz'), -1);
  assert.is(find(table, 'abcdefz'), -1);
  assert.is(find(table, 'abcdez'), -1);
});

const FNV_PRIME = 0x01000193;

/**
 * Two keys of `prefix` + three units with the same FNV-1a hash. Key 1 ends in "aaa"; for key 2,
 * units u, v are searched until the states after them differ from key 1's only in the low 16 bits,
 * and the third unit cancels that difference (FNV-1a xors a unit into its state).
 */
function collidingPair(prefix: string): [string, string] {
  const s = hashSpan(prefix, 0, prefix.length);
  const step = (h: number, c: number): number => Math.imul(h ^ c, FNV_PRIME);
  const a = 0x61;
  const target = step(step(s, a), a);
  for (let u = 0x62; u < 0x100; u++) {
    for (let v = 0; v < 0x10000; v++) {
      const m = step(step(s, u), v);
      if (((m ^ target) >>> 16) !== 0) continue;
      return [prefix + 'aaa', prefix + String.fromCharCode(u, v, ((m ^ target) ^ a) & 0xffff)];
    }
  }
  throw new Error('no collision found');
}

test('keys with the same hash and length are told apart by their units, in the slot or in the pool', () => {
  // Short keys differ within the in-slot units; the long ones share their first six and differ in the pool.
  for (const prefix of ['', 'ab', 'abcdef', 'abcdefgh']) {
    const [x, y] = collidingPair(prefix);
    assert.is(hashSpan(x, 0, x.length), hashSpan(y, 0, y.length));
    const table = new UnitTable(1);
    add(table, x, 1);
    assert.is(find(table, y), -1, `${JSON.stringify(prefix)}: a colliding key is not the stored one`);
    add(table, y, 2);
    assert.equal(valuesOf(table, x), [x.length, -1]);
    assert.equal(valuesOf(table, y), [y.length, -2]);
  }
});

test('behaves like a Map from string to its values, through growth and clear', () => {
  const unit = fc.constantFrom('a', 'b', 'é', '\u0000', '\ud800', '\uffff', '中', 'Z');
  fc.assert(
    fc.property(fc.array(fc.string({ unit, maxLength: 10 }), { maxLength: 400 }), fc.integer({ min: 0, max: 400 }), (keys, clearAt) => {
      const table = new UnitTable(1);
      let model = new Map<string, [number, number]>();
      keys.forEach((k, i) => {
        if (i === clearAt) {
          table.clear();
          model = new Map();
        }
        assert.equal(valuesOf(table, k), model.get(k));
        if (!model.has(k)) {
          add(table, k, i);
          model.set(k, [k.length, -i]);
        }
      });
      assert.is(table.size, model.size);
      for (const [k, v] of model) assert.equal(valuesOf(table, k), v);
    }),
    { numRuns: 200 },
  );
});

test('keys that collide on their hash slot stay apart', () => {
  // A tiny table forces probing; many keys share slots.
  const table = new UnitTable(1);
  const keys = Array.from({ length: 3000 }, (_, i) => `k${i}`);
  keys.forEach((k, i) => add(table, k, i));
  keys.forEach((k, i) => assert.equal(valuesOf(table, k), [k.length, -i]));
});

test.run();
