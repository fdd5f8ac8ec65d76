// sortTerms orders a flush's terms exactly as JavaScript's `<` does (UTF-16 code units), carrying
// each term's id along.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { sortTerms } from '../../src/index/sort-terms.js';
import { rng } from '../_support/random.js';

function check(words: string[]): void {
  const names = words.slice();
  const ids = Int32Array.from(words, (_, i) => i * 3 + 1);
  sortTerms(names, ids);
  const expected = words.map((w, i) => [w, i * 3 + 1] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  assert.equal(names, expected.map((e) => e[0]));
  // Each id travels with its term (equal terms may come in either order).
  for (let i = 0; i < names.length; i++) assert.is(words[(ids[i]! - 1) / 3], names[i]);
}

// Surrogate halves, U+FFFF and U+FB00 make code-unit order differ from code-point order; shared
// prefixes and prefixes of each other exercise the deeper partitions and the end-of-term unit.
const unit = fc.constantFrom('a', 'b', 'ab', 'é', '\uFB00', '\uFFFF', '😀', '\uD800', '\uDC00', '\u0001', '0');
const term = fc.array(unit, { maxLength: 10 }).map((parts) => parts.join(''));

test('property: the order of Array.prototype.sort, ids alongside', () => {
  fc.assert(fc.property(fc.array(term, { maxLength: 200 }), (words) => check(words)), { numRuns: 1500 });
});

test('a large vocabulary with long shared prefixes, duplicates and one-unit terms', () => {
  const random = rng(11);
  const words: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const n = 1 + Math.floor(random() * 12);
    let w = random() < 0.3 ? 'internationalisation' : '';
    for (let j = 0; j < n; j++) w += 'abcdefgh'[Math.floor(random() * 8)];
    words.push(w);
  }
  for (let i = 0; i < 500; i++) words.push('x'.repeat(1 + (i % 90)));
  check(words);
});

test('empty, one and all-equal lists', () => {
  check([]);
  check(['only']);
  check(Array.from({ length: 100 }, () => 'same'));
  check(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? '' : 'z')));
  // Each term a prefix of the next, shuffled: deeper than the recursion budget (comparison fallback).
  const random = rng(3);
  const chain = Array.from({ length: 300 }, (_, i) => 'a'.repeat(i + 1) + (i % 3 === 0 ? 'b' : ''));
  for (let i = chain.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [chain[i], chain[j]] = [chain[j]!, chain[i]!];
  }
  check(chain);
});

test.run();
