// A one-line plain-text excerpt for terminal and JSON output: the library's best passage for the
// query (sentence-aware), or the article's lead when no query word occurs; whitespace collapsed.

import { englishAnalyzer } from '../index.js';
import { highlight } from '../features/highlight.js';

const analyzer = englishAnalyzer();

/**
 * About `length` characters of `body` around the query's words, on one line. The passage is the one
 * `highlight` picks, so it starts at a sentence or paragraph where it can (the window this replaced
 * began 40 characters before the first match: `…time The bulk grain terminal`).
 */
export function excerpt(body: string, query: string, length = 200): string {
  const wanted = new Set<string>();
  analyzer.analyze(query, (term) => wanted.add(term));
  const passage = highlight(body, analyzer, wanted, { passageLength: length, maxPassages: 1 }).passages[0];
  if (passage === undefined) return '';
  const text = body.slice(passage.start, passage.end).replace(/\s+/g, ' ').trim();
  const before = body.slice(0, passage.start).trim().length > 0;
  const after = body.slice(passage.end).trim().length > 0;
  return `${before ? '…' : ''}${text}${after ? '…' : ''}`;
}
