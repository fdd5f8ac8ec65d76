// One-byte codes of field lengths, laid out field by field, for bounds only: a code maps to a
// length that is never above the true one (lengths below 16 exactly, then 16 steps per doubling), so
// a score computed from it is an upper bound. Derived from fieldLengths when a segment is built (and
// saved with it, so loading computes nothing); exact scores always read fieldLengths.

/** Codes per field: one byte. */
export const LENGTH_CODES = 256;

/** The code of `length`: exact below 16, else 4 mantissa bits per power of two, saturating at 255. */
export function lengthCode(length: number): number {
  if (length < 16) return length;
  const e = 27 - Math.clz32(length); // floor(log2(length)) − 4, ≥ 0
  const code = 16 + e * 16 + ((length >>> e) & 15);
  return code > 255 ? 255 : code;
}

/** The least length with each code (so `floor[lengthCode(n)] ≤ n` for every n). */
export const LENGTH_CODE_FLOOR: Float64Array = (() => {
  const floor = new Float64Array(LENGTH_CODES);
  for (let c = 0; c < LENGTH_CODES; c++) {
    if (c < 16) floor[c] = c;
    else {
      const e = (c - 16) >>> 4;
      floor[c] = (16 + ((c - 16) & 15)) * 2 ** e;
    }
  }
  return floor;
})();

/** Codes of a numDocs × width row-major length table, column-major: codes[f * numDocs + doc]. */
export function lengthCodes(fieldLengths: Uint32Array, numDocs: number, width: number): Uint8Array {
  const codes = new Uint8Array(numDocs * width);
  for (let doc = 0; doc < numDocs; doc++) {
    for (let f = 0; f < width; f++) codes[f * numDocs + doc] = lengthCode(fieldLengths[doc * width + f]!);
  }
  return codes;
}
