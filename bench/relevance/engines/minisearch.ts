// MiniSearch 7 as an evaluation peer: title (boost 2) + body, OR of query terms, no fuzzy or prefix
// matching; terms lower-cased, lunr's stop words dropped and Porter-stemmed by lunr.stemmer.

import MiniSearch from 'minisearch';
import type { CollectionDoc } from '../collections.js';
import type { RelevanceEngine } from '../engine.js';
import { isLunrStopWord, porterStem } from '../lunr-analysis.js';

/** Options of the MiniSearch peer; the defaults are the configuration reports use. */
export interface MiniSearchEngineOptions {
  /**
   * Drop lunr's English stop words. Default true: it gives MiniSearch the same English analysis
   * as the Lunr peer (stemmer and stop list), which measured slightly better than keeping them.
   */
  stopWords?: boolean;
}

/** A MiniSearch peer with a Porter stemmer (lunr.stemmer) in `processTerm`. */
export function createMiniSearchEngine(options: MiniSearchEngineOptions = {}): RelevanceEngine {
  const dropStopWords = options.stopWords ?? true;
  const processTerm = (term: string): string | null => {
    const lower = term.toLowerCase();
    if (dropStopWords && isLunrStopWord(lower)) return null;
    return porterStem(lower);
  };
  let index: MiniSearch<CollectionDoc> | null = null;
  return {
    name: 'MiniSearch',
    build(docs) {
      index = new MiniSearch<CollectionDoc>({
        fields: ['title', 'body'],
        idField: 'id',
        processTerm,
        searchOptions: { boost: { title: 2 }, combineWith: 'OR', fuzzy: false, prefix: false },
      });
      index.addAll(docs);
    },
    search(text, k) {
      if (index === null) throw new Error('MiniSearch engine searched before build()');
      const results = index.search(text);
      const ids: string[] = [];
      const n = Math.min(k, results.length);
      for (let i = 0; i < n; i++) ids.push(String((results[i] as { id: unknown }).id));
      return ids;
    },
  };
}
