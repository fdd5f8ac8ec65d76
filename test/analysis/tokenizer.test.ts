// Specification of the news tokenizer: exact terms, positions and offsets for each rule, and
// properties that must hold on any string (offsets inside the text, order, no throw).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_TOKEN_LENGTH, NewsTokenizer, newsTokenizer, tokenize } from '../../src/analysis/tokenizer.js';
import type { Token } from '../../src/analysis/types.js';

/** `term@position[start,end]`, one string per token: compact and exact. */
function show(text: string): string[] {
  return tokenize(text).map((t) => `${t.term}@${t.position}[${t.start},${t.end}]`);
}

function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}

/** Returns the first broken invariant, or null. */
function brokenInvariant(text: string, tokens: Token[]): string | null {
  let lastStart = 0;
  let lastPosition = 0;
  for (const t of tokens) {
    if (!(t.start >= 0 && t.start < t.end && t.end <= text.length)) return `offsets ${t.start},${t.end}`;
    if (t.start < lastStart) return `start ${t.start} after ${lastStart}`;
    if (t.position < lastPosition) return `position ${t.position} after ${lastPosition}`;
    if (t.term.length === 0 || t.term.length > MAX_TOKEN_LENGTH) return `term length ${t.term.length}`;
    if (/\s/u.test(t.term)) return `whitespace in ${JSON.stringify(t.term)}`;
    const src = text.slice(t.start, t.end);
    // Only the connectors a token may canonicalise (’ , . and hyphens, ASCII or full-width) let the term differ.
    if (!/[-‐‑,.’－，．]/u.test(src) && t.term !== src) return `term ${JSON.stringify(t.term)} vs ${JSON.stringify(src)}`;
    for (const at of [t.start, t.end]) {
      const lo = text.charCodeAt(at);
      const hi = text.charCodeAt(at - 1);
      if (lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff) return `offset ${at} splits a surrogate pair`;
    }
    lastStart = t.start;
    lastPosition = t.position;
  }
  return null;
}

test('plain words: original case, positions from 0, offsets of the source span', () => {
  assert.equal(show('Li Gang hoped, in SCODA.'), [
    'Li@0[0,2]',
    'Gang@1[3,7]',
    'hoped@2[8,13]',
    'in@3[15,17]',
    'SCODA@4[18,23]',
  ]);
});

test('positions restart at 0 on every call', () => {
  assert.equal(show('one two'), ['one@0[0,3]', 'two@1[4,7]']);
  assert.equal(show('three'), ['three@0[0,5]']);
});

test('empty and separator-only text gives no tokens', () => {
  assert.equal(show(''), []);
  assert.equal(show('  \n\t .,;:!? -- — () [] {} <> / \\ @#$%^&*+=~`|'), []);
});

test('internal apostrophes keep a word whole; ’ is emitted as an ASCII apostrophe', () => {
  assert.equal(show("don't SCODA's O'Neill"), ["don't@0[0,5]", "SCODA's@1[6,13]", "O'Neill@2[14,21]"]);
  assert.equal(show('O’Neill’s'), ["O'Neill's@0[0,9]"]);
  assert.equal(terms("1990's rock'n'roll"), ["1990's", "rock'n'roll"]);
});

test('leading and trailing apostrophes and quotes are not part of a token', () => {
  assert.equal(show("'tis the workers' ‘go global’"), [
    'tis@0[1,4]',
    'the@1[5,8]',
    'workers@2[9,16]',
    'go@3[19,21]',
    'global@4[22,28]',
  ]);
  assert.equal(terms(`rock 'n' roll "strong engines"`), ['rock', 'n', 'roll', 'strong', 'engines']);
  // An apostrophe before a digit does not join: '90s is the decade, not a contraction.
  assert.equal(terms("the '90s it's 5'9"), ['the', '90s', "it's", '5', '9']);
});

test('a hyphenated compound gives its parts and the joined compound at the first part position', () => {
  assert.equal(show('new box-type power'), [
    'new@0[0,3]',
    'box@1[4,7]',
    'boxtype@1[4,12]',
    'type@2[8,12]',
    'power@3[13,18]',
  ]);
  assert.equal(show('high-quality'), ['high@0[0,4]', 'highquality@0[0,12]', 'quality@1[5,12]']);
});

test('a compound of four parts takes four positions; the joined form sits at the first', () => {
  assert.equal(show('state-of-the-art design'), [
    'state@0[0,5]',
    'stateoftheart@0[0,16]',
    'of@1[6,8]',
    'the@2[9,12]',
    'art@3[13,16]',
    'design@4[17,23]',
  ]);
});

test('U+2010 and U+2011 hyphenate like ASCII hyphen; en and em dashes separate', () => {
  assert.equal(terms('well\u2010known non\u2011stop'), ['well', 'wellknown', 'known', 'non', 'nonstop', 'stop']);
  assert.equal(show('2020\u20132024 word\u2014word'), ['2020@0[0,4]', '2024@1[5,9]', 'word@2[10,14]', 'word@3[15,19]']);
});

test('a hyphen not between two word characters separates', () => {
  assert.equal(show('pre- and post-war -x a--b'), [
    'pre@0[0,3]',
    'and@1[5,8]',
    'post@2[9,13]',
    'postwar@2[9,17]',
    'war@3[14,17]',
    'x@4[19,20]',
    'a@5[21,22]',
    'b@6[24,25]',
  ]);
});

test('numbers: thousands commas dropped, decimal point kept, a sentence full stop is not a decimal', () => {
  assert.equal(show('1,250.5 and 3.5 in 1987.'), ['1250.5@0[0,7]', 'and@1[8,11]', '3.5@2[12,15]', 'in@3[16,18]', '1987@4[19,23]']);
  assert.equal(show('155,221 bags; 1,250,000 mln'), ['155221@0[0,7]', 'bags@1[8,12]', '1250000@2[14,23]', 'mln@3[24,27]']);
  assert.equal(show('192.168.0.1'), ['192.168.0.1@0[0,11]']);
});

test('a comma that is not a thousands separator separates numbers', () => {
  assert.equal(terms('1,2,3'), ['1', '2', '3']);
  assert.equal(terms('1986,1987'), ['1986', '1987']);
  assert.equal(terms('1,25 and 1,2345'), ['1', '25', 'and', '1', '2345']);
  assert.equal(terms('2.5,000'), ['2.5', '000']);
  assert.equal(terms('abc,def'), ['abc', 'def']);
  assert.equal(terms('1,000, 2,000.'), ['1000', '2000']);
});

test('percent signs, currency and other symbols separate', () => {
  assert.equal(show('10% $5 €3.5 £1,000'), ['10@0[0,2]', '5@1[5,6]', '3.5@2[8,11]', '1000@3[13,18]']);
});

test('digit groups joined by hyphens stay one token with their hyphens', () => {
  assert.equal(show('On 2024-03-17 and 2024-03.'), ['On@0[0,2]', '2024-03-17@1[3,13]', 'and@2[14,17]', '2024-03@3[18,25]']);
  assert.equal(terms('call 555-1234; season 1987-88; 1,000-2,000 tonnes'), ['call', '555-1234', 'season', '1987-88', '1000-2000', 'tonnes']);
  assert.equal(terms('2024\u201003\u201017'), ['2024-03-17']);
});

test('letters and digits in one run stay one token (A380, 5G, 1990s, MP3)', () => {
  assert.equal(show('A380 5G 1990s MP3'), ['A380@0[0,4]', '5G@1[5,7]', '1990s@2[8,13]', 'MP3@3[14,17]']);
});

test('a hyphen between letters and digits makes a compound: COVID-19, F-16', () => {
  assert.equal(show('COVID-19 F-16'), ['COVID@0[0,5]', 'COVID19@0[0,8]', '19@1[6,8]', 'F@2[9,10]', 'F16@2[9,13]', '16@3[11,13]']);
  assert.equal(terms('5,000-ton'), ['5000', '5000ton', 'ton']);
});

test('dotted acronyms lose their dots and keep the last dot in their span', () => {
  assert.equal(show('the U.S. and U.K., e.g. this'), [
    'the@0[0,3]',
    'US@1[4,8]',
    'and@2[9,12]',
    'UK@3[13,17]',
    'eg@4[19,23]',
    'this@5[24,28]',
  ]);
  assert.equal(terms('J.R.R. Tolkien, U.S.S.R.'), ['JRR', 'Tolkien', 'USSR']);
});

test('a word before a full stop, a lone initial or an undotted tail is not an acronym', () => {
  assert.equal(show('He said no. A. Smith'), ['He@0[0,2]', 'said@1[3,7]', 'no@2[8,10]', 'A@3[12,13]', 'Smith@4[15,20]']);
  assert.equal(terms('plan B.A new'), ['plan', 'B', 'A', 'new']);
  assert.equal(terms('www.example.com'), ['www', 'example', 'com']);
});

test('an acronym can open a hyphenated compound: U.S.-led', () => {
  assert.equal(show('U.S.-led talks'), ['US@0[0,4]', 'USled@0[0,8]', 'led@1[5,8]', 'talks@2[9,14]']);
});

test('a dotted acronym may carry combining marks and be written in full-width letters or stops', () => {
  // NFD É.U.: the acute after E does not hide the full stop.
  assert.equal(show('E\u0301.U. talks'), ['E\u0301U@0[0,5]', 'talks@1[6,11]']);
  assert.equal(show('the U\u0308\u0301.S.-led'), ['the@0[0,3]', 'U\u0308\u0301S@1[4,10]', 'U\u0308\u0301Sled@1[4,14]', 'led@2[11,14]']);
  assert.equal(show('Ｕ．Ｓ． Ｕ.Ｓ. U．S．'), ['ＵＳ@0[0,4]', 'ＵＳ@1[5,9]', 'US@2[10,14]']);
  assert.equal(terms('Ｕ．Ｓ．－ｌｅｄ'), ['ＵＳ', 'ＵＳｌｅｄ', 'ｌｅｄ']);
  assert.equal(terms('𝐔.𝐒.'), ['𝐔𝐒']);
  // The same rules as for ASCII: no lone initial, no word before a full stop, marks or not.
  assert.equal(terms('A\u0301. Smith no\u0301. Ｗ．'), ['A\u0301', 'Smith', 'no\u0301', 'Ｗ']);
  // Marks are left out of the acronym's length, as they are of a word's.
  const long = 'A\u0301.'.repeat(MAX_TOKEN_LENGTH);
  assert.equal(terms(long), ['A\u0301'.repeat(MAX_TOKEN_LENGTH)]);
  assert.equal(terms(`${long}B.`), []);
});

test('an ellipsis ends a dotted acronym outside its span, as the three full stops of its NFKC form do', () => {
  assert.equal(show('the U.S… and e.g… x'), ['the@0[0,3]', 'US@1[4,7]', 'and@2[9,12]', 'eg@3[13,16]', 'x@4[18,19]']);
  assert.equal(terms('U.S…-led'), terms('U.S...-led'));
  assert.equal(terms('U.S…-led'), ['US', 'led']);
  // An ellipsis is no full stop inside an acronym (U...S. is none either).
  assert.equal(terms('U…S. x'), ['U', 'S', 'x']);
});

test('a full-width apostrophe keeps a word whole as the ASCII one does', () => {
  assert.equal(show('ｄｏｎ＇ｔ don＇t ｄｏｎ＇ ＇ｔ'), ['ｄｏｎ＇ｔ@0[0,5]', 'don＇t@1[6,11]', 'ｄｏｎ@2[12,15]', 'ｔ@3[18,19]']);
});

test('accented words stay whole, precomposed or with combining marks', () => {
  assert.equal(show('café Ångström naïve'), ['café@0[0,4]', 'Ångström@1[5,13]', 'naïve@2[14,19]']);
  assert.equal(show('cafe\u0301 ok'), ['cafe\u0301@0[0,5]', 'ok@1[6,8]']);
});

test('a combining mark after a separator does not start a token', () => {
  assert.equal(show(' \u0301\u0301 a'), ['a@0[4,5]']);
});

test('soft hyphens and zero-width joiners stay inside a word', () => {
  assert.equal(show('hy\u00adphen\u00adation'), ['hy\u00adphen\u00adation@0[0,13]']);
  assert.equal(terms('می\u200cخواهم'), ['می\u200cخواهم']);
});

test('other scripts: Greek, Cyrillic, Arabic, Hebrew, Devanagari words', () => {
  assert.equal(terms('Αθήνα Москва القاهرة ירושלים दिल्ली'), ['Αθήνα', 'Москва', 'القاهرة', 'ירושלים', 'दिल्ली']);
});

test('astral letters are one word; emoji and other symbols separate', () => {
  assert.equal(show('𝐀𝐁c😀d 🇺🇸x'), ['𝐀𝐁c@0[0,5]', 'd@1[7,8]', 'x@2[13,14]']);
});

test('markup characters, controls and NUL separate', () => {
  assert.equal(show('<b>bold</b>\u0000x\u0007y\u200bz'), ['b@0[1,2]', 'bold@1[3,7]', 'b@2[9,10]', 'x@3[12,13]', 'y@4[14,15]', 'z@5[16,17]']);
});

test('a Han run becomes overlapping bigrams, one position each', () => {
  assert.equal(show('中华人民共和国'), [
    '中华@0[0,2]',
    '华人@1[1,3]',
    '人民@2[2,4]',
    '民共@3[3,5]',
    '共和@4[4,6]',
    '和国@5[5,7]',
  ]);
});

test('a single CJK character is a unigram; CJK punctuation separates runs', () => {
  assert.equal(show('中，国。a 東'), ['中@0[0,1]', '国@1[2,3]', 'a@2[4,5]', '東@3[6,7]']);
});

test('Hiragana, Katakana (with ー) and Hangul are bigrammed like Han; Latin and digits split from them', () => {
  assert.equal(terms('東京タワー'), ['東京', '京タ', 'タワ', 'ワー']);
  assert.equal(terms('한국어'), ['한국', '국어']);
  assert.equal(show('iPhone手机2024年'), ['iPhone@0[0,6]', '手机@1[6,8]', '2024@2[8,12]', '年@3[12,13]']);
});

test('astral Han characters count as one unit each in a bigram', () => {
  assert.equal(show('𠀀𠀁中'), ['𠀀𠀁@0[0,4]', '𠀁中@1[2,5]']);
});

test('a combining voicing mark stays with its kana in a bigram', () => {
  assert.equal(show('か\u3099き'), ['か\u3099き@0[0,3]']);
});

test('decomposed Hangul and half-width voiced kana make the units of their composed forms', () => {
  // NFD 서울시: initial consonant + vowel (+ final) is one unit, so the bigrams are those of the NFC text.
  const nfd = '서울시'.normalize('NFD');
  assert.equal(terms(nfd).map((t) => t.normalize('NFC')), terms('서울시'));
  assert.equal(terms(nfd).length, 2);
  // ﾊﾞｽ is バス: the voiced mark stays with its kana.
  assert.equal(terms('ﾊﾞｽ'), ['ﾊﾞｽ']);
  assert.equal(terms('ﾊﾞｽ').map((t) => t.normalize('NFKC')), terms('バス'));
});

test('full-width numbers follow the ASCII number rules', () => {
  // Digit groups joined by a full-width hyphen are joined with an ASCII one, as any hyphen is.
  assert.equal(terms('３．５％ １，２５０ ２０２４-０３-１７ ２０２４－０３－１７'), ['３．５', '１２５０', '２０２４-０３-１７', '２０２４-０３-１７']);
  for (const [wide, ascii] of [['３．５', '3.5'], ['１，２５０', '1,250'], ['２０２４-０３-１７', '2024-03-17'], ['ＣＯＶＩＤ－１９', 'COVID-19']]) {
    assert.equal(terms(wide!).map((t) => t.normalize('NFKC')), terms(ascii!), wide);
  }
  // A full-width full stop after a word is not a decimal point.
  assert.equal(terms('円安．'), ['円安']);
});

test('Thai is split into words by the dictionary segmenter', () => {
  assert.equal(show('ภาษาไทยง่าย ok'), ['ภาษา@0[0,4]', 'ไทย@1[4,7]', 'ง่าย@2[7,11]', 'ok@3[12,14]']);
});

test('a long Thai run is segmented in windows with the same words as in one piece', () => {
  const text = 'นายกรัฐมนตรีเดินทางไปประชุมสุดยอดผู้นำอาเซียนที่กรุงเทพมหานครเมื่อวานนี้'.repeat(60);
  const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
  const whole = [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
  assert.ok(text.length > 4000);
  assert.equal(terms(text), whole);
});

test('a token of MAX_TOKEN_LENGTH units is kept; a longer one is dropped but keeps its position', () => {
  const max = 'x'.repeat(MAX_TOKEN_LENGTH);
  const over = 'y'.repeat(MAX_TOKEN_LENGTH + 1);
  assert.equal(show(`${max} ${over} z`), [`${max}@0[0,${MAX_TOKEN_LENGTH}]`, `z@2[${2 * MAX_TOKEN_LENGTH + 3},${2 * MAX_TOKEN_LENGTH + 4}]`]);
});

test('combining marks and joiners do not count towards the limit: an NFD word is kept as its NFC form is', () => {
  const word = 'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetze';
  assert.is(word.length, MAX_TOKEN_LENGTH);
  const nfd = word.normalize('NFD');
  assert.ok(nfd.length > MAX_TOKEN_LENGTH);
  assert.equal(terms(nfd), [nfd]);
  // Joined with one more part it is over the limit (65 counted units): the parts stay, the join goes.
  assert.equal(terms(`${nfd}-x`), [nfd, 'x']);
  assert.equal(terms(`${word}e`), []);
  assert.equal(terms(`${nfd}e`), []);
  // But a run of marks is not a word: four times the limit in raw units at most.
  assert.equal(terms(`क${'\u093f'.repeat(5000)} ok`), ['ok']);
  assert.equal(terms(`a${'\u0301'.repeat(300)}-b ok`), ['b', 'ok']);
});

test('a compound longer than the limit is dropped while its parts are kept', () => {
  const part = 'p'.repeat(40);
  const toks = tokenize(`${part}-${part}`);
  assert.equal(
    toks.map((t) => `${t.term.length}@${t.position}`),
    ['40@0', '40@1'],
  );
});

test('1 MB of one letter, lone surrogates and NUL runs do not throw', () => {
  assert.equal(tokenize('a'.repeat(1 << 20)), []);
  assert.equal(tokenize('é'.repeat(1 << 20)), []);
  assert.equal(terms('\ud800a\udc00b\ud800'), ['a', 'b']);
  assert.equal(terms('\u0000'.repeat(1000) + 'ok'), ['ok']);
  assert.equal(tokenize('a-'.repeat(1 << 18)).length > 0, true);
});

test('a sink that re-enters the tokenizer does not disturb the outer call', () => {
  const outer: string[] = [];
  const inner: string[] = [];
  newsTokenizer.tokenize('well-known U.S. fact', (term) => {
    outer.push(term);
    newsTokenizer.tokenize('state-of-the-art', (t) => inner.push(t));
  });
  assert.equal(outer, ['well', 'wellknown', 'known', 'US', 'fact']);
  assert.equal(inner.length, 5 * 5);
});

test('a sink that throws leaves the tokenizer usable', () => {
  const tokenizer = new NewsTokenizer();
  assert.throws(() =>
    tokenizer.tokenize('a b', () => {
      throw new RangeError('stop');
    }),
  );
  const got: string[] = [];
  tokenizer.tokenize('box-type', (t) => got.push(t));
  assert.equal(got, ['box', 'boxtype', 'type']);
});

test('property: single-space-separated lower-case ASCII words come back exactly', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/)), (words) => {
      const text = words.join(' ');
      let at = 0;
      const expected = words.map((w, i) => {
        const t = { term: w, position: i, start: at, end: at + w.length };
        at += w.length + 1;
        return t;
      });
      assert.equal(tokenize(text), expected);
    }),
  );
});

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
// Characters around the connectors, so numbers, compounds and acronyms are formed often.
const newsChar = fc.constantFrom(...'aAzZ09 5.,-\'’\u2010\u2011\u2013—%$éé\u0301中国かカー한ไทย\u00ad😀𝐀\ud800\nＵ０．，－＇…'.split(''));

for (const [name, arbitrary] of [
  ['code points', fc.string({ unit: 'binary', maxLength: 200 })],
  ['graphemes', fc.string({ unit: 'grapheme', maxLength: 100 })],
  ['raw UTF-16 with lone surrogates', fc.string({ unit: codeUnit, maxLength: 200 })],
  ['news-like characters', fc.string({ unit: newsChar, maxLength: 300 })],
] as const) {
  test(`property (${name}): never throws, offsets inside the text, starts and positions in order`, () => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const tokens = tokenize(text);
        const broken = brokenInvariant(text, tokens);
        if (broken !== null) throw new Error(`${broken} in ${JSON.stringify(text)}`);
        assert.equal(tokenize(text), tokens); // deterministic, no state leaks between calls
      }),
      { numRuns: 300 },
    );
  });
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const reuters = path.resolve(root, '..', 'shared', 'corpora', 'reuters21578.jsonl.gz');

test('Reuters-21578: the invariants hold on real newswire text', () => {
  if (!existsSync(reuters)) {
    console.log(`  (skipped: ${reuters} not found)`);
    return;
  }
  const lines = gunzipSync(readFileSync(reuters)).toString('utf8').split('\n');
  let tokens = 0;
  for (const line of lines.slice(0, 3000)) {
    if (line === '') continue;
    const doc = JSON.parse(line) as { title: string; body: string };
    for (const text of [doc.title, doc.body]) {
      const got = tokenize(text);
      const broken = brokenInvariant(text, got);
      if (broken !== null) assert.unreachable(`${broken} in ${JSON.stringify(text.slice(0, 200))}`);
      tokens += got.length;
    }
  }
  assert.ok(tokens > 100_000);
});

test.run();
