// Specification of SegmentBuilder's two ways of making block-max metadata: summarised as postings
// arrive (field lengths given to the constructor, the writer's flush) or by decoding blocks at
// finish (merges). Both give the same segment, and the metadata matches its definition.
import { encodeBound } from '../../src/index/block-bounds.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SegmentBuilder } from '../../src/index/segment-builder.js';
import { BLOCK_SIZE, forEachPostingTf, type SegmentData } from '../../src/index/segment.js';
import { readPosting } from '../../src/index/read-posting.js';
import { rng } from '../_support/random.js';
import { assertSameSegmentData } from '../_support/same-segment-data.js';

const SCORED = 3;

interface Posting {
  doc: number;
  mask: number;
  tfs: number[];
}

/** Random terms (one block, several blocks, exact forms) with masks over `fields` fields. */
function randomTerms(random: () => number, numDocs: number, fields: number, commonMask: number): Map<string, Posting[]> {
  const terms = new Map<string, Posting[]>();
  const names: string[] = [];
  for (let t = 0; t < 50; t++) names.push(`${random() < 0.2 ? '\u0001' : ''}t${String(t).padStart(3, '0')}`);
  names.sort();
  for (const name of names) {
    const r = random();
    const df = r < 0.4 ? 1 + Math.floor(random() * 4) : r < 0.7 ? 1 + Math.floor(random() * BLOCK_SIZE) : Math.min(numDocs, BLOCK_SIZE * (1 + Math.floor(random() * 5)) + Math.floor(random() * 3) - 1);
    const docs = new Set<number>();
    while (docs.size < df) docs.add(Math.floor(random() * numDocs));
    terms.set(
      name,
      [...docs].sort((a, b) => a - b).map((doc) => {
        const mask = random() < 0.7 ? commonMask : 1 + Math.floor(random() * ((1 << fields) - 1));
        const tfs: number[] = [];
        for (let m = mask; m !== 0; m &= m - 1) tfs.push(random() < 0.7 ? 1 : 1 + Math.floor(random() * 40));
        return { doc, mask, tfs };
      }),
    );
  }
  return terms;
}

function build(terms: Map<string, Posting[]>, numDocs: number, fields: number, lengths: Uint32Array, upFront: boolean, defaultMask = 1): SegmentData {
  const builder = upFront ? new SegmentBuilder(64, { fieldLengths: lengths, scoredCount: SCORED }, defaultMask) : new SegmentBuilder(64, undefined, defaultMask);
  for (const [name, postings] of terms) {
    const withPositions = !name.startsWith('\u0001');
    builder.startTerm(name, withPositions);
    for (const p of postings) {
      const total = p.tfs.reduce((a, b) => a + b, 0);
      builder.addPosting(p.doc, p.mask, p.tfs, 0, Array.from({ length: total }, (_, i) => i % 3), 0);
    }
  }
  return builder.finish({
    numDocs,
    fieldCount: fields,
    scoredCount: SCORED,
    fieldLengths: lengths,
    dates: new Float64Array(numDocs),
    storedOffsets: new Uint32Array(numDocs + 1),
    stored: new Uint8Array(0),
    storedSymbols: new Uint8Array(0),
    ids: Array.from({ length: numDocs }, (_, i) => `d${i}`),
  });
}

// Fields 3–4 are keyword-like (not scored); with 10 fields, masks reach past 256 (counted apart).
for (const [seed, fields, commonMask] of [
  [1, 5, 4],
  [2, 5, 1],
  [3, 10, 1 << 9],
  [4, 10, (1 << 9) | 2],
] as const) {
  test(`summaries made on the fly equal summaries decoded at finish (seed ${seed}, ${fields} fields)`, () => {
    const random = rng(seed);
    const numDocs = 3000;
    const lengths = new Uint32Array(numDocs * SCORED);
    for (let i = 0; i < lengths.length; i++) lengths[i] = 1 + Math.floor(random() * (random() < 0.1 ? 70_000 : 300));
    const terms = randomTerms(random, numDocs, fields, commonMask);
    const onTheFly = build(terms, numDocs, fields, lengths, true, commonMask);
    const decoded = build(terms, numDocs, fields, lengths, false, commonMask);
    assert.ok(onTheFly.blockLastDoc.length > 0, 'some terms have skip entries');
    assertSameSegmentData(onTheFly, decoded);
    assert.is(onTheFly.defaultMask, commonMask);
    assertBlockMetadata(onTheFly, lengths);
  });
}

/** Per skip entry: field union and the code of the largest reference t̃ of the block's postings, by definition. */
function assertBlockMetadata(data: SegmentData, lengths: Uint32Array): void {
  for (let t = 0; t < data.termDf.length; t++) {
    const first = data.termBlockStart[t]!;
    const skips = data.termBlockStart[t + 1]! - first;
    assert.is(skips, data.termDf[t]! > BLOCK_SIZE ? Math.ceil(data.termDf[t]! / BLOCK_SIZE) : 0);
    const docs: number[] = [];
    forEachPostingTf(data, t, (doc) => docs.push(doc));
    for (let k = 0; k < skips; k++) {
      let union = 0;
      const { boost, normA, normB } = data.boundReference;
      let max = 0;
      for (const doc of docs.slice(k * BLOCK_SIZE, (k + 1) * BLOCK_SIZE)) {
        const p = readPosting(data, t, doc)!;
        union |= p.mask;
        let pseudoTf = 0;
        for (let f = 0; f < SCORED; f++) {
          if (p.tfs[f]! === 0) continue;
          pseudoTf += (boost[f]! * p.tfs[f]!) / (normA[f]! + normB[f]! * lengths[doc * SCORED + f]!);
        }
        max = Math.max(max, pseudoTf);
      }
      assert.is(data.blockMask[first + k], union >>> 0);
      assert.is(data.blockBound[first + k], encodeBound(max), `term ${t} block ${k}`);
    }
  }
}

test('the default mask only saves bytes: any default decodes to the same postings', () => {
  const random = rng(9);
  const numDocs = 2000;
  const lengths = new Uint32Array(numDocs * SCORED).fill(7);
  const terms = randomTerms(random, numDocs, 10, 1 << 9);
  const postingsOf = (data: SegmentData): string[] => {
    const out: string[] = [];
    for (let t = 0; t < data.termDf.length; t++) forEachPostingTf(data, t, (doc, mask, tf) => out.push(`${t}:${doc}:${mask}:${tf}`));
    return out;
  };
  const common = build(terms, numDocs, 10, lengths, true, 1 << 9);
  const other = build(terms, numDocs, 10, lengths, true, 2);
  assert.is(common.defaultMask, 1 << 9);
  assert.is(other.defaultMask, 2);
  assert.equal(postingsOf(other), postingsOf(common));
  // Short (varint) blocks starting with the default mask leave it out.
  assert.ok(common.postings.length < other.postings.length);
});

test('postings must arrive in ascending DocId order', () => {
  const builder = new SegmentBuilder();
  builder.startTerm('a');
  builder.addPosting(5, 1, [1], 0, [0], 0);
  assert.throws(() => builder.addPosting(5, 1, [1], 0, [0], 0));
});

test.run();
