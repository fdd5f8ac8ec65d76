// mergeTerms: one scoring term per (term, field mask), weights summed, first occurrences in order,
// a term that is also a literal word losing its expansion flag. Its no-repeat shortcut must agree.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mergeTerms } from '../../src/query/planner.js';
import type { ScoringTerm } from '../../src/query/executor.js';
import { rng } from '../_support/random.js';

/** The definition, spelled out with a map. */
function reference(terms: readonly ScoringTerm[]): ScoringTerm[] {
  const byKey = new Map<string, ScoringTerm>();
  for (const t of terms) {
    const key = `${t.fieldMask}:${t.term}`;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, t);
    else if (seen.expansion === true && t.expansion === true) byKey.set(key, { term: t.term, fieldMask: t.fieldMask, weight: seen.weight + t.weight, expansion: true });
    else byKey.set(key, { term: t.term, fieldMask: t.fieldMask, weight: seen.weight + t.weight });
  }
  return [...byKey.values()];
}

test('random bags, short and long, with and without repeats, merge as defined', () => {
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
    const expected = reference(bag);
    assert.equal(got, expected, `round ${round}`);
    if (got.length < bag.length) repeated++;
    else distinct++;
    // The result is a new array: callers may not share the bag.
    assert.ok(got !== bag);
  }
  assert.ok(repeated > 500 && distinct > 500, `${repeated} bags with repeats, ${distinct} without`);
});

test.run();
