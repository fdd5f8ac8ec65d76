// The scale generator: fits Zipf and Heaps to a seed, then grows it lazily and deterministically,
// with each seed word's document frequency and repeats per document.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { seededRandom } from '../../../bench/perf/random.js';
import { loadJsonlCorpus } from '../../../bench/perf/corpora.js';
import { fitHeaps, fitScaleModel, fitZipf, fitZipfLaw, mintWord, scaleCorpus } from '../../../bench/perf/scale.js';
import { sharedPath } from '../../_support/paths.js';
import { forEachPlainWord, plainWords } from '../../../bench/perf/text.js';
import type { BenchDoc } from '../../../bench/perf/types.js';

/**
 * A seed whose words follow Zipf (s = 1) over a 3,000-word vocabulary, dated over 100 days. With
 * `burst`, each word drawn is written 1–4 times in a row (news repeats its subject words).
 */
function zipfSeed(docs: number, seed: number, burst = false): BenchDoc[] {
  const random = seededRandom(seed);
  const vocabulary = Array.from({ length: 3000 }, (_, i) => mintWord(i + 50_000));
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 1; r <= vocabulary.length; r++) cumulative.push((sum += 1 / r));
  const word = (): string => {
    const target = random() * sum;
    let lo = 0;
    while (cumulative[lo]! <= target) lo++;
    return vocabulary[lo]!;
  };
  const text = (n: number): string => {
    const out: string[] = [];
    while (out.length < n) {
      const w = word();
      for (let c = burst ? 1 + Math.floor(random() * 4) : 1; c > 0 && out.length < n; c--) out.push(w);
    }
    return out.join(' ');
  };
  return Array.from({ length: docs }, (_, i) => ({
    id: `seed${i}`,
    title: text(5),
    body: text(40 + (i % 60)),
    time: Date.UTC(2024, 0, 1) + (i % 100) * 86_400_000,
    date: new Date(Date.UTC(2024, 0, 1) + (i % 100) * 86_400_000).toISOString(),
  }));
}

const seed = zipfSeed(400, 11);
const model = fitScaleModel(seed);

test('fitZipf recovers the exponent of exact power-law frequencies', () => {
  for (const s of [0.8, 1, 1.3]) {
    const freqs = Array.from({ length: 5000 }, (_, r) => Math.round(1e7 * Math.pow(r + 1, -s)));
    assert.ok(Math.abs(fitZipf(freqs) - s) < 0.02, `s=${s}: ${fitZipf(freqs)}`);
  }
});

test('fitZipfLaw recovers the scale of the power law as well', () => {
  const freqs = Array.from({ length: 5000 }, (_, r) => 4e6 * Math.pow(r + 1, -1.1));
  const fit = fitZipfLaw(freqs);
  assert.ok(Math.abs(fit.exponent - 1.1) < 0.01, String(fit.exponent));
  assert.ok(Math.abs(fit.scale - 4e6) / 4e6 < 0.05, String(fit.scale));
});

test('fitHeaps recovers K and β from points on V = K·n^β', () => {
  const points = [1e3, 1e4, 1e5, 1e6].map((n) => [n, 30 * Math.pow(n, 0.55)] as const);
  const fit = fitHeaps(points);
  assert.ok(Math.abs(fit.beta - 0.55) < 1e-9);
  assert.ok(Math.abs(fit.k - 30) < 1e-6);
});

test('the model ranks the seed vocabulary by frequency and fits a Zipf-like exponent', () => {
  const counts = new Map<string, number>();
  for (const d of seed) for (const w of plainWords(`${d.title} ${d.body}`)) counts.set(w, (counts.get(w) ?? 0) + 1);
  assert.is(model.words.length, counts.size);
  for (let i = 1; i < model.words.length; i++) assert.ok(counts.get(model.words[i - 1]!)! >= counts.get(model.words[i]!)!);
  assert.ok(model.zipfExponent > 0.7 && model.zipfExponent < 1.3, String(model.zipfExponent));
  assert.ok(model.heapsBeta > 0 && model.heapsBeta < 1);
  assert.is(model.seedTokens, [...counts.values()].reduce((a, b) => a + b, 0));
});

test('minted words are distinct, letters only, at least six long', () => {
  const seen = new Set<string>();
  for (let k = 0; k < 20_000; k++) {
    const w = mintWord(k);
    assert.match(w, /^[a-z]{6,}$/);
    assert.not.ok(seen.has(w), w);
    seen.add(w);
  }
});

test('the corpus starts with the seed documents, unchanged, and has exactly `total` documents', () => {
  const docs = [...scaleCorpus(seed, { total: 1500, seed: 5, model })];
  assert.is(docs.length, 1500);
  for (let i = 0; i < seed.length; i++) assert.is(docs[i], seed[i]);
  assert.is(new Set(docs.map((d) => d.id)).size, 1500);
  assert.is([...scaleCorpus(seed, { total: 10, seed: 5, model })].length, 10);
});

test('every iteration regenerates the same documents; another seed differs', () => {
  const corpus = scaleCorpus(seed, { total: 900, seed: 5, model });
  const first = [...corpus];
  const second = [...corpus];
  assert.equal(second, first);
  const other = [...scaleCorpus(seed, { total: 900, seed: 6, model })];
  assert.not.equal(other[800], first[800]);
});

test('generation is lazy: the first documents of a billion-document corpus come at once', () => {
  const taken: BenchDoc[] = [];
  for (const doc of scaleCorpus(seed, { total: 1_000_000_000, seed: 5, model })) {
    taken.push(doc);
    if (taken.length === seed.length + 3) break;
  }
  assert.is(taken.length, seed.length + 3);
  assert.is(taken.at(-1)!.id, `s${seed.length + 2}`);
});

test('generated documents borrow seed lengths and dates (within a day of a seed date)', () => {
  const seedTimes = seed.map((d) => d.time!);
  const generated = [...scaleCorpus(seed, { total: 1400, seed: 5, model })].slice(seed.length);
  for (const doc of generated) {
    assert.ok(doc.time !== undefined && doc.date !== undefined);
    assert.is(Date.parse(doc.date!), doc.time);
    assert.ok(seedTimes.some((t) => doc.time! >= t && doc.time! < t + 86_400_000));
    const words = plainWords(doc.body).length;
    assert.ok(words >= 40 && words <= 99, String(words));
  }
});

test('the vocabulary grows along the fitted Heaps law', () => {
  const seen = new Set<string>();
  let tokens = 0;
  const checkpoints: Array<[number, number]> = [];
  let next = model.seedTokens * 2;
  for (const doc of scaleCorpus(seed, { total: 6000, seed: 5, model })) {
    const count = (w: string): void => {
      seen.add(w);
      tokens++;
    };
    forEachPlainWord(doc.title, count);
    forEachPlainWord(doc.body, count);
    if (tokens >= next) {
      checkpoints.push([tokens, seen.size]);
      next *= 2;
    }
  }
  assert.ok(checkpoints.length >= 2);
  for (const [n, v] of checkpoints) {
    const predicted = model.heapsK * Math.pow(n, model.heapsBeta);
    assert.ok(Math.abs(v - predicted) / predicted < 0.15, `n=${n}: V=${v}, Heaps ${predicted.toFixed(0)}`);
  }
});

/** Per word: documents that have it, and occurrences; plus postings (distinct words per document) and tokens. */
function wordStats(docs: Iterable<BenchDoc>): { df: Map<string, number>; cf: Map<string, number>; docs: number; postings: number; tokens: number } {
  const df = new Map<string, number>();
  const cf = new Map<string, number>();
  let count = 0;
  let postings = 0;
  let tokens = 0;
  for (const doc of docs) {
    count++;
    const seen = new Set<string>();
    const visit = (w: string): void => {
      tokens++;
      cf.set(w, (cf.get(w) ?? 0) + 1);
      if (!seen.has(w)) {
        seen.add(w);
        df.set(w, (df.get(w) ?? 0) + 1);
      }
    };
    forEachPlainWord(doc.title, visit);
    forEachPlainWord(doc.body, visit);
    postings += seen.size;
  }
  return { df, cf, docs: count, postings, tokens };
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Compares generated documents (as many as the seed has) with the seed over its words of ranks
 * [from, to): the median ratio of document frequencies and of repeats per document that has the word.
 */
function compareWithSeed(seedDocs: readonly BenchDoc[], from: number, to: number, seedNumber = 5): { df: number; burst: number; postingsPerToken: [number, number] } {
  const fitted = fitScaleModel(seedDocs);
  const seedStats = wordStats(seedDocs);
  const generated = wordStats([...scaleCorpus(seedDocs, { total: seedDocs.length * 2, seed: seedNumber, model: fitted })].slice(seedDocs.length));
  const dfRatios: number[] = [];
  const burstRatios: number[] = [];
  for (const w of fitted.words.slice(from, to)) {
    const df = generated.df.get(w) ?? 0;
    dfRatios.push(df / seedStats.df.get(w)!);
    if (df > 0) burstRatios.push(generated.cf.get(w)! / df / (seedStats.cf.get(w)! / seedStats.df.get(w)!));
  }
  return {
    df: median(dfRatios),
    burst: median(burstRatios),
    postingsPerToken: [seedStats.postings / seedStats.tokens, generated.postings / generated.tokens],
  };
}

test('generated documents keep the seed words\' document frequencies and repeats per document', () => {
  // Drawn independently, a word written 2.5 times per document would land in 2.5 times as many
  // documents: every multi-term query would match far more of a scale corpus than of real news.
  const bursty = zipfSeed(1500, 17, true);
  const c = compareWithSeed(bursty, 10, 300);
  assert.ok(Math.abs(c.df - 1) < 0.15, `df ratio ${c.df}`);
  assert.ok(Math.abs(c.burst - 1) < 0.15, `burst ratio ${c.burst}`);
  assert.ok(Math.abs(c.postingsPerToken[1] / c.postingsPerToken[0] - 1) < 0.1, String(c.postingsPerToken));
  // And a seed without bursts is not given any.
  const flat = compareWithSeed(zipfSeed(1500, 19), 10, 300);
  assert.ok(Math.abs(flat.burst - 1) < 0.1, `burst ratio ${flat.burst}`);
  assert.ok(Math.abs(flat.df - 1) < 0.15, `df ratio ${flat.df}`);
});

test('grown from Reuters, a Reuters-sized corpus has Reuters\' document frequencies and repeats', () => {
  const file = sharedPath('corpora', 'reuters21578.jsonl.gz');
  if (file === undefined) {
    console.log('  ../shared not found: Reuters scale statistics not checked');
    return;
  }
  // Ranks 50–5,000: the content words queries are drawn from (not "the", not hapaxes).
  const c = compareWithSeed(loadJsonlCorpus(file), 50, 5000);
  assert.ok(Math.abs(c.df - 1) < 0.15, `df ratio ${c.df}`);
  assert.ok(Math.abs(c.burst - 1) < 0.15, `burst ratio ${c.burst}`);
  assert.ok(Math.abs(c.postingsPerToken[1] / c.postingsPerToken[0] - 1) < 0.12, String(c.postingsPerToken));
});

test.run();
