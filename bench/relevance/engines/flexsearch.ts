// FlexSearch 0.8 as an evaluation peer, configured exactly as in the performance bench: a Document
// index on title and body (tokenize 'strict', the English pack's stop words and stemmer), queries as
// `suggest` (partial matches, i.e. OR), per-field results merged by weighted reciprocal rank.

import type { Document, DocumentData } from 'flexsearch';
import { createFlexIndex, mergeFieldResults } from '../../perf/engines/flexsearch.js';
import type { RelevanceEngine } from '../engine.js';

/** The FlexSearch peer. It keeps no scores: its ranking is its per-field result order. */
export function createFlexSearchEngine(): RelevanceEngine {
  let index: Document<DocumentData> | null = null;
  return {
    name: 'FlexSearch',
    build(docs) {
      const built = createFlexIndex();
      for (const doc of docs) built.add({ id: doc.id, title: doc.title, body: doc.body });
      index = built;
    },
    search(text, k) {
      if (index === null) throw new Error('FlexSearch engine searched before build()');
      const fields = index.search(text, { suggest: true, limit: k }) as Array<{ field?: string; result: Array<string | number> }>;
      return mergeFieldResults(fields, k);
    },
  };
}
