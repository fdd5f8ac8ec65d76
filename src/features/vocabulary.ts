// The words behind the stems: which surface forms the index holds for a prefix or near a typo, and
// in how many documents each occurs. Suggestions and did-you-mean speak words, not stems.

import type { Analyzer } from '../analysis/types.js';
import { EXACT_MARK, exactTerm, isExactTerm } from '../index/exact-terms.js';
import { forEachPostingTf } from '../index/segment.js';
import type { IndexView } from './index-view.js';

/** A word of the vocabulary: how it is written, its stem, and the live documents containing it. */
export interface Word {
  readonly word: string;
  readonly stem: string;
  readonly df: number;
  /** For a word that is its own stem: its stem's other forms in the index, whose occurrences are not it. */
  readonly otherForms?: readonly string[];
}

/** The first term `analyzer` makes of `word` (its stem), or undefined for a stop word. */
export function stemOf(analyzer: Analyzer, word: string): string | undefined {
  let out: string | undefined;
  analyzer.analyze(word, (term) => {
    if (out === undefined) out = term;
  });
  return out;
}

/**
 * Documents containing `stem` written as itself: its own tf minus the tf of every other form of it,
 * per document. A stem like "investig" that is never a word on its own has 0. With `within`, only
 * documents in within[segment] count.
 */
export function ownFormDf(view: IndexView, stem: string, otherForms: readonly string[], within?: readonly ReadonlySet<number>[]): number {
  let df = 0;
  view.segments.forEach((segment, s) => {
    const data = segment.data;
    const ordinal = data.dictionary.lookup(stem);
    if (ordinal < 0) return;
    const allowed = within?.[s];
    // tf left per document in a reused typed array, only the listed documents counted (others may
    // hold a previous call's values): a Map per call was most of an unknown-word query, since a
    // common stem near the typo has thousands of documents.
    if (leftTf.length < data.numDocs) {
      leftTf = new Int32Array(Math.max(data.numDocs, leftTf.length * 2));
      listed = new Int32Array(leftTf.length);
    }
    const left = leftTf;
    const docs = listed;
    let count = 0;
    forEachPostingTf(data, ordinal, (doc, _mask, n) => {
      if (segment.deletes.has(doc) || (allowed !== undefined && !allowed.has(doc))) return;
      left[doc] = n;
      docs[count++] = doc;
    });
    for (const form of otherForms) {
      const o = data.dictionary.lookup(exactTerm(form));
      if (o < 0) continue;
      forEachPostingTf(data, o, (doc, _mask, n) => {
        left[doc] = left[doc]! - n;
      });
    }
    for (let i = 0; i < count; i++) if (left[docs[i]!]! > 0) df++;
  });
  return df;
}

/** {@link ownFormDf}'s per-document tf and document list, reused (it never nests). */
let leftTf = new Int32Array(0);
let listed = new Int32Array(0);

/** Every word of the index starting with `prefix` (already normalised), with its document frequency. */
export function wordsWithPrefix(view: IndexView, prefix: string, cap = 500): Word[] {
  const forms = new Map<string, string>(); // surface form → stem
  const stems = new Set<string>();
  for (const segment of view.segments) {
    const dict = segment.data.dictionary;
    let [from, to] = dict.prefixRange(EXACT_MARK + prefix);
    for (let o = from; o < to && forms.size < cap; o++) {
      const form = dict.term(o).slice(1);
      const stem = stemOf(view.analyzer, form);
      if (stem !== undefined) forms.set(form, stem);
    }
    [from, to] = dict.prefixRange(prefix);
    for (let o = from; o < to && stems.size < cap; o++) {
      const t = dict.term(o);
      if (!isExactTerm(t)) stems.add(t);
    }
  }
  return collectWords(view, forms, stems);
}

/** Words for a set of exact-form and stem terms (as found by a dictionary walk), with their dfs. */
export function collectWords(view: IndexView, forms: ReadonlyMap<string, string>, stems: ReadonlySet<string>): Word[] {
  const words: Word[] = [];
  for (const [form, stem] of forms) {
    const df = view.df(exactTerm(form));
    if (df > 0) words.push({ word: form, stem, df });
  }
  for (const stem of stems) {
    const others = [...forms].filter(([, s]) => s === stem).map(([f]) => f);
    // Other forms are looked up even when the walk found none: a prefix or a typo's neighbourhood
    // may miss them (`tra` finds trade but not trading; `repres` is a stem that is never a word).
    const otherForms = variantsOf(view, stem, others);
    if (otherForms.length === 0) {
      const df = view.df(stem);
      if (df > 0) words.push({ word: stem, stem, df });
      continue;
    }
    const df = ownFormDf(view, stem, otherForms);
    if (df > 0) words.push({ word: stem, stem, df, otherForms });
  }
  return words;
}

/** All other forms of `stem` in the index (Porter2 keeps all but at most two final letters). */
function variantsOf(view: IndexView, stem: string, known: readonly string[]): string[] {
  const found = new Set(known);
  const head = EXACT_MARK + stem.slice(0, Math.max(1, stem.length - 2));
  for (const segment of view.segments) {
    const dict = segment.data.dictionary;
    const [from, to] = dict.prefixRange(head);
    for (let o = from; o < to && o - from < 256; o++) {
      const form = dict.term(o).slice(1);
      if (stemOf(view.analyzer, form) === stem) found.add(form);
    }
  }
  return [...found];
}
