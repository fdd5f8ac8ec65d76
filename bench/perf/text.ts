// The bench's own word scanner: "plain words" every engine's tokenizer agrees on, for drawing
// queries and fitting the scale generator. It is not an analyzer: no stemming, no stop words.

const MIN_WORD = 3;
const MAX_WORD = 20;

/**
 * Calls `visit` for each plain word of `text`, lower-cased: a run of characters between whitespace
 * or hyphens, stripped of leading/trailing punctuation, made only of ASCII letters, 3–20 long.
 * Such a word is one token for Lunr, FTS5, MiniSearch, FlexSearch, Orama and Broadsheet alike.
 * `adjacent` is true when the previous plain word was separated from this one by whitespace only,
 * so the two form a phrase in every engine.
 */
export function forEachPlainWord(text: string, visit: (word: string, adjacent: boolean) => void): void {
  const n = text.length;
  let i = 0;
  let previousJoinable = false;
  while (i < n) {
    // Skip separators; a hyphen between words breaks adjacency (engines split it differently).
    let sawHyphen = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 45) sawHyphen = true;
      else if (!isSpace(c)) break;
      i++;
    }
    if (i >= n) break;
    const start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isSpace(c) || c === 45) break;
      i++;
    }
    // Trim punctuation at both ends, as Lunr's trimmer and every Unicode tokenizer effectively do.
    let s = start;
    let e = i;
    while (s < e && isTrimmable(text.charCodeAt(s))) s++;
    while (e > s && isTrimmable(text.charCodeAt(e - 1))) e--;
    const length = e - s;
    let plain = length >= MIN_WORD && length <= MAX_WORD;
    for (let k = s; plain && k < e; k++) plain = isAsciiLetter(text.charCodeAt(k));
    if (plain) {
      const adjacent = previousJoinable && !sawHyphen && s === start;
      visit(text.slice(s, e).toLowerCase(), adjacent);
      previousJoinable = e === i;
    } else {
      previousJoinable = false;
    }
  }
}

/** The plain words of `text`, in order (see {@link forEachPlainWord}). */
export function plainWords(text: string): string[] {
  const words: string[] = [];
  forEachPlainWord(text, (word) => words.push(word));
  return words;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || c === 0x3000;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** ASCII punctuation and typographic quotes/dashes/ellipsis; a non-ASCII letter is kept (and spoils the word). */
function isTrimmable(c: number): boolean {
  if (c < 128) return !isAsciiLetter(c) && !(c >= 48 && c <= 57);
  return c === 0xab || c === 0xbb || (c >= 0x2013 && c <= 0x201f) || c === 0x2026;
}
