// Seeded randomness for property and model tests: failures reproduce from the printed seed.

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A small vocabulary with inflections (so stemming merges some), object-key words and a date word. */
export const VOCABULARY = [
  'port', 'ports', 'harbour', 'trade', 'trading', 'fair', 'budget', 'deficit', 'investment', 'invest',
  'qingdao', 'city', 'council', 'growth', 'market', 'energy', 'electric', 'vehicles', 'march', 'report',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'the', 'of', 'and', 'box-type', 'U.S.',
];

/** Words joined by spaces, Zipf-ish: early vocabulary words are likelier. */
export function randomText(random: () => number, maxWords: number): string {
  const n = Math.floor(random() * (maxWords + 1));
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    words.push(VOCABULARY[Math.floor(r * r * VOCABULARY.length)]!);
  }
  return words.join(' ');
}

/** A random date between 2023 and 2025, or undefined one time in five. */
export function randomDate(random: () => number): string | undefined {
  if (random() < 0.2) return undefined;
  const ms = Date.UTC(2023, 0, 1) + Math.floor(random() * 3 * 365) * 86_400_000;
  return new Date(ms).toISOString();
}

/** `count` distinct words w0, w1, …: a vocabulary for {@link zipfText}. */
export function zipfWords(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `w${i}`);
}

/** `n` words of `words`, the first far likelier (news-like: tf mostly 1–3, a long tail). */
export function zipfText(random: () => number, words: readonly string[], n: number): string {
  return Array.from({ length: n }, () => words[Math.floor(random() ** 2.5 * words.length)]!).join(' ');
}
