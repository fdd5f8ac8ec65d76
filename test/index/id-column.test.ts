// Specification of IdColumn: a segment's ids by DocId, the same whether they were built, decoded as
// strings, or decoded as numbers whose strings are made one at a time on first read.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { IdColumn, type IdMaker } from '../../src/index/id-column.js';
import { SearchIndex } from '../../src/index.js';
import { rng } from '../_support/random.js';

/** A maker of the numbers' decimals that counts what it makes. */
function numeric(numbers: Float64Array, made: number[] = []): IdMaker {
  return {
    length: numbers.length,
    make(doc: number): string {
      made.push(doc);
      return String(numbers[doc]);
    },
  };
}

test('a built column answers at() and value alike', () => {
  const ids = ['a', 'b', 'c'];
  const column = IdColumn.of(ids);
  assert.equal([0, 1, 2].map((d) => column.at(d)), ids);
  assert.equal([...column.value], ids);
});

test('ids read in any order, mixed with value, are each made once', () => {
  const random = rng(7);
  for (let round = 0; round < 20; round++) {
    const n = 1 + Math.floor(random() * 300);
    const numbers = Float64Array.from({ length: n }, () => Math.floor(random() * 2 ** 52));
    const expected = [...numbers].map((x) => String(x));
    let decodes = 0;
    const made: number[] = [];
    const column = IdColumn.deferred(() => {
      decodes++;
      return numeric(numbers, made);
    });
    assert.is(decodes, 0, 'nothing is decoded before the first read');
    for (let r = 0; r < n; r++) {
      const d = Math.floor(random() * n);
      assert.is(column.at(d), expected[d]);
    }
    if (round % 2 === 0) assert.equal([...column.value], expected);
    for (let d = 0; d < n; d++) assert.is(column.at(d), expected[d]);
    assert.equal([...column.value], expected);
    assert.is(decodes, 1);
    assert.equal([...made].sort((a, b) => a - b), expected.map((_, d) => d), 'each id made exactly once');
  }
});

test('a read past the column is a RangeError, not the string "undefined"', () => {
  const column = IdColumn.deferred(() => numeric(Float64Array.of(1, 2)));
  assert.throws(() => column.at(2), (e: unknown) => e instanceof RangeError);
  assert.throws(() => column.at(-1), (e: unknown) => e instanceof RangeError);
  assert.is(column.at(1), '2');
});

test('a decode that throws throws again on the next read', () => {
  let calls = 0;
  const column = IdColumn.deferred(() => {
    calls++;
    throw new Error('damaged');
  });
  assert.throws(() => column.at(0), /damaged/);
  assert.throws(() => column.value, /damaged/);
  assert.is(calls, 2);
});

test('a loaded index answers, looks up and saves its ids as the built one, whatever their coding', () => {
  // A range, other numbers, ASCII strings, and ids that need UTF-8.
  for (const ids of [['1', '2', '3', '4'], ['40', '7', '1000000000000', '0'], ['story-1', 'b', 'x'.repeat(4096), 'a b'], ['zürich', '港口', 'plain', '😀']]) {
    const index = new SearchIndex();
    index.addAll(ids.map((id, i) => ({ id, title: `Port report ${i}`, body: i % 2 === 0 ? 'The port reopened.' : 'Ports closed.' })));
    const loaded = SearchIndex.deserialize(index.serialize());
    const hits = (x: SearchIndex): string[] => x.search('port', { limit: 10 }).hits.map((h) => h.id);
    assert.equal(hits(loaded), hits(index));
    assert.equal(loaded.search('port', { filter: (_d, id) => id === ids[2] }).hits.map((h) => h.id), [ids[2]]);
    assert.ok(loaded.has(ids[3]!));
    assert.equal(hits(SearchIndex.deserialize(loaded.serialize())), hits(index));
  }
});

test.run();
