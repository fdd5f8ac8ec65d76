// Bytes → string: BOM-aware UTF-8/UTF-16, a declared charset when UTF-8 fails, else windows-1252.
// Also says when bytes are not text at all. It does not parse or clean the text it returns.

/** The outcome of decoding one file's bytes. */
export type DecodeResult =
  | {
      kind: 'text';
      text: string;
      /**
       * `utf-8`, `utf-8-repaired` (a BOM or mostly valid UTF-8, bad sequences read as U+FFFD),
       * `utf-16le`, `utf-16be`, a declared charset (`gbk`, ...) or `latin1-fallback`.
       */
      encoding: string;
    }
  | { kind: 'binary'; detail: string };

/** Bytes inspected for the binary check and the charset declaration. */
const SNIFF_BYTES = 8192;
/** Above this share of control bytes a file is binary (text rarely has any beyond TAB/LF/CR/FF). */
const MAX_CONTROL_RATIO = 0.1;

/**
 * Decodes a file's bytes. UTF-8 (BOM optional) and UTF-16 with a BOM are read as such; bytes that
 * are not valid UTF-8 are read in the charset the document declares (`<meta charset>`, `<?xml
 * encoding?>`) when there is one, else as windows-1252, the superset of Latin-1 that browsers use,
 * and reported as `latin1-fallback`. NUL bytes or many control bytes mean binary.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) {
    return { kind: 'text', text: decodeLenient('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { kind: 'text', text: decodeLenient('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const bomless = bomlessUtf16(bytes);
  if (bomless !== undefined) {
    const text = decodeLenient(bomless, bytes);
    // Text, once decoded: no C0 controls but tab and line breaks (a binary's NUL pattern decodes to them).
    if (!/[\u0000-\u0008\u000b\u000e-\u001f]/.test(text)) return { kind: 'text', text, encoding: bomless };
  }
  const binary = binaryReason(bytes);
  if (binary !== undefined) return { kind: 'binary', detail: binary };

  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8 throughout: a few bad bytes in UTF-8 text, or another charset.
  }
  const declared = declaredCharset(bytes);
  // A BOM says UTF-8, and so do many valid multi-byte sequences around a few bad ones (a truncated
  // copy, one corrupt byte): read as windows-1252, every Chinese title became mojibake.
  if (bom || declared === undefined) {
    const lenient = new TextDecoder('utf-8').decode(body);
    if (bom || mostlyUtf8(lenient)) return { kind: 'text', text: lenient, encoding: 'utf-8-repaired' };
  }
  if (declared !== undefined) {
    const text = declared.encoding === 'windows-1252' ? decodeWindows1252(bytes) : declared.decode(bytes);
    return { kind: 'text', text, encoding: declared.encoding };
  }
  return { kind: 'text', text: decodeWindows1252(bytes), encoding: 'latin1-fallback' };
}

/**
 * UTF-16 written without a BOM (some exporters and shells do): Latin-script text has a NUL in
 * nearly every other byte, at odd offsets for little-endian and even ones for big-endian. Read as
 * bytes it was reported binary ("NUL byte"). Undefined when the pattern is not there.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 32) return undefined; // too few bytes to tell a pattern from chance
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

/**
 * True when a lenient UTF-8 decode holds at least ten times as many real non-ASCII characters as
 * replacement characters: windows-1252 text decoded as UTF-8 is nearly all replacements (é + ASCII
 * is never a valid sequence), real UTF-8 with a bad byte nearly none.
 */
function mostlyUtf8(text: string): boolean {
  let valid = 0;
  let replaced = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0xfffd) replaced++;
    else if (c < 0xdc00 || c > 0xdfff) valid++; // a surrogate pair counts once
  }
  return valid >= 1 && replaced * 10 <= valid;
}

/** What windows-1252 puts at 0x80–0x9F (undefined slots keep their Latin-1 code point). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * windows-1252 → string. Written out because Node's TextDecoder('windows-1252') decodes as plain
 * Latin-1, turning curly quotes and dashes (0x91–0x97) into invisible C1 controls.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  // Map into UTF-16 code units, then build the string in 8 K chunks: no per-char concatenation,
  // and no argument list long enough to overflow the stack.
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    units[i] = b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b;
  }
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}

/** Returns why the bytes look binary, or undefined when they look like text. */
export function binaryReason(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i] as number;
    if (c === 0) return 'NUL byte in the first 8 KB';
    // TAB, LF, FF, CR and ESC occur in real text files; other C0 bytes and DEL do not.
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) || c === 0x7f) control++;
  }
  if (n > 0 && control / n > MAX_CONTROL_RATIO) {
    return `${control} control bytes in the first ${n}`;
  }
  return undefined;
}

function decodeLenient(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label).decode(bytes);
}

/** The decoder for a charset declared in the first 8 KB (HTML meta or XML declaration), if usable. */
function declaredCharset(bytes: Uint8Array): TextDecoder | undefined {
  // The declaration is ASCII by rule, so a latin1 view of the head is enough to find it.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, SNIFF_BYTES));
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i.exec(head);
  const label = match?.[1];
  if (label === undefined) return undefined;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return undefined; // a label this runtime does not know
  }
  // A UTF-8 declaration on bytes that are not UTF-8 is a lie; the generic fallback reports it.
  if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) return undefined;
  return decoder;
}
