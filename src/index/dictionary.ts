// The sorted term dictionary of one segment: term → ordinal, prefix ranges for prefix queries, and
// its byte form, front-coded with a full term every RESTART_INTERVAL terms. A loaded dictionary
// answers lookups from the bytes and owns its segment's lazily decoded term metadata: every ordinal
// it hands out has its group's metadata decoded first. Holds no postings itself.

import { indexOfSorted } from './sort-terms.js';
import { IndexFormatError } from '../errors.js';
import { putVarint } from './byte-writer.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Terms between two full (restart) entries of the byte form. */
export const RESTART_INTERVAL = 16;
/** log2(RESTART_INTERVAL): ordinal >>> RESTART_SHIFT is its group. */
const RESTART_SHIFT = 4;
/** Group states of a loaded dictionary (bits). */
const CHECKED = 1;
const LOADED = 2;

/**
 * Decodes the term metadata (df, offsets, skip entries) of one group of RESTART_INTERVAL terms into
 * the segment's arrays. A loaded segment's metadata arrives this way, group by group, on first use
 * (a loader may fill more than the group asked for: serialize/term-groups.ts decodes whole pages).
 */
export interface TermMetadataLoader {
  /** Fills group `group` (at least); throws IndexFormatError when its bytes are malformed. */
  loadGroup(group: number): void;
}

/** Options of a dictionary read from bytes. */
export interface DictionaryBytesOptions {
  /** Error part named when an entry turns out malformed on first use (default 'terms'). */
  part?: string;
  /** Where the segment's term metadata comes from; undefined when it is already in memory. */
  metadata?: TermMetadataLoader;
}

/** Lookups remembered per dictionary (loaded or built). */
const RECENT_LOOKUPS = 4096;
/** Longest ASCII term built from its codes in one call; longer ones go through the decoder. */
const CODES_SCRATCH = 64;
const codesScratch: number[] = [];

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

/**
 * An entry after its group's first starts with a head: one byte shared × 16 + suffix (the bytes it
 * shares with the term before and the bytes it adds) when shared < 15 and suffix < 16, else
 * HEAD_ESCAPE and the two as varints. On Reuters 94 % of entries take the byte: 85 KB less than two
 * varints each. A group's first entry holds its suffix length alone, as a varint.
 */
const HEAD_ESCAPE = 0xff;

/** A read position and the suffix length of the head read last. */
interface EntryState {
  p: number;
  suffix: number;
}

/** Writes the head of an entry that is not its group's first; returns the offset after it. */
function putHead(out: Uint8Array, o: number, shared: number, suffix: number): number {
  if (shared < 15 && suffix < 16) {
    out[o] = shared * 16 + suffix;
    return o + 1;
  }
  out[o] = HEAD_ESCAPE;
  return putVarint(out, putVarint(out, o + 1, shared), suffix);
}

/** Reads the head at state.p of an entry that is not its group's first: returns the shared length, leaves the suffix length in state.suffix. */
function readHead(bytes: Uint8Array, state: EntryState): number {
  const h = bytes[state.p]!;
  if (h !== HEAD_ESCAPE) {
    state.p++;
    state.suffix = h & 15;
    return h >>> 4;
  }
  state.p++;
  const shared = readVarint(bytes, state);
  state.suffix = readVarint(bytes, state);
  return shared;
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
  #longest = -1;
  #bytes: Uint8Array | undefined;
  /** Byte offset of every RESTART_INTERVAL-th entry of `#bytes`. */
  #restarts: Uint32Array | undefined;
  readonly size: number;
  // The cursor of the byte form: `#cur` holds term `#curOrdinal`, the next entry starts at `#next.p`.
  #cur = new Uint8Array(64);
  #curLength = 0;
  #curOrdinal = -1;
  #next: EntryState = { p: 0, suffix: 0 };
  /** Results of recent lookups (cleared when full). */
  readonly #recent = new Map<string, number>();
  /** Read position of the binary search over restart terms (kept apart from the cursor's). */
  #probe: EntryState = { p: 0, suffix: 0 };
  readonly #part: string;
  /** The source of term metadata not decoded yet; undefined once all of it is (or for a built segment). */
  #metadata: TermMetadataLoader | undefined;
  /**
   * Per group of RESTART_INTERVAL terms, for a dictionary loaded with its restart offsets: CHECKED
   * once its entries are checked, LOADED once its metadata is decoded too.
   */
  #groups: Uint8Array | undefined;
  #pendingGroups = 0;

  private constructor(
    terms: string[] | undefined, bytes: Uint8Array | undefined, restarts: Uint32Array | undefined, size: number,
    options: DictionaryBytesOptions = {},
  ) {
    this.#terms = terms;
    this.#bytes = bytes;
    this.#restarts = restarts;
    this.size = size;
    this.#part = options.part ?? 'terms';
    const groups = Math.ceil(size / RESTART_INTERVAL);
    if (bytes !== undefined) this.#groups = new Uint8Array(groups);
    if (options.metadata !== undefined && groups > 0) {
      this.#metadata = options.metadata;
      this.#pendingGroups = groups;
    }
  }

  /** From terms already sorted and distinct. */
  static fromSorted(terms: string[]): TermDictionary {
    return new TermDictionary(terms, undefined, undefined, terms.length);
  }

  /**
   * From the byte form. With `restarts` (the byte offset of every RESTART_INTERVAL-th entry, as
   * {@link byteForm} gives them) loading reads nothing but their count and first offset: a group's
   * offset and entries are checked when the group is first read, throwing IndexFormatError
   * (options.part). Without them the entries are walked once to find the restarts (RangeError when
   * malformed).
   */
  static fromBytes(bytes: Uint8Array, size: number, restarts?: Uint32Array, options: DictionaryBytesOptions = {}): TermDictionary {
    if (restarts !== undefined) {
      checkRestarts(bytes, size, restarts, options.part ?? 'terms');
      return new TermDictionary(undefined, bytes, restarts, size, options);
    }
    const found = new Uint32Array(Math.ceil(size / RESTART_INTERVAL));
    const state: EntryState = { p: 0, suffix: 0 };
    let previous = 0;
    for (let i = 0; i < size; i++) {
      if (state.p >= bytes.length) throw new RangeError('term dictionary ends early');
      let shared = 0;
      if (i % RESTART_INTERVAL === 0) {
        found[i / RESTART_INTERVAL] = state.p;
        state.suffix = readVarint(bytes, state);
      } else shared = readHead(bytes, state);
      const suffix = state.suffix;
      if (shared > previous || state.p + suffix > bytes.length) throw new RangeError('term dictionary entry out of bounds');
      state.p += suffix;
      previous = shared + suffix;
    }
    if (state.p !== bytes.length) throw new RangeError('term dictionary has trailing bytes');
    const dictionary = new TermDictionary(undefined, bytes, found, size, options);
    dictionary.#groups!.fill(CHECKED);
    return dictionary;
  }

  /**
   * All terms in order (decoded on first use for a loaded segment, then kept). Positions in this
   * list are ordinals, but a loaded segment's metadata is decoded only for ordinals the dictionary
   * hands out (lookup, lowerBound, prefixRange): a caller walking every ordinal of this list calls
   * {@link decodeAllMetadata} first.
   */
  /** Length in UTF-16 units of the longest term, 0 when empty (walked once, on first use). */
  get longestTerm(): number {
    if (this.#longest < 0) {
      let max = 0;
      for (const t of this.terms) if (t.length > max) max = t.length;
      this.#longest = max;
    }
    return this.#longest;
  }

  get terms(): readonly string[] {
    if (this.#terms === undefined) {
      // Rebuild the NUL-joined text and decode it in one call: far faster than a string per term.
      // Plain byte loops: terms are short, and a subarray per term would allocate 91k views.
      const bytes = this.#bytes!;
      const text = new Uint8Array(bytes.length * 4 + this.size);
      let p = 0;
      let o = 0;
      let prevStart = 0;
      let prevLength = 0;
      // A term holding NUL (only a custom analyzer can make one) would split wrongly: such a list is
      // decoded term by term from these starts instead.
      let nul = false;
      const starts = new Int32Array(this.size + 1);
      const walk: EntryState = { p: 0, suffix: 0 };
      for (let i = 0; i < this.size; i++) {
        let shared = 0;
        let suffix: number;
        const h = bytes[p]!;
        if (i % RESTART_INTERVAL !== 0 && h !== HEAD_ESCAPE) {
          p++;
          shared = h >>> 4;
          suffix = h & 15;
        } else {
          walk.p = p;
          if (i % RESTART_INTERVAL !== 0) shared = readHead(bytes, walk);
          else walk.suffix = readVarint(bytes, walk);
          suffix = walk.suffix;
          p = walk.p;
        }
        // Entries are checked lazily (see fromBytes): a malformed one must not drive these loops.
        if (shared > prevLength || p + suffix > bytes.length) this.#corrupt(p, bytes.length);
        if (i > 0) text[o++] = 0;
        const begin = o;
        starts[i] = begin;
        for (let j = 0; j < shared; j++) text[o++] = text[prevStart + j]!;
        for (let j = 0; j < suffix; j++) {
          const c = bytes[p++]!;
          if (c === 0) nul = true;
          text[o++] = c;
        }
        prevStart = begin;
        prevLength = shared + suffix;
      }
      starts[this.size] = o + 1;
      let out: string[];
      if (this.size === 0) out = [];
      else if (!nul) out = decoder.decode(text.subarray(0, o)).split('\u0000');
      else {
        out = new Array<string>(this.size);
        for (let i = 0; i < this.size; i++) out[i] = decoder.decode(text.subarray(starts[i]!, starts[i + 1]! - 1));
      }
      this.#terms = out;
      this.#bytes = undefined;
      this.#restarts = undefined;
    }
    return this.#terms;
  }

  /**
   * Decodes every group's term metadata not decoded yet: for callers that walk all ordinals without
   * asking the dictionary for them (merges, related articles, statistics, encoding).
   */
  decodeAllMetadata(): void {
    if (this.#metadata === undefined) return;
    const groups = this.#groups!;
    for (let g = 0; g < groups.length && this.#metadata !== undefined; g++) if ((groups[g]! & LOADED) === 0) this.#loadGroup(g);
  }

  /**
   * Makes sure the metadata of `ordinal` is decoded: for an ordinal not handed out by this
   * dictionary (an exact form's stem, read from exact-stems.ts). Throws RangeError past the end.
   */
  prepare(ordinal: number): void {
    if (!(ordinal >= 0 && ordinal < this.size)) throw new RangeError(`no term with ordinal ${ordinal}`);
    if (this.#metadata !== undefined) this.#ready(ordinal, ordinal + 1);
  }

  /** Makes sure the metadata of ordinals [from, to) is decoded. */
  #ready(from: number, to: number): void {
    const groups = this.#groups!;
    const last = (to - 1) >>> RESTART_SHIFT;
    for (let g = from >>> RESTART_SHIFT; g <= last; g++) if ((groups[g]! & LOADED) === 0) this.#loadGroup(g);
  }

  #loadGroup(g: number): void {
    const groups = this.#groups!;
    // The entries are checked before the metadata (once the list is decoded, all of them were).
    if ((groups[g]! & CHECKED) === 0 && this.#bytes !== undefined) this.#checkGroup(g);
    this.#metadata!.loadGroup(g);
    groups[g] = groups[g]! | LOADED;
    if (--this.#pendingGroups === 0) this.#metadata = undefined;
  }

  /**
   * Checks the entries of restart group `g`: its restart offset before the next one, shared prefixes
   * and suffixes in bounds, the last entry ending at the next restart.
   */
  #checkGroup(g: number): void {
    const bytes = this.#bytes!;
    const restarts = this.#restarts!;
    const end = g + 1 < restarts.length ? restarts[g + 1]! : bytes.length;
    if (end > bytes.length) this.#corrupt(end, bytes.length);
    const state = this.#probe;
    state.p = restarts[g]!;
    const count = Math.min(RESTART_INTERVAL, this.size - g * RESTART_INTERVAL);
    let previous = 0;
    for (let i = 0; i < count; i++) {
      if (state.p >= end) this.#corrupt(state.p, end);
      if (i === 0) state.suffix = readVarint(bytes, state);
      const shared = i === 0 ? 0 : readHead(bytes, state);
      const suffix = state.suffix;
      if (shared > previous || state.p + suffix > end) this.#corrupt(state.p + suffix, end);
      state.p += suffix;
      previous = shared + suffix;
    }
    if (state.p !== end) this.#corrupt(state.p, end);
    this.#groups![g] = this.#groups![g]! | CHECKED;
  }

  #corrupt(found: number, expected: number): never {
    throw new IndexFormatError('term dictionary entry out of bounds', this.#part, found, expected);
  }

  /** The byte form and the byte offset of every RESTART_INTERVAL-th entry in it. */
  byteForm(): { bytes: Uint8Array; restarts: Uint32Array } {
    if (this.#bytes !== undefined) return { bytes: this.#bytes, restarts: this.#restarts! };
    return encodeTerms(this.terms);
  }

  term(ordinal: number): string {
    if (this.#terms !== undefined) return this.#terms[ordinal]!;
    this.#seek(ordinal);
    return this.#curString();
  }

  /** The ordinal of `term`, or -1. */
  lookup(term: string): number {
    // A query looks each of its terms up several times (planning, df, every executor pass), and a
    // binary search over a decoded list of 91k strings misses the cache at every probe: measured on
    // Reuters, queries on a built index (whose list is decoded) ran 10–15 % slower than on a loaded one.
    const known = this.#recent.get(term);
    if (known !== undefined) return known;
    const found = this.#terms === undefined ? this.#bytesLookup(term) : this.#listLookup(this.#terms, term);
    if (found >= 0 && this.#metadata !== undefined) this.#ready(found, found + 1);
    if (this.#recent.size >= RECENT_LOOKUPS) this.#recent.clear();
    this.#recent.set(term, found);
    return found;
  }

  /** Lookup in the front-coded bytes (or, for queries they cannot compare, in the decoded list). */
  #bytesLookup(term: string): number {
    const n = encodeQuery(term);
    if (n < 0) return this.#listLookup(this.terms, term);
    const at = this.#lowerBoundBytes(n);
    // The search leaves the cursor on `at`.
    return at < this.size && compareBytes(this.#cur, 0, this.#curLength, queryBytes, n) === 0 ? at : -1;
  }

  #listLookup(terms: readonly string[], term: string): number {
    return indexOfSorted(terms, term);
  }

  /** The first ordinal whose term is ≥ `term`. */
  lowerBound(term: string): number {
    const at = this.#lowerBound(term);
    if (at < this.size && this.#metadata !== undefined) this.#ready(at, at + 1);
    return at;
  }

  #lowerBound(term: string): number {
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
    const range = this.#prefixRange(prefix);
    if (range[1] > range[0] && this.#metadata !== undefined) this.#ready(range[0], range[1]);
    return range;
  }

  #prefixRange(prefix: string): [number, number] {
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
    const from = this.#lowerBound(prefix);
    let to = from;
    while (to < terms.length && terms[to]!.startsWith(prefix)) to++;
    return [from, to];
  }

  /** The byte form (see the file comment): front-coded UTF-8, a full entry every RESTART_INTERVAL terms. */
  toBytes(): Uint8Array {
    return this.byteForm().bytes;
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
      if (state.p + length > bytes.length) this.#corrupt(state.p + length, bytes.length);
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
    if (ordinal % RESTART_INTERVAL === 0) {
      const g = ordinal >>> RESTART_SHIFT;
      // Every scan of a group starts at its restart entry: the group's entries are checked on the first.
      if ((this.#groups![g]! & CHECKED) === 0) this.#checkGroup(g);
      state.p = this.#restarts![g]!;
      state.suffix = readVarint(bytes, state);
    } else if (ordinal !== this.#curOrdinal + 1) {
      this.#seek(ordinal);
      return;
    } else shared = readHead(bytes, state);
    const suffix = state.suffix;
    // Cheap bounds checks: a group's entries are fully checked only when its metadata is decoded.
    if (shared > this.#curLength || state.p + suffix > bytes.length) {
      this.#corrupt(state.p + suffix, bytes.length);
    }
    const length = shared + suffix;
    if (this.#cur.length < length) {
      const grown = new Uint8Array(length * 2);
      grown.set(this.#cur.subarray(0, shared));
      this.#cur = grown;
    }
    // A byte loop, not set(subarray(…)): suffixes are a few bytes, and a view object per entry
    // stepped over showed in prefix walks on a loaded dictionary (the prefix class 13 % faster).
    const cur = this.#cur;
    for (let i = 0, p = state.p; i < suffix; i++) cur[shared + i] = bytes[p + i]!;
    state.p += suffix;
    this.#curLength = length;
    this.#curOrdinal = ordinal;
  }

  #curString(): string {
    const cur = this.#cur;
    const n = this.#curLength;
    // Non-ASCII terms go through the decoder; ASCII ones (most) are built from their codes in one
    // call (appending a character at a time made a chain of n partial strings).
    if (n > CODES_SCRATCH) return decoder.decode(cur.subarray(0, n));
    const codes = codesScratch;
    codes.length = n;
    for (let i = 0; i < n; i++) {
      const c = cur[i]!;
      if (c >= 0x80) return decoder.decode(cur.subarray(0, n));
      codes[i] = c;
    }
    return String.fromCharCode.apply(null, codes);
  }
}

/** The byte form of sorted terms and its restart offsets. */
function encodeTerms(terms: readonly string[]): { bytes: Uint8Array; restarts: Uint32Array } {
  // One encode of the NUL-joined terms instead of one call per term. Built-in analyzers never emit
  // NUL; a custom one may, and then each term is encoded alone (the join would split it). Room: the
  // text and 11 bytes of head per entry (an escape and two varints at worst).
  if (terms.some((t) => t.includes('\u0000'))) return encodeTermsOneByOne(terms);
  const text = encoder.encode(terms.join('\u0000'));
  const out = new Uint8Array(text.length + terms.length * 11 + 16);
  const restarts = new Uint32Array(Math.ceil(terms.length / RESTART_INTERVAL));
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
      o = putHead(out, o, shared, length - shared);
    } else {
      restarts[i / RESTART_INTERVAL] = o;
      o = putVarint(out, o, length);
    }
    out.set(text.subarray(start + shared, end), o);
    o += length - shared;
    prevStart = start;
    prevLength = length;
    start = end + 1;
  }
  return { bytes: out.slice(0, o), restarts };
}

/** Restart offsets must be one per group and start at 0; whether they ascend is checked per group on first use. */
function checkRestarts(bytes: Uint8Array, size: number, restarts: Uint32Array, part: string): void {
  const groups = Math.ceil(size / RESTART_INTERVAL);
  if (restarts.length !== groups) throw new IndexFormatError('wrong number of dictionary restart points', part, restarts.length, groups);
  if (groups === 0 && bytes.length !== 0) throw new IndexFormatError('term dictionary has trailing bytes', part, bytes.length, 0);
  if (groups > 0 && restarts[0] !== 0) throw new IndexFormatError('first dictionary restart is not at 0', part, restarts[0]!, 0);
}

/** {@link encodeTerms} for terms that may hold NUL: each encoded alone. */
function encodeTermsOneByOne(terms: readonly string[]): { bytes: Uint8Array; restarts: Uint32Array } {
  const encoded = terms.map((t) => encoder.encode(t));
  let total = 0;
  for (const e of encoded) total += e.length;
  const out = new Uint8Array(total + terms.length * 11 + 16);
  const restarts = new Uint32Array(Math.ceil(terms.length / RESTART_INTERVAL));
  let o = 0;
  let prev: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < terms.length; i++) {
    const cur = encoded[i]!;
    let shared = 0;
    if (i % RESTART_INTERVAL !== 0) {
      const max = cur.length < prev.length ? cur.length : prev.length;
      while (shared < max && cur[shared] === prev[shared]) shared++;
      o = putHead(out, o, shared, cur.length - shared);
    } else {
      restarts[i / RESTART_INTERVAL] = o;
      o = putVarint(out, o, cur.length);
    }
    out.set(cur.subarray(shared), o);
    o += cur.length - shared;
    prev = cur;
  }
  return { bytes: out.slice(0, o), restarts };
}
