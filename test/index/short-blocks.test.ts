// Short posting blocks (fewer than BLOCK_SIZE postings, posting-blocks.ts): Rice-coded heads when
// that is smaller, varints otherwise, read back exactly by every decoder; malformed bytes are typed
// errors, never a hang.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BLOCK_SIZE } from '../../src/index/segment.js';
import {
  DecodedBlock, MAX_RICE_K, RICE_MIN_POSTINGS, VARINT_LAYOUT, decodeBlock, decodeBlockColumns, decodeBlockDocs, measureBlock,
} from '../../src/index/posting-blocks.js';
import { IndexFormatError } from '../../src/errors.js';
import { rng } from '../_support/random.js';
import { POSTINGS_FIELDS, postingsSegment, type Posting } from '../_support/postings-segment.js';

/**
 * Every decoder's view of the one block of a one-term segment, checked against `postings`; read
 * where it is (near the array's end: the byte-at-a-time reader) and again with room after it (the
 * 32-bit window reader).
 */
function readsBack(postings: Posting[], defaultMask = 4): Uint8Array {
  const data = postingsSegment([['t', postings]], defaultMask);
  const roomy = new Uint8Array(data.postings.length + postings.length * 12 + 16);
  roomy.set(data.postings);
  const end = readsBackFrom(data.postings, postings, defaultMask);
  assert.is(readsBackFrom(roomy, postings, defaultMask), end);
  return data.postings.subarray(0, end);
}

function readsBackFrom(bytes: Uint8Array, postings: Posting[], defaultMask: number): number {
  const count = postings.length;
  const block = new DecodedBlock();
  const end = decodeBlock(bytes, 0, count, -1, defaultMask, block);
  for (let i = 0; i < count; i++) {
    const p = postings[i]!;
    assert.is(block.docs[i], p.doc, `doc ${i}`);
    assert.is(block.masks[i], p.mask, `mask ${i}`);
    assert.equal([...block.tfs.subarray(block.tfStart[i]!, block.tfStart[i + 1]!)], p.tfs, `tfs ${i}`);
  }
  // Columns: the tf of every field in every posting (0 where absent), through onesFields or a column.
  const columnar = new DecodedBlock();
  columnar.columns.fill(-1); // stale values from an earlier block must not show through
  assert.is(decodeBlockColumns(bytes, 0, count, -1, defaultMask, columnar), end);
  assert.equal([...columnar.docs.subarray(0, count)], postings.map((p) => p.doc));
  let union = 0;
  for (const p of postings) union |= p.mask;
  assert.is(columnar.union, union);
  postings.forEach((p, i) => {
    let j = 0;
    for (let f = 0; f < POSTINGS_FIELDS; f++) {
      const want = (p.mask & (1 << f)) !== 0 ? p.tfs[j++]! : 0;
      const got = (union & (1 << f)) === 0 ? 0 : (columnar.onesFields & (1 << f)) !== 0 ? 1 : columnar.columns[f * BLOCK_SIZE + i]!;
      assert.is(got, want, `posting ${i} field ${f}`);
    }
  });
  const docs = new Int32Array(BLOCK_SIZE);
  decodeBlockDocs(bytes, 0, count, -1, defaultMask, docs);
  assert.equal([...docs.subarray(0, count)], postings.map((p) => p.doc));
  const extent = { end: 0, values: 0 };
  measureBlock(bytes, 0, count, defaultMask, extent);
  assert.equal(extent, { end, values: postings.reduce((n, p) => n + p.tfs.reduce((a, b) => a + b, 0), 0) });
  return end;
}

test('a small block in exact bytes: k, then each head as a unary quotient, a one and k low bits', () => {
  // Heads (gap << 2 | code): 20, 12, 0. k = 3 costs 15 bits (4 would cost 16, 2 would cost 17):
  // 0 0 1 | 0 0 1, 0 1 | 0 0 1, 1 | 0 0 0 (least significant bit first) is bytes 0xA4, 0x0C.
  const bytes = readsBack([5, 9, 10].map((doc) => ({ doc, mask: 4, tfs: [1] })));
  assert.equal([...bytes], [3, 0xa4, 0x0c]);
});

test("a rare word's body-only block (default mask, tf 1 throughout) decodes to onesFields, no column", () => {
  const postings = [3, 40, 41, 90, 150, 200].map((doc) => ({ doc, mask: 4, tfs: [1] }));
  const data = postingsSegment([['t', postings]], 4);
  assert.ok(data.postings[0] !== VARINT_LAYOUT, 'a Rice block');
  const block = new DecodedBlock();
  decodeBlockColumns(data.postings, 0, postings.length, -1, 4, block);
  assert.is(block.union, 4);
  assert.is(block.onesFields, 4);
  readsBack(postings);
});

test('blocks of one and two postings are plain varints, with no layout byte', () => {
  assert.equal([...readsBack([{ doc: 300, mask: 4, tfs: [1] }])], [0xb0, 0x09]); // 300 × 4
  assert.equal([...readsBack([{ doc: 0, mask: 4, tfs: [2] }, { doc: 1, mask: 1, tfs: [1] }])], [1, 2, 2, 1]);
});

test('a block with a gap too large for a 30-bit head takes the varint layout, and reads back', () => {
  const far = 2 ** 28 + 7;
  const bytes = readsBack([{ doc: 0, mask: 4, tfs: [1] }, { doc: far, mask: 4, tfs: [3] }, { doc: far + 1, mask: 2, tfs: [1] }]);
  assert.is(bytes[0], VARINT_LAYOUT);
});

test('random blocks of every short length read back exactly, whichever layout each took', () => {
  const random = rng(41);
  let rice = 0;
  for (let n = 1; n < BLOCK_SIZE; n++) {
    for (const spread of [1, 30, 5000, 2 ** 20]) {
      const postings: Posting[] = [];
      let doc = -1;
      for (let i = 0; i < n; i++) {
        doc += 1 + Math.floor(random() ** 3 * spread);
        const mask = random() < 0.7 ? 4 : 1 + Math.floor(random() * ((1 << POSTINGS_FIELDS) - 1));
        const tfs: number[] = [];
        for (let m = mask; m !== 0; m &= m - 1) tfs.push(random() < 0.8 ? 1 : 1 + Math.floor(random() * 300));
        postings.push({ doc, mask, tfs });
      }
      const bytes = readsBack(postings);
      if (n >= RICE_MIN_POSTINGS && bytes[0] !== VARINT_LAYOUT) rice++;
    }
  }
  assert.ok(rice > 400, `${rice} Rice blocks`);
});

test('malformed short blocks are typed errors or numbers, never a hang', () => {
  const refused = (bytes: number[], count: number): void =>
    assert.throws(() => decodeBlock(Uint8Array.from(bytes), 0, count, -1, 4, new DecodedBlock()), (e: unknown) => e instanceof IndexFormatError);
  refused([MAX_RICE_K + 1, 0xff, 0xff], 3); // k out of range
  refused([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 3); // a zero run longer than any quotient
  refused([5], 3); // past the end reads zeros: the same
  // The same with room after them (the window reader).
  const roomy = (bytes: number[]): number[] => [...bytes, ...new Array(64).fill(0)];
  refused(roomy([MAX_RICE_K + 1, 0xff, 0xff]), 3);
  refused(roomy([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 3);
  refused(roomy([5]), 3);
  const random = rng(42);
  for (let round = 0; round < 4000; round++) {
    // Half of them with zeros after the noise: the window reader's path.
    const noise = Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 256));
    const bytes = Uint8Array.from(round % 2 === 0 ? noise : [...noise, ...new Array(300).fill(0)]);
    const count = RICE_MIN_POSTINGS + Math.floor(random() * 20);
    try {
      decodeBlock(bytes, 0, count, -1, 4, new DecodedBlock());
      decodeBlockDocs(bytes, 0, count, -1, 4, new Int32Array(BLOCK_SIZE));
      measureBlock(bytes, 0, count, 4, { end: 0, values: 0 });
    } catch (e) {
      assert.ok(e instanceof IndexFormatError, String(e));
    }
  }
});

test.run();
