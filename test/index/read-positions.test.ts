// readPositions (the allocation-free path proximity uses) returns exactly what readPosting decodes,
// for every (term, document) of generated multi-block segments.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SearchIndex } from '../../src/index.js';
import { decodeIndex } from '../../src/serialize/decode.js';
import { readPosting } from '../../src/index/read-posting.js';
import { PositionsScratch, readPositions } from '../../src/index/read-positions.js';
import { isExactTerm } from '../../src/index/exact-terms.js';
import { isKeywordTerm } from '../../src/index/keyword-terms.js';
import { forEachPosting } from '../../src/index/segment.js';
import { randomText, rng } from '../_support/random.js';

test('readPositions equals readPosting on every posting', () => {
  const random = rng(31);
  const index = new SearchIndex();
  // Few words, many documents: common terms get several blocks of 128 postings.
  for (let i = 0; i < 700; i++) index.add({ id: `d${i}`, title: randomText(random, 4), body: randomText(random, 40) });
  const segment = decodeIndex(index.serialize(), []).segments[0]!;
  const data = segment.data;
  const scratch = new PositionsScratch(data.fieldCount);
  let checked = 0;
  data.dictionary.decodeAllMetadata(); // every ordinal is walked: a loaded segment decodes term metadata lazily
  data.dictionary.terms.forEach((term, ordinal) => {
    if (isExactTerm(term) || isKeywordTerm(term)) return;
    const docs: number[] = [];
    forEachPosting(data, ordinal, (doc) => docs.push(doc));
    for (const doc of docs) {
      const expected = readPosting(data, ordinal, doc)!;
      assert.ok(readPositions(data, ordinal, doc, scratch), `${term} in ${doc}`);
      assert.is(scratch.mask, expected.mask);
      for (let f = 0; f < data.fieldCount; f++) {
        const got = Array.from(scratch.pos.subarray(scratch.start[f]!, scratch.start[f]! + scratch.tf[f]!));
        assert.equal(got, expected.positions[f] ?? [], `${term} in ${doc}, field ${f}`);
      }
      checked++;
    }
    // A document without the term: false, whatever lies around it.
    const absent = docs.length > 0 ? docs[docs.length - 1]! + 1 : 0;
    if (absent < data.numDocs && !docs.includes(absent)) assert.not.ok(readPositions(data, ordinal, absent, scratch));
  });
  assert.ok(checked > 5000, `checked ${checked}`);
});

test.run();
