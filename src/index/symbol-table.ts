// A static symbol table in the manner of FSST (Boncz, Neumann, Leis, VLDB 2020): up to 255 symbols
// of 1–8 bytes, each written as one code byte, any other byte escaped. It compresses short strings
// (a segment's stored fields) one at a time, so each stays readable alone at one copy per code.

import { IndexFormatError } from '../errors.js';
import type { ByteWriter } from './byte-writer.js';

/** The storedSymbols of plain (uncoded) stored bytes. */
export const NO_SYMBOLS = new Uint8Array(0);

/** The buffer of {@link SymbolTable.decodeShared}, and a view of it for unaligned word stores. */
let shared = new Uint8Array(1024);
let sharedView = new DataView(shared.buffer);

/** The code that announces a literal byte. */
const ESCAPE = 255;
const MAX_SYMBOLS = 255;
/** Longest symbol, in bytes: one 8-byte copy per code at most. */
const MAX_LENGTH = 8;
/** Rounds of training: each round's symbols are the best of the last round's symbols and their pairs. */
const ROUNDS = 5;
/** Sample bytes trained on, as FSST does: Reuters' titles compress 1.87× with 32 KB, 1.83× with 16 KB. */
const SAMPLE_BYTES = 16 * 1024;

/** A trained table: encodes by greedy longest match, decodes by table lookup. */
export class SymbolTable {
  /** Symbols, most useful first; code i is symbols[i]. */
  readonly #lengths: Uint8Array;
  /** Symbol i's bytes at [i·8, i·8 + length). */
  readonly #bytes: Uint8Array;
  /**
   * Symbols of 2+ bytes by their first two bytes k: codes pairCodes[pairStart[k] .. pairStart[k + 1]),
   * longest first (built on first encode; flat arrays, as training rebuilds them every round).
   */
  #pairStart: Uint16Array | undefined;
  #pairCodes: Uint8Array | undefined;
  /** Per byte: the code of the one-byte symbol, or -1. */
  #single: Int16Array | undefined;

  /** Symbol i's bytes 0–3 and 4–7 as little-endian words (zero past its length), for decoding. */
  readonly #low: Uint32Array;
  readonly #high: Uint32Array;

  private constructor(lengths: Uint8Array, bytes: Uint8Array) {
    this.#lengths = lengths;
    this.#bytes = bytes;
    const words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#low = new Uint32Array(lengths.length);
    this.#high = new Uint32Array(lengths.length);
    for (let i = 0; i < lengths.length; i++) {
      this.#low[i] = words.getUint32(i * MAX_LENGTH, true);
      this.#high[i] = words.getUint32(i * MAX_LENGTH + 4, true);
    }
  }

  /** Number of symbols (at most 255). */
  get size(): number {
    return this.#lengths.length;
  }

  /** A table with no symbols: every byte is escaped (used when there is nothing to train on). */
  static empty(): SymbolTable {
    return new SymbolTable(new Uint8Array(0), new Uint8Array(0));
  }

  /**
   * Trains a table on (a sample of) `inputs`. Each round encodes the sample with the current table,
   * counts every symbol used and every pair of neighbours, and keeps the 255 candidates (symbols and
   * pairs joined, up to 8 bytes) that save the most bytes: count × length.
   */
  static train(inputs: readonly Uint8Array[]): SymbolTable {
    const sample = sampleOf(inputs);
    let table = SymbolTable.empty();
    // Counted by id, not by string: ids 0–254 are the table's symbols, 256 + b the literal byte b.
    // Building a string per occurrence cost most of the training (36 → 9 ms on Reuters' titles).
    const IDS = 512;
    const counts = new Int32Array(IDS);
    const pairs = new Int32Array(IDS * IDS);
    for (let round = 0; round < ROUNDS; round++) {
      counts.fill(0);
      pairs.fill(0);
      for (const input of sample) {
        let previous = -1;
        for (let p = 0; p < input.length; ) {
          const code = table.#match(input, p);
          const id = code < 0 ? 256 + input[p]! : code;
          counts[id] = counts[id]! + 1;
          if (previous >= 0) pairs[previous * IDS + id] = pairs[previous * IDS + id]! + 1;
          previous = id;
          p += code < 0 ? 1 : table.#lengths[code]!;
        }
      }
      const symbolOf = (id: number): string => (id >= 256 ? String.fromCharCode(id - 256) : table.#symbol(id));
      const gains = new Map<string, number>();
      const add = (key: string, n: number): void => {
        gains.set(key, (gains.get(key) ?? 0) + n * key.length);
      };
      for (let id = 0; id < IDS; id++) if (counts[id]! > 0) add(symbolOf(id), counts[id]!);
      for (let a = 0; a < IDS; a++) {
        if (counts[a] === 0) continue;
        const first = symbolOf(a);
        for (let b = 0, row = a * IDS; b < IDS; b++) {
          const n = pairs[row + b]!;
          if (n === 0) continue;
          const joined = first + symbolOf(b);
          if (joined.length <= MAX_LENGTH) add(joined, n);
        }
      }
      // Ties by the symbol's bytes, so training is deterministic whatever the map's order.
      const best = [...gains].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).slice(0, MAX_SYMBOLS);
      table = SymbolTable.#fromSymbols(best.map(([symbol]) => symbol));
    }
    return table;
  }

  /** Symbol `code` as a latin1 string. */
  #symbol(code: number): string {
    let out = '';
    for (let i = code * MAX_LENGTH, e = i + this.#lengths[code]!; i < e; i++) out += String.fromCharCode(this.#bytes[i]!);
    return out;
  }

  static #fromSymbols(symbols: readonly string[]): SymbolTable {
    const lengths = new Uint8Array(symbols.length);
    const bytes = new Uint8Array(symbols.length * MAX_LENGTH);
    symbols.forEach((s, i) => {
      lengths[i] = s.length;
      for (let j = 0; j < s.length; j++) bytes[i * MAX_LENGTH + j] = s.charCodeAt(j);
    });
    return new SymbolTable(lengths, bytes);
  }

  /** Reads a table written by {@link serialize}; a malformed one throws IndexFormatError. */
  static read(data: Uint8Array): SymbolTable {
    if (data.length === 0) return SymbolTable.empty();
    const count = data[0]!;
    if (count > MAX_SYMBOLS || data.length < 1 + count) throw new IndexFormatError('symbol table is truncated', 'section:storedSymbols', data.length, 1 + count);
    const lengths = data.slice(1, 1 + count);
    let total = 0;
    for (let i = 0; i < count; i++) {
      const length = lengths[i]!;
      if (length < 1 || length > MAX_LENGTH) throw new IndexFormatError('symbol length out of range', 'section:storedSymbols', length, `1..${MAX_LENGTH}`);
      total += length;
    }
    if (data.length !== 1 + count + total) throw new IndexFormatError('symbol table size does not match its lengths', 'section:storedSymbols', data.length, 1 + count + total);
    const bytes = new Uint8Array(count * MAX_LENGTH);
    for (let i = 0, p = 1 + count; i < count; i++) {
      bytes.set(data.subarray(p, p + lengths[i]!), i * MAX_LENGTH);
      p += lengths[i]!;
    }
    return new SymbolTable(lengths, bytes);
  }

  /** The table as bytes: count, then each symbol's length, then the symbols' bytes. */
  serialize(): Uint8Array {
    const count = this.size;
    let total = 0;
    for (let i = 0; i < count; i++) total += this.#lengths[i]!;
    const out = new Uint8Array(count === 0 ? 0 : 1 + count + total);
    if (count === 0) return out;
    out[0] = count;
    out.set(this.#lengths, 1);
    for (let i = 0, p = 1 + count; i < count; i++) {
      out.set(this.#bytes.subarray(i * MAX_LENGTH, i * MAX_LENGTH + this.#lengths[i]!), p);
      p += this.#lengths[i]!;
    }
    return out;
  }

  /** Appends the codes of `input` to `out`: the longest symbol at each position, else an escaped byte. */
  encode(input: Uint8Array, out: ByteWriter): void {
    // At most two bytes per input byte (all escaped).
    const buf = out.reserve(input.length * 2);
    let o = out.length;
    for (let p = 0; p < input.length; ) {
      const code = this.#match(input, p);
      if (code < 0) {
        buf[o++] = ESCAPE;
        buf[o++] = input[p++]!;
      } else {
        buf[o++] = code;
        p += this.#lengths[code]!;
      }
    }
    out.commit(o);
  }

  /** The bytes `codes` stand for; a code past the table, or an escape at the end, throws IndexFormatError. */
  decode(codes: Uint8Array): Uint8Array {
    return this.decodeShared(codes, 0, codes.length).slice();
  }

  /**
   * {@link decode} of codes[start, end) into a buffer shared by every table: a view valid until the
   * next call, for reads that turn the bytes into text at once (a stored document per hit).
   */
  decodeShared(codes: Uint8Array, start: number, end: number): Uint8Array {
    // Each symbol is written as two unaligned 32-bit stores whatever its length (the bytes past it are
    // overwritten by the next one): a byte loop per symbol cost ~8 ns a code, this ~2.
    const need = (end - start) * MAX_LENGTH + MAX_LENGTH;
    if (shared.length < need) {
      shared = new Uint8Array(need * 2);
      sharedView = new DataView(shared.buffer);
    }
    const out = shared;
    const view = sharedView;
    const lengths = this.#lengths;
    const low = this.#low;
    const high = this.#high;
    const count = lengths.length;
    let o = 0;
    for (let i = start; i < end; i++) {
      const c = codes[i]!;
      if (c < count) {
        view.setUint32(o, low[c]!, true);
        view.setUint32(o + 4, high[c]!, true);
        o += lengths[c]!;
      } else if (c === ESCAPE) {
        if (++i >= end) throw new IndexFormatError('stored text ends in an escape', 'section:stored', end - start, 'a literal after the escape');
        out[o++] = codes[i]!;
      } else {
        throw new IndexFormatError('stored code past the symbol table', 'section:stored', c, `< ${count}`);
      }
    }
    return out.subarray(0, o);
  }

  /** The code of the longest symbol matching input at p, or -1. */
  #match(input: Uint8Array, p: number): number {
    if (this.#pairStart === undefined) this.#index();
    const lengths = this.#lengths;
    const bytes = this.#bytes;
    const left = input.length - p;
    // Symbols are looked up by their first two bytes (a handful each), not their first byte: with
    // upper-case titles one first byte had dozens of candidates (39 → 20 ns a byte encoded).
    if (left >= 2) {
      const key = (input[p]! << 8) | input[p + 1]!;
      const start = this.#pairStart!;
      const codes = this.#pairCodes!;
      for (let i = start[key]!, end = start[key + 1]!; i < end; i++) {
        const code = codes[i]!;
        const length = lengths[code]!;
        if (length > left) continue;
        let j = 2;
        const base = code * MAX_LENGTH;
        while (j < length && bytes[base + j] === input[p + j]) j++;
        if (j === length) return code;
      }
    }
    return this.#single![input[p]!]!;
  }

  #index(): void {
    const count = this.#lengths.length;
    const single = new Int16Array(256).fill(-1);
    const keys = new Int32Array(count).fill(-1);
    const start = new Uint16Array(65537);
    const long: number[] = [];
    for (let code = 0; code < count; code++) {
      const base = code * MAX_LENGTH;
      if (this.#lengths[code] === 1) {
        single[this.#bytes[base]!] = code;
        continue;
      }
      keys[code] = (this.#bytes[base]! << 8) | this.#bytes[base + 1]!;
      start[keys[code]! + 1]!++;
      long.push(code);
    }
    for (let k = 0; k < 65536; k++) start[k + 1] = start[k + 1]! + start[k]!;
    long.sort((a, b) => keys[a]! - keys[b]! || this.#lengths[b]! - this.#lengths[a]! || a - b);
    this.#pairStart = start;
    this.#pairCodes = Uint8Array.from(long);
    this.#single = single;
  }
}

/**
 * About SAMPLE_BYTES of inputs, spread evenly over them: whole inputs in order, and a window of each
 * input too long to be taken whole (one long stored body must still be trained on, or every byte of
 * it would be escaped: twice its size).
 */
function sampleOf(inputs: readonly Uint8Array[]): Uint8Array[] {
  let total = 0;
  for (const input of inputs) total += input.length;
  if (total <= SAMPLE_BYTES) return inputs.slice();
  const out: Uint8Array[] = [];
  const stride = total / SAMPLE_BYTES;
  let taken = 0;
  let seen = 0;
  for (const input of inputs) {
    seen += input.length;
    if (input.length > SAMPLE_BYTES / 16) {
      // Its share of the sample, from its middle.
      const share = Math.max(64, Math.min(input.length, Math.round(input.length / stride)));
      const from = (input.length - share) >>> 1;
      out.push(input.subarray(from, from + share));
      taken += share;
    } else if (seen / stride >= taken + input.length) {
      // Take a short input when the running total passes the next sampling point.
      out.push(input);
      taken += input.length;
    }
  }
  return out;
}
