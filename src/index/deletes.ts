// The per-segment deletion bitset. Segments are immutable except for this: a delete flips one bit,
// and merges drop deleted documents for good.

/** One bit per segment-local DocId; set means deleted. */
export class DeleteSet {
  readonly words: Uint32Array;
  #count = 0;

  constructor(numDocs: number, words?: Uint32Array) {
    this.words = words ?? new Uint32Array((numDocs + 31) >>> 5);
    if (words !== undefined) {
      let c = 0;
      for (let i = 0; i < words.length; i++) {
        let w = words[i]!;
        // Population count by clearing the lowest set bit: deletes are sparse, so this loop is short.
        while (w !== 0) {
          w &= w - 1;
          c++;
        }
      }
      this.#count = c;
    }
  }

  /** Number of deleted documents. */
  get count(): number {
    return this.#count;
  }

  has(doc: number): boolean {
    return (this.words[doc >>> 5]! & (1 << (doc & 31))) !== 0;
  }

  /** Marks `doc` deleted; returns false when it already was. */
  add(doc: number): boolean {
    const i = doc >>> 5;
    const bit = 1 << (doc & 31);
    const w = this.words[i]!;
    if ((w & bit) !== 0) return false;
    this.words[i] = w | bit;
    this.#count++;
    return true;
  }
}
