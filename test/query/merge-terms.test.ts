// mergeTerms: one scoring term per (term, field mask), in order of first occurrence, its weight the
// sum of the merged ones', an expansion only when every merged occurrence was one. Checked property
// by property on random bags, short (its no-repeat shortcut) and long, with and without repeats.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mergeTerms } from '../../src/query/planner.js';
import type { ScoringTerm } from '../../src/query/executor.js';
import { rng } from '../_support/random.js';

test('random bags merge by (term, field mask): first-occurrence order, summed weights, expansion only if all were', () => {
  const random = rng(89);
  let repeated = 0;
  let distinct = 0;
  for (let round = 0; round < 3000; round++) {
    const n = Math.floor(random() * 14);
    const vocabulary = 1 + Math.floor(random() * 12);
    const bag: ScoringTerm[] = Array.from({ length: n }, () => {
      const t: ScoringTerm = { term: `w${Math.floor(random() * vocabulary)}`, fieldMask: 1 + Math.floor(random() * 3), weight: random() };
      return random() < 0.3 ? { ...t, expansion: true } : t;
    });
    const got = mergeTerms(bag);
    assert.ok(got !== bag, 'a new array');
    const same = (a: ScoringTerm, b: ScoringTerm): boolean => a.term === b.term && a.fieldMask === b.fieldMask;
    // Keys in order of first occurrence, each once.
    const firsts = bag.filter((t, i) => bag.findIndex((u) => same(t, u)) === i);
    assert.equal(got.map((t) => [t.term, t.fieldMask]), firsts.map((t) => [t.term, t.fieldMask]), `round ${round}: keys`);
    for (const merged of got) {
      const group = bag.filter((t) => same(t, merged));
      let sum = 0;
      for (const t of group) sum += t.weight;
      assert.ok(Math.abs(merged.weight - sum) < 1e-12, `round ${round}: weight of ${merged.term}`);
      assert.is(merged.expansion === true, group.every((t) => t.expansion === true), `round ${round}: expansion of ${merged.term}`);
    }
    if (got.length < bag.length) repeated++;
    else distinct++;
  }
  assert.ok(repeated > 500 && distinct > 500, `${repeated} bags with repeats, ${distinct} without`);
});

test.run();
