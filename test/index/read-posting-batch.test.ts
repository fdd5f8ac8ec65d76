// The batch readers of read-posting.ts equal their one-posting forms: ordinals of ascending documents
// in a list, and tfs at ascending keys (absent ones, negative keys and keys past the list included),
// on lists spanning many blocks and on exact forms whose postings point into their stems' lists.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SearchIndex } from '../../src/index.js';
import { EXACT_MARK } from '../../src/index/exact-terms.js';
import { NO_STEM } from '../../src/index/exact-stems.js';
import { ordinalInList, ordinalsInList, termFrequenciesAt, termFrequencyAt, termFrequencyIn } from '../../src/index/read-posting.js';
import { decodeIndex } from '../../src/serialize/decode.js';
import { syntheticSegment, syntheticTerm } from '../_support/synthetic-segments.js';
import { rng, zipfText, zipfWords } from '../_support/random.js';

/** `count` distinct ascending numbers below `limit` (some runs of neighbours, as tied hits often are). */
function ascending(random: () => number, limit: number, count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, limit)) {
    const d = Math.floor(random() * limit);
    chosen.add(d);
    if (random() < 0.3 && d + 1 < limit) chosen.add(d + 1);
  }
  return [...chosen].sort((a, b) => a - b);
}

test('ordinals and tfs of many documents equal the one-posting readers, on long lists', () => {
  const random = rng(41);
  const segment = syntheticSegment(random, { numDocs: 5000, terms: 40, topShare: 0.7, deleteShare: 0 }, 'a');
  const data = segment.data;
  let found = 0;
  for (let q = 0; q < 300; q++) {
    const ordinal = data.dictionary.lookup(syntheticTerm(Math.floor(random() ** 2 * 40)));
    const docs = ascending(random, 5200, 1 + Math.floor(random() * 40));
    const ordinals = new Int32Array(docs.length);
    ordinalsInList(data, ordinal, docs, docs.length, ordinals);
    docs.forEach((doc, i) => {
      assert.is(ordinals[i], doc < 5000 ? ordinalInList(data, ordinal, doc) : -1, `term ${ordinal} doc ${doc}`);
      if (ordinals[i]! >= 0) found++;
    });
    // tfs at DocIds (and at a key before any: -1) under random field masks.
    const keys = random() < 0.3 ? [-1, ...docs] : docs;
    const mask = 1 + Math.floor(random() * 15);
    const tfs = new Int32Array(keys.length);
    termFrequenciesAt(data, ordinal, keys, keys.length, mask, tfs);
    keys.forEach((key, i) => assert.is(tfs[i], key < 0 ? 0 : termFrequencyAt(data, ordinal, key, mask), `term ${ordinal} key ${key} mask ${mask}`));
  }
  assert.ok(found > 1000, `only ${found} documents found in their lists`);
});

test('the forms of a stem read through ordinals in its list equal the one-document reader', () => {
  const random = rng(42);
  const index = new SearchIndex();
  const forms = ['market', 'markets', 'marketing', 'marketed', 'trade', 'trades', 'trading', 'traded'];
  const words = zipfWords(200);
  for (let i = 0; i < 700; i++) {
    const extra = Array.from({ length: 1 + Math.floor(random() * 4) }, () => forms[Math.floor(random() * forms.length)]!).join(' ');
    index.add({ id: `d${i}`, title: zipfText(random, words, 5), body: `${zipfText(random, words, 40)} ${random() < 0.6 ? extra : ''}` });
  }
  const data = decodeIndex(index.serialize(), []).segments[0]!.data;
  let pointed = 0;
  for (const word of forms) {
    const form = data.dictionary.lookup(EXACT_MARK + word);
    if (form < 0) continue;
    const stem = data.exactStems.stemOf(form);
    if (stem !== NO_STEM) pointed++;
    for (let q = 0; q < 20; q++) {
      const docs = ascending(random, data.numDocs, 1 + Math.floor(random() * 30));
      const keys = new Int32Array(docs.length);
      if (stem === NO_STEM) keys.set(docs);
      else ordinalsInList(data, stem, docs, docs.length, keys);
      const tfs = new Int32Array(docs.length);
      termFrequenciesAt(data, form, keys, docs.length, ~0, tfs);
      docs.forEach((doc, i) => assert.is(tfs[i], termFrequencyIn(data, form, doc, ~0), `${word} in ${doc}`));
    }
  }
  assert.ok(pointed >= 4, `only ${pointed} forms point into their stems' lists`);
});

test.run();
