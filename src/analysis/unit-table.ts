// A hash table from UTF-16 unit sequences to two int32 values, entries numbered in insertion order
// (0, 1, 2, …), looked up by a span of a text or by a string without making a string per lookup.
// Open addressing over 32-bit FNV-1a hashes; keys live as units in one Uint16Array pool, so the
// table is four typed arrays however many keys it holds.

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a of text[start, end)'s units; equal unit sequences hash alike whatever string holds them. */
export function hashSpan(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Entries are numbered densely from 0; {@link UnitTable.clear} forgets them all. */
export class UnitTable {
  // Layout for few cache misses per lookup: a probe reads one slot pair (hash, entry + 1; 0 when
  // empty) and compares the hash there; a match reads one entry record and the key's units.
  // Slot pairs: power-of-two count, at most half full.
  #slots: Int32Array<ArrayBuffer>;
  #count = 0;
  /** Per entry: key start in #units, key length, value a, value b. */
  #entries: Int32Array<ArrayBuffer>;
  #units: Uint16Array<ArrayBuffer>;
  #unitsLength = 0;

  constructor(expected = 1024) {
    let slots = 16;
    while (slots < expected * 2) slots *= 2;
    this.#slots = new Int32Array(slots * 2);
    this.#entries = new Int32Array(slots * 2);
    this.#units = new Uint16Array(slots * 4);
  }

  /** Number of entries. */
  get size(): number {
    return this.#count;
  }

  /** The entry whose key is text[start, end) (its hash is `hash`, see {@link hashSpan}), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const slots = this.#slots;
    const mask = (slots.length >>> 1) - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const e = slots[2 * s + 1]! - 1;
      if (e < 0) return -1;
      if (slots[2 * s] !== hash) continue;
      const entries = this.#entries;
      if (entries[4 * e + 1] !== end - start) continue;
      const units = this.#units;
      let k = entries[4 * e]!;
      let i = start;
      while (i < end && text.charCodeAt(i) === units[k]) {
        i++;
        k++;
      }
      if (i === end) return e;
    }
  }

  /** Value a of entry `e`. */
  a(e: number): number {
    return this.#entries[4 * e + 2]!;
  }

  /** Value b of entry `e`. */
  b(e: number): number {
    return this.#entries[4 * e + 3]!;
  }

  /** Adds text[start, end) with its values; the key must not be present. Returns its entry. */
  add(text: string, start: number, end: number, hash: number, a: number, b: number): number {
    if ((this.#count + 1) * 2 > this.#slots.length >>> 1) this.#growSlots();
    const e = this.#count;
    if (4 * (e + 1) > this.#entries.length) {
      const entries = new Int32Array(this.#entries.length * 2);
      entries.set(this.#entries);
      this.#entries = entries;
    }
    const length = end - start;
    if (this.#unitsLength + length > this.#units.length) this.#growUnits(length);
    const at = this.#unitsLength;
    const units = this.#units;
    for (let i = 0; i < length; i++) units[at + i] = text.charCodeAt(start + i);
    this.#unitsLength = at + length;
    const entries = this.#entries;
    entries[4 * e] = at;
    entries[4 * e + 1] = length;
    entries[4 * e + 2] = a;
    entries[4 * e + 3] = b;
    this.#count = e + 1;
    this.#place(this.#slots, hash, e);
    return e;
  }

  /** Forgets every entry (capacity is kept). */
  clear(): void {
    this.#slots.fill(0);
    this.#count = 0;
    this.#unitsLength = 0;
  }

  #place(slots: Int32Array, hash: number, e: number): void {
    const mask = (slots.length >>> 1) - 1;
    let s = hash & mask;
    while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
    slots[2 * s] = hash;
    slots[2 * s + 1] = e + 1;
  }

  #growSlots(): void {
    const old = this.#slots;
    const slots = new Int32Array(old.length * 2);
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== 0) this.#place(slots, old[s]!, old[s + 1]! - 1);
    this.#slots = slots;
  }

  #growUnits(extra: number): void {
    let cap = this.#units.length * 2;
    while (cap < this.#unitsLength + extra) cap *= 2;
    const units = new Uint16Array(cap);
    units.set(this.#units.subarray(0, this.#unitsLength));
    this.#units = units;
  }
}
