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
