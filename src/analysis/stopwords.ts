// The English stop-word list and the filter that drops those words from a normalised token stream.
// It does not normalise (terms arrive lower-cased and folded) and keeps no per-language logic.

import type { TokenFilter } from './types.js';

/**
 * Lucene's English stop set (33 words) without `will`, plus a few function words that are as
 * frequent in news and carry as little (has/have/had, were/been, from, its, which, would, than,
 * he/she/his/her). Left out on purpose, because in news they are also content:
 * - `us`: `U.S.` is tokenised to `US`, normalised to `us`.
 * - `may`: the month (`May 2024`).
 * - `will`: a first name (Will Smith) and a noun (a will, political will).
 * - `new`: New York, New Delhi, New Zealand; `who`: WHO; `can`: a noun; `it` stays (as in Lucene),
 *   accepting that `IT` (information technology) is lost as a query word on its own.
 * Positions of dropped words are kept, so phrase queries across them still line up.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set([
  // Lucene EnglishAnalyzer.ENGLISH_STOP_WORDS_SET minus `will`
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it',
  'no', 'not', 'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they',
  'this', 'to', 'was', 'with',
  // frequent function words of news prose
  'from', 'has', 'have', 'had', 'were', 'been', 'its', 'which', 'would', 'than', 'he', 'she', 'his',
  'her',
]);

/**
 * A filter that drops the given words: returns null for a member of `words`, the term otherwise.
 * Expects normalised terms; `The` is not dropped by a set that holds `the`.
 */
export function stopFilter(words: ReadonlySet<string>): TokenFilter {
  return (term) => (words.has(term) ? null : term);
}
