// The English Snowball ("Porter2") stemmer exactly as Snowball 3.x defines it (english.sbl with the
// 2023-2025 additions: more R1 prefixes, 'ogist', 'past', the double-consonant and -ing exceptions).
// One already lower-cased word in, its stem out; it does not tokenise, lower-case or memoise.

// Char codes used by the rules (named so the suffix tables below stay readable).
const C_APOS = 39;
const C_UPPER_Y = 89;
const C_A = 97;
const C_D = 100;
const C_E = 101;
const C_G = 103;
const C_I = 105;
const C_L = 108;
const C_M = 109;
const C_N = 110;
const C_O = 111;
const C_R = 114;
const C_S = 115;
const C_T = 116;
const C_U = 117;
const C_W = 119;
const C_X = 120;
const C_Y = 121;
const C_C = 99;

/** Whole words Snowball maps before any rule runs (its `exception1`); invariants map to themselves. */
const EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ['skis', 'ski'],
  ['skies', 'sky'],
  ['idly', 'idl'],
  ['gently', 'gentl'],
  ['ugly', 'ugli'],
  ['early', 'earli'],
  ['only', 'onli'],
  ['singly', 'singl'],
  ['sky', 'sky'],
  ['news', 'news'],
  ['howe', 'howe'],
  ['atlas', 'atlas'],
  ['cosmos', 'cosmos'],
  ['bias', 'bias'],
  ['andes', 'andes'],
]);

// Working state of the one stem() call in progress. Module-level so the step functions share it
// without a per-call object; stem() is synchronous and never re-entered.
/** The word being stemmed; only w[0, n) is live (deleting a suffix just lowers n, no new string). */
let w = '';
let n = 0;
/** Start of R1 / R2 as UTF-16 offsets; like Snowball's integers they are not moved by edits. */
let p1 = 0;
let p2 = 0;
/** yMark[i] = 1 when the 'y' at i is Snowball's consonant 'Y' (word-initial or after a vowel). */
let yMark = new Uint8Array(64);

/** True for Snowball's vowel grouping `aeiouy`; a 'y' marked as 'Y' and every other char are not. */
function isVowel(i: number): boolean {
  switch (w.charCodeAt(i)) {
    case C_A:
    case C_E:
    case C_I:
    case C_O:
    case C_U:
      return true;
    case C_Y:
      return yMark[i] === 0;
    default:
      return false;
  }
}

// Snowball counts characters, not UTF-16 units: an astral char (surrogate pair) is one step.
/** Index where the character ending at `i` starts. */
function charStartBefore(i: number): number {
  const lo = w.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = w.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return i - 2;
  }
  return i - 1;
}

/** Index just past the character starting at `i`. */
function charEndAfter(i: number): number {
  const hi = w.charCodeAt(i);
  if (hi >= 0xd800 && hi <= 0xdbff && i + 1 < n) {
    const lo = w.charCodeAt(i + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) return i + 2;
  }
  return i + 1;
}

/** True when the live word ends with `suffix` (compared from the end: mismatches show up there first). */
function ends(suffix: string): boolean {
  const len = suffix.length;
  if (len > n) return false;
  for (let i = 1; i <= len; i++) {
    if (w.charCodeAt(n - i) !== suffix.charCodeAt(len - i)) return false;
  }
  return true;
}

/** Replaces w[k, n) by `r`. Most rules only shorten (ization→ize), so reuse w when `r` is already there. */
function replaceFrom(k: number, r: string): void {
  if (!w.startsWith(r, k)) w = w.slice(0, k) + r;
  n = k + r.length;
}

/** True when some vowel lies in w[0, end). */
function hasVowelBefore(end: number): boolean {
  for (let i = end - 1; i >= 0; i--) if (isVowel(i)) return true;
  return false;
}

/** Snowball's `gopast v gopast non-v` from `from`: the offset after the first non-vowel that follows a vowel, or -1. */
function pastVowelThenNonVowel(from: number): number {
  let i = from;
  while (i < n && !isVowel(i)) i++;
  if (i >= n) return -1;
  i++;
  while (i < n && isVowel(i)) i++;
  if (i >= n) return -1;
  return charEndAfter(i);
}

/** Length of a prefix Snowball 3 treats as the whole of the pre-R1 part (general, universal, ...), or 0. */
function specialPrefixLength(): number {
  let p: string;
  switch (w.charCodeAt(0)) {
    case C_A: p = 'arsen'; break;
    case C_C: p = 'commun'; break;
    case C_E: p = 'emerg'; break;
    case C_G: p = 'gener'; break;
    case C_I: p = 'inter'; break;
    case C_L: p = 'later'; break;
    case C_O: p = 'organ'; break;
    case C_U: p = 'univers'; break;
    case 112 /* p */: p = 'past'; break;
    default: return 0;
  }
  return w.startsWith(p) ? p.length : 0;
}

function markRegions(): void {
  p1 = n;
  p2 = n;
  let i = specialPrefixLength();
  if (i === 0) {
    i = pastVowelThenNonVowel(0);
    if (i < 0) return;
  }
  p1 = i;
  i = pastVowelThenNonVowel(i);
  if (i >= 0) p2 = i;
}

/**
 * Snowball's `shortv` tested on the chars before `i`: (non-vowel)(vowel)(non-vowel but not w, x or Y),
 * or (vowel)(non-vowel) at the very start, or the Snowball 3 special case "past" (pasted → paste).
 */
function endsShortSyllable(i: number): boolean {
  if (i >= 2) {
    const last = charStartBefore(i);
    if (last >= 1 && !isVowel(last) && isVowel(last - 1)) {
      const vowel = last - 1;
      if (vowel === 0) return true;
      const c = w.charCodeAt(last);
      if (c !== C_W && c !== C_X && c !== C_Y && c !== C_UPPER_Y && !isVowel(vowel - 1)) return true;
    }
  }
  return i >= 4 && w.startsWith('past', i - 4);
}

/** Possessives, then plural -s / -es / -ies. */
function step1a(): void {
  if (n >= 1 && w.charCodeAt(n - 1) === C_APOS) {
    n -= n >= 3 && w.charCodeAt(n - 2) === C_S && w.charCodeAt(n - 3) === C_APOS ? 3 : 1;
  } else if (n >= 2 && w.charCodeAt(n - 1) === C_S && w.charCodeAt(n - 2) === C_APOS) {
    n -= 2;
  }
  if (n < 1) return;
  const last = w.charCodeAt(n - 1);
  if (last === C_D) {
    if (ends('ied')) shortenIes();
    return;
  }
  if (last !== C_S) return;
  if (ends('sses')) {
    n -= 2;
  } else if (ends('ies')) {
    shortenIes();
  } else if (!ends('ss') && !ends('us')) {
    // Drop the s only if a vowel precedes the char before it (gas stays, gaps → gap).
    const k = n - 1;
    if (k >= 1 && hasVowelBefore(charStartBefore(k))) n = k;
  }
}

/** -ied/-ies → -i after two or more chars (cries → cri), else → -ie (ties → tie). */
function shortenIes(): void {
  const k = n - 3;
  n -= k > 0 && charStartBefore(k) > 0 ? 2 : 1;
}

/** The Snowball 3 -eed/-eedly rule: proceed, exceed, succeed stay whole; otherwise → -ee in R1. */
function stepEed(k: number): void {
  if (k === 4 && (w.startsWith('proc') || w.startsWith('succ'))) return;
  if (k === 3 && w.startsWith('exc')) return;
  if (p1 <= k) n = k + 2;
}

/** The Snowball 3 -ing exceptions: dying → die, vying → vie; inning, outing, evening... stay. */
function isIngException(k: number): boolean {
  if (k >= 2 && w.charCodeAt(k - 1) === C_Y && yMark[k - 1] === 0) {
    const y = k - 1;
    const before = charStartBefore(y);
    if (before === 0 && !isVowel(0)) {
      replaceFrom(y, 'ie');
      return true;
    }
  }
  if (k === 3) return w.startsWith('inn') || w.startsWith('out');
  if (k === 4) return w.startsWith('cann') || w.startsWith('herr') || w.startsWith('earr') || w.startsWith('even');
  return false;
}

/** -eed, -ed, -ing and their -ly forms, then repair the exposed end (hop → hope, hopp → hop). */
function step1b(): void {
  if (n < 2) return;
  let k: number;
  switch (w.charCodeAt(n - 1)) {
    case C_Y:
      if (ends('eedly')) return stepEed(n - 5);
      if (ends('edly')) k = n - 4;
      else if (ends('ingly')) k = n - 5;
      else return;
      break;
    case C_D:
      if (ends('eed')) return stepEed(n - 3);
      if (!ends('ed')) return;
      k = n - 2;
      break;
    case C_G:
      if (!ends('ing')) return;
      k = n - 3;
      if (isIngException(k)) return;
      break;
    default:
      return;
  }
  if (!hasVowelBefore(k)) return;
  n = k;
  if (n >= 2) {
    const a = w.charCodeAt(n - 2);
    const b = w.charCodeAt(n - 1);
    if ((a === C_A && b === C_T) || (a === 98 /* b */ && b === C_L) || (a === C_I && b === 122 /* z */)) {
      replaceFrom(n, 'e');
      return;
    }
    if (a === b && isUndoubled(b)) {
      // Snowball 3 keeps add, ebb, egg, err, odd, off... (a/e/o + double as the whole word).
      const first = w.charCodeAt(0);
      if (!(n === 3 && (first === C_A || first === C_E || first === C_O))) n -= 1;
      return;
    }
  }
  if (n === p1 && endsShortSyllable(n)) replaceFrom(n, 'e');
}

/** The doubled consonants step 1b undoes: bb dd ff gg mm nn pp rr tt. */
function isUndoubled(c: number): boolean {
  return c === 98 || c === C_D || c === 102 || c === C_G || c === C_M || c === C_N || c === 112 || c === C_R || c === C_T;
}

/** Final y (or Y) after a non-vowel that is not the first char → i (cry → cri, say stays). */
function step1c(): void {
  if (n < 3) return;
  const c = w.charCodeAt(n - 1);
  if (c !== C_Y && c !== C_UPPER_Y) return;
  const before = charStartBefore(n - 1);
  if (before > 0 && !isVowel(before)) replaceFrom(n - 1, 'i');
}

/** The valid letters before a removable -li: c d e g h k m n r t. */
function isValidLi(c: number): boolean {
  return c === C_C || c === C_D || c === C_E || c === C_G || c === 104 || c === 107 || c === C_M || c === C_N || c === C_R || c === C_T;
}

function step2(): void {
  let len = 0;
  let r = '';
  switch (w.charCodeAt(n - 1)) {
    case C_L:
      if (ends('ational')) { len = 7; r = 'ate'; }
      else if (ends('tional')) { len = 6; r = 'tion'; }
      break;
    case C_I:
      if (ends('biliti')) { len = 6; r = 'ble'; }
      else if (ends('lessli')) { len = 6; r = 'less'; }
      else if (ends('aliti')) { len = 5; r = 'al'; }
      else if (ends('iviti')) { len = 5; r = 'ive'; }
      else if (ends('entli')) { len = 5; r = 'ent'; }
      else if (ends('ousli')) { len = 5; r = 'ous'; }
      else if (ends('fulli')) { len = 5; r = 'ful'; }
      else if (ends('enci')) { len = 4; r = 'ence'; }
      else if (ends('anci')) { len = 4; r = 'ance'; }
      else if (ends('abli')) { len = 4; r = 'able'; }
      else if (ends('alli')) { len = 4; r = 'al'; }
      else if (ends('bli')) { len = 3; r = 'ble'; }
      else if (ends('ogi')) {
        // -logi → -log only (analogi, not yogi)
        if (n < 4 || w.charCodeAt(n - 4) !== C_L) return;
        len = 3; r = 'og';
      } else if (ends('li')) {
        if (n < 3 || !isValidLi(w.charCodeAt(n - 3))) return;
        len = 2;
      }
      break;
    case C_R:
      if (ends('izer')) { len = 4; r = 'ize'; }
      else if (ends('ator')) { len = 4; r = 'ate'; }
      break;
    case C_N:
      if (ends('ization')) { len = 7; r = 'ize'; }
      else if (ends('ation')) { len = 5; r = 'ate'; }
      break;
    case C_M:
      if (ends('alism')) { len = 5; r = 'al'; }
      break;
    case C_S:
      if (ends('fulness')) { len = 7; r = 'ful'; }
      else if (ends('ousness')) { len = 7; r = 'ous'; }
      else if (ends('iveness')) { len = 7; r = 'ive'; }
      break;
    case C_T:
      if (ends('ogist')) { len = 5; r = 'og'; }
      break;
  }
  // Snowball picks the longest suffix first and only then asks R1: a miss does not retry shorter ones.
  if (len > 0 && p1 <= n - len) replaceFrom(n - len, r);
}

function step3(): void {
  let len = 0;
  let r = '';
  let needsR2 = false;
  switch (w.charCodeAt(n - 1)) {
    case C_L:
      if (ends('ational')) { len = 7; r = 'ate'; }
      else if (ends('tional')) { len = 6; r = 'tion'; }
      else if (ends('ical')) { len = 4; r = 'ic'; }
      else if (ends('ful')) { len = 3; }
      break;
    case C_E:
      if (ends('alize')) { len = 5; r = 'al'; }
      else if (ends('icate')) { len = 5; r = 'ic'; }
      else if (ends('ative')) { len = 5; needsR2 = true; }
      break;
    case C_I:
      if (ends('iciti')) { len = 5; r = 'ic'; }
      break;
    case C_S:
      if (ends('ness')) { len = 4; }
      break;
  }
  if (len === 0) return;
  const k = n - len;
  if (p1 <= k && (!needsR2 || p2 <= k)) replaceFrom(k, r);
}

function step4(): void {
  let len = 0;
  switch (w.charCodeAt(n - 1)) {
    case C_L:
      if (ends('al')) len = 2;
      break;
    case C_E:
      if (ends('ance') || ends('ence') || ends('able') || ends('ible')) len = 4;
      else if (ends('ate') || ends('ive') || ends('ize')) len = 3;
      break;
    case C_R:
      if (ends('er')) len = 2;
      break;
    case C_C:
      if (ends('ic')) len = 2;
      break;
    case C_T:
      if (ends('ement')) len = 5;
      else if (ends('ment')) len = 4;
      else if (ends('ent') || ends('ant')) len = 3;
      break;
    case C_M:
      if (ends('ism')) len = 3;
      break;
    case C_I:
      if (ends('iti')) len = 3;
      break;
    case C_S:
      if (ends('ous')) len = 3;
      break;
    case C_N:
      if (ends('ion')) {
        // -ion goes only after s or t (adoption → adopt, but not onion → on)
        const before = n >= 4 ? w.charCodeAt(n - 4) : 0;
        if (before !== C_S && before !== C_T) return;
        len = 3;
      }
      break;
  }
  if (len > 0 && p2 <= n - len) n -= len;
}

function step5(): void {
  const k = n - 1;
  const c = w.charCodeAt(k);
  if (c === C_E) {
    if (p2 <= k || (p1 <= k && !endsShortSyllable(k))) n = k;
  } else if (c === C_L) {
    if (p2 <= k && k >= 1 && w.charCodeAt(k - 1) === C_L) n = k;
  }
}

/** True when `word` has fewer than three characters (Snowball's `not hop 3`: such words are left alone). */
function isTooShort(word: string): boolean {
  const len = word.length;
  if (len < 3) return true;
  if (len >= 6) return false;
  // 3-5 UTF-16 units may still be fewer than 3 chars when surrogate pairs are involved.
  let chars = 0;
  for (let i = 0; i < len; i++) {
    const c = word.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || word.charCodeAt(i - 1) < 0xd800 || word.charCodeAt(i - 1) > 0xdbff) chars++;
  }
  return chars < 3;
}

/**
 * Stems one lower-cased English word with the Snowball 3 English (Porter2) algorithm.
 *
 * Never throws. Words of fewer than three characters come back unchanged. Any char outside a-z
 * (digits, accented letters, `'` inside a word, emoji) is a non-vowel, exactly as in Snowball, so
 * `1990s` → `1990s` and `café's` → `café`. Characters are counted as Unicode code points, as
 * Snowball's C and Python runtimes do.
 */
export function stem(word: string): string {
  if (isTooShort(word)) return word;
  if (word.length <= 6) {
    const special = EXCEPTIONS.get(word);
    if (special !== undefined) return special;
  }

  // Prelude: drop one leading apostrophe, then mark consonant y's (word-initial or after a vowel).
  w = word.charCodeAt(0) === C_APOS ? word.slice(1) : word;
  n = w.length;
  if (yMark.length < n) yMark = new Uint8Array(n * 2);
  let yFound = false;
  let upperY = false;
  let afterVowel = false;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    if (c === C_Y) {
      const consonant: boolean = i === 0 || afterVowel;
      yMark[i] = consonant ? 1 : 0;
      if (consonant) yFound = true;
      afterVowel = !consonant;
    } else {
      afterVowel = c === C_A || c === C_E || c === C_I || c === C_O || c === C_U;
      if (c === C_UPPER_Y) upperY = true;
    }
  }

  markRegions();
  step1a();
  step1b();
  step1c();
  if (n > 0) {
    step2();
    step3();
    step4();
    step5();
  }

  const out = n === w.length ? w : w.slice(0, n);
  w = '';
  // Snowball's postlude turns every 'Y' back into 'y' once it marked one; marked y's never left
  // the string here, so only an uppercase Y in the input can be affected.
  return yFound && upperY ? out.replaceAll('Y', 'y') : out;
}
