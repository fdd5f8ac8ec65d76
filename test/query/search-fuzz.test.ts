// Seeded fuzzing of SearchIndex.search end to end (parse, plan, execute) over 20,000 query strings:
// lenient never throws, scores are finite, hit ids distinct, totals cover the hits; strict throws
// only the two query error classes, spanning part of the query. parser-fuzz.test.ts fuzzes the parser.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { QueryLimitError, QueryParseError, SearchIndex, type SearchOptions } from '../../src/index.js';
import { VOCABULARY, pick, randomDate, randomText, rng } from '../_support/random.js';

const QUERIES = 20_000;
const STRICT_QUERIES = 2_000;
const SEED = 0xf022_2024;

const SYNTAX = [
  '"', '"trade fair"', '"budget deficit"~5', '""', '"the of"', '(', ')', '()', ':', 'title:', 'body:(', 'date:',
  'source:', 'category:"port news"', 'nutrition:', 'http://x.y', 'AND', 'OR', 'NOT', '&&', '||', '!', '+', '-',
  '~', '~1', '~2', '~7', '~0.5', '^', '^3', '^0', '^1e308', '^-1', '*', '?', '*:*', '[', ']', '{', '}', 'TO', 'to',
  'date:[2024-01-01 TO 2024-03-31]', 'date:{2024 TO *}', 'date:[* TO 2023-13]', '[a TO b]', 'date>=2024-01-15',
  'date<2024-02', 'date:<', '>=', '<', '=', '\\', '\\"', '\\(', '\\*', 'date:2024', 'date:2024-03', 'date:march~',
  'title:port*', 'qingdoa~', 'p*', 'q~2', '2024-03-17', '1,000', 'U.S.', "council's", 'box-type',
  // Extreme boosts, spelled as the lexer reads them (no exponents): 1e308 and 5e-324.
  `^1${'0'.repeat(308)}`, `^0.${'0'.repeat(323)}5`,
];
const UNICODE = [
  '港口', '青岛港', 'Zürich', 'café', 'ﬁnance', 'İstanbul', 'ß', 'Ω', 'e\u0301', '😀', '👩‍👩‍👧', '\ud800', '\udc00',
  'مرفأ', 'שלום', '\u200b', '\u00a0', '\u3000', '\u0000', '\ufeff', 'Ｐｏｒｔ', '①', '½',
];

function fragment(random: () => number): string {
  const r = random();
  if (r < 0.35) return pick(random, VOCABULARY);
  if (r < 0.7) return pick(random, SYNTAX);
  if (r < 0.85) return pick(random, UNICODE);
  if (r < 0.95) return String.fromCharCode(32 + Math.floor(random() * 95));
  return String.fromCharCode(Math.floor(random() * 0x10000));
}

function randomQuery(random: () => number): string {
  // One query in 1,000 is long: the limits (10,000 characters, 1,024 clauses) must hold it.
  if (random() < 0.001) {
    const unit = fragment(random) + (random() < 0.5 ? ' ' : '');
    return unit.repeat(1 + Math.floor(random() * 3000));
  }
  const pieces = 1 + Math.floor(random() * 8);
  let out = '';
  for (let i = 0; i < pieces; i++) {
    out += fragment(random);
    if (random() < 0.5) out += ' ';
  }
  return out;
}

function randomOptions(random: () => number): SearchOptions {
  const r = random();
  if (r < 0.5) return {};
  if (r < 0.6) return { defaultOperator: 'and' };
  if (r < 0.7) return { sort: random() < 0.5 ? 'newest' : 'oldest', limit: 5, offset: Math.floor(random() * 5) };
  if (r < 0.8) return { maxExpansions: 1 + Math.floor(random() * 3) };
  if (r < 0.9) return { fields: ['title'], boost: { title: random() * 3 } };
  return { recency: { scale: '30d' }, dateRange: { from: '2023-06' } };
}

function buildIndex(): SearchIndex {
  const random = rng(SEED ^ 1);
  // One segment: segment layouts are the oracle tests' business, and each segment multiplies the
  // per-search did-you-mean work, which is most of this test's time.
  const index = new SearchIndex();
  for (let i = 0; i < 80; i++) {
    const date = randomDate(random);
    index.add({
      id: `f${i}`,
      title: randomText(random, 6),
      body: `${randomText(random, 30)} ${pick(random, UNICODE)}`,
      ...(date === undefined ? {} : { date }),
      source: pick(random, ['Xinhua', 'Reuters', 'Qingdao Daily']),
      category: pick(random, ['Port News', 'Economy', 'Trade']),
    });
  }
  return index;
}

test(`lenient search never throws on ${QUERIES} random queries; scores finite, hits distinct, total covers hits`, () => {
  const index = buildIndex();
  const random = rng(SEED);
  // Violations are collected by kind, so one run shows every kind of failure with its first example.
  const examples = new Map<string, { count: number; first: string }>();
  const report = (kind: string, i: number, query: string, options: SearchOptions, detail: string): void => {
    const seen = examples.get(kind);
    if (seen !== undefined) {
      seen.count++;
      return;
    }
    const shown = query.length > 120 ? `${query.slice(0, 120)}…` : query;
    examples.set(kind, { count: 1, first: `query #${i} ${JSON.stringify(shown)} ${JSON.stringify(options)}: ${detail}` });
  };
  for (let i = 0; i < QUERIES; i++) {
    const query = randomQuery(random);
    const options = randomOptions(random);
    let result;
    try {
      result = index.search(query, options);
    } catch (e) {
      report('throws', i, query, options, String(e));
      continue;
    }
    if (!(result.total >= result.hits.length)) report('total below hits', i, query, options, `${result.total} < ${result.hits.length}`);
    const ids = new Set<string>();
    for (const hit of result.hits) {
      if (!Number.isFinite(hit.score)) report('non-finite score', i, query, options, `${hit.score} for ${hit.id}`);
      if (ids.has(hit.id)) report('duplicate hit', i, query, options, hit.id);
      ids.add(hit.id);
    }
  }
  const summary = [...examples].map(([kind, { count, first }]) => `${kind}: ${count}×, first ${first}`);
  assert.equal(summary, []);
});

test('strict search throws only QueryParseError or QueryLimitError, spanning part of the query', () => {
  const index = buildIndex();
  const random = rng(SEED + 1);
  let thrown = 0;
  for (let i = 0; i < STRICT_QUERIES; i++) {
    const query = randomQuery(random);
    let error: unknown;
    try {
      index.search(query, { mode: 'strict', maxExpansions: 4 });
      continue;
    } catch (e) {
      error = e;
    }
    thrown++;
    if (error instanceof QueryParseError) {
      assert.is(error.query, query);
      assert.ok(error.start >= 0 && error.start < error.end && error.end <= query.length, `query ${JSON.stringify(query)}: span [${error.start}, ${error.end})`);
    } else if (!(error instanceof QueryLimitError)) {
      assert.unreachable(`query ${JSON.stringify(query)} threw ${String(error)}`);
    }
  }
  // The generator is mostly syntax soup: strict mode must have had plenty to reject.
  assert.ok(thrown > STRICT_QUERIES / 10, `only ${thrown} strict errors`);
});

test.run();
