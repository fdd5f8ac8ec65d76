// The byte layout of positions: one positions block per posting block, written by the segment
// builder and read through one cursor by every reader (phrases, proximity, explain, merges).
//
// A posting's positions come per field of its mask, ascending: the field's first position
// (absolute), then tf − 1 gaps (each position minus the one before); a block holds its postings'
// values in posting order. Its layout is chosen by what the reader of its posting block knows:
// - a block of one posting with fewer than MIN_RICE_VALUES values (most terms are rare) is plain
//   unsigned LEB128 varints, where a header would cost more than Rice saves;
// - any other block is Rice-coded with one parameter k: a byte k, then from the front the unary
//   quotients (v >>> k zero bits, then a one) in value order, and from the block's end backwards the
//   k-bit remainders (value i's in the k bits ending i·k bits before the end), zero bits between.
// Measured on Reuters: varints took 2,262 KB, this layout 1,841 KB (a parameter each for firsts and
// gaps would save 13 KB more, and cost a count of both before any read). Quotients apart from
// remainders make a skip over earlier postings a count of one bits, not a decode per value, and
// with the remainders anchored at the block's end (the next block's start) no count of the block's
// values is needed to find anything. k is raised until every quotient is below MAX_QUOTIENT, so no
// read scans far whatever the bytes hold; reads past the section's end see zero bytes.

import { IndexFormatError } from '../errors.js';
import { ByteWriter, putVarint } from './byte-writer.js';
import { bitWidth } from './bit-packing.js';

/** A one-posting block with fewer values than this is varints. */
export const MIN_RICE_VALUES = 4;
/** Every quotient (value >>> k) is below this: unary runs are at most 63 zeros. */
export const MAX_QUOTIENT = 64;

const QUOTIENT_BITS = 6; // 2^6 = MAX_QUOTIENT

/** Ones in each byte value. */
const POP8 = new Uint8Array(256);
for (let b = 1; b < 256; b++) POP8[b] = (b & 1) + POP8[b >>> 1]!;

/** Whether a positions block of `postings` postings holding `values` values is varints (else Rice). */
/**
 * Throws IndexFormatError when `values` positions cannot fit in the block's bytes [start, end):
 * every position takes at least one bit. Readers call it before sizing anything by tfs, which a
 * crafted file can set to 2^31 (a phrase search then allocated gigabytes).
 */
export function checkPositionCount(values: number, start: number, end: number): void {
  if (!(values >= 0 && values <= 8 * (end - start))) {
    throw new IndexFormatError('malformed positions: more positions than their bytes can hold', 'section:positions', values, 8 * (end - start));
  }
}

export function isVarintBlock(postings: number, values: number): boolean {
  return postings === 1 && values < MIN_RICE_VALUES;
}

/**
 * The Rice parameter for values[from ..]: Σ (v >>> k) + n (k + 1) bits is least near
 * log2(mean · ln 2); the exact cost of the three candidates around it (one pass for all three)
 * decides, and k is raised until every quotient is below MAX_QUOTIENT.
 */
export function riceParameter(values: ArrayLike<number>, from: number, n: number): number {
  return riceChoice(values, from, n) % 32;
}

/** The Rice parameter and the bits its codes take, as k + 32 · bits (a block may hold millions of bits). */
export function riceChoice(values: ArrayLike<number>, from: number, n: number): number {
  let sum = 0;
  let max = 0;
  const end = from + n;
  for (let i = from; i < end; i++) {
    const v = values[i]!;
    sum += v;
    if (v > max) max = v;
  }
  const floor = Math.max(0, bitWidth(max) - QUOTIENT_BITS);
  const guess = sum <= n ? 0 : Math.floor(Math.log2((sum / n) * Math.LN2));
  const k0 = Math.min(29, Math.max(floor, guess - 1));
  let q0 = 0;
  let q1 = 0;
  let q2 = 0;
  for (let i = from; i < end; i++) {
    const v = values[i]!;
    q0 += v >>> k0;
    q1 += v >>> (k0 + 1);
    q2 += v >>> (k0 + 2);
  }
  // Ties go to the smaller k. Candidates below the floor were never made (k0 ≥ floor).
  let k = k0;
  let cost = q0 + n * (k0 + 1);
  if (q1 + n * (k0 + 2) < cost) {
    k = k0 + 1;
    cost = q1 + n * (k0 + 2);
  }
  if (q2 + n * (k0 + 3) < cost) {
    k = k0 + 2;
    cost = q2 + n * (k0 + 3);
  }
  return k + cost * 32;
}

/**
 * Appends the positions block of one posting block of `postings` postings whose values are
 * `values[0 .. nV)` in posting order. Nothing is written for a block without values.
 */
export function writePositionsBlock(out: ByteWriter, values: Int32Array, nV: number, postings: number): void {
  if (nV === 0) return;
  if (isVarintBlock(postings, nV)) {
    const buf = out.reserve(5 * nV);
    let p = out.length;
    for (let i = 0; i < nV; i++) p = putVarint(buf, p, values[i]!);
    out.commit(p);
    return;
  }
  const choice = riceChoice(values, 0, nV);
  const k = choice % 32;
  const bytes = Math.ceil((8 + (choice - k) / 32) / 8);
  // Written in place, bits ORed into zeroed bytes.
  const buf = out.reserve(bytes);
  const p = out.length;
  buf.fill(0, p, p + bytes);
  buf[p] = k;
  // Quotients from the front: the zeros are already there, only each closing one is set.
  let at = p * 8 + 8;
  for (let i = 0; i < nV; i++) {
    at += values[i]! >>> k;
    buf[at >>> 3]! |= 1 << (at & 7);
    at++;
  }
  // Remainders from the end backwards: value i's k bits end i·k bits before the block's end. So the
  // last value's lie lowest: written from it down to the first, they run upward from `from`, through
  // an accumulator that hands out whole bytes (a byte loop per value was half the writer's time).
  if (k > 0) {
    const mask = k === 31 ? 0x7fffffff : (1 << k) - 1;
    const from = (p + bytes) * 8 - nV * k;
    let o = from >>> 3;
    let acc = 0;
    let held = from & 7; // low bits of the first byte belong to the quotients (acc's are zero there)
    // k ≤ 24 keeps acc within 32 bits (held < 8); wider remainders go in two halves.
    const half = k > 24;
    const lowBits = half ? k >>> 1 : k;
    const lowMask = (1 << lowBits) - 1;
    for (let i = nV - 1; i >= 0; i--) {
      const r = values[i]! & mask;
      if (half) {
        acc |= (r & lowMask) << held;
        held += lowBits;
        while (held >= 8) {
          buf[o++]! |= acc & 0xff;
          acc >>>= 8;
          held -= 8;
        }
        acc |= (r >>> lowBits) << held;
        held += k - lowBits;
      } else {
        acc |= r << held;
        held += k;
      }
      while (held >= 8) {
        buf[o++]! |= acc & 0xff;
        acc >>>= 8;
        held -= 8;
      }
    }
    // The run ends on the block's last byte: nothing is left over.
  }
  out.commit(p + bytes);
}

/**
 * Reads one positions block: `open` it (where it starts and ends, and whether it is varints, which
 * {@link isVarintBlock} says from its posting block), `skip` the values of earlier postings, then
 * read values in order. Reused across blocks; malformed bytes give wrong positions, never an endless
 * loop or an exception.
 */
export class PositionsCursor {
  #bytes: Uint8Array = new Uint8Array(0);
  #rice = false;
  /** Varint layout: byte offset of the next value. */
  #p = 0;
  #k = 0;
  #mask = 0;
  /** Rice layout: bit offsets of the next quotient, and of the end of the next remainder. */
  #quotient = 0;
  #remainder = 0;

  /** The positions block in bytes [start, end). */
  open(bytes: Uint8Array, start: number, end: number, varint: boolean): void {
    this.#bytes = bytes;
    if (varint) {
      this.#rice = false;
      this.#p = start;
      return;
    }
    this.#rice = true;
    const k = bytes[start]! & 31;
    this.#k = k;
    this.#mask = k === 31 ? 0x7fffffff : (1 << k) - 1;
    this.#quotient = start * 8 + 8;
    this.#remainder = end * 8;
  }

  /** Passes over `values` values. */
  skip(values: number): void {
    if (values === 0) return;
    if (!this.#rice) {
      this.#p = skipVarints(this.#bytes, this.#p, values);
      return;
    }
    this.#quotient = skipOnes(this.#bytes, this.#quotient, values);
    this.#remainder -= values * this.#k;
  }

  /** The next value. */
  next(): number {
    const bytes = this.#bytes;
    if (!this.#rice) {
      let p = this.#p;
      let b = bytes[p++]!;
      let v = b & 0x7f;
      for (let shift = 7; b >= 0x80 && shift < 35; shift += 7) {
        b = bytes[p++]!;
        v |= (b & 0x7f) << shift;
      }
      this.#p = p;
      return v >>> 0;
    }
    const bit = this.#quotient;
    // The quotient is the run of zeros before the next one: nearly always inside this byte.
    const b = bytes[bit >>> 3]! >>> (bit & 7);
    const q = b !== 0 ? 31 - Math.clz32(b & -b) : quotient(bytes, bit);
    this.#quotient = bit + q + 1;
    const k = this.#k;
    if (k === 0) return q;
    const at = this.#remainder - k;
    this.#remainder = at;
    const i = at >>> 3;
    const s = at & 7;
    let v = (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> s;
    // Four bytes hold 25 bits past any shift: only k > 25 can need a fifth.
    if (s + k > 32) v |= bytes[i + 4]! << (32 - s);
    return ((q << k) | (v & this.#mask)) >>> 0;
  }
}

/**
 * The offset just past the positions block at `start` of a posting block of `postings` postings
 * holding `values` values: what a loaded term table derives instead of storing (a varint block ends
 * after `values` varints; a Rice block after its k byte, its quotient bits through the last one, and
 * values × k remainder bits). Malformed bytes give some offset, never an error: callers check it
 * against what their section allows.
 */
export function positionsBlockEnd(bytes: Uint8Array, start: number, postings: number, values: number): number {
  if (values <= 0) return start;
  if (isVarintBlock(postings, values)) return skipVarints(bytes, start, values);
  const k = bytes[start] ?? 0;
  const quotientsEnd = skipOnes(bytes, start * 8 + 8, values);
  return Math.ceil((quotientsEnd + values * k) / 8);
}

/** Zero bits from `bit` to the next one bit: a quotient, capped at MAX_QUOTIENT − 1 when the bytes hold a longer run. */
function quotient(bytes: Uint8Array, bit: number): number {
  let i = bit >>> 3;
  let b = (bytes[i]! >>> (bit & 7)) & 0xff;
  let q = 0;
  let avail = 8 - (bit & 7);
  while (b === 0) {
    q += avail;
    if (q >= MAX_QUOTIENT) return MAX_QUOTIENT - 1;
    b = bytes[++i]! & 0xff;
    avail = 8;
  }
  q += 31 - Math.clz32(b & -b);
  return q < MAX_QUOTIENT ? q : MAX_QUOTIENT - 1;
}

/** The bit offset just past the `n`-th one bit at or after `bit` (the end of the bytes when there are fewer). */
export function skipOnes(bytes: Uint8Array, bit: number, n: number): number {
  if (n <= 0) return bit;
  const length = bytes.length;
  let i = bit >>> 3;
  if (i >= length) return length * 8;
  let b = bytes[i]! & ((0xff << (bit & 7)) & 0xff);
  // Byte by byte to a word boundary, then a word at a time (a quotient run is a few hundred bits).
  for (;;) {
    const c = POP8[b]!;
    if (c >= n) return afterOne(i, b, n);
    n -= c;
    if (++i >= length) return length * 8;
    if ((i & 3) === 0) break;
    b = bytes[i]!;
  }
  const view = wordsOf(bytes);
  if (view !== null) {
    const limit = view.length;
    let w = i >>> 2;
    for (; w < limit; w++) {
      const c = popcount32(view[w]!);
      if (c >= n) break;
      n -= c;
    }
    i = w << 2;
  }
  for (; i < length; i++) {
    b = bytes[i]!;
    const c = POP8[b]!;
    if (c >= n) return afterOne(i, b, n);
    n -= c;
  }
  return length * 8;
}

/** The bit offset just past the n-th one bit (n ≤ its ones) of byte `b` at byte offset `i`. */
function afterOne(i: number, b: number, n: number): number {
  while (n > 1) {
    b &= b - 1;
    n--;
  }
  return i * 8 + (31 - Math.clz32(b & -b)) + 1;
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Word views of positions sections, made once per section (an aligned view or null when misaligned). */
const wordViews = new WeakMap<Uint8Array, Uint32Array | null>();

function wordsOf(bytes: Uint8Array): Uint32Array | null {
  let view = wordViews.get(bytes);
  if (view === undefined) {
    view = (bytes.byteOffset & 3) === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2) : null;
    wordViews.set(bytes, view);
  }
  return view;
}

/**
 * The offset just past `count` varints starting at `q`. A varint ends at a byte below 0x80, so four
 * bytes at a time the ends are the clear top bits, counted branch-free: the earlier postings of a
 * block hold a few hundred position bytes, and this skip was half of a proximity read.
 */
export function skipVarints(bytes: Uint8Array, q: number, count: number): number {
  const length = bytes.length;
  while (count > 0 && (q & 3) !== 0 && q < length) if (bytes[q++]! < 0x80) count--;
  const view = wordsOf(bytes);
  if (view !== null) {
    const limit = view.length;
    for (let w = q >>> 2; count > 4 && w < limit; w++) {
      // One bit per byte whose top bit is clear, summed by a multiply into the top byte.
      const ends = Math.imul((~view[w]! >>> 7) & 0x01010101, 0x01010101) >>> 24;
      // A word is consumed only while it holds fewer ends than needed: the last one may end mid-word.
      if (ends >= count) break;
      count -= ends;
      q += 4;
    }
  }
  while (count > 0 && q < length) if (bytes[q++]! < 0x80) count--;
  return q;
}
