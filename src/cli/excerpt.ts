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
  const head = wordsFrom(body, 0, length);
  if (!head.more) return head.text;
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
  let shown = wordsFrom(body, start, length);
  // A match near the end leaves room: the window moves back to fill it, to a sentence if it can.
  if (!shown.more && start > 0) {
    start = firstStartIn(body, Math.max(0, start - (length - shown.text.length)), start);
    shown = wordsFrom(body, start, length);
  }
  return `${textBefore(body, start) ? '…' : ''}${shown.text}${shown.more ? '…' : ''}`;
}

const WORD = /\S+/g;

/**
 * The words of `body` from offset `from`, one space apart, as many as fit in `limit` characters (a
 * first word longer than that is cut), and whether any text is left after them. Words, not a
 * replace over the rest of the body: a 5 MB body was collapsed three times (~200 ms each).
 */
function wordsFrom(body: string, from: number, limit: number): { text: string; more: boolean } {
  WORD.lastIndex = from;
  let text = '';
  for (let m = WORD.exec(body); m !== null; m = WORD.exec(body)) {
    const next = text.length === 0 ? m[0] : `${text} ${m[0]}`;
    if (next.length > limit) return { text: text.length === 0 ? m[0].slice(0, limit) : text, more: true };
    text = next;
  }
  return { text, more: false };
}

/** True when non-space text stands before offset `at`. */
function textBefore(body: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) if (!/\s/.test(body[i]!)) return true;
  return false;
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
