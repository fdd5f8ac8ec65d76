// CutSelector passes to the heap exactly the documents that can be among the k best: with scores in
// any order, many exact ties and a heap already holding earlier segments' hits, the heap ends as if
// every document had been offered to it. With a rank floor it drops only documents under the floor's
// ratio × the rank-th best.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CutSelector } from '../../src/query/cut-selection.js';
import { TopK } from '../../src/query/top-k.js';
import { IdColumn } from '../../src/index/id-column.js';
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
    for (let d = 0; d < n; d++) expected.offer(scores[d]!, 0, d, ids[d]!, d * 7);
    selector.begin(actual, upper, n);
    const order = Array.from({ length: n }, (_, d) => d).sort(() => random() - 0.5);
    for (const d of order) selector.offer(d, scores[d]!, d * 7);
    selector.finish(actual, 0, IdColumn.of(ids));
    assert.equal(actual.drain(), expected.drain(), `round ${round}: n ${n}, k ${k}`);
  }
});

test('a rank floor drops only documents under its ratio × the rank-th best', () => {
  const random = rng(9);
  const selector = new CutSelector();
  let dropped = 0;
  for (let round = 0; round < 300; round++) {
    const n = Math.floor(random() * 3000);
    const k = [1, 10, 30, 100][round % 4]!;
    const rank = 1 + Math.floor(random() * k);
    const ratio = [1, 0.9, 0.5, 1 / 1.1][round % 3]!;
    const upper = 1 + random() * 20;
    const scores = Array.from({ length: n }, () => Math.floor(random() * 400) * (upper / 400));
    const ids = Array.from({ length: n }, (_, d) => `id${(d * 7919) % 10007}`);
    const full = new TopK(k);
    for (let d = 0; d < n; d++) full.offer(scores[d]!, 0, d, ids[d]!, d * 7);
    const expected = full.drain();
    const actual = new TopK(k);
    selector.begin(actual, upper, n, { rank, ratio });
    // Lower bounds of some final scores first, as the accumulator's partial sums are.
    const listed = Int32Array.from({ length: Math.floor(n / 2) }, (_, i) => i);
    const partial = new Float64Array(n);
    for (const d of listed) partial[d] = scores[d]! * random();
    selector.raiseFrom(partial, listed, listed.length);
    const order = Array.from({ length: n }, (_, d) => d).sort(() => random() - 0.5);
    for (const d of order) selector.offer(d, scores[d]!, d * 7);
    selector.finish(actual, 0, IdColumn.of(ids));
    const kept = actual.drain();
    const context = `round ${round}: n ${n}, k ${k}, rank ${rank}, ratio ${ratio}`;
    // The first `rank` are exact; every document at or over the floor is kept, in order.
    const floor = expected.length >= rank ? ratio * expected[rank - 1]!.score : -Infinity;
    const wanted = expected.filter((h, i) => i < rank || h.score >= floor);
    assert.equal(kept.slice(0, wanted.length), wanted, context);
    // Whatever else is kept comes from the k best, in their order.
    const rest = kept.slice(wanted.length);
    assert.equal(rest, expected.slice(wanted.length, wanted.length + rest.length), context);
    dropped += expected.length - kept.length;
  }
  assert.ok(dropped > 1000, `the floor dropped only ${dropped} documents`);
});

test.run();
