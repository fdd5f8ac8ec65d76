// The term dictionary: exact lookup, prefix ranges and the front-coded byte form agree with a sorted
// array (JavaScript order), across restart points and for characters where UTF-8 and UTF-16 order differ.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RESTART_INTERVAL, TermDictionary } from '../../src/index/dictionary.js';
import { rng } from '../_support/random.js';

const terms = ['__proto__', 'constructor', 'port', 'portal', 'porter', 'ports', 'qingdao', 'zürich', '港口'].sort();

test('lookup finds every term and only those', () => {
  const dict = TermDictionary.fromSorted(terms.slice());
  terms.forEach((t, i) => assert.is(dict.lookup(t), i));
  for (const missing of ['', 'a', 'por', 'portz', 'zzz', 'toString', 'hasOwnProperty']) assert.is(dict.lookup(missing), -1);
});

test('prefixRange returns exactly the terms with the prefix', () => {
  const dict = TermDictionary.fromSorted(terms.slice());
  const [from, to] = dict.prefixRange('port');
  assert.equal(dict.terms.slice(from, to), ['port', 'portal', 'porter', 'ports']);
  const [a, b] = dict.prefixRange('x');
  assert.is(b - a, 0);
});

test('the byte form decodes to the same dictionary', () => {
  const dict = TermDictionary.fromSorted(terms.slice());
  const loaded = TermDictionary.fromBytes(dict.toBytes(), terms.length);
  assert.equal(loaded.terms, terms);
  assert.is(loaded.lookup('港口'), terms.indexOf('港口'));
  assert.equal(TermDictionary.fromBytes(TermDictionary.fromSorted([]).toBytes(), 0).terms, []);
});

/** Random terms over an alphabet mixing ASCII, Latin, CJK, U+E000+ and astral characters. */
function randomTerms(seed: number, count: number): string[] {
  const random = rng(seed);
  const alphabet = ['a', 'b', 'c', 'p', 'o', 'r', 't', 's', '\u0001', '\u0002', 'é', 'ü', '港', '口', '\ue000', '\uffee', '😀', '𝔘', '0', '-'];
  const set = new Set<string>();
  while (set.size < count) {
    // Shared stems make front coding do real work.
    const stem = ['port', 'tra', 'é', '港', ''][Math.floor(random() * 5)]!;
    let t = stem;
    const n = Math.floor(random() * 6);
    for (let i = 0; i < n; i++) t += alphabet[Math.floor(random() * alphabet.length)]!;
    if (t !== '') set.add(t);
  }
  return [...set].sort();
}

test('a loaded dictionary answers like the sorted array: lookup, lowerBound, prefixRange, term', () => {
  for (const seed of [1, 2, 3]) {
    const sorted = randomTerms(seed, 700);
    const built = TermDictionary.fromSorted(sorted.slice());
    const bytes = built.toBytes();
    // Front coding pays: fewer bytes than the terms joined.
    assert.ok(bytes.length < new TextEncoder().encode(sorted.join('\u0000')).length);
    const loaded = TermDictionary.fromBytes(bytes, sorted.length);
    const random = rng(seed + 100);
    const probes = [...sorted, ...randomTerms(seed + 50, 300), '', 'p', 'port', '\uffff', '😀😀', '\ud83d'];
    for (let i = 0; i < probes.length; i++) {
      const probe = probes[Math.floor(random() * probes.length)]!;
      assert.is(loaded.lookup(probe), built.lookup(probe), `lookup ${JSON.stringify(probe)}`);
      assert.is(loaded.lowerBound(probe), built.lowerBound(probe), `lowerBound ${JSON.stringify(probe)}`);
      const prefix = probe.slice(0, 1 + Math.floor(random() * 3));
      assert.equal(loaded.prefixRange(prefix), built.prefixRange(prefix), `prefixRange ${JSON.stringify(prefix)}`);
    }
    // term(ordinal) in random order crosses restart points both ways.
    for (let i = 0; i < 500; i++) {
      const o = Math.floor(random() * sorted.length);
      assert.is(loaded.term(o), sorted[o]);
    }
    assert.equal(loaded.terms, sorted);
    // Once the full list is decoded, answers stay the same.
    for (const probe of sorted.slice(0, 50)) assert.is(loaded.lookup(probe), sorted.indexOf(probe));
  }
});

test('restart points fall every RESTART_INTERVAL terms, whatever the count', () => {
  for (const count of [1, RESTART_INTERVAL - 1, RESTART_INTERVAL, RESTART_INTERVAL + 1, 5 * RESTART_INTERVAL]) {
    const sorted = Array.from({ length: count }, (_, i) => `term${String(i).padStart(4, '0')}`);
    const loaded = TermDictionary.fromBytes(TermDictionary.fromSorted(sorted).toBytes(), count);
    sorted.forEach((t, i) => assert.is(loaded.lookup(t), i));
    assert.is(loaded.lookup('term9999'), -1);
    assert.is(loaded.lowerBound('zzz'), count);
  }
});

test('malformed byte forms are refused with RangeError', () => {
  const bytes = TermDictionary.fromSorted(['alpha', 'alpine', 'beta']).toBytes();
  assert.throws(() => TermDictionary.fromBytes(bytes.subarray(0, bytes.length - 2), 3), (e: unknown) => e instanceof RangeError);
  assert.throws(() => TermDictionary.fromBytes(bytes, 4), (e: unknown) => e instanceof RangeError);
  assert.throws(() => TermDictionary.fromBytes(bytes, 2), (e: unknown) => e instanceof RangeError);
  const lying = bytes.slice();
  // The second entry claims to share more bytes than the first term has.
  lying[bytes[0]! + 1] = 60;
  assert.throws(() => TermDictionary.fromBytes(lying, 3), (e: unknown) => e instanceof RangeError);
});

test.run();
