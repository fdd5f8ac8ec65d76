// Keeps the k first candidates in date order (newest or oldest first, undated last, then score
// descending, then id ascending) without sorting every match: a bounded heap, root the worst kept.

import type { RankedDoc } from './top-k.js';

/** A bounded heap of the k first candidates by (date key desc, score desc, id asc). */
export class DateTopK {
  readonly k: number;
  readonly #newest: boolean;
  #size = 0;
  // The date as a key that sorts descending in both orders: ±date, and −Infinity for undated.
  readonly #keys: number[] = [];
  readonly #scores: number[] = [];
  readonly #segments: number[] = [];
  readonly #docs: number[] = [];
  readonly #ids: string[] = [];

  constructor(k: number, newest: boolean) {
    this.k = k;
    this.#newest = newest;
  }

  /** Newest first (else oldest first). */
  get newest(): boolean {
    return this.#newest;
  }

  /**
   * The date key (date when newest first, −date when oldest, −Infinity when undated) of the last
   * kept candidate once k are kept, else −Infinity: a candidate with a smaller key is refused.
   */
  get worstKey(): number {
    return this.#size < this.k ? -Infinity : this.#keys[0]!;
  }

  /** The sort key of a date (epoch ms, NaN when undated). */
  #key(date: number): number {
    if (Number.isNaN(date)) return -Infinity;
    return this.#newest ? date : -date;
  }

  /** Offers a candidate; most are refused by one comparison with the worst kept. */
  offer(date: number, score: number, segment: number, doc: number, id: string): void {
    if (this.k === 0) return;
    const key = this.#key(date);
    if (this.#size < this.k) {
      this.#set(this.#size, key, score, segment, doc, id);
      this.#up(this.#size++);
      return;
    }
    if (!before(key, score, id, this.#keys[0]!, this.#scores[0]!, this.#ids[0]!)) return;
    this.#set(0, key, score, segment, doc, id);
    this.#down(0);
  }

  /** The kept candidates in order. Empties the heap. */
  drain(): RankedDoc[] {
    const out = new Array<RankedDoc>(this.#size);
    for (let i = this.#size - 1; i >= 0; i--) {
      out[i] = { segment: this.#segments[0]!, doc: this.#docs[0]!, id: this.#ids[0]!, score: this.#scores[0]!, held: 0 };
      this.#size--;
      if (this.#size > 0) {
        this.#move(this.#size, 0);
        this.#down(0);
      }
    }
    return out;
  }

  #set(i: number, key: number, score: number, segment: number, doc: number, id: string): void {
    this.#keys[i] = key;
    this.#scores[i] = score;
    this.#segments[i] = segment;
    this.#docs[i] = doc;
    this.#ids[i] = id;
  }

  #move(from: number, to: number): void {
    this.#set(to, this.#keys[from]!, this.#scores[from]!, this.#segments[from]!, this.#docs[from]!, this.#ids[from]!);
  }

  /** Entry a comes after entry b in the order. */
  #worse(a: number, b: number): boolean {
    return before(this.#keys[b]!, this.#scores[b]!, this.#ids[b]!, this.#keys[a]!, this.#scores[a]!, this.#ids[a]!);
  }

  #swap(a: number, b: number): void {
    const key = this.#keys[a]!;
    const s = this.#scores[a]!;
    const g = this.#segments[a]!;
    const d = this.#docs[a]!;
    const id = this.#ids[a]!;
    this.#move(b, a);
    this.#set(b, key, s, g, d, id);
  }

  #up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (!this.#worse(i, parent)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #down(i: number): void {
    const n = this.#size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.#worse(r, l) ? r : l;
      if (!this.#worse(c, i)) break;
      this.#swap(c, i);
      i = c;
    }
  }
}

/** (keyA, scoreA, idA) comes strictly before (keyB, scoreB, idB). */
function before(keyA: number, scoreA: number, idA: string, keyB: number, scoreB: number, idB: string): boolean {
  if (keyA !== keyB) return keyA > keyB;
  if (scoreA !== scoreB) return scoreA > scoreB;
  return idA < idB;
}
