// Specification of the English analyzer's chain as a whole (tokenizer → normalise → stop words →
// stem): the same text in another Unicode form (NFC, NFD, full-width, ligatures) gives the same
// terms at the same positions, and no term is longer than the tokenizer lets a token be.

import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyzeToTokens, englishAnalyzer, idAnalysisOf } from '../../src/analysis/analyzer.js';
import { TermIdMap } from '../../src/analysis/term-vocabulary.js';
import { MAX_TOKEN_LENGTH } from '../../src/analysis/tokenizer.js';
import { SearchIndex } from '../../src/index.js';

const english = englishAnalyzer();

/** `term@position`, one string per token. */
function terms(text: string): string[] {
  return analyzeToTokens(english, text).map((t) => `${t.term}@${t.position}`);
}

/** The same text in full-width forms: ASCII letters, digits and punctuation (space stays). */
function wide(text: string): string {
  return text.replace(/[!-~]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

test('a dotted acronym has the terms of its ASCII form in NFD, full-width letters and full-width stops', () => {
  const cases: Array<[string, string[]]> = [
    ['É.U. talks', ['eu@0', 'talk@1']],
    ['U.S. talks', ['us@0', 'talk@1']],
    ['U.S.-led talks', ['us@0', 'usl@0', 'led@1', 'talk@2']],
    ['the É.U.-led bloc', ['eu@1', 'eul@1', 'led@2', 'bloc@3']],
    ['J.R.R. Tolkien', ['jrr@0', 'tolkien@1']],
  ];
  for (const [text, expected] of cases) {
    assert.equal(terms(text), expected, text);
    for (const form of [text.normalize('NFD'), wide(text), wide(text.normalize('NFD')), text.replaceAll('.', '．')]) {
      assert.equal(terms(form), expected, JSON.stringify(form));
    }
  }
  assert.equal(terms('Ｕ.Ｓ. talks'), ['us@0', 'talk@1']);
});

test('a search for an ASCII acronym finds it written in NFD or full-width forms', () => {
  for (const written of ['E\u0301.U.', 'Ｕ．Ｓ．', 'U．S．', 'Ｕ.Ｓ.']) {
    const index = new SearchIndex();
    index.add({ id: 'a', title: `${written} tariffs`, body: '' });
    index.add({ id: 'b', title: 'unrelated', body: '' });
    const asked = written.normalize('NFKC').normalize('NFC');
    assert.equal(index.search(asked).hits.map((h) => h.id), ['a'], `${written} ← ${asked}`);
  }
});

test('property: news-like text in NFD and in full-width forms analyses to the terms of the text', () => {
  const char = fc.constantFrom(...'aAeEuUsS09 .,-\'’éÉüÅ'.split(''));
  fc.assert(
    fc.property(fc.string({ unit: char, maxLength: 60 }), (text) => {
      const expected = terms(text);
      for (const form of [text.normalize('NFD'), wide(text), wide(text.normalize('NFD'))]) {
        assert.equal(terms(form), expected, `${JSON.stringify(text)} as ${JSON.stringify(form)}`);
      }
    }),
    { numRuns: 2000 },
  );
});

test('a word that NFKC makes longer than MAX_TOKEN_LENGTH is dropped but keeps its position', () => {
  const limit = 'ﬁ'.repeat(MAX_TOKEN_LENGTH / 2); // 32 units, 64 once NFKC makes each ﬁ fi
  const over = `${limit}ﬀ`;
  assert.equal(terms(`${limit} ok`), [`${'fi'.repeat(MAX_TOKEN_LENGTH / 2)}@0`, 'ok@1']);
  assert.equal(terms(`${over} ok`), ['ok@1']);
  assert.equal(terms(`${'ﬁ'.repeat(60)} ok`), ['ok@1']);
  assert.equal(terms(`${'ﬃ'.repeat(30)} ok`), ['ok@1']);
  // ﷺ is one letter of 15 after NFKC (its spaces go): four are 60 units, five 75.
  assert.equal(terms(`${'ﷺ'.repeat(4)} ok`).length, 2);
  assert.equal(terms(`${'ﷺ'.repeat(5)} ok`), ['ok@1']);
  // A compound's parts stay when only the joined form is over the limit, as in plain text.
  assert.equal(terms(`${limit}-x`), [`${'fi'.repeat(MAX_TOKEN_LENGTH / 2)}@0`, 'x@1']);
  // The indexing path drops it too.
  const vocabulary = new TermIdMap();
  const ids: string[] = [];
  idAnalysisOf(english, vocabulary).analyze(`${over} ok`, (term, position) => ids.push(`${vocabulary.term(term)}@${position}`));
  assert.equal(ids, ['ok@1']);
});

test('marks kept by normalisation do not count towards the limit: an Indic word of 80 units is kept', () => {
  const word = 'कि'.repeat(40); // 40 letters, each with a vowel sign that normalisation keeps
  assert.ok(word.length > MAX_TOKEN_LENGTH);
  assert.equal(terms(`${word} ok`), [`${word}@0`, 'ok@1']);
});

test('property: words with ligatures analyse to the terms of their NFKC form, whatever their length', () => {
  const char = fc.constantFrom(...'aeﬁﬃ\u0301-'.split(''));
  fc.assert(
    fc.property(fc.array(fc.string({ unit: char, minLength: 20, maxLength: 90 }), { maxLength: 4 }), (words) => {
      const text = words.join(' ');
      assert.equal(terms(text), terms(text.normalize('NFKC')), JSON.stringify(text));
    }),
    { numRuns: 1000 },
  );
});

test.run();
