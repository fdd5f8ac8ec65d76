// Full posting blocks are bit-packed (posting-blocks.ts): gaps and tfs of every width read back
// exactly through every decoder, on word-aligned postings and through the DataView path a
// misaligned array takes; malformed headers are typed errors; the generated unpackers are current.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BLOCK_SIZE, forEachPostingTf, type SegmentData } from '../../src/index/segment.js';
import { DecodedBlock, blockCount, decodeBlock, decodeBlockColumns, decodeBlockDocs, decodePackedTfs, locateBlock } from '../../src/index/posting-blocks.js';
import { bitWidth, packBits, packedBytes } from '../../src/index/bit-packing.js';
import { IndexFormatError } from '../../src/errors.js';
import { unpackersSource } from '../../scripts/generate-unpackers.js';
import { rng } from '../_support/random.js';
import { POSTINGS_FIELDS, postingsSegment, type Posting } from '../_support/postings-segment.js';

const FIELDS = POSTINGS_FIELDS;
const build = postingsSegment;

/** Postings whose gaps reach exactly 2^gapBits − 1 and whose tfs reach 2^tfBits − 1 (mask 4 mostly). */
function postingsWithWidths(random: () => number, count: number, gapBits: number, tfBits: number): Posting[] {
  const out: Posting[] = [];
  let doc = -1;
  const maxGap = 2 ** gapBits - 1;
  const maxTf = Math.max(1, 2 ** tfBits - 1);
  for (let i = 0; i < count; i++) {
    // A few gaps of the full width (DocIds stay below 2^31), the rest anywhere below 2^12.
    const gap = i === 5 || (i === 100 && gapBits < 30) ? maxGap : Math.floor(random() * Math.min(maxGap + 1, 4096));
    doc += gap + 1;
    const mask = random() < 0.8 ? 4 : 1 + Math.floor(random() * ((1 << FIELDS) - 1));
    const tfs: number[] = [];
    for (let m = mask; m !== 0; m &= m - 1) tfs.push(i % 41 === 3 ? maxTf : 1 + Math.floor(random() * maxTf));
    out.push({ doc, mask, tfs });
  }
  return out;
}

function expectedOf(postings: Posting[]): Array<[number, number, number]> {
  return postings.map((p) => [p.doc, p.mask, p.tfs.reduce((a, b) => a + b, 0)]);
}

/** Every block of every term decoded by all the decoders, checked against each other. */
function checkDecoders(data: SegmentData, postings: Uint8Array): number {
  const full = new DecodedBlock();
  const cols = new DecodedBlock();
  const docs = new Int32Array(BLOCK_SIZE);
  // Reused across blocks, as the counting pass reuses its block: nothing stale may show through.
  const later = new DecodedBlock();
  const g = { start: 0, count: 0, prevDoc: -1, positions: 0 };
  let packed = 0;
  for (let t = 0; t < data.termDf.length; t++) {
    for (let b = 0; b < blockCount(data, t); b++) {
      locateBlock(data, t, b, g);
      if (g.count === BLOCK_SIZE) packed++;
      decodeBlock(postings, g.start, g.count, g.prevDoc, data.defaultMask, full);
      decodeBlockColumns(postings, g.start, g.count, g.prevDoc, data.defaultMask, cols);
      decodeBlockDocs(postings, g.start, g.count, g.prevDoc, data.defaultMask, docs);
      assert.equal([...docs.subarray(0, g.count)], [...full.docs.subarray(0, g.count)]);
      assert.equal([...cols.docs.subarray(0, g.count)], [...full.docs.subarray(0, g.count)]);
      let union = 0;
      for (let i = 0; i < g.count; i++) {
        union |= full.masks[i]!;
        let j = full.tfStart[i]!;
        for (let f = 0; f < FIELDS; f++) {
          const present = (full.masks[i]! & (1 << f)) !== 0;
          const tf = present ? full.tfs[j++]! : 0;
          const column = (cols.union & (1 << f)) === 0 ? 0 : (cols.onesFields & (1 << f)) !== 0 ? 1 : cols.columns[f * BLOCK_SIZE + i]!;
          assert.is(column, tf, `term ${t} block ${b} posting ${i} field ${f}`);
        }
      }
      assert.is(cols.union, union);
      if (g.count === BLOCK_SIZE) {
        // DocIds first, tfs on demand (the final pass's counting reads): the same columns.
        decodeBlockDocs(postings, g.start, g.count, g.prevDoc, data.defaultMask, later.docs);
        decodePackedTfs(postings, g.start, later);
        assert.is(later.length, BLOCK_SIZE);
        assert.is(later.union, cols.union);
        assert.is(later.onesFields, cols.onesFields);
        for (let m = later.union & ~later.onesFields; m !== 0; m &= m - 1) {
          const f = 31 - Math.clz32(m & -m);
          assert.equal([...later.columns.subarray(f * BLOCK_SIZE, (f + 1) * BLOCK_SIZE)], [...cols.columns.subarray(f * BLOCK_SIZE, (f + 1) * BLOCK_SIZE)], `term ${t} block ${b} field ${f}`);
        }
      }
    }
  }
  return packed;
}

for (const gapBits of [0, 1, 3, 7, 12, 16, 21, 25, 26, 29, 30]) {
  test(`gaps of ${gapBits} bits and tfs of every width round-trip through packed blocks`, () => {
    const random = rng(100 + gapBits);
    const terms: Array<[string, Posting[]]> = [];
    for (const tfBits of [0, 1, 4, 9, 17, 30, 31]) {
      const count = 2 * BLOCK_SIZE + 17;
      terms.push([`t${String(tfBits).padStart(2, '0')}`, postingsWithWidths(random, count, gapBits, tfBits)]);
    }
    const data = build(terms);
    terms.forEach(([, postings], ordinal) => {
      const seen: Array<[number, number, number]> = [];
      forEachPostingTf(data, ordinal, (doc, mask, tf) => seen.push([doc, mask, tf]));
      assert.equal(seen, expectedOf(postings));
    });
    assert.ok(checkDecoders(data, data.postings) >= terms.length);
    // A misaligned copy of the postings takes the DataView path: the same postings come out.
    const shifted = new Uint8Array(data.postings.length + 1);
    shifted.set(data.postings, 1);
    checkDecoders(data, shifted.subarray(1));
  });
}

test('a block whose postings all hold one field with tf 1 stores no tf column', () => {
  const postings: Posting[] = Array.from({ length: BLOCK_SIZE }, (_, i) => ({ doc: i * 3, mask: 4, tfs: [1] }));
  const data = build([['a', postings]]);
  // docBits 2, union 4, tfBits 0, padding to a word, 128 gaps of 2 bits, nothing more (plus the slack).
  const header = 1 + 1 + 1;
  assert.is(data.termPostingsStart[1], Math.ceil(header / 4) * 4 + packedBytes(BLOCK_SIZE, 2) + 4);
  const block = new DecodedBlock();
  decodeBlockColumns(data.postings, 0, BLOCK_SIZE, -1, data.defaultMask, block);
  assert.is(block.union, 4);
  assert.is(block.onesFields, 4);
  assert.is(checkDecoders(data, data.postings), 1);
  decodeBlock(data.postings, 0, BLOCK_SIZE, -1, data.defaultMask, block);
  assert.equal([...block.masks], new Array(BLOCK_SIZE).fill(4));
  assert.equal([...block.tfs.subarray(0, BLOCK_SIZE)], new Array(BLOCK_SIZE).fill(1));
});

test('malformed packed headers are IndexFormatErrors, never wrong postings', () => {
  const postings: Posting[] = Array.from({ length: BLOCK_SIZE }, (_, i) => ({ doc: i * 5, mask: 4, tfs: [1 + (i % 3)] }));
  const data = build([['a', postings]]);
  const block = new DecodedBlock();
  const refused = (bytes: Uint8Array): void => {
    assert.throws(
      () => decodeBlock(bytes, 0, BLOCK_SIZE, -1, data.defaultMask, block),
      (e: unknown) => e instanceof IndexFormatError && e.part === 'section:postings',
    );
  };
  const wideGaps = data.postings.slice();
  wideGaps[0] = 40;
  refused(wideGaps);
  const wideTfs = data.postings.slice();
  wideTfs[2] = 33;
  refused(wideTfs);
  refused(data.postings.slice(0, 20));
  // Without the trailing slack the last block's reads could leave the array: refused, not read.
  refused(data.postings.slice(0, data.postings.length - 1));
});

test('packBits writes what bitWidth says fits, least significant bit first', () => {
  const random = rng(5);
  for (let bits = 1; bits <= 31; bits++) {
    const values = Array.from({ length: 40 }, () => Math.floor(random() * 2 ** bits));
    const buf = new Uint8Array(packedBytes(40, bits) + 8);
    const end = packBits(buf, 0, values, 0, 40, bits);
    assert.is(end, packedBytes(40, bits));
    for (let i = 0; i < 40; i++) {
      let v = 0;
      for (let k = 0; k < bits; k++) {
        const bit = i * bits + k;
        if ((buf[bit >>> 3]! >>> (bit & 7)) & 1) v += 2 ** k;
      }
      assert.is(v, values[i]);
      assert.ok(bitWidth(values[i]!) <= bits);
    }
  }
});

test('the generated unpackers are what scripts/generate-unpackers.ts writes', () => {
  const file = fileURLToPath(new URL('../../src/index/unpackers.generated.ts', import.meta.url));
  assert.ok(readFileSync(file, 'utf8') === unpackersSource(), 'run: node --import tsx scripts/generate-unpackers.ts');
});

test.run();
