// Exact forms' postings point into their stems' lists (ordinals, not DocIds) wherever the stem is
// certain: built, merged and loaded segments agree, every reader sees DocIds, and a form claimed by
// two stems (two fields' analyzers) keeps DocIds. The stem table round-trips and refuses lies.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SearchIndex } from '../../src/index.js';
import { englishAnalyzer } from '../../src/analysis/analyzer.js';
import type { Analyzer } from '../../src/analysis/types.js';
import { IndexFormatError } from '../../src/errors.js';
import { ExactStems, NO_STEM } from '../../src/index/exact-stems.js';
import { EXACT_MARK } from '../../src/index/exact-terms.js';
import { DecodedBlock, decodeBlock, locateBlock } from '../../src/index/posting-blocks.js';
import { readPosting, termFrequencyIn } from '../../src/index/read-posting.js';
import { forEachPosting, type SegmentData } from '../../src/index/segment.js';
import { decodeIndex } from '../../src/serialize/decode.js';
import { randomText, rng } from '../_support/random.js';

/** The keys stored in the first block of term `ordinal`, undecoded: DocIds or ordinals. */
function rawKeys(data: SegmentData, ordinal: number): number[] {
  const g = { start: 0, count: 0, prevDoc: -1, positions: 0 };
  locateBlock(data, ordinal, 0, g);
  const block = new DecodedBlock();
  decodeBlock(data.postings, g.start, g.count, g.prevDoc, data.defaultMask, block);
  return Array.from(block.docs.subarray(0, block.length));
}

function docsOf(data: SegmentData, term: string): number[] {
  const docs: number[] = [];
  forEachPosting(data, data.dictionary.lookup(term), (doc) => docs.push(doc));
  return docs;
}

test('a form holds ordinals in its stem\'s list; readers see DocIds', () => {
  const index = new SearchIndex();
  index.addAll([
    { id: 'a', title: 'Port', body: 'the port opened' },
    { id: 'b', title: 'Harbour', body: 'nothing here' },
    { id: 'c', title: 'Ports', body: 'two ports and a port' },
  ]);
  index.optimize();
  for (const data of [decodeIndex(index.serialize(), []).segments[0]!.data]) {
    const form = data.dictionary.lookup(`${EXACT_MARK}ports`);
    assert.is(data.exactStems.stemOf(form), data.dictionary.lookup('port'));
    // "port" is in a and c (DocIds 0 and 2): c is its stem's second document.
    assert.equal(rawKeys(data, form), [1]);
    assert.equal(docsOf(data, `${EXACT_MARK}ports`), [2]);
    assert.is(termFrequencyIn(data, form, 2, ~0), 2);
    assert.is(termFrequencyIn(data, form, 0, ~0), 0);
    assert.is(termFrequencyIn(data, form, 1, ~0), 0);
    assert.is(readPosting(data, form, 2)!.tfs.reduce((a, b) => a + b, 0), 2);
    assert.is(readPosting(data, form, 0), undefined);
    // Words are not exact forms.
    assert.is(data.exactStems.stemOf(data.dictionary.lookup('port')), NO_STEM);
  }
  // The exact form still decides a tie: same score, the document holding "ports" first.
  const tie = new SearchIndex();
  tie.addAll([
    { id: 'a', title: 'x', body: 'port' },
    { id: 'b', title: 'x', body: 'ports' },
  ]);
  assert.equal(tie.search('ports').hits.map((h) => h.id), ['b', 'a']);
  assert.equal(tie.search('port').hits.map((h) => h.id), ['a', 'b']);
});

test('merges and deletes renumber the ordinals: every form lists the documents that hold it', () => {
  const random = rng(83);
  const forms = ['ports', 'porting', 'trading', 'traded', 'investing', 'invested', 'vehicles', 'reports'];
  const docs = Array.from({ length: 900 }, (_, i) => ({
    id: `d${i}`,
    title: randomText(random, 4),
    body: `${randomText(random, 20)} ${forms[i % forms.length]} ${random() < 0.3 ? forms[(i * 7) % forms.length] : ''}`,
  }));
  const index = new SearchIndex({ maxBufferedDocs: 97, maxSegments: 3 });
  index.addAll(docs);
  // Words that vanish in the merge (all their documents removed) shift every later term's ordinal.
  index.addAll([{ id: 'z0', title: 'aardvark', body: 'abacus ports' }, { id: 'z1', title: 'x', body: 'aardvarks' }]);
  index.remove('z0');
  index.remove('z1');
  const removed = new Set<string>();
  for (let i = 0; i < docs.length; i += 5) {
    index.remove(`d${i}`);
    removed.add(`d${i}`);
  }
  index.optimize();
  const data = decodeIndex(index.serialize(), []).segments[0]!.data;
  const english = englishAnalyzer();
  let pointing = 0;
  for (const form of forms) {
    const ordinal = data.dictionary.lookup(`${EXACT_MARK}${form}`);
    const expected = docs.filter((d) => !removed.has(d.id) && `${d.title} ${d.body}`.split(' ').includes(form)).map((d) => d.id);
    // Merges keep segments' DocIds in segment order, which need not be arrival order: compared as sets.
    assert.equal(docsOf(data, `${EXACT_MARK}${form}`).map((doc) => data.ids.value[doc]).sort(), expected.sort(), form);
    let stem = '';
    english.analyze(form, (term) => (stem = term));
    if (data.exactStems.stemOf(ordinal) === data.dictionary.lookup(stem)) pointing++;
  }
  assert.is(pointing, forms.length);
});

test('a form two analyzers stem apart keeps DocIds, in a flush and through a merge', () => {
  const english = englishAnalyzer();
  // Title words ending in s lose it twice: "ports" → "por" (its exact form still "ports").
  const odd: Analyzer = {
    name: 'odd',
    analyze: (text, sink) =>
      english.analyze(text, (term, position, start, end, exact) => (exact === 'ports' ? sink('por', position, start, end, exact) : sink(term, position, start, end, exact))),
  };
  const schema = { title: { type: 'text' as const, analyzer: odd }, body: { type: 'text' as const } };
  const index = new SearchIndex({ schema, maxBufferedDocs: 2, maxSegments: 8 });
  index.addAll([
    { id: 'a', title: 'ports', body: 'ports' },
    { id: 'b', title: 'calm', body: 'port' },
    { id: 'c', title: 'calm', body: 'ports' },
    { id: 'd', title: 'calm', body: 'port ports' },
  ]);
  const check = (data: SegmentData, expected: string[]): void => {
    const ordinal = data.dictionary.lookup(`${EXACT_MARK}ports`);
    assert.equal(docsOf(data, `${EXACT_MARK}ports`).map((doc) => data.ids.value[doc]), expected);
    return void ordinal;
  };
  const segments = decodeIndex(index.serialize(), [odd]).segments.map((s) => s.data);
  // First flush (a, b): "ports" is both "por" and "port" → DocIds; second (c, d): only "port".
  assert.is(segments[0]!.exactStems.stemOf(segments[0]!.dictionary.lookup(`${EXACT_MARK}ports`)), NO_STEM);
  assert.is(segments[1]!.exactStems.stemOf(segments[1]!.dictionary.lookup(`${EXACT_MARK}ports`)), segments[1]!.dictionary.lookup('port'));
  check(segments[0]!, ['a']);
  check(segments[1]!, ['c', 'd']);
  index.optimize();
  const merged = decodeIndex(index.serialize(), [odd]).segments[0]!.data;
  assert.is(merged.exactStems.stemOf(merged.dictionary.lookup(`${EXACT_MARK}ports`)), NO_STEM);
  check(merged, ['a', 'c', 'd']);
  assert.equal(index.search('ports').hits.map((h) => h.id).sort(), ['a', 'b', 'c', 'd']);
});

test('a word sorting before the exact forms (a custom analyzer\'s control character) leaves them all by DocId', () => {
  const english = englishAnalyzer();
  const odd: Analyzer = {
    name: 'odd-first',
    analyze: (text, sink) => english.analyze(text, (term, position, start, end, exact) => sink(term === 'calm' ? '\u0000calm' : term, position, start, end, exact)),
  };
  const index = new SearchIndex({ schema: { title: { type: 'text', analyzer: odd }, body: { type: 'text' } }, maxBufferedDocs: 2 });
  index.addAll([
    { id: 'a', title: 'calm ports', body: 'ports' },
    { id: 'b', title: 'calm', body: 'port' },
    { id: 'c', title: 'ports', body: 'ports' },
  ]);
  index.optimize();
  const data = decodeIndex(index.serialize(), [odd]).segments[0]!.data;
  assert.is(data.dictionary.term(0), '\u0000calm');
  assert.is(data.exactStems.count, 0);
  assert.equal(docsOf(data, `${EXACT_MARK}ports`).map((doc) => data.ids.value[doc]), ['a', 'c']);
  assert.equal(index.search('ports').hits.map((h) => h.id), ['c', 'a', 'b']);
});

test('the stem table round-trips, and a lie in it is refused when first read', () => {
  const values = Uint32Array.from([40, 12, NO_STEM, 12, 300, NO_STEM, 41]);
  const bytes = ExactStems.of(values, 400).encode();
  const back = ExactStems.fromBytes(bytes, 400);
  assert.is(back.count, 7);
  assert.equal(Array.from({ length: 9 }, (_, i) => back.stemOf(i)), [...values, NO_STEM, NO_STEM]);
  // A stem among the exact forms, or past the dictionary: refused on first use, not at load.
  for (const bad of [Uint32Array.from([3, 1]), Uint32Array.from([5, 400])]) {
    const lying = ExactStems.fromBytes(ExactStems.of(bad, 1000).encode(), 400);
    assert.throws(() => lying.stemOf(0), (e: unknown) => e instanceof IndexFormatError && e.part === 'section:exactStems');
  }
  assert.throws(() => ExactStems.fromBytes(Uint8Array.of(9), 4), (e: unknown) => e instanceof IndexFormatError);
  assert.throws(() => ExactStems.fromBytes(Uint8Array.of(2, 7), 400).stemOf(0), (e: unknown) => e instanceof IndexFormatError);
});

test.run();
