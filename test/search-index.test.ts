// Specification of the SearchIndex facade: documents in, ranked hits out, typed errors on bad input.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SearchIndex, InvalidDocumentError, InvalidOptionError, type Analyzer, type NewsDocument, type Schema, type SearchIndexOptions } from '../src/index.js';
import { rng, zipfText, zipfWords } from './_support/random.js';

const docs: NewsDocument[] = [
  { id: 'a', title: 'Port of Qingdao sets throughput record', date: '2024-03-17 15:34:32', body: 'The port handled more containers than ever.', url: 'https://example.com/a' },
  { id: 'b', title: 'City budget deficit narrows', date: '2024-02-01', body: 'The council reported a smaller deficit; the port paid more fees.' },
  { id: 'c', title: 'Trade fair opens', date: 'Sun, 17 Mar 2024 09:00:00 +0800', body: 'Exhibitors from 40 countries came to the trade fair near the harbour.' },
  { id: 'd', title: 'Electric vehicles', body: 'Sales of electric vehicles rose in March 2024.' },
];

function build(): SearchIndex {
  const index = new SearchIndex();
  index.addAll(docs);
  return index;
}

test('finds documents by stemmed terms and ranks the title match first', () => {
  const { hits, total } = build().search('ports');
  assert.equal(total, 2);
  assert.equal(hits.map((h) => h.id), ['a', 'b']);
  assert.ok(hits[0]!.score > hits[1]!.score);
});

test('hits carry the stored fields under document, with the date as ISO 8601', () => {
  const hit = build().search('throughput').hits[0]!;
  assert.equal(hit.id, 'a');
  assert.equal(hit.document, { title: 'Port of Qingdao sets throughput record', date: '2024-03-17T15:34:32.000Z', url: 'https://example.com/a' });
  assert.not.ok('title' in (hit as unknown as Record<string, unknown>));
});

test('documentFields picks the stored fields a hit carries; [] gives ids and scores only', () => {
  const index = build();
  const all = index.search('port').hits;
  const some = index.search('port', { documentFields: ['date', 'url'] }).hits;
  const none = index.search('port', { documentFields: [] }).hits;
  // The same hits in the same order with the same scores: only the documents differ.
  for (const hits of [some, none]) assert.equal(hits.map((h) => [h.id, h.score]), all.map((h) => [h.id, h.score]));
  assert.equal(some[0]!.document, { date: '2024-03-17T15:34:32.000Z', url: 'https://example.com/a' });
  assert.equal(some[1]!.document, { date: '2024-02-01T00:00:00.000Z' });
  for (const hit of none) assert.equal(hit.document, {});
  // Highlights still come from the whole document; the filter still sees it too.
  const seen: string[] = [];
  const lit = index.search('port', {
    documentFields: [],
    highlight: true,
    filter: (document) => {
      seen.push(String(document['title']));
      return true;
    },
  }).hits[0]!;
  assert.equal(lit.document, {});
  assert.ok(lit.highlights!['title']![0]!.text.includes('<mark>Port</mark>'));
  assert.ok(seen.includes('Port of Qingdao sets throughput record'));
  for (const bad of [['body'], ['nope'], 'title'] as unknown as string[][]) {
    assert.throws(() => index.search('port', { documentFields: bad }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'documentFields');
  }
});

test('free text ORs terms; documents matching more terms rank higher', () => {
  const { hits, total } = build().search('trade fair harbour deficit');
  assert.equal(total, 2);
  assert.equal(hits[0]!.id, 'c');
});

test('dates are searchable as words through the date field', () => {
  const ids = build().search('march 2024').hits.map((h) => h.id);
  // a and c are dated March 2024; d mentions "March 2024" in its body; b only shares the year.
  assert.equal(new Set(ids.slice(0, 3)), new Set(['a', 'c', 'd']));
  assert.equal(ids[3], 'b');
  assert.equal(build().search('2024-03-17').hits.map((h) => h.id).sort(), ['a', 'c']);
});

test('limit and offset page through a stable ranking; total counts all matches', () => {
  const index = build();
  const all = index.search('the port fair vehicles deficit', { limit: 100 }).hits.map((h) => h.id);
  const paged = [0, 1, 2, 3].flatMap((offset) => index.search('the port fair vehicles deficit', { limit: 1, offset }).hits.map((h) => h.id));
  assert.equal(paged, all);
  assert.equal(index.search('port', { limit: 0 }).total, 2);
});

test('fields restricts matching; boost overrides field weights', () => {
  const index = build();
  assert.equal(index.search('port', { fields: ['title'] }).hits.map((h) => h.id), ['a']);
  const bodyFirst = index.search('port', { boost: { title: 0, body: 5 } }).hits;
  assert.equal(bodyFirst.length, 2);
  assert.throws(() => index.search('port', { fields: ['nope'] }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'fields');
});

test('filter keeps only accepted hits and total counts only those', () => {
  const r = build().search('port', { filter: (doc) => typeof doc['date'] === 'string' && (doc['date'] as string) < '2024-03-01' });
  assert.equal(r.hits.map((h) => h.id), ['b']);
  assert.equal(r.total, 1);
});

test('a filter may search the same index: the outer search keeps its own scores', () => {
  const index = build();
  const plain = index.search('port trade fair harbour', { limit: 10 });
  const phrase = index.search('"trade fair"', { limit: 10 });
  const nested = index.search('port trade fair harbour', {
    limit: 10,
    filter: () => {
      // Every kind of inner search, while the outer one is between its accumulator and its results.
      index.search('port fees', { limit: 3 });
      index.search('"trade fair"', { limit: 3 });
      index.search('port', { limit: 3, filter: () => index.search('deficit').total > 0 });
      return true;
    },
  });
  assert.equal(nested.hits, plain.hits);
  assert.equal(nested.total, plain.total);
  assert.equal(index.search('"trade fair"', { limit: 10 }).hits, phrase.hits);
});

test('a filter that throws leaves no scores behind for the next search', () => {
  const index = build();
  const before = index.search('port deficit', { limit: 10 });
  assert.throws(() =>
    index.search('port deficit', {
      filter: () => {
        throw new Error('boom');
      },
    }),
  );
  assert.equal(index.search('port deficit', { limit: 10 }), before);
});

test('a filter that changes the index: the search answers from the segments it started with', () => {
  const make = (): SearchIndex => {
    const index = new SearchIndex();
    index.addAll([
      { id: 'a', title: 'port strike', body: 'dock workers' },
      { id: 'b', title: 'port closed', body: 'harbour shut' },
      { id: 'c', title: 'harbour', body: 'quiet day' },
    ]);
    index.flush();
    return index;
  };
  const changes: Array<(index: SearchIndex, n: number) => void> = [
    (index, n) => {
      index.add({ id: `n${n}`, title: 'port new', body: 'more' });
      index.flush();
    },
    (index, n) => {
      index.add({ id: `n${n}`, title: 'port new', body: 'more' });
      index.search('port');
    },
    (index) => {
      index.remove('a');
      index.optimize();
    },
    (index) => {
      index.remove('c');
      index.optimize();
    },
  ];
  for (const change of changes) {
    const index = make();
    let calls = 0;
    const result = index.search('port', { filter: () => (change(index, calls++), true) });
    // Two documents held "port" when the search began: the filter ran for them alone, and each hit
    // carries its own stored fields.
    assert.is(calls, 2);
    assert.equal(result.hits.map((h) => [h.id, h.document['title']]).sort(), [['a', 'port strike'], ['b', 'port closed']]);
    // The changes themselves took effect for the next search.
    const after = index.search('port', { limit: 100 }).hits.map((h) => h.id);
    assert.ok(after.every((id) => ['a', 'b', 'n0', 'n1'].includes(id)), after.join());
  }
});

test('a merge keeps positions past the count of indexed words (stop words hold positions too)', () => {
  const index = new SearchIndex({ maxBufferedDocs: 1 });
  index.add({ id: 'a', title: 'the of and the a an port', body: 'the the the the the harbour of the the crude' });
  index.add({ id: 'b', title: 'port', body: 'a b c d e f g h i j k harbour' });
  index.optimize();
  assert.is(index.stats().segments, 1);
  assert.equal(index.search('"port"').hits.map((h) => h.id).sort(), ['a', 'b']);
  assert.equal(index.search('"harbour of the the crude"').hits.map((h) => h.id), ['a']);
  assert.equal(index.search('"harbour crude"').hits.map((h) => h.id), []);
});

test('ties are broken by id', () => {
  const index = new SearchIndex();
  index.addAll([
    { id: 'z', title: 'identical', body: 'text' },
    { id: 'm', title: 'identical', body: 'text' },
    { id: 'a', title: 'identical', body: 'text' },
  ]);
  assert.equal(index.search('identical').hits.map((h) => h.id), ['a', 'm', 'z']);
});

test('remove, replace and has; removed documents never come back', () => {
  const index = build();
  assert.ok(index.remove('a'));
  assert.not.ok(index.remove('a'));
  assert.not.ok(index.has('a'));
  assert.equal(index.size, 3);
  assert.equal(index.search('throughput').total, 0);
  index.replace({ id: 'b', title: 'Harbour dredging starts', body: 'Dredging of the harbour began.' });
  assert.equal(index.search('deficit').total, 0);
  assert.equal(index.search('dredging').hits.map((h) => h.id), ['b']);
  index.optimize();
  assert.equal(index.search('throughput').total, 0);
  assert.equal(index.search('dredging').hits.map((h) => h.id), ['b']);
  assert.equal(index.segmentCount, 1);
});

test('invalid documents throw InvalidDocumentError with id and field', () => {
  const index = build();
  const cases: Array<[unknown, string | undefined, string]> = [
    [{ title: 'x', body: 'y' }, undefined, 'id'],
    [{ id: 42, title: 'x', body: 'y' }, undefined, 'id'],
    [{ id: '', title: 'x', body: 'y' }, undefined, 'id'],
    [{ id: 'e', title: 7, body: 'y' }, 'e', 'title'],
    [{ id: 'e', title: 'x', body: ['y'] }, 'e', 'body'],
    [{ id: 'e', title: 'x', body: 'y', date: 'not a date' }, 'e', 'date'],
    [{ id: 'e', title: 'x', body: 'y', date: {} }, 'e', 'date'],
    [{ id: 'e', title: 'x', body: 'y', source: { a: 1 } }, 'e', 'source'],
    // Indexed as a word but stored as absent (JSON has no NaN): refused instead.
    [{ id: 'e', title: 'x', body: 'y', source: Number.NaN }, 'e', 'source'],
    [{ id: 'e', title: 'x', body: 'y', url: Number.POSITIVE_INFINITY }, 'e', 'url'],
    [{ id: 'a', title: 'dup', body: 'dup' }, 'a', 'id'],
    [null, undefined, 'document'],
  ];
  for (const [doc, id, field] of cases) {
    assert.throws(
      () => index.add(doc as NewsDocument),
      (e: unknown) => e instanceof InvalidDocumentError && e.id === id && e.field === field,
      JSON.stringify(doc),
    );
  }
  assert.equal(index.size, 4);
});

test('addAll validates the whole batch first: a bad document leaves the index exactly as it was', () => {
  const index = build();
  const before = index.search('port fair', { limit: 10 });
  assert.throws(
    () => index.addAll([{ id: 'n1', title: 'port news', body: 'port' }, { id: 'n2', title: 'x', body: 'y', date: '2024-02-30' }]),
    (e: unknown) => e instanceof InvalidDocumentError && e.id === 'n2' && e.field === 'date',
  );
  assert.throws(() => index.addAll([{ id: 'n3', title: 'a', body: 'b' }, { id: 'n3', title: 'a', body: 'b' }]), (e: unknown) => e instanceof InvalidDocumentError);
  assert.not.ok(index.has('n1'));
  assert.not.ok(index.has('n3'));
  assert.equal(index.search('port fair', { limit: 10 }), before);
});

test('addAll across many flushes: merges wait for the next read, which leaves at most maxSegments; results as if added one by one', () => {
  const random = rng(31);
  const words = zipfWords(300);
  const batch = Array.from({ length: 700 }, (_, i) => ({ id: `n${i}`, title: zipfText(random, words, 4), body: zipfText(random, words, 30), date: `2024-0${1 + (i % 9)}-1${i % 10}` }));
  const reference = new SearchIndex();
  for (const d of batch) reference.add(d);
  const queries = ['w0 w1', 'w3', 'w10 w2 w7', '"w0 w1"', 'w5 AND w1', 'w12*'];
  const results = (index: SearchIndex): unknown => queries.map((q) => index.search(q, { limit: 20, documentFields: [] }));
  const expected = results(reference);
  // 10 documents a flush: 70 segments, past the bulk bound (4 × maxSegments) several times.
  for (const maxSegments of [2, 3, 8]) {
    const index = new SearchIndex({ maxBufferedDocs: 10, maxSegments });
    index.addAll(batch.slice(0, 350));
    assert.ok(index.segmentCount <= maxSegments, `maxSegments ${maxSegments}: ${index.segmentCount} after the first batch`);
    index.addAll(batch.slice(350, 600));
    for (const d of batch.slice(600)) index.add(d);
    assert.equal(results(index), expected, `maxSegments ${maxSegments}`);
    assert.ok(index.segmentCount <= maxSegments);
    assert.is(index.size, batch.length);
    // Removals and replacements find documents wherever their merges put them.
    assert.ok(index.remove('n5'));
    index.replace({ ...batch[400]!, body: 'replaced' });
    assert.not.ok(index.has('n5'));
    assert.equal(index.search('replaced').hits.map((h) => h.id), ['n400']);
    index.optimize();
    assert.is(index.segmentCount, 1);
    assert.is(index.size, batch.length - 1);
  }
  // A bulk load straight into optimize(): one segment, the same answers as the unmerged index.
  const direct = new SearchIndex({ maxBufferedDocs: 10, maxSegments: 3 });
  direct.addAll(batch);
  direct.optimize();
  assert.is(direct.segmentCount, 1);
  assert.equal(results(direct), expected);
  const saved = new SearchIndex({ maxBufferedDocs: 10, maxSegments: 3 });
  saved.addAll(batch);
  const loaded = SearchIndex.deserialize(saved.serialize());
  assert.ok(loaded.segmentCount <= 3);
  assert.equal(results(loaded), expected);
});

test('replace validates before removing: a bad replacement keeps the old document', () => {
  const index = build();
  assert.throws(() => index.replace({ id: 'a', title: 'x', body: 'y', date: 'garbage' }), (e: unknown) => e instanceof InvalidDocumentError);
  assert.equal(index.search('throughput').hits.map((h) => h.id), ['a']);
});

test('JavaScript object keys are ordinary words', () => {
  const index = new SearchIndex();
  index.addAll([
    { id: '__proto__', title: 'constructor toString', body: '__proto__ hasOwnProperty valueOf' },
    { id: 'constructor', title: 'plain', body: 'constructor' },
  ]);
  assert.equal(index.search('constructor').total, 2);
  assert.equal(index.search('__proto__').hits.map((h) => h.id), ['__proto__']);
  assert.equal(index.search('hasOwnProperty').total, 1);
  assert.ok(index.has('__proto__'));
  const loaded = SearchIndex.deserialize(index.serialize());
  assert.equal(loaded.search('__proto__ tostring constructor'), index.search('__proto__ tostring constructor'));
  assert.ok(loaded.remove('__proto__'));
});

test('queries never throw and never produce NaN', () => {
  const index = build();
  for (const q of ['', '   ', '"', '((((', 'AND OR NOT', '*', '~~~', '\u0000', '🙂', 'a'.repeat(10_000), '-', 'title:']) {
    const r = index.search(q);
    for (const h of r.hits) assert.ok(Number.isFinite(h.score));
  }
  assert.equal(new SearchIndex().search('anything'), { hits: [], total: 0 });
});

test('bad options throw InvalidOptionError', () => {
  const index = build();
  assert.throws(() => index.search('port', { limit: -1 }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'limit');
  assert.throws(() => index.search('port', { offset: 1.5 }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'offset');
  assert.throws(() => new SearchIndex({ k1: -1 }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'k1');
  const named = (option: string) => (e: unknown): boolean => e instanceof InvalidOptionError && e.option === option;
  assert.throws(() => new SearchIndex(null as unknown as SearchIndexOptions), named('options'));
  assert.throws(() => new SearchIndex({ analyzer: {} as Analyzer }), named('analyzer'));
  for (const schema of [null, 5, [], { title: null }, { title: 'text' }, { title: { type: 'text', stored: 'yes' } }, { title: { type: 'text', analyzer: 5 } }]) {
    assert.throws(() => new SearchIndex({ schema: schema as unknown as Schema }), named('schema'), JSON.stringify(schema));
  }
  for (const documents of [null, undefined, 5, { id: 'x' }]) {
    assert.throws(() => index.addAll(documents as unknown as NewsDocument[]), named('documents'), String(documents));
  }
  // Iterables whose iterator breaks the protocol are refused the same way, and nothing is added.
  const size = index.size;
  for (const broken of [() => 5, () => ({}), () => ({ next: 5 }), () => ({ next: () => 7 }), () => ({ next: () => null })]) {
    assert.throws(() => index.addAll({ [Symbol.iterator]: broken } as unknown as NewsDocument[]), named('documents'), String(broken));
  }
  assert.is(index.size, size);
  // A batch refused part-way closes the caller's generator, as for…of would.
  let closed = false;
  function* feed(): Generator<NewsDocument> {
    try {
      yield { id: 'fresh-1', title: 'One', body: 'First.' };
      yield { id: 'fresh-1', title: 'Again', body: 'Duplicate.' };
      yield { id: 'fresh-2', title: 'Two', body: 'Never reached.' };
    } finally {
      closed = true;
    }
  }
  assert.throws(() => index.addAll(feed()), (e: unknown) => e instanceof InvalidDocumentError);
  assert.ok(closed);
  assert.is(index.size, size);
  const bytes = index.serialize();
  assert.throws(() => SearchIndex.deserialize(bytes, null as unknown as { analyzers?: Analyzer[] }), named('options'));
  assert.throws(() => SearchIndex.deserialize(bytes, { analyzers: 5 as unknown as Analyzer[] }), named('analyzers'));
  assert.throws(() => SearchIndex.deserialize(bytes, { analyzers: [{ name: 'x' } as Analyzer] }), named('analyzers'));
  assert.is(SearchIndex.deserialize(bytes, { analyzers: [] }).size, index.size);
});

test('explain breaks the score down per term and field, summing to the search score', () => {
  const index = build();
  for (const hit of index.search('port deficit council march', { limit: 10 }).hits) {
    const e = index.explain('port deficit council march', hit.id)!;
    assert.equal(e.score, hit.score);
    const termSum = e.terms.reduce((s, t) => s + t.score, 0);
    assert.ok(Math.abs(termSum - hit.score) < 1e-12);
    for (const t of e.terms) {
      const fieldSum = t.fields.reduce((s, f) => s + f.score, 0);
      assert.ok(Math.abs(fieldSum - t.score) < 1e-12);
    }
  }
  assert.equal(index.explain('port', 'missing'), undefined);
});

test('text is found from another Unicode form of it: NFD and NFC, full- and half-width', () => {
  const pairs: Array<[string, string]> = [
    ['서울특별시 시장', '서울특별시'.normalize('NFD')],
    ['ﾊﾞｽ停', 'バス'],
    ['金利は３．５％', '3.5'],
    ['売上高１，２５０億円', '1,250'],
    ['２０２４－０３－１７発表', '2024-03-17'],
    [`Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetze`.normalize('NFD'), 'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetze'],
  ];
  for (const [text, query] of pairs) {
    for (const [indexed, asked] of [[text, query], [text.normalize('NFC'), query.normalize('NFD')]] as const) {
      const index = new SearchIndex();
      index.add({ id: 'a', title: indexed, body: '' });
      index.add({ id: 'b', title: 'unrelated', body: '' });
      assert.equal(index.search(asked).hits.map((h) => h.id), ['a'], `${indexed} ← ${asked}`);
    }
  }
});

test('explain gives the proximity bonus only where search gives it: the best 30 by BM25F', () => {
  // 40 documents holding the pair adjacent: every one would earn the bonus, but search rescores only
  // the best RESCORE_WINDOW candidates, so hits 31–40 show their BM25F score alone.
  const index = new SearchIndex();
  index.addAll(Array.from({ length: 40 }, (_, i) => ({ id: `d${String(i).padStart(2, '0')}`, title: 'x', body: `trade fair ${'filler '.repeat(i)}` })));
  const { hits } = index.search('trade fair', { limit: 40 });
  assert.is(hits.length, 40);
  for (const hit of hits) assert.is(index.explain('trade fair', hit.id)!.score, hit.score, hit.id);
  const kinds = (id: string): string[] => index.explain('trade fair', id)!.terms.map((t) => t.kind);
  assert.ok(kinds(hits[0]!.id).includes('proximity'));
  assert.not.ok(kinds(hits[39]!.id).includes('proximity'));
});

test('in date order a hit scores without the proximity bonus, as explain with proximity off says', () => {
  const index = new SearchIndex();
  index.addAll([
    { id: 'near', title: 'x', date: '2024-03-01', body: 'the trade fair opened' },
    { id: 'apart', title: 'y', date: '2024-03-02', body: 'trade rose; a fair was held' },
  ]);
  for (const sort of ['newest', 'oldest'] as const) {
    const { hits } = index.search('trade fair', { sort });
    assert.is(hits.length, 2);
    for (const hit of hits) assert.is(index.explain('trade fair', hit.id, { proximity: false })!.score, hit.score, `${sort} ${hit.id}`);
  }
  // The adjacent pair earns a bonus in relevance order, so the two orders really differ in score.
  const near = index.search('trade fair').hits.find((h) => h.id === 'near')!;
  assert.ok(near.score > index.search('trade fair', { sort: 'newest' }).hits.find((h) => h.id === 'near')!.score);
});

test('scores follow every change of the length statistics, the document count unchanged', () => {
  // The weights of an unboosted search are kept between searches: a replace that changes a field's
  // length, or a remove and an add, must still give the scores of an index built from the result.
  const docs: NewsDocument[] = [
    { id: 'a', title: 'Port strike', body: 'The port closed.' },
    { id: 'b', title: 'Harbour trade', body: 'Trade through the port rose.' },
    { id: 'c', title: 'Budget', body: 'The council passed its budget for the port authority.' },
  ];
  const index = new SearchIndex();
  index.addAll(docs);
  const scores = (i: SearchIndex): number[] => i.search('port trade').hits.map((h) => h.score);
  scores(index);
  const longer: NewsDocument = { id: 'b', title: 'Harbour trade', body: `Trade through the port rose. ${'Cargo volumes grew again. '.repeat(20)}` };
  index.replace(longer);
  const rebuilt = new SearchIndex();
  rebuilt.addAll([docs[0]!, longer, docs[2]!]);
  assert.equal(scores(index), scores(rebuilt));
  index.remove('a');
  index.add({ id: 'd', title: 'Port', body: 'port port port' });
  const again = new SearchIndex();
  again.addAll([longer, docs[2]!, { id: 'd', title: 'Port', body: 'port port port' }]);
  assert.equal(scores(index), scores(again));
  // Boosts are never served from the kept weights.
  assert.equal(index.search('port', { boost: { title: 5 } }).hits.map((h) => h.score), again.search('port', { boost: { title: 5 } }).hits.map((h) => h.score));
});

test.run();
