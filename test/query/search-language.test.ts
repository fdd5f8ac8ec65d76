// Specification of the query language as SearchIndex.search executes it, element by element, on a
// small news corpus written here: which documents match, in what order where the semantics fix it,
// and what strict mode rejects. Parser ASTs and ranking formulas are specified elsewhere.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  QueryLimitError, QueryParseError, SearchIndex, type NewsDocument, type SearchOptions,
} from '../../src/index.js';

const NEWS: NewsDocument[] = [
  { id: 'n01', title: 'Port of Qingdao sets a container record', date: '2024-03-17T15:34:32Z',
    body: 'The port handled more containers than ever before, the harbour authority reported.',
    source: 'Xinhua', author: 'Li Wei', category: 'Port News' },
  { id: 'n02', title: 'City budget deficit narrows', date: '2024-02-04T09:00:00Z',
    body: 'The council reported a smaller budget deficit as tax revenue grew.',
    source: 'Qingdao Daily', author: 'Zhang Min', category: 'Economy' },
  { id: 'n03', title: 'Trade fair opens in Qingdao', date: '2024-01-15T08:00:00Z',
    body: 'Exhibitors from forty countries came to the trade fair at the harbour.',
    source: 'Xinhua', author: 'Li Wei', category: 'Trade' },
  { id: 'n04', title: 'Fair trade coffee growers meet', date: '2023-12-20T10:00:00Z',
    body: 'Growers discussed fair prices while trade unions watched.',
    source: 'Reuters', author: 'Anna Berg', category: 'Trade' },
  { id: 'n05', title: 'Investors eye harbour project', date: '2024-03-31T23:59:00Z',
    body: 'Investment in the harbor district is expected to grow as investing firms line up.',
    source: 'Reuters', author: 'Anna Berg', category: 'Port News' },
  { id: 'n06', title: 'Council approves spending plan', date: '2024-06-01T12:00:00Z',
    body: 'The budget plan leaves the city with a deficit next year.',
    source: 'Qingdao Daily', author: 'Zhang Min', category: 'Economy' },
  { id: 'n07', title: 'Bank of China opens branch', date: '2023-11-02T09:30:00Z',
    body: 'The new branch stands near the ferry terminal.',
    source: 'Xinhua', author: 'Li Wei', category: 'Finance' },
  { id: 'n08', title: 'A bank in China lends more', date: '2024-05-10T07:00:00Z',
    body: 'Lending rose sharply in the spring.',
    source: 'Reuters', author: 'Anna Berg', category: 'Finance' },
  { id: 'n09', title: 'Rumours about bank china merger',
    body: 'Analysts dismissed the rumours as noise.',
    source: 'Qingdao Daily', author: 'Zhang Min', category: 'Finance' },
  { id: 'n10', title: 'Harbour dredging finished', date: '2024-04-02T06:00:00Z',
    body: 'Dredging of the port channel finished ahead of schedule.',
    source: 'Xinhua', author: 'Li Wei', category: 'Port News' },
  { id: 'n11', title: 'Beer festival draws crowds', date: '2023-08-12T18:00:00Z',
    body: 'The festival in Qingdao drew record crowds to the seafront.',
    source: 'Qingdao Daily', author: 'Zhang Min', category: 'Culture' },
  { id: 'n12', title: 'Budget deficit debate heats up', date: '2024-03-01T00:00:00Z',
    body: 'Lawmakers asked whether the budget would ever balance; the deficit kept growing.',
    source: 'Reuters', author: 'Anna Berg', category: 'Economy' },
  { id: 'n13', title: 'Budget talks stall again', date: '2024-01-10T12:00:00Z',
    body: 'Negotiators left without agreement on the budget.',
    source: 'Reuters', author: 'Anna Berg', category: 'Economy' },
  { id: 'n14', title: 'Investor confidence returns', date: '2022-09-09T09:00:00Z',
    body: 'Shares rose on the stock exchange.',
    source: 'Xinhua', author: 'Li Wei', category: 'Markets' },
];

const index = new SearchIndex();
index.addAll(NEWS);

function search(query: string, options: SearchOptions = {}): { ids: string[]; scores: number[]; total: number } {
  const r = index.search(query, { limit: 100, ...options });
  return { ids: r.hits.map((h) => h.id), scores: r.hits.map((h) => h.score), total: r.total };
}

/** Matching ids, sorted: for clauses whose order the semantics leave to BM25F. */
function matching(query: string, options: SearchOptions = {}): string[] {
  const r = search(query, options);
  assert.equal(r.total, r.ids.length, `total of ${query}`);
  return r.ids.slice().sort();
}

function before(ids: readonly string[], a: string, b: string): boolean {
  const i = ids.indexOf(a);
  const j = ids.indexOf(b);
  return i >= 0 && j >= 0 && i < j;
}

// ---- terms and phrases ----

test('a term matches every form of its stem in title and body, ranked by BM25F', () => {
  assert.equal(matching('port'), ['n01', 'n10']);
  assert.equal(matching('ports'), ['n01', 'n10']);
  // n01 has port in title and body; n10 in the body only.
  assert.equal(search('port').ids, ['n01', 'n10']);
});

test('free text ORs its terms; total counts every match', () => {
  assert.equal(matching('port harbour'), ['n01', 'n03', 'n05', 'n10']);
  const r = search('port harbour');
  assert.equal(r.total, 4);
  // Documents with both words rank above documents with one of them.
  assert.equal(r.ids.slice(0, 2).sort(), ['n01', 'n10']);
});

test('keyword values are not words of the text', () => {
  assert.equal(search('xinhua').total, 0);
  assert.equal(search('reuters').total, 0);
});

test('"exact phrase": the words adjacent and in order, in one field', () => {
  assert.equal(matching('"trade fair"'), ['n03']); // n04 has "fair trade" and "fair ... trade"
  assert.equal(matching('"fair trade"'), ['n04']);
  assert.equal(matching('"budget deficit"'), ['n02', 'n12']);
  assert.equal(matching('"deficit budget"'), []);
});

test('proximity "a b"~n matches within the window and not beyond it', () => {
  // n06: "budget plan leaves the city with a deficit": deficit is 7 positions after budget, 6 more than adjacent.
  assert.equal(matching('"budget deficit"~5'), ['n02', 'n12']);
  assert.equal(matching('"budget deficit"~6'), ['n02', 'n06', 'n12']);
  // n12's body holds budget and deficit 5 apart (4 extra positions): within ~4, not ~3 — but its title
  // is an exact phrase, so it matches both; compare the body alone.
  assert.equal(matching('body:"budget deficit"~3'), ['n02']);
  assert.equal(matching('body:"budget deficit"~4'), ['n02', 'n12']);
});

test('proximity lets words swap places at a cost of two positions', () => {
  assert.equal(matching('"trade fair"~1'), ['n03']);
  assert.equal(matching('"trade fair"~2'), ['n03', 'n04']);
});

test('stop words inside phrases keep their positions: "bank of china" matches any one word between', () => {
  assert.equal(matching('"bank of china"'), ['n07', 'n08']); // "Bank of China", "bank in China"
  assert.equal(matching('"bank in china"'), ['n07', 'n08']);
  // Adjacent "bank china" is not "bank of china", and vice versa.
  assert.equal(matching('"bank china"'), ['n09']);
});

// ---- booleans ----

test('AND requires both, OR either, and AND binds tighter than OR', () => {
  assert.equal(matching('budget AND deficit'), ['n02', 'n06', 'n12']);
  assert.equal(matching('budget && council'), ['n02', 'n06']);
  assert.equal(matching('lending OR festival'), ['n08', 'n11']);
  assert.equal(matching('lending || festival'), ['n08', 'n11']);
  assert.equal(matching('port OR harbour AND qingdao'), ['n01', 'n03', 'n10']);
  assert.equal(matching('(port OR harbour) AND qingdao'), ['n01', 'n03']);
});

test('NOT, ! and -x exclude; a pure negative matches every other document', () => {
  assert.equal(matching('budget NOT deficit'), ['n13']);
  assert.equal(matching('budget -deficit'), ['n13']);
  assert.equal(matching('budget !deficit'), ['n13']);
  assert.equal(matching('qingdao -festival'), ['n01', 'n03']);
  // `a OR NOT b` is `a -b`, as in Lucene.
  assert.equal(matching('budget OR NOT deficit'), ['n13']);
  const others = NEWS.map((d) => d.id).filter((id) => !['n02', 'n06', 'n12'].includes(id));
  assert.equal(matching('-deficit'), others);
  assert.equal(matching('NOT deficit'), others);
});

test('+must makes a clause required; the other clauses only add to the score', () => {
  const r = search('+qingdao port');
  assert.equal(r.ids.slice().sort(), ['n01', 'n03', 'n11']);
  assert.equal(r.ids[0], 'n01'); // the only one that also has port
  assert.equal(matching('+qingdao +port'), ['n01']);
});

test('parentheses group, and nest', () => {
  assert.equal(matching('qingdao AND (port OR harbour) NOT title:port'), ['n03']);
  assert.equal(matching('(budget AND (council OR lawmakers)) OR (bank AND lending)'), ['n02', 'n06', 'n08', 'n12']);
  assert.equal(matching('((port))'), matching('port'));
});

test('* and *:* match every document', () => {
  assert.equal(search('*').total, NEWS.length);
  assert.equal(search('*:*').total, NEWS.length);
  assert.equal(search('').total, 0);
});

// ---- fields ----

test('title:word and body:word match only in that field', () => {
  assert.equal(matching('title:budget'), ['n02', 'n12', 'n13']);
  assert.equal(matching('body:budget'), ['n02', 'n06', 'n12', 'n13']);
  assert.equal(matching('title:port'), ['n01']);
});

test('title:"phrase" matches the phrase in the title only', () => {
  assert.equal(matching('title:"trade fair"'), ['n03']);
  assert.equal(matching('title:"fair trade"'), ['n04']);
  assert.equal(matching('body:"fair trade"'), []);
  assert.equal(matching('title:"budget deficit"~6'), ['n02', 'n12']);
});

test('body:( … ) scopes every clause of the group', () => {
  // n05 and n10 have harbour only in their titles; n05's body says "harbor".
  assert.equal(matching('body:(port OR harbour)'), ['n01', 'n03', 'n10']);
  assert.equal(matching('title:(port OR harbour)'), ['n01', 'n05', 'n10']);
  // The innermost field wins.
  assert.equal(matching('title:(harbour OR body:port)'), ['n01', 'n05', 'n10']);
  assert.equal(matching('title:(dredging AND channel)'), []);
  assert.equal(matching('title:(dredging AND body:channel)'), ['n10']);
});

test('keyword fields match whole values, case-insensitively, and do not score', () => {
  assert.equal(matching('source:xinhua'), ['n01', 'n03', 'n07', 'n10', 'n14']);
  assert.equal(matching('source:XINHUA'), ['n01', 'n03', 'n07', 'n10', 'n14']);
  assert.equal(matching('source:"qingdao daily"'), ['n02', 'n06', 'n09', 'n11']);
  assert.equal(matching('source:qingdao'), []); // part of a value is not the value
  assert.equal(matching('category:"port news"'), ['n01', 'n05', 'n10']);
  assert.equal(matching('category:"Port News"'), ['n01', 'n05', 'n10']);
  assert.equal(matching('category:port'), []);
  assert.equal(matching('author:"li wei"'), ['n01', 'n03', 'n07', 'n10', 'n14']);
  for (const s of search('source:xinhua').scores) assert.is(s, 0);
});

test('a keyword clause filters a text query without changing its scores', () => {
  const text = search('port');
  const filtered = search('port AND category:"port news"');
  assert.equal(filtered.ids, ['n01', 'n10']);
  assert.equal(filtered.scores, text.scores);
  assert.equal(matching('harbour -source:xinhua'), ['n05']);
});

test('an unknown field in lenient mode searches its name and value as words', () => {
  const fielded = search('harbour:dredging');
  const words = search('harbour dredging');
  assert.equal(fielded, words);
  assert.equal(fielded.ids.slice().sort(), ['n01', 'n03', 'n05', 'n10']);
});

// ---- prefix and fuzzy ----

test('prefix invest* matches every word starting with invest', () => {
  assert.equal(matching('invest*'), ['n05', 'n14']); // investors, investment, investing; investor
  assert.equal(matching('invest'), ['n05']); // the word itself: investment, investing (not investor)
  assert.equal(matching('title:invest*'), ['n05', 'n14']);
  assert.equal(matching('body:invest*'), ['n05']);
  assert.equal(matching('dredg*'), ['n10']);
});

test('fuzzy qingdoa~ (AUTO: 2 edits from 6 letters) finds qingdao; a transposition is one edit', () => {
  const exact = matching('qingdao');
  assert.equal(exact, ['n01', 'n03', 'n11']);
  assert.equal(matching('qingdoa~'), exact);
  assert.equal(matching('qingdoa~1'), exact);
  assert.equal(matching('qingdoa~2'), exact);
  assert.equal(matching('qingdoa'), []);
});

test('fuzzy ~1 and ~2 bound the edits; more than 2 is read as 2', () => {
  // qnigdoa is two transpositions from qingdao.
  assert.equal(matching('qnigdoa~1'), []);
  assert.equal(matching('qnigdoa~2'), ['n01', 'n03', 'n11']);
  assert.equal(matching('qnigdoa~5'), ['n01', 'n03', 'n11']);
  // Three substitutions: beyond any fuzziness.
  assert.equal(matching('qxxxdao~5'), []);
  assert.equal(matching('qxxxdao~'), []);
});

test('fuzzy AUTO gives short words one edit', () => {
  // 4 letters: one edit; "prot" is port with a transposition, "pott" one substitution.
  assert.equal(matching('prot~'), ['n01', 'n10']);
  assert.equal(matching('pott~'), ['n01', 'n10']);
  // "prott" is two edits from port: beyond AUTO for five letters.
  assert.equal(matching('prott~'), []);
  assert.equal(matching('prott~2'), ['n01', 'n10']);
});

test('a fuzzy match ranks below the exact word', () => {
  const r = search('harbor~');
  // n05 says harbor; the others say harbour (one edit).
  assert.equal(r.ids[0], 'n05');
  assert.equal(r.ids.slice().sort(), ['n01', 'n03', 'n05', 'n10']);
});

// ---- boosts ----

test('term boosts change the order', () => {
  const plain = search('budget deficit').ids;
  // n06 has both words in its body; n13 only budget, in title and body.
  assert.ok(before(plain, 'n06', 'n13'), plain.join(' '));
  const boosted = search('budget^3 deficit').ids;
  assert.ok(before(boosted, 'n13', 'n06'), boosted.join(' '));
  assert.equal(boosted.slice().sort(), plain.slice().sort());
  const other = search('festival lending^4').ids;
  assert.equal(other, ['n08', 'n11']);
  assert.equal(search('festival^4 lending').ids, ['n11', 'n08']);
});

test('a boost multiplies the clause score', () => {
  const one = search('deficit');
  const three = search('deficit^3');
  assert.equal(three.ids, one.ids);
  three.scores.forEach((s, i) => assert.ok(Math.abs(s - 3 * one.scores[i]!) < 1e-9 * s, `score ${i}`));
  const phrase = search('"trade fair"');
  const phrase2 = search('"trade fair"^2');
  assert.ok(Math.abs(phrase2.scores[0]! - 2 * phrase.scores[0]!) < 1e-9);
});

// The lexer reads boosts as plain decimals (no exponent), so extreme values are spelled out.
const SMALLEST_BOOST = `0.${'0'.repeat(323)}5`; // 5e-324, the smallest double
const HUGE_BOOST = `1${'0'.repeat(307)}`; // 1e307

function checkBoosted(query: string, expected: readonly string[]): void {
  const r = search(query);
  const label = query.length > 60 ? `${query.slice(0, 30)}…${query.slice(-20)}` : query;
  assert.equal(new Set(r.ids).size, r.ids.length, `${label}: duplicate hits ${r.ids.join(' ')}`);
  assert.is(r.total, r.ids.length, `${label}: total`);
  assert.equal(r.ids.slice().sort(), expected, `${label}: matches`);
  for (const s of r.scores) assert.ok(Number.isFinite(s), `${label}: score ${s}`);
}

test('a tiny boost never changes which documents match, nor duplicates them', () => {
  const plain = matching('port harbour qingdao');
  checkBoosted('port^0.000001 harbour^0.000001 qingdao^0.000001', plain);
  checkBoosted(`port^${SMALLEST_BOOST} harbour^${SMALLEST_BOOST} qingdao^${SMALLEST_BOOST}`, plain);
});

test('a huge boost never changes which documents match, and scores stay finite', () => {
  const plain = matching('port harbour qingdao');
  checkBoosted(`port^${HUGE_BOOST} harbour^${HUGE_BOOST} qingdao^${HUGE_BOOST}`, plain);
  checkBoosted(`"trade fair"^${HUGE_BOOST} OR port^${HUGE_BOOST}`, ['n01', 'n03', 'n10']);
  // 1e308: the weight itself is still finite; weight × tf is not.
  checkBoosted(`port^1${'0'.repeat(308)}`, ['n01', 'n10']);
  // Nested group boosts multiply (and are capped at the largest double).
  checkBoosted(`((port)^${HUGE_BOOST})^${HUGE_BOOST}`, ['n01', 'n10']);
  checkBoosted(`((port harbour qingdao)^${HUGE_BOOST})^${HUGE_BOOST}`, plain);
});

// ---- dates ----

test('date:2024 and date:2024-03 match the year and the month', () => {
  assert.equal(matching('date:2024'), ['n01', 'n02', 'n03', 'n05', 'n06', 'n08', 'n10', 'n12', 'n13']);
  // 1 March 00:00 and 31 March 23:59 are both in March.
  assert.equal(matching('date:2024-03'), ['n01', 'n05', 'n12']);
  assert.equal(matching('date:2024-03-17'), ['n01']);
  assert.equal(matching('date:"March 2024"'), ['n01', 'n05', 'n12']);
  for (const s of search('date:2024').scores) assert.is(s, 0);
});

test('a quoted month is found the way people write it: "March 2024"', () => {
  // Unquoted, `march 2024` ORs the date words; quoted, the words must follow each other.
  assert.equal(matching('"March 2024"'), ['n01', 'n05', 'n12']);
  assert.equal(matching('"march 2024" AND budget'), ['n12']);
});

test('date:[a TO b] includes the whole end day; {…} excludes both end spans', () => {
  assert.equal(matching('date:[2024-01-01 TO 2024-03-31]'), ['n01', 'n02', 'n03', 'n05', 'n12', 'n13']);
  // Exclusive: 15 January and 31 March are out entirely.
  assert.equal(matching('date:{2024-01-15 TO 2024-03-31}'), ['n01', 'n02', 'n12']);
  assert.equal(matching('date:[2024-01-15 TO 2024-03-31}'), ['n01', 'n02', 'n03', 'n12']);
  assert.equal(matching('date:[2024-01 TO 2024-02]'), ['n02', 'n03', 'n13']);
});

test('date comparisons and open-ended ranges', () => {
  assert.equal(matching('date>=2024-01-15'), ['n01', 'n02', 'n03', 'n05', 'n06', 'n08', 'n10', 'n12']);
  assert.equal(matching('date>2024-01-15'), ['n01', 'n02', 'n05', 'n06', 'n08', 'n10', 'n12']);
  assert.equal(matching('date<2024-02'), ['n03', 'n04', 'n07', 'n11', 'n13', 'n14']);
  assert.equal(matching('date<=2024-02'), ['n02', 'n03', 'n04', 'n07', 'n11', 'n13', 'n14']);
  assert.equal(matching('date:<2023'), ['n14']);
  assert.equal(matching('date:[2024-06-01 TO *]'), ['n06']);
  assert.equal(matching('date:[* TO 2022-12-31]'), ['n14']);
});

test('undated documents never match a date filter', () => {
  assert.ok(!matching('date:[* TO *]').includes('n09'));
  assert.equal(matching('date:[* TO *]').length, NEWS.length - 1);
  assert.equal(matching('bank AND date:[* TO *]'), ['n07', 'n08']);
});

test('a date filter combines with text and keeps the text ranking', () => {
  const text = search('budget');
  const dated = search('budget AND date:2024-02');
  assert.equal(dated.ids, ['n02']);
  assert.equal(dated.scores[0], text.scores[text.ids.indexOf('n02')]);
  assert.equal(matching('budget AND date>=2024-02'), ['n02', 'n06', 'n12']);
  assert.equal(matching('budget -date:2024-01'), ['n02', 'n06', 'n12']);
});

// ---- default operator ----

test("defaultOperator 'and' makes juxtaposed words all required; explicit OR still ORs", () => {
  assert.equal(matching('budget deficit', { defaultOperator: 'and' }), ['n02', 'n06', 'n12']);
  assert.equal(matching('budget deficit'), ['n02', 'n06', 'n12', 'n13']);
  assert.equal(matching('budget council', { defaultOperator: 'and' }), ['n02', 'n06']);
  assert.equal(matching('budget deficit OR lending', { defaultOperator: 'and' }), ['n02', 'n06', 'n08', 'n12']);
  assert.equal(matching('qingdao (port harbour)', { defaultOperator: 'and' }), ['n01']);
  // Same documents, same scores as spelling the ANDs out.
  assert.equal(search('budget deficit', { defaultOperator: 'and' }), search('budget AND deficit'));
});

// ---- strict and lenient ----

function parseErrorOf(query: string, options: SearchOptions = {}): QueryParseError {
  try {
    index.search(query, { ...options, mode: 'strict' });
  } catch (e) {
    if (e instanceof QueryParseError) return e;
    throw e;
  }
  throw new Error(`strict search for ${query} did not throw`);
}

test('strict: an unknown field is a QueryParseError spanning the clause', () => {
  const e = parseErrorOf('budget nutrition:requirements');
  assert.is(e.query, 'budget nutrition:requirements');
  assert.is(e.start, 7);
  assert.is(e.end, 29);
  const p = parseErrorOf('nutrition:"daily requirements"');
  assert.equal([p.start, p.end], [0, 30]);
});

test('strict: a range that is not a date range is a QueryParseError spanning the range', () => {
  const bad = parseErrorOf('port AND date:[2024-13-45 TO 2025]');
  assert.equal([bad.start, bad.end], [9, 34]);
  const words = parseErrorOf('date:[yesterday TO today]');
  assert.equal([words.start, words.end], [0, 25]);
  const text = parseErrorOf('title:[a TO b]');
  assert.equal([text.start, text.end], [0, 14]);
  const keyword = parseErrorOf('source:[a TO z]');
  assert.equal([keyword.start, keyword.end], [0, 15]);
  const comparison = parseErrorOf('date>=banana');
  assert.equal([comparison.start, comparison.end], [0, 12]);
});

test('strict: syntax errors are QueryParseErrors at the problem', () => {
  const cases: Array<[string, number, number]> = [
    ['budget AND', 7, 10],
    ['"unclosed phrase', 0, 1],
    ['budget)', 6, 7],
    ['(budget', 0, 1],
    ['qingdoa~3', 7, 9],
    ['inv?st', 3, 4],
  ];
  for (const [query, start, end] of cases) {
    const e = parseErrorOf(query);
    assert.is(e.query, query);
    assert.equal([e.start, e.end], [start, end], query);
  }
});

test('strict: a prefix or fuzzy clause expanding past maxExpansions is a QueryLimitError', () => {
  let error: unknown;
  try {
    index.search('p*', { mode: 'strict', maxExpansions: 2 });
  } catch (e) {
    error = e;
  }
  assert.instance(error, QueryLimitError);
  const e = error as QueryLimitError;
  assert.is(e.limit, 'expansions');
  assert.is(e.max, 2);
  assert.ok(e.actual > 2);
  // Within the limit it runs.
  assert.equal(index.search('invest*', { mode: 'strict', maxExpansions: 1 }).hits.map((h) => h.id).sort(), ['n05', 'n14']);
});

const STRICT_FAILURES = [
  'budget nutrition:requirements', 'nutrition:"daily requirements"', 'port AND date:[2024-13-45 TO 2025]',
  'date:[yesterday TO today]', 'title:[a TO b]', 'source:[a TO z]', 'date>=banana', 'budget AND',
  '"unclosed phrase', 'budget)', '(budget', 'qingdoa~3', 'inv?st', 'date:notadate*', 'AND OR', '+', 'title:',
];

test('lenient mode never throws on the inputs strict mode rejects', () => {
  for (const query of STRICT_FAILURES) {
    const r = index.search(query, { limit: 100 });
    assert.ok(r.total >= r.hits.length, query);
    for (const h of r.hits) assert.ok(Number.isFinite(h.score), query);
  }
  assert.equal(matching('budget AND'), matching('budget'));
  assert.equal(matching('(budget'), matching('budget'));
  assert.equal(matching('budget)'), matching('budget'));
  assert.equal(matching('qingdoa~3'), ['n01', 'n03', 'n11']);
  assert.ok(index.search('p*', { maxExpansions: 2 }).total > 0);
});

test('lenient: a low maxExpansions keeps the most frequent expansions', () => {
  // po* completes to port (2 documents) only; keyword values such as "port news" are not words.
  assert.equal(matching('po*', { maxExpansions: 1 }), ['n01', 'n10']);
  assert.equal(matching('p*', { maxExpansions: 1 }), ['n01', 'n10']);
});

test.run();
