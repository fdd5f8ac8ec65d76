// The posting encoding: random postings (masks, tfs, positions, gaps of every size, terms of one and
// of many blocks) written by SegmentBuilder read back identically through every reader.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SegmentBuilder } from '../../src/index/segment-builder.js';
import { BLOCK_SIZE, forEachPostingTf, type SegmentData } from '../../src/index/segment.js';
import { readPosting, termFrequencyIn } from '../../src/index/read-posting.js';
import { DecodedBlock, blockCount, decodeBlock, decodeBlockDocs, locateBlock, measureBlock } from '../../src/index/posting-blocks.js';
import { BOUND_VALUES } from '../../src/index/block-bounds.js';
import { rng } from '../_support/random.js';

interface Posting {
  doc: number;
  mask: number;
  tfs: number[];
  /** Absolute positions per field in the mask. */
  positions: number[][];
}

const FIELDS = 5;
const SCORED = 3;

function randomPostings(random: () => number, numDocs: number, df: number, withPositions: boolean): Posting[] {
  const docs = new Set<number>();
  while (docs.size < df) docs.add(Math.floor(random() * numDocs));
  return [...docs].sort((a, b) => a - b).map((doc) => {
    // Mostly field 2 with tf 1, like real text; sometimes anything.
    let mask = random() < 0.7 ? 4 : 1 + Math.floor(random() * ((1 << FIELDS) - 1));
    if (mask === 0) mask = 1;
    const tfs: number[] = [];
    const positions: number[][] = [];
    for (let m = mask; m !== 0; m &= m - 1) {
      const r = random();
      const tf = r < 0.7 ? 1 : r < 0.95 ? 2 + Math.floor(random() * 5) : 100 + Math.floor(random() * 300);
      tfs.push(tf);
      const list: number[] = [];
      let p = Math.floor(random() * (random() < 0.9 ? 100 : 100_000));
      for (let i = 0; i < (withPositions ? tf : 0); i++) {
        list.push(p);
        p += Math.floor(random() * (random() < 0.9 ? 5 : 5000));
      }
      positions.push(list);
    }
    return { doc, mask, tfs, positions };
  });
}

function build(random: () => number, numDocs: number, termCount: number): { data: SegmentData; terms: Map<string, Posting[]>; lengths: Uint32Array } {
  const terms = new Map<string, Posting[]>();
  const names: string[] = [];
  for (let t = 0; t < termCount; t++) names.push(`${random() < 0.2 ? '\u0001' : ''}t${String(t).padStart(4, '0')}`);
  names.sort();
  const builder = new SegmentBuilder(64);
  for (const name of names) {
    const r = random();
    const df = r < 0.5 ? 1 + Math.floor(random() * 5) : r < 0.8 ? 1 + Math.floor(random() * BLOCK_SIZE * 1.5) : Math.min(numDocs, BLOCK_SIZE * (1 + Math.floor(random() * 8)) + Math.floor(random() * 3) - 1);
    const withPositions = !name.startsWith('\u0001');
    const postings = randomPostings(random, numDocs, Math.max(1, df), withPositions);
    terms.set(name, postings);
    builder.startTerm(name, withPositions);
    for (const p of postings) {
      const deltas: number[] = [];
      for (const list of p.positions) list.forEach((v, i) => deltas.push(i === 0 ? v : v - list[i - 1]!));
      builder.addPosting(p.doc, p.mask, p.tfs, 0, deltas, 0);
    }
  }
  const lengths = new Uint32Array(numDocs * SCORED);
  for (let i = 0; i < lengths.length; i++) lengths[i] = 1 + Math.floor(random() * (random() < 0.1 ? 70_000 : 300));
  const data = builder.finish({
    numDocs,
    fieldCount: FIELDS,
    scoredCount: SCORED,
    fieldLengths: lengths,
    dates: new Float64Array(numDocs),
    storedOffsets: new Uint32Array(numDocs + 1),
    stored: new Uint8Array(0),
    storedSymbols: new Uint8Array(0),
    ids: Array.from({ length: numDocs }, (_, i) => `d${i}`),
  });
  return { data, terms, lengths };
}

for (const seed of [1, 2, 3, 4, 5, 6]) {
  test(`random postings round-trip through the block encoding (seed ${seed})`, () => {
    const random = rng(seed);
    const numDocs = seed % 2 === 0 ? 3000 : 2_000_000;
    const { data, terms } = build(random, numDocs, 60);
    [...terms.keys()].forEach((name, ordinal) => {
      const expected = terms.get(name)!;
      assert.is(data.dictionary.term(ordinal), name);
      assert.is(data.termDf[ordinal], expected.length);
      const seen: Array<[number, number, number]> = [];
      forEachPostingTf(data, ordinal, (doc, mask, tf) => seen.push([doc, mask, tf]));
      assert.equal(seen, expected.map((p) => [p.doc, p.mask, p.tfs.reduce((a, b) => a + b, 0)]), name);
      // Skip entries exist exactly for terms with more than one block.
      const skips = data.termBlockStart[ordinal + 1]! - data.termBlockStart[ordinal]!;
      assert.is(skips, expected.length > BLOCK_SIZE ? Math.ceil(expected.length / BLOCK_SIZE) : 0);
      for (const p of expected) {
        const got = readPosting(data, ordinal, p.doc)!;
        assert.ok(got !== undefined, `${name} ${p.doc}`);
        assert.is(got.mask, p.mask);
        let j = 0;
        for (let f = 0; f < FIELDS; f++) {
          if ((p.mask & (1 << f)) === 0) {
            assert.is(got.tfs[f], 0);
            assert.equal(got.positions[f], []);
            continue;
          }
          assert.is(got.tfs[f], p.tfs[j]);
          assert.equal(got.positions[f], p.positions[j], `${name} doc ${p.doc} field ${f}`);
          j++;
        }
        assert.is(termFrequencyIn(data, ordinal, p.doc, 0b101), tfInFields(p, 0b101));
      }
      // Absent documents are absent.
      const present = new Set(expected.map((p) => p.doc));
      for (let probe = 0; probe < 20; probe++) {
        const doc = Math.floor(random() * numDocs);
        if (!present.has(doc)) assert.is(readPosting(data, ordinal, doc), undefined);
      }
      assert.is(readPosting(data, ordinal, numDocs + 5), undefined);
    });
  });
}

function* bitsOf(mask: number): Generator<number> {
  for (let f = 0; f < 32; f++) if ((mask & (1 << f)) !== 0) yield f;
}

function tfInFields(p: Posting, fields: number): number {
  let n = 0;
  [...bitsOf(p.mask)].forEach((f, i) => {
    if ((fields & (1 << f)) !== 0) n += p.tfs[i]!;
  });
  return n;
}

test('block-max metadata bounds every posting of its block and is tight', () => {
  const random = rng(42);
  const { data, terms, lengths } = build(random, 5000, 40);
  const block = new DecodedBlock();
  const geometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };
  let checked = 0;
  [...terms.keys()].forEach((_, ordinal) => {
    const base = data.termBlockStart[ordinal]!;
    if (data.termBlockStart[ordinal + 1] === base) return;
    for (let b = 0; b < blockCount(data, ordinal); b++) {
      locateBlock(data, ordinal, b, geometry);
      decodeBlock(data.postings, geometry.start, geometry.count, geometry.prevDoc, data.defaultMask, block);
      const k = base + b;
      assert.is(data.blockLastDoc[k], block.docs[block.length - 1]);
      let union = 0;
      // The block's largest t̃ under the segment's reference weights, by definition.
      const { boost, normA, normB } = data.boundReference;
      let max = 0;
      for (let i = 0; i < block.length; i++) {
        union |= block.masks[i]!;
        let j = block.tfStart[i]!;
        let pseudoTf = 0;
        for (const f of bitsOf(block.masks[i]!)) {
          const tf = block.tfs[j++]!;
          if (f >= SCORED) continue;
          pseudoTf += (boost[f]! * tf) / (normA[f]! + normB[f]! * lengths[block.docs[i]! * SCORED + f]!);
        }
        max = Math.max(max, pseudoTf);
      }
      assert.is(data.blockMask[k], union);
      // The code's value covers the block's largest t̃, and the code below it does not: tight.
      const code = data.blockBound[k]!;
      assert.ok(BOUND_VALUES[code]! >= max, `block ${k}: code ${code} under ${max}`);
      assert.ok(max === 0 ? code === 0 : BOUND_VALUES[code - 1]! < max, `block ${k}: code ${code} is not the smallest over ${max}`);
      checked++;
    }
  });
  assert.ok(checked > 10, `only ${checked} blocks with skip entries`);
});

test('decodeBlockDocs yields the same DocIds as the full decoder', () => {
  const random = rng(7);
  const { data, terms } = build(random, 100_000, 30);
  const block = new DecodedBlock();
  const docs = new Int32Array(BLOCK_SIZE);
  const geometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };
  [...terms.keys()].forEach((_, ordinal) => {
    for (let b = 0; b < blockCount(data, ordinal); b++) {
      locateBlock(data, ordinal, b, geometry);
      decodeBlock(data.postings, geometry.start, geometry.count, geometry.prevDoc, data.defaultMask, block);
      decodeBlockDocs(data.postings, geometry.start, geometry.count, geometry.prevDoc, data.defaultMask, docs);
      assert.equal([...docs.subarray(0, geometry.count)], [...block.docs.subarray(0, geometry.count)]);
    }
  });
});

test('measureBlock finds where every block ends and how many positions it holds, as the full decoder does', () => {
  const random = rng(8);
  const { data, terms } = build(random, 20_000, 40);
  const block = new DecodedBlock();
  const extent = { end: 0, values: 0 };
  const geometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };
  let packed = 0;
  [...terms.keys()].forEach((_, ordinal) => {
    for (let b = 0; b < blockCount(data, ordinal); b++) {
      locateBlock(data, ordinal, b, geometry);
      const end = decodeBlock(data.postings, geometry.start, geometry.count, geometry.prevDoc, data.defaultMask, block);
      let values = 0;
      for (let i = 0; i < block.tfStart[geometry.count]!; i++) values += block.tfs[i]!;
      measureBlock(data.postings, geometry.start, geometry.count, data.defaultMask, extent);
      assert.equal(extent, { end, values });
      if (geometry.count === BLOCK_SIZE) packed++;
    }
  });
  assert.ok(packed > 5, 'packed blocks measured too');
});

test('the builder rejects postings out of DocId order', () => {
  const builder = new SegmentBuilder();
  builder.startTerm('a');
  builder.addPosting(5, 1, [1], 0, [0], 0);
  assert.throws(() => builder.addPosting(5, 1, [1], 0, [0], 0));
  assert.throws(() => builder.addPosting(2, 1, [1], 0, [0], 0));
});

test.run();
