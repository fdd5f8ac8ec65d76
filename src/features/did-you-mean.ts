// Did-you-mean: for a query with few or no hits, the same query with its unknown or rare words
// replaced by the closest, much more frequent words of the index (edit distance, then frequency).

import { normalize } from '../analysis/normalizer.js';
import { EXACT_MARK, isExactTerm } from '../index/exact-terms.js';
import { isKeywordTerm } from '../index/keyword-terms.js';
import { MAX_EDITS, autoFuzziness, fuzzyExpand } from '../query/fuzzy.js';
import { MAX_TOKEN_LENGTH } from '../analysis/tokenizer.js';
import type { IndexView } from './index-view.js';
import { collectWords, stemOf } from './vocabulary.js';

/** A word is replaced only by one at least this many times more frequent (typos are rare words). */
const FREQUENCY_RATIO = 5;
/** Words in at least this many documents are never corrected. */
const MAX_TYPO_DF = 3;
/** Words looked at per query: a pasted paragraph of unknown words must not cost a fuzzy walk each. */
const MAX_WORDS = 8;

/**
 * The first `max` word runs of the query that are search words: not operators, field names, field
 * values of dates, or numbers. Linear in the query: a 100k-character query took 4.5 s when the
 * field before each `:` was found by a regular expression over the whole prefix.
 */
function forEachQueryWord(query: string, max: number, fn: (raw: string, offset: number) => void): void {
  let found = 0;
  // Marks and joiners continue a word: NFD Latin (Nguyễn), Thai, Devanagari, pointed Hebrew and Arabic.
  for (const m of query.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\u200c\u200d]*/gu)) {
    if (found >= max) return;
    const raw = m[0];
    const offset = m.index;
    if (query[offset + raw.length] === ':') continue; // a field name
    if (query[offset - 1] === ':' && /^date$/i.test(fieldBefore(query, offset - 1))) continue;
    if (/^(AND|OR|NOT|TO)$/.test(raw) || /^\p{N}+$/u.test(raw)) continue;
    found++;
    fn(raw, offset);
  }
}

/** The field name ending just before the `:` at `colon` (`[\w.-]` units), or '' when there is none. */
function fieldBefore(query: string, colon: number): string {
  let start = colon;
  // A field name is short: a longer run cannot be `date`, and is not scanned further.
  while (start > 0 && colon - start <= 4 && /[\w.-]/.test(query[start - 1]!)) start--;
  return query.slice(start, colon);
}

/** The corrected query, or undefined when no word needs (or has) a correction. */
export function didYouMean(view: IndexView, query: string): string | undefined {
  const replacements: Array<{ offset: number; length: number; word: string }> = [];
  forEachQueryWord(query, MAX_WORDS, (raw, offset) => {
    const better = correctWord(view, raw);
    if (better !== undefined) replacements.push({ offset, length: raw.length, word: better });
  });
  if (replacements.length === 0) return undefined;
  // Rewritten in place, so operators, quotes and fields survive.
  let out = '';
  let at = 0;
  for (const r of replacements) {
    out += query.slice(at, r.offset) + r.word;
    at = r.offset + r.length;
  }
  return out + query.slice(at);
}

/**
 * The correction of one query word, or undefined. Distance 1 is tried first and distance 2 only when
 * it finds nothing: candidates rank by distance before frequency, and most typos are one edit. The
 * distance-2 walk was most of an unknown-word query (1.4 ms on Reuters). A single walk at distance 2
 * could also answer a farther form of the right word (kinergarten → kindergartens): it found the
 * stem's more frequent form and showed that instead. test/features/did-you-mean.test.ts checks that
 * this answer is never farther than the single walk's, and exists whenever that one does.
 */
function correctWord(view: IndexView, raw: string): string | undefined {
  const word = normalize(raw);
  // No term is within two edits of a word longer than the longest term by more than two: a
  // 100k-character CJK run was stemmed and walked (0.8 s). The longest term is looked up (a walk of
  // each dictionary, once) only for words longer than the news tokenizer's tokens can be.
  if (word.length > MAX_TOKEN_LENGTH + MAX_EDITS && word.length > longestTerm(view) + MAX_EDITS) return undefined;
  const stem = stemOf(view.analyzer, word);
  if (stem === undefined || word.length < 3) return undefined; // stop words and very short words stay
  const own = view.df(stem);
  // A word in a few documents already is a word of this corpus, not a typo worth a fuzzy walk.
  if (own >= MAX_TYPO_DF) return undefined;
  const budget = Math.max(1, autoFuzziness(word));
  for (let edits = 1; edits <= budget; edits++) {
    const found = closestWord(view, word, stem, own, edits);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** {@link correctWord} with one walk at the full budget: the reference the tests compare with. */
export function correctWordOneWalk(view: IndexView, raw: string): string | undefined {
  const word = normalize(raw);
  const stem = stemOf(view.analyzer, word);
  if (stem === undefined || word.length < 3) return undefined;
  const own = view.df(stem);
  if (own >= MAX_TYPO_DF) return undefined;
  return closestWord(view, word, stem, own, Math.max(1, autoFuzziness(word)));
}

/** The closest, then most frequent, much more frequent word within `edits` of `word`, or undefined. */
function closestWord(view: IndexView, word: string, stem: string, own: number, edits: number): string | undefined {
  const forms = new Map<string, string>();
  const stems = new Set<string>();
  for (const segment of view.segments) {
    const terms = segment.data.dictionary.terms;
    for (const m of fuzzyExpand(terms, EXACT_MARK + word, { maxEdits: edits as 1 | 2, prefixLength: 1, maxExpansions: 32 })) {
      if (m.distance === 0) continue;
      const form = m.term.slice(1);
      const s = stemOf(view.analyzer, form);
      if (s !== undefined && s !== stem) forms.set(form, s);
    }
    for (const m of fuzzyExpand(terms, word, { maxEdits: edits as 1 | 2, maxExpansions: 32 })) {
      if (m.distance === 0 || isExactTerm(m.term) || isKeywordTerm(m.term) || m.term === stem) continue;
      stems.add(m.term);
    }
  }
  const candidates = collectWords(view, forms, stems)
    .filter((w) => w.df >= Math.max(1, own * FREQUENCY_RATIO))
    .map((w) => ({ ...w, distance: editDistance(word, w.word) }))
    .filter((w) => w.distance <= edits);
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => a.distance - b.distance || b.df - a.df || (a.word < b.word ? -1 : 1));
  return candidates[0]!.word;
}

/** Optimal string alignment distance (small words, not a hot path). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

function longestTerm(view: IndexView): number {
  let longest = 0;
  for (const segment of view.segments) longest = Math.max(longest, segment.data.dictionary.longestTerm);
  return longest;
}
