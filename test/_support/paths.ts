// Where the project and the shared data sets are, for tests that read real corpora.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const sharedRoot = resolve(projectRoot, '..', 'shared');

/** The path under ../shared, or undefined (callers print a skip notice) when it is absent. */
export function sharedPath(...parts: string[]): string | undefined {
  const p = join(sharedRoot, ...parts);
  return existsSync(p) ? p : undefined;
}

/** An article of ../shared/corpora/reuters21578.jsonl.gz. */
export interface ReutersArticle {
  id: string;
  title: string;
  body: string;
  date?: string;
}

/**
 * The first `limit` Reuters-21578 articles (all by default), or undefined after printing
 * "../shared not found: <what> skipped" when the shared corpora are absent.
 */
export function reutersArticles(what: string, limit = Infinity): ReutersArticle[] | undefined {
  const file = sharedPath('corpora', 'reuters21578.jsonl.gz');
  if (file === undefined) {
    console.log(`  ../shared not found: ${what} skipped`);
    return undefined;
  }
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter((l) => l !== '');
  return lines.slice(0, Math.min(lines.length, limit)).map((l) => {
    const r = JSON.parse(l) as ReutersArticle;
    return { id: r.id, title: r.title, body: r.body, ...(r.date === undefined ? {} : { date: r.date }) };
  });
}
