// The block-by-block leapfrog (intersection.ts) against sets of postings: on generated segments with
// lists of one block and of many, every document all terms hold comes out once, ascending, with each
// term standing on its posting there, the tfs it unpacks summing to the postings', and the fields it
// reports for a block covering every posting's fields.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BLOCK_SIZE } from '../../src/index/posting-blocks.js';
import { forEachPostingTf } from '../../src/index/segment.js';
import { Intersection } from '../../src/query/intersection.js';
import { NO_MORE } from '../../src/query/term-cursor.js';
import { syntheticSegment, syntheticTerm } from '../_support/synthetic-segments.js';
import { rng } from '../_support/random.js';

const VOCABULARY = 60;

for (const seed of [11, 12]) {
  test(`every document all terms hold, once, ascending, each term on its posting (seed ${seed})`, () => {
    const random = rng(seed);
    const segment = syntheticSegment(random, { numDocs: 6000, terms: VOCABULARY, topShare: 0.75, deleteShare: 0.05 }, 's');
    const data = segment.data;
    // Per term: DocId → its field mask and tf summed over fields.
    const postings = new Map<number, Map<number, { mask: number; tf: number }>>();
    const postingsOf = (ordinal: number) => {
      let found = postings.get(ordinal);
      if (found === undefined) {
        found = new Map();
        const into = found;
        forEachPostingTf(data, ordinal, (doc, mask, tf) => into.set(doc, { mask, tf }));
        postings.set(ordinal, found);
      }
      return found;
    };
    const walk = new Intersection();
    let matches = 0;
    let multiBlock = 0;
    for (let q = 0; q < 300; q++) {
      const n = 1 + Math.floor(random() * 4);
      // Common and rare terms (the rarest leads; a common one jumps blocks; two one-block terms end
      // at different documents), repeats allowed.
      const rank = (): number => Math.floor((random() < 0.5 ? random() : random() * random()) * VOCABULARY);
      const ordinals = Array.from({ length: n }, () => data.dictionary.lookup(syntheticTerm(rank())));
      const lists = ordinals.map(postingsOf);
      const expected = [...lists[0]!.keys()].filter((doc) => lists.every((list) => list.has(doc))).sort((a, b) => a - b);
      assert.ok(walk.open(data, ordinals));
      const got: number[] = [];
      for (let doc = walk.next(); doc !== NO_MORE; doc = walk.next()) {
        got.push(doc);
        for (let k = 0; k < n; k++) {
          const block = walk.blocks[k]!;
          const i = walk.posting[k]!;
          assert.is(block.docs[i], doc, `query ${q}: term ${k} stands on ${block.docs[i]}, not ${doc}`);
          const posting = lists[walk.clause[k]!]!.get(doc)!;
          assert.is(walk.blockFields(k) & posting.mask, posting.mask, `query ${q}: block fields miss some of the posting's`);
          walk.ensureColumns(k);
          let tf = 0;
          for (let m = posting.mask; m !== 0; m &= m - 1) {
            const f = 31 - Math.clz32(m & -m);
            tf += (block.onesFields & (1 << f)) !== 0 ? 1 : block.columns[f * BLOCK_SIZE + i]!;
          }
          assert.is(tf, posting.tf, `query ${q}: tfs of term ${k}`);
          if (walk.skipIndex(k) >= 0 && walk.block[k]! > 0) multiBlock++;
        }
      }
      assert.equal(got, expected, `query ${q} (${ordinals.join(' ')})`);
      // Exhausted stays exhausted.
      assert.is(walk.next(), NO_MORE);
      matches += got.length;
    }
    // The walks matched many documents, and past the first block of long lists.
    assert.ok(matches > 2000, `matches ${matches}`);
    assert.ok(multiBlock > 500, `postings in later blocks ${multiBlock}`);
  });
}

test('a term without postings ends the walk before it starts', () => {
  const random = rng(13);
  const segment = syntheticSegment(random, { numDocs: 300, terms: 10, topShare: 0.5, deleteShare: 0 }, 's');
  const walk = new Intersection();
  assert.is(walk.open(segment.data, []), false);
  assert.is(walk.next(), NO_MORE);
});

test.run();
