// Search options are copied before a search reads them: every option given survives the copy, from
// any kind of object, and a search answers alike whatever way its options object was made.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SearchIndex, InvalidOptionError, type NewsDocument, type SearchOptions } from '../src/index.js';
import { copySearchOptions } from '../src/search-options.js';

/** One value for every SearchOptions key (a key missing here fails to compile). */
const every: Required<SearchOptions> = {
  limit: 3,
  offset: 1,
  fields: ['title'],
  boost: { title: 3 },
  filter: () => true,
  mode: 'strict',
  defaultOperator: 'and',
  maxExpansions: 7,
  dateRange: { from: '2024-01-01' },
  where: { section: 'world' },
  sort: 'newest',
  recency: { scale: '7d' },
  highlight: true,
  facets: { fields: ['section'] } as unknown as Required<SearchOptions>['facets'],
  documentFields: ['title'],
  proximity: false,
};
const keys = Object.keys(every) as (keyof SearchOptions)[];

function same(copy: SearchOptions, from: SearchOptions): void {
  for (const key of keys) assert.is(copy[key], from[key], key);
}

test('every option of a plain object is copied, and only known ones', () => {
  same(copySearchOptions(every), every);
  const copy = copySearchOptions({ limit: 4, unknown: 1 } as SearchOptions) as Record<string, unknown>;
  assert.is(copy.limit, 4);
  assert.is(copy.unknown, undefined);
  for (const key of keys) if (key !== 'limit') assert.is(copy[key], undefined, key);
  // An unknown key is not even read: a getter there is the caller's business.
  const guarded = { limit: 6 } as Record<string, unknown>;
  Object.defineProperty(guarded, 'tripwire', { enumerable: true, get: () => { throw new Error('read an unknown key'); } });
  assert.is(copySearchOptions(guarded as SearchOptions).limit, 6);
  // Known keys are read once each, whether named or spread in.
  let reads = 0;
  const counted = { ...{ offset: 1 } } as Record<string, unknown>;
  Object.defineProperty(counted, 'limit', { enumerable: true, get: () => ++reads });
  assert.is(copySearchOptions(counted as SearchOptions).limit, 1);
  assert.is(reads, 1);
});

test('options built by spreading, through a prototype, from a class, or non-enumerable are all kept', () => {
  const defaults: SearchOptions = { limit: 5, sort: 'oldest' };
  const none: string[] = [];
  same(copySearchOptions({ ...defaults, offset: 2, documentFields: none }), { limit: 5, sort: 'oldest', offset: 2, documentFields: none });
  const inherited = Object.create(defaults) as SearchOptions;
  (inherited as { offset?: number }).offset = 3;
  same(copySearchOptions(inherited), { limit: 5, sort: 'oldest', offset: 3 });
  class Options {
    get limit(): number {
      return 6;
    }
    proximity = false;
  }
  same(copySearchOptions(new Options() as SearchOptions), { limit: 6, proximity: false });
  const hidden: SearchOptions = {};
  Object.defineProperty(hidden, 'limit', { value: 8, enumerable: false });
  same(copySearchOptions(hidden), { limit: 8 });
  const bare = Object.assign(Object.create(null) as SearchOptions, { limit: 9 });
  same(copySearchOptions(bare), { limit: 9 });
});

test('options that are not an object are an InvalidOptionError', () => {
  const index = new SearchIndex();
  index.add({ id: 'a', title: 'Port news', body: 'The port reopened.' });
  for (const bad of [null, 5, 'limit']) {
    assert.throws(() => index.search('port', bad as unknown as SearchOptions), (e: unknown) => e instanceof InvalidOptionError && e.option === 'options');
  }
});

test('an option of the wrong kind, null included, is an InvalidOptionError naming it, in search and explain', () => {
  const index = new SearchIndex();
  index.add({ id: 'a', title: 'Port news', body: 'The port reopened.', date: '2024-03-01' });
  const wrong: Array<[keyof SearchOptions, unknown]> = [
    ['fields', null], ['fields', 5], ['fields', [1]], ['fields', () => ['title']],
    ['boost', null], ['boost', 5], ['boost', true], ['boost', [2]],
    ['mode', null], ['mode', 'loose'], ['defaultOperator', null], ['defaultOperator', 'xor'],
    ['dateRange', null], ['dateRange', []], ['dateRange', '2024'],
    ['where', null], ['where', 5], ['where', ['world']],
    ['sort', null], ['sort', 1], ['recency', null], ['recency', '7d'],
    ['highlight', null], ['highlight', 1], ['highlight', 'yes'], ['highlight', ['title']],
    ['facets', null], ['facets', 'year'], ['facets', { year: 'yes' }], ['facets', { month: 1 }], ['facets', { fields: 'source' }],
    ['proximity', null], ['proximity', 'no'], ['proximity', 0],
  ];
  for (const [option, value] of wrong) {
    const options = { [option]: value } as SearchOptions;
    const named = (e: unknown): boolean => e instanceof InvalidOptionError && e.option === option;
    assert.throws(() => index.search('port', options), named, `search ${option}: ${String(value)}`);
    if (['fields', 'boost', 'mode', 'defaultOperator', 'proximity'].includes(option)) {
      assert.throws(() => index.explain('port', 'a', options), named, `explain ${option}: ${String(value)}`);
    }
  }
  // Nested values: null is of the wrong kind there too, not "absent".
  for (const [option, value] of [
    ['recency', { scale: '30d', decay: null }], ['recency', { scale: '30d', function: null }], ['recency', { scale: '30d', offset: null }],
    ['facets', { year: true, limit: null }],
  ] as const) {
    assert.throws(() => index.search('port', { [option]: value } as SearchOptions), (e: unknown) => e instanceof InvalidOptionError && e.option === option, JSON.stringify(value));
  }
  for (const [value, option] of [[{ passageLength: null }, 'passageLength'], [{ maxPassages: null }, 'maxPassages']] as const) {
    // Named as the caller wrote it: the option is `highlight`, the message says which part of it.
    assert.throws(
      () => index.search('port', { highlight: value } as unknown as SearchOptions),
      (e: unknown) => e instanceof InvalidOptionError && e.option === 'highlight' && e.message.startsWith(`highlight.${option} `),
    );
  }
  // explain checks its query and options whatever the id: an unknown id does not make a bad call pass.
  for (const id of ['a', 'unknown']) {
    assert.throws(() => index.explain('port', id, { fields: ['nope'] }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'fields', id);
    assert.throws(() => index.explain({ kind: 'bogus' } as unknown as string, id), (e: unknown) => e instanceof InvalidOptionError && e.option === 'query', id);
  }
  assert.is(index.explain('port', 'unknown'), undefined);
  // The right kinds still work, and the index answers as before.
  assert.is(index.search('port', { proximity: false, highlight: false, facets: { year: true }, fields: ['title'] }).total, 1);
  for (const [call, option] of [
    [() => index.explain('port', 'a', null as unknown as SearchOptions), 'options'],
    // An array is an object whose inherited sort and filter must not be read as options.
    [() => index.search('port', [] as unknown as SearchOptions), 'options'],
    [() => index.explain('port', 'a', [] as unknown as SearchOptions), 'options'],
    [() => index.suggest('po', [] as unknown as { limit?: number }), 'options'],
    [() => index.related('a', [] as unknown as { limit?: number }), 'options'],
    [() => new SearchIndex([] as unknown as Record<string, never>), 'options'],
    [() => index.explain('port', 5 as unknown as string), 'id'],
    [() => index.suggest('po', null as unknown as { limit?: number }), 'options'],
    [() => index.related('a', null as unknown as { limit?: number }), 'options'],
    [() => index.related(5 as unknown as string), 'id'],
  ] as const) {
    assert.throws(call, (e: unknown) => e instanceof InvalidOptionError && e.option === option, option);
  }
});

test('bad highlight options are refused whether or not the search has hits', () => {
  const index = new SearchIndex();
  index.add({ id: 'a', title: 'Port news', body: 'The port reopened.' });
  const bad: Array<[Record<string, unknown>, string]> = [
    [{ passageLength: 0 }, 'passageLength'],
    [{ passageLength: 1.5 }, 'passageLength'],
    [{ maxPassages: -1 }, 'maxPassages'],
    [{ markStart: 5 }, 'markStart'],
    [{ ellipsis: null }, 'ellipsis'],
    [{ fields: 'body' }, 'fields'],
  ];
  for (const [highlight, option] of bad) {
    for (const query of ['port', 'nothingmatches']) {
      assert.throws(
        () => index.search(query, { highlight } as SearchOptions),
        (e: unknown) => e instanceof InvalidOptionError && e.option === 'highlight' && e.message.startsWith(`highlight.${option}`),
        `${query} ${JSON.stringify(highlight)}`,
      );
    }
  }
  assert.ok(index.search('port', { highlight: { passageLength: 20, markStart: '<b>', markEnd: '</b>' } }).hits[0]!.highlights !== undefined);
});

test('a limit or offset far past the index size neither allocates for it nor fails', () => {
  const index = new SearchIndex();
  index.addAll([
    { id: 'a', title: 'port', body: '', date: '2024-01-01' },
    { id: 'b', title: 'ports', body: '', date: '2024-01-02' },
  ]);
  for (const extra of [{}, { sort: 'newest' as const }, { facets: { year: true } }, { defaultOperator: 'and' as const }]) {
    for (const limit of [2 ** 31, 1e300, Number.MAX_SAFE_INTEGER]) {
      const result = index.search('port', { limit, ...extra });
      assert.equal(result.hits.map((h) => h.id).sort(), ['a', 'b']);
      assert.is(result.total, 2);
    }
    const past = index.search('port', { offset: Number.MAX_VALUE, limit: 1e300, ...extra });
    assert.equal(past.hits, []);
    assert.is(past.total, 2);
  }
});

test('a search answers alike with literal, spread and inherited options', () => {
  const docs: NewsDocument[] = [
    { id: '1', title: 'Port strike ends', body: 'Dock workers at the port returned to work.', date: '2024-03-01' },
    { id: '2', title: 'Harbour trade', body: 'Trade through the port rose in March.', date: '2024-03-05' },
    { id: '3', title: 'City budget', body: 'The council passed its budget.', date: '2024-02-10' },
  ];
  const index = new SearchIndex();
  index.addAll(docs);
  const base: SearchOptions = { limit: 2, documentFields: [] };
  const literal = index.search('port trade', { limit: 2, documentFields: [], defaultOperator: 'or', sort: 'newest' });
  assert.equal(index.search('port trade', { ...base, defaultOperator: 'or', sort: 'newest' }), literal);
  const inherited = Object.assign(Object.create(base) as SearchOptions, { defaultOperator: 'or', sort: 'newest' });
  assert.equal(index.search('port trade', inherited), literal);
  assert.equal(literal.hits.map((h) => h.id), ['2', '1']);
});

test.run();
