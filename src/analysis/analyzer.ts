// The analysis chain, composed in one visible place: tokenizer → normalise → stop words → stem.
// The same Analyzer object runs at index time and at query time; it knows nothing of documents.

import type { Analyzer, IdAnalysis, Token, TokenFilter, Tokenizer, TokenSink, TermVocabulary } from './types.js';
import { MAX_TOKEN_LENGTH, newsTokenizer, overTokenLength } from './tokenizer.js';
import { normalize } from './normalizer.js';
import { ENGLISH_STOP_WORDS, stopFilter } from './stopwords.js';
import { stem } from './stemmer/porter2.js';
import { MemoIdAnalysis, PlainIdAnalysis, detached, type Chain, type ChainOutput } from './id-analysis.js';

/**
 * Entries per generation of the string memo of `analyze`. Indexing does not use it (its memo lives
 * with the indexer's vocabulary, see id-analysis.ts), so it serves queries, highlighting and tools
 * only: small is enough, and it never holds more than two generations. (It was one 200,000-entry
 * map filled by indexing: 12.6 MB kept after building Reuters.)
 */
export const MEMO_GENERATION = 8192;
/**
 * Texts up to this many UTF-16 units (query words, short phrases) are memoised whole by `analyze`,
 * in generations of TEXT_MEMO_GENERATION: a search analyses each of its words, and replaying them
 * from here made a 2-word query on the 49-document sample 3 % faster (4.88 → 4.74 µs).
 */
export const TEXT_MEMO_LENGTH = 64;
const TEXT_MEMO_GENERATION = 1024;
/** Marks a dropped token in the memo (a stop word), distinct from "not cached". */
const DROPPED = '\u0000';

/** A token of a memoised short text, as the sink receives it. */
interface AnalyzedToken {
  readonly term: string;
  readonly position: number;
  readonly start: number;
  readonly end: number;
  readonly exact: string | undefined;
}

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
 * (normalisation, stemming) runs once per distinct word rather than once per occurrence. Indexing
 * goes through `idAnalysis`, whose memo lives and dies with the indexer's vocabulary; `analyze`
 * keeps a small two-generation memo (a hit moves to the young generation, the old one is dropped
 * when the young one fills), so frequent words stay cached and memory stays bounded.
 */
export function createAnalyzer(spec: AnalyzerSpec): Analyzer {
  const filters = spec.filters.slice();
  const count = filters.length;
  const stemmer = spec.stemmer;
  const tokenizer = spec.tokenizer;

  const chain: Chain = (raw: string, out: ChainOutput): void => {
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
    out.term = term;
    out.exact = exact;
  };

  // raw token → its term and (when stemming changed it) its unstemmed form: one lookup per token.
  let young = new Map<string, MemoEntry>();
  let old = new Map<string, MemoEntry>();
  const scratch: ChainOutput = { term: null, exact: undefined };
  const remember = (raw: string, entry: MemoEntry): void => {
    if (young.size >= MEMO_GENERATION) {
      old = young;
      young = new Map();
    }
    // A long token is a view into the whole text it came from: keep a copy instead.
    young.set(detached(raw), entry);
  };
  const run = (raw: string): MemoEntry => {
    let entry = old.get(raw);
    if (entry === undefined) {
      chain(raw, scratch);
      entry = { term: scratch.term ?? DROPPED, exact: scratch.exact };
    }
    remember(raw, entry);
    return entry;
  };

  const analyzeTokens = (text: string, sink: TokenSink): void => {
    tokenizer.tokenize(text, (raw, position, start, end) => {
      const entry = young.get(raw) ?? run(raw);
      if (entry.term !== DROPPED) sink(entry.term, position, start, end, entry.exact);
    });
  };

  // short text → its tokens, two generations as above.
  let youngTexts = new Map<string, readonly AnalyzedToken[]>();
  let oldTexts = new Map<string, readonly AnalyzedToken[]>();
  const tokensOf = (text: string): readonly AnalyzedToken[] => {
    let tokens = oldTexts.get(text);
    if (tokens === undefined) {
      const collected: AnalyzedToken[] = [];
      analyzeTokens(text, (term, position, start, end, exact) => collected.push({ term, position, start, end, exact }));
      tokens = collected;
    }
    if (youngTexts.size >= TEXT_MEMO_GENERATION) {
      oldTexts = youngTexts;
      youngTexts = new Map();
    }
    youngTexts.set(text, tokens);
    return tokens;
  };

  return {
    name: spec.name,
    analyze(text: string, sink: TokenSink): void {
      if (text.length > TEXT_MEMO_LENGTH) {
        analyzeTokens(text, sink);
        return;
      }
      const tokens = youngTexts.get(text) ?? tokensOf(text);
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        sink(t.term, t.position, t.start, t.end, t.exact);
      }
    },
    idAnalysis(vocabulary: TermVocabulary): IdAnalysis {
      return new MemoIdAnalysis(tokenizer, chain, vocabulary);
    },
  };
}

/**
 * The indexing form of any analyzer: its own {@link Analyzer.idAnalysis} when it has one, else its
 * `analyze` with each term interned into `vocabulary` as it arrives.
 */
export function idAnalysisOf(analyzer: Analyzer, vocabulary: TermVocabulary): IdAnalysis {
  return analyzer.idAnalysis?.(vocabulary) ?? new PlainIdAnalysis((text, sink) => analyzer.analyze(text, sink), vocabulary);
}

/**
 * `normalize`, then the tokenizer's length limit again on what it made: the tokenizer measured the
 * raw token, and NFKC can expand it past the limit (60 units of ﬁ are 120 of fi). Such a term is
 * dropped as an over-long token is (its position stays used). A term of MAX_TOKEN_LENGTH units or
 * fewer (every ASCII one) costs one compare, and this runs once per distinct raw token (memoised).
 */
function normalizeToken(raw: string): string | null {
  const term = normalize(raw);
  return term.length > MAX_TOKEN_LENGTH && overTokenLength(term) ? null : term;
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
  const filters: TokenFilter[] = [normalizeToken];
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
