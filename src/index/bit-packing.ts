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

/**
 * Writes `count` values of `bits` bits (each below 2^bits; bits ≤ 31) from `values[from ..]` at
 * `buf[p]`, least significant bit first; returns the offset after the last byte written. Build path:
 * plain arithmetic keeps a 38-bit accumulator exact.
 */
export function packBits(buf: Uint8Array, p: number, values: ArrayLike<number>, from: number, count: number, bits: number): number {
  if (bits === 0) return p;
  let acc = 0;
  let held = 0;
  for (let i = 0; i < count; i++) {
    acc += values[from + i]! * 2 ** held;
    held += bits;
    while (held >= 8) {
      buf[p++] = acc % 256;
      acc = Math.floor(acc / 256);
      held -= 8;
    }
  }
  if (held > 0) buf[p++] = acc;
  return p;
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
