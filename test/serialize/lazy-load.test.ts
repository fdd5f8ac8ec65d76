// A loaded index decodes term metadata one group at a time, on first use. Specification: every kind
// of query, feature and maintenance operation, run first on a freshly loaded index, answers exactly
// as on the built index; a crafted file with valid checksums is refused with IndexFormatError, at
// load for what load reads, at first use for a term group's bytes.
import { FORMAT_VERSION } from '../../src/serialize/format.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { IndexFormatError, SearchIndex, type NewsDocument } from '../../src/index.js';
import { checksum32 } from '../../src/serialize/checksum.js';
import { decodeIndex } from '../../src/serialize/decode.js';
import { MAX_RICE_K } from '../../src/index/posting-blocks.js';
import { GLOBAL, GroupColumn, HEADER_BYTES, PAGE_TERMS, SectionKind, TABLE_ENTRY_BYTES, TermGroupsLayout } from '../../src/serialize/format.js';
import { VOCABULARY, pick, rng } from '../_support/random.js';
import { syntheticSegment } from '../_support/synthetic-segments.js';

const WORDS = [
  ...VOCABULARY,
  'harbor', 'harbors', 'shipping', 'shipped', 'exports', 'exported', 'price', 'prices', 'priced', 'oil', 'crude',
  'wheat', 'grain', 'bank', 'banks', 'banking', 'rate', 'rates', 'interest', 'inflation', 'minister', 'ministry',
  'zürich', 'qingdao', '港口', 'inventory', 'investor', 'investors', 'invoice', 'portal', 'porter', 'portion',
];
const CATEGORIES = ['economy', 'shipping', 'energy', 'politics'];

function corpus(seed: number, count: number): NewsDocument[] {
  const random = rng(seed);
  // Zipf-ish word choice: a few words reach more than one posting block (128 documents).
  const word = (): string => WORDS[Math.floor(WORDS.length * random() ** 2.5)]!;
  const text = (n: number): string => Array.from({ length: 1 + Math.floor(random() * n) }, word).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const doc: NewsDocument = { id: `d${i}`, title: text(6), body: text(40), category: pick(random, CATEGORIES) };
    if (random() < 0.85) doc.date = new Date(Date.UTC(1987, Math.floor(random() * 12), 1 + Math.floor(random() * 28))).toISOString();
    return doc;
  });
}

const DOCS = corpus(1987, 700);

/** The same index every time: three segments (250 documents buffered each) and a few deletes. */
function build(): SearchIndex {
  const index = new SearchIndex({ maxBufferedDocs: 250 });
  index.addAll(DOCS);
  for (let i = 0; i < DOCS.length; i += 37) index.remove(DOCS[i]!.id);
  index.flush();
  return index;
}

const BYTES = build().serialize();

/** Each kind of use, run first on a freshly loaded index. */
const KINDS: Record<string, (index: SearchIndex) => unknown> = {
  'one word': (i) => i.search('port'),
  'several words (proximity)': (i) => i.search('trade deficit growth'),
  'all words': (i) => i.search('port trade', { defaultOperator: 'and' }),
  'a long page': (i) => i.search('the market growth', { limit: 60 }),
  phrase: (i) => i.search('"trade fair"'),
  prefix: (i) => i.search('inv*'),
  fuzzy: (i) => i.search('harbr~1 shiping~2'),
  'fields and booleans': (i) => i.search('title:port -budget +market'),
  'date range and order': (i) => i.search('market', { dateRange: { from: '1987-03', to: '1987-08' }, sort: 'newest' }),
  'facets and keyword filters': (i) => i.search('port', { facets: { fields: ['category'], year: true, month: true }, where: { category: ['economy', 'energy'] } }),
  highlight: (i) => i.search('port trading', { highlight: true }),
  suggest: (i) => i.suggest('po'),
  'did you mean': (i) => [i.didYouMean('harbur'), i.didYouMean('tradng deficet')],
  related: (i) => i.related('d5'),
  explain: (i) => i.explain('port trade', 'd3'),
  stats: (i) => i.stats(),
  'optimize, then search': (i) => {
    i.optimize();
    return [i.segmentCount, i.search('port trade'), i.stats()];
  },
  'add and remove, then search': (i) => {
    i.remove('d10');
    i.add({ id: 'new', title: 'port harbor', body: 'trade at the port' });
    i.replace({ id: 'd11', title: 'energy', body: 'crude oil prices' });
    return [i.search('port'), i.search('crude oil'), i.size];
  },
};

for (const [name, use] of Object.entries(KINDS)) {
  test(`first use on a freshly loaded index: ${name}`, () => {
    assert.equal(use(SearchIndex.deserialize(BYTES)), use(build()));
  });
}

test('save → load → save gives the same bytes, and the reloaded index answers the same', () => {
  const loaded = SearchIndex.deserialize(BYTES);
  const again = loaded.serialize();
  assert.equal(again, BYTES);
  const twice = SearchIndex.deserialize(SearchIndex.deserialize(again).serialize());
  for (const q of ['port', 'trade deficit', '"trade fair"', 'inv*', 'harbr~1']) assert.equal(twice.search(q), build().search(q), q);
  // After queries have decoded some groups only, saving still writes every group.
  const partly = SearchIndex.deserialize(BYTES);
  partly.search('port');
  assert.equal(partly.serialize(), BYTES);
});

test('a Node Buffer loads, at any byte offset, and answers the same', () => {
  for (const offset of [0, 1, 3, 4]) {
    const buffer = Buffer.alloc(BYTES.length + offset);
    buffer.set(BYTES, offset);
    const loaded = SearchIndex.deserialize(buffer.subarray(offset));
    assert.equal(loaded.search('port trade'), build().search('port trade'), `offset ${offset}`);
  }
});

test('loaded segment data has the keys of built segment data, in the same order (one hidden class for query code)', () => {
  const built = syntheticSegment(rng(1), { numDocs: 50, terms: 10, topShare: 0.5, deleteShare: 0 }, 'x').data;
  assert.equal(Object.keys(decodeIndex(BYTES, []).segments[0]!.data), Object.keys(built));
});

// ---- Crafted files: valid checksums around bad content.

interface SectionRef {
  offset: number;
  length: number;
  entry: number;
}

function section(bytes: Uint8Array, kind: number, segment: number): SectionRef {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = dv.getUint32(8, true);
  for (let i = 0; i < count; i++) {
    const entry = HEADER_BYTES + i * TABLE_ENTRY_BYTES;
    if (dv.getUint32(entry, true) === kind && dv.getUint32(entry + 4, true) === segment) {
      return { offset: dv.getUint32(entry + 8, true), length: dv.getUint32(entry + 12, true), entry };
    }
  }
  throw new Error(`no section ${kind}/${segment}`);
}

/** A copy of BYTES with one section's content changed in place and every checksum made right again. */
function crafted(kind: number, segment: number, change: (body: Uint8Array, words: Uint32Array) => void): Uint8Array {
  const bytes = BYTES.slice();
  const s = section(bytes, kind, segment);
  const body = bytes.subarray(s.offset, s.offset + s.length);
  change(body, new Uint32Array(bytes.buffer, s.offset, s.length >>> 2));
  const dv = new DataView(bytes.buffer);
  dv.setUint32(s.entry + 16, checksum32(body), true);
  const count = dv.getUint32(8, true);
  dv.setUint32(12, checksum32(bytes.subarray(HEADER_BYTES, HEADER_BYTES + count * TABLE_ENTRY_BYTES)), true);
  return bytes;
}

const refusedAs = (part: string) => (e: unknown): boolean => e instanceof IndexFormatError && e.part === part;

function termCount(segment: number): number {
  const meta = section(BYTES, SectionKind.segmentMeta, segment);
  return (JSON.parse(new TextDecoder().decode(BYTES.subarray(meta.offset, meta.offset + meta.length))) as { terms: number }).terms;
}

test('a group index that ascends wrongly loads, and is refused at first use of that page', () => {
  const layout = new TermGroupsLayout(termCount(0));
  assert.ok(layout.pages >= 3);
  const dictionary = decodeIndex(BYTES, []).segments[0]!.data.dictionary;
  const page = Math.floor(dictionary.lookup('port') / PAGE_TERMS);
  // The page holding "port" now ends past the postings section (and the next page starts there).
  const bytes = crafted(SectionKind.termGroups, 0, (_, words) => {
    words[layout.at(GroupColumn.postings, page + 1)] = words[layout.at(GroupColumn.postings, layout.pages)]! + 1;
  });
  const loaded = SearchIndex.deserialize(bytes); // load reads only the group index's ends
  // A term of a page the change leaves alone decodes as before.
  const other = Array.from({ length: layout.pages }, (_, p) => p).find((p) => p !== page && p !== page + 1)! * PAGE_TERMS;
  const intact = decodeIndex(bytes, []).segments[0]!.data;
  const original = decodeIndex(BYTES, []).segments[0]!.data;
  assert.is(intact.dictionary.lookup(dictionary.term(other)), other);
  assert.is(original.dictionary.lookup(dictionary.term(other)), other);
  assert.ok(original.termDf[other]! > 0);
  assert.is(intact.termDf[other], original.termDf[other]);
  assert.is(intact.termPostingsStart[other], original.termPostingsStart[other]);
  assert.throws(() => loaded.search('port'), refusedAs('section:termGroups/0'));
  assert.throws(() => SearchIndex.deserialize(bytes).stats(), refusedAs('section:termGroups/0'));
});

test('a group index with the wrong totals or size is refused at load', () => {
  const layout = new TermGroupsLayout(termCount(1));
  const totals = crafted(SectionKind.termGroups, 1, (_, words) => {
    words[layout.at(GroupColumn.skips, layout.pages)] = words[layout.at(GroupColumn.skips, layout.pages)]! + 1;
  });
  assert.throws(() => SearchIndex.deserialize(totals), refusedAs('section:termGroups/1'));
  const restart = crafted(SectionKind.termGroups, 1, (_, words) => {
    words[layout.at(GroupColumn.dictionary, 0)] = 3;
  });
  assert.throws(() => SearchIndex.deserialize(restart), refusedAs('section:termGroups/1'));
});

test('term table, skip entry and dictionary bytes are refused at first use, naming their section', () => {
  const table = crafted(SectionKind.termTable, 2, (body) => {
    body[body.length - 2] = body[body.length - 2]! ^ 0x01; // the last term's postings or positions length
  });
  assert.throws(() => SearchIndex.deserialize(table).stats(), refusedAs('section:termTable/2'));
  const skips = crafted(SectionKind.skips, 0, (body) => {
    body.set([0xff, 0xff, 0x7f], 0); // the first skip entry's last DocId, far past the segment
  });
  assert.throws(() => SearchIndex.deserialize(skips).stats(), refusedAs('section:skips/0'));
  const terms = crafted(SectionKind.terms, 0, (body) => {
    body[0] = 0x7f; // the first term claims 127 bytes, running into the next group
  });
  const loaded = SearchIndex.deserialize(terms);
  assert.throws(() => loaded.search('__proto__ constructor'), refusedAs('section:terms/0'));
  assert.throws(() => SearchIndex.deserialize(terms).stats(), refusedAs('section:terms/0'));
});

test('a garbled date column loads, answers undated queries, and is refused at the first date read', () => {
  const bytes = crafted(SectionKind.dates, 1, (body) => {
    body.fill(0xff, 8); // every varint runs on: no date decodes
  });
  const loaded = SearchIndex.deserialize(bytes);
  assert.ok(loaded.search('port', { documentFields: [] }).hits.length > 0);
  for (const options of [{ sort: 'newest' as const }, { dateRange: { from: '1987-03-01', to: '1987-06-01' } }, {}]) {
    assert.throws(() => loaded.search('port', options), refusedAs('section:dates/1'), JSON.stringify(options));
  }
});

test('an ids section of an unknown coding loads, and is refused at the first read of an id', () => {
  const bytes = crafted(SectionKind.ids, 2, (body) => {
    body[0] = 9;
  });
  const loaded = SearchIndex.deserialize(bytes);
  assert.throws(() => loaded.search('port', { documentFields: [] }), refusedAs('section:ids/2'));
});

test('deletion bits past the last document are refused at load', () => {
  // Segment 0 holds 250 documents: its last deletion word has 26 live bits and 6 that must be clear.
  const bytes = crafted(SectionKind.deletes, 0, (_, words) => {
    words[words.length - 1] = words[words.length - 1]! | (1 << 30);
  });
  assert.throws(() => SearchIndex.deserialize(bytes), refusedAs('section:deletes/0'));
});

test('an id held by two live documents is refused by the first call that needs ids, before any change', () => {
  // Segment 0's ids are "d0", "d1", "d2", … joined by NUL after a coding byte ("d0" is deleted):
  // "d2" becomes a second "d1".
  const bytes = crafted(SectionKind.ids, 0, (body) => {
    assert.equal([...body.subarray(1, 9)], [0x64, 0x30, 0, 0x64, 0x31, 0, 0x64, 0x32]);
    body[8] = 0x31;
  });
  for (const use of [(i: SearchIndex) => i.has('d1'), (i: SearchIndex) => i.remove('d1'), (i: SearchIndex) => i.add({ id: 'new', title: 'x', body: 'y' })]) {
    const loaded = SearchIndex.deserialize(bytes);
    const size = loaded.size;
    assert.throws(() => use(loaded), refusedAs('section:ids/0'));
    assert.is(loaded.size, size);
  }
});

test('metadata that is not an object, has a malformed field or a setting the index refuses is an IndexFormatError', () => {
  const meta = section(BYTES, SectionKind.meta, GLOBAL);
  const original = JSON.parse(new TextDecoder().decode(BYTES.subarray(meta.offset, meta.offset + meta.length))) as Record<string, unknown>;
  const rewrite = (value: unknown) => crafted(SectionKind.meta, GLOBAL, (body) => {
    const text = new TextEncoder().encode(JSON.stringify(value));
    assert.ok(text.length <= body.length);
    body.fill(0x20);
    body.set(text);
  });
  const fields = original['fields'] as unknown[];
  for (const value of [null, [1], 5, { ...original, fields: [null, ...fields.slice(1)] }, { ...original, fields: [{ ...(fields[0] as object), kind: 'txt' }, ...fields.slice(1)] }, { ...original, k1: 0 }, { ...original, maxSegments: 0 }]) {
    assert.throws(() => SearchIndex.deserialize(rewrite(value)), (e: unknown) => e instanceof IndexFormatError && /^(meta|section:0\/global)$/.test(e.part), JSON.stringify(value)?.slice(0, 60));
  }
  const segmentMeta = crafted(SectionKind.segmentMeta, 1, (body) => {
    body.fill(0x20);
    body.set(new TextEncoder().encode('null'));
  });
  assert.throws(() => SearchIndex.deserialize(segmentMeta), refusedAs('section:segmentMeta/1'));
});

test('a merge refuses postings that name missing documents or claim more positions than their bytes hold', () => {
  // One byte of a packed block set to 255 (checksums made right): DocIds run past the segment. Before
  // the merge checked them, optimize() threw RangeError: Invalid array length, or ran out of memory.
  const index = new SearchIndex();
  for (let i = 0; i < 200; i++) index.add({ id: String(i), title: 'harbour', body: 'harbour '.repeat(1 + (i % 3)) });
  const good = index.serialize();
  const postings = section(good, SectionKind.postings, 0);
  for (const at of [36, 40, 48, 60]) {
    const bytes = good.slice();
    bytes[postings.offset + at] = 255;
    const dv = new DataView(bytes.buffer);
    dv.setUint32(postings.entry + 16, checksum32(bytes.subarray(postings.offset, postings.offset + postings.length)), true);
    dv.setUint32(12, checksum32(bytes.subarray(HEADER_BYTES, HEADER_BYTES + dv.getUint32(8, true) * TABLE_ENTRY_BYTES)), true);
    const loaded = SearchIndex.deserialize(bytes);
    try {
      loaded.search('harbour', { documentFields: [] });
      loaded.remove('5');
      loaded.optimize();
    } catch (e) {
      assert.ok(e instanceof IndexFormatError, `byte ${at}: ${String(e)}`);
    }
  }
});

/** `bytes` (a copy) with section `kind` of `segment` changed in place and every checksum made right again. */
function patched(bytes: Uint8Array, kind: number, segment: number, change: (body: Uint8Array) => void): Uint8Array {
  const out = bytes.slice();
  const s = section(out, kind, segment);
  const body = out.subarray(s.offset, s.offset + s.length);
  change(body);
  const dv = new DataView(out.buffer);
  dv.setUint32(s.entry + 16, checksum32(body), true);
  dv.setUint32(12, checksum32(out.subarray(HEADER_BYTES, HEADER_BYTES + dv.getUint32(8, true) * TABLE_ENTRY_BYTES)), true);
  return out;
}

/** Runs `uses` on `bytes` loaded; each may succeed or throw IndexFormatError, nothing else. */
function onlyFormatErrors(bytes: Uint8Array, uses: Record<string, (index: SearchIndex) => unknown>): string[] {
  const refused: string[] = [];
  for (const [name, use] of Object.entries(uses)) {
    try {
      use(SearchIndex.deserialize(bytes));
    } catch (e) {
      assert.ok(e instanceof IndexFormatError, `${name}: ${String(e)}`);
      refused.push(name);
    }
  }
  return refused;
}

test('crafted tfs, exact-form ordinals, dictionary order and fractional dates are IndexFormatErrors, before any allocation by them', () => {
  // A packed block's title tf width 0 → 31 bits: tfs in the billions, which a phrase sized positions by.
  const crude = new SearchIndex();
  for (let i = 0; i < 130; i++) crude.add({ id: String(i), title: 'crude harbour', body: `w${i} v${i} u${i}` });
  const wide = patched(crude.serialize(), SectionKind.postings, 0, (body) => {
    assert.equal([...body.subarray(0, 3)], [body[0]!, body[1]!, 0]);
    body[2] = 31;
  });
  const uses = {
    phrase: (i: SearchIndex) => i.search('"crude harbour"'),
    proximity: (i: SearchIndex) => i.search('crude harbour'),
    explain: (i: SearchIndex) => i.explain('crude', '3'),
    optimize: (i: SearchIndex) => {
      i.remove('5');
      i.optimize();
    },
  };
  assert.equal(onlyFormatErrors(wide, uses), Object.keys(uses));
  // An exact form's ordinal into its stem's list moved past the list (segment 0 holds two postings).
  const forms = new SearchIndex({ maxBufferedDocs: 2, maxSegments: 10 });
  forms.addAll([
    { id: 'a', title: 'harbours', body: 'x' }, { id: 'b', title: 'harbour', body: 'y' },
    { id: 'c', title: 'harbours', body: 'z' }, { id: 'd', title: 'harbour', body: 'w' },
  ]);
  forms.flush();
  const ordinal = patched(forms.serialize(), SectionKind.postings, 0, (body) => {
    body[0] = 3 << 2;
  });
  assert.ok(onlyFormatErrors(ordinal, { optimize: (i) => i.optimize() }).includes('optimize'));
  // A dictionary no longer sorted ('aaa' → 'zaa' in segment 1): the merge walks inputs in order.
  const sorted = new SearchIndex({ maxBufferedDocs: 2, maxSegments: 10 });
  for (let s = 0; s < 3; s++) sorted.addAll([{ id: `h${s}`, title: 'harbours', body: s === 1 ? 'aaa' : 'x' }, { id: `g${s}`, title: 'harbour', body: 'y' }]);
  sorted.flush();
  const unsorted = patched(sorted.serialize(), SectionKind.terms, 1, (body) => {
    body[new TextDecoder().decode(body).indexOf('aaa')] = 0x7a;
  });
  assert.ok(onlyFormatErrors(unsorted, { optimize: (i) => i.optimize() }).includes('optimize'));
  // A positions block's Rice parameter 0 → 31 with quotients of 1: positions of 2^31 and more.
  const wordy = new SearchIndex();
  for (let i = 0; i < 200; i++) wordy.add({ id: String(i), title: 'crude harbour', body: `w${i}` });
  const farPositions = patched(wordy.serialize(), SectionKind.positions, 0, (body) => {
    body[0] = 31;
    body[1] = 0xaa;
  });
  assert.ok(onlyFormatErrors(farPositions, { optimize: (i) => {
    i.remove('0');
    i.optimize();
  } }).includes('optimize'));
  // A raw date column holding a fractional millisecond (no added date can be one).
  const dated = new SearchIndex();
  dated.add({ id: 'a', title: 'harbour', body: 'x', date: 1_710_689_672_123 });
  const fractional = patched(dated.serialize(), SectionKind.dates, 0, (body) => {
    new DataView(body.buffer, body.byteOffset).setFloat64(8, 1_710_689_672_123.5, true);
  });
  assert.equal(onlyFormatErrors(fractional, { search: (i) => i.search('harbour'), stats: (i) => i.stats() }), ['search', 'stats']);
});

test('stored lengths that do not add up to the stored section are refused when a document is read', () => {
  for (const change of [(body: Uint8Array) => body.fill(0x7f), (body: Uint8Array) => body.fill(0), (body: Uint8Array) => body.fill(0xff)]) {
    const bytes = crafted(SectionKind.storedOffsets, 0, change);
    const loaded = SearchIndex.deserialize(bytes);
    assert.ok(loaded.search('port', { documentFields: [] }).hits.length > 0);
    assert.throws(() => loaded.search('port'), refusedAs('section:storedOffsets/0'));
  }
});

test('a search refused mid-way leaves nothing behind: the next search of a sound index answers as before', () => {
  const sound = SearchIndex.deserialize(BYTES);
  const queries: Array<[string, Record<string, unknown>]> = [
    ['port trade', {}],
    ['port', { defaultOperator: 'and' }],
    ['port shipping', { filter: () => true }],
    ['trade', { sort: 'newest' }],
  ];
  const expected = queries.map(([q, o]) => sound.search(q, { ...o, documentFields: [] }));
  const broken = SearchIndex.deserialize(crafted(SectionKind.ids, 1, (body) => {
    body[0] = 9;
  }));
  for (const [q, o] of queries) {
    assert.throws(() => broken.search(q, { ...o, documentFields: [] }), refusedAs('section:ids/1'), q);
    queries.forEach(([q2, o2], i) => assert.equal(sound.search(q2, { ...o2, documentFields: [] }), expected[i], `${q2} after ${q}`));
  }
  // So does a search whose filter throws part way through scoring.
  for (const [q, o] of queries) {
    let calls = 0;
    const filter = (): boolean => {
      if (++calls > 5) throw new Error('filter failed');
      return true;
    };
    assert.throws(() => sound.search(q, { ...o, filter, documentFields: [] }), /filter failed/, q);
    queries.forEach(([q2, o2], i) => assert.equal(sound.search(q2, { ...o2, documentFields: [] }), expected[i], `${q2} after a failed filter on ${q}`));
  }
});

test('postings that are noise are refused naming the section and its segment, whichever reader meets them', () => {
  const parts = new Set<string>();
  // 0xff bytes run every varint on; 25 is a Rice parameter past MAX_RICE_K, which only the block
  // reader checks.
  for (const fill of [0xff, MAX_RICE_K + 1]) {
    const loaded = SearchIndex.deserialize(crafted(SectionKind.postings, 1, (body) => {
      body.fill(fill);
    }));
    for (const query of ['port', 'trade', 'port trade', '"crude oil"', 'bank*', 'harbr~1', 'prices', 'minister']) {
      try {
        loaded.search(query, { documentFields: [] });
      } catch (e) {
        assert.ok(e instanceof IndexFormatError, String(e));
        parts.add(e.part);
      }
    }
  }
  assert.ok(parts.size > 0, 'noise is noticed');
  for (const part of parts) assert.match(part, /^section:\w+\/1$/);
  // One Rice block's parameter out of range, which only the block reader checks.
  const data = decodeIndex(BYTES, []).segments[1]!.data;
  data.dictionary.decodeAllMetadata();
  let target = -1;
  for (let t = 0; t < data.dictionary.size && target < 0; t++) {
    const df = data.termDf[t]!;
    if (df >= 3 && df < 128 && data.postings[data.termPostingsStart[t]!] !== 0xff) target = t;
  }
  assert.ok(target >= 0);
  const at = data.termPostingsStart[target]!;
  const broken = decodeIndex(crafted(SectionKind.postings, 1, (body) => {
    body[at] = MAX_RICE_K + 1;
  }), []).segments[1]!.data;
  assert.throws(() => broken.dictionary.lookup(data.dictionary.term(target)), refusedAs('section:postings/1'));
});

test('a damaged stored symbol table loads, ids-only search works, and a stored read is refused', () => {
  // The first symbol claims 9 bytes (at most 8): the table is checked when first read, not at load.
  const bytes = crafted(SectionKind.storedSymbols, 0, (body) => {
    body[1] = 9;
  });
  const loaded = SearchIndex.deserialize(bytes);
  assert.ok(loaded.search('port', { documentFields: [] }).hits.length > 0);
  assert.throws(() => loaded.search('port'), refusedAs('section:storedSymbols'));
});

test('stored bytes that do not decode to stored-field JSON are refused when read', () => {
  // All escapes: a document of odd length ends in a dangling escape, others decode to bytes 0xFF,
  // which are no UTF-8 and so no JSON.
  const bytes = crafted(SectionKind.stored, 0, (body) => {
    body.fill(255);
  });
  const loaded = SearchIndex.deserialize(bytes);
  assert.throws(() => loaded.search('port'), refusedAs('section:stored'));
});

test('a lying exact-form stem table loads, and is refused when an exact form\'s postings are first read', () => {
  // Entry 0 claims stem ordinal 0: an exact form itself, never a stem.
  const bytes = crafted(SectionKind.exactStems, 0, (body) => {
    let p = 0;
    while (body[p]! >= 0x80) p++; // the count's varint
    body[p + 1] = 1; // zigzag delta 0 from 0, plus one
  });
  const loaded = SearchIndex.deserialize(bytes);
  // Words alone read no exact form's postings.
  assert.equal(loaded.search('crude', { documentFields: [] }).total, build().search('crude').total);
  // A merge reads every exact form's postings.
  assert.throws(() => loaded.optimize(), refusedAs('section:exactStems/0'));
  // The failed merge replaced nothing: every document is still there and answers as before.
  assert.is(loaded.size, build().size);
  assert.equal(loaded.search('crude', { documentFields: [] }).total, build().search('crude').total);
});

test('positions that are noise are refused naming the positions section, or answer; never another exception or a hang', () => {
  // A one-block term's positions length is read off its block at first use, so noise mostly
  // surfaces there as an IndexFormatError; reads of blocks whose bounds survive see only numbers.
  const random = rng(97);
  const bytes = crafted(SectionKind.positions, 0, (body) => {
    for (let i = 0; i < body.length; i++) body[i] = Math.floor(random() * 256);
  });
  const loaded = SearchIndex.deserialize(bytes);
  let refused = 0;
  for (const query of ['"port trade"', '"crude oil prices"', 'port trade', 'harbor shipping exports', 'port', 'trade']) {
    try {
      assert.ok(loaded.search(query, { documentFields: [], highlight: true }).total >= 0, query);
    } catch (e) {
      assert.ok(e instanceof IndexFormatError && /positions|postings|termTable/.test(e.part), String(e));
      refused++;
    }
  }
  assert.ok(refused > 0, 'noise is noticed');
});

test('files of formats 3 (varint-only posting blocks), 4 (plain stored JSON), 5 (varint positions), 6 (exact forms by DocId), 7 (every term length stored) and 8 (max tf and min length per block) are refused with the version named', () => {
  for (const version of [3, 4, 5, 6, 7, 8]) {
    const old = BYTES.slice();
    new DataView(old.buffer).setUint32(4, version, true);
    assert.throws(() => SearchIndex.deserialize(old), (e: unknown) => e instanceof IndexFormatError && e.part === 'version' && e.found === version && e.expected === FORMAT_VERSION);
  }
});

// ---- Property: small random corpora answer identically built and loaded.

const docArb = fc.record({
  title: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }),
  body: fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }),
  category: fc.constantFrom(...CATEGORIES),
  month: fc.option(fc.integer({ min: 0, max: 11 }), { nil: undefined }),
});
const queryArb = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  fc.constantFrom(...WORDS).map((w) => `${w.slice(0, 2)}*`),
  fc.constantFrom(...WORDS).map((w) => `${w}~1`),
  fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b]) => `"${a} ${b}"`),
  fc.string({ maxLength: 6 }),
);

test('property: random small corpora answer random queries identically, built and freshly loaded', () => {
  fc.assert(
    fc.property(
      fc.array(docArb, { minLength: 1, maxLength: 40 }),
      fc.array(queryArb, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 5, max: 60 }),
      (docs, queries, buffered) => {
        const built = new SearchIndex({ maxBufferedDocs: buffered });
        built.addAll(
          docs.map((d, i) => ({
            id: `p${i}`,
            title: d.title.join(' '),
            body: d.body.join(' '),
            category: d.category,
            ...(d.month === undefined ? {} : { date: `1987-${String(d.month + 1).padStart(2, '0')}-15` }),
          })),
        );
        if (docs.length > 3) built.remove('p1');
        const loaded = SearchIndex.deserialize(built.serialize());
        for (const q of queries) assert.equal(loaded.search(q, { limit: 20 }), built.search(q, { limit: 20 }), q);
        assert.equal(loaded.stats(), built.stats());
      },
    ),
    { numRuns: 300, seed: 21578 },
  );
});

test.run();
