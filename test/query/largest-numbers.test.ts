// offerLargest keeps the n largest numbers offered: its root is the n-th largest (-Infinity while
// fewer than n came), whatever the order, with repeats, and says whether a number went in.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { offerLargest } from '../../src/query/largest-numbers.js';
import { rng } from '../_support/random.js';

test('the root is the n-th largest number offered so far', () => {
  const random = rng(61);
  for (let round = 0; round < 300; round++) {
    const n = 1 + Math.floor(random() * 40);
    const heap = new Array<number>(n).fill(-Infinity);
    const seen: number[] = [];
    for (let i = 0; i < 200; i++) {
      // Coarse values: many repeats, as scores and dates have.
      const value = Math.floor(random() * 50) - 10;
      const before = heap[0]!;
      const went = offerLargest(heap, n, value);
      assert.is(went, value > before, `round ${round}: ${value} against ${before}`);
      seen.push(value);
      const sorted = seen.slice().sort((a, b) => b - a);
      assert.is(heap[0], sorted.length >= n ? sorted[n - 1] : -Infinity, `round ${round}, ${i + 1} offered, n ${n}`);
    }
    assert.equal(heap.slice().sort((a, b) => b - a), seen.sort((a, b) => b - a).slice(0, n));
  }
});

test.run();
