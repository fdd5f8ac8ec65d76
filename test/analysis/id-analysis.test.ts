// Specification of the indexing form of analysis: `idAnalysis` (the memoised span path) and the
// fallback for analyzers without it emit exactly the terms, positions and exact forms of `analyze`,
// as ids of one vocabulary, whatever the text, the memo bound or the tokenizer.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createAnalyzer, englishAnalyzer, idAnalysisOf, MEMO_GENERATION, TEXT_MEMO_LENGTH } from '../../src/analysis/analyzer.js';
import { MemoIdAnalysis, PlainIdAnalysis, detached, type ChainOutput } from '../../src/analysis/id-analysis.js';
import { TermIdMap } from '../../src/analysis/term-vocabulary.js';
import { newsTokenizer, tokenize } from '../../src/analysis/tokenizer.js';
import { normalize } from '../../src/analysis/normalizer.js';
import type { Analyzer, IdAnalysis, TermVocabulary, Tokenizer } from '../../src/analysis/types.js';
import { rng, randomText } from '../_support/random.js';

/** `term@position` or `term@position/exact`, one string per token, from `analyze`. */
function viaStrings(analyzer: Analyzer, text: string): string[] {
  const out: string[] = [];
  analyzer.analyze(text, (term, position, _s, _e, exact) => out.push(exact === undefined ? `${term}@${position}` : `${term}@${position}/${exact}`));
  return out;
}

/** The same rendering from an id analysis, ids resolved through its vocabulary. */
function viaIds(analysis: IdAnalysis, vocabulary: TermVocabulary, text: string): string[] {
  const out: string[] = [];
  analysis.analyze(text, (term, position, exact) => {
    out.push(exact < 0 ? `${vocabulary.term(term)}@${position}` : `${vocabulary.term(term)}@${position}/${vocabulary.term(exact)}`);
  });
  return out;
}

const newsChar = fc.constantFrom(...'aAeEsS tT09 5.,-\'’\u2010%éé\u0301ÅßİıＡ中国かカー한ไทย\u00ad😀\ud800\n'.split(''));
const texts = fc.array(fc.string({ unit: newsChar, maxLength: 120 }), { minLength: 1, maxLength: 6 });

test('idAnalysis emits exactly what analyze emits, over several texts into one vocabulary', () => {
  fc.assert(
    fc.property(texts, (list) => {
      const analyzer = englishAnalyzer();
      const vocabulary = new TermIdMap();
      const analysis = analyzer.idAnalysis!(vocabulary);
      // Each text twice: the second pass is all memo hits.
      for (const text of [...list, ...list]) assert.equal(viaIds(analysis, vocabulary, text), viaStrings(analyzer, text), JSON.stringify(text));
    }),
    { numRuns: 300 },
  );
});

test('news text: hyphenated compounds, acronyms, numbers, stop words and stems', () => {
  const analyzer = englishAnalyzer();
  const vocabulary = new TermIdMap();
  const analysis = analyzer.idAnalysis!(vocabulary);
  const text = "The U.S.-led box-type investing in 1,250.5 tonnes; COVID-19 O’Neill's Investing INVESTING 2024-03-17 ｃａｆｅ Café";
  assert.equal(viaIds(analysis, vocabulary, text), viaStrings(analyzer, text));
  // Stop words are dropped but keep their position; exact forms come with their stems.
  assert.equal(viaIds(analysis, vocabulary, 'the investing of ports'), ['invest@1/investing', 'port@3/ports']);
});

test('vocabulary ids are dense, shared by every raw form of a term, and stable across texts', () => {
  const vocabulary = new TermIdMap();
  const analysis = englishAnalyzer().idAnalysis!(vocabulary);
  const ids: number[] = [];
  analysis.analyze('Ports ports PORTS port', (term) => ids.push(term));
  assert.equal(new Set(ids).size, 1);
  analysis.analyze('harbour port', (term) => ids.push(term));
  assert.equal(ids, [0, 0, 0, 0, 2, 0]);
  assert.is(vocabulary.term(0), 'port');
  assert.is(vocabulary.term(1), 'ports');
  assert.is(vocabulary.term(2), 'harbour');
  assert.is(vocabulary.size, 3);
});

test('results are identical beyond the memo bound (the table empties and refills)', () => {
  const random = rng(5);
  const analyzer = englishAnalyzer();
  const docs = Array.from({ length: 60 }, (_, i) => `${randomText(random, 30)} word${i} Word${i % 7} investing${i}`);
  const chain = (raw: string, out: ChainOutput): void => {
    // The English chain, rebuilt from the public pieces, so the bound is the only difference.
    out.term = null;
    out.exact = undefined;
    viaChain(analyzer, raw, out);
  };
  for (const limit of [1, 2, 7, 50]) {
    const vocabulary = new TermIdMap();
    const bounded = new MemoIdAnalysis(newsTokenizer, chain, vocabulary, limit);
    for (const text of [...docs, ...docs]) assert.equal(viaIds(bounded, vocabulary, text), viaStrings(analyzer, text), `limit ${limit}`);
    assert.ok(bounded.size <= limit, `size ${bounded.size} within ${limit}`);
  }
});

/** One raw token through `analyzer` (a text of one token), in ChainOutput form. */
function viaChain(analyzer: Analyzer, raw: string, out: ChainOutput): void {
  analyzer.analyze(raw, (term, _p, _s, _e, exact) => {
    out.term = term;
    out.exact = exact;
  });
}

test('a tokenizer without tokenizeSpans goes through tokenize, with the same result', () => {
  const plain: Tokenizer = { tokenize: (text, sink) => newsTokenizer.tokenize(text, sink) };
  const spec = { tokenizer: plain, filters: [normalize], stemmer: (t: string) => (t.endsWith('s') ? t.slice(0, -1) : t) };
  const withSpans = createAnalyzer({ ...spec, name: 'a', tokenizer: newsTokenizer });
  const without = createAnalyzer({ ...spec, name: 'b' });
  const text = 'Ports and harbours: the U.S.-led box-type trades, 中国人';
  const v1 = new TermIdMap();
  const v2 = new TermIdMap();
  assert.equal(viaIds(without.idAnalysis!(v2), v2, text), viaIds(withSpans.idAnalysis!(v1), v1, text));
  assert.equal(viaIds(without.idAnalysis!(v2), v2, text), viaStrings(withSpans, text));
});

test('an analyzer without idAnalysis is served by its analyze (idAnalysisOf)', () => {
  const english = englishAnalyzer();
  const custom: Analyzer = { name: 'custom', analyze: (text, sink) => english.analyze(text, sink) };
  const vocabulary = new TermIdMap();
  const analysis = idAnalysisOf(custom, vocabulary);
  assert.instance(analysis, PlainIdAnalysis);
  const text = 'Investing in ports, the harbour trades';
  assert.equal(viaIds(analysis, vocabulary, text), viaStrings(english, text));
  assert.instance(idAnalysisOf(english, vocabulary), MemoIdAnalysis);
});

test('a sink that re-enters the analysis gets correct tokens in both calls', () => {
  const vocabulary = new TermIdMap();
  const analysis = englishAnalyzer().idAnalysis!(vocabulary);
  const outer: string[] = [];
  const inner: string[] = [];
  analysis.analyze('ports trading', (term, position) => {
    outer.push(`${vocabulary.term(term)}@${position}`);
    if (position === 0) analysis.analyze('harbour', (t, p) => inner.push(`${vocabulary.term(t)}@${p}`));
  });
  assert.equal(outer, ['port@0', 'trade@1']);
  assert.equal(inner, ['harbour@0']);
});

test('analyze: results identical beyond the string memo generations', () => {
  const analyzer = englishAnalyzer();
  const fresh = (): Analyzer => englishAnalyzer();
  const words = Array.from({ length: MEMO_GENERATION * 2 + 500 }, (_, i) => `Invest${i.toString(36)}ing`);
  const first = viaStrings(analyzer, words.slice(0, 50).join(' '));
  // Fill both generations several times over, then ask for the first words again.
  for (let i = 0; i < words.length; i += 1000) viaStrings(analyzer, words.slice(i, i + 1000).join(' '));
  assert.equal(viaStrings(analyzer, words.slice(0, 50).join(' ')), first);
  assert.equal(first, viaStrings(fresh(), words.slice(0, 50).join(' ')));
});

test('analyze: short texts, memoised whole, give every token with its offsets and exact form, however often asked', () => {
  const analyzer = englishAnalyzer();
  const full = (a: Analyzer, text: string): string[] => {
    const out: string[] = [];
    a.analyze(text, (term, position, start, end, exact) => out.push(`${term}@${position}[${start},${end}]${exact === undefined ? '' : `/${exact}`}`));
    return out;
  };
  const texts = ['Ports', 'the trading', 'U.S.-led talks', 'Counter-revolutionary ports of the harbours', '1,250.5 shares', 'x'.repeat(TEXT_MEMO_LENGTH), 'y'.repeat(TEXT_MEMO_LENGTH + 1)];
  // More distinct texts than two generations hold, between the asks.
  const filler = Array.from({ length: 3000 }, (_, i) => `Trading${i.toString(36)} ports`);
  for (let round = 0; round < 3; round++) {
    for (const text of texts) assert.equal(full(analyzer, text), full(englishAnalyzer(), text), `${text}, round ${round}`);
    for (const text of filler) full(analyzer, text);
  }
  assert.equal(full(analyzer, 'Counter-revolutionary ports'), [
    'counter@0[0,7]',
    'counterrevolutionari@0[0,21]/counterrevolutionary',
    'revolutionari@1[8,21]/revolutionary',
    'port@2[22,27]/ports',
  ]);
  // A sink that throws part-way leaves the memo whole.
  assert.throws(() => analyzer.analyze('ports trading', () => {
    throw new Error('sink');
  }));
  assert.equal(full(analyzer, 'ports trading'), ['port@0[0,5]/ports', 'trade@1[6,13]/trading']);
});

test('detached copies equal their token and tokenizeSpans agrees with tokenize', () => {
  const text = 'internationalisation of the counter-revolutionary U.S.-led establishment 中国人 ไทยภาษา';
  for (const t of tokenize(text)) assert.is(detached(t.term), t.term);
  const spans: string[] = [];
  newsTokenizer.tokenizeSpans(text, (raw, position, start, end) => spans.push(`${raw ?? text.slice(start, end)}@${position}[${start},${end}]`));
  assert.equal(
    spans,
    tokenize(text).map((t) => `${t.term}@${t.position}[${t.start},${t.end}]`),
  );
});

test.run();
