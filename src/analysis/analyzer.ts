// The analysis chain, composed in one visible place: tokenizer → normalise → stop words → stem.
// The same Analyzer object runs at index time and at query time; it knows nothing of documents.

import type { Analyzer, Token, TokenFilter, Tokenizer, TokenSink } from './types.js';
import { newsTokenizer } from './tokenizer.js';
import { normalize } from './normalizer.js';
import { ENGLISH_STOP_WORDS, stopFilter } from './stopwords.js';
import { stem } from './stemmer/porter2.js';

/** Memo size at which the per-analyzer cache is dropped and refilled (bounds memory on huge vocabularies). */
const MEMO_LIMIT = 200_000;
/** Marks a dropped token in the memo (a stop word), distinct from "not cached". */
const DROPPED = '\u0000';

/** What the memo remembers of a raw token. */
interface MemoEntry {
  /** The term, or DROPPED for a stop word. */
  readonly term: string;
  readonly exact: string | undefined;
}

/** Options of {@link createAnalyzer}. */
export interface AnalyzerSpec {
  /** Stable name written into saved indexes (a loader re-attaches analyzers by this name). */
  name: string;
  tokenizer: Tokenizer;
  /** Applied in order to each raw token; a filter returning null drops the token (its position stays used). */
  filters: readonly TokenFilter[];
  /**
   * Applied after the filters. Kept apart so the analyzer can report the unstemmed form too
   * (the `exact` argument of the sink).
   */
  stemmer?: TokenFilter;
}

/**
 * Builds an analyzer from a tokenizer and a filter list. The whole filter chain is memoised per raw
 * token: news text is Zipfian, so a few thousand distinct raw words cover most tokens and the chain
 * (normalisation, stemming) runs once per distinct word rather than once per occurrence.
 */
export function createAnalyzer(spec: AnalyzerSpec): Analyzer {
  const filters = spec.filters.slice();
  const count = filters.length;
  const stemmer = spec.stemmer;
  // raw token → its term and (when stemming changed it) its unstemmed form: one lookup per token.
  let memo = new Map<string, MemoEntry>();

  const run = (raw: string): MemoEntry => {
    let term: string | null = raw;
    for (let i = 0; i < count && term !== null; i++) term = filters[i]!(term);
    if (term === '') term = null;
    let exact: string | undefined;
    if (term !== null && stemmer !== undefined) {
      const stemmed = stemmer(term);
      if (stemmed === null || stemmed === '') term = null;
      else if (stemmed !== term) {
        exact = term;
        term = stemmed;
      }
    }
    if (memo.size >= MEMO_LIMIT) memo = new Map();
    const entry: MemoEntry = { term: term ?? DROPPED, exact };
    memo.set(raw, entry);
    return entry;
  };

  return {
    name: spec.name,
    analyze(text: string, sink: TokenSink): void {
      spec.tokenizer.tokenize(text, (raw, position, start, end) => {
        const entry = memo.get(raw) ?? run(raw);
        if (entry.term !== DROPPED) sink(entry.term, position, start, end, entry.exact);
      });
    },
  };
}

/** Options of the built-in English analyzer. */
export interface EnglishAnalyzerOptions {
  /** Stop words to drop: the default English list (`true`, the default), a custom list, or `false` for none. */
  stopWords?: boolean | Iterable<string>;
  /** Porter2 stemming (default true). */
  stemming?: boolean;
}

/** The default analyzer: news tokenizer, lower case + NFKC + diacritic folding, English stop words, Porter2. */
export function englishAnalyzer(options: EnglishAnalyzerOptions = {}): Analyzer {
  const stopOption = options.stopWords ?? true;
  const stemming = options.stemming ?? true;
  const filters: TokenFilter[] = [normalize];
  let stopName = 'none';
  if (stopOption === true) {
    filters.push(stopFilter(ENGLISH_STOP_WORDS));
    stopName = 'english';
  } else if (stopOption !== false) {
    const words = new Set<string>();
    for (const w of stopOption) words.add(normalize(w));
    filters.push(stopFilter(words));
    stopName = `custom:${[...words].sort().join(',')}`;
  }
  const name = stopName === 'english' && stemming ? 'english' : `english(stop=${stopName};stem=${stemming ? 'porter2' : 'none'})`;
  return createAnalyzer({ name, tokenizer: newsTokenizer, filters, ...(stemming ? { stemmer: stem } : {}) });
}

/**
 * Keyword fields index their whole value as one term: normalised (case, width, diacritics) but not
 * split or stemmed, so `source:"Qingdao Daily"` filters exactly.
 */
export function keywordAnalyzer(): Analyzer {
  return {
    name: 'keyword',
    analyze(text: string, sink: TokenSink): void {
      const term = normalize(text.trim());
      if (term !== '') sink(term, 0, 0, text.length);
    },
  };
}

/** Re-creates a built-in analyzer from the name it wrote into a saved index, or undefined. */
export function builtInAnalyzer(name: string): Analyzer | undefined {
  if (name === 'english') return englishAnalyzer();
  if (name === 'keyword') return keywordAnalyzer();
  const m = /^english\(stop=(none|english|custom:([^;]*));stem=(porter2|none)\)$/.exec(name);
  if (m === null) return undefined;
  const stopWords = m[1] === 'none' ? false : m[1] === 'english' ? true : (m[2] ?? '').split(',').filter((w) => w !== '');
  return englishAnalyzer({ stopWords, stemming: m[3] === 'porter2' });
}

/** Convenience for tests and tools: the tokens of `text` as objects. */
export function analyzeToTokens(analyzer: Analyzer, text: string): Token[] {
  const out: Token[] = [];
  analyzer.analyze(text, (term, position, start, end) => out.push({ term, position, start, end }));
  return out;
}
