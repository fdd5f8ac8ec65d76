// A hash table from UTF-16 unit sequences to two int32 values, looked up by a span of a text or by a
// string without making a string per lookup. Open addressing over 32-bit FNV-1a hashes; each slot
// holds its key's hash, values, length and first units, so a hit on a short key reads one cache line.

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a of text[start, end)'s units; equal unit sequences hash alike whatever string holds them. */
export function hashSpan(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

// Slot layout, 8 int32s (32 bytes, two slots to a cache line):
const HASH = 0;
const A = 1;
const B = 2;
/** Key length + 1 (0: empty slot). */
const LENGTH = 3;
/** Where the units past the first INLINE start in the pool. */
const REST = 4;
/** Units 0–1, 2–3, 4–5 packed two to an int32 (low half first). */
const UNITS = 5;
const INLINE = 6;
const STRIDE = 8;
const SHIFT = 3;

/**
 * Keys → (a, b). {@link UnitTable.find} returns a slot handle for {@link UnitTable.a} and
 * {@link UnitTable.b}, valid until the next add. Measured on Reuters' 2.9M raw tokens: a hit read
 * a slot, then an entry record, then the key's units, three dependent cache misses on the long tail;
 * a key of at most INLINE units (most words) is now compared in its slot.
 */
export class UnitTable {
  #slots: Int32Array<ArrayBuffer>;
  #count = 0;
  /** Units past each key's first INLINE. */
  #units: Uint16Array<ArrayBuffer>;
  #unitsLength = 0;

  constructor(expected = 1024) {
    let slots = 16;
    while (slots < expected * 2) slots *= 2;
    this.#slots = new Int32Array(slots << SHIFT);
    this.#units = new Uint16Array(1024);
  }

  /** Number of keys. */
  get size(): number {
    return this.#count;
  }

  /** The slot of text[start, end) (its hash is `hash`, see {@link hashSpan}), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const slots = this.#slots;
    const mask = (slots.length >>> SHIFT) - 1;
    const length = end - start;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = s << SHIFT;
      const stored = slots[at + LENGTH]!;
      if (stored === 0) return -1;
      if (stored !== length + 1 || slots[at + HASH] !== hash) continue;
      // The first units, two to an int32; a unit past the key's end is 0 on both sides.
      const inline = length < INLINE ? length : INLINE;
      let i = 0;
      for (; i < inline; i += 2) {
        const lo = text.charCodeAt(start + i);
        const hi = i + 1 < inline ? text.charCodeAt(start + i + 1) : 0;
        if ((lo | (hi << 16)) !== slots[at + UNITS + (i >>> 1)]) break;
      }
      if (i < inline) continue;
      if (length > INLINE) {
        const units = this.#units;
        let k = slots[at + REST]!;
        let j = start + INLINE;
        while (j < end && text.charCodeAt(j) === units[k]) {
          j++;
          k++;
        }
        if (j < end) continue;
      }
      return s;
    }
  }

  /** Value a of the slot `s`. */
  a(s: number): number {
    return this.#slots[(s << SHIFT) + A]!;
  }

  /** Value b of the slot `s`. */
  b(s: number): number {
    return this.#slots[(s << SHIFT) + B]!;
  }

  /** Adds text[start, end) with its values; the key must not be present. Returns its slot. */
  add(text: string, start: number, end: number, hash: number, a: number, b: number): number {
    if ((this.#count + 1) * 2 > this.#slots.length >>> SHIFT) this.#growSlots();
    const length = end - start;
    let rest = 0;
    if (length > INLINE) {
      const extra = length - INLINE;
      if (this.#unitsLength + extra > this.#units.length) this.#growUnits(extra);
      rest = this.#unitsLength;
      const units = this.#units;
      for (let i = 0; i < extra; i++) units[rest + i] = text.charCodeAt(start + INLINE + i);
      this.#unitsLength = rest + extra;
    }
    const slots = this.#slots;
    const mask = (slots.length >>> SHIFT) - 1;
    let s = hash & mask;
    while (slots[(s << SHIFT) + LENGTH] !== 0) s = (s + 1) & mask;
    const at = s << SHIFT;
    slots[at + HASH] = hash;
    slots[at + A] = a;
    slots[at + B] = b;
    slots[at + LENGTH] = length + 1;
    slots[at + REST] = rest;
    const inline = length < INLINE ? length : INLINE;
    for (let i = 0; i < inline; i += 2) {
      const lo = text.charCodeAt(start + i);
      const hi = i + 1 < inline ? text.charCodeAt(start + i + 1) : 0;
      slots[at + UNITS + (i >>> 1)] = lo | (hi << 16);
    }
    this.#count++;
    return s;
  }

  /** Forgets every key (capacity is kept). */
  clear(): void {
    this.#slots.fill(0);
    this.#count = 0;
    this.#unitsLength = 0;
  }

  #growSlots(): void {
    const old = this.#slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >>> SHIFT) - 1;
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at + LENGTH] === 0) continue;
      let s = old[at + HASH]! & mask;
      while (slots[(s << SHIFT) + LENGTH] !== 0) s = (s + 1) & mask;
      slots.set(old.subarray(at, at + STRIDE), s << SHIFT);
    }
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
