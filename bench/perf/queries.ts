// Deterministic query sets drawn from a corpus: terms sampled by document-frequency band so they
// match, AND pairs and phrases taken from real documents, prefixes and typos of real words.
// Pure: no file access (query-file.ts saves and loads), no engine (answers are checked elsewhere).

import { pickOne, randomInt, seededRandom } from './random.js';
import { forEachPlainWord } from './text.js';
import { QUERY_CLASSES, type BenchDoc, type BenchQuery, type QueryClass, type QuerySet } from './types.js';

/** Bump when generation changes: saved sets with another version are regenerated. */
export const QUERY_GENERATOR_VERSION = 2;

const DAY_MS = 86_400_000;
/** Half-width of a date-filter window around a real document's date. */
const DATE_WINDOW_MS = 15 * DAY_MS;
/** Documents kept (reservoir sample) as sources of AND pairs, phrases and dated terms. */
const SAMPLE_SIZE = 4000;
/** Words in more than this share of documents are quasi stop words, never queried. */
const MAX_DF_SHARE = 0.3;
/** Band boundaries as shares of the df-sorted vocabulary: top 2 % "high", next 18 % "mid", rest "low". */
const HIGH_BAND = 0.02;
const MID_BAND = 0.2;
/** Chances of drawing a free-text term from the high, mid and low band. */
const BAND_WEIGHTS = [0.3, 0.5, 0.2] as const;

/** The words of one sampled document that are usable in queries. */
interface SampledDoc {
  title: string[];
  body: string[];
  /** Adjacent plain-word pairs, `a b`, both usable. */
  pairs: string[];
  time: number | undefined;
}

/** Document frequencies and a reservoir sample of a corpus, from one streaming pass. */
export interface CorpusStats {
  docCount: number;
  /** Plain non-stop word → number of documents containing it (title or body). */
  df: Map<string, number>;
  sample: SampledDoc[];
}

/** Options of {@link collectCorpusStats}. */
export interface CollectOptions {
  /** True for words no query may contain (every engine's stop words). */
  isStopWord: (word: string) => boolean;
  seed: number;
  sampleSize?: number;
}

/**
 * One pass over `docs` (any iterable: a scale corpus streams): document frequencies of plain
 * non-stop words and a deterministic reservoir sample of documents.
 */
export function collectCorpusStats(docs: Iterable<BenchDoc>, options: CollectOptions): CorpusStats {
  const { isStopWord } = options;
  const sampleSize = options.sampleSize ?? SAMPLE_SIZE;
  const random = seededRandom(options.seed ^ 0x5eed);
  const df = new Map<string, number>();
  const stopMemo = new Map<string, boolean>();
  const isStop = (word: string): boolean => {
    let stop = stopMemo.get(word);
    if (stop === undefined) {
      stop = isStopWord(word);
      stopMemo.set(word, stop);
    }
    return stop;
  };
  const sample: SampledDoc[] = [];
  let docCount = 0;
  for (const doc of docs) {
    docCount++;
    const seen = new Set<string>();
    const title: string[] = [];
    const body: string[] = [];
    const pairs: string[] = [];
    const read = (text: string, into: string[]): void => {
      let previous: string | undefined;
      forEachPlainWord(text, (word, adjacent) => {
        if (isStop(word)) {
          previous = undefined;
          return;
        }
        if (!seen.has(word)) {
          seen.add(word);
          df.set(word, (df.get(word) ?? 0) + 1);
        }
        into.push(word);
        if (adjacent && previous !== undefined && previous !== word) pairs.push(`${previous} ${word}`);
        previous = word;
      });
    };
    read(doc.title, title);
    read(doc.body, body);
    // Reservoir sampling (Algorithm R): every document is equally likely to be kept.
    const slot = docCount <= sampleSize ? docCount - 1 : randomInt(random, docCount);
    if (slot < sampleSize) sample[slot] = { title: unique(title), body: unique(body), pairs: unique(pairs), time: doc.time };
  }
  return { docCount, df, sample };
}

/** Options of {@link generateQuerySet}. */
export interface GenerateOptions {
  corpus: string;
  seed: number;
  /** Queries per class (fewer when the corpus cannot supply them). */
  perClass: number;
  /**
   * The stemmer the peers share (Porter). Prefixes and typos are kept only when stemming leaves
   * them unchanged, so every engine looks up the same string the query names.
   */
  stem?: (word: string) => string;
}

/** Draws every class's queries from `stats`, deterministically from `seed`. */
export function generateQuerySet(stats: CorpusStats, options: GenerateOptions): QuerySet {
  const random = seededRandom(options.seed);
  const stem = options.stem ?? ((word: string) => word);
  const n = options.perClass;
  const maxDf = Math.max(2, Math.floor(stats.docCount * MAX_DF_SHARE));
  // Eligible vocabulary, most frequent first; ties by word so the order never depends on Map order.
  const vocabulary = [...stats.df]
    .filter(([, df]) => df >= 2 && df <= maxDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([word]) => word);
  const eligible = new Set(vocabulary);
  const highEnd = Math.max(1, Math.ceil(vocabulary.length * HIGH_BAND));
  const midEnd = Math.max(highEnd + 1, Math.ceil(vocabulary.length * MID_BAND));
  const bands = [vocabulary.slice(0, highEnd), vocabulary.slice(highEnd, midEnd), vocabulary.slice(midEnd)].filter(
    (band) => band.length > 0,
  );
  const bandTerm = (): string => {
    const r = random();
    let band = r < BAND_WEIGHTS[0] ? 0 : r < BAND_WEIGHTS[0] + BAND_WEIGHTS[1] ? 1 : 2;
    if (band >= bands.length) band = bands.length - 1;
    return pickOne(random, bands[band]!);
  };
  const distinctTerms = (count: number): string[] | undefined => {
    if (vocabulary.length < count) return undefined;
    const terms: string[] = [];
    for (let attempt = 0; terms.length < count && attempt < count * 20; attempt++) {
      const term = bandTerm();
      if (!terms.includes(term)) terms.push(term);
    }
    return terms.length === count ? terms : undefined;
  };
  const usable = (words: string[]): string[] => words.filter((w) => eligible.has(w));
  const dated = stats.sample.filter((d) => d.time !== undefined && usable(d.title).length + usable(d.body).length > 0);
  const frequent = vocabulary.slice(0, midEnd);

  const makers: Record<QueryClass, () => BenchQuery | undefined> = {
    free1: () => wrap(distinctTerms(1)),
    free2: () => wrap(distinctTerms(2)),
    free3: () => wrap(distinctTerms(3)),
    and: () => {
      if (stats.sample.length === 0) return undefined;
      const doc = pickOne(random, stats.sample);
      // Both words from one field: engines that AND within a field (Orama, FlexSearch) still match.
      let words = usable(doc.body);
      if (words.length < 2) words = usable(doc.title);
      if (words.length < 2) return undefined;
      const a = pickOne(random, words);
      const b = pickOne(random, words);
      return a === b ? undefined : { terms: [a, b] };
    },
    phrase: () => {
      if (stats.sample.length === 0) return undefined;
      const pairs = pickOne(random, stats.sample).pairs.filter((p) => p.split(' ').every((w) => eligible.has(w)));
      return pairs.length === 0 ? undefined : { terms: pickOne(random, pairs).split(' ') };
    },
    prefix: () => {
      if (frequent.length === 0) return undefined;
      const word = pickOne(random, frequent);
      if (word.length < 6) return undefined;
      const prefix = word.slice(0, 4);
      return stem(prefix) === prefix ? { terms: [prefix] } : undefined;
    },
    fuzzy: () => {
      if (frequent.length === 0) return undefined;
      const word = pickOne(random, frequent);
      if (word.length < 5 || stem(word) !== word) return undefined;
      const typo = misspell(word, random);
      return stats.df.has(typo) || stem(typo) !== typo ? undefined : { terms: [typo] };
    },
    dateFilter: () => {
      if (dated.length === 0) return undefined;
      const doc = pickOne(random, dated);
      const words = usable(doc.body).concat(usable(doc.title));
      const term = pickOne(random, words);
      const other = bandTerm();
      const time = doc.time!;
      return { terms: other === term ? [term] : [term, other], from: time - DATE_WINDOW_MS, to: time + DATE_WINDOW_MS };
    },
    dateSort: () => (dated.length === 0 || frequent.length === 0 ? undefined : { terms: [pickOne(random, frequent)] }),
  };

  const classes = {} as Record<QueryClass, BenchQuery[]>;
  for (const cls of QUERY_CLASSES) {
    const list: BenchQuery[] = [];
    const make = makers[cls];
    // Bounded retries: a tiny or odd corpus yields fewer queries, never an endless loop.
    for (let attempt = 0; list.length < n && attempt < n * 50; attempt++) {
      const query = make();
      if (query !== undefined) list.push(query);
    }
    classes[cls] = list;
  }
  return { version: QUERY_GENERATOR_VERSION, corpus: options.corpus, seed: options.seed, docCount: stats.docCount, classes };
}

/** Replaces one letter (never the first, never in the last two) by another letter. */
export function misspell(word: string, random: () => number): string {
  const position = 1 + randomInt(random, Math.max(1, word.length - 3));
  const old = word.charCodeAt(position);
  let replacement = 97 + randomInt(random, 25);
  // 25 choices shifted past the old letter: always a different lower-case letter.
  if (replacement >= old) replacement++;
  return word.slice(0, position) + String.fromCharCode(replacement) + word.slice(position + 1);
}

function wrap(terms: string[] | undefined): BenchQuery | undefined {
  return terms === undefined ? undefined : { terms };
}

function unique(words: string[]): string[] {
  return [...new Set(words)];
}
