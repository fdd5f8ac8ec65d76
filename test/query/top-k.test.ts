// TopK keeps exactly the k best by (score desc, id asc), whatever the arrival order; with a rank
// floor it drops only candidates under the floor's ratio × the rank-th best.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TopK } from '../../src/query/top-k.js';
import { rng } from '../_support/random.js';

test('equals sorting everything and taking k', () => {
  const random = rng(42);
  for (let round = 0; round < 200; round++) {
    const n = Math.floor(random() * 300);
    // Both ways of draining (an insertion sort of up to 64 kept slots, one sort beyond), with fewer
    // offers than k (never made a heap) and more (heapified when the k-th arrives).
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
    // A drained heap starts over: the same offers give the same page.
    items.forEach((it, i) => top.offer(it.score, i % 3, i, it.id));
    assert.equal(top.drain().map((h) => `${h.id} ${h.segment} ${h.doc} ${h.score}`), expected, 'reused');
  }
});

test('a rank floor drops only candidates under its ratio × the rank-th best, and its threshold says so', () => {
  const random = rng(43);
  let dropped = 0;
  for (let round = 0; round < 300; round++) {
    const n = Math.floor(random() * 300);
    const k = 1 + Math.floor(random() * (round % 2 === 0 ? 40 : 160));
    const rank = 1 + Math.floor(random() * k);
    const ratio = [1, 0.9, 1 / 1.1, 0.5][round % 4]!;
    const items = Array.from({ length: n }, (_, i) => ({ id: `id${Math.floor(random() * 1000)}-${i}`, score: Math.floor(random() * 20) / 4 }));
    const plain = new TopK(k);
    const floored = new TopK(k, { rank, ratio });
    items.forEach((it, i) => {
      plain.offer(it.score, 0, i, it.id);
      // The threshold pruned paths skip by: nothing under it may be wanted, nothing at it refused.
      const threshold = floored.threshold;
      const accepts = floored.wouldAccept(it.score, it.id);
      if (it.score < threshold) assert.not.ok(accepts, `round ${round}: ${it.score} under ${threshold} accepted`);
      if (it.score > threshold) assert.ok(accepts, `round ${round}: ${it.score} over ${threshold} refused`);
      floored.offer(it.score, 0, i, it.id);
    });
    const expected = plain.drain();
    const kept = floored.drain();
    const context = `round ${round}: n ${n}, k ${k}, rank ${rank}, ratio ${ratio}`;
    const floor = expected.length >= rank ? ratio * expected[rank - 1]!.score : -Infinity;
    const wanted = expected.filter((h, i) => i < rank || h.score >= floor);
    assert.equal(kept.slice(0, wanted.length), wanted, context);
    // The rest were kept before the floor rose: all under it, none of them wanted.
    for (const h of kept.slice(wanted.length)) assert.ok(h.score < floor, `${context}: ${h.id} ${h.score} kept past the wanted`);
    const keptDocs = new Set(kept.map((h) => h.doc));
    dropped += expected.filter((h) => !keptDocs.has(h.doc)).length;
    // Drained, it starts over: no floor or best scores left from this round.
    for (let r = 0; r < rank; r++) floored.offer(-1, 0, r, `low${r}`);
    assert.is(floored.threshold, -ratio, context);
    assert.is(floored.drain().length, rank, context);
  }
  assert.ok(dropped > 1000, `the floor dropped only ${dropped} candidates`);
});

test('k = 0 keeps nothing', () => {
  const top = new TopK(0);
  top.offer(1, 0, 0, 'a');
  assert.equal(top.drain(), []);
});

test.run();
