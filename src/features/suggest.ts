// Query completion: the last (partial) word of a query completed from the index vocabulary, ranked
// by how many documents contain it together with the earlier words, then by document frequency.

import { normalize } from '../analysis/normalizer.js';
import { forEachPostingDoc } from '../index/segment.js';
import { exactTerm } from '../index/exact-terms.js';
import type { IndexView } from './index-view.js';
import { ownFormDf, wordsWithPrefix, type Word } from './vocabulary.js';

/** One completion. */
export interface Suggestion {
  /** The whole query with its last word completed. */
  text: string;
  /** The completed word. */
  word: string;
  /** Documents containing the word. */
  df: number;
  /** Documents containing the word and every earlier query word (equals df for a one-word query). */
  cooccurrence: number;
}

const SPACE = /\s/u;

/** Completions of `query`'s last word, best first. */
export function suggest(view: IndexView, query: string, limit = 5): Suggestion[] {
  // The last run of non-space units, found from the end: /(\S+)$/ retried from every start of a
  // long run that stopped short of the end (100k characters: 5 s).
  let start = query.length;
  while (start > 0 && !SPACE.test(query[start - 1]!)) start--;
  if (start === query.length) return [];
  const partial = query.slice(start);
  const head = query.slice(0, start);
  // Operators and quotes before the word (-pri, +pri, "pri, (pri) stay in the completed text: dropped,
  // an exclusion would come back as an inclusion.
  const lead = /^[^\p{L}\p{N}]*/u.exec(partial)![0];
  const prefix = normalize(partial.slice(lead.length));
  if (prefix === '') return [];
  const earlier: string[] = [];
  view.analyzer.analyze(head, (term) => earlier.push(term));
  const words = wordsWithPrefix(view, prefix).filter((w) => w.word !== prefix || w.df > 0);
  const context = earlier.length === 0 ? undefined : docsWithAll(view, earlier);
  const scored = words.map((w) => ({ w, cooc: context === undefined ? w.df : countWith(view, w, context) }));
  scored.sort((a, b) => b.cooc - a.cooc || b.w.df - a.w.df || (a.w.word < b.w.word ? -1 : 1));
  return scored
    .filter((s) => context === undefined || s.cooc > 0 || scored.every((x) => x.cooc === 0))
    .slice(0, limit)
    .map(({ w, cooc }) => ({ text: head + lead + w.word, word: w.word, df: w.df, cooccurrence: cooc }));
}

/** Per segment, the live documents containing every term. */
function docsWithAll(view: IndexView, terms: readonly string[]): Array<Set<number>> {
  return view.segments.map((segment) => {
    let set: Set<number> | undefined;
    for (const term of new Set(terms)) {
      const ordinal = segment.data.dictionary.lookup(term);
      const next = new Set<number>();
      if (ordinal >= 0) {
        forEachPostingDoc(segment.data, ordinal, (doc) => {
          if ((set === undefined || set.has(doc)) && !segment.deletes.has(doc)) next.add(doc);
        });
      }
      set = next;
      if (set.size === 0) break;
    }
    return set ?? new Set();
  });
}

/** Documents in `context` that contain the word as written (not only another form of its stem). */
function countWith(view: IndexView, word: Word, context: readonly Set<number>[]): number {
  // A word that is its own stem: its stem's postings hold its other forms too (invest: investment).
  if (word.otherForms !== undefined) return ownFormDf(view, word.stem, word.otherForms, context);
  let n = 0;
  const term = word.word === word.stem ? word.stem : exactTerm(word.word);
  view.segments.forEach((segment, s) => {
    const ordinal = segment.data.dictionary.lookup(term);
    if (ordinal < 0) return;
    forEachPostingDoc(segment.data, ordinal, (doc) => {
      if (context[s]!.has(doc)) n++;
    });
  });
  return n;
}
