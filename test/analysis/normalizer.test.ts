// Specification of term normalisation: case, NFKC width/compatibility folding, diacritic and
// letter folding, apostrophes; and what it must leave alone (CJK, digits, Indic vowel signs).

import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { normalize } from '../../src/analysis/normalizer.js';

function check(cases: [string, string][]): void {
  for (const [input, expected] of cases) assert.is(normalize(input), expected, JSON.stringify(input));
}

test('ASCII: lower-cased, everything else unchanged', () => {
  check([
    ['cocoa', 'cocoa'],
    ['SCODA', 'scoda'],
    ['Li', 'li'],
    ["O'Neill", "o'neill"],
    ['COVID19', 'covid19'],
    ['2024-03-17', '2024-03-17'],
    ['1250.5', '1250.5'],
    ['', ''],
  ]);
});

test('diacritics are removed, precomposed or combining', () => {
  check([
    ['café', 'cafe'],
    ['cafe\u0301', 'cafe'],
    ['Ångström', 'angstrom'],
    ['\u212bngstr\u00f6m', 'angstrom'], // Å as the ANGSTROM SIGN
    ['naïve', 'naive'],
    ['Việt', 'viet'],
    ['São', 'sao'],
    ['İstanbul', 'istanbul'],
    ['Čapek', 'capek'],
  ]);
});

test('letters without a decomposition fold to their plain Latin reading; ß becomes ss', () => {
  check([
    ['Straße', 'strasse'],
    ['STRAẞE', 'strasse'],
    ['Łódź', 'lodz'],
    ['Øresund', 'oresund'],
    ['Đoković', 'dokovic'],
    ['ıstanbul', 'istanbul'],
    ['Æsir', 'aesir'],
    ['Œuvre', 'oeuvre'],
    ['Þór', 'thor'],
  ]);
});

test('typographic apostrophes become ASCII', () => {
  check([
    ['O\u2019Neill', "o'neill"],
    ['don\u02bct', "don't"],
  ]);
});

test('NFKC: full-width forms, ligatures, superscripts and roman numerals fold', () => {
  check([
    ['ＡＢＣ', 'abc'],
    ['１２３', '123'],
    ['ﬁnance', 'finance'],
    ['km²', 'km2'],
    ['Ⅻ', 'xii'],
    ['𝐁𝐨𝐥𝐝', 'bold'],
    ['ｶﾞｽ', 'ガス'],
  ]);
});

test('other scripts are lower-cased; optional vowel points of Hebrew and Arabic are removed', () => {
  check([
    ['Москва', 'москва'],
    ['ΑΘΗΝΑ', 'αθηνα'],
    ['Αθήνα', 'αθηνα'],
    // Final sigma is sigma: lower-casing writes ς only at a word's end, not inside a joined compound.
    ['Αθήνας', 'αθηνασ'],
    ['ΑΘΗΝΑΣΠΕΙΡΑΙΩΣ', 'αθηνασπειραιωσ'],
    ['οδος', 'οδοσ'],
    ['עִבְרִית', 'עברית'],
    ['العَرَبِيَّة', 'العربية'],
  ]);
});

test('CJK is left as it is, including voiced kana (dakuten) and Hangul syllables', () => {
  check([
    ['中华', '中华'],
    ['東京タワー', '東京タワー'],
    ['がぎぐ', 'がぎぐ'],
    ['か\u3099', 'が'],
    ['한국어', '한국어'],
  ]);
});

test('vowel signs of Indic and Thai scripts are letters, not diacritics: kept', () => {
  check([
    ['हिन्दी', 'हिन्दी'],
    ['ภาษาไทย', 'ภาษาไทย'],
  ]);
});

test('invisible characters inside a word go: soft hyphen, ZWJ/ZWNJ, variation selectors', () => {
  check([
    ['hy\u00adphen', 'hyphen'],
    ['می\u200cخواهم', 'میخواهم'],
    ['1\ufe0f\u20e3', '1'],
    ['a\udb40\udd00b', 'ab'],
  ]);
});

test('NFKC expansions stay; spaces they produce go; with nothing searchable left the term is empty', () => {
  check([
    ['½', '1⁄2'],
    ['ﷺ', 'صلىاللهعليهوسلم'],
    ['\u037a', ''],
    ['\u0301\u0308', ''],
  ]);
});

test('property: normalising twice changes nothing (any code points, lone surrogates too)', () => {
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  for (const arbitrary of [fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: codeUnit })]) {
    fc.assert(
      fc.property(arbitrary, (s) => {
        const once = normalize(s);
        assert.is(normalize(once), once);
      }),
      { numRuns: 2000 },
    );
  }
});

test('property: ASCII input is exactly its lower case', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary-ascii' }), (s) => {
      assert.is(normalize(s), s.toLowerCase());
    }),
  );
});

test('property: upper and lower case of a Latin word normalise alike', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[a-zA-Zà-öø-ÿ]{1,12}$/), (s) => {
      assert.is(normalize(s.toUpperCase()), normalize(s.toLowerCase()));
    }),
  );
});

test.run();
