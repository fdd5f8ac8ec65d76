// Oracle test of phrase and proximity queries: on seeded documents (small vocabulary, repeats, stop
// words, hyphenated compounds), the ids SearchIndex.search returns equal a brute-force scan of the
// analysed text, through flushes, merges, removals and a save/load round trip. Ids only, not scores.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SearchIndex, analyzeToTokens, englishAnalyzer, parseDate, type NewsDocument } from '../../src/index.js';
import { dateFieldText } from '../../src/dates/index.js';
import { pick, rng } from '../_support/random.js';

const analyzer = englishAnalyzer();

/** Zipf-ish: early words are likelier, so documents repeat words and phrases recur. */
const WORDS = [
  'port', 'trade', 'the', 'fair', 'of', 'ports', 'budget', 'deficit', 'harbour', 'and', 'trading', 'in',
  'qingdao', 'a', 'march', '2024', 'trade-fair', 'city', 'council', 'box-type', 'box', 'type',
];

function text(random: () => number, maxWords: number): string {
  const n = Math.floor(random() * (maxWords + 1));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    out.push(WORDS[Math.floor(r * r * WORDS.length)]!);
  }
  return out.join(' ');
}

type Doc = Pick<NewsDocument, 'id' | 'title' | 'body'> & { date?: string };

/** Field name → term → ascending positions. */
type Analysed = Map<string, Map<string, number[]>>;

function positionsOf(textValue: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const t of analyzeToTokens(analyzer, textValue)) {
    const list = out.get(t.term);
    if (list === undefined) out.set(t.term, [t.position]);
    else list.push(t.position);
  }
  return out;
}

function analyse(doc: Doc): Analysed {
  const fields: Analysed = new Map();
  fields.set('title', positionsOf(doc.title));
  fields.set('body', positionsOf(doc.body));
  // The date field is searched as words too (an unscoped phrase covers it).
  const ms = doc.date === undefined ? undefined : parseDate(doc.date);
  fields.set('date', positionsOf(ms === undefined ? '' : dateFieldText(ms)));
  return fields;
}

/**
 * The definition of phrase-match.ts, checked directly: some position q_i of every term i with
 * max(q_i − offset_i) − min(q_i − offset_i) ≤ slop. Such a choice exists exactly when some window
 * [L, L + slop], L one of the normalised positions, holds a normalised position of every term.
 */
function fieldMatches(positions: Map<string, number[]>, terms: ReadonlyArray<{ term: string; offset: number }>, slop: number): boolean {
  const normalised: number[][] = [];
  for (const t of terms) {
    const list = positions.get(t.term);
    if (list === undefined) return false;
    normalised.push(list.map((q) => q - t.offset));
  }
  for (const starts of normalised) {
    for (const left of starts) {
      if (normalised.every((list) => list.some((v) => v >= left && v <= left + slop))) return true;
    }
  }
  return false;
}

/** Ids of live documents the phrase matches, sorted. */
function bruteForce(docs: ReadonlyMap<string, Analysed>, phrase: string, slop: number, fields: readonly string[]): string[] {
  const tokens = analyzeToTokens(analyzer, phrase);
  if (tokens.length === 0) return [];
  const base = Math.min(...tokens.map((t) => t.position));
  const terms = tokens.map((t) => ({ term: t.term, offset: t.position - base }));
  const out: string[] = [];
  for (const [id, analysed] of docs) {
    const hit = fields.some((f) => {
      const positions = analysed.get(f)!;
      // One word left after analysis: the phrase is that word, anywhere in the field.
      return tokens.length === 1 ? positions.has(terms[0]!.term) : fieldMatches(positions, terms, slop);
    });
    if (hit) out.push(id);
  }
  return out.sort();
}

interface PhraseQuery {
  query: string;
  phrase: string;
  slop: number;
  fields: readonly string[];
}

const ALL_FIELDS = ['title', 'date', 'body'];

function randomQuery(random: () => number): PhraseQuery {
  const n = 2 + Math.floor(random() * 3);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(pick(random, WORDS));
  const phrase = words.join(' ');
  const slop = random() < 0.4 ? 0 : Math.floor(random() * 6);
  const r = random();
  const field = r < 0.6 ? undefined : r < 0.8 ? 'title' : 'body';
  const suffix = slop === 0 && random() < 0.5 ? '' : `~${slop}`;
  const query = `${field === undefined ? '' : `${field}:`}"${phrase}"${suffix}`;
  return { query, phrase, slop, fields: field === undefined ? ALL_FIELDS : [field] };
}

/** Hand-picked edge cases: repeats, stop words at the edges, compounds, swapped order. */
const FIXED: PhraseQuery[] = [
  ['port port', 0], ['port port', 1], ['port port', 2], ['the port', 0], ['port of the', 0], ['of the', 3],
  ['trade fair', 0], ['fair trade', 1], ['fair trade', 2], ['trade-fair', 0], ['trade-fair port', 2],
  ['box-type', 0], ['box type', 0], ['type box', 2], ['march 2024', 0], ['2024 march', 1], ['port of qingdao', 0],
  ['port qingdao', 1], ['port trade fair budget', 5], ['ports trading', 0], ['deficit budget deficit', 3],
].map(([phrase, slop]) => ({ query: `"${phrase as string}"~${slop as number}`, phrase: phrase as string, slop: slop as number, fields: ALL_FIELDS }));

function check(index: SearchIndex, q: PhraseQuery, expected: readonly string[], label: string): void {
  const result = index.search(q.query, { limit: 1000 });
  assert.equal(result.hits.map((h) => h.id).sort(), expected, `${label}: ${q.query}`);
  assert.is(result.total, expected.length, `${label}: total of ${q.query}`);
}

for (const seed of [11, 12, 13]) {
  test(`phrase and proximity results equal the brute-force definition (seed ${seed})`, () => {
    const random = rng(seed);
    // Small buffers and few segments: many flushes and merges.
    const index = new SearchIndex({ maxBufferedDocs: 19, maxSegments: 3 });
    const live = new Map<string, Analysed>();
    for (let i = 0; i < 260; i++) {
      const doc: Doc = { id: `d${i}`, title: text(random, 8), body: text(random, 40) };
      if (random() < 0.7) doc.date = `2024-0${1 + Math.floor(random() * 9)}-${10 + Math.floor(random() * 18)}`;
      index.add(doc);
      live.set(doc.id, analyse(doc));
      // Removals leave deleted documents in segments until a merge drops them.
      if (i % 9 === 4) {
        const victim = `d${Math.floor(random() * i)}`;
        if (index.remove(victim)) live.delete(victim);
      }
    }
    const queries = [...FIXED];
    for (let q = 0; q < 240; q++) queries.push(randomQuery(random));
    const expected = queries.map((q) => bruteForce(live, q.phrase, q.slop, q.fields));
    // The generator must produce matches, including ones only a slop allows, or the test proves little.
    const matched = expected.filter((e) => e.length > 0).length;
    assert.ok(matched > queries.length / 3, `only ${matched} of ${queries.length} queries match anything`);
    const sloppyOnly = queries.filter((q, i) => q.slop > 0 && expected[i]!.length > bruteForce(live, q.phrase, 0, q.fields).length).length;
    assert.ok(sloppyOnly > 20, `only ${sloppyOnly} queries gain matches from their slop`);
    queries.forEach((q, i) => check(index, q, expected[i]!, `seed ${seed}`));
    const loaded = SearchIndex.deserialize(index.serialize());
    queries.forEach((q, i) => check(loaded, q, expected[i]!, `seed ${seed} loaded`));
    index.optimize();
    queries.forEach((q, i) => check(index, q, expected[i]!, `seed ${seed} optimized`));
  });
}

test('a phrase repeating one word matches exactly the runs long enough, with the same scores as distinct reads', () => {
  const index = new SearchIndex();
  index.addAll([
    { id: 'two', title: 'sales sales', body: 'flat' },
    { id: 'three', title: 'sales sales sales', body: 'flat' },
    { id: 'split', title: 'sales up sales sales', body: 'flat' },
    { id: 'none', title: 'sales', body: 'sales figures sales' },
  ]);
  const ids = (query: string): string[] => index.search(query, { limit: 10 }).hits.map((h) => h.id).sort();
  assert.equal(ids('"sales sales"'), ['split', 'three', 'two']);
  assert.equal(ids('"sales sales sales"'), ['three']);
  assert.equal(ids('"sales sales sales sales"'), []);
  assert.equal(ids('"sales up sales sales"'), ['split']);
  assert.equal(ids('"sales sales"~1'), ['none', 'split', 'three', 'two']);
  // "three" holds the pair twice (at 0 and 1), "two" once: the repeated word's one list counts both.
  const hits = index.search('"sales sales"').hits;
  const score = (id: string): number => hits.find((h) => h.id === id)!.score;
  assert.ok(score('three') > score('two'));
  const long = Array.from({ length: 1500 }, () => 'sales').join(' ');
  assert.equal(ids(`"${long}"`), []);
});

test('the brute force itself: window, order, stop-word gaps', () => {
  const docs = new Map<string, Analysed>([
    ['adjacent', analyse({ id: 'adjacent', title: 'trade fair', body: '' })],
    ['swapped', analyse({ id: 'swapped', title: 'fair trade', body: '' })],
    ['gap', analyse({ id: 'gap', title: 'trade of fair', body: '' })],
    ['far', analyse({ id: 'far', title: 'trade port port port fair', body: '' })],
  ]);
  assert.equal(bruteForce(docs, 'trade fair', 0, ALL_FIELDS), ['adjacent']);
  assert.equal(bruteForce(docs, 'trade of fair', 0, ALL_FIELDS), ['gap']);
  assert.equal(bruteForce(docs, 'trade fair', 1, ALL_FIELDS), ['adjacent', 'gap']);
  assert.equal(bruteForce(docs, 'trade fair', 2, ALL_FIELDS), ['adjacent', 'gap', 'swapped']);
  assert.equal(bruteForce(docs, 'trade fair', 3, ALL_FIELDS), ['adjacent', 'far', 'gap', 'swapped']);
  assert.equal(bruteForce(docs, 'trade fair', 0, ['body']), []);
});

test.run();
