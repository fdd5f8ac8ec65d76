// Orama 3 as an evaluation peer, configured exactly as in the performance bench: title (boost 2) and
// body, English tokenizer with stemming, its default free-text search (which prefix-matches every
// word; Orama has no exact-term mode).

import { insert, search, type AnyOrama, type Results } from '@orama/orama';
import { createOramaDb } from '../../perf/engines/orama.js';
import type { RelevanceEngine } from '../engine.js';

/** The Orama peer (BM25 over its own tokens). */
export function createOramaEngine(): RelevanceEngine {
  let db: AnyOrama | null = null;
  return {
    name: 'Orama',
    build(docs) {
      const built = createOramaDb();
      for (const doc of docs) {
        // Without async hooks or components Orama works synchronously; a promise would mean a setup change.
        if (insert(built, { id: doc.id, title: doc.title, body: doc.body }) instanceof Promise) throw new Error('Orama inserted asynchronously');
      }
      db = built;
    },
    search(text, k) {
      if (db === null) throw new Error('Orama engine searched before build()');
      // An empty term makes Orama list every document; a query without words ranks nothing.
      if (text.trim() === '') return [];
      const result = search(db, { term: text, properties: ['title', 'body'], boost: { title: 2 }, limit: k });
      if (result instanceof Promise) throw new Error('Orama answered asynchronously');
      return (result as Results<{ id: string }>).hits.slice(0, k).map((h) => String(h.id));
    },
  };
}
