// SQLite FTS5 (better-sqlite3, in memory) as an evaluation peer: porter + unicode61 tokenizer, columns
// title and body ranked by bm25(t, 2.0, 1.0). Queries are OR-ed double-quoted tokens, so FTS5 query
// syntax never errors.

import { createRequire } from 'node:module';
import type { CollectionDoc } from '../collections.js';
import type { RelevanceEngine } from '../engine.js';

// The slice of better-sqlite3's API used here (the package ships no types and @types is not installed).
interface Statement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
interface Database {
  exec(sql: string): unknown;
  prepare(sql: string): Statement;
  transaction(fn: () => void): () => void;
  close(): unknown;
}
type DatabaseConstructor = new (filename: string) => Database;

const require = createRequire(import.meta.url);

/**
 * The query as an FTS5 expression: maximal runs of letters and digits (unicode61's token characters),
 * each double-quoted, joined by OR; '' when the text has no token. Repeated words stay repeated.
 */
export function fts5Query(text: string): string {
  const tokens = text.match(/[\p{L}\p{N}\p{Co}]+/gu);
  if (tokens === null) return '';
  return tokens.map((token) => `"${token}"`).join(' OR ');
}

/** An FTS5 peer; each build opens a fresh in-memory database. */
export function createFts5Engine(): RelevanceEngine {
  let db: Database | null = null;
  let select: Statement | null = null;
  let ids: string[] = [];
  return {
    name: 'SQLite FTS5',
    build(docs: readonly CollectionDoc[]) {
      const Sqlite = require('better-sqlite3') as DatabaseConstructor;
      db?.close();
      db = new Sqlite(':memory:');
      db.exec(`CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61')`);
      const insert = db.prepare('INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)');
      ids = docs.map((doc) => doc.id);
      db.transaction(() => {
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i] as CollectionDoc;
          insert.run(i + 1, doc.title, doc.body);
        }
      })();
      select = db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t, 2.0, 1.0) LIMIT ?');
    },
    search(text, k) {
      if (select === null) throw new Error('FTS5 engine searched before build()');
      const expression = fts5Query(text);
      if (expression === '') return [];
      const rows = select.all(expression, k) as { rowid: number }[];
      const ranked: string[] = new Array<string>(rows.length);
      for (let i = 0; i < rows.length; i++) ranked[i] = ids[(rows[i] as { rowid: number }).rowid - 1] as string;
      return ranked;
    },
  };
}
