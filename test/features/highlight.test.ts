// Highlighting as a specification: escaping, offsets, passage choice, phrases, merging, the lead
// fallback, word-safe boundaries, options, and a property test over hostile random text.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { englishAnalyzer } from '../../src/analysis/analyzer.js';
import { highlight, highlightAll, phraseTerms, type Passage } from '../../src/features/highlight.js';
import { InvalidOptionError } from '../../src/errors.js';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sharedPath } from '../_support/paths.js';
import { rng } from '../_support/random.js';

const analyzer = englishAnalyzer();

/** Query text → the analysed terms, as the search layer hands them in. */
function terms(query: string): Set<string> {
  const out = new Set<string>();
  analyzer.analyze(query, (term) => {
    out.add(term);
  });
  return out;
}

const words = (n: number, word = 'filler'): string => Array.from({ length: n }, () => word).join(' ');

test('document text is escaped, including inside marks; only mark tags are inserted', () => {
  const text = `<script>alert("x's")</script> <img src=x onerror="alert(1)"> Fish & chips: &amp; <b>port</b>`;
  const h = highlightAll(text, analyzer, terms('alert port'));
  assert.is(
    h.text,
    '&lt;script&gt;<mark>alert</mark>(&quot;x&#39;s&quot;)&lt;/script&gt; &lt;img src=x onerror=&quot;<mark>alert</mark>(1)&quot;&gt; ' +
      'Fish &amp; chips: &amp;amp; &lt;b&gt;<mark>port</mark>&lt;/b&gt;',
  );
  const p = highlight(text, analyzer, terms('alert port')).passages;
  assert.is(p.length, 1);
  assert.not.ok(/<(?!\/?mark>)/.test(p[0]!.text), p[0]!.text);
});

test('match offsets point at the matched words in the original text', () => {
  const text = 'The Port of  Qingdao’s harbours —\n trading ports, Café SOCIÉTÉ';
  const h = highlightAll(text, analyzer, terms('port harbour trade societe'));
  assert.equal(
    h.matches.map((m) => text.slice(m.start, m.end)),
    ['Port', 'harbours', 'trading', 'ports', 'SOCIÉTÉ'],
  );
  assert.is(h.text, 'The <mark>Port</mark> of Qingdao’s <mark>harbours</mark> — <mark>trading</mark> <mark>ports</mark>, Café <mark>SOCIÉTÉ</mark>');
});

test('the passage with the most distinct terms wins over one with more repeats of one term', () => {
  const repeats = `Trade, trade and more trade. ${words(60)}.`;
  const diverse = `The Qingdao trade fair opened. ${words(60)}.`;
  const text = `${repeats} ${diverse}`;
  const [p] = highlight(text, analyzer, terms('trade fair qingdao'), { maxPassages: 1 }).passages;
  assert.ok(p!.start >= repeats.length, `chose ${text.slice(p!.start, p!.end)}`);
  assert.equal(p!.matches.map((m) => text.slice(m.start, m.end)), ['Qingdao', 'trade', 'fair']);
});

test('with equal distinct terms, more matches win; with equal matches, the earlier passage', () => {
  const once = `A trade deal. ${words(60)}.`;
  const twice = `Trade after trade. ${words(60)}.`;
  const text = `${once} ${twice}`;
  const [p] = highlight(text, analyzer, terms('trade'), { maxPassages: 1 }).passages;
  assert.ok(p!.start >= once.length);
  const tie = `${once} ${once}`;
  const [q] = highlight(tie, analyzer, terms('trade'), { maxPassages: 1 }).passages;
  assert.is(q!.start, 0);
});

test('best passages come back in document order and do not overlap', () => {
  const a = `Budget talks resumed. ${words(40)}.`;
  const b = `The budget deficit widened sharply. ${words(40)}.`;
  const c = `Nothing here. ${words(40)}.`;
  const text = `${a} ${c} ${b}`;
  const h = highlight(text, analyzer, terms('budget deficit'), { maxPassages: 2, passageLength: 80 });
  assert.is(h.passages.length, 2);
  assert.ok(h.passages[0]!.end <= h.passages[1]!.start);
  assert.is(text.slice(h.passages[0]!.matches[0]!.start, h.passages[0]!.matches[0]!.end), 'Budget');
  assert.equal(h.passages[1]!.matches.map((m) => text.slice(m.start, m.end)), ['budget', 'deficit']);
});

test('a phrase occurrence is one mark and outranks its words scattered', () => {
  const scattered = `The fair was about trade. ${words(60)}.`;
  const phrase = `The trade fair opened. ${words(60)}.`;
  const text = `${scattered} ${phrase}`;
  const options = { maxPassages: 1, phrases: [phraseTerms(analyzer, 'trade fair')] };
  const [p] = highlight(text, analyzer, terms('trade fair'), options).passages;
  assert.ok(p!.start >= scattered.length);
  assert.equal(p!.matches.map((m) => text.slice(m.start, m.end)), ['trade fair']);
  assert.ok(p!.text.includes('<mark>trade fair</mark>'), p!.text);
});

test('a phrase spans dropped stop words and whitespace runs; phrase words alone are not marked', () => {
  const phrase = phraseTerms(analyzer, 'Bank of England');
  assert.equal(phrase, ['bank', null, 'england']);
  const text = 'The Bank of\n  England said a bank lends in England.';
  const h = highlightAll(text, analyzer, new Set(), { phrases: [phrase] });
  assert.equal(h.matches.map((m) => text.slice(m.start, m.end)), ['Bank of\n  England']);
  assert.is(h.text, 'The <mark>Bank of England</mark> said a bank lends in England.');
  // As in the index, a gap matches any dropped word: "bank in England" is the same phrase.
  assert.equal(highlightAll('a bank in England', analyzer, new Set(), { phrases: [phrase] }).matches, [{ start: 2, end: 17 }]);
});

test('overlapping and touching matches merge into one mark (CJK bigrams, compounds)', () => {
  const cjk = '北京大学生在北京';
  const h = highlightAll(cjk, analyzer, terms('北京大学'));
  assert.equal(h.matches, [
    { start: 0, end: 4 },
    { start: 6, end: 8 },
  ]);
  assert.is(h.text, '<mark>北京大学</mark>生在<mark>北京</mark>');
  const compound = 'A box-type transformer';
  const c = highlightAll(compound, analyzer, terms('box box-type'));
  assert.equal(c.matches.map((m) => compound.slice(m.start, m.end)), ['box-type']);
});

test('no match: the lead of the text, unmarked, with matched false', () => {
  const text = `  First sentence of the lead. Second sentence follows here. ${words(80)}.`;
  const h = highlight(text, analyzer, terms('zebra'), { passageLength: 60 });
  assert.is(h.matched, false);
  assert.is(h.passages.length, 1);
  const p = h.passages[0]!;
  assert.is(p.start, 2);
  assert.equal(p.matches, []);
  assert.is(text.slice(p.start, p.end), 'First sentence of the lead. Second sentence follows here.');
  assert.is(p.text, 'First sentence of the lead. Second sentence follows here.…');
  assert.equal(highlight('   ', analyzer, terms('zebra')), { passages: [], matched: false });
});

test('passages start at a sentence start when the matches fit after it', () => {
  // Reuters hard-wraps lines: a single line break is not a sentence boundary, a blank line is.
  const text =
    "Moody's Investors Service Inc said it\nlowered the debt ratings of USX Corp. " +
    `${words(30)}.\n\nThe U.S. steel maker said its debt was cut. ${words(30)}.`;
  const h = highlight(text, analyzer, terms('debt'), { passageLength: 100 });
  assert.equal(
    h.passages.map((p) => text.slice(p.start, p.start + 12)),
    ["Moody's Inve", 'The U.S. ste'],
  );
});

test('passage boundaries never split a word and stay within the target length', () => {
  const vocabulary = ['harbour', 'container', 'throughput', 'rose', 'percent', 'in', 'the', 'quarter', 'Qingdao', 'port'];
  let seed = 3;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let round = 0; round < 50; round++) {
    const parts: string[] = [];
    for (let i = 0; i < 200; i++) parts.push(vocabulary[Math.floor(next() * vocabulary.length)]! + (next() < 0.1 ? '.' : ''));
    const text = parts.join(next() < 0.5 ? ' ' : '  ');
    const passageLength = 40 + Math.floor(next() * 200);
    const h = highlight(text, analyzer, terms('qingdao port throughput'), { passageLength, maxPassages: 3 });
    for (const p of h.passages) {
      assert.ok(p.start === 0 || /\s/.test(text[p.start - 1]!), `starts mid-word: ${text.slice(p.start - 5, p.start + 5)}`);
      assert.ok(p.end === text.length || /\s/.test(text[p.end]!), `ends mid-word: ${text.slice(p.end - 5, p.end + 5)}`);
      assert.ok(p.end - p.start <= passageLength, `${p.end - p.start} > ${passageLength}`);
    }
  }
});

test('text without spaces is cut between code points, never inside a surrogate pair', () => {
  const text = '😀'.repeat(300) + 'port' + '😀'.repeat(300);
  const h = highlight(text, analyzer, terms('port'), { passageLength: 50 });
  const p = h.passages[0]!;
  assert.is(text.slice(p.matches[0]!.start, p.matches[0]!.end), 'port');
  assert.not.ok(/[\uD800-\uDBFF]$/.test(text.slice(0, p.start)));
  assert.not.ok(/^[\uDC00-\uDFFF]/.test(text.slice(p.end)));
  const lead = highlight(text, analyzer, terms('zebra'), { passageLength: 51 }).passages[0]!;
  assert.ok(lead.end % 2 === 0 && lead.end > 0);
});

// Intl.Segmenter's grapheme clusters are the oracle for cuts (in tests only: too slow for the library).
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Where a cut leaves every character whole: the starts of grapheme clusters, and the end. */
function clusterBoundaries(text: string): Set<number> {
  const out = new Set([...graphemes.segment(text)].map((g) => g.index));
  out.add(text.length);
  return out;
}

/** Long runs of `pieces` with no space but one findable word: every passage edge is a cluster boundary. */
function checkUnbrokenRuns(pieces: readonly string[], seed: number): void {
  const random = rng(seed);
  for (let round = 0; round < 300; round++) {
    let text = '';
    while (text.length < 400) text += pieces[Math.floor(random() * pieces.length)];
    const at = Math.floor(random() * text.length);
    // A findable word somewhere inside the run (not cutting a cluster: inserted at a cluster start).
    const starts = clusterBoundaries(text);
    let i = at;
    while (!starts.has(i)) i--;
    text = `${text.slice(0, i)} port ${text.slice(i)}`;
    const boundaries = clusterBoundaries(text);
    const passageLength = 20 + Math.floor(random() * 80);
    for (const query of ['port', 'zebra']) {
      for (const p of highlight(text, analyzer, terms(query), { passageLength, maxPassages: 2 }).passages) {
        assert.ok(boundaries.has(p.start), `round ${round}: start ${p.start} inside a character: ${JSON.stringify(text.slice(p.start - 3, p.start + 3))}`);
        assert.ok(boundaries.has(p.end), `round ${round}: end ${p.end} inside a character: ${JSON.stringify(text.slice(p.end - 3, p.end + 3))}`);
      }
    }
  }
}

test('text without spaces is cut between whole characters: marks, joiners, modifiers stay with their base', () => {
  checkUnbrokenRuns(
    [
      'นายกรัฐมนตรี', 'เศรษฐกิจไทย', 'ข่าว', // Thai vowel signs and tone marks
      '👨\u200d👩\u200d👧', '👍🏽', '❤️', '🏳️\u200d🌈', // emoji: ZWJ sequences, skin tone, variation selector
      '🇨🇳', '🇯🇵🇰🇷', // flags: pairs of regional indicators
      'Nguye\u0302\u0303n', 'cafe\u0301', // NFD Latin
      'か\u3099', 'ﾊﾞｽ', // decomposed and half-width voiced kana
      '\u1109\u1165\u110b\u116e\u11af', // NFD Hangul (서울)
      'क्षत्रिय', 'שָׁלוֹם', // Devanagari virama, pointed Hebrew
      'ក្រុង', 'မြန်မာ', 'ဗုဒ္ဓ', // Khmer coeng, Myanmar stacker
    ],
    11,
  );
});

test('text without spaces: Thai SARA AM, marks outside the BMP, tag flags, more viramas, old Hangul, prepended marks stay whole', () => {
  checkUnbrokenRuns(
    [
      'น้ำ', 'ทำ', 'ຄຳ', // Thai and Lao SARA AM: letters by category, spacing marks by the grapheme rules
      '𑄌𑄋𑄴𑄟𑄳𑄦', '𑀥𑀫𑁆𑀫', '𞤀𞥄𞤢', // Chakma, Brahmi, Adlam: combining marks outside the BMP
      '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', // England, Scotland
      'ꦗꦮ꧀ꦥ', 'ᬩᬮᬶ᭄ᬓ', // Javanese and Balinese viramas join consonants as the Indic ones do
      '\u1100\u1100\u1161', '\u1100각', // old Hangul: a leading jamo joins the next one or a syllable
      '\u0600١٢٣', // the Arabic number sign belongs to the digits after it
      'ab',
    ],
    12,
  );
});

test('a prepended mark holds on to the character after it, but not to whitespace or a control', () => {
  for (const sep of [' ', '\n', '\r\n', '\t']) {
    const text = `port \u0600${sep}`;
    const all = highlightAll(text, analyzer, terms('port'));
    assert.is(text.slice(all.start, all.end), 'port \u0600', JSON.stringify(sep));
  }
  const digits = 'port \u0600١٢٣ and more';
  const held = highlightAll(digits, analyzer, terms('port'));
  assert.is(digits.slice(held.start, held.end), digits);
});

/** A combining mark, joiner or variation selector: a character's tail, never the first of a passage. */
const STRANDED = /^[\p{M}\u200d]/u;

test('a passage never starts between a space and the combining mark on it', () => {
  // U+0301 after a space is a spacing accent, or NFD text with a mark at a word start: the space
  // is the mark's base, so a passage keeps it rather than trimming it and starting with the mark.
  const lead = ` \u0301Accented lead. ${words(40)}`;
  const l = highlight(lead, analyzer, terms('zebra'), { passageLength: 40 }).passages[0]!;
  assert.is(l.start, 0);
  assert.ok(l.text.startsWith(' \u0301Accented lead.'), JSON.stringify(l.text));
  // Whitespace before the carrying space is still trimmed.
  const indented = highlight(`\n\t \u0301Accented lead. ${words(40)}`, analyzer, terms('zebra'), { passageLength: 40 }).passages[0]!;
  assert.is(indented.start, 2);

  const cases = [
    `${words(30)}. \u0301Port news follows. ${words(30)}.`, // a sentence "starting" at the mark
    `${words(30)} \u0301more port ${words(30)}`, // a word boundary at the space
    `${words(30)}\u00a0\u0301more port ${words(30)}`, // no-break space
    `${words(30)}\r\n\u0301more port ${words(30)}`, // a line break: CR LF stays whole as well
  ];
  for (const text of cases) {
    const boundaries = clusterBoundaries(text);
    for (let passageLength = 20; passageLength <= 70; passageLength += 5) {
      for (const p of highlight(text, analyzer, terms('port'), { passageLength }).passages) {
        const at = JSON.stringify(text.slice(p.start - 3, p.start + 3));
        assert.ok(boundaries.has(p.start), `length ${passageLength}: start inside a character: ${at}`);
        assert.not.ok(STRANDED.test(text.slice(p.start)), `length ${passageLength}: starts with a mark: ${at}`);
        assert.not.ok(STRANDED.test(p.text.replace(/^…/, '')), p.text);
      }
    }
  }
});

test('a passage never ends between a space and the combining mark on it', () => {
  const cases = [
    `Port ${words(3)} \u0301 ${words(40)}`, // an accent standing alone between words
    `Port ${words(3)} \u0301more ${words(40)}`,
    `Port news. \u0301More ${words(40)}`, // a sentence "starting" at the mark
    `Port ${words(3)}\u3000\u0301\u0302 ${words(40)}`, // ideographic space, two marks
  ];
  for (const text of cases) {
    const boundaries = clusterBoundaries(text);
    const accent = text.indexOf('\u0301') - 1; // the space carrying it
    for (let passageLength = 10; passageLength <= 45; passageLength++) {
      for (const p of highlight(text, analyzer, terms('port'), { passageLength }).passages) {
        const at = JSON.stringify(text.slice(p.end - 3, p.end + 3));
        assert.ok(boundaries.has(p.end), `length ${passageLength}: end inside a character: ${at}`);
        // The space and its marks are in the passage together or not at all.
        assert.ok(p.end <= accent || p.end >= accent + 2, `length ${passageLength}: ${at}`);
        assert.ok(p.text.endsWith('…'), p.text);
        if (p.end > accent) assert.ok(p.text.includes(' \u0301'), p.text); // U+3000 too is rendered as a space
      }
    }
  }
});

test('options: passage length, count, mark tags and ellipsis', () => {
  const text = `Budget one. ${words(30)}. Budget two. ${words(30)}. Budget three. ${words(30)}.`;
  const h = highlight(text, analyzer, terms('budget'), {
    passageLength: 40,
    maxPassages: 3,
    markStart: '<em class="hit">',
    markEnd: '</em>',
    ellipsis: ' [...] ',
  });
  assert.is(h.passages.length, 3);
  for (const p of h.passages) {
    assert.ok(p.end - p.start <= 40);
    assert.ok(p.text.includes('<em class="hit">Budget</em>'), p.text);
    assert.not.ok(p.text.includes('<mark>'));
  }
  assert.ok(h.passages[0]!.text.endsWith(' [...] '));
  assert.not.ok(h.passages[0]!.text.startsWith(' [...] '));
  assert.ok(h.passages[1]!.text.startsWith(' [...] '));
  assert.equal(highlight(text, analyzer, terms('budget'), { maxPassages: 0 }), { passages: [], matched: true });
  const short = highlight('A budget.', analyzer, terms('budget'));
  assert.is(short.passages[0]!.text, 'A <mark>budget</mark>.');
});

test('invalid options are rejected with the option named', () => {
  for (const [options, option] of [
    [{ passageLength: 0 }, 'passageLength'],
    [{ passageLength: 1.5 }, 'passageLength'],
    [{ maxPassages: -1 }, 'maxPassages'],
  ] as const) {
    try {
      highlight('text', analyzer, terms('text'), options);
      assert.unreachable();
    } catch (e) {
      assert.instance(e, InvalidOptionError);
      assert.is((e as InvalidOptionError).option, option);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Property test

const ELLIPSIS = '<i>…</i>';

function unescapeHtml(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}

/** The checks every passage must pass, whatever the text. */
function checkPassage(text: string, p: Passage): void {
  assert.ok(0 <= p.start && p.start <= p.end && p.end <= text.length);
  let body = p.text;
  if (body.startsWith(ELLIPSIS)) body = body.slice(ELLIPSIS.length);
  if (body.endsWith(ELLIPSIS)) body = body.slice(0, -ELLIPSIS.length);
  const plain = body.replace(/<\/?mark>/g, '');
  assert.not.ok(plain.includes('<') || plain.includes('>'), p.text);
  // The HTML is exactly the passage's text, escaped, with whitespace runs collapsed.
  assert.is(unescapeHtml(plain), text.slice(p.start, p.end).replace(/[\s\uFEFF\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u00a0]+/g, ' '));
  let last = p.start;
  for (const m of p.matches) {
    assert.ok(last <= m.start && m.start < m.end && m.end <= p.end, JSON.stringify(m));
    last = m.end + 1; // merged: marks never touch
  }
  assert.is((body.match(/<mark>/g) ?? []).length, p.matches.length);
}

const piece = fc.oneof(
  fc.constantFrom('port', 'Ports', 'trade', 'fair', 'Qingdao', 'the', 'of', 'box-type', 'U.S.', '1,000', '北京大学', 'สวัสดี', '😀'),
  fc.constantFrom('<script>', '</mark>', '&amp;', '"', "'", '>', '&', '.', '. ', '\n\n', '  ', '\t', '\u00a0'),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const randomText = fc.array(piece, { maxLength: 80 }).map((ps) => ps.join(' '));

test('property: any text and terms → no throw, inert HTML, offsets inside the text', () => {
  fc.assert(
    fc.property(
      randomText,
      fc.array(fc.constantFrom('port', 'trade', 'fair', 'qingdao', '北京', '大学', 'boxtyp', 'us', '1000', 'zebra'), { maxLength: 4 }),
      fc.integer({ min: 1, max: 200 }),
      fc.integer({ min: 0, max: 3 }),
      fc.boolean(),
      (text, queryTerms, passageLength, maxPassages, withPhrase) => {
        const options = {
          passageLength,
          maxPassages,
          ellipsis: ELLIPSIS,
          phrases: withPhrase ? [['trade', 'fair'], ['port', null, 'qingdao']] : [],
        };
        const h = highlight(text, analyzer, new Set(queryTerms), options);
        assert.ok(h.passages.length <= maxPassages);
        let end = 0;
        for (const p of h.passages) {
          checkPassage(text, p);
          assert.ok(p.start >= end, 'passages overlap or are out of order');
          end = p.end;
        }
        if (!h.matched) assert.ok(h.passages.every((p) => p.matches.length === 0));
        checkPassage(text, highlightAll(text, analyzer, new Set(queryTerms), options));
      },
    ),
    { numRuns: 1500 },
  );
});

// Letters, whitespace and what attaches to the character before: combining marks, the Thai
// MAI HAN-AKAT, a virama, a joiner, a variation selector. Marks land after spaces as often as after
// letters, and after a line break or at the very start, which a passage must survive too.
const attached = fc.oneof(
  fc.integer({ min: 0x300, max: 0x36f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u0e31', '\u094d', '\u200d', '\ufe0f'),
);
const markedText = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom('port', 'Port', 'trade', 'a', 'e', 'ก', 'क', '😀', '.'), weight: 3 },
      { arbitrary: fc.constantFrom(' ', ' ', '  ', '. ', '\n', '\r\n', '\t', '\u00a0', '\u3000'), weight: 3 },
      { arbitrary: attached, weight: 3 },
    ),
    { maxLength: 60 },
  )
  .map((ps) => ps.join(''));

test('property: letters, spaces and marks → every cut at a grapheme boundary, no passage starts with a mark', () => {
  fc.assert(
    fc.property(
      markedText,
      fc.constantFrom('port', 'trade', 'zebra'),
      fc.integer({ min: 1, max: 60 }),
      fc.integer({ min: 1, max: 3 }),
      (text, query, passageLength, maxPassages) => {
        const boundaries = clusterBoundaries(text);
        const h = highlight(text, analyzer, terms(query), { passageLength, maxPassages, ellipsis: ELLIPSIS });
        for (const p of [...h.passages, highlightAll(text, analyzer, terms(query))]) {
          checkPassage(text, p);
          const at = (i: number): string => `${JSON.stringify(text.slice(Math.max(0, i - 3), i))}|${JSON.stringify(text.slice(i, i + 3))}`;
          // The cuts: before the leading ellipsis, before the trailing one (or the end of the text).
          assert.ok(boundaries.has(p.start), `start inside a character: ${at(p.start)}`);
          assert.ok(boundaries.has(p.end), `end inside a character: ${at(p.end)}`);
          if (p.start > 0) {
            assert.not.ok(STRANDED.test(text.slice(p.start)), `starts with a mark: ${at(p.start)}`);
            assert.not.ok(STRANDED.test(p.text.replace(ELLIPSIS, '')), `starts with a mark: ${JSON.stringify(p.text)}`);
          }
          // Whitespace stays at an edge only as the base of what follows it.
          if (p.end > p.start) {
            assert.ok(!/\s/.test(text[p.start]!) || /^(\r\n|\s)[\p{M}\u200d]/u.test(text.slice(p.start)), `leading blank: ${at(p.start)}`);
            assert.not.ok(/\s/.test(text[p.end - 1]!), `trailing blank: ${at(p.end)}`);
          }
          for (const m of p.matches) assert.ok(boundaries.has(m.start) && boundaries.has(m.end), `mark inside a character: ${at(m.start)}`);
        }
      },
    ),
    { numRuns: 2000 },
  );
});

test('real news: every Reuters and 20 Newsgroups passage passes the same checks', () => {
  for (const name of ['reuters21578.jsonl.gz', '20newsgroups.jsonl.gz']) {
    const file = sharedPath('corpora', name);
    if (file === undefined) {
      console.log(`  ../shared not found: ${name} highlighting skipped`);
      continue;
    }
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    let matched = 0;
    for (let i = 0; i < lines.length && i < 40_000; i += 40) {
      if (lines[i] === '') continue;
      const doc = JSON.parse(lines[i]!) as { title?: string; body?: string };
      // The title's first words are the query, as a reader searching for the story would type.
      const query = terms((doc.title ?? '').split(/\s+/).slice(0, 4).join(' '));
      const body = doc.body ?? '';
      const h = highlight(body, analyzer, query, { ellipsis: ELLIPSIS, maxPassages: 3 });
      if (h.matched) matched++;
      for (const p of h.passages) checkPassage(body, p);
      checkPassage(doc.title ?? '', highlightAll(doc.title ?? '', analyzer, query));
    }
    assert.ok(matched > 100, `${name}: only ${matched} documents matched their own title`);
  }
});

test.run();
