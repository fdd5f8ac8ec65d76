// The scale generator: grows a real seed corpus to N documents, lazily and deterministically. New
// words are drawn from a Zipf law fitted to the seed; brand-new words are minted at the Heaps'-law
// rate V = K·n^β fitted to the seed; a word repeats within a document as often as it does in the
// seed (burstiness). It makes text with a realistic vocabulary, not readable prose.

import { randomInt, seededRandom } from './random.js';
import { forEachPlainWord } from './text.js';
import type { BenchDoc } from './types.js';

/** What the generator learnt from the seed corpus. */
export interface ScaleModel {
  /** Seed vocabulary (plain words, stop words included), most frequent first. */
  words: string[];
  /** Occurrences of each word of `words` in the seed. */
  frequencies: Uint32Array;
  /** Zipf law fitted to those frequencies, f(r) ≈ zipfScale · r^−zipfExponent: minted words continue it. */
  zipfExponent: number;
  zipfScale: number;
  /** Heaps' law V = K·n^β. */
  heapsK: number;
  heapsBeta: number;
  /**
   * Per word of `words`: its mean count in a seed document that has it (collection frequency over
   * document frequency, ≥ 1). "cts" is 2.6 in Reuters: news repeats its subject words.
   */
  bursts: Float64Array;
  /** Mean burst of the seed's rare words (three occurrences or fewer): what a minted word gets. */
  rareBurst: number;
  /** Plain-word tokens in the seed. */
  seedTokens: number;
  /** Per seed document: plain words in title and body, and the date (NaN when undated). */
  titleLengths: Uint32Array;
  bodyLengths: Uint32Array;
  times: Float64Array;
}

/**
 * Least-squares Zipf exponent of frequencies sorted in decreasing order: the slope of log f against
 * log rank at log-spaced ranks (each decade weighs the same, instead of the tail's thousands of
 * points dominating), over ranks whose frequency is at least 3 (the hapax tail flattens the fit).
 */
export function fitZipf(frequencies: ArrayLike<number>): number {
  return fitZipfLaw(frequencies).exponent;
}

/** {@link fitZipf}'s line in full: f(r) ≈ scale · r^−exponent. */
export function fitZipfLaw(frequencies: ArrayLike<number>): { exponent: number; scale: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  let previous = 0;
  for (let step = 0; ; step++) {
    const rank = Math.max(previous + 1, Math.round(Math.pow(1.1, step)));
    if (rank > frequencies.length) break;
    const f = frequencies[rank - 1]!;
    if (f < 3) break;
    xs.push(Math.log(rank));
    ys.push(Math.log(f));
    previous = rank;
  }
  if (xs.length < 2) return { exponent: 1, scale: frequencies.length > 0 ? frequencies[0]! : 1 };
  const fit = slope(xs, ys);
  const exponent = Math.max(0.5, -fit.slope);
  // With a clamped exponent the intercept is refitted through the points' centre of mass.
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  return { exponent, scale: Math.exp(my + exponent * mx) };
}

/** Heaps' law fitted to (tokens read, distinct words seen) points: V = K·n^β. */
export function fitHeaps(points: ReadonlyArray<readonly [number, number]>): { k: number; beta: number } {
  const usable = points.filter(([n, v]) => n > 0 && v > 0);
  if (usable.length < 2) return { k: 1, beta: 0.5 };
  const fit = slope(
    usable.map(([n]) => Math.log(n)),
    usable.map(([, v]) => Math.log(v)),
  );
  return { k: Math.exp(fit.intercept), beta: Math.min(0.95, Math.max(0.05, fit.slope)) };
}

/** Fits the generator to the seed documents (one pass). */
export function fitScaleModel(seed: readonly BenchDoc[]): ScaleModel {
  const counts = new Map<string, number>();
  const documents = new Map<string, number>();
  const points: Array<[number, number]> = [];
  let tokens = 0;
  let inDocument = new Set<string>();
  // Geometric checkpoints from 1,000 tokens: the early, noisy part of the curve is not fitted.
  let nextCheckpoint = 1000;
  const titleLengths = new Uint32Array(seed.length);
  const bodyLengths = new Uint32Array(seed.length);
  const times = new Float64Array(seed.length);
  const count = (word: string): void => {
    counts.set(word, (counts.get(word) ?? 0) + 1);
    if (!inDocument.has(word)) {
      inDocument.add(word);
      documents.set(word, (documents.get(word) ?? 0) + 1);
    }
    tokens++;
    if (tokens >= nextCheckpoint) {
      points.push([tokens, counts.size]);
      nextCheckpoint = Math.ceil(nextCheckpoint * 1.2);
    }
  };
  for (let d = 0; d < seed.length; d++) {
    const doc = seed[d]!;
    const before = tokens;
    inDocument = new Set<string>();
    forEachPlainWord(doc.title, count);
    titleLengths[d] = tokens - before;
    forEachPlainWord(doc.body, count);
    bodyLengths[d] = tokens - before - titleLengths[d]!;
    times[d] = doc.time ?? Number.NaN;
  }
  const entries = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const heaps = fitHeaps(points);
  const frequencies = Uint32Array.from(entries, ([, f]) => f);
  const zipf = fitZipfLaw(frequencies);
  const bursts = new Float64Array(entries.length);
  let rareSum = 0;
  let rareWords = 0;
  for (let r = 0; r < entries.length; r++) {
    const [word, cf] = entries[r]!;
    bursts[r] = cf / documents.get(word)!;
    if (cf <= 3) {
      rareSum += bursts[r]!;
      rareWords++;
    }
  }
  return {
    words: entries.map(([word]) => word),
    frequencies,
    zipfExponent: zipf.exponent,
    zipfScale: zipf.scale,
    heapsK: heaps.k,
    heapsBeta: heaps.beta,
    bursts,
    rareBurst: rareWords === 0 ? 1 : rareSum / rareWords,
    seedTokens: tokens,
    titleLengths,
    bodyLengths,
    times,
  };
}

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
const SYLLABLES = CONSONANTS.length * VOWELS.length;

/**
 * The k-th minted word: k written in base 70 with consonant-vowel syllables, at least three of
 * them. Distinct k give distinct words; letters only, so every tokenizer keeps it whole.
 */
export function mintWord(k: number): string {
  let rest = k + SYLLABLES * SYLLABLES;
  let word = '';
  while (rest > 0) {
    const syllable = rest % SYLLABLES;
    word = CONSONANTS[Math.floor(syllable / VOWELS.length)]! + VOWELS[syllable % VOWELS.length]! + word;
    rest = Math.floor(rest / SYLLABLES);
  }
  return word;
}

/** Options of {@link scaleCorpus}. */
export interface ScaleOptions {
  /** Documents in all, seed included. */
  total: number;
  seed: number;
  /** A model fitted beforehand (defaults to fitting `seedDocs`). */
  model?: ScaleModel;
}

/**
 * The seed documents, then generated ones until `total`: an iterable that generates lazily and
 * restarts from the same state on every iteration (so each consumer sees identical documents).
 */
export function scaleCorpus(seedDocs: readonly BenchDoc[], options: ScaleOptions): Iterable<BenchDoc> {
  const model = options.model ?? fitScaleModel(seedDocs);
  return {
    [Symbol.iterator]: () => generate(seedDocs, model, options.total, options.seed),
  };
}

function* generate(seedDocs: readonly BenchDoc[], model: ScaleModel, total: number, seed: number): Generator<BenchDoc> {
  const fromSeed = Math.min(total, seedDocs.length);
  for (let d = 0; d < fromSeed; d++) yield seedDocs[d]!;
  if (total <= fromSeed || seedDocs.length === 0) return;

  const random = seededRandom(seed);
  const words = model.words.slice();
  const bursts = Array.from(model.bursts);
  const known = new Set(model.words);
  const s = model.zipfExponent;
  const k = model.heapsK;
  const beta = model.heapsBeta;
  // A word's first occurrence in a document brings `burst` occurrences on average, so the draws
  // must reproduce each seed word's document frequency df, not its token count. Drawn with weight
  // −ln(1 − df/N) (N seed documents), a word is in a document of n draws with chance 1 − e^(−c·n):
  // df/N for the seed's mean n, whether it is rare (weight ≈ df/N) or in nearly every document.
  // Minted words continue the fitted Zipf law. cumulative[r] = Σ_{i ≤ r} weight(i), grown as words
  // are minted: sampling is a binary search.
  const documents = Math.max(1, model.titleLengths.length);
  const weightOf = (df: number): number => -Math.log(1 - Math.min(df, documents - 0.5) / documents);
  let cumulative = new Float64Array(Math.max(1024, words.length * 2));
  let sum = 0;
  for (let r = 0; r < words.length; r++) {
    sum += weightOf(model.frequencies[r]! / bursts[r]!);
    cumulative[r] = sum;
  }
  let vocabulary = words.length;
  let tokens = Math.max(1, model.seedTokens);
  let generated = 0;
  let drawn = 0;
  let mintIndex = 0;

  // The document being written: its words so far, the repeats still owed, the tokens still to write.
  let present = new Set<string>();
  const pending: string[] = [];
  let left = 0;

  const draw = (): number => {
    const target = random() * sum;
    let lo = 0;
    let hi = vocabulary - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! <= target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const mint = (): number => {
    let word = mintWord(mintIndex++);
    while (known.has(word)) word = mintWord(mintIndex++);
    known.add(word);
    words.push(word);
    bursts.push(model.rareBurst);
    if (vocabulary >= cumulative.length) {
      const grown = new Float64Array(cumulative.length * 2);
      grown.set(cumulative);
      cumulative = grown;
    }
    sum += weightOf((model.zipfScale * Math.pow(vocabulary + 1, -s)) / model.rareBurst);
    cumulative[vocabulary] = sum;
    return vocabulary++;
  };

  const nextWord = (): string => {
    tokens++;
    generated++;
    // The owed repeats are spread evenly over the rest of the document (`left` counts this token).
    const remaining = left--;
    if (pending.length > 0 && random() * remaining < pending.length) {
      const i = randomInt(random, pending.length);
      const word = pending[i]!;
      pending[i] = pending[pending.length - 1]!;
      pending.pop();
      return word;
    }
    drawn++;
    // dV/dn of Heaps' law, the chance that this token is a word never seen before; only drawn
    // tokens can be new (a repeat never is), so the chance per draw is scaled up by tokens per draw.
    const pNew = vocabulary === 0 ? 1 : Math.min(1, (k * beta * Math.pow(tokens, beta - 1) * generated) / drawn);
    let r: number;
    if (random() < pNew) {
      r = mint();
    } else {
      // A word already in the document is drawn again (a few tries): its repeats are its burst's.
      r = draw();
      for (let tries = 0; tries < 8 && present.has(words[r]!); tries++) r = draw();
    }
    const word = words[r]!;
    if (!present.has(word)) {
      present.add(word);
      for (let c = geometric(random, bursts[r]! - 1); c > 0; c--) pending.push(word);
    }
    return word;
  };

  const seedCount = seedDocs.length;
  for (let index = fromSeed; index < total; index++) {
    // Lengths and date borrowed from a random seed document: realistic length and date spread.
    const template = randomInt(random, seedCount);
    const titleLength = Math.max(2, model.titleLengths[template]!);
    const bodyLength = model.bodyLengths[template]!;
    present = new Set<string>();
    pending.length = 0;
    left = titleLength + bodyLength;
    const title = sentence(titleLength, nextWord);
    const parts: string[] = [];
    let written = 0;
    let sentences = 0;
    while (written < bodyLength) {
      const length = Math.min(bodyLength - written, 8 + randomInt(random, 17));
      parts.push(sentence(length, nextWord) + '.');
      written += length;
      sentences++;
      parts.push(sentences % 4 === 0 ? '\n\n' : ' ');
    }
    const doc: BenchDoc = { id: `s${index}`, title, body: parts.join('').trimEnd() };
    const time = model.times[template]!;
    if (!Number.isNaN(time)) {
      // Within the same day as the borrowed date, whole seconds.
      const shifted = time + randomInt(random, 86_400) * 1000;
      doc.time = shifted;
      doc.date = new Date(shifted).toISOString().replace('.000Z', 'Z');
    }
    yield doc;
  }
}

/** Extra occurrences of a word in a document: geometric with the given mean (Katz's K-mixture shape). */
function geometric(random: () => number, mean: number): number {
  if (!(mean > 0)) return 0;
  const q = mean / (1 + mean);
  return Math.min(1000, Math.floor(Math.log(1 - random()) / Math.log(q)));
}

function sentence(length: number, nextWord: () => string): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const word = nextWord();
    text += i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : ' ' + word;
  }
  return text;
}

function slope(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number } {
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i]!;
    sy += ys[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) * (xs[i]! - mx);
  }
  const b = sxx === 0 ? 0 : sxy / sxx;
  return { slope: b, intercept: my - b * mx };
}
