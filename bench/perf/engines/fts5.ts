// SQLite FTS5 under test (better-sqlite3, in memory): columns id and time UNINDEXED, title and body
// with tokenize='porter unicode61', ranked by bm25(t, 0, 2.0, 1.0, 0); contentless (no stored text, like
// the JS peers' indexes) and 'optimize'd after the load. Query words are double-quoted, never parsed.

import { createRequire } from 'node:module';
import { capabilities, UnsupportedQueryError, type EngineAdapter } from './engine.js';

// The slice of better-sqlite3's API used here (it ships no types; @types/better-sqlite3 is not installed).
interface Statement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  pluck(toggle?: boolean): Statement;
}
interface Database {
  exec(sql: string): unknown;
  prepare(sql: string): Statement;
  pragma(sql: string, options: { simple: true }): unknown;
  transaction(fn: () => void): () => void;
  serialize(): Uint8Array;
  close(): unknown;
}
type DatabaseConstructor = new (filename: string | Uint8Array) => Database;

const require = createRequire(import.meta.url);
const Sqlite = require('better-sqlite3') as DatabaseConstructor;

const RANK = 'bm25(t, 0.0, 2.0, 1.0, 0.0)';

/** A word as an FTS5 string token: double quotes doubled, the whole quoted. */
export function fts5Token(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/** Creates the FTS5 adapter. */
export function createFts5Engine(): EngineAdapter {
  let db: Database | undefined;
  let statements: Record<'rank' | 'ranged' | 'newest', Statement> | undefined;
  const open = (database: Database): void => {
    db = database;
    statements = {
      rank: database.prepare(`SELECT id FROM t WHERE t MATCH ? ORDER BY ${RANK} LIMIT ?`).pluck(),
      ranged: database.prepare(`SELECT id FROM t WHERE t MATCH ? AND time BETWEEN ? AND ? ORDER BY ${RANK} LIMIT ?`).pluck(),
      newest: database.prepare('SELECT id FROM t WHERE t MATCH ? ORDER BY time DESC LIMIT ?').pluck(),
    };
  };
  const live = (): Record<'rank' | 'ranged' | 'newest', Statement> => {
    if (statements === undefined) throw new Error('FTS5 queried before build()');
    return statements;
  };
  const or = (terms: readonly string[]): string => terms.map(fts5Token).join(' OR ');
  return {
    key: 'fts5',
    name: 'SQLite FTS5',
    supports: capabilities('free', 'and', 'phrase', 'prefix', 'dateFilter', 'dateSort'),
    build(docs) {
      db?.close();
      const database = new Sqlite(':memory:');
      database.exec(`CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, title, body, time UNINDEXED, tokenize='porter unicode61', content='', contentless_unindexed=1)`);
      const insert = database.prepare('INSERT INTO t(id, title, body, time) VALUES (?, ?, ?, ?)');
      database.transaction(() => {
        for (const doc of docs) insert.run(doc.id, doc.title, doc.body, doc.time ?? null);
      })();
      // Merge FTS5's b-tree segments into one, as a static index would be shipped.
      database.exec(`INSERT INTO t(t) VALUES ('optimize')`);
      open(database);
    },
    free: (terms, k) => live().rank.all(or(terms), k) as string[],
    and: (terms, k) => live().rank.all(terms.map(fts5Token).join(' AND '), k) as string[],
    phrase: (words, k) => live().rank.all(fts5Token(words.join(' ')), k) as string[],
    prefix: (prefix, k) => live().rank.all(`${fts5Token(prefix)}*`, k) as string[],
    fuzzy: () => {
      throw new UnsupportedQueryError('SQLite FTS5', 'fuzzy');
    },
    dateFilter: (terms, from, to, k) => live().ranged.all(or(terms), from, to, k) as string[],
    dateSort: (terms, k) => live().newest.all(or(terms), k) as string[],
    serialize() {
      if (db === undefined) throw new Error('FTS5 serialised before build()');
      return { bytes: db.serialize(), format: 'SQLite database' };
    },
    drop() {
      db?.close();
      db = undefined;
      statements = undefined;
    },
    load(bytes) {
      db?.close();
      open(new Sqlite(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    },
    nativeBytes() {
      if (db === undefined) return 0;
      const pages = Number(db.pragma('page_count', { simple: true }));
      const size = Number(db.pragma('page_size', { simple: true }));
      return pages * size;
    },
  };
}
