// Fixed-width bit packing of small unsigned integers, least significant bit first: the layout of a
// full posting block's doc gaps, mask indexes and tfs (posting-blocks.ts). Writing and reading.

/** Bits needed for `value` (0 for 0): the width of a packed run whose largest value it is. */
export function bitWidth(value: number): number {
  return value === 0 ? 0 : 32 - Math.clz32(value);
}

/** Bytes of `count` values of `bits` bits, rounded up to a whole byte. */
export function packedBytes(count: number, bits: number): number {
  return Math.ceil((count * bits) / 8);
}

/** Words of a run being packed (grown on demand). */
let scratch = new Int32Array(256);

/**
 * Writes `count` values of `bits` bits (each below 2^bits; bits ≤ 31) from `values[from ..]` at
 * `buf[p]`, least significant bit first; returns the offset after the last byte written. Values
 * are ORed into 32-bit words, then the words go out little-endian: integer operations only (an
 * arithmetic accumulator was a sixth of a 200k-document build).
 */
export function packBits(buf: Uint8Array, p: number, values: ArrayLike<number>, from: number, count: number, bits: number): number {
  if (bits === 0 || count === 0) return p;
  const wordCount = Math.ceil((count * bits) / 32);
  if (scratch.length < wordCount + 1) scratch = new Int32Array(wordCount * 2 + 1);
  const words = scratch;
  words.fill(0, 0, wordCount + 1);
  for (let i = 0, o = 0; i < count; i++, o += bits) {
    const v = values[from + i]!;
    const w = o >>> 5;
    const s = o & 31;
    words[w] = words[w]! | (v << s);
    // The bits that did not fit go to the next word (`>>> 32 − s` is never a shift by 32 here).
    if (s + bits > 32) words[w + 1] = words[w + 1]! | (v >>> (32 - s));
  }
  const bytes = packedBytes(count, bits);
  for (let k = 0; k < bytes; k++) buf[p + k] = (words[k >>> 2]! >>> ((k & 3) * 8)) & 0xff;
  return p + bytes;
}

/** Low-bit masks by width: LOW_BITS[b] = 2^b − 1 (as int32). */
export const LOW_BITS = new Int32Array(33);
for (let b = 0; b < 32; b++) LOW_BITS[b] = (2 ** b - 1) | 0;
LOW_BITS[32] = -1;

/**
 * Bytes a reader may touch past a packed run: values are read as unaligned 32-bit words (5 bytes for
 * widths above 25), so a segment's postings end with this much padding.
 */
export const PACKED_SLACK = 4;

/** The widest value read with one 32-bit load (a value may start 7 bits into its first byte). */
export const ONE_WORD_BITS = 25;
