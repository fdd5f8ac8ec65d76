// readPositionsBatch (proximity's reader: one walk per block for many documents) returns for every
// document asked for exactly what readPosting decodes, for random ascending sets mixing documents
// with and without the term, across multi-block lists.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SearchIndex } from '../../src/index.js';
import type { SegmentData } from '../../src/index/segment.js';
import { decodeIndex } from '../../src/serialize/decode.js';
import { readPosting } from '../../src/index/read-posting.js';
import { PositionsBatch, markPresent, readPositionsBatch } from '../../src/index/read-positions.js';
import { isExactTerm } from '../../src/index/exact-terms.js';
import { isKeywordTerm } from '../../src/index/keyword-terms.js';
import { randomText, rng } from '../_support/random.js';

/** A loaded segment of 900 documents over few words: common terms get several blocks of 128 postings. */
function segmentData(random: () => number): SegmentData {
  const index = new SearchIndex();
  for (let i = 0; i < 900; i++) index.add({ id: `d${i}`, title: randomText(random, 4), body: randomText(random, 30 + Math.floor(random() * 40)) });
  return decodeIndex(index.serialize(), []).segments[0]!.data;
}

/**
 * A random text term's ordinal, looked up through the dictionary as searches do (a loaded segment
 * decodes term metadata then), and 1–40 distinct documents anywhere in the segment, ascending (as
 * proximity asks); undefined for an exact-form or keyword term.
 */
function randomProbe(random: () => number, data: SegmentData): { term: string; ordinal: number; docs: Int32Array } | undefined {
  const terms = data.dictionary.terms;
  const term = terms[Math.floor(random() * terms.length)]!;
  if (isExactTerm(term) || isKeywordTerm(term)) return undefined;
  const ordinal = data.dictionary.lookup(term);
  const set = new Set<number>();
  const n = 1 + Math.floor(random() * 40);
  while (set.size < n) set.add(Math.floor(random() * data.numDocs));
  return { term, ordinal, docs: Int32Array.from([...set].sort((a, b) => a - b)) };
}

test('readPositionsBatch equals readPosting for every document of random ascending sets', () => {
  const random = rng(53);
  const data = segmentData(random);
  const batch = new PositionsBatch();
  let found = 0;
  let absent = 0;
  for (let round = 0; round < 400; round++) {
    const probe = randomProbe(random, data);
    if (probe === undefined) continue;
    const { term, ordinal, docs } = probe;
    readPositionsBatch(data, ordinal, docs, docs.length, batch);
    for (let i = 0; i < docs.length; i++) {
      const expected = readPosting(data, ordinal, docs[i]!);
      if (expected === undefined) {
        assert.is(batch.found[i], 0, `${term} not in ${docs[i]}`);
        absent++;
        continue;
      }
      found++;
      assert.is(batch.found[i], 1, `${term} in ${docs[i]}`);
      assert.is(batch.masks[i], expected.mask);
      for (let f = 0; f < data.fieldCount; f++) {
        const slot = i * batch.fieldCount + f;
        const got = Array.from(batch.pos.subarray(batch.start[slot]!, batch.start[slot]! + batch.tf[slot]!));
        assert.equal(got, expected.positions[f] ?? [], `${term} in ${docs[i]}, field ${f}`);
      }
    }
  }
  assert.ok(found > 500 && absent > 500, `${found} found, ${absent} absent`);
});

test('markPresent says which documents hold a term; readPositionsBatch reads only the wanted ones, exactly', () => {
  const random = rng(71);
  const data = segmentData(random);
  const batch = new PositionsBatch();
  const full = new PositionsBatch();
  const present = new Uint8Array(64);
  let wanted = 0;
  let skipped = 0;
  for (let round = 0; round < 400; round++) {
    const probe = randomProbe(random, data);
    if (probe === undefined) continue;
    const { term, ordinal, docs } = probe;
    // Stale flags from an earlier, longer call must not survive.
    present.fill(1);
    markPresent(data, ordinal, docs, docs.length, present);
    readPositionsBatch(data, ordinal, docs, docs.length, full);
    const want = new Uint8Array(docs.length);
    for (let i = 0; i < docs.length; i++) {
      assert.is(present[i], readPosting(data, ordinal, docs[i]!) === undefined ? 0 : 1, `${term} in ${docs[i]}`);
      want[i] = random() < 0.5 ? 1 : 0;
    }
    readPositionsBatch(data, ordinal, docs, docs.length, batch, want);
    for (let i = 0; i < docs.length; i++) {
      if (want[i] === 0) {
        assert.is(batch.found[i], 0, `${term} in ${docs[i]} was not wanted`);
        if (full.found[i] === 1) skipped++;
        continue;
      }
      assert.is(batch.found[i], full.found[i], `${term} in ${docs[i]}`);
      if (full.found[i] === 0) continue;
      wanted++;
      assert.is(batch.masks[i], full.masks[i]);
      for (let f = 0; f < data.fieldCount; f++) {
        const slot = i * batch.fieldCount + f;
        const got = Array.from(batch.pos.subarray(batch.start[slot]!, batch.start[slot]! + batch.tf[slot]!));
        const expected = Array.from(full.pos.subarray(full.start[slot]!, full.start[slot]! + full.tf[slot]!));
        assert.equal(got, expected, `${term} in ${docs[i]}, field ${f}`);
      }
    }
  }
  assert.ok(wanted > 200 && skipped > 200, `${wanted} wanted and read, ${skipped} skipped`);
});

test.run();
