// Whitespace and control-character clean-up shared by every parser: one line at a time (collapse),
// or whole texts whose line breaks are kept (cleanText).
// It does not know about paragraphs: callers decide where paragraph breaks go.

/** True for the whitespace code units news text carries (ASCII, NBSP, ideographic and typographic spaces). */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x1680 ||
    c === 0xfeff
  );
}

/** True for C0/C1 control code units that are not whitespace (they never belong in indexed text). */
function isControlCode(c: number): boolean {
  return (c < 32 && !(c >= 9 && c <= 13)) || (c >= 0x7f && c <= 0x9f);
}

/**
 * Collapses every run of whitespace (NBSP included) to one space, drops control characters and
 * trims both ends. Returns the input itself when it is already clean (the common case, no copy).
 */
export function collapseWhitespace(s: string): string {
  if (isClean(s)) return s;
  let out = '';
  let wordStart = -1;
  let spaceBefore = false; // a space was seen since the last emitted slice
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const space = isSpaceCode(c);
    if (!space && !isControlCode(c)) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    if (wordStart >= 0) {
      out += spaceBefore && out.length > 0 ? ' ' + s.slice(wordStart, i) : s.slice(wordStart, i);
      wordStart = -1;
      spaceBefore = false;
    }
    // A control character joins its neighbours (it was noise inside a word), a space separates them.
    if (space) spaceBefore = true;
  }
  if (wordStart >= 0) out += spaceBefore && out.length > 0 ? ' ' + s.slice(wordStart) : s.slice(wordStart);
  return out;
}

/**
 * Text from a source that can hold any UTF-16 unit (JSON `\u` escapes), made what every other
 * format yields: a lone surrogate becomes U+FFFD, as bytes that are not UTF-8 do when decoded, and
 * control characters go as {@link collapseWhitespace} drops them. Vertical tab and form feed are line
 * and page breaks in word-processor exports: they become `\n`, so the words on either side stay
 * apart. Other whitespace is kept as written. Returns the input itself when nothing changes.
 */
export function cleanText(s: string): string {
  let out = '';
  let copied = 0; // units of `s` already in `out` or replaced
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let replacement: string;
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && i + 1 < n && isLowSurrogate(s.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      replacement = '\ufffd';
    } else if (c === 11 || c === 12) {
      replacement = '\n';
    } else if (isControlCode(c)) {
      replacement = '';
    } else {
      continue;
    }
    out += s.slice(copied, i) + replacement;
    copied = i + 1;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** No edge spaces, no doubled spaces, no non-ASCII-space whitespace, no control characters. */
function isClean(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(n - 1))) return false;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (isSpaceCode(c) || isControlCode(c)) {
      return false;
    } else {
      prevSpace = false;
    }
  }
  return true;
}
