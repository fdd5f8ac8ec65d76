// Keeps the k best candidates of a search: a binary heap whose root is the worst kept hit.
// Order is score descending, then id ascending, so results never depend on segment layout.

/** A ranked candidate: where it lives and its score. */
export interface RankedDoc {
  readonly segment: number;
  readonly doc: number;
  readonly id: string;
  readonly score: number;
}

/** A bounded heap of the k best (score desc, id asc) candidates. */
export class TopK {
  readonly k: number;
  #size = 0;
  // Plain arrays grown by appending (they stay packed): a heap is made per search, and typed arrays
  // past 64 bytes get an off-heap backing store whose allocation showed in one-term query profiles.
  // Appending also means a caller asking for 10,000 results with 12 matches allocates little.
  readonly #scores: number[] = [];
  readonly #segments: number[] = [];
  readonly #docs: number[] = [];
  readonly #ids: string[] = [];

  constructor(k: number) {
    this.k = k;
  }

  get size(): number {
    return this.#size;
  }

  /** True when a candidate with this score and id would be kept. */
  wouldAccept(score: number, id: string): boolean {
    if (this.#size < this.k) return true;
    const worst = this.#scores[0]!;
    return score > worst || (score === worst && id < this.#ids[0]!);
  }

  /** The score a candidate must beat (or tie with a smaller id) to enter; -Infinity until full. */
  get threshold(): number {
    return this.#size < this.k ? -Infinity : this.#scores[0]!;
  }

  offer(score: number, segment: number, doc: number, id: string): void {
    if (this.k === 0) return;
    if (this.#size < this.k) {
      this.#set(this.#size, score, segment, doc, id);
      this.#up(this.#size++);
    } else if (this.wouldAccept(score, id)) {
      this.#set(0, score, segment, doc, id);
      this.#down(0);
    }
  }

  /** The kept candidates, best first. Empties the heap. */
  drain(): RankedDoc[] {
    const out = new Array<RankedDoc>(this.#size);
    for (let i = this.#size - 1; i >= 0; i--) {
      out[i] = { segment: this.#segments[0]!, doc: this.#docs[0]!, id: this.#ids[0]!, score: this.#scores[0]! };
      this.#size--;
      if (this.#size > 0) {
        this.#move(this.#size, 0);
        this.#down(0);
      }
    }
    return out;
  }

  #set(i: number, score: number, segment: number, doc: number, id: string): void {
    this.#scores[i] = score;
    this.#segments[i] = segment;
    this.#docs[i] = doc;
    this.#ids[i] = id;
  }

  #move(from: number, to: number): void {
    this.#set(to, this.#scores[from]!, this.#segments[from]!, this.#docs[from]!, this.#ids[from]!);
  }

  /** a is worse than b: lower score, or equal score and larger id. */
  #worse(a: number, b: number): boolean {
    const sa = this.#scores[a]!;
    const sb = this.#scores[b]!;
    return sa < sb || (sa === sb && this.#ids[a]! > this.#ids[b]!);
  }

  #swap(a: number, b: number): void {
    const s = this.#scores[a]!;
    const g = this.#segments[a]!;
    const d = this.#docs[a]!;
    const id = this.#ids[a]!;
    this.#move(b, a);
    this.#set(b, s, g, d, id);
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
