// The term dictionary: exact lookup, prefix ranges and the front-coded byte form agree with a sorted
// array (JavaScript order), across restart points and for characters where UTF-8 and UTF-16 order differ.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RESTART_INTERVAL, TermDictionary, type TermMetadataLoader } from '../../src/index/dictionary.js';
import { IndexFormatError } from '../../src/errors.js';
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

test('terms of every length and script read back exactly from the byte form', () => {
  // ASCII terms up to 64 bytes are built from their codes, longer or non-ASCII ones decoded.
  const sorted = [
    'a', 'x'.repeat(63), 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(300), 'y'.repeat(64) + 'é', 'zürich', '港口', '😀',
    '\u0001exact', '\u007f'.repeat(70),
  ].sort();
  const loaded = TermDictionary.fromBytes(TermDictionary.fromSorted(sorted.slice()).toBytes(), sorted.length);
  // term(ordinal) in both directions, then the whole list decoded.
  for (let o = sorted.length - 1; o >= 0; o--) assert.is(loaded.term(o), sorted[o]);
  for (let o = 0; o < sorted.length; o++) assert.is(loaded.term(o), sorted[o]);
  for (let o = 0; o < sorted.length; o++) assert.is(loaded.lookup(sorted[o]!), o);
  assert.equal(loaded.terms, sorted);
});

test('entry heads: one byte while shared < 15 and suffix < 16, an escape past either, exact at the edges', () => {
  // Pairs of terms, each pair with its own two-letter start, the second term sharing exactly
  // `shared` bytes with the first and adding exactly `suffix`.
  const terms: string[] = [];
  const edges: Array<[number, number]> = [];
  let n = 0;
  for (const shared of [2, 14, 15, 16, 200]) {
    for (const suffix of [1, 15, 16, 17, 300]) {
      const start = String.fromCharCode(97 + Math.floor(n / 26), 97 + (n % 26));
      n++;
      const first = start + 'm'.repeat(shared - 2);
      terms.push(first, first + 'q'.repeat(suffix));
      edges.push([shared, suffix]);
    }
  }
  const sorted = terms.slice().sort();
  // Every designed pair is consecutive in the sorted list (a group's first entry has no head, so
  // the list is checked as written: entries at odd ordinals follow their pair's first term).
  for (let i = 1; i < sorted.length; i += 2) assert.ok(sorted[i]!.startsWith(sorted[i - 1]!));
  const loaded = TermDictionary.fromBytes(TermDictionary.fromSorted(sorted.slice()).toBytes(), sorted.length);
  assert.equal(loaded.terms, sorted);
  for (let o = 0; o < sorted.length; o++) assert.is(loaded.lookup(sorted[o]!), o);
  for (let o = sorted.length - 1; o >= 0; o--) assert.is(loaded.term(o), sorted[o]);
  assert.is(edges.length * 2, sorted.length);
  // Inflections of one word: every entry after a group's first is its head byte and its suffix.
  const words = Array.from({ length: 32 }, (_, i) => `compan${String.fromCharCode(97 + (i % 26)).repeat(1 + Math.floor(i / 26))}`).sort();
  const bytes = TermDictionary.fromSorted(words.slice()).toBytes();
  let expected = 0;
  words.forEach((w, i) => {
    if (i % 16 === 0) expected += 1 + w.length;
    else {
      let shared = 0;
      while (shared < w.length && w[shared] === words[i - 1]![shared]) shared++;
      expected += 1 + w.length - shared;
    }
  });
  assert.is(bytes.length, expected);
});

test('terms holding NUL (a custom analyzer can emit one) survive the byte form, decoded whole or one by one', () => {
  // The fast paths join terms with NUL; a NUL inside a term used to shift every later term.
  const sorted = ['\u0000', '\u0000calm', 'a\u0000b', 'a\u0000c', 'ab', 'port', 'x\u0000'].sort();
  for (let extra = 0; extra < 40; extra += 13) {
    const terms = [...sorted, ...Array.from({ length: extra }, (_, i) => `w${String(i).padStart(3, '0')}`)].sort();
    const loaded = TermDictionary.fromBytes(TermDictionary.fromSorted(terms.slice()).toBytes(), terms.length);
    for (let o = 0; o < terms.length; o++) assert.is(loaded.term(o), terms[o], `term ${o}`);
    for (let o = 0; o < terms.length; o++) assert.is(loaded.lookup(terms[o]!), o);
    const whole = TermDictionary.fromBytes(TermDictionary.fromSorted(terms.slice()).toBytes(), terms.length);
    assert.equal(whole.terms, terms);
  }
});

test('remembered lookups stay right: repeats, misses, past the memo size, built and loaded alike', () => {
  const sorted = randomTerms(9, 6000);
  const index = new Map(sorted.map((t, i) => [t, i]));
  const built = TermDictionary.fromSorted(sorted.slice());
  const loaded = TermDictionary.fromBytes(built.toBytes(), sorted.length);
  const random = rng(19);
  // More distinct probes than the memo holds, each asked several times, hits and misses mixed.
  const probes = [...sorted, ...randomTerms(20, 3000)];
  for (let i = 0; i < 30_000; i++) {
    const probe = probes[Math.floor(random() * probes.length)]!;
    const want = index.get(probe) ?? -1;
    assert.is(built.lookup(probe), want, probe);
    assert.is(loaded.lookup(probe), want, probe);
    if (i === 15_000) void loaded.terms; // the rest through the decoded list
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
  // The second entry's head claims it shares 14 bytes with the first term, which has 5.
  lying[bytes[0]! + 1] = 14 * 16 + 1;
  assert.throws(() => TermDictionary.fromBytes(lying, 3), (e: unknown) => e instanceof RangeError);
});

/** A metadata source that records which groups were asked for, in order. */
function recorder(): TermMetadataLoader & { groups: number[] } {
  const groups: number[] = [];
  return { groups, loadGroup: (g) => void groups.push(g) };
}

test('byteForm gives the restart offsets a scan of the bytes finds', () => {
  const sorted = randomTerms(4, 300);
  const { bytes, restarts } = TermDictionary.fromSorted(sorted.slice()).byteForm();
  assert.is(restarts.length, Math.ceil(sorted.length / RESTART_INTERVAL));
  const scanned = TermDictionary.fromBytes(bytes, sorted.length).byteForm();
  assert.equal(scanned.restarts, restarts);
  assert.equal(TermDictionary.fromBytes(bytes, sorted.length, restarts).byteForm().bytes, bytes);
});

test('a loaded dictionary decodes metadata for exactly the groups of the ordinals it hands out, once each', () => {
  const sorted = randomTerms(5, 400);
  const { bytes, restarts } = TermDictionary.fromSorted(sorted.slice()).byteForm();
  const metadata = recorder();
  const dict = TermDictionary.fromBytes(bytes, sorted.length, restarts, { metadata });
  const groupOf = (o: number): number => Math.floor(o / RESTART_INTERVAL);
  assert.equal(metadata.groups, [], 'loading decodes nothing');
  const o = dict.lookup(sorted[100]!);
  assert.is(o, 100);
  assert.equal(metadata.groups, [groupOf(100)]);
  dict.lookup(sorted[101]!);
  dict.lookup(sorted[100]!);
  assert.equal(metadata.groups, [groupOf(100)], 'a group is decoded once');
  assert.is(dict.lookup('\uffff\uffff'), -1);
  assert.is(dict.term(350), sorted[350]);
  assert.equal(metadata.groups, [groupOf(100)], 'misses and term() hand out no ordinal');
  const lb = dict.lowerBound(sorted[200]! + '\u0000');
  assert.is(lb, 201);
  assert.ok(metadata.groups.includes(groupOf(201)));
  const [from, to] = dict.prefixRange('port');
  assert.ok(to - from > RESTART_INTERVAL, 'a range over several groups');
  for (let g = groupOf(from); g <= groupOf(to - 1); g++) assert.ok(metadata.groups.includes(g), `group ${g} of the range`);
  dict.decodeAllMetadata();
  assert.equal([...metadata.groups].sort((a, b) => a - b), Array.from({ length: restarts.length }, (_, g) => g));
  dict.decodeAllMetadata();
  assert.is(metadata.groups.length, restarts.length, 'nothing decoded twice');
  // Decoding the term list changes no answer and hands nothing out again.
  assert.equal(dict.terms, sorted);
  assert.is(dict.lookup(sorted[3]!), 3);
});

test('ordinals found through the decoded term list have their metadata decoded too', () => {
  const sorted = randomTerms(6, 200);
  const { bytes, restarts } = TermDictionary.fromSorted(sorted.slice()).byteForm();
  const metadata = recorder();
  const dict = TermDictionary.fromBytes(bytes, sorted.length, restarts, { metadata });
  void dict.terms;
  assert.is(dict.lookup(sorted[150]!), 150);
  assert.equal(metadata.groups, [Math.floor(150 / RESTART_INTERVAL)]);
});

test('restart offsets that cannot be right are refused at load with IndexFormatError', () => {
  const sorted = randomTerms(7, 100);
  const { bytes, restarts } = TermDictionary.fromSorted(sorted.slice()).byteForm();
  const refused = (r: Uint32Array, b = bytes, size = sorted.length): void =>
    assert.throws(() => TermDictionary.fromBytes(b, size, r, { part: 'terms/0' }), (e: unknown) => e instanceof IndexFormatError && e.part === 'terms/0');
  refused(restarts.subarray(1));
  const shifted = restarts.slice();
  shifted[0] = 1;
  refused(shifted);
  refused(new Uint32Array(0), bytes, 0);
});

test("a group's malformed entries are refused at first use of that group, naming the part", () => {
  const sorted = Array.from({ length: 5 * RESTART_INTERVAL }, (_, i) => `term${String(i).padStart(4, '0')}`);
  const { bytes, restarts } = TermDictionary.fromSorted(sorted.slice()).byteForm();
  const bad = bytes.slice();
  // The second entry of group 2 claims a suffix running past the group: an escaped head, sharing 0
  // bytes and adding 127.
  const at = restarts[2]!;
  const second = at + 1 + bad[at]!; // after the restart entry (length byte + bytes)
  bad[second] = 0xff;
  bad[second + 1] = 0;
  bad[second + 2] = 0x7f;
  const broken = (): TermDictionary => TermDictionary.fromBytes(bad, sorted.length, restarts, { part: 'section:terms/0', metadata: recorder() });
  const isFormat = (e: unknown): boolean => e instanceof IndexFormatError && e.part === 'section:terms/0';
  const dict = broken();
  assert.is(dict.lookup(sorted[3]!), 3, 'other groups still answer');
  assert.is(dict.lookup(sorted[4 * RESTART_INTERVAL]!), 4 * RESTART_INTERVAL);
  assert.throws(() => dict.lookup(sorted[2 * RESTART_INTERVAL + 5]!), isFormat);
  assert.throws(() => broken().term(2 * RESTART_INTERVAL + 3), isFormat);
  assert.throws(() => broken().prefixRange('term00'), isFormat);
  assert.throws(() => broken().decodeAllMetadata(), isFormat);
  assert.throws(() => broken().terms, isFormat);
  // A restart offset out of order is refused when its group is first read.
  const swapped = restarts.slice();
  swapped[3] = restarts[2]!;
  assert.throws(() => TermDictionary.fromBytes(bytes, sorted.length, swapped, { part: 'section:terms/0' }).lookup(sorted[2 * RESTART_INTERVAL + 1]!), isFormat);
  const past = restarts.slice();
  past[4] = bytes.length + 10;
  assert.throws(() => TermDictionary.fromBytes(bytes, sorted.length, past, { part: 'section:terms/0' }).lookup('term9999'), isFormat);
});

test.run();
