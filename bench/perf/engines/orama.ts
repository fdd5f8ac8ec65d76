// Orama 3 under test: schema { title: string, body: string, time: number }, English tokenizer with
// stemming, title boost 2. Orama has no exact-term mode (its `exact` is a case-sensitive post-filter),
// so every word is prefix-matched: that is its free-text behaviour, and it is what is timed.

import { create, insert, load, save, search, type AnyOrama, type RawData, type Results, type SearchParamsFullText } from '@orama/orama';
import { bytesText, capabilities, jsonBytes, topIds, UnsupportedQueryError, type EngineAdapter } from './engine.js';

const SCHEMA = { title: 'string', body: 'string', time: 'number' } as const;

/** A fresh Orama database in the bench's configuration (also the relevance runner's Orama). */
export function createOramaDb(): AnyOrama {
  return create({ schema: SCHEMA, components: { tokenizer: { stemming: true, language: 'english' } } }) as AnyOrama;
}

/** Creates the Orama adapter. */
export function createOramaEngine(): EngineAdapter {
  let db: AnyOrama | undefined;
  const run = (params: SearchParamsFullText<AnyOrama>, k: number): string[] => {
    if (db === undefined) throw new Error('Orama queried before build()');
    const full: SearchParamsFullText<AnyOrama> = { ...params, properties: ['title', 'body'], boost: { title: 2 }, limit: k };
    const result = search(db, full);
    // Without async hooks or components Orama answers synchronously; a promise would mean a setup change.
    if (result instanceof Promise) throw new Error('Orama answered asynchronously');
    return topIds((result as Results<{ id: string }>).hits, k, (h) => h.id);
  };
  return {
    key: 'orama',
    name: 'Orama 3',
    supports: capabilities('free', 'and', 'prefix', 'fuzzy', 'dateFilter', 'dateSort'),
    build(docs) {
      const built = createOramaDb();
      for (const doc of docs) {
        const record = doc.time === undefined ? { id: doc.id, title: doc.title, body: doc.body } : { id: doc.id, title: doc.title, body: doc.body, time: doc.time };
        const inserted = insert(built, record);
        if (inserted instanceof Promise) throw new Error('Orama inserted asynchronously');
      }
      db = built;
    },
    free: (terms, k) => run({ term: terms.join(' ') }, k),
    // threshold 0: only documents with every word, in one property (Orama's AND).
    and: (terms, k) => run({ term: terms.join(' '), threshold: 0 }, k),
    phrase: () => {
      throw new UnsupportedQueryError('Orama', 'phrase');
    },
    prefix: (prefix, k) => run({ term: prefix }, k),
    fuzzy: (term, k) => run({ term, tolerance: 1 }, k),
    dateFilter: (terms, from, to, k) => run({ term: terms.join(' '), where: { time: { between: [from, to] } } }, k),
    dateSort: (terms, k) => run({ term: terms.join(' '), sortBy: { property: 'time', order: 'DESC' } }, k),
    serialize() {
      if (db === undefined) throw new Error('Orama serialised before build()');
      return { bytes: jsonBytes(JSON.stringify(save(db))), format: 'JSON' };
    },
    drop() {
      db = undefined;
    },
    load(bytes) {
      const loaded = createOramaDb();
      load(loaded, JSON.parse(bytesText(bytes)) as RawData);
      db = loaded;
    },
  };
}
