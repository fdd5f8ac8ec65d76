// The summation order: every term index once, weights descending, ties in bag order, NaN last.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { summationOrder } from '../../src/query/summation-order.js';
import { rng } from '../_support/random.js';

test('a stable sort of the bag by weight, descending, NaN and tie-breakers last', () => {
  const random = rng(4);
  for (let round = 0; round < 500; round++) {
    const n = Math.floor(random() * 40);
    const pool = [NaN, -0.5, 0, 1, 2.5, 3, Infinity];
    const terms = Array.from({ length: n }, (_, i) => ({ term: `t${i}`, fieldMask: 1, weight: random() < 0.5 ? pool[Math.floor(random() * pool.length)]! : random() * 10 - 2 }));
    const order = Array.from(summationOrder(terms).subarray(0, n));
    const key = (w: number): number => (Number.isNaN(w) ? -Infinity : w);
    const expected = terms.map((_, i) => i).sort((a, b) => key(terms[b]!.weight) - key(terms[a]!.weight) || a - b);
    assert.equal(order, expected, `round ${round}`);
  }
});

test.run();
