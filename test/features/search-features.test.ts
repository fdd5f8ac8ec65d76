// The features on top of a result set: highlights, facets, suggestions, did-you-mean, related articles.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SearchIndex, InvalidOptionError, defaultNewsSchema, type NewsDocument, type Schema } from '../../src/index.js';
import { reutersArticles } from '../_support/paths.js';
import { rng, pick } from '../_support/random.js';

function schemaWithBody(): Schema {
  const schema = defaultNewsSchema();
  schema['body'] = { type: 'text', boost: 1, b: 0.7, stored: true };
  return schema;
}

const DOCS: NewsDocument[] = [
  { id: 'a', title: 'Qingdao port sets a record', date: '2024-03-17', body: 'The port of Qingdao handled record container volumes. Port officials praised the workers.', source: 'Qingdao Daily', category: ['port', 'economy'] },
  { id: 'b', title: 'Trade fair opens in Qingdao', date: '2024-03-02', body: 'The trade fair opened with 3,000 exhibitors. <script>alert(1)</script> Visitors came from 40 countries.', source: 'Xinhua', category: 'trade' },
  { id: 'c', title: 'Budget deficit narrows', date: '2023-11-20', body: 'The provincial budget deficit narrowed as revenue from the port grew.', source: 'Xinhua', category: ['economy'] },
  { id: 'd', title: 'Investment conference signs 32 projects', date: '2024-01-09', body: 'Investors signed projects worth billions; investment in the port zone rose.', source: 'SCODA Press Office' },
  { id: 'e', title: 'Harbour dredging begins', body: 'Dredging of the harbour channel began on Monday near the Qingdao port.', category: 'port' },
  { id: 'f', title: 'Qingdao port sets a record', date: '2024-03-18', body: 'The port of Qingdao handled record container volumes. Port officials praised the workers.', source: 'Qingdao Daily', category: ['port', 'economy'] },
];

function build(): SearchIndex {
  const index = new SearchIndex({ schema: schemaWithBody() });
  index.addAll(DOCS);
  return index;
}

test('highlight: marked, escaped passages for stored text fields', () => {
  const r = build().search('trade fair', { highlight: true, limit: 1 });
  const h = r.hits[0]!.highlights!;
  assert.is(r.hits[0]!.id, 'b');
  assert.match(h['title']![0]!.text, /<mark>Trade fair<\/mark>|<mark>Trade<\/mark> <mark>fair<\/mark>/);
  const body = h['body']!.map((p) => p.text).join(' ');
  assert.match(body, /<mark>trade fair<\/mark>|<mark>trade<\/mark> <mark>fair<\/mark>/);
  assert.not.match(body, /<script>/);
  for (const p of h['body']!) for (const m of p.matches) assert.match(DOCS[1]!.body.slice(m.start, m.end), /^(trade|fair|trade fair)$/i);
});

test('highlight of a document with markup cannot inject it, even when the match is inside', () => {
  const index = new SearchIndex({ schema: schemaWithBody() });
  index.add({ id: 'x', title: '<img src=x onerror=alert(1)> port', body: 'a <b>port</b> & "harbour"' });
  const h = index.search('port', { highlight: { markStart: '<em>', markEnd: '</em>' } }).hits[0]!.highlights!;
  assert.is(h['title']![0]!.text, '&lt;img src=x onerror=alert(1)&gt; <em>port</em>');
  assert.is(h['body']![0]!.text, 'a &lt;b&gt;<em>port</em>&lt;/b&gt; &amp; &quot;harbour&quot;');
});

test('highlight asks for stored text fields only', () => {
  const index = new SearchIndex();
  index.add({ id: '1', title: 'port', body: 'port' });
  assert.equal(Object.keys(index.search('port', { highlight: true }).hits[0]!.highlights!), ['title']);
  assert.throws(() => index.search('port', { highlight: { fields: ['body'] } }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'highlight');
});

test('facets count the whole match set and equal a brute-force count', () => {
  const index = build();
  const r = index.search('port', { limit: 1, facets: { year: true, month: true, fields: ['source', 'category'] } });
  const matches = DOCS.filter((d) => /port/i.test(`${d.title} ${d.body}`));
  assert.is(r.total, matches.length);
  const count = (values: string[]): Map<string, number> => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
  const years = count(matches.filter((d) => d.date !== undefined).map((d) => String(d.date).slice(0, 4)));
  assert.equal(new Map(r.facets!['year']!.map((f) => [f.value, f.count])), years);
  const months = count(matches.filter((d) => d.date !== undefined).map((d) => String(d.date).slice(0, 7)));
  assert.equal(new Map(r.facets!['month']!.map((f) => [f.value, f.count])), months);
  const sources = count(matches.filter((d) => typeof d['source'] === 'string').map((d) => (d['source'] as string).toLowerCase()));
  assert.equal(new Map(r.facets!['source']!.map((f) => [f.value, f.count])), sources);
  const categories = count(matches.flatMap((d) => (d['category'] === undefined ? [] : ([] as string[]).concat(d['category'] as string | string[]))));
  assert.equal(new Map(r.facets!['category']!.map((f) => [f.value, f.count])), categories);
  // A facet value works as a filter.
  const xinhua = index.search('port', { where: { source: r.facets!['source']!.find((f) => f.value === 'xinhua')!.value } });
  assert.is(xinhua.total, sources.get('xinhua'));
  assert.is(index.search('port AND date:2024-03').total, months.get('2024-03'));
});

test('year and month facets keep years before 0 and after 9999 apart, newest first', () => {
  const index = new SearchIndex();
  const dates = ['-000001-03-01', '-000050-03-01', '+010000-01-05', '+010000-06-05', '2024-03-17', '0099-12-31'];
  index.addAll(dates.map((date, i) => ({ id: `d${i}`, title: 'Port', body: 'Port news.', date })));
  const r = index.search('port', { facets: { year: true, month: true } });
  assert.equal(r.facets!['year']!.map((f) => [f.value, f.count]), [['+010000', 2], ['2024', 1], ['0099', 1], ['-000001', 1], ['-000050', 1]]);
  assert.equal(r.facets!['month']!.map((f) => f.value), ['+010000-06', '+010000-01', '2024-03', '0099-12', '-000001-03', '-000050-03']);
});

test('facets on a non-keyword field is an InvalidOptionError', () => {
  assert.throws(() => build().search('port', { facets: { fields: ['title'] } }), (e: unknown) => e instanceof InvalidOptionError && e.option === 'facets');
});

test('suggest completes the last word, ranked by co-occurrence then frequency', () => {
  const index = build();
  const words = index.suggest('inv').map((s) => s.word);
  assert.ok(words.includes('investment') && words.includes('investors'), words.join());
  const withContext = index.suggest('budget de');
  assert.is(withContext[0]!.text, 'budget deficit');
  assert.ok(withContext[0]!.cooccurrence >= 1);
  assert.equal(index.suggest(''), []);
  assert.equal(index.suggest('zzzz'), []);
  for (const s of index.suggest('qing')) assert.ok(s.text.startsWith('qing'));
  // The last word is found from the end, whatever precedes it.
  const tail = '_'.repeat(100_000);
  assert.equal(index.suggest(`${tail} qing`).map((s) => s.word), index.suggest('qing').map((s) => s.word));
  assert.equal(index.suggest(`${tail}\tqing`)[0]!.text, `${tail}\tqingdao`);
  assert.equal(index.suggest(`qing ${tail}`), []);
  assert.equal(index.suggest('qing '), []);
});

test('suggest keeps operators and quotes before the completed word', () => {
  const index = build();
  for (const lead of ['-', '+', '"', '(', '-"']) {
    const s = index.suggest(`port ${lead}qing`);
    assert.ok(s.length > 0, lead);
    for (const x of s) assert.ok(x.text.startsWith(`port ${lead}qing`), `${lead}: ${x.text}`);
  }
});

test("suggest counts a word that is its own stem only where it is written so, with the earlier words too", () => {
  // "invest" is the stem of investment and investors: its stem postings hold them all.
  const index = new SearchIndex();
  index.addAll([
    { id: 'a', title: 'Port invest plan', body: 'The port will invest.' },
    { id: 'b', title: 'Port investment', body: 'Investment in the port.' },
    { id: 'c', title: 'Port investors', body: 'Investors like the port.' },
    { id: 'd', title: 'Invest', body: 'Invest now.' },
  ]);
  const byWord = new Map(index.suggest('port inv', { limit: 10 }).map((x) => [x.word, x]));
  assert.equal([byWord.get('invest')!.df, byWord.get('invest')!.cooccurrence], [2, 1]);
  assert.equal([byWord.get('investment')!.df, byWord.get('investment')!.cooccurrence], [1, 1]);
  for (const x of byWord.values()) assert.ok(x.cooccurrence <= x.df, `${x.word}: ${x.cooccurrence} > ${x.df}`);
  // The same when the prefix is the whole word and its other forms do not share the prefix's walk.
  const trade = new SearchIndex();
  trade.addAll([{ id: 'a', title: 'Port trade', body: 'Trade grew.' }, { id: 'b', title: 'Trading', body: 'Trading desks.' }, { id: 'c', title: 'Traders', body: 'Traders met.' }]);
  for (const query of ['trade', 'port trade', 'port tra']) {
    const s = trade.suggest(query, { limit: 10 }).find((x) => x.word === 'trade')!;
    assert.equal([s.df, s.cooccurrence], [1, 1], query);
  }
});

test('did-you-mean corrects unknown words from the vocabulary and leaves known ones', () => {
  const index = build();
  assert.is(index.didYouMean('qingdoa port'), 'qingdao port');
  assert.is(index.search('qingdoa port').didYouMean, 'qingdao port');
  assert.is(index.search('budjet').didYouMean, 'budget');
  assert.is(index.didYouMean('qingdao port'), undefined);
  assert.is(index.search('title:qingdoa').didYouMean, 'title:qingdao');
  assert.is(index.search('qingdao port').didYouMean, undefined);
  // A word asked for fuzzily is corrected by its own expansion, not flagged as unknown.
  const fuzzy = index.search('qingdoa~1');
  assert.is(fuzzy.didYouMean, undefined);
  assert.ok(fuzzy.hits.length > 0);
  assert.is(index.search('qingdoa~1 budjet').didYouMean, 'qingdao~1 budget');
  // So is a prefix that is not a word itself.
  const prefix = index.search('qingd*');
  assert.is(prefix.didYouMean, undefined);
  assert.ok(prefix.hits.length > 0);
  // A date field's value is not a word to correct; another field's value is, whatever precedes it.
  assert.is(index.didYouMean('date:budjet qingdoa'), 'date:budjet qingdao');
  assert.is(index.didYouMean('DATE:budjet'), undefined);
  assert.is(index.didYouMean('update:budjet'), 'update:budget');
  assert.is(index.didYouMean('x.date:budjet'), 'x.date:budget');
  assert.is(index.didYouMean('(date:budjet) budjet'), '(date:budjet) budget');
  // Only the first 8 search words are looked at, and words past them are kept as written.
  const long = `${'port '.repeat(8)}budjet`;
  assert.is(index.didYouMean(long), undefined);
  const tail = '_'.repeat(200_000);
  assert.is(index.didYouMean(`qingdoa ${tail} :b`), `qingdao ${tail} :b`);
});

test('did-you-mean on misspellings made from real corpus words', () => {
  const docs = reutersArticles('Reuters did-you-mean test', 6000);
  if (docs === undefined) return;
  const index = new SearchIndex();
  index.addAll(docs.map((d) => ({ id: d.id, title: d.title, body: d.body })));
  // Frequent lower-case words of 6+ letters, each misspelt by one edit: drop, swap or replace a letter.
  const counts = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d.body.match(/\b[a-z]{6,}\b/g) ?? [])) counts.set(w, (counts.get(w) ?? 0) + 1);
  const frequent = [...counts].filter(([, c]) => c >= 50).map(([w]) => w).sort();
  const random = rng(7);
  let right = 0;
  const trials = 60;
  for (let i = 0; i < trials; i++) {
    const word = pick(random, frequent);
    const at = 1 + Math.floor(random() * (word.length - 2));
    const kind = i % 3;
    const typo = kind === 0 ? word.slice(0, at) + word.slice(at + 1)
      : kind === 1 ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
      : word.slice(0, at) + (word[at] === 'x' ? 'q' : 'x') + word.slice(at + 1);
    if (index.search(typo).total > 0) { right++; continue; } // the typo is itself a word of the corpus
    const suggestion = index.didYouMean(typo);
    if (suggestion === word) right++;
    else if (suggestion !== undefined) assert.ok(index.search(suggestion).total > 0, `${typo} → ${suggestion}`);
  }
  assert.ok(right / trials >= 0.8, `corrected ${right} of ${trials}`);
});

test('related finds articles sharing significant terms, never itself or its exact duplicate', () => {
  const index = build();
  const ids = index.related('a', { limit: 5 }).map((h) => h.id);
  assert.not.ok(ids.includes('a'));
  assert.not.ok(ids.includes('f'), 'f is an exact duplicate of a');
  assert.ok(ids.length > 0);
  assert.ok(['e', 'c', 'd', 'b'].includes(ids[0]!));
  assert.equal(index.related('missing'), []);
});

test.run();
