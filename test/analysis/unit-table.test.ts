// Specification of UnitTable: a set of UTF-16 unit sequences numbered in insertion order, found by
// a span of any string holding the same units; behaves like a Map from string to insertion index.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UnitTable, hashSpan } from '../../src/analysis/unit-table.js';

function find(table: UnitTable, s: string): number {
  return table.find(s, 0, s.length, hashSpan(s, 0, s.length));
}

function add(table: UnitTable, s: string): number {
  return table.add(s, 0, s.length, hashSpan(s, 0, s.length), s.length, -s.length);
}

test('entries are numbered densely in insertion order and found by content', () => {
  const table = new UnitTable(2);
  assert.is(add(table, 'port'), 0);
  assert.is(add(table, ''), 1);
  assert.is(add(table, 'ports'), 2);
  assert.is(find(table, 'port'), 0);
  assert.is(find(table, ''), 1);
  assert.is(find(table, 'ports'), 2);
  assert.is(find(table, 'por'), -1);
  assert.is(table.size, 3);
});

test('a span of a longer text finds the key with the same units', () => {
  const table = new UnitTable();
  add(table, 'harbour');
  const text = 'the harbour, harbours';
  assert.is(table.find(text, 4, 11, hashSpan(text, 4, 11)), 0);
  assert.is(table.find(text, 13, 20, hashSpan(text, 13, 20)), 0);
  assert.is(table.find(text, 13, 21, hashSpan(text, 13, 21)), -1);
  assert.is(hashSpan(text, 4, 11), hashSpan('harbour', 0, 7));
});

test('behaves like a Map from string to insertion index, through growth and clear', () => {
  const unit = fc.constantFrom('a', 'b', 'é', '\u0000', '\ud800', '中', 'Z');
  fc.assert(
    fc.property(fc.array(fc.string({ unit, maxLength: 6 }), { maxLength: 400 }), fc.integer({ min: 0, max: 400 }), (keys, clearAt) => {
      const table = new UnitTable(1);
      let model = new Map<string, number>();
      keys.forEach((k, i) => {
        if (i === clearAt) {
          table.clear();
          model = new Map();
        }
        const found = find(table, k);
        assert.is(found, model.get(k) ?? -1);
        if (found < 0) {
          const e = add(table, k);
          assert.is(e, model.size);
          model.set(k, e);
        }
      });
      assert.is(table.size, model.size);
      for (const [k, e] of model) assert.is(find(table, k), e);
    }),
    { numRuns: 200 },
  );
});

test('keys that collide on their hash slot stay apart', () => {
  // A tiny table forces probing; many keys share slots.
  const table = new UnitTable(1);
  const keys = Array.from({ length: 3000 }, (_, i) => `k${i}`);
  keys.forEach((k, i) => assert.is(add(table, k), i));
  keys.forEach((k, i) => assert.is(find(table, k), i));
});

test.run();
