// TopK keeps exactly the k best by (score desc, id asc), whatever the arrival order.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TopK } from '../../src/query/top-k.js';
import { rng } from '../_support/random.js';

test('equals sorting everything and taking k', () => {
  const random = rng(42);
  for (let round = 0; round < 200; round++) {
    const n = Math.floor(random() * 300);
    // Both ways of draining: a sort of the slots up to 64 kept, root removals beyond.
    const k = Math.floor(random() * (round % 2 === 0 ? 40 : 160));
    const items = Array.from({ length: n }, (_, i) => ({ id: `id${Math.floor(random() * 1000)}-${i}`, score: Math.floor(random() * 20) / 4 }));
    const top = new TopK(k);
    items.forEach((it, i) => top.offer(it.score, i % 3, i, it.id));
    const expected = items
      .map((it, i) => ({ ...it, doc: i }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, k)
      .map((it) => `${it.id} ${it.doc % 3} ${it.doc} ${it.score}`);
    // Every field of a hit travels with it through the heap.
    assert.equal(top.drain().map((h) => `${h.id} ${h.segment} ${h.doc} ${h.score}`), expected);
    assert.equal(top.drain(), [], 'a drained heap is empty');
  }
});

test('k = 0 keeps nothing', () => {
  const top = new TopK(0);
  top.offer(1, 0, 0, 'a');
  assert.equal(top.drain(), []);
});

test.run();
