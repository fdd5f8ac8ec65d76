// Save/load: a loaded index gives identical results; corrupt, foreign or future files are rejected
// with IndexFormatError naming the part at fault.
import { FORMAT_VERSION } from '../../src/serialize/format.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { SearchIndex, IndexFormatError, type NewsDocument } from '../../src/index.js';
import { sharedPath, projectRoot } from '../_support/paths.js';
import { rng, pick } from '../_support/random.js';

/** A few hundred queries drawn from the documents' own words (fixed seed). */
function queriesFrom(docs: readonly NewsDocument[], count: number, seed: number): string[] {
  const random = rng(seed);
  const queries: string[] = [];
  while (queries.length < count) {
    const doc = pick(random, docs);
    const words = `${doc.title} ${doc.body}`.split(/\s+/).filter((w) => w.length > 2);
    if (words.length === 0) continue;
    const n = 1 + Math.floor(random() * 3);
    queries.push(Array.from({ length: n }, () => pick(random, words)).join(' '));
  }
  return queries;
}

function assertSameResults(a: SearchIndex, b: SearchIndex, queries: readonly string[]): void {
  for (const q of queries) assert.equal(b.search(q, { limit: 10 }), a.search(q, { limit: 10 }), q);
}

test('round trip on our corpus/: identical top-10 for a few hundred queries', () => {
  const dir = join(projectRoot, 'corpus', 'articles');
  if (!existsSync(dir)) {
    console.log('  (corpus/articles not present yet: skipped)');
    return;
  }
  const docs: NewsDocument[] = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const [title = '', ...rest] = readFileSync(join(dir, f), 'utf8').split('\n');
      return { id: f, title, body: rest.join('\n') };
    });
  const index = new SearchIndex();
  index.addAll(docs);
  const loaded = SearchIndex.deserialize(index.serialize());
  assert.equal(loaded.size, index.size);
  assertSameResults(index, loaded, queriesFrom(docs, 300, 7));
});

test('round trip on Reuters-21578: identical top-10 for a few hundred queries', () => {
  const file = sharedPath('corpora', 'reuters21578.jsonl.gz');
  if (file === undefined) {
    console.log('  ../shared not found: Reuters round trip skipped');
    return;
  }
  const docs = gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const r = JSON.parse(l) as { id: string; title: string; body: string; date?: string };
      return { id: r.id, title: r.title, body: r.body, ...(r.date === undefined ? {} : { date: r.date }) };
    });
  const index = new SearchIndex();
  index.addAll(docs);
  for (let i = 0; i < docs.length; i += 97) index.remove(docs[i]!.id); // deletes must survive the trip
  const bytes = index.serialize();
  const loaded = SearchIndex.deserialize(bytes);
  assert.equal(loaded.size, index.size);
  assertSameResults(index, loaded, queriesFrom(docs, 300, 21578));
  // A copy at an odd byte offset (as a pooled Buffer may be) loads too.
  const shifted = new Uint8Array(bytes.length + 1);
  shifted.set(bytes, 1);
  assertSameResults(index, SearchIndex.deserialize(shifted.subarray(1)), queriesFrom(docs, 20, 5));
});

function small(): Uint8Array {
  const index = new SearchIndex();
  index.addAll([
    { id: '1', title: 'Port news', body: 'The port grew.', date: '2024-01-02' },
    { id: '2', title: 'Budget', body: 'A deficit.' },
  ]);
  return index.serialize();
}

function rejects(bytes: Uint8Array, part: (p: string) => boolean): void {
  assert.throws(
    () => SearchIndex.deserialize(bytes),
    (e: unknown) => e instanceof IndexFormatError && part(e.part),
  );
}

test('wrong magic, unknown version, bad length and bad checksums are typed errors', () => {
  const good = small();
  const badMagic = good.slice();
  badMagic[0] = 0x00;
  rejects(badMagic, (p) => p === 'magic');
  const future = good.slice();
  new DataView(future.buffer).setUint32(4, 99, true);
  assert.throws(
    () => SearchIndex.deserialize(future),
    (e: unknown) => e instanceof IndexFormatError && e.part === 'version' && e.found === 99 && e.expected === FORMAT_VERSION,
  );
  rejects(good.subarray(0, good.length - 8), (p) => p === 'length');
  rejects(good.subarray(0, 10), (p) => p === 'length');
  rejects(new Uint8Array(0), (p) => p === 'length');
  // Flip one byte inside every region after the header: each flip must be caught.
  for (let at = 32; at < good.length; at += 7) {
    const flipped = good.slice();
    flipped[at] = flipped[at]! ^ 0x5a;
    try {
      const loaded = SearchIndex.deserialize(flipped);
      // Padding bytes between sections are not covered; such a flip must then change nothing.
      assert.equal(loaded.search('port deficit'), SearchIndex.deserialize(good).search('port deficit'));
    } catch (e) {
      assert.ok(e instanceof IndexFormatError, String(e));
    }
  }
});

test('random bytes and JSON are rejected, never crash', () => {
  const random = rng(99);
  for (let i = 0; i < 200; i++) {
    const bytes = new Uint8Array(Math.floor(random() * 400));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
    assert.throws(() => SearchIndex.deserialize(bytes), (e: unknown) => e instanceof IndexFormatError);
  }
  assert.throws(() => SearchIndex.deserialize(new TextEncoder().encode('{"not":"an index"}')), (e: unknown) => e instanceof IndexFormatError);
  assert.throws(() => SearchIndex.deserialize('nope' as unknown as Uint8Array), (e: unknown) => e instanceof IndexFormatError);
});

test('a loaded index keeps working: add, remove, replace, save again', () => {
  const loaded = SearchIndex.deserialize(small());
  loaded.add({ id: '3', title: 'Port expansion', body: 'More port berths.' });
  assert.equal(loaded.search('port').hits.map((h) => h.id).sort(), ['1', '3']);
  assert.ok(loaded.remove('1'));
  const again = SearchIndex.deserialize(loaded.serialize());
  assert.equal(again.search('port').hits.map((h) => h.id), ['3']);
  assert.equal(again.size, 2);
});



test('stored fields survive a round trip whatever the schema key order', () => {
  const index = new SearchIndex({
    schema: {
      url: { type: 'keyword', stored: true },
      category: { type: 'keyword', stored: true },
      title: { type: 'text', stored: true },
      published: { type: 'date', stored: true },
      body: { type: 'text' },
    },
  });
  index.add({ id: 'x', title: 'Port news', body: 'port', url: 'https://e.example/x', category: ['a', 'b'], published: '2024-05-01' } as unknown as NewsDocument);
  index.add({ id: 'y', title: 'Port note', body: 'port' });
  const before = index.search('port').hits;
  assert.equal(before.find((h) => h.id === 'x')!.document, { url: 'https://e.example/x', category: ['a', 'b'], title: 'Port news', published: '2024-05-01T00:00:00.000Z' });
  assert.equal(before.find((h) => h.id === 'y')!.document, { title: 'Port note' });
  assert.equal(SearchIndex.deserialize(index.serialize()).search('port').hits, before);
});

test.run();
