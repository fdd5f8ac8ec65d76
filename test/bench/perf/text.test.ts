// Plain words: the words every engine tokenizes the same way, and when two of them form a phrase.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { forEachPlainWord, plainWords } from '../../../bench/perf/text.js';

test('plain words are lower-cased ASCII letter runs of 3 to 20 characters', () => {
  assert.equal(plainWords('Port STRIKE at Qingdao'), ['port', 'strike', 'qingdao']);
  assert.equal(plainWords('an ox is ok'), []);
  assert.equal(plainWords('a'.repeat(21) + ' ' + 'b'.repeat(20)), ['b'.repeat(20)]);
});

test('punctuation at either end is trimmed, inside it disqualifies the word', () => {
  assert.equal(plainWords('"Hello," (world). “quoted”'), ['hello', 'world', 'quoted']);
  assert.equal(plainWords("worker's U.S. e-mail"), ['mail']);
});

test('numbers, mixed tokens and non-ASCII words are not plain', () => {
  assert.equal(plainWords('1987 abc123 café naïve Zürich plain'), ['plain']);
});

test('hyphens separate words', () => {
  assert.equal(plainWords('cold-chain hub'), ['cold', 'chain', 'hub']);
});

test('adjacency: whitespace only between two plain words', () => {
  const seen: Array<[string, boolean]> = [];
  forEachPlainWord('port strike, dock workers-union 42 return home', (word, adjacent) => seen.push([word, adjacent]));
  assert.equal(seen, [
    ['port', false],
    ['strike', true],
    ['dock', false],
    ['workers', true],
    ['union', false],
    ['return', false],
    ['home', true],
  ]);
});

test.run();
