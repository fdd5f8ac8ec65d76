// Which stem each exact-form term's postings point into. An exact form's documents are a subset of
// its stem's, so its postings hold ordinals in the stem's posting list, not DocIds (segment.ts
// resolves them): most gaps then fit a 1-byte varint. Exact forms sort first (EXACT_MARK is
// U+0001), so they are the segment's term ordinals [0, count).

import { IndexFormatError } from '../errors.js';

/** An exact form whose postings hold DocIds (its stem was not known for certain when it was written). */
export const NO_STEM = 0xffffffff;

const PART = 'section:exactStems';

/**
 * Measured on Reuters (26,062 exact forms, 557,140 postings): their postings took 1,030 KB with
 * DocIds and 606 KB with ordinals; this table takes 35 KB.
 */
export class ExactStems {
  /** Exact-form terms: ordinals [0, count). */
  readonly count: number;
  #values: Uint32Array | undefined;
  #bytes: Uint8Array | undefined;
  readonly #termCount: number;
  readonly #part: string;

  private constructor(count: number, termCount: number, values: Uint32Array | undefined, bytes: Uint8Array | undefined, part: string) {
    this.count = count;
    this.#termCount = termCount;
    this.#part = part;
    this.#values = values;
    this.#bytes = bytes;
  }

  /** From a stem ordinal (or NO_STEM) per exact form. */
  static of(values: Uint32Array, termCount: number): ExactStems {
    return new ExactStems(values.length, termCount, values, undefined, PART);
  }

  /**
   * From {@link encode}'s bytes; entries are decoded (and checked) on first use, not at load.
   * `part` names the section in errors.
   */
  static fromBytes(bytes: Uint8Array, termCount: number, part = PART): ExactStems {
    const count = readVarint(bytes, { p: 0 }, part);
    if (count > termCount) throw new IndexFormatError('more exact forms than terms', part, count, termCount);
    return new ExactStems(count, termCount, undefined, bytes, part);
  }

  /** The stem ordinal whose posting list `ordinal`'s postings point into; NO_STEM for DocId postings and other terms. */
  stemOf(ordinal: number): number {
    if (ordinal >= this.count) return NO_STEM;
    return (this.#values ?? this.#decode())[ordinal]!;
  }

  /** Varint count, then per exact form 0 for NO_STEM or zigzag(stem − previous stem) + 1. */
  encode(): Uint8Array {
    const values = this.#values ?? this.#decode();
    const out: number[] = [];
    writeVarint(out, values.length);
    let previous = 0;
    for (let i = 0; i < values.length; i++) {
      const stem = values[i]!;
      if (stem === NO_STEM) {
        out.push(0);
        continue;
      }
      const delta = stem - previous;
      writeVarint(out, (delta >= 0 ? delta * 2 : -delta * 2 - 1) + 1);
      previous = stem;
    }
    return Uint8Array.from(out);
  }

  #decode(): Uint32Array {
    const bytes = this.#bytes!;
    const at = { p: 0 };
    const part = this.#part;
    const count = readVarint(bytes, at, part);
    const values = new Uint32Array(count);
    let previous = 0;
    for (let i = 0; i < count; i++) {
      const code = readVarint(bytes, at, part);
      if (code === 0) {
        values[i] = NO_STEM;
        continue;
      }
      const z = code - 1;
      const stem = previous + (z % 2 === 0 ? z / 2 : -(z + 1) / 2);
      // A stem is a word: past the exact forms, within the dictionary.
      if (!(stem >= count && stem < this.#termCount)) throw new IndexFormatError('exact-form stem out of range', part, stem, this.#termCount);
      values[i] = stem;
      previous = stem;
    }
    this.#values = values;
    this.#bytes = undefined;
    return values;
  }
}

function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

function readVarint(bytes: Uint8Array, at: { p: number }, part: string): number {
  let v = 0;
  let scale = 1;
  for (let shift = 0; shift < 35; shift += 7) {
    const b = bytes[at.p++];
    if (b === undefined) throw new IndexFormatError('exact-form stems are cut short', part, at.p, bytes.length);
    v += (b & 0x7f) * scale;
    if (b < 0x80) return v;
    scale *= 0x80;
  }
  throw new IndexFormatError('exact-form stem varint too long', part, at.p, 5);
}
