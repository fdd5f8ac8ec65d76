// Ranking guarantees of SearchIndex.search, each on documents that differ in one respect only: kind
// of match, phrase vs scattered, field, boost, date; then sort orders, filters and pagination.
// Ids are chosen so the id tie-break alone would give the opposite order. No BM25F arithmetic here.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InvalidOptionError, SearchIndex, q, type NewsDocument, type QueryNode, type SearchOptions } from '../../src/index.js';
import { pick, rng } from '../_support/random.js';

/** Unrelated documents, so that idf behaves as in a real collection. */
function fillers(n: number): NewsDocument[] {
  const words = ['weather', 'football', 'election', 'museum', 'concert', 'railway', 'harvest', 'theatre'];
  const out: NewsDocument[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ id: `z${String(i).padStart(2, '0')}`, title: words[i % words.length]!, body: `${words[(i + 3) % words.length]!} news today` });
  }
  return out;
}

function indexOf(docs: readonly NewsDocument[], fillerCount = 20): SearchIndex {
  const index = new SearchIndex();
  index.addAll([...docs, ...fillers(fillerCount)]);
  return index;
}

function ids(index: SearchIndex, query: string, options: SearchOptions = {}): string[] {
  return index.search(query, { limit: 1000, ...options }).hits.map((h) => h.id);
}

function strictlyDescending(index: SearchIndex, query: string, options: SearchOptions = {}): void {
  const scores = index.search(query, { limit: 1000, ...options }).hits.map((h) => h.score);
  for (let i = 1; i < scores.length; i++) assert.ok(scores[i - 1]! > scores[i]!, `${query}: scores ${scores.join(', ')}`);
}

/** Exact form over another form of its stem is a tie-break (planner.ts): equal scores, exact first. */
function descendingOrTied(index: SearchIndex, query: string): void {
  const scores = index.search(query, { limit: 1000 }).hits.map((h) => h.score);
  for (let i = 1; i < scores.length; i++) assert.ok(scores[i - 1]! >= scores[i]!, `${query}: scores ${scores.join(', ')}`);
}

// ---- kind of match ----

// Same field, same length, same tf: only the kind of match differs.
const FORMS: NewsDocument[] = [
  { id: 'a-prot', title: 'the prot', body: 'shipping news today' },
  { id: 'b-portal', title: 'the portal', body: 'shipping news today' },
  { id: 'c-ports', title: 'the ports', body: 'shipping news today' },
  { id: 'd-port', title: 'the port', body: 'shipping news today' },
];

test('for the same word: the exact form ranks above another form of its stem', () => {
  const index = indexOf(FORMS);
  assert.equal(ids(index, 'port'), ['d-port', 'c-ports']);
  assert.equal(ids(index, 'ports'), ['c-ports', 'd-port']);
  descendingOrTied(index, 'port');
  descendingOrTied(index, 'ports');
});

test('the exact form wins for a short word among thousands of other forms sharing its first letters', () => {
  // 600 inflected words starting with "acq" (each has an exact form, sorted before "acts"): the
  // planner must still find "acts" as a form of "act", however many forms come before it.
  const crowd: NewsDocument[] = [];
  for (let i = 0; i < 600; i++) {
    const letters = `${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26) % 26)}`;
    crowd.push({ id: `y${i}`, title: `acq${letters}ings`, body: 'crowded dictionary' });
  }
  const index = indexOf([...FORMS, { id: 'a-acts', title: 'the acts', body: 'shipping news today' }, { id: 'b-act', title: 'the act', body: 'shipping news today' }, ...crowd]);
  assert.equal(ids(index, 'act'), ['b-act', 'a-acts']);
  assert.equal(ids(index, 'acts'), ['a-acts', 'b-act']);
});

test('the y-ing forms count as forms of their -ie stems (dying → die)', () => {
  const index = indexOf([{ id: 'a-dying', title: 'the dying', body: 'shipping news today' }, { id: 'b-die', title: 'the die', body: 'shipping news today' }]);
  assert.equal(ids(index, 'die'), ['b-die', 'a-dying']);
  assert.equal(ids(index, 'dying'), ['a-dying', 'b-die']);
});

test('for the same word: a prefix completion ranks below the word and its stem-mates', () => {
  const index = indexOf(FORMS);
  assert.equal(ids(index, 'port*'), ['d-port', 'c-ports', 'b-portal']);
  descendingOrTied(index, 'port*');
});

test('for the same word: a fuzzy match ranks below the word and its stem-mates', () => {
  const index = indexOf(FORMS);
  assert.equal(ids(index, 'port~1'), ['d-port', 'c-ports', 'a-prot']);
  descendingOrTied(index, 'port~1');
});

test('exact > same stem > prefix > fuzzy in one query', () => {
  const index = indexOf(FORMS);
  assert.equal(ids(index, 'port* OR port~1'), ['d-port', 'c-ports', 'b-portal', 'a-prot']);
  descendingOrTied(index, 'port* OR port~1');
});

test('the exact-form preference holds for words that are not their own stem', () => {
  const index = indexOf([
    { id: 'a-invested', title: 'invested', body: 'shipping news today' },
    { id: 'b-investment', title: 'investment', body: 'shipping news today' },
    { id: 'c-investing', title: 'investing', body: 'shipping news today' },
  ]);
  const r = ids(index, 'investing');
  assert.equal(r[0], 'c-investing');
  assert.equal(r.slice().sort(), ['a-invested', 'b-investment', 'c-investing']);
  assert.equal(ids(index, 'invested')[0], 'a-invested');
});

// ---- phrases ----

test('a phrase match outranks the same words scattered', () => {
  const index = indexOf([
    { id: 'a-scattered', title: 'market report', body: 'fair weather trade talks' },
    { id: 'b-phrase', title: 'market report', body: 'trade fair weather talks' },
  ]);
  // Same tf and lengths: only the phrase can put b-phrase (the larger id) first.
  assert.equal(ids(index, '"trade fair" OR (trade fair)'), ['b-phrase', 'a-scattered']);
  strictlyDescending(index, '"trade fair" OR (trade fair)');
});

test('a proximity match outranks the same words farther apart', () => {
  const index = indexOf([
    { id: 'a-far', title: 'market report', body: 'budget talks stall deficit' },
    { id: 'b-near', title: 'market report', body: 'budget talks deficit stall' },
  ]);
  assert.equal(ids(index, '"budget deficit"~1 OR (budget deficit)'), ['b-near', 'a-far']);
  // A window wide enough for both: the far pair is a proximity match too.
  assert.equal(ids(index, '"budget deficit"~2').sort(), ['a-far', 'b-near']);
  assert.equal(ids(index, '"budget deficit"~1'), ['b-near']);
  strictlyDescending(index, '"budget deficit"~1 OR (budget deficit)');
});

// ---- fields and boosts ----

test('a match in the title outranks the same match in the body', () => {
  const index = indexOf([
    { id: 'a-body', title: 'weather report', body: 'port news today' },
    { id: 'b-title', title: 'port report', body: 'weather news today' },
  ]);
  assert.equal(ids(index, 'port'), ['b-title', 'a-body']);
  strictlyDescending(index, 'port');
  // The boost option can turn it around.
  assert.equal(ids(index, 'port', { boost: { title: 0.1 } }), ['a-body', 'b-title']);
  assert.equal(ids(index, 'port', { fields: ['body'] }), ['a-body']);
});

test('a field boost of 0 takes the field out of the search (documented: neither scores nor matches)', () => {
  const index = indexOf([
    { id: 'a-body', title: 'weather report', body: 'port news today' },
    { id: 'b-title', title: 'port report', body: 'weather news today' },
  ]);
  const r = index.search('port', { boost: { title: 0 }, limit: 10 });
  assert.equal(r.hits.map((h) => h.id), ['a-body']);
  assert.is(r.total, 1);
  assert.equal(ids(index, 'title:port', { boost: { title: 0 } }), []);
  assert.equal(ids(index, 'port', { boost: { body: 0 } }), ['b-title']);
});

test('a boosted term outranks an equally good unboosted one', () => {
  const index = indexOf([
    { id: 'a-budget', title: 'market report', body: 'budget news today' },
    { id: 'b-deficit', title: 'market report', body: 'deficit news today' },
  ]);
  assert.equal(ids(index, 'budget deficit'), ['a-budget', 'b-deficit']);
  assert.equal(ids(index, 'budget deficit^2'), ['b-deficit', 'a-budget']);
  assert.equal(ids(index, 'budget (deficit)^2'), ['b-deficit', 'a-budget']);
  assert.equal(ids(index, 'budget OR "deficit news"^2'), ['b-deficit', 'a-budget']);
  strictlyDescending(index, 'budget deficit^2');
});

test('keyword metadata never changes how text scores', () => {
  const base: NewsDocument[] = [
    { id: 'a', title: 'port report', body: 'shipping news today' },
    { id: 'b', title: 'weather report', body: 'rain news today' },
    { id: 'c', title: 'railway report', body: 'train news today' },
  ];
  const plain = new SearchIndex();
  plain.addAll(base);
  const tagged = new SearchIndex();
  tagged.addAll(base.map((d) => ({ ...d, category: 'port', source: d.id === 'a' ? 'Port Daily' : 'port' })));
  for (const query of ['port', 'port*', 'port~1', '"port report"', 'port report']) {
    const p = plain.search(query).hits.map((h) => [h.id, h.score]);
    const t = tagged.search(query).hits.map((h) => [h.id, h.score]);
    assert.equal(t, p, query);
  }
});

// ---- dates ----

const SAME_TEXT = { title: 'harbour report', body: 'port news today' };

test('recency decay ranks the newer of two equal texts first; undated last', () => {
  const index = indexOf([
    { id: 'a-old', date: '2024-01-01', ...SAME_TEXT },
    { id: 'b-new', date: '2024-03-01', ...SAME_TEXT },
    { id: '0-undated', ...SAME_TEXT },
  ]);
  assert.equal(ids(index, 'port'), ['0-undated', 'a-old', 'b-new']);
  const decayed = index.search('port', { recency: { scale: '30d' }, limit: 10 });
  assert.equal(decayed.hits.map((h) => h.id), ['b-new', 'a-old', '0-undated']);
  assert.is(decayed.total, 3);
  assert.ok(decayed.hits[0]!.score > decayed.hits[1]!.score);
  assert.is(decayed.hits[2]!.score, 0);
  // The origin defaults to the newest date: the newest document keeps its whole score.
  const plain = new Map(index.search('port').hits.map((h) => [h.id, h.score]));
  assert.is(decayed.hits[0]!.score, plain.get('b-new'));
  // An origin in the past favours the older document.
  assert.equal(ids(index, 'port', { recency: { origin: '2023-12-01', scale: '30d' } }).slice(0, 2), ['a-old', 'b-new']);
  for (const fn of ['gauss', 'exp', 'linear'] as const) {
    assert.equal(ids(index, 'port', { recency: { scale: '90d', function: fn } })[0], 'b-new', fn);
  }
});

test('recency multiplies: within the offset the text ranking is unchanged', () => {
  const index = indexOf([
    { id: 'a-more', date: '2024-02-28', title: 'port report', body: 'port news today' },
    { id: 'b-less', date: '2024-03-01', ...SAME_TEXT },
  ]);
  assert.equal(ids(index, 'port'), ['a-more', 'b-less']);
  assert.equal(ids(index, 'port', { recency: { scale: '1d', offset: '10d' } }), ['a-more', 'b-less']);
  const plain = index.search('port').hits;
  const within = index.search('port', { recency: { scale: '1d', offset: '10d' } }).hits;
  assert.equal(within.map((h) => h.score), plain.map((h) => h.score));
});

const DATED: NewsDocument[] = [
  { id: 'a-mar-more', date: '2024-03-01T10:00:00Z', title: 'port report', body: 'port port news' },
  { id: 'b-mar-less', date: '2024-03-01T10:00:00Z', title: 'harbour report', body: 'port news today' },
  { id: 'c-jan', date: '2024-01-01T10:00:00Z', title: 'harbour report', body: 'port news today' },
  { id: 'd-undated-less', title: 'harbour report', body: 'port news today' },
  { id: 'e-undated-more', title: 'port report', body: 'port port news' },
  { id: 'f-feb', date: '2024-02-10T10:00:00Z', title: 'harbour report', body: 'port news today' },
];

test("sort 'newest' and 'oldest': by date, relevance breaks ties, undated last", () => {
  const index = indexOf(DATED);
  assert.equal(ids(index, 'port', { sort: 'newest' }), ['a-mar-more', 'b-mar-less', 'f-feb', 'c-jan', 'e-undated-more', 'd-undated-less']);
  assert.equal(ids(index, 'port', { sort: 'oldest' }), ['c-jan', 'f-feb', 'a-mar-more', 'b-mar-less', 'e-undated-more', 'd-undated-less']);
  const r = index.search('port', { sort: 'newest', limit: 2 });
  assert.is(r.total, 6);
  assert.equal(r.hits.map((h) => h.id), ['a-mar-more', 'b-mar-less']);
  // Hits keep their relevance scores.
  const relevance = new Map(index.search('port', { limit: 100 }).hits.map((h) => [h.id, h.score]));
  for (const h of index.search('port', { sort: 'oldest', limit: 100 }).hits) assert.is(h.score, relevance.get(h.id));
});

test('date sorts apply to every query shape', () => {
  const index = indexOf(DATED);
  assert.equal(ids(index, '*', { sort: 'newest' }).slice(0, 4), ['a-mar-more', 'b-mar-less', 'f-feb', 'c-jan']);
  assert.equal(ids(index, '"port report" OR harbour', { sort: 'oldest' }), ['c-jan', 'f-feb', 'a-mar-more', 'b-mar-less', 'e-undated-more', 'd-undated-less']);
  assert.equal(ids(index, 'port AND date:2024', { sort: 'newest' }), ['a-mar-more', 'b-mar-less', 'f-feb', 'c-jan']);
});

const EDGES: NewsDocument[] = [
  { id: 'jan-01', date: '2024-01-01T00:00:00.000Z', ...SAME_TEXT },
  { id: 'jan-31', date: '2024-01-31T23:59:59.999Z', ...SAME_TEXT },
  { id: 'feb-01', date: '2024-02-01T00:00:00.000Z', ...SAME_TEXT },
  { id: 'feb-01-plus', date: '2024-02-01T00:00:00.001Z', ...SAME_TEXT },
  { id: 'mar-31', date: '2024-03-31T23:59:59.999Z', ...SAME_TEXT },
  { id: 'apr-01', date: '2024-04-01T00:00:00.000Z', ...SAME_TEXT },
  { id: 'undated', ...SAME_TEXT },
];

function inRange(range: NonNullable<SearchOptions['dateRange']>): string[] {
  const index = new SearchIndex();
  index.addAll(EDGES);
  const r = index.search('port', { limit: 100, dateRange: range });
  assert.is(r.total, r.hits.length);
  return r.hits.map((h) => h.id).sort();
}

test('dateRange strings are read at their precision, both ends inclusive', () => {
  assert.equal(inRange({ from: '2024-01', to: '2024-03' }), ['feb-01', 'feb-01-plus', 'jan-01', 'jan-31', 'mar-31']);
  assert.equal(inRange({ from: '2024-02' }), ['apr-01', 'feb-01', 'feb-01-plus', 'mar-31']);
  assert.equal(inRange({ to: '2024-01-31' }), ['jan-01', 'jan-31']);
  assert.equal(inRange({ from: '2024-02-01', to: '2024-02-01' }), ['feb-01', 'feb-01-plus']);
  assert.equal(inRange({ from: '2024', to: '2024' }), ['apr-01', 'feb-01', 'feb-01-plus', 'jan-01', 'jan-31', 'mar-31']);
  assert.equal(inRange({}), ['apr-01', 'feb-01', 'feb-01-plus', 'jan-01', 'jan-31', 'mar-31']);
});

test('dateRange numbers and Dates are instants, inclusive', () => {
  const feb1 = Date.UTC(2024, 1, 1);
  assert.equal(inRange({ to: feb1 }), ['feb-01', 'jan-01', 'jan-31']);
  assert.equal(inRange({ to: new Date(feb1) }), ['feb-01', 'jan-01', 'jan-31']);
  assert.equal(inRange({ from: feb1 + 1 }), ['apr-01', 'feb-01-plus', 'mar-31']);
  assert.equal(inRange({ from: new Date(feb1), to: new Date(feb1) }), ['feb-01']);
  assert.equal(inRange({ from: '2024-02-01T00:00:00.001Z', to: '2024-03-31T23:59:59.999Z' }), ['feb-01-plus', 'mar-31']);
});

test('dateRange keeps relevance order and rejects what is not a date', () => {
  const index = indexOf(DATED);
  assert.equal(ids(index, 'port', { dateRange: { from: '2024-02' } }), ['a-mar-more', 'b-mar-less', 'f-feb']);
  assert.throws(() => index.search('port', { dateRange: { from: 'someday' } }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'dateRange');
  assert.throws(() => index.search('port', { dateRange: { to: Number.NaN } }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'dateRange');
});

// ---- filters ----

const TAGGED: NewsDocument[] = [
  { id: 'a', title: 'port report', body: 'port news', source: 'Xinhua', category: ['Port News', 'Trade'] },
  { id: 'b', title: 'harbour report', body: 'port news', source: 'Reuters', category: 'Trade' },
  { id: 'c', title: 'harbour report', body: 'port talk', source: 'Qingdao Daily', category: 'Port News' },
  { id: 'd', title: 'harbour report', body: 'port wire', category: 'Trade' },
];

test('where: one of the listed values in every named keyword field, case-insensitively', () => {
  const index = indexOf(TAGGED);
  assert.equal(ids(index, 'port', { where: { source: 'XINHUA' } }), ['a']);
  assert.equal(ids(index, 'port', { where: { source: ['xinhua', 'qingdao daily'] } }).sort(), ['a', 'c']);
  assert.equal(ids(index, 'port', { where: { category: 'trade' } }).sort(), ['a', 'b', 'd']);
  assert.equal(ids(index, 'port', { where: { category: 'port news', source: 'reuters' } }), []);
  assert.equal(ids(index, 'port', { where: { category: 'trade', source: ['reuters', 'xinhua'] } }).sort(), ['a', 'b']);
  assert.equal(ids(index, 'port', { where: { source: [] } }), []);
  const r = index.search('port', { where: { category: 'trade' }, limit: 1 });
  assert.is(r.total, 3);
  assert.throws(() => index.search('port', { where: { title: 'port' } }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'where');
});

test('where keeps the relevance scores of the hits it keeps', () => {
  const index = indexOf(TAGGED);
  const all = new Map(index.search('port', { limit: 100 }).hits.map((h) => [h.id, h.score]));
  for (const h of index.search('port', { where: { category: 'trade' }, limit: 100 }).hits) assert.is(h.score, all.get(h.id));
});

test('filter: a predicate over stored fields and id; total counts only accepted hits', () => {
  const index = indexOf(TAGGED);
  const seen: string[] = [];
  const r = index.search('port', {
    limit: 1,
    filter: (doc, id) => {
      seen.push(id);
      return doc['source'] !== 'Xinhua';
    },
  });
  assert.is(r.total, 3);
  assert.equal(r.hits.length, 1);
  assert.ok(r.hits[0]!.id !== 'a');
  assert.equal(seen.sort(), ['a', 'b', 'c', 'd']);
  assert.equal(ids(index, 'port', { filter: (_d, id) => id === 'c', sort: 'newest' }), ['c']);
  assert.equal(ids(index, '"port news"', { filter: (d) => d['title'] === 'harbour report' }), ['b']);
});

// ---- pagination ----

function paginationCorpus(): SearchIndex {
  const random = rng(7);
  const words = ['port', 'harbour', 'trade', 'fair', 'budget', 'deficit', 'qingdao', 'council'];
  const index = new SearchIndex({ maxBufferedDocs: 13 });
  for (let i = 0; i < 120; i++) {
    // Short texts from few words: many exact score ties, which the id must break.
    const title = `${pick(random, words)} ${pick(random, words)}`;
    const body = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random, words)).join(' ');
    const date = random() < 0.2 ? undefined : `2024-0${1 + Math.floor(random() * 3)}-1${Math.floor(random() * 3)}`;
    index.add({ id: `p${String(i).padStart(3, '0')}`, title, body, ...(date === undefined ? {} : { date }) });
  }
  return index;
}

test('pages concatenate to one big page, for relevance and date sorts', () => {
  const index = paginationCorpus();
  const variants: SearchOptions[] = [
    {}, { sort: 'newest' }, { sort: 'oldest' }, { recency: { scale: '10d' } }, { where: {} },
    { filter: (_d, id) => id.endsWith('1') === false }, { dateRange: { from: '2024-02' } },
  ];
  for (const query of ['port', 'port harbour', '"trade fair"~3 OR budget', 'port AND NOT deficit', '*', 'qingdao~1 council*']) {
    for (const options of variants) {
      const big = index.search(query, { ...options, limit: 1000 });
      for (const size of [1, 3, 7]) {
        const pages: string[] = [];
        for (let offset = 0; offset < big.hits.length + size; offset += size) {
          const page = index.search(query, { ...options, limit: size, offset });
          assert.is(page.total, big.total, `${query} ${JSON.stringify(options)} total at offset ${offset}`);
          pages.push(...page.hits.map((h) => h.id));
        }
        assert.equal(pages, big.hits.map((h) => h.id), `${query} ${JSON.stringify(options)} page size ${size}`);
      }
    }
  }
});

test('a page ending inside a run of tied scores takes the exact forms from past it', () => {
  // Twelve documents with the same score for "port": the six with "ports" sort first by id, the six
  // with "port" win by exact form. Every page, in one segment or several, is a slice of the big one.
  const docs: NewsDocument[] = [];
  for (let i = 0; i < 6; i++) docs.push({ id: `a${i}`, title: 'the ports', body: 'shipping news today' });
  for (let i = 0; i < 6; i++) docs.push({ id: `b${i}`, title: 'the port', body: 'shipping news today' });
  for (const maxBufferedDocs of [1000, 5]) {
    const index = new SearchIndex({ maxBufferedDocs });
    index.addAll([...docs, ...fillers(20)]);
    const big = ids(index, 'port');
    assert.equal(big, ['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5']);
    for (const size of [1, 2, 3, 5]) {
      for (let offset = 0; offset < big.length; offset += size) {
        assert.equal(ids(index, 'port', { limit: size, offset }), big.slice(offset, offset + size), `${maxBufferedDocs}: ${offset}+${size}`);
      }
    }
  }
});

test('a tie run longer than the page and its window still pages as one big page', () => {
  // 40 (and 300) documents with one score for "ports": those holding the exact form have the
  // highest ids, so ranked by id alone a page would take the others and never show them.
  for (const [count, exact] of [[40, 10], [300, 37]] as const) {
    const docs: NewsDocument[] = [];
    for (let i = 0; i < count; i++) docs.push({ id: `d${String(i).padStart(3, '0')}`, title: i < count - exact ? 'port' : 'ports', body: '' });
    for (const maxBufferedDocs of [1000, 7]) {
      const index = new SearchIndex({ maxBufferedDocs });
      index.addAll(docs);
      const big = ids(index, 'ports');
      assert.is(big.length, count);
      assert.equal(big.slice(0, exact), docs.slice(count - exact).map((d) => d.id));
      for (const size of [1, 10, 25]) {
        const pages: string[] = [];
        for (let offset = 0; offset < count; offset += size) pages.push(...ids(index, 'ports', { limit: size, offset }));
        assert.equal(pages, big, `${count} docs, ${maxBufferedDocs}: pages of ${size}`);
      }
      // The widened ranking asks a filter nothing twice, and one that drops documents pages alike.
      const asked = new Map<string, number>();
      const odd = (_doc: unknown, id: string): boolean => {
        asked.set(id, (asked.get(id) ?? 0) + 1);
        return Number(id.slice(1)) % 2 === 1;
      };
      const filtered = ids(index, 'ports', { filter: odd, limit: 10 });
      assert.ok(Math.max(...asked.values()) === 1, `${count} docs, ${maxBufferedDocs}: a filter asked twice`);
      assert.equal(filtered, big.filter((id) => Number(id.slice(1)) % 2 === 1).slice(0, 10));
    }
  }
});

test('a long tie orders by how many exact forms each document holds, then by id', () => {
  // Same stem count and length, so one score for "ports": ports ports (+2), port ports (0), port port (−2).
  const bodies = ['ports ports', 'port ports', 'port port'];
  const random = rng(5);
  const docs: NewsDocument[] = [];
  for (let i = 0; i < 240; i++) docs.push({ id: `t${String(Math.floor(random() * 1e6)).padStart(6, '0')}-${i}`, title: 'harbour', body: bodies[i % 3]! });
  const expected = [0, 1, 2].flatMap((kind) => docs.filter((_, i) => i % 3 === kind).map((d) => d.id).sort());
  for (const maxBufferedDocs of [1000, 37]) {
    const index = new SearchIndex({ maxBufferedDocs });
    index.addAll(docs);
    assert.equal(ids(index, 'ports'), expected, `${maxBufferedDocs}: one big page`);
    const pages: string[] = [];
    for (let offset = 0; offset < docs.length; offset += 25) pages.push(...ids(index, 'ports', { limit: 25, offset }));
    assert.equal(pages, expected, `${maxBufferedDocs}: pages of 25`);
  }
});

test('a recency decay that zeroes old documents leaves one long tie, paged consistently', () => {
  const docs: NewsDocument[] = [];
  for (let i = 0; i < 60; i++) {
    // Newest two are within the decay; the rest score 0 and tie, exact forms first.
    const date = i < 2 ? `2024-06-2${i}` : `2023-0${1 + (i % 9)}-10`;
    docs.push({ id: `r${String(i).padStart(2, '0')}`, title: i % 3 === 0 ? 'prices' : 'price', body: 'market report', date });
  }
  const index = new SearchIndex();
  index.addAll(docs);
  const options: SearchOptions = { recency: { scale: '1d', function: 'linear' } };
  const big = ids(index, 'prices', options);
  assert.is(big.length, 60);
  for (const size of [5, 10, 20]) {
    const pages: string[] = [];
    for (let offset = 0; offset < 60; offset += size) pages.push(...ids(index, 'prices', { ...options, limit: size, offset }));
    assert.equal(pages, big, `pages of ${size}`);
  }
});

test('pages of a word common enough for pruned ranking are slices of the exhaustive big page, ties included', () => {
  // 1,500 documents hold "port" (a pruned single-term list), in groups of five with one body length
  // each: the five tie on score, and exact forms then ids order them ("ports" ids sort first).
  const docs: NewsDocument[] = [];
  for (let g = 0; g < 300; g++) {
    const body = `port ${'shipping '.repeat(g)}news`;
    for (let i = 0; i < 5; i++) docs.push({ id: `g${String(g).padStart(3, '0')}-${i}`, title: i < 2 ? 'the ports' : 'the port', body });
  }
  const index = new SearchIndex();
  index.addAll(docs);
  // Over 1,000 results the executor does not prune: the big page is the exhaustive order.
  const big = ids(index, 'port', { limit: 1500 });
  assert.is(big.length, 1500);
  for (const size of [1, 3, 7, 10]) {
    for (let offset = 0; offset < 60; offset += size) {
      assert.equal(ids(index, 'port', { limit: size, offset }), big.slice(offset, offset + size), `${offset}+${size}`);
    }
  }
});

test('relevance order is score descending, then id ascending', () => {
  const index = paginationCorpus();
  for (const query of ['port', 'port harbour', '"trade fair"~3 OR budget', 'qingdao~1 council*']) {
    const hits = index.search(query, { limit: 1000 }).hits;
    for (let i = 1; i < hits.length; i++) {
      const a = hits[i - 1]!;
      const b = hits[i]!;
      assert.ok(a.score > b.score || (a.score === b.score && a.id < b.id), `${query}: ${a.id} ${a.score} before ${b.id} ${b.score}`);
    }
  }
});

test('results do not depend on segments, merges or a save/load round trip', () => {
  const segmented = paginationCorpus();
  const merged = paginationCorpus();
  merged.optimize();
  const loaded = SearchIndex.deserialize(segmented.serialize());
  for (const query of ['port', '"trade fair"~3 OR budget', 'port AND NOT deficit', 'qingdao~1 council*', 'date:2024-02 harbour']) {
    for (const options of [{}, { sort: 'newest' as const }, { recency: { origin: '2024-03-30', scale: '10d' } }]) {
      const expected = segmented.search(query, { ...options, limit: 1000 });
      assert.equal(merged.search(query, { ...options, limit: 1000 }), expected, `${query} merged`);
      assert.equal(loaded.search(query, { ...options, limit: 1000 }), expected, `${query} loaded`);
    }
  }
});

test('scores are never NaN or infinite', () => {
  const index = paginationCorpus();
  index.add({ id: 'empty', title: '', body: '' });
  index.add({ id: 'stop', title: 'the of and', body: 'a an the' });
  const options: SearchOptions[] = [
    {}, { boost: { title: 0, body: 0, date: 0 } }, { boost: { title: 1e6 } }, { recency: { scale: 1 } },
    { boost: { title: 1e6, body: 1e6, date: 1e6 } },
    { recency: { scale: '1y', decay: 0.999, function: 'linear' } }, { sort: 'oldest' }, { fields: ['date'] },
  ];
  // Query boosts are plain decimals: 1e307 spelled out, and nested so they multiply.
  const huge = `1${'0'.repeat(307)}`;
  for (const query of [
    'port', 'port harbour', '"port port"~1000', '*', 'the', 'p*', 'x~2', '-port', '(port)^0.0001',
    `port^${huge} harbour^${huge}`, `"trade fair"^${huge}`, `((port harbour)^${huge})^${huge}`, `+port^${huge} qingdao~1`,
  ]) {
    for (const o of options) {
      for (const h of index.search(query, { ...o, limit: 1000 }).hits) assert.ok(Number.isFinite(h.score), `${query} ${JSON.stringify(o)}: ${h.score}`);
    }
  }
  // Query trees nest deeper than the parser does: their boosts multiply, within the same clamp.
  let tree: QueryNode = q.term('port');
  let tiny: QueryNode = q.term('port');
  for (let i = 0; i < 100; i++) {
    tree = q.bool({ should: [tree, q.term('harbour')], boost: 1e6 });
    tiny = q.bool({ should: [tiny], boost: 1e-6 });
  }
  for (const o of options) {
    for (const t of [tree, tiny]) {
      const hits = index.search(t, { ...o, limit: 1000 }).hits;
      for (const h of hits) assert.ok(Number.isFinite(h.score), `nested ${JSON.stringify(o)}: ${h.score}`);
    }
  }
  assert.ok(index.search(tiny).hits.length > 0);
  const top = index.search(tree).hits[0]!;
  assert.is(index.explain(tree, top.id)!.score, top.score);
  // Field boosts beyond 1e6 are refused up front rather than overflowing.
  for (const boost of [1e300, Number.MAX_VALUE, Infinity, -1, Number.NaN]) {
    assert.throws(() => index.search('port', { boost: { title: boost } }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'boost');
  }
});

test.run();
