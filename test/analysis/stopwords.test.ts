// Specification of the English stop list and the stop filter.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ENGLISH_STOP_WORDS, stopFilter } from '../../src/analysis/stopwords.js';

test('the list holds the common English function words', () => {
  for (const w of ['a', 'an', 'and', 'the', 'of', 'to', 'in', 'is', 'was', 'that', 'with', 'from', 'has', 'its']) {
    assert.ok(ENGLISH_STOP_WORDS.has(w), w);
  }
});

test('words that are content in news are not stop words', () => {
  // us ← U.S.; may ← the month; will ← a name and a noun; new ← New York; who ← WHO; can ← a noun.
  for (const w of ['us', 'may', 'will', 'new', 'who', 'can', 'year', 'march', 'port']) {
    assert.not.ok(ENGLISH_STOP_WORDS.has(w), w);
  }
});

test('every entry is already normalised: lower-case ASCII letters', () => {
  for (const w of ENGLISH_STOP_WORDS) assert.match(w, /^[a-z]+$/);
  // Lucene's 33 plus ordinary function words and reporting verbs: chosen by evaluation (README).
  assert.ok(ENGLISH_STOP_WORDS.size >= 33 && ENGLISH_STOP_WORDS.size <= 200);
  for (const w of ['said', 'says', 'about', 'also', 'we', 'you']) assert.ok(ENGLISH_STOP_WORDS.has(w), w);
});

test('stopFilter drops members (null) and passes other terms through unchanged', () => {
  const filter = stopFilter(ENGLISH_STOP_WORDS);
  assert.is(filter('the'), null);
  assert.is(filter('and'), null);
  assert.is(filter('cocoa'), 'cocoa');
  assert.is(filter('us'), 'us');
  assert.is(filter(''), '');
});

test('stopFilter expects normalised input: it does not fold case itself', () => {
  assert.is(stopFilter(ENGLISH_STOP_WORDS)('The'), 'The');
});

test('stopFilter works with any set, including an empty one', () => {
  const filter = stopFilter(new Set(['der', 'die', 'das']));
  assert.is(filter('die'), null);
  assert.is(filter('the'), 'the');
  assert.is(stopFilter(new Set())('the'), 'the');
});

test.run();
