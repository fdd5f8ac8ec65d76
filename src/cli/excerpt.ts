// A one-line plain-text excerpt for terminal and JSON output: the sentence window with the most query
// words, or the article's lead when none match. (HTML highlighting with <mark> is the library's job.)

import { englishAnalyzer } from '../index.js';

const analyzer = englishAnalyzer();

/** About `length` characters of `body` around the densest cluster of query terms, whitespace collapsed. */
export function excerpt(body: string, query: string, length = 200): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.length <= length) return text;
  const wanted = new Set<string>();
  analyzer.analyze(query, (term) => wanted.add(term));
  const hits: number[] = [];
  analyzer.analyze(text, (term, _position, start) => {
    if (wanted.has(term)) hits.push(start);
  });
  let bestStart = 0;
  let best = 0;
  for (let i = 0, j = 0; i < hits.length; i++) {
    while (hits[i]! - hits[j]! > length * 0.8) j++;
    if (i - j + 1 > best) {
      best = i - j + 1;
      bestStart = hits[j]!;
    }
  }
  let start = best === 0 ? 0 : Math.max(0, bestStart - 40);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space < 0 ? start : space + 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
