// Query-term highlighting: finds matches by running the analyzer over a document's text, picks the
// best passages, and renders them as HTML-escaped text with <mark> around matches.
// Knows nothing of indexes or scoring; it never trusts document text (everything is escaped).

import type { Analyzer } from '../analysis/types.js';
import { InvalidOptionError } from '../errors.js';

/**
 * A phrase as a sequence of analysed terms, one per position; `null` stands for a position whose
 * token the analyzer dropped (a stop word), so "bank of england" is `['bank', null, 'england']`.
 * {@link phraseTerms} builds one from query text.
 */
export type PhraseTerms = readonly (string | null)[];

/** Options of {@link highlight} and {@link highlightAll}. */
export interface HighlightOptions {
  /** Target length of a passage in UTF-16 units (default 160); boundaries move to whole words. */
  passageLength?: number;
  /** Most passages returned (default 2). */
  maxPassages?: number;
  /** Inserted before a match, as HTML (default `<mark>`). */
  markStart?: string;
  /** Inserted after a match, as HTML (default `</mark>`). */
  markEnd?: string;
  /** Inserted where a passage starts or ends inside the text, as HTML (default `…`). */
  ellipsis?: string;
  /** Phrases whose occurrences are marked as one span and count extra when ranking passages. */
  phrases?: readonly PhraseTerms[];
}

/** A highlighted span, as UTF-16 offsets into the original text (`end` exclusive). */
export interface MatchSpan {
  start: number;
  end: number;
}

/** One passage: HTML, where it is in the original text, and the marked spans in it. */
export interface Passage {
  /** Escaped HTML with marks (and ellipses when the passage is inside the text). */
  text: string;
  /**
   * Offsets of the passage in the original text; whitespace at its edges is not included, except
   * a space that carries a combining mark (the mark's base: dropping it would strand the mark).
   */
  start: number;
  end: number;
  /** The marked spans, in order; overlapping and touching matches are merged into one span. */
  matches: MatchSpan[];
}

/** The result of {@link highlight}. */
export interface Highlight {
  /** The best passages in document order; the lead of the text when nothing matched. */
  passages: Passage[];
  /** False when no query term or phrase occurs in the text (the passage is then the lead). */
  matched: boolean;
}

const DEFAULT_PASSAGE_LENGTH = 160;
const DEFAULT_MAX_PASSAGES = 2;

interface Resolved {
  passageLength: number;
  maxPassages: number;
  markStart: string;
  markEnd: string;
  ellipsis: string;
  phrases: readonly PhraseTerms[];
}

/** Throws InvalidOptionError for options a highlight would refuse, before any text is read. */
export function checkHighlightOptions(options: HighlightOptions): void {
  resolveOptions(options);
}

function resolveOptions(options: HighlightOptions | undefined): Resolved {
  const o = options ?? {};
  for (const key of ['markStart', 'markEnd', 'ellipsis'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'string') throw new InvalidOptionError(`${key} must be a string`, key);
  }
  const passageLength = o.passageLength === undefined ? DEFAULT_PASSAGE_LENGTH : o.passageLength;
  if (!Number.isInteger(passageLength) || passageLength < 1) {
    throw new InvalidOptionError(`passageLength must be an integer ≥ 1, got ${String(passageLength)}`, 'passageLength');
  }
  const maxPassages = o.maxPassages === undefined ? DEFAULT_MAX_PASSAGES : o.maxPassages;
  if (!Number.isInteger(maxPassages) || maxPassages < 0) {
    throw new InvalidOptionError(`maxPassages must be an integer ≥ 0, got ${String(maxPassages)}`, 'maxPassages');
  }
  return {
    passageLength,
    maxPassages,
    markStart: o.markStart ?? '<mark>',
    markEnd: o.markEnd ?? '</mark>',
    ellipsis: o.ellipsis ?? '…',
    phrases: o.phrases ?? [],
  };
}

/**
 * The analysed terms of a phrase's text, one per position, `null` where the analyzer dropped a
 * token (a stop word). Where several tokens share a position (a compound and its first part) the
 * first one emitted is kept: the document's analysis emits the same ones, so either matches.
 */
export function phraseTerms(analyzer: Analyzer, text: string): (string | null)[] {
  const byPosition = new Map<number, string>();
  let first = Number.POSITIVE_INFINITY;
  let last = -1;
  analyzer.analyze(text, (term, position) => {
    if (!byPosition.has(position)) byPosition.set(position, term);
    if (position < first) first = position;
    if (position > last) last = position;
  });
  const out: (string | null)[] = [];
  for (let p = first; p <= last; p++) out.push(byPosition.get(p) ?? null);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Matches

/** A merged, marked span with the query terms and phrases it contains (ids) and its match count. */
interface Mark {
  start: number;
  end: number;
  ids: number[];
  hits: number;
}

/** How many ids (distinct query terms + phrases) the marks of one text use. */
interface Marks {
  marks: Mark[];
  idCount: number;
}

function addId(ids: number[], id: number): void {
  if (!ids.includes(id)) ids.push(id);
}

/** Finds the matches of `queryTerms` and `phrases` in `text` and merges overlapping or touching ones. */
function findMarks(text: string, analyzer: Analyzer, queryTerms: ReadonlySet<string>, phrases: readonly PhraseTerms[]): Marks {
  const termIds = new Map<string, number>();
  for (const t of queryTerms) termIds.set(t, termIds.size);
  const phraseWords = new Set<string>();
  for (const p of phrases) for (const w of p) if (w !== null) phraseWords.add(w);

  // Only tokens that can take part in a match are kept, as parallel arrays.
  const terms: string[] = [];
  const positions: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  analyzer.analyze(text, (term, position, start, end) => {
    if (end <= start) return;
    if (termIds.has(term) || phraseWords.has(term)) {
      terms.push(term);
      positions.push(position);
      starts.push(start);
      ends.push(end);
    }
  });

  const units: Mark[] = [];
  for (let h = 0; h < terms.length; h++) {
    const id = termIds.get(terms[h]!);
    if (id !== undefined) units.push({ start: starts[h]!, end: ends[h]!, ids: [id], hits: 1 });
  }
  if (phrases.length > 0 && terms.length > 0) findPhrases(phrases, termIds, terms, positions, starts, ends, units);

  units.sort((a, b) => a.start - b.start || a.end - b.end);
  const marks: Mark[] = [];
  for (const u of units) {
    const last = marks[marks.length - 1];
    // Touching counts as overlapping: CJK bigrams 北京|京大 or 北京|大学 read as one marked word.
    if (last !== undefined && u.start <= last.end) {
      if (u.end > last.end) last.end = u.end;
      for (const id of u.ids) addId(last.ids, id);
      last.hits += u.hits;
    } else {
      marks.push({ start: u.start, end: u.end, ids: u.ids.slice(), hits: u.hits });
    }
  }
  return { marks, idCount: termIds.size + phrases.length };
}

/** Adds one unit per phrase occurrence: its whole span, with the phrase's id and its query terms' ids. */
function findPhrases(
  phrases: readonly PhraseTerms[],
  termIds: ReadonlyMap<string, number>,
  terms: readonly string[],
  positions: readonly number[],
  starts: readonly number[],
  ends: readonly number[],
  units: Mark[],
): void {
  // Several tokens may share a position (a compound and its parts), so a position maps to a list.
  const atPosition = new Map<number, number[]>();
  for (let h = 0; h < terms.length; h++) {
    const list = atPosition.get(positions[h]!);
    if (list === undefined) atPosition.set(positions[h]!, [h]);
    else list.push(h);
  }
  const phraseIdBase = termIds.size;
  for (let p = 0; p < phrases.length; p++) {
    const phrase = phrases[p]!;
    // Leading and trailing gaps constrain nothing.
    let from = 0;
    let to = phrase.length;
    while (from < to && phrase[from] === null) from++;
    while (to > from && phrase[to - 1] === null) to--;
    if (from === to) continue;
    const head = phrase[from]!;
    for (let h = 0; h < terms.length; h++) {
      if (terms[h] !== head) continue;
      const base = positions[h]!;
      let start = starts[h]!;
      let end = ends[h]!;
      const ids: number[] = [phraseIdBase + p];
      const headId = termIds.get(head);
      if (headId !== undefined) ids.push(headId);
      let ok = true;
      for (let i = from + 1; i < to && ok; i++) {
        const want = phrase[i];
        if (want === null || want === undefined) continue;
        const list = atPosition.get(base + i - from);
        ok = false;
        if (list === undefined) break;
        for (const other of list) {
          if (terms[other] !== want) continue;
          ok = true;
          if (starts[other]! < start) start = starts[other]!;
          if (ends[other]! > end) end = ends[other]!;
          const id = termIds.get(want);
          if (id !== undefined) addId(ids, id);
          break;
        }
      }
      if (ok) units.push({ start, end, ids, hits: 1 });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Character classes (plain char-code tests: these run for every character of every passage)

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Han, kana and CJK punctuation (BMP), or a Han extension plane character: written without spaces. */
function isIdeographicAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0x2e80 && c <= 0x9fff) return c < 0x3130 || c > 0x318f; // minus Hangul compatibility jamo
  if (c >= 0xf900 && c <= 0xfaff) return true;
  // Planes 2 and 3 (Han extensions B and later): high surrogates D840–D8BF.
  if (c >= 0xd840 && c <= 0xd8bf) return true;
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
    const h = text.charCodeAt(i - 1);
    return h >= 0xd840 && h <= 0xd8bf;
  }
  return false;
}

/**
 * Splitting at `i` would break a character apart: the halves of a surrogate pair, a letter and the
 * combining marks after it (Thai tone marks, NFD accents, a decomposed voiced kana), a joiner from
 * what it joins (emoji ZWJ sequences), a variation selector or skin tone from its base. Any
 * character is a base, whitespace included: a mark after a space belongs to that space.
 * It errs towards keeping things together (a virama and the letter after it whatever that is, a
 * mark after a line break); the cuts it allows are grapheme boundaries of Unicode's rules (UAX #29)
 * but for rarities (prepended marks outside the BMP, other marks between a virama and its consonant).
 */
function splitsCluster(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  const h = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && h >= 0xd800 && h <= 0xdbff) return true;
  if (c === 0x200d || c === 0x200c) return true;
  // A joiner binds only a pictograph after it (GB11); nothing below © is one, nor is whitespace, and
  // letting a joiner hold on to the space after it would keep that space at a passage's edge.
  if (h === 0x200d) return c >= 0xa9 && !isSpace(c);
  // Prepended marks (the Arabic number sign ؀, the Malayalam dot reph) belong to what follows (GB9b),
  // but for a control (GB5) or whitespace: held on to, a space would stay at a passage's edge.
  if (h >= 0x600 && h <= 0xd4e && (h <= 0x605 || h === 0x6dd || h === 0x70f || h === 0x890 || h === 0x891 || h === 0x8e2 || h === 0xd4e)) return c >= 0x20 && !isSpace(c);
  if (c === 10 && h === 13) return true; // CR LF: a mark after it would otherwise keep only the LF
  if (c < 0x300) return false;
  // A leading Hangul jamo joins a following leading jamo or syllable (old Hangul, GB6).
  if (((h >= 0x1100 && h <= 0x115f) || (h >= 0xa960 && h <= 0xa97c)) && ((c >= 0x1100 && c <= 0x115f) || (c >= 0xa960 && c <= 0xa97c) || (c >= 0xac00 && c <= 0xd7a3))) {
    return true;
  }
  // A virama joins the consonants either side into one conjunct (Unicode's GB9c: क्ष), as do the
  // Khmer coeng, the Myanmar stacker and the Tai Tham, Balinese, Sundanese, Javanese and Meetei
  // Mayek viramas, and outside the BMP Chakma's and a few historic scripts' (GB9c's linkers today).
  // Whitespace after one is no consonant (U+3000 and other wide spaces get past `c < 0x300`).
  if (h === 0x094d || h === 0x09cd || h === 0x0acd || h === 0x0b4d || h === 0x0c4d || h === 0x0d4d || h === 0x17d2 || h === 0x1039) return !isSpace(c);
  if (h === 0x1a60 || h === 0x1b44 || h === 0x1bab || h === 0xa9c0 || h === 0xaaf6) return !isSpace(c);
  if (h >= 0xdc00 && h <= 0xdfff && i >= 2 && ASTRAL_LINKERS.has(text.codePointAt(i - 2)!)) return !isSpace(c);
  // Skin tones U+1F3FB–1F3FF and variation selectors supplement U+E0100–E01EF, as surrogate pairs.
  if (c === 0xd83c) {
    const lo = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (lo >= 0xdffb && lo <= 0xdfff) return true;
    // A flag is a pair of regional indicators: a cut before an even-numbered one of a run splits it.
    if (isRegionalIndicator(text, i)) {
      let before = 0;
      for (let j = i - 2; j >= 0 && before < 64 && isRegionalIndicator(text, j); j -= 2) before++;
      return before % 2 === 1;
    }
    return false;
  }
  // Plane 14: tags U+E0020–E007F (the tail of a subdivision flag, 🏴 England) and the variation
  // selectors supplement U+E0100–E01EF.
  if (c === 0xdb40) {
    const lo = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    return (lo >= 0xdc20 && lo <= 0xdc7f) || (lo >= 0xdd00 && lo <= 0xddef);
  }
  // Half-width katakana voiced marks (ﾞ ﾟ), decomposed Hangul vowels and finals, and Thai and Lao
  // SARA AM (the ำ of น้ำ) are letters by category but belong to the character before.
  if (c === 0xff9e || c === 0xff9f || (c >= 0x1160 && c <= 0x11ff) || (c >= 0xd7b0 && c <= 0xd7ff) || c === 0x0e33 || c === 0x0eb3) return true;
  // Sticky and /u, so a mark outside the BMP (Brahmi, Chakma, Adlam) is tested as one code point.
  COMBINING.lastIndex = i;
  return COMBINING.test(text);
}

const COMBINING = /\p{M}/uy;

// Kharoshthi, Chakma, Tulu-Tigalari, Dives Akuru, Zanabazar Square, Soyombo, Kawi.
const ASTRAL_LINKERS = new Set([0x10a3f, 0x11133, 0x113d0, 0x1193e, 0x11a47, 0x11a99, 0x11f42]);

/** A regional indicator (U+1F1E6–1F1FF, half of a flag) starts at `i`. */
function isRegionalIndicator(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 0xd83c) return false;
  const lo = text.charCodeAt(i + 1);
  return lo >= 0xdde6 && lo <= 0xddff;
}

/**
 * A cut at `i` keeps words whole: it is at an end of the text, next to whitespace, or next to an
 * ideographic character (Chinese and Japanese have no spaces; each character stands alone).
 */
function isBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  if (splitsCluster(text, i)) return false;
  return isSpace(text.charCodeAt(i - 1)) || isSpace(text.charCodeAt(i)) || isIdeographicAt(text, i - 1) || isIdeographicAt(text, i);
}

function isTerminal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026; // . ! ? …
}

function isFullWidthTerminal(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff0e; // 。！？．
}

function isClosing(c: number): boolean {
  // " ' ) ] ” ’ » — a sentence may end inside quotes or brackets.
  return c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x201d || c === 0x2019 || c === 0xbb;
}

/**
 * A sentence starts at `i`: the text's first character, or a non-space after a blank line, after
 * . ! ? … (and closing quotes) followed by whitespace, or right after a full-width stop.
 */
function isSentenceStart(text: string, i: number): boolean {
  // A mark after ". " sits on the space: the sentence does not start inside that character.
  if (i >= text.length || isSpace(text.charCodeAt(i)) || splitsCluster(text, i)) return false;
  if (i === 0) return true;
  let j = i - 1;
  const prev = text.charCodeAt(j);
  if (isFullWidthTerminal(prev)) return true;
  if (!isSpace(prev)) return false;
  // A blank line ends a paragraph; a single line break may be a hard wrap (Reuters) and does not.
  let breaks = 0;
  while (j >= 0 && isSpace(text.charCodeAt(j))) {
    const c = text.charCodeAt(j);
    if (c === 0x2029 || (c === 10 && ++breaks === 2) || (c === 13 && text.charCodeAt(j + 1) !== 10 && ++breaks === 2)) return true;
    j--;
  }
  if (j < 0) return true;
  while (j > 0 && isClosing(text.charCodeAt(j))) j--;
  const c = text.charCodeAt(j);
  if (!isTerminal(c)) return false;
  // "U.S. trade", "e.g. ports": a period after a one-letter word ends an abbreviation, not a sentence.
  return !(c === 0x2e && j > 0 && isAsciiLetter(text.charCodeAt(j - 1)) && (j === 1 || text.charCodeAt(j - 2) === 0x2e || isSpace(text.charCodeAt(j - 2))));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

// Both skip whole characters made only of whitespace (CR LF is one): a space carrying a combining
// mark is the mark's base, and skipping it alone would leave the passage starting with a stranded
// mark. From a cluster boundary they stop at one.

function skipSpaceForward(text: string, i: number, limit: number): number {
  while (i < limit && isSpace(text.charCodeAt(i))) {
    let j = i + 1;
    for (; j < limit && splitsCluster(text, j); j++) if (!isSpace(text.charCodeAt(j))) return i;
    i = j;
  }
  return i;
}

function skipSpaceBackward(text: string, i: number, limit: number): number {
  while (i > limit && isSpace(text.charCodeAt(i - 1))) {
    let j = i - 1;
    for (; j > limit && splitsCluster(text, j); j--) if (!isSpace(text.charCodeAt(j - 1))) return i;
    i = j;
  }
  return i;
}

function clusterStart(text: string, i: number): number {
  while (splitsCluster(text, i)) i--;
  return i;
}

function clusterEnd(text: string, i: number): number {
  while (splitsCluster(text, i)) i++;
  return i;
}

// ---------------------------------------------------------------------------------------------
// Windows

/**
 * Chooses the start of a window that must contain [gs, ge) and should be `length` long: the start
 * of the sentence holding gs when the group still fits after it, otherwise a word boundary that
 * centres the group.
 */
function windowStart(text: string, gs: number, ge: number, length: number): number {
  const n = text.length;
  const floor = ge - length > 0 ? ge - length : 0;
  for (let i = gs; i >= floor; i--) if (isSentenceStart(text, i)) return i;
  let ws = gs - Math.floor((length - (ge - gs)) / 2);
  if (ws + length > n) ws = n - length; // near the end: use the room before the group instead
  if (ws <= 0) return 0;
  // Forward to the next word start, not past the group.
  for (let i = ws; i <= gs; i++) if (isBoundary(text, i)) return i;
  // The group's first word starts before ws (a long URL or compound): back to its start if near.
  const slack = Math.max(16, length >> 2);
  for (let i = ws - 1; i >= 0 && i >= ws - slack; i--) if (isBoundary(text, i)) return i;
  return gs;
}

/** Chooses the end of a window starting at `ws` that must reach `ge`: a sentence end, else a word boundary. */
function windowEnd(text: string, ws: number, ge: number, length: number): number {
  const n = text.length;
  const target = ws + length;
  if (target >= n) return n;
  if (ge >= target) return ge;
  // A sentence end in the last 40% of the window reads better than a cut mid-sentence.
  const sentenceFloor = Math.max(ge, ws + Math.floor(length * 0.6));
  for (let i = target; i > sentenceFloor; i--) if (isSentenceStart(text, i)) return i;
  for (let i = target; i > ge; i--) if (isBoundary(text, i)) return i;
  // One long unbroken run (a URL, Thai): go a little past the target, then cut between characters.
  const slack = Math.max(16, length >> 2);
  for (let i = target + 1; i <= n && i <= target + slack; i++) if (isBoundary(text, i)) return i;
  let end = target;
  while (end < n && splitsCluster(text, end)) end++;
  return end;
}

/** The index of the first mark ending after `offset`. */
function firstMarkAfter(marks: readonly Mark[], offset: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Widens [ws, we) so no mark and no character is cut, then trims whitespace from both edges. */
function settleWindow(text: string, marks: readonly Mark[], ws: number, we: number): [number, number] {
  const a = marks[firstMarkAfter(marks, ws)];
  if (a !== undefined && a.start < ws) ws = a.start;
  const b = marks[firstMarkAfter(marks, we)];
  if (b !== undefined && b.start < we) we = b.end;
  // The window's own cuts are at cluster boundaries; a mark's edges are wherever the tokenizer
  // put them, and the trims below are safe only from a boundary.
  ws = clusterStart(text, ws);
  we = clusterEnd(text, we);
  ws = skipSpaceForward(text, ws, we);
  we = skipSpaceBackward(text, we, ws);
  return [ws, we];
}

// ---------------------------------------------------------------------------------------------
// HTML

/** Escapes text[from, to) for HTML and collapses each whitespace run to one space. */
function escapeRange(text: string, from: number, to: number): string {
  let out = '';
  let run = from; // start of the pending verbatim run
  let inSpace = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (inSpace) {
        out += text.slice(run, i); // drop the rest of the run
        run = i + 1;
      } else if (c !== 32) {
        out += text.slice(run, i) + ' '; // a lone ASCII space stays in the verbatim run
        run = i + 1;
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    let entity: string;
    if (c === 0x26) entity = '&amp;';
    else if (c === 0x3c) entity = '&lt;';
    else if (c === 0x3e) entity = '&gt;';
    else if (c === 0x22) entity = '&quot;';
    else if (c === 0x27) entity = '&#39;';
    else continue;
    out += text.slice(run, i) + entity;
    run = i + 1;
  }
  return out + text.slice(run, to);
}

/** The HTML of text[ws, we) with the marks in it (they lie inside the range). */
function renderRange(text: string, ws: number, we: number, marks: readonly Mark[], first: number, o: Resolved): [string, MatchSpan[]] {
  let html = '';
  let at = ws;
  const spans: MatchSpan[] = [];
  for (let k = first; k < marks.length; k++) {
    const m = marks[k]!;
    if (m.start >= we) break;
    html += escapeRange(text, at, m.start) + o.markStart + escapeRange(text, m.start, m.end) + o.markEnd;
    spans.push({ start: m.start, end: m.end });
    at = m.end;
  }
  return [html + escapeRange(text, at, we), spans];
}

function hasTextBefore(text: string, i: number): boolean {
  return skipSpaceBackward(text, i, 0) > 0;
}

function hasTextAfter(text: string, i: number): boolean {
  return skipSpaceForward(text, i, text.length) < text.length;
}

function makePassage(text: string, ws: number, we: number, marks: readonly Mark[], o: Resolved): Passage {
  const [body, matches] = renderRange(text, ws, we, marks, firstMarkAfter(marks, ws), o);
  const lead = hasTextBefore(text, ws) ? o.ellipsis : '';
  const tail = hasTextAfter(text, we) ? o.ellipsis : '';
  return { text: lead + body + tail, start: ws, end: we, matches };
}

// ---------------------------------------------------------------------------------------------
// Passage choice

/** A run of marks that fits in one passage, with its ranking keys. */
interface Candidate {
  first: number;
  last: number;
  distinct: number;
  hits: number;
}

/**
 * For each mark, the longest run of marks starting there that fits in `length` units, with the
 * number of distinct terms and phrases in it and its total matches (one sliding window, O(marks)).
 */
function candidates(marks: readonly Mark[], idCount: number, length: number): Candidate[] {
  const counts = new Int32Array(idCount);
  const out: Candidate[] = [];
  let distinct = 0;
  let hits = 0;
  let last = -1;
  const add = (k: number): void => {
    const m = marks[k]!;
    for (const id of m.ids) if (counts[id]!++ === 0) distinct++;
    hits += m.hits;
  };
  for (let first = 0; first < marks.length; first++) {
    if (last < first) {
      add(first);
      last = first;
    }
    const start = marks[first]!.start;
    while (last + 1 < marks.length && marks[last + 1]!.end - start <= length) add(++last);
    out.push({ first, last, distinct, hits });
    const m = marks[first]!;
    for (const id of m.ids) if (--counts[id]! === 0) distinct--;
    hits -= m.hits;
  }
  return out;
}

/**
 * The best passages of `text` for `queryTerms` (already analysed, e.g. stems), as escaped HTML with
 * marks. Passages are about `passageLength` units, cut at sentence or word boundaries, ranked by the
 * number of distinct query terms and phrases they hold (the density at fixed length), then total
 * matches, then position; the best `maxPassages` come back in document order, never overlapping.
 * A phrase occurrence is one mark and counts as one more distinct item than its words alone.
 * Without any match the lead of the text comes back unmarked, with `matched: false`.
 */
export function highlight(text: string, analyzer: Analyzer, queryTerms: ReadonlySet<string>, options?: HighlightOptions): Highlight {
  const o = resolveOptions(options);
  const { marks, idCount } = findMarks(text, analyzer, queryTerms, o.phrases);
  if (marks.length === 0) return { passages: leadPassage(text, o), matched: false };

  const ranked = candidates(marks, idCount, o.passageLength);
  ranked.sort((a, b) => b.distinct - a.distinct || b.hits - a.hits || a.first - b.first);
  const chosen: [number, number][] = [];
  for (const c of ranked) {
    if (chosen.length >= o.maxPassages) break;
    const gs = marks[c.first]!.start;
    const ge = marks[c.last]!.end;
    // A run already inside a chosen passage adds nothing.
    if (chosen.some(([s, e]) => gs < e && ge > s)) continue;
    const ws0 = windowStart(text, gs, ge, o.passageLength);
    const [ws, we] = settleWindow(text, marks, ws0, windowEnd(text, ws0, ge, o.passageLength));
    if (chosen.some(([s, e]) => ws < e && we > s)) continue;
    chosen.push([ws, we]);
  }
  chosen.sort((a, b) => a[0] - b[0]);
  return { passages: chosen.map(([ws, we]) => makePassage(text, ws, we, marks, o)), matched: true };
}

/** The first passage of the text, unmarked: the lead of a news article. Empty for blank text. */
function leadPassage(text: string, o: Resolved): Passage[] {
  if (o.maxPassages === 0) return [];
  const ws = skipSpaceForward(text, 0, text.length);
  if (ws === text.length) return [];
  const [start, end] = settleWindow(text, [], ws, windowEnd(text, ws, ws, o.passageLength));
  return [makePassage(text, start, end, [], o)];
}

/**
 * Marks every match in the whole text (a title or another short field), escaped, with whitespace
 * runs collapsed and the edges trimmed; `passageLength`, `maxPassages` and `ellipsis` do not apply.
 */
export function highlightAll(text: string, analyzer: Analyzer, queryTerms: ReadonlySet<string>, options?: HighlightOptions): Passage {
  const o = resolveOptions(options);
  const { marks } = findMarks(text, analyzer, queryTerms, o.phrases);
  const ws = skipSpaceForward(text, 0, text.length);
  const we = skipSpaceBackward(text, text.length, ws);
  const [html, matches] = renderRange(text, ws, we, marks, 0, o);
  return { text: html, start: ws, end: we, matches };
}
