// The date-order heap keeps exactly the first k of a full sort: newest (or oldest) first, undated
// last, then score descending, then id ascending; ties on date and score included.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DateTopK } from '../../src/query/date-top-k.js';
import { rng } from '../_support/random.js';

interface Candidate {
  date: number;
  score: number;
  id: string;
  doc: number;
}

function fullSort(all: Candidate[], newest: boolean): Candidate[] {
  return all.slice().sort((a, b) => {
    const ua = Number.isNaN(a.date);
    const ub = Number.isNaN(b.date);
    if (ua !== ub) return ua ? 1 : -1;
    if (!ua && a.date !== b.date) return newest ? b.date - a.date : a.date - b.date;
    if (a.score !== b.score) return b.score - a.score;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

for (const seed of [1, 2, 3, 4]) {
  test(`the heap keeps the first k of the full date sort (seed ${seed})`, () => {
    const random = rng(seed);
    const all: Candidate[] = [];
    for (let i = 0; i < 400; i++) {
      // Few distinct dates and scores, so ties on both are common; some documents are undated.
      const date = random() < 0.1 ? NaN : Math.floor(random() * 20) * 86_400_000;
      all.push({ date, score: Math.floor(random() * 5) / 4, id: `d${Math.floor(random() * 1e6)}-${i}`, doc: i });
    }
    for (const newest of [true, false]) {
      for (const k of [0, 1, 7, 50, 399, 400, 1000]) {
        const top = new DateTopK(k, newest);
        for (const c of all) top.offer(c.date, c.score, 0, c.doc, c.id);
        const got = top.drain().map((h) => h.doc);
        assert.equal(got, fullSort(all, newest).slice(0, k).map((c) => c.doc), `newest ${newest} k ${k}`);
      }
    }
  });
}

test.run();
