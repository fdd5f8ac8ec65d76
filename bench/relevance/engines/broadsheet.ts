// Broadsheet on its default settings as an evaluated engine: SearchIndex with the default schema.
// No tuning here: a parameter sweep builds its own adapter around `evaluateEngine`.

import type { NewsDocument } from '../../../src/document.js';
import { SearchIndex } from '../../../src/index.js';
import type { CollectionDoc } from '../collections.js';
import type { RelevanceEngine } from '../engine.js';

/** Broadsheet's SearchIndex with default options. */
export function createBroadsheetEngine(): RelevanceEngine {
  let index: SearchIndex | null = null;
  return {
    name: 'Broadsheet',
    build(docs: readonly CollectionDoc[]) {
      const newsDocs: NewsDocument[] = docs.map((doc) => {
        const news: NewsDocument = { id: doc.id, title: doc.title, body: doc.body };
        if (doc.date !== undefined) news.date = doc.date;
        return news;
      });
      index = new SearchIndex();
      index.addAll(newsDocs);
    },
    search(text, k) {
      if (index === null) throw new Error('Broadsheet engine searched before build()');
      return index.search(text, { limit: k }).hits.map((hit) => hit.id);
    },
  };
}
