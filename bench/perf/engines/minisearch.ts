// MiniSearch 7 under test: fields title (boost 2) and body, OR, default tokenizer; terms lower-cased,
// Lunr's stop words dropped and Porter-stemmed by lunr.stemmer (memoised), the same English analysis
// as the relevance runner's MiniSearch, so both benches describe one configuration.

import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { porterStem } from '../porter-stem.js';
import type { BenchDoc } from '../types.js';
import { bytesText, capabilities, jsonBytes, topIds, UnsupportedQueryError, type EngineAdapter } from './engine.js';
import lunr from 'lunr';

function isLunrStopWord(word: string): boolean {
  // lunr.stopWordFilter returns undefined for stop words although its typings promise a Token.
  return (lunr.stopWordFilter(new lunr.Token(word, {})) as lunr.Token | undefined) === undefined;
}

function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return isLunrStopWord(lower) ? null : porterStem(lower);
}

const OPTIONS: Options<BenchDoc> = {
  fields: ['title', 'body'],
  storeFields: ['time'],
  idField: 'id',
  processTerm,
  searchOptions: { boost: { title: 2 }, combineWith: 'OR', prefix: false, fuzzy: false },
};

/** Creates the MiniSearch adapter. */
export function createMiniSearchEngine(): EngineAdapter {
  let index: MiniSearch<BenchDoc> | undefined;
  const run = (query: string, k: number, options?: SearchOptions): string[] => {
    if (index === undefined) throw new Error('MiniSearch queried before build()');
    return topIds(index.search(query, options), k, (r) => String(r.id));
  };
  return {
    key: 'minisearch',
    name: 'MiniSearch 7',
    supports: capabilities('free', 'and', 'prefix', 'fuzzy', 'dateFilter'),
    build(docs) {
      const built = new MiniSearch<BenchDoc>(OPTIONS);
      built.addAll(docs as BenchDoc[]);
      index = built;
    },
    free: (terms, k) => run(terms.join(' '), k),
    and: (terms, k) => run(terms.join(' '), k, { combineWith: 'AND' }),
    phrase: () => {
      throw new UnsupportedQueryError('MiniSearch', 'phrase');
    },
    prefix: (prefix, k) => run(prefix, k, { prefix: true }),
    fuzzy: (term, k) => run(term, k, { fuzzy: 1 }),
    dateFilter: (terms, from, to, k) =>
      run(terms.join(' '), k, {
        filter: (r) => {
          const time = r['time'] as number | undefined;
          return time !== undefined && time >= from && time <= to;
        },
      }),
    dateSort: () => {
      throw new UnsupportedQueryError('MiniSearch', 'dateSort');
    },
    serialize() {
      if (index === undefined) throw new Error('MiniSearch serialised before build()');
      return { bytes: jsonBytes(JSON.stringify(index)), format: 'JSON' };
    },
    drop() {
      index = undefined;
    },
    load(bytes) {
      index = MiniSearch.loadJSON<BenchDoc>(bytesText(bytes), OPTIONS);
    },
  };
}
