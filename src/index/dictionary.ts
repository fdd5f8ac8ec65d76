// The sorted term dictionary of one segment: term → ordinal, prefix ranges for prefix queries, and
// its byte form, front-coded with a full term every RESTART_INTERVAL terms. A loaded dictionary
// answers lookups from the bytes (binary search over restart terms, then a short scan), so loading
// decodes no strings; the full term list is built only when a caller asks for it. Holds no postings.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Terms between two full (restart) entries of the byte form. */
export const RESTART_INTERVAL = 16;

/** Lookups remembered per loaded dictionary. */
const RECENT_LOOKUPS = 4096;

/** Scratch for the encoded query term; grown on demand, shared because JavaScript runs one lookup at a time. */
let queryBytes = new Uint8Array(256);

/**
 * Encodes `s` into `queryBytes`; returns its byte length, or -1 when `s` holds a lone surrogate
 * (UTF-8 cannot carry it, so such a query is answered from the decoded term list instead). ASCII is
 * copied directly (most terms).
 */
function encodeQuery(s: string): number {
  const n = s.length;
  if (queryBytes.length < n * 3) queryBytes = new Uint8Array(n * 3 + 64);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return hasLoneSurrogate(s) ? -1 : encoder.encodeInto(s, queryBytes).written;
    queryBytes[i] = c;
  }
  return n;
}

function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return true;
  }
  return false;
}

/**
 * Orders two differing bytes at the first difference of two UTF-8 strings as their UTF-16 forms
 * compare (JavaScript's `<`, the dictionary's order). Byte order is code point order; the two differ
 * only between a 4-byte character (lead ≥ 0xF0, a surrogate pair in UTF-16) and U+E000..U+FFFF
 * (lead 0xEE or 0xEF), which UTF-16 puts after the surrogates.
 */
function byteOrder(x: number, y: number): number {
  if (x >= 0xf0 && (y === 0xee || y === 0xef)) return -1;
  if (y >= 0xf0 && (x === 0xee || x === 0xef)) return 1;
  return x - y;
}

/** Compares a[aFrom, aFrom + aLen) with b[0, bLen) in UTF-16 order: negative, 0 or positive. */
function compareBytes(a: Uint8Array, aFrom: number, aLen: number, b: Uint8Array, bLen: number): number {
  const n = aLen < bLen ? aLen : bLen;
  for (let i = 0; i < n; i++) {
    const x = a[aFrom + i]!;
    const y = b[i]!;
    if (x !== y) return byteOrder(x, y);
  }
  return aLen - bLen;
}

function readVarint(bytes: Uint8Array, state: { p: number }): number {
  let p = state.p;
  let b = bytes[p++]!;
  let v = b & 0x7f;
  for (let shift = 7; b >= 0x80; shift += 7) {
    b = bytes[p++]!;
    v |= (b & 0x7f) << shift;
  }
  state.p = p;
  return v >>> 0;
}

/** Sorted (UTF-16 code-unit order, JavaScript's `<`) distinct terms of a segment. */
export class TermDictionary {
  #terms: string[] | undefined;
  #bytes: Uint8Array | undefined;
  /** Byte offset of every RESTART_INTERVAL-th entry of `#bytes`. */
  #restarts: Uint32Array | undefined;
  readonly size: number;
  // The cursor of the byte form: `#cur` holds term `#curOrdinal`, the next entry starts at `#next.p`.
  #cur = new Uint8Array(64);
  #curLength = 0;
  #curOrdinal = -1;
  #next = { p: 0 };
  /** Results of recent lookups on the byte form (cleared when full). */
  readonly #recent = new Map<string, number>();
  /** Read position of the binary search over restart terms (kept apart from the cursor's). */
  #probe = { p: 0 };

  private constructor(terms: string[] | undefined, bytes: Uint8Array | undefined, restarts: Uint32Array | undefined, size: number) {
    this.#terms = terms;
    this.#bytes = bytes;
    this.#restarts = restarts;
    this.size = size;
  }

  /** From terms already sorted and distinct. */
  static fromSorted(terms: string[]): TermDictionary {
    return new TermDictionary(terms, undefined, undefined, terms.length);
  }

  /**
   * From the byte form. Walks the entries once to find the restart points and check every length
   * stays in bounds (throws RangeError otherwise); no string is decoded.
   */
  static fromBytes(bytes: Uint8Array, size: number): TermDictionary {
    const restarts = new Uint32Array(Math.ceil(size / RESTART_INTERVAL));
    const state = { p: 0 };
    let previous = 0;
    for (let i = 0; i < size; i++) {
      if (state.p >= bytes.length) throw new RangeError('term dictionary ends early');
      let shared = 0;
      if (i % RESTART_INTERVAL === 0) restarts[i / RESTART_INTERVAL] = state.p;
      else shared = readVarint(bytes, state);
      const suffix = readVarint(bytes, state);
      if (shared > previous || state.p + suffix > bytes.length) throw new RangeError('term dictionary entry out of bounds');
      state.p += suffix;
      previous = shared + suffix;
    }
    if (state.p !== bytes.length) throw new RangeError('term dictionary has trailing bytes');
    return new TermDictionary(undefined, bytes, restarts, size);
  }

  /** All terms in order (decoded on first use for a loaded segment, then kept). */
  get terms(): readonly string[] {
    if (this.#terms === undefined) {
      // Rebuild the NUL-joined text and decode it in one call: far faster than a string per term.
      // Plain byte loops: terms are short, and a subarray per term would allocate 91k views.
      const bytes = this.#bytes!;
      const text = new Uint8Array(bytes.length * 4 + this.size);
      let p = 0;
      let o = 0;
      let prevStart = 0;
      for (let i = 0; i < this.size; i++) {
        let shared = 0;
        if (i % RESTART_INTERVAL !== 0) {
          let b = bytes[p++]!;
          shared = b & 0x7f;
          for (let shift = 7; b >= 0x80; shift += 7) {
            b = bytes[p++]!;
            shared |= (b & 0x7f) << shift;
          }
        }
        let b = bytes[p++]!;
        let suffix = b & 0x7f;
        for (let shift = 7; b >= 0x80; shift += 7) {
          b = bytes[p++]!;
          suffix |= (b & 0x7f) << shift;
        }
        if (i > 0) text[o++] = 0;
        const begin = o;
        for (let j = 0; j < shared; j++) text[o++] = text[prevStart + j]!;
        for (let j = 0; j < suffix; j++) text[o++] = bytes[p++]!;
        prevStart = begin;
      }
      const out = this.size === 0 ? [] : decoder.decode(text.subarray(0, o)).split('\u0000');
      this.#terms = out;
      this.#bytes = undefined;
      this.#restarts = undefined;
    }
    return this.#terms;
  }

  term(ordinal: number): string {
    if (this.#terms !== undefined) return this.#terms[ordinal]!;
    this.#seek(ordinal);
    return this.#curString();
  }

  /** The ordinal of `term`, or -1. */
  lookup(term: string): number {
    const terms = this.#terms;
    if (terms === undefined) {
      // A query looks each of its terms up several times (planning, df, every executor pass).
      const known = this.#recent.get(term);
      if (known !== undefined) return known;
      const n = encodeQuery(term);
      if (n < 0) return this.#decodedLookup(term);
      const at = this.#lowerBoundBytes(n);
      // The search leaves the cursor on `at`.
      const found = at < this.size && compareBytes(this.#cur, 0, this.#curLength, queryBytes, n) === 0 ? at : -1;
      if (this.#recent.size >= RECENT_LOOKUPS) this.#recent.clear();
      this.#recent.set(term, found);
      return found;
    }
    let lo = 0;
    let hi = terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = terms[mid]!;
      if (t < term) lo = mid + 1;
      else if (t > term) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** Lookup through the decoded list (for queries the byte form cannot compare). */
  #decodedLookup(term: string): number {
    void this.terms;
    return this.lookup(term);
  }

  /** The first ordinal whose term is ≥ `term`. */
  lowerBound(term: string): number {
    let terms: readonly string[] | undefined = this.#terms;
    if (terms === undefined) {
      const n = encodeQuery(term);
      if (n >= 0) return this.#lowerBoundBytes(n);
      terms = this.terms;
    }
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Ordinals [from, to) of the terms starting with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    let terms: readonly string[] | undefined = this.#terms;
    if (terms === undefined && encodeQuery(prefix) < 0) terms = this.terms;
    if (terms === undefined) {
      const n = encodeQuery(prefix);
      const from = this.#lowerBoundBytes(n);
      let to = from;
      // The cursor sits on `from`; walk on while the term's bytes start with the prefix's bytes.
      while (to < this.size) {
        this.#step(to);
        if (this.#curLength < n || compareBytes(this.#cur, 0, n, queryBytes, n) !== 0) break;
        to++;
      }
      return [from, to];
    }
    const from = this.lowerBound(prefix);
    let to = from;
    while (to < terms.length && terms[to]!.startsWith(prefix)) to++;
    return [from, to];
  }

  /** The byte form (see the file comment): front-coded UTF-8, a full entry every RESTART_INTERVAL terms. */
  toBytes(): Uint8Array {
    if (this.#bytes !== undefined) return this.#bytes;
    const terms = this.terms;
    // One encode of the NUL-joined terms (terms never contain NUL) instead of one call per term.
    const text = encoder.encode(terms.join('\u0000'));
    const out = new Uint8Array(text.length + terms.length * 10 + 16);
    let o = 0;
    let start = 0;
    let prevStart = 0;
    let prevLength = 0;
    for (let i = 0; i < terms.length; i++) {
      let end = start;
      while (end < text.length && text[end] !== 0) end++;
      const length = end - start;
      let shared = 0;
      if (i % RESTART_INTERVAL !== 0) {
        const max = length < prevLength ? length : prevLength;
        while (shared < max && text[start + shared] === text[prevStart + shared]) shared++;
        o = putVarint(out, o, shared);
      }
      o = putVarint(out, o, length - shared);
      out.set(text.subarray(start + shared, end), o);
      o += length - shared;
      prevStart = start;
      prevLength = length;
      start = end + 1;
    }
    return out.slice(0, o);
  }

  /**
   * Binary search over restart terms, then a scan of one interval; leaves the cursor on the result
   * (when it is < size). `n` bytes of the term are in `queryBytes`.
   */
  #lowerBoundBytes(n: number): number {
    const bytes = this.#bytes!;
    const restarts = this.#restarts!;
    const state = this.#probe;
    // The last restart whose term is ≤ the query (or 0).
    let lo = 0;
    let hi = restarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      state.p = restarts[mid]!;
      const length = readVarint(bytes, state);
      if (compareBytes(bytes, state.p, length, queryBytes, n) <= 0) lo = mid;
      else hi = mid - 1;
    }
    let ordinal = lo * RESTART_INTERVAL;
    const end = Math.min(this.size, ordinal + RESTART_INTERVAL);
    for (; ordinal < end; ordinal++) {
      this.#step(ordinal);
      if (compareBytes(this.#cur, 0, this.#curLength, queryBytes, n) >= 0) return ordinal;
    }
    // Past this interval: the answer is the next restart term (or the end).
    if (ordinal < this.size) this.#step(ordinal);
    return ordinal;
  }

  /** Puts the cursor on `ordinal`, decoding from its restart point unless the cursor is already before it in the same interval. */
  #seek(ordinal: number): void {
    if (!(this.#curOrdinal <= ordinal && Math.floor(this.#curOrdinal / RESTART_INTERVAL) === Math.floor(ordinal / RESTART_INTERVAL))) {
      this.#curOrdinal = -1;
    }
    while (this.#curOrdinal < ordinal) {
      const next = this.#curOrdinal < 0 ? ordinal - (ordinal % RESTART_INTERVAL) : this.#curOrdinal + 1;
      this.#step(next);
    }
  }

  /** Decodes entry `ordinal`: from its restart point, or from the cursor when it is the next entry. */
  #step(ordinal: number): void {
    if (ordinal === this.#curOrdinal) return;
    const bytes = this.#bytes!;
    const state = this.#next;
    let shared = 0;
    if (ordinal % RESTART_INTERVAL === 0) state.p = this.#restarts![ordinal / RESTART_INTERVAL]!;
    else if (ordinal !== this.#curOrdinal + 1) {
      this.#seek(ordinal);
      return;
    } else shared = readVarint(bytes, state);
    const suffix = readVarint(bytes, state);
    const length = shared + suffix;
    if (this.#cur.length < length) {
      const grown = new Uint8Array(length * 2);
      grown.set(this.#cur.subarray(0, shared));
      this.#cur = grown;
    }
    this.#cur.set(bytes.subarray(state.p, state.p + suffix), shared);
    state.p += suffix;
    this.#curLength = length;
    this.#curOrdinal = ordinal;
  }

  #curString(): string {
    const cur = this.#cur;
    const n = this.#curLength;
    let s = '';
    for (let i = 0; i < n; i++) {
      const c = cur[i]!;
      // Non-ASCII terms go through the decoder; ASCII ones (most) are built directly.
      if (c >= 0x80) return decoder.decode(cur.subarray(0, n));
      s += String.fromCharCode(c);
    }
    return s;
  }
}

function putVarint(buf: Uint8Array, p: number, value: number): number {
  let v = value >>> 0;
  while (v >= 0x80) {
    buf[p++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  buf[p++] = v;
  return p;
}
