// Phrase frequency as the evaluator computes it (one walk per list at slop 0, windows otherwise)
// equals its definition, checked by brute force over random position lists: some position q_i of
// every term i with max(q_i − offset_i) − min(q_i − offset_i) ≤ slop, counted per first-term position.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pairFrequency, phraseFrequency, phraseFrequencyIn } from '../../src/query/phrase-match.js';
import { rng } from '../_support/random.js';

/** Ascending distinct positions in [0, span), each present with probability `density`. */
function positions(random: () => number, span: number, density: number): number[] {
  const out: number[] = [];
  for (let p = 0; p < span; p++) if (random() < density) out.push(p);
  return out;
}

/** The definition, by trying every choice of one position per term (lists are short). */
function bruteFrequency(lists: readonly (readonly number[])[], offsets: readonly number[], slop: number): number {
  let freq = 0;
  for (const anchor of lists[0]!) {
    const chosen = [anchor - offsets[0]!];
    const fits = (i: number): boolean => {
      if (i === lists.length) return Math.max(...chosen) - Math.min(...chosen) <= slop;
      for (const q of lists[i]!) {
        chosen.push(q - offsets[i]!);
        const ok = fits(i + 1);
        chosen.pop();
        if (ok) return true;
      }
      return false;
    };
    if (fits(1)) freq++;
  }
  return freq;
}

test('exact and sloppy phrase frequencies equal the definition', () => {
  const random = rng(71);
  let matched = 0;
  for (let round = 0; round < 2000; round++) {
    const terms = 2 + Math.floor(random() * 3);
    const span = 4 + Math.floor(random() * 40);
    const density = 0.1 + random() * 0.6;
    const lists = Array.from({ length: terms }, () => positions(random, span, density));
    // Offsets as the parser makes them (ascending, gaps where stop words stood), sometimes not.
    const offsets: number[] = [];
    let offset = Math.floor(random() * 2);
    for (let i = 0; i < terms; i++) {
      offsets.push(offset);
      offset += random() < 0.2 ? 2 : 1;
    }
    if (random() < 0.15) offsets.reverse();
    const slop = random() < 0.6 ? 0 : Math.floor(random() * 4);
    const expected = bruteFrequency(lists, offsets, slop);
    if (expected > 0) matched++;
    assert.is(phraseFrequency(lists, offsets, slop), expected, `round ${round}: ${JSON.stringify({ lists, offsets, slop })}`);
  }
  // Both outcomes are common, so neither a constant 0 nor "always matches" passes.
  assert.ok(matched > 400 && matched < 1600, `matched ${matched}`);
});

test('frequencies over slices of shared arrays read only their slices', () => {
  const random = rng(72);
  for (let round = 0; round < 1000; round++) {
    const terms = 2 + Math.floor(random() * 2);
    const lists = Array.from({ length: terms }, () => positions(random, 30, 0.3));
    const offsets = Array.from({ length: terms }, (_, i) => i);
    // Each list inside a larger array, between positions that would match if read.
    const padded = lists.map((list) => Int32Array.from([...list.map((p) => p - 1), ...list, ...list.map((p) => p + 1)]));
    const starts = Int32Array.from(lists, (list) => list.length);
    const ends = Int32Array.from(lists, (list) => 2 * list.length);
    assert.is(phraseFrequencyIn(padded, starts, ends, offsets, 0), bruteFrequency(lists, offsets, 0), `round ${round}`);
    if (terms === 2) {
      const a = padded[0]!;
      const b = padded[1]!;
      assert.is(pairFrequency(a, starts[0]!, ends[0]!, b, starts[1]!, ends[1]!, 1), bruteFrequency(lists, [0, 1], 0), `pair ${round}`);
    }
  }
});

test('a pair with any shift counts the first word positions whose partner stands shift later', () => {
  const a = Int32Array.of(1, 4, 9, 12);
  const b = Int32Array.of(2, 5, 7, 11, 13);
  assert.is(pairFrequency(a, 0, 4, b, 0, 5, 1), 3); // 1 → 2, 4 → 5, 12 → 13
  assert.is(pairFrequency(a, 0, 4, b, 0, 5, -2), 2); // 4 → 2, 9 → 7
  assert.is(pairFrequency(a, 0, 4, b, 0, 5, 0), 0);
  assert.is(pairFrequency(a, 0, 4, b, 0, 0, 1), 0);
  assert.is(pairFrequency(a, 1, 3, b, 0, 5, 1), 1); // 4 → 5 (9 → 10 is not there)
});

test.run();
