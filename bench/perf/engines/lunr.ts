// Lunr 2 under test: default pipeline (trimmer, stop words, Porter stemmer), fields title (boost 2)
// and body. Queries are built with index.query(), so Lunr's query syntax never sees user text.

import lunr from 'lunr';
import { bytesText, capabilities, jsonBytes, topIds, UnsupportedQueryError, type EngineAdapter } from './engine.js';

/** Creates the Lunr adapter. */
export function createLunrEngine(): EngineAdapter {
  let index: lunr.Index | undefined;
  const run = (build: (query: lunr.Query) => void, k: number): string[] => {
    if (index === undefined) throw new Error('Lunr queried before build()');
    return topIds(index.query(build), k, (r) => r.ref);
  };
  return {
    key: 'lunr',
    name: 'Lunr 2.3',
    supports: capabilities('free', 'and', 'prefix', 'fuzzy'),
    build(docs) {
      index = lunr(function (this: lunr.Builder) {
        this.ref('id');
        this.field('title', { boost: 2 });
        this.field('body');
        for (const doc of docs) this.add({ id: doc.id, title: doc.title, body: doc.body });
      });
    },
    free: (terms, k) =>
      run((q) => {
        for (const term of terms) q.term(term, {});
      }, k),
    and: (terms, k) =>
      run((q) => {
        for (const term of terms) q.term(term, { presence: lunr.Query.presence.REQUIRED });
      }, k),
    phrase: () => {
      throw new UnsupportedQueryError('Lunr', 'phrase');
    },
    // As Lunr's own query parser does for `pre*`: a trailing wildcard, the stemmer bypassed.
    prefix: (prefix, k) => run((q) => q.term(prefix, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false }), k),
    fuzzy: (term, k) => run((q) => q.term(term, { editDistance: 1 }), k),
    dateFilter: () => {
      throw new UnsupportedQueryError('Lunr', 'dateFilter');
    },
    dateSort: () => {
      throw new UnsupportedQueryError('Lunr', 'dateSort');
    },
    serialize() {
      if (index === undefined) throw new Error('Lunr serialised before build()');
      return { bytes: jsonBytes(JSON.stringify(index)), format: 'JSON' };
    },
    drop() {
      index = undefined;
    },
    load(bytes) {
      index = lunr.Index.load(JSON.parse(bytesText(bytes)) as object);
    },
  };
}
