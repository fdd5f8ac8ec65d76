// FlexSearch 0.8 under test: a Document index on title and body, tokenize 'strict', the Default charset
// plus the English pack (stop words, suffix stemmer). It keeps no scores, so fields are merged by
// weighted reciprocal rank, title counting 2. Free text uses `suggest` (partial matches, i.e. OR).

import FlexSearch, { type Document, type DocumentData, type DocumentSearchOptions } from 'flexsearch';
import englishPack from 'flexsearch/lang/en';
import { bytesText, capabilities, jsonBytes, UnsupportedQueryError, type EngineAdapter } from './engine.js';

const FIELD_WEIGHT: Readonly<Record<string, number>> = { title: 2, body: 1 };

/** A fresh FlexSearch Document index in the bench's configuration (also the relevance runner's FlexSearch). */
export function createFlexIndex(): Document<DocumentData> {
  const encoder = new FlexSearch.Encoder(FlexSearch.Charset.Default).assign(englishPack);
  return new FlexSearch.Document<DocumentData>({
    document: {
      id: 'id',
      index: [
        { field: 'title', tokenize: 'strict', encoder },
        { field: 'body', tokenize: 'strict', encoder },
      ],
    },
  });
}

/**
 * Merges per-field ranked id lists: each id scores Σ weight(field) / (rank + 1); ties keep the order
 * in which ids were first seen. Exported for tests.
 */
export function mergeFieldResults(fields: ReadonlyArray<{ field?: string; result: ReadonlyArray<string | number> }>, k: number): string[] {
  const scores = new Map<string, number>();
  for (const { field, result } of fields) {
    const weight = FIELD_WEIGHT[field ?? ''] ?? 1;
    for (let rank = 0; rank < result.length; rank++) {
      const id = String(result[rank]);
      scores.set(id, (scores.get(id) ?? 0) + weight / (rank + 1));
    }
  }
  return [...scores].sort((a, b) => b[1] - a[1]).slice(0, k).map(([id]) => id);
}

/** Creates the FlexSearch adapter. */
export function createFlexSearchEngine(): EngineAdapter {
  let index: Document<DocumentData> | undefined;
  const run = (query: string, k: number, options: DocumentSearchOptions<DocumentData>): string[] => {
    if (index === undefined) throw new Error('FlexSearch queried before build()');
    const fields = index.search(query, { ...options, limit: k }) as Array<{ field?: string; result: Array<string | number> }>;
    return mergeFieldResults(fields, k);
  };
  return {
    key: 'flexsearch',
    name: 'FlexSearch 0.8',
    supports: capabilities('free', 'and'),
    build(docs) {
      const built = createFlexIndex();
      for (const doc of docs) built.add({ id: doc.id, title: doc.title, body: doc.body });
      index = built;
    },
    free: (terms, k) => run(terms.join(' '), k, { suggest: true }),
    // FlexSearch's default: every word, within one field.
    and: (terms, k) => run(terms.join(' '), k, {}),
    phrase: () => {
      throw new UnsupportedQueryError('FlexSearch', 'phrase');
    },
    prefix: () => {
      throw new UnsupportedQueryError('FlexSearch', 'prefix');
    },
    fuzzy: () => {
      throw new UnsupportedQueryError('FlexSearch', 'fuzzy');
    },
    dateFilter: () => {
      throw new UnsupportedQueryError('FlexSearch', 'dateFilter');
    },
    dateSort: () => {
      throw new UnsupportedQueryError('FlexSearch', 'dateSort');
    },
    serialize() {
      if (index === undefined) throw new Error('FlexSearch serialised before build()');
      const parts: Array<[string, string]> = [];
      // With a synchronous handler FlexSearch exports synchronously (its typings also allow a promise).
      index.export((key: string, data: string) => {
        parts.push([key, data]);
      });
      return { bytes: jsonBytes(JSON.stringify(parts)), format: 'export (JSON of chunks)' };
    },
    drop() {
      index = undefined;
    },
    load(bytes) {
      const loaded = createFlexIndex();
      for (const [key, data] of JSON.parse(bytesText(bytes)) as Array<[string, string]>) loaded.import(key, data);
      index = loaded;
    },
  };
}
