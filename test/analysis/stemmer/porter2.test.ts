// Specifies the Snowball 3 English (Porter2) stemmer: the full Snowball reference vocabulary (when
// /work/shared is present), hand-picked cases that run anywhere, and properties over random words.
// Timing is measured elsewhere, never asserted here.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { stem } from '../../../src/analysis/stemmer/porter2.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const vocabularyFile = path.resolve(root, '..', 'shared', 'corpora', 'stemmer', 'english.tsv');

const vocabulary = suite('porter2: Snowball 3 reference vocabulary');

vocabulary('stems every word of english.tsv exactly as Snowball 3 does', () => {
  if (!existsSync(vocabularyFile)) {
    console.log(`porter2: ${vocabularyFile} not found, skipping the reference vocabulary test`);
    return;
  }
  const lines = readFileSync(vocabularyFile, 'utf8').split('\n');
  const failures: string[] = [];
  let pairs = 0;
  for (const line of lines) {
    if (line === '') continue;
    const tab = line.indexOf('\t');
    const word = line.slice(0, tab);
    const expected = line.slice(tab + 1);
    pairs++;
    const actual = stem(word);
    if (actual !== expected) failures.push(`${word}: expected ${expected}, got ${actual}`);
  }
  assert.is(pairs, 42649, 'the Snowball 3 vocabulary has 42,649 pairs');
  assert.equal(failures.slice(0, 50), [], `${failures.length} words differ`);
});

const handCases = suite('porter2: hand cases');

const cases: ReadonlyArray<readonly [word: string, expected: string, why: string]> = [
  ["there's", 'there', "possessive 's is dropped"],
  ["dogs'", 'dog', "plural possessive s' is dropped, then the plural s"],
  ["'s'", 's', 'a leading apostrophe is dropped before the rules run'],
  ['generously', 'generous', 'the gener- prefix keeps R1 after it'],
  ['dying', 'die', 'consonant + ying is a Snowball 3 rule (was an exception)'],
  ['hying', 'hie', 'same rule as dying'],
  ['news', 'news', 'invariant exceptional form'],
  ['skies', 'sky', 'exceptional form'],
  ['skis', 'ski', 'exceptional form'],
  ['only', 'onli', 'special -ly form'],
  ['consign', 'consign', 'nothing to remove'],
  ['consigned', 'consign', '-ed removed'],
  ['consignment', 'consign', '-ment removed in R2'],
  ['caresses', 'caress', '-sses → -ss'],
  ['cries', 'cri', '-ies after two letters → -i'],
  ['ties', 'tie', '-ies after one letter → -ie'],
  ['gas', 'gas', 'no vowel before the letter preceding s'],
  ['gaps', 'gap', 'plural s removed'],
  ['hoped', 'hope', 'short syllable gets its e back'],
  ['hopping', 'hop', 'double consonant undoubled'],
  ['says', 'say', 'y after a vowel is a consonant'],
  ['added', 'add', 'Snowball 3: a/e/o + double consonant stays doubled'],
  ['offing', 'off', 'Snowball 3: a/e/o + double consonant stays doubled'],
  ['evening', 'evening', 'Snowball 3: -ing kept on inning, outing, evening...'],
  ['proceed', 'proceed', 'Snowball 3: proceed, exceed, succeed keep -eed'],
  ['pasted', 'paste', "Snowball 3: 'past' counts as a short syllable"],
  ['geologist', 'geolog', 'Snowball 3: -ogist → -og'],
  ['university', 'universiti', 'Snowball 3: univers- prefix'],
  ['international', 'internat', 'Snowball 3: inter- prefix'],
  ['emergency', 'emergenc', 'Snowball 3: emerg- prefix'],
  ['a', 'a', 'one letter: left alone'],
  ['ox', 'ox', 'two letters: left alone'],
  ['', '', 'empty string: left alone'],
  ['1990s', '1990s', 'digits are non-vowels, so no vowel licenses removing the s'],
  ['mp3s', 'mp3s', 'digits are non-vowels'],
  ['covid19', 'covid19', 'digits are non-vowels'],
  ['cafés', 'café', 'é is a non-vowel, the plural s still goes'],
  ['naïvely', 'naïv', 'ï is a non-vowel'],
  ['\u{1F600}ies', '\u{1F600}ie', 'an astral char counts as one char, as with ties → tie'],
  ['xxies', 'xxi', 'two chars before -ies give -i'],
];

for (const [word, expected, why] of cases) {
  handCases(`${JSON.stringify(word)} → ${JSON.stringify(expected)} (${why})`, () => {
    assert.is(stem(word), expected);
  });
}

const properties = suite('porter2: properties');

// Fragments that trigger the rules, so random words reach every step, not just plain letters.
const fragments = (
  'a e i o u y b c d l m n p r s t w x z ing ed ly ies ied ying eed eedly edly ingly ational tional ' +
  'biliti bli abli enci ency ably ization izer ator alism fulness ousness iveness ogist ogi logy li ' +
  'ic ical icate iciti alize ative ful ness al ance ence er able ible ant ement ment ent ism ate iti ' +
  "ous ive ize ion sses ss us past gener inter commun ' 's"
).split(' ');
const lowercaseWord = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), maxLength: 20 });
const ruleWord = fc.array(fc.constantFrom(...fragments), { maxLength: 6 }).map((parts) => parts.join(''));
const lettersWord = fc.oneof(lowercaseWord, ruleWord.filter((word) => !word.includes("'")));

/** Length of the longest common prefix of a and b. */
function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

properties('a lowercase word stems to lowercase letters, never longer than the word', () => {
  fc.assert(
    fc.property(lettersWord, (word) => {
      const result = stem(word);
      assert.ok(/^[a-z]*$/.test(result), `${word} → ${result}`);
      assert.ok(result.length <= word.length, `${word} → ${result}`);
    }),
    { numRuns: 5000 },
  );
});

properties('the stem is a prefix of the word plus at most two rewritten trailing letters', () => {
  // The rewrites are y→i and suffix swaps such as -ency → -ence, -bility → -ble, -ying → -ie.
  fc.assert(
    fc.property(lettersWord, (word) => {
      const result = stem(word);
      assert.ok(result.length - commonPrefixLength(result, word) <= 2, `${word} → ${result}`);
    }),
    { numRuns: 5000 },
  );
});

properties('words of fewer than three letters come back unchanged', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 2 }), (word) => {
      assert.is(stem(word), word);
    }),
  );
});

properties('never throws on arbitrary Unicode, lone surrogates or apostrophes included', () => {
  const anyWord = fc.oneof(fc.string({ unit: 'binary', maxLength: 24 }), ruleWord);
  fc.assert(
    fc.property(anyWord, (word) => {
      assert.type(stem(word), 'string');
    }),
    { numRuns: 5000 },
  );
});

properties('a stem does not depend on the words stemmed before it', () => {
  // stem() keeps scratch state between calls; interleaving must not leak it.
  fc.assert(
    fc.property(ruleWord, ruleWord, (first, second) => {
      const alone = stem(second);
      stem(first);
      assert.is(stem(second), alone);
    }),
  );
});

vocabulary.run();
handCases.run();
properties.run();
