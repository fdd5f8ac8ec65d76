// Broadsheet under test: the default news schema (title boost 2, date, body), English analyzer,
// BM25F, default search options but ids-only hits. Each query class is one entry in `supports` plus one method.

import { SearchIndex, type SearchOptions } from '../../../src/index.js';
import type { BenchDoc } from '../types.js';
import { capabilities, type EngineAdapter, type SerializedIndex } from './engine.js';

/** Creates the Broadsheet adapter. */
export function createBroadsheetEngine(): EngineAdapter {
  let index: SearchIndex | undefined;
  const live = (): SearchIndex => {
    if (index === undefined) throw new Error('Broadsheet queried before build()');
    return index;
  };
  const ids = (query: string, k: number, options: SearchOptions = {}): string[] => {
    // Ids only, as FTS5's `SELECT id`: the hits' stored fields are never read (see bench/README.md).
    const hits = live().search(query, { ...options, limit: k, documentFields: [] }).hits;
    const out = new Array<string>(hits.length);
    for (let i = 0; i < hits.length; i++) out[i] = hits[i]!.id;
    return out;
  };
  return {
    key: 'broadsheet',
    name: 'Broadsheet',
    // A capability left out of this list is reported n/a and its method below is never called.
    supports: capabilities('free', 'and', 'phrase', 'prefix', 'fuzzy', 'dateFilter', 'dateSort'),
    build(docs: readonly BenchDoc[]) {
      const built = new SearchIndex();
      const input = new Array<{ id: string; title: string; body: string; date?: string }>(docs.length);
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        input[i] = d.date === undefined ? { id: d.id, title: d.title, body: d.body } : { id: d.id, title: d.title, body: d.body, date: d.date };
      }
      built.addAll(input);
      // Buffered documents become one searchable segment now, not during the first (validation)
      // query: optimize() flushes and merges what flushes made, as FTS5's 'optimize' does for it.
      built.optimize();
      index = built;
    },
    // Default options: lenient query language, proximity rescoring of 2–6 word queries included.
    free: (terms, k) => ids(terms.join(' '), k),
    and: (terms, k) => ids(terms.join(' '), k, { defaultOperator: 'and' }),
    phrase: (words, k) => ids(`"${words.join(' ')}"`, k),
    // Prefix and fuzzy clauses expand to at most 64 terms (maxExpansions), the most frequent kept.
    prefix: (prefix, k) => ids(`${prefix}*`, k),
    fuzzy: (term, k) => ids(`${term}~1`, k),
    dateFilter: (terms, from, to, k) => ids(terms.join(' '), k, { dateRange: { from, to } }),
    dateSort: (terms, k) => ids(terms.join(' '), k, { sort: 'newest' }),
    serialize(): SerializedIndex {
      return { bytes: live().serialize(), format: 'binary' };
    },
    drop() {
      index = undefined;
    },
    load(bytes) {
      index = SearchIndex.deserialize(bytes);
    },
  };
}
