// CutSelector passes to the heap exactly the documents that can be among the k best: with scores in
// any order, many exact ties and a heap already holding earlier segments' hits, the heap ends as if
// every document had been offered to it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CutSelector } from '../../src/query/cut-selection.js';
import { TopK } from '../../src/query/top-k.js';
import { rng } from '../_support/random.js';

test('the heap ends as if every document had been offered', () => {
  const random = rng(8);
  const selector = new CutSelector();
  for (let round = 0; round < 300; round++) {
    const n = Math.floor(random() * 3000);
    const k = [0, 1, 10, 30, 100][round % 5]!;
    const upper = 1 + random() * 20;
    // Coarse scores: many exact ties, which only the ids order; some at 0 and some past `upper`.
    const scores = Array.from({ length: n }, () => (random() < 0.02 ? upper * 1.0000001 : Math.floor(random() * 400) * (upper / 400)));
    const ids = Array.from({ length: n }, (_, d) => `id${(d * 7919) % 10007}`);
    const expected = new TopK(k);
    const actual = new TopK(k);
    // Earlier segments' hits already in both heaps.
    for (let e = 0; e < 5; e++) {
      const score = random() * upper;
      expected.offer(score, 1, e, `prior${e}`);
      actual.offer(score, 1, e, `prior${e}`);
    }
    for (let d = 0; d < n; d++) expected.offer(scores[d]!, 0, d, ids[d]!);
    selector.begin(actual, upper, n);
    const order = Array.from({ length: n }, (_, d) => d).sort(() => random() - 0.5);
    for (const d of order) selector.offer(d, scores[d]!);
    selector.finish(actual, 0, ids);
    assert.equal(actual.drain(), expected.drain(), `round ${round}: n ${n}, k ${k}`);
  }
});

test.run();
