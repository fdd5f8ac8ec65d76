// Fuzzy matching against brute force: bounded OSA distance equals the full Damerau (OSA) DP, and the
// trie walk over a sorted vocabulary returns exactly a brute-force filter, with bounded work.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { autoFuzziness, editDistanceWithin, fuzzyExpand, type FuzzyMatch, type FuzzyStats } from '../../src/query/fuzzy.js';
import { InvalidOptionError } from '../../src/errors.js';
import { rng } from '../_support/random.js';

/** Textbook full-matrix optimal string alignment distance over code points. */
function osa(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const d: number[][] = [];
  for (let i = 0; i <= s.length; i++) {
    d.push([]);
    for (let j = 0; j <= t.length; j++) {
      if (i === 0 || j === 0) {
        d[i]![j] = i + j;
        continue;
      }
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[s.length]![t.length]!;
}

/** What fuzzyExpand must return: filter, sort by (distance, ordinal), cap. */
function bruteExpand(terms: readonly string[], query: string, maxEdits: number, prefixLength: number, cap: number): FuzzyMatch[] {
  const prefix = Array.from(query).slice(0, prefixLength).join('');
  const out: FuzzyMatch[] = [];
  terms.forEach((term, ordinal) => {
    if (!term.startsWith(prefix)) return;
    const distance = osa(term, query);
    if (distance <= maxEdits) out.push({ term, ordinal, distance });
  });
  out.sort((x, y) => x.distance - y.distance || x.ordinal - y.ordinal);
  return out.slice(0, cap);
}

const sortedDistinct = (words: string[]): string[] => [...new Set(words)].sort();

// A small alphabet makes near misses common. Astral letters, a lone surrogate and U+FB00 (which sorts
// after surrogates in UTF-16 order but before them by code point) test code points and sort order.
const letter = fc.constantFrom('a', 'b', 'c', 'd', 'é', '\uFB00', '😀', '𝒳', '\uD800');
const word = fc.array(letter, { maxLength: 8 }).map((cs) => cs.join(''));

test('AUTO: 0 edits up to 2 code points, 1 up to 5, 2 beyond', () => {
  assert.is(autoFuzziness(''), 0);
  assert.is(autoFuzziness('ab'), 0);
  assert.is(autoFuzziness('abc'), 1);
  assert.is(autoFuzziness('abcde'), 1);
  assert.is(autoFuzziness('abcdef'), 2);
  assert.is(autoFuzziness('qingdao'), 2);
  // Two astral code points are four UTF-16 units but two characters.
  assert.is(autoFuzziness('😀😀'), 0);
  assert.is(autoFuzziness('😀😀😀'), 1);
});

test('a transposition of adjacent letters is one edit', () => {
  assert.is(editDistanceWithin('qingdoa', 'qingdao', 2), 1);
  assert.is(editDistanceWithin('ab', 'ba', 1), 1);
  assert.is(editDistanceWithin('teh', 'the', 1), 1);
  // OSA does not edit a substring twice: ca → abc is 3, not 2 as with unrestricted Damerau.
  assert.is(editDistanceWithin('ca', 'abc', 2), 3);
});

test('distance is capped at max + 1', () => {
  assert.is(editDistanceWithin('kitten', 'sitting', 2), 3);
  assert.is(editDistanceWithin('kitten', 'sitten', 2), 1);
  assert.is(editDistanceWithin('abc', 'abc', 0), 0);
  assert.is(editDistanceWithin('abc', 'abd', 0), 1);
  assert.is(editDistanceWithin('', 'ab', 2), 2);
  assert.is(editDistanceWithin('', 'abc', 2), 3);
});

test('counts code points: an emoji substituted is one edit', () => {
  assert.is(editDistanceWithin('a😀b', 'a😃b', 1), 1);
  assert.is(editDistanceWithin('😀', '', 1), 1);
});

test('max above 2 or not an integer is rejected', () => {
  for (const max of [3, -1, 1.5, Number.NaN]) {
    try {
      editDistanceWithin('a', 'b', max);
      assert.unreachable(`max ${max} accepted`);
    } catch (e) {
      assert.instance(e, InvalidOptionError);
      assert.is((e as InvalidOptionError).option, 'fuzziness');
    }
  }
});

test('property: editDistanceWithin equals min(full OSA DP, max + 1)', () => {
  fc.assert(
    fc.property(word, word, fc.constantFrom(0, 1, 2), (a, b, max) => {
      assert.is(editDistanceWithin(a, b, max), Math.min(osa(a, b), max + 1));
    }),
    { numRuns: 3000 },
  );
});

test('property: fuzzyExpand equals a brute-force filter over a sorted vocabulary', () => {
  fc.assert(
    fc.property(
      fc.array(word, { maxLength: 60 }),
      word,
      fc.constantFrom<0 | 1 | 2>(0, 1, 2),
      fc.nat({ max: 3 }),
      fc.integer({ min: 1, max: 12 }),
      (words, query, maxEdits, prefixLength, maxExpansions) => {
        const terms = sortedDistinct(words);
        const got = fuzzyExpand(terms, query, { maxEdits, prefixLength, maxExpansions });
        assert.equal(got, bruteExpand(terms, query, maxEdits, prefixLength, maxExpansions));
      },
    ),
    { numRuns: 2000 },
  );
});

test('property: with the default cap, everything within the budget is found', () => {
  fc.assert(
    fc.property(fc.array(word, { maxLength: 40 }), fc.constantFrom<1 | 2>(1, 2), (words, maxEdits) => {
      const terms = sortedDistinct(words);
      for (const query of terms.slice(0, 3)) {
        assert.equal(fuzzyExpand(terms, query, { maxEdits }), bruteExpand(terms, query, maxEdits, 0, 50));
      }
    }),
    { numRuns: 500 },
  );
});

test('property: dense vocabularies, where most nodes end at the budget, match brute force', () => {
  // Hundreds of short words over three letters: nearly every prefix exists, so a walk reaches many
  // nodes whose row is exactly at the budget and completes them by lookup instead of walking down.
  const letters3 = fc.constantFrom('a', 'b', 'c');
  const short = fc.array(letters3, { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
  fc.assert(
    fc.property(
      fc.array(short, { minLength: 100, maxLength: 400 }),
      fc.array(letters3, { maxLength: 7 }).map((cs) => cs.join('')),
      fc.constantFrom<0 | 1 | 2>(0, 1, 2),
      fc.nat({ max: 2 }),
      fc.constantFrom(3, 1000),
      (words, query, maxEdits, prefixLength, maxExpansions) => {
        const terms = sortedDistinct(words);
        assert.equal(fuzzyExpand(terms, query, { maxEdits, prefixLength, maxExpansions }), bruteExpand(terms, query, maxEdits, prefixLength, maxExpansions));
      },
    ),
    { numRuns: 300 },
  );
});

test('completions at the budget: a swap of the first two letters, a first letter replaced, added or dropped', () => {
  const terms = sortedDistinct(['bacon', 'acon', 'xbcon', 'xabcon', 'abcon', 'bcon', 'abcxn', 'cabon']);
  const got = fuzzyExpand(terms, 'abcon', { maxEdits: 1, maxExpansions: 100 });
  assert.equal(got.map((m) => [m.term, m.distance]), [
    ['abcon', 0],
    ['abcxn', 1],
    ['acon', 1],
    ['bacon', 1],
    ['bcon', 1],
    ['xabcon', 1],
    ['xbcon', 1],
  ]);
  assert.equal(got, bruteExpand(terms, 'abcon', 1, 0, 100));
  // Non-BMP letters in the completion: the lookup compares UTF-16 units as the list is sorted.
  const astral = sortedDistinct(['😀b', 'b😀', '😀', 'a😀b', '𝒳😀b']);
  assert.equal(fuzzyExpand(astral, '😀b', { maxEdits: 1 }), bruteExpand(astral, '😀b', 1, 0, 50));
});

test('closest first, then in vocabulary order', () => {
  const terms = ['qingda', 'qingdao', 'qingdaoo', 'qingdoa', 'xingdao'];
  assert.equal(
    fuzzyExpand(terms, 'qingdao', { maxEdits: 1 }).map((m) => [m.term, m.ordinal, m.distance]),
    [
      ['qingdao', 1, 0],
      ['qingda', 0, 1],
      ['qingdaoo', 2, 1],
      ['qingdoa', 3, 1],
      ['xingdao', 4, 1],
    ],
  );
});

test('prefixLength requires the first code points to match exactly', () => {
  const terms = ['bingdao', 'qimgdao', 'qingdao', 'qingdoa'];
  assert.equal(fuzzyExpand(terms, 'qingdao', { maxEdits: 1, prefixLength: 3 }).map((m) => m.term), ['qingdao', 'qingdoa']);
  assert.equal(fuzzyExpand(terms, 'qingdao', { maxEdits: 1, prefixLength: 1 }).map((m) => m.term), ['qingdao', 'qimgdao', 'qingdoa']);
  // A prefix longer than the query is the whole query.
  assert.equal(fuzzyExpand(terms, 'qi', { maxEdits: 2, prefixLength: 5 }).map((m) => m.term), []);
  assert.equal(fuzzyExpand(['qi', 'qin', 'xi'], 'qi', { maxEdits: 1, prefixLength: 5 }).map((m) => m.term), ['qi', 'qin']);
});

test('maxExpansions keeps the closest ones', () => {
  const terms = ['aaa', 'aab', 'abb', 'bbb', 'baa'].sort();
  const all = fuzzyExpand(terms, 'aaa', { maxEdits: 2 });
  assert.equal(all.map((m) => [m.term, m.distance]), [['aaa', 0], ['aab', 1], ['baa', 1], ['abb', 2]]);
  assert.equal(fuzzyExpand(terms, 'aaa', { maxEdits: 2, maxExpansions: 2 }).map((m) => m.term), ['aaa', 'aab']);
  assert.equal(fuzzyExpand(terms, 'aaa', { maxEdits: 2, maxExpansions: 3 }).map((m) => m.term), ['aaa', 'aab', 'baa']);
  assert.equal(fuzzyExpand(terms, 'aaa', { maxEdits: 2, maxExpansions: 0 }), []);
});

test('invalid options are rejected with the option named', () => {
  const cases: [Parameters<typeof fuzzyExpand>[2], string][] = [
    [{ maxEdits: 3 as 2 }, 'maxEdits'],
    [{ maxEdits: 1, prefixLength: -1 }, 'prefixLength'],
    [{ maxEdits: 1, maxExpansions: 1.5 }, 'maxExpansions'],
  ];
  for (const [options, option] of cases) {
    try {
      fuzzyExpand(['a'], 'a', options);
      assert.unreachable(`${option} accepted`);
    } catch (e) {
      assert.instance(e, InvalidOptionError);
      assert.is((e as InvalidOptionError).option, option);
    }
  }
});

test('a 200k-term vocabulary: one expansion visits a small fraction of the terms', () => {
  const random = rng(7);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const words = new Set<string>();
  while (words.size < 200_000) {
    const n = 3 + Math.floor(random() * 8);
    let w = '';
    for (let i = 0; i < n; i++) w += letters[Math.floor(random() * 26)];
    words.add(w);
  }
  const terms = [...words].sort();
  // Bounds on work, not time. Uniform random words are the hard case for two edits: every 2-letter
  // prefix is within budget, so the walk must open all of them (about 15% of terms visited here).
  const cases = [
    ['qingdao', 2, terms.length / 5, terms.length / 10],
    ['harbour', 2, terms.length / 5, terms.length / 10],
    ['qingdao', 1, terms.length / 100, terms.length / 200],
    ['port', 1, terms.length / 100, terms.length / 200],
    ['qingdao', 0, 30, 10],
  ] as const;
  for (const [query, maxEdits, maxVisited, maxRows] of cases) {
    const stats: FuzzyStats = { termsVisited: 0, rowsComputed: 0, rangesSkipped: 0 };
    const got = fuzzyExpand(terms, query, { maxEdits, maxExpansions: 1000, stats });
    assert.equal(got, bruteExpand(terms, query, maxEdits, 0, 1000), query);
    assert.ok(stats.termsVisited < maxVisited, `${query}~${maxEdits}: visited ${stats.termsVisited}`);
    assert.ok(stats.rowsComputed < maxRows, `${query}~${maxEdits}: rows ${stats.rowsComputed}`);
    assert.ok(stats.rangesSkipped > 0);
  }
});

test('a small cap shrinks the budget: a short query stops early', () => {
  const terms = sortedDistinct(Array.from({ length: 5000 }, (_, i) => `a${i.toString(36)}`));
  const capped: FuzzyStats = { termsVisited: 0, rowsComputed: 0, rangesSkipped: 0 };
  const full: FuzzyStats = { termsVisited: 0, rowsComputed: 0, rangesSkipped: 0 };
  const got = fuzzyExpand(terms, 'a1', { maxEdits: 2, maxExpansions: 5, stats: capped });
  fuzzyExpand(terms, 'a1', { maxEdits: 2, maxExpansions: 100_000, stats: full });
  assert.equal(got, bruteExpand(terms, 'a1', 2, 0, 5));
  assert.ok(capped.termsVisited < full.termsVisited / 2, `${capped.termsVisited} vs ${full.termsVisited}`);
});

test.run();
