// The scale generator: fits Zipf and Heaps to a seed, then grows it lazily and deterministically.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { seededRandom } from '../../../bench/perf/random.js';
import { fitHeaps, fitScaleModel, fitZipf, mintWord, scaleCorpus } from '../../../bench/perf/scale.js';
import { forEachPlainWord, plainWords } from '../../../bench/perf/text.js';
import type { BenchDoc } from '../../../bench/perf/types.js';

/** A seed whose words follow Zipf (s = 1) over a 3,000-word vocabulary, dated over 100 days. */
function zipfSeed(docs: number, seed: number): BenchDoc[] {
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
  const text = (n: number): string => Array.from({ length: n }, word).join(' ');
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

test.run();
