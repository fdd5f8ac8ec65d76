// Splits news text into raw tokens in one pass over char codes: words, numbers, dotted acronyms,
// hyphenated compounds, CJK bigrams and dictionary-segmented Thai/Lao/Khmer/Myanmar words.
// Keeps the original case and never lower-cases, folds, stems or drops stop words (later steps do);
// it only canonicalises what needs the separators in view: thousands commas, acronym dots, ’ → '.

import type { SpanSink, Token, TokenSink, Tokenizer } from './types.js';

/**
 * Longest term emitted, in UTF-16 units not counting combining marks and joiners (so a word in NFD
 * is as long as in NFC). A longer run (base64, a hash, 1 MB of one letter) is
 * dropped, not cut into chunks: its pieces are not words anyone searches for and would only bloat
 * the dictionary. The dropped token still takes its position, so a phrase cannot match across it.
 * The English analyzer holds normalised terms to it again (see {@link overTokenLength}).
 */
export const MAX_TOKEN_LENGTH = 64;

/**
 * Longest raw run a token may take, marks included: an NFD word carries a mark or two per letter,
 * but a letter followed by a million kept marks (Devanagari vowel signs) is not a word either.
 */
const MAX_RAW_TOKEN_LENGTH = 4 * MAX_TOKEN_LENGTH;

// A chain of more parts than this has a compound longer than MAX_TOKEN_LENGTH (each part is at least
// one unit), so nothing is lost by ending the chain there and starting a new one.
const MAX_CHAIN_PARTS = MAX_TOKEN_LENGTH;

// Character classes. A packed class also carries WIDE when the code point is a surrogate pair.
const SEP = 0;
const LETTER = 1; // \p{L} and \p{N} except ASCII digits and the scripts below
const DIGIT = 2; // 0-9, ASCII or full-width: number rules (decimal point, thousands commas) apply to these
const EXTEND = 3; // \p{M}, ZWJ, ZWNJ, soft hyphen: continue a word, never start one
const CJK = 4; // Han, Hiragana, Katakana, Hangul letters and numbers: bigrammed
const SEA = 5; // Thai, Lao, Khmer, Myanmar: written without spaces, dictionary-segmented
const APOS = 6;
const HYPHEN = 7;
const DOT = 8;
const COMMA = 9;
const UNKNOWN = 15;
const CLASS_MASK = 15;
const WIDE = 16;

// Part flags.
const NUMERIC = 1; // only ASCII digits, decimal points and dropped thousands commas
const REWRITE = 2; // the term differs from the source slice (’, dropped commas, acronym dots)
const ACRONYM = 4; // dotted acronym: every dot is dropped

// BMP classes are computed on first sight and cached: a regex test per distinct char, then a table
// read per char (64 KB, shared by all calls).
const bmpClass = new Uint8Array(0x10000).fill(UNKNOWN);
for (let c = 0; c < 128; c++) bmpClass[c] = SEP;
for (let c = 0x61; c <= 0x7a; c++) bmpClass[c] = LETTER;
for (let c = 0x41; c <= 0x5a; c++) bmpClass[c] = LETTER;
for (let c = 0x30; c <= 0x39; c++) bmpClass[c] = DIGIT;
bmpClass[0x27] = APOS;
bmpClass[0x2d] = HYPHEN;
bmpClass[0x2e] = DOT;
bmpClass[0x2c] = COMMA;
bmpClass.fill(SEP, 0xd800, 0xe000); // lone surrogates; pairs are decoded before the table is read
// Full-width digits and punctuation (Japanese and Chinese news: ３．５％, １，２５０, Ｕ．Ｓ．) follow the
// ASCII rules, so the normalised terms (NFKC: 3.5, 1250, us) are those of the ASCII text.
bmpClass.fill(DIGIT, 0xff10, 0xff1a);
bmpClass[0xff07] = APOS;
bmpClass[0xff0c] = COMMA;
bmpClass[0xff0d] = HYPHEN;
bmpClass[0xff0e] = DOT;
// Continue the character before, never start a word: half-width voiced kana marks (ﾊﾞ is バ) and
// decomposed Hangul vowels and finals (an NFD syllable is one unit, as its NFC form is).
bmpClass[0xff9e] = EXTEND;
bmpClass[0xff9f] = EXTEND;
bmpClass.fill(EXTEND, 0x1160, 0x1200);
bmpClass.fill(EXTEND, 0xd7b0, 0xd800);

// Astral code points (emoji, rare Han) are cached too, up to a bound so hostile input cannot grow it.
const astralClass = new Map<number, number>();
const ASTRAL_CACHE_LIMIT = 1 << 14;

const WORD_RE = /^[\p{L}\p{N}]$/u;
const MARK_RE = /^\p{M}$/u;
// Script_Extensions so that the prolonged sound mark ー (Common, used by Hira/Kana) stays in a run.
const CJK_RE = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]$/u;
const SEA_RE = /^[\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]$/u;

function classify(cp: number): number {
  if (cp === 0x2019) return APOS;
  if (cp === 0x2010 || cp === 0x2011) return HYPHEN;
  if (cp === 0x00ad || cp === 0x200c || cp === 0x200d) return EXTEND;
  const s = String.fromCodePoint(cp);
  if (WORD_RE.test(s)) return CJK_RE.test(s) ? CJK : SEA_RE.test(s) ? SEA : LETTER;
  return MARK_RE.test(s) ? EXTEND : SEP;
}

/** Packed class (class | WIDE for a surrogate pair) of the code point starting at `i` (< n). */
function classAt(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) {
    const k = bmpClass[c]!;
    if (k !== UNKNOWN) return k;
    const computed = classify(c);
    bmpClass[c] = computed;
    return computed;
  }
  if (i + 1 >= n) return SEP;
  const d = text.charCodeAt(i + 1);
  if ((d & 0xfc00) !== 0xdc00) return SEP;
  const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  let k = astralClass.get(cp);
  if (k === undefined) {
    k = classify(cp);
    if (astralClass.size < ASTRAL_CACHE_LIMIT) astralClass.set(cp, k);
  }
  return k | WIDE;
}

/** UTF-16 units of the code point at `i` (a letter: never a lone surrogate). */
function unitsAt(text: string, i: number): number {
  return (text.charCodeAt(i) & 0xfc00) === 0xd800 ? 2 : 1;
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * Where the full stop after the acronym letter at `i` (< n) is, or -1 when there is none. Marks after
 * the letter are skipped, so that NFD `É.U.` is read as NFC `É.U.` is; a full stop is `.`, `．` or,
 * ending an acronym, `…` (their NFKC forms: `Ｕ．Ｓ．` is `U.S.`, `U.S…` is `U.S...`).
 */
function acronymDot(text: string, i: number, n: number): number {
  const p = classAt(text, i, n);
  if ((p & CLASS_MASK) !== LETTER) return -1;
  let j = i + (p & WIDE ? 2 : 1);
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 0x2e || c === 0xff0e || c === 0x2026) return j;
    if (c < 128) return -1;
    const q = classAt(text, j, n);
    if ((q & CLASS_MASK) !== EXTEND) return -1;
    j += q & WIDE ? 2 : 1;
  }
  return -1;
}

/**
 * Whether a term made from a token is longer than a token may be, counted as the tokenizer counts
 * (marks and joiners left out; MAX_RAW_TOKEN_LENGTH units at most). The analyzer asks it of terms
 * that normalisation made longer than MAX_TOKEN_LENGTH units: NFKC expands ligatures and
 * compatibility letters (ﬃ is ffi, ﷺ 15 letters) after the tokenizer measured the raw token.
 */
export function overTokenLength(term: string): boolean {
  const n = term.length;
  if (n <= MAX_TOKEN_LENGTH) return false;
  if (n > MAX_RAW_TOKEN_LENGTH) return true;
  let counted = 0;
  for (let i = 0; i < n; ) {
    const p = classAt(term, i, n);
    const w = p & WIDE ? 2 : 1;
    if ((p & CLASS_MASK) !== EXTEND) counted += w;
    i += w;
  }
  return counted > MAX_TOKEN_LENGTH;
}

// Long enough that real runs (Thai news puts spaces between phrases) go to ICU in one piece.
const SEGMENT_WINDOW = 1024;
const SEGMENT_MARGIN = 64;

let segmenter: Intl.Segmenter | null | undefined;
function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    // ICU breaks Thai, Lao, Khmer and Burmese with its dictionaries whatever the locale says.
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('th', { granularity: 'word' }) : null;
  }
  return segmenter;
}

function ignore(): void {}

/**
 * The state of one `tokenize` call. Each tokenizer keeps one idle instance for reuse (allocating
 * one per call cost ~10% of throughput on Reuters); a sink that re-enters the tokenizer finds none
 * idle and gets its own, so it cannot corrupt the chain buffer of the outer call.
 */
class Scan {
  #text = '';
  #n = 0;
  #sink: SpanSink = ignore;
  #tokenSink: TokenSink = ignore;
  /** Adapts spans to `tokenize`'s sink; made once per Scan so a call allocates no closure. */
  readonly #toTokens: SpanSink = (raw, position, start, end) => {
    this.#tokenSink(raw ?? this.#text.slice(start, end), position, start, end);
  };
  #pos = 0;
  // [start, end, flags, uncounted] per part of the current hyphen chain: uncounted units are those the
  // term's length leaves out (dropped commas and acronym dots, combining marks).
  readonly #parts = new Int32Array(MAX_CHAIN_PARTS * 4);
  readonly #terms: (string | null)[] = [];

  run(text: string, sink: SpanSink): void {
    this.#text = text;
    this.#n = text.length;
    this.#sink = sink;
    this.#pos = 0;
    try {
      this.#scan();
    } finally {
      // Drop the references so a pooled instance does not keep a large text or a sink alive.
      this.#text = '';
      this.#sink = ignore;
      this.#tokenSink = ignore;
    }
  }

  runTokens(text: string, sink: TokenSink): void {
    this.#tokenSink = sink;
    this.run(text, this.#toTokens);
  }

  #scan(): void {
    const text = this.#text;
    const n = this.#n;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        const k = bmpClass[c]!;
        if (k !== LETTER && k !== DIGIT) {
          i++;
          continue;
        }
        // Fast path for the common case, a plain ASCII word ended by a plain separator: emit it
        // without the chain machinery (10.2 → 12.6 M tokens/s on Reuters). Anything that may join
        // or rewrite goes the full way.
        let j = i + 1;
        let kj = SEP;
        while (j < n) {
          const cj = text.charCodeAt(j);
          if (cj >= 128) {
            kj = UNKNOWN;
            break;
          }
          kj = bmpClass[cj]!;
          if (kj !== LETTER && kj !== DIGIT) break;
          j++;
        }
        if (
          j === n ||
          kj === SEP ||
          (kj === DOT && j - i > 1 && !isDigit(text.charCodeAt(j - 1))) ||
          (kj === COMMA && !isDigit(text.charCodeAt(j - 1)))
        ) {
          // A span, not a string: the consumer slices only if it needs one (most tokens are memo hits).
          if (j - i <= MAX_TOKEN_LENGTH) this.#sink(null, this.#pos, i, j);
          this.#pos++;
          i = j;
        } else {
          i = this.#chain(i);
        }
        continue;
      }
      const p = classAt(text, i, n);
      const k = p & CLASS_MASK;
      if (k === LETTER || k === DIGIT) i = this.#chain(i);
      else if (k === CJK) i = this.#cjk(i);
      else if (k === SEA) i = this.#sea(i, p & WIDE ? 2 : 1);
      else i += p & WIDE ? 2 : 1;
    }
  }

  /** Scans parts joined by single hyphens (`state-of-the-art`, `2024-03-17`), then emits them. */
  #chain(start: number): number {
    const text = this.#text;
    const n = this.#n;
    const parts = this.#parts;
    let count = 0;
    let j = start;
    for (;;) {
      j = this.#part(j, parts, count * 4);
      count++;
      if (count === MAX_CHAIN_PARTS || j + 1 >= n) break;
      const h = text.charCodeAt(j);
      if (h !== 0x2d && h !== 0x2010 && h !== 0x2011 && h !== 0xff0d) break;
      const next = classAt(text, j + 1, n) & CLASS_MASK;
      if (next !== LETTER && next !== DIGIT) break;
      j++;
    }
    this.#emitChain(parts, count);
    return j;
  }

  /** Scans one part starting at a LETTER or DIGIT; records it at parts[at..at+3]; returns its end. */
  #part(start: number, parts: Int32Array, at: number): number {
    const text = this.#text;
    const n = this.#n;
    const c0 = text.charCodeAt(start);

    // Dotted acronym: two or more single letters, each followed by a full stop (past its marks). A
    // word of two letters before a full stop ("no.") is not one, nor a lone initial ("W."). Nearly
    // every word leaves at its second unit, a letter (one table read: a call to classAt there cost
    // Russian text 25% of its speed); a mark, a low surrogate or a char not yet seen goes on.
    const c1 = text.charCodeAt(start + 1);
    if (c1 === 0x2e || (c1 >= 128 && bmpClass[c1] !== LETTER)) {
      const first = acronymDot(text, start, n);
      let dot = first >= 0 && first + 1 < n && text.charCodeAt(first) !== 0x2026 ? acronymDot(text, first + 1, n) : -1;
      if (dot >= 0) {
        // The letters' units are the acronym's length; its full stops and marks are not counted.
        let units = unitsAt(text, start) + unitsAt(text, first + 1);
        while (dot + 1 < n && text.charCodeAt(dot) !== 0x2026) {
          const next = acronymDot(text, dot + 1, n);
          if (next < 0) break;
          units += unitsAt(text, dot + 1);
          dot = next;
        }
        // An ellipsis ends the acronym outside its span: NFKC makes it three full stops, of which the
        // acronym takes one and the other two separate (so no hyphen may continue it, as in U.S...-led).
        const end = text.charCodeAt(dot) === 0x2026 ? dot : dot + 1;
        parts[at] = start;
        parts[at + 1] = end;
        parts[at + 2] = ACRONYM | REWRITE;
        parts[at + 3] = end - start - units;
        return end;
      }
    }

    let flags = isDigit(c0) ? NUMERIC : 0;
    let removed = 0;
    let hasDot = false;
    let j = start + ((c0 & 0xfc00) === 0xd800 ? 2 : 1);
    while (j < n) {
      const c = text.charCodeAt(j);
      let k: number;
      let w = 1;
      if (c < 128) {
        k = bmpClass[c]!;
      } else {
        const p = classAt(text, j, n);
        k = p & CLASS_MASK;
        if (p & WIDE) w = 2;
      }
      if (k === DIGIT) {
        j++;
      } else if (k === LETTER) {
        flags &= ~NUMERIC;
        j += w;
      } else if (k === EXTEND) {
        // Marks and joiners do not count towards MAX_TOKEN_LENGTH: an NFD word is as long as its NFC form.
        flags &= ~NUMERIC;
        removed += w;
        j += w;
      } else if (k === APOS) {
        // Internal apostrophe (don't, O'Neill, 1990's): only when a letter follows.
        if (j + 1 >= n || (classAt(text, j + 1, n) & CLASS_MASK) !== LETTER) break;
        flags &= ~NUMERIC;
        if (c === 0x2019) flags |= REWRITE;
        j++;
      } else if (k === DOT) {
        // Decimal point between ASCII digits (3.5, A380.5, 192.168.0.1); a full stop is not.
        if (j + 1 >= n || !isDigit(text.charCodeAt(j - 1)) || !isDigit(text.charCodeAt(j + 1))) break;
        hasDot = true;
        j++;
      } else if (k === COMMA) {
        // Thousands separator: a comma in a plain integer followed by exactly three digits.
        if (
          !(flags & NUMERIC) ||
          hasDot ||
          j + 3 >= n ||
          !isDigit(text.charCodeAt(j + 1)) ||
          !isDigit(text.charCodeAt(j + 2)) ||
          !isDigit(text.charCodeAt(j + 3)) ||
          (j + 4 < n && isDigit(text.charCodeAt(j + 4)))
        ) {
          break;
        }
        flags |= REWRITE;
        removed++;
        j++;
      } else {
        break;
      }
    }
    parts[at] = start;
    parts[at + 1] = j;
    parts[at + 2] = flags;
    parts[at + 3] = removed;
    return j;
  }

  /** The term of the part at parts[at..], or null when it is longer than MAX_TOKEN_LENGTH. */
  #partTerm(parts: Int32Array, at: number): string | null {
    const s = parts[at]!;
    const e = parts[at + 1]!;
    const flags = parts[at + 2]!;
    if (e - s - parts[at + 3]! > MAX_TOKEN_LENGTH || e - s > MAX_RAW_TOKEN_LENGTH) return null;
    const text = this.#text;
    if (!(flags & REWRITE)) return text.slice(s, e);
    // Rare path: copy the runs between the units that are dropped or replaced.
    const dropDots = (flags & ACRONYM) !== 0;
    let out = '';
    let from = s;
    for (let j = s; j < e; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x2c || c === 0xff0c || ((c === 0x2e || c === 0xff0e) && dropDots)) {
        out += text.slice(from, j);
        from = j + 1;
      } else if (c === 0x2019) {
        out += text.slice(from, j) + "'";
        from = j + 1;
      }
    }
    return out + text.slice(from, e);
  }

  #emitChain(parts: Int32Array, count: number): void {
    const sink = this.#sink;
    const pos = this.#pos;
    if (count === 1) {
      if (!(parts[2]! & REWRITE)) {
        const raw = parts[1]! - parts[0]!;
        if (raw - parts[3]! <= MAX_TOKEN_LENGTH && raw <= MAX_RAW_TOKEN_LENGTH) sink(null, pos, parts[0]!, parts[1]!);
      } else {
        const term = this.#partTerm(parts, 0);
        if (term !== null) sink(term, pos, parts[0]!, parts[1]!);
      }
      this.#pos = pos + 1;
      return;
    }

    const terms = this.#terms;
    terms.length = 0;
    let numeric = true;
    let length = 0;
    let rawLength = 0;
    for (let q = 0; q < count; q++) {
      const at = q * 4;
      const term = this.#partTerm(parts, at);
      terms.push(term);
      length += term === null ? MAX_TOKEN_LENGTH + 1 : parts[at + 1]! - parts[at]! - parts[at + 3]!;
      rawLength += parts[at + 1]! - parts[at]!;
      if (!(parts[at + 2]! & NUMERIC)) numeric = false;
    }
    const start = parts[0]!;
    const end = parts[(count - 1) * 4 + 1]!;

    if (numeric) {
      // Digit groups joined by hyphens are one token (dates, phone numbers, ranges): 2024-03-17.
      length += count - 1;
      if (length <= MAX_TOKEN_LENGTH && rawLength <= MAX_RAW_TOKEN_LENGTH) sink(terms.join('-'), pos, start, end);
      this.#pos = pos + 1;
      return;
    }

    // A compound: every part at its own position, plus the parts joined (no hyphen) at the first
    // part's position, so `box-type`, `box type` and `boxtype` all find it.
    const first = terms[0];
    if (first != null) sink(first, pos, start, parts[1]!);
    if (length <= MAX_TOKEN_LENGTH && rawLength <= MAX_RAW_TOKEN_LENGTH) sink(terms.join(''), pos, start, end);
    for (let q = 1; q < count; q++) {
      const term = terms[q];
      if (term != null) sink(term, pos + q, parts[q * 4]!, parts[q * 4 + 1]!);
    }
    this.#pos = pos + count;
  }

  /** Emits [s, e) as one token at the next position (the position is used even if it is dropped). */
  #emitSpan(s: number, e: number): void {
    if (e - s <= MAX_TOKEN_LENGTH) this.#sink(null, this.#pos, s, e);
    this.#pos++;
  }

  /**
   * A CJK run becomes overlapping bigrams, one position each (a lone char is a unigram). A unit is
   * one code point plus any marks after it.
   * Why bigrams, not Intl.Segmenter: on 4.2 KB of mixed zh/ja/ko/en news text, bigrams ran at
   * 41-47 M chars/s, Intl.Segmenter('zh') at 1.2-1.5 M chars/s (30x slower; it yields 1,599 words
   * to our 2,535 bigrams). Bigrams also need no language guess (zh and ja dictionaries differ),
   * cut a two-char query exactly as the same chars in a document (a dictionary may not), and keep
   * unknown names findable. The price is a larger index for CJK text.
   */
  #cjk(start: number): number {
    const text = this.#text;
    const n = this.#n;
    let prevStart = -1;
    let curStart = start;
    let j = start + ((text.charCodeAt(start) & 0xfc00) === 0xd800 ? 2 : 1);
    for (;;) {
      let p = 0;
      while (j < n && text.charCodeAt(j) >= 128 && ((p = classAt(text, j, n)) & CLASS_MASK) === EXTEND) {
        j += p & WIDE ? 2 : 1;
      }
      if (prevStart >= 0) this.#emitSpan(prevStart, j);
      if (j >= n || text.charCodeAt(j) < 128) break;
      p = classAt(text, j, n);
      if ((p & CLASS_MASK) !== CJK) break;
      prevStart = curStart;
      curStart = j;
      j += p & WIDE ? 2 : 1;
    }
    if (prevStart < 0) this.#emitSpan(curStart, j);
    return j;
  }

  /** A Thai/Lao/Khmer/Myanmar run is split into words by ICU's dictionary segmenter. */
  #sea(start: number, width: number): number {
    const text = this.#text;
    const n = this.#n;
    let j = start + width;
    while (j < n && text.charCodeAt(j) >= 128) {
      const p = classAt(text, j, n);
      const k = p & CLASS_MASK;
      if (k !== SEA && k !== EXTEND) break;
      j += p & WIDE ? 2 : 1;
    }
    const seg = wordSegmenter();
    if (seg === null) {
      this.#emitSpan(start, j);
      return j;
    }
    // ICU's segmenter is quadratic on long unbroken runs (a 30k-char Thai run took 60 ms, 2M chars
    // took minutes), so it sees windows of SEGMENT_WINDOW units. A cut skews the words before it
    // (dictionary breaking), so words ending in the last SEGMENT_MARGIN units are left to the next
    // window, which starts at the first of them.
    let from = start;
    while (from < j) {
      let to = Math.min(j, from + SEGMENT_WINDOW);
      if (to < j && (text.charCodeAt(to) & 0xfc00) === 0xdc00) to--; // do not split a surrogate pair
      const safeEnd = to === j ? j : to - SEGMENT_MARGIN;
      let next = to;
      for (const s of seg.segment(text.slice(from, to))) {
        const s0 = from + s.index;
        const s1 = s0 + s.segment.length;
        if (s1 > safeEnd && s0 > from) {
          next = s0;
          break;
        }
        if (s.isWordLike === true) this.#emitSpan(s0, s1);
      }
      from = next;
    }
    return j;
  }
}

/**
 * The news tokenizer. Emits, in order of start offset, every token of `text` with its raw term
 * (original case), a position counted from 0 per call, and UTF-16 offsets such that
 * `text.slice(start, end)` is the token's source. Rules, by example:
 * - `don't`, `O’Neill` → one token each; `’` is emitted as `'`. Outer quotes are not part of a token.
 * - `box-type` → `box`@p, `boxtype`@p, `type`@p+1 (hyphen, U+2010, U+2011; en/em dashes separate).
 *   Mixed words follow the same rule: `COVID-19` → `COVID`, `COVID19`, `19`; `A380`, `5G`, `1990s`
 *   are single tokens because letters and digits in one run stay together.
 * - `1,250.5` → `1250.5`; `3.5` → `3.5`; `10%` → `10`; a full stop after a number is not kept.
 * - Digit groups joined by hyphens are one token: `2024-03-17`, `555-1234`, `1987-88`.
 * - `U.S.`, `e.g.` → `US`, `eg` (span includes the last dot); `U.S.-led` → `US`, `USled`, `led`.
 *   Letters may carry marks (NFD `É.U.`) and be full-width, as may the dots (`Ｕ．Ｓ．` → `ＵＳ`); an
 *   ellipsis ends an acronym outside its span (`U.S…` → `US` over `U.S`), as `U.S...` does.
 * - CJK runs → overlapping bigrams; Thai, Lao, Khmer, Myanmar → ICU dictionary words.
 * - Tokens longer than MAX_TOKEN_LENGTH are dropped but keep their position.
 */
export class NewsTokenizer implements Tokenizer {
  #idle: Scan | null = null;

  tokenize(text: string, sink: TokenSink): void {
    const scan = this.#idle ?? new Scan();
    this.#idle = null;
    scan.runTokens(text, sink);
    this.#idle = scan;
  }

  /** The tokens of {@link tokenize} as spans: `raw` is null when the token is the source slice. */
  tokenizeSpans(text: string, sink: SpanSink): void {
    const scan = this.#idle ?? new Scan();
    this.#idle = null;
    scan.run(text, sink);
    this.#idle = scan;
  }
}

/** The shared default instance (stateless between calls). */
export const newsTokenizer: NewsTokenizer = new NewsTokenizer();

/** Tokenizes into an array of tokens; for tests and tools (indexing uses the sink directly). */
export function tokenize(text: string, tokenizer: Tokenizer = newsTokenizer): Token[] {
  const out: Token[] = [];
  tokenizer.tokenize(text, (term, position, start, end) => {
    out.push({ term, position, start, end });
  });
  return out;
}
