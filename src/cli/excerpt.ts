// A one-line plain-text excerpt for terminal and JSON output: the sentence window with the most query
// words, or the article's lead when none match. (HTML highlighting with <mark> is the library's job.)

import { englishAnalyzer } from '../index.js';

const analyzer = englishAnalyzer();

/**
 * About `length` characters of `body` around the densest cluster of query words, whitespace
 * collapsed; the whole body when it fits. The window starts up to 40 characters before the cluster,
 * at a paragraph or sentence start found there, else at a word (`…time The bulk grain` began one
 * word into the previous paragraph).
 */
export function excerpt(body: string, query: string, length = 200): string {
  const whole = collapse(body);
  if (whole.length <= length) return whole;
  const wanted = new Set<string>();
  analyzer.analyze(query, (term) => wanted.add(term));
  const hits: number[] = [];
  analyzer.analyze(body, (term, _position, start) => {
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
  let start = best === 0 ? 0 : startBefore(body, bestStart);
  // A match near the end leaves room: the window moves back to fill it, to a sentence if it can.
  const room = length - collapse(body.slice(start)).length;
  if (room > 0 && start > 0) start = firstStartIn(body, Math.max(0, start - room), start);
  const text = collapse(body.slice(start));
  let end = text.length;
  if (end > length) {
    const space = text.lastIndexOf(' ', length);
    end = space > 0 ? space : length;
  }
  return `${body.slice(0, start).trim().length > 0 ? '…' : ''}${text.slice(0, end)}${end < text.length ? '…' : ''}`;
}

/**
 * Where an excerpt showing offset `at` starts: the paragraph or sentence start nearest before it in
 * the 40 characters before it (a subheading just above the match stays out), else a word start.
 */
function startBefore(body: string, at: number): number {
  const from = Math.max(0, at - 40);
  for (let i = at; i > from; i--) if (startsParagraphOrSentence(body, i)) return i;
  return firstStartIn(body, from, at);
}

/** The first paragraph or sentence start in [from, to], else the first word start, else `to`. */
function firstStartIn(body: string, from: number, to: number): number {
  if (from === 0) return 0;
  for (let i = from; i <= to; i++) if (startsParagraphOrSentence(body, i)) return i;
  const space = body.slice(from, to).search(/\s/);
  return space < 0 ? to : from + space + 1;
}

/** A blank line before `i`, or a sentence end (not a short capitalised abbreviation: Dr., Mr., U.S.). */
function startsParagraphOrSentence(body: string, i: number): boolean {
  if (i === 0 || /\s/.test(body[i]!) || !/\s/.test(body[i - 1]!)) return false;
  let j = i - 1;
  let breaks = 0;
  while (j >= 0 && /\s/.test(body[j]!)) if (body[j--] === '\n') breaks++;
  if (breaks >= 2 || j < 0) return true;
  if (!/[.!?]["'”’)]?$/.test(body.slice(Math.max(0, j - 1), j + 1))) return false;
  // The word before the stop: `Dr.`, `Mr.`, `St.`, `U.S.` end no sentence.
  const word = /(\S+)$/.exec(body.slice(Math.max(0, j - 20), j + 1))?.[1] ?? '';
  return !/^(?:[A-Z][a-z]{0,2}|(?:[A-Za-z]\.)+[A-Za-z]?)[.]$/.test(word);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
