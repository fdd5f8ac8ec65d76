// A loaded index takes its collection statistics from the file's per-segment length totals (less its
// deleted documents) and builds its id map only when asked: same size, ids and scores as the built
// index from the first call, and malformed totals are refused at load.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { IndexFormatError, SearchIndex, type NewsDocument } from '../../src/index.js';
import { checksum32 } from '../../src/serialize/checksum.js';
import { HEADER_BYTES, SectionKind, TABLE_ENTRY_BYTES } from '../../src/serialize/format.js';
import { randomText, rng } from '../_support/random.js';

function built(): SearchIndex {
  const random = rng(71);
  const docs: NewsDocument[] = [];
  for (let i = 0; i < 400; i++) docs.push({ id: `n${i}`, title: randomText(random, 5), body: randomText(random, 10 + Math.floor(random() * 60)) });
  const index = new SearchIndex({ maxBufferedDocs: 150 });
  index.addAll(docs);
  // Deletes in every segment: the totals must lose exactly these rows.
  for (let i = 0; i < 400; i += 9) index.remove(`n${i}`);
  index.flush();
  return index;
}

test('size, ids and scores of a loaded index equal the built one before and after the id map exists', () => {
  const original = built();
  const loaded = SearchIndex.deserialize(original.serialize());
  assert.is(loaded.size, original.size);
  for (const q of ['port', 'trade deficit', 'market growth council']) assert.equal(loaded.search(q, { limit: 20 }), original.search(q, { limit: 20 }));
  assert.is(loaded.has('n1'), true);
  assert.is(loaded.has('n9'), false);
  assert.is(loaded.size, original.size);
  assert.throws(() => loaded.add({ id: 'n1', title: 'again', body: 'duplicate' }), (e: unknown) => e instanceof Error && e.name === 'InvalidDocumentError');
  assert.ok(loaded.remove('n2'));
  original.remove('n2');
  assert.equal(loaded.search('port trade', { limit: 20 }), original.search('port trade', { limit: 20 }));
});

/** The bytes with segment 0's metadata JSON rewritten (same length) and checksums made right again. */
function withSegmentMeta(bytes: Uint8Array, edit: (json: string) => string): Uint8Array {
  const out = bytes.slice();
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const count = dv.getUint32(8, true);
  for (let i = 0; i < count; i++) {
    const entry = HEADER_BYTES + i * TABLE_ENTRY_BYTES;
    if (dv.getUint32(entry, true) !== SectionKind.segmentMeta || dv.getUint32(entry + 4, true) !== 0) continue;
    const offset = dv.getUint32(entry + 8, true);
    const length = dv.getUint32(entry + 12, true);
    const json = edit(new TextDecoder().decode(out.subarray(offset, offset + length)));
    const encoded = new TextEncoder().encode(json);
    assert.is(encoded.length, length, 'the edit keeps the length');
    out.set(encoded, offset);
    dv.setUint32(entry + 16, checksum32(out.subarray(offset, offset + length)), true);
  }
  dv.setUint32(12, checksum32(out.subarray(HEADER_BYTES, HEADER_BYTES + count * TABLE_ENTRY_BYTES)), true);
  return out;
}

test('malformed length totals are refused at load, naming the segment metadata', () => {
  const bytes = built().serialize();
  const negative = withSegmentMeta(bytes, (json) => json.replace(/"lengthTotals":\[(\d)/, '"lengthTotals":[-'));
  assert.throws(() => SearchIndex.deserialize(negative), (e: unknown) => e instanceof IndexFormatError && e.part === 'section:segmentMeta/0');
  const notArray = withSegmentMeta(bytes, (json) => json.replace(/"lengthTotals":\[/, '"lengthTotals":"'));
  assert.throws(() => SearchIndex.deserialize(notArray), (e: unknown) => e instanceof IndexFormatError && e.part.startsWith('section:segmentMeta/0'));
});

test('a missing or malformed block-bound reference is refused at load, naming the segment metadata', () => {
  const bytes = built().serialize();
  const refused = (edited: Uint8Array): void => {
    assert.throws(() => SearchIndex.deserialize(edited), (e: unknown) => e instanceof IndexFormatError && e.part === 'section:segmentMeta/0');
  };
  // Same-length edits: a negative normA (1 − b of the default schema's title, b 0.5, and of its
  // body, b 0.7, written one digit shorter to make room), a string for a number, the key renamed.
  const negative = withSegmentMeta(bytes, (json) => json.replace('"normA":[0.5,1,0.30000000000000004]', '"normA":[-0.5,1,0.3000000000000000]'));
  assert.not.equal(negative, bytes, 'the edit applies');
  refused(negative);
  refused(withSegmentMeta(bytes, (json) => json.replace(/"normA":\[/, '"normA":"')));
  refused(withSegmentMeta(bytes, (json) => json.replace(/"boundReference"/, '"boundReferenc_"')));
});

test('a file without length totals still loads with the same statistics (summed from the rows)', () => {
  const original = built();
  const bytes = withSegmentMeta(original.serialize(), (json) => json.replace(/"lengthTotals"/, '"otherTotals\u0020"'));
  const loaded = SearchIndex.deserialize(bytes);
  assert.equal(loaded.search('market growth', { limit: 20 }), original.search('market growth', { limit: 20 }));
});

test.run();
