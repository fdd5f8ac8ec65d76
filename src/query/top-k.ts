// Keeps the k best candidates of a search: a binary heap (once k are kept) whose root is the worst kept hit.
// Order is score descending, then id ascending, so results never depend on segment layout.

/** A ranked candidate: where it lives and its score. */
export interface RankedDoc {
  readonly segment: number;
  readonly doc: number;
  readonly id: string;
  readonly score: number;
  /** What ranking learnt of which bag terms the document holds, as a {@link HeldTerms} (0: nothing). */
  readonly held: number;
}

/**
 * Bag terms a ranked document is known to hold or to lack, by index in the bag (the first 16): bit
 * t says term t is held, bit 16 + t that it is not (no match in a field it may score in); neither
 * bit: not known. The accumulator knows it for free from where each score came from, and proximity
 * rescoring then reads fewer posting lists (see proximity.ts).
 */
export type HeldTerms = number;

/** Bag terms a {@link HeldTerms} can describe. */
export const HELD_TERMS = 16;

/**
 * Documents scoring under `ratio` × the rank-th best score are not wanted, so a selection may drop
 * them: past a page of `rank`, tie-breaking needs only the hits tied with its last (ratio 1), and
 * proximity rescoring lifts no hit under 1/1.1 of it into the page (see proximity.ts).
 */
export interface RankFloor {
  readonly rank: number;
  /** In (0, 1]. */
  readonly ratio: number;
}

import { offerLargest } from './largest-numbers.js';

/** {@link TopK.drain}'s slot order, reused (a drain never nests in another). */
const drainOrder = new Int32Array(64);

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
  readonly #held: number[] = [];
  /** Whether k kept candidates are in heap order yet (made so when first needed, see #heapify). */
  #heaped = false;

  // With a floor: the `floorRank` best scores kept so far (a min-heap of numbers), and the floor
  // they set, under which no candidate is wanted (see RankFloor).
  readonly #floorRank: number;
  readonly #floorRatio: number;
  readonly #best: number[];
  #floor = -Infinity;

  /**
   * Keeps the `k` best. With `floor`, candidates scoring under floor.ratio × the floor.rank-th best
   * offered so far are refused as well (the threshold rises with the page, not with k): the first
   * floor.rank are still exact, followed by every other of the k best at or over the final floor;
   * what comes after them, kept before the floor rose, is under it.
   */
  constructor(k: number, floor?: RankFloor) {
    this.k = k;
    this.#floorRank = floor === undefined ? 0 : Math.min(floor.rank, k);
    this.#floorRatio = floor === undefined ? 0 : floor.ratio;
    this.#best = new Array<number>(this.#floorRank).fill(-Infinity);
  }

  get size(): number {
    return this.#size;
  }

  /** True when a candidate with this score and id would be kept. */
  wouldAccept(score: number, id: string): boolean {
    if (score < this.#floor) return false;
    if (this.#size < this.k) return true;
    if (!this.#heaped) this.#heapify();
    const worst = this.#scores[0]!;
    return score > worst || (score === worst && id < this.#ids[0]!);
  }

  /** The score a candidate must beat (or tie with a smaller id) to enter; -Infinity until full. */
  get threshold(): number {
    if (this.#size === this.k && !this.#heaped) this.#heapify();
    const worst = this.#size < this.k ? -Infinity : this.#scores[0]!;
    return worst > this.#floor ? worst : this.#floor;
  }

  /** Keeps the candidate if it ranks among the k best; `held` rides along (see {@link HeldTerms}). */
  offer(score: number, segment: number, doc: number, id: string, held: HeldTerms = 0): void {
    if (this.k === 0 || score < this.#floor) return;
    if (this.#size < this.k) {
      this.#set(this.#size++, score, segment, doc, id, held);
    } else if (this.wouldAccept(score, id)) {
      this.#down(0, score, segment, doc, id, held);
    } else {
      return;
    }
    if (this.#floorRank > 0) this.#raiseFloor(score);
  }

  /** Adds a kept score to the floor's heap of the best `floorRank`, raising the floor when full. */
  #raiseFloor(score: number): void {
    if (offerLargest(this.#best, this.#floorRank, score)) this.#floor = this.#best[0]! * this.#floorRatio;
  }

  /**
   * Makes the k appended candidates a heap: sift-downs from the last parent up, O(k), when the
   * root is first needed (a k+1-th offer, a threshold). Until then they are only appended, so a
   * selection asked for every match (a tie run widened to all, see run-plan.ts) never sifts:
   * 100k tied matches spent most of their 121 ms in sift-ups and root removals.
   */
  #heapify(): void {
    for (let i = (this.#size >>> 1) - 1; i >= 0; i--) {
      this.#down(i, this.#scores[i]!, this.#segments[i]!, this.#docs[i]!, this.#ids[i]!, this.#held[i]!);
    }
    this.#heaped = true;
  }

  /** The kept candidates, best first. Empties the heap. */
  drain(): RankedDoc[] {
    const n = this.#size;
    if (n > drainOrder.length) return this.#drainBySort();
    const scores = this.#scores;
    const ids = this.#ids;
    // An insertion sort of the heap's slots (best first) instead of n root removals: for a page or
    // a rescoring window (k ≤ 64) it does fewer compares than the sift-downs and moves no entries.
    const order = drainOrder;
    for (let i = 0; i < n; i++) {
      const score = scores[i]!;
      const id = ids[i]!;
      let j = i;
      while (j > 0) {
        const prev = order[j - 1]!;
        const ps = scores[prev]!;
        // Stop when the slot before is better: higher score, or equal and smaller id.
        if (ps > score || (ps === score && ids[prev]! < id)) break;
        order[j] = prev;
        j--;
      }
      order[j] = i;
    }
    const out = new Array<RankedDoc>(n);
    for (let i = 0; i < n; i++) {
      const slot = order[i]!;
      out[i] = { segment: this.#segments[slot]!, doc: this.#docs[slot]!, id: ids[slot]!, score: scores[slot]!, held: this.#held[slot]! };
    }
    this.#reset();
    return out;
  }

  #reset(): void {
    this.#size = 0;
    this.#heaped = false;
    this.#best.fill(-Infinity);
    this.#floor = -Infinity;
  }

  /**
   * {@link drain} for large k: the slots sorted once (heap or not). Faster than n root removals,
   * each a sift-down of string compares when scores tie.
   */
  #drainBySort(): RankedDoc[] {
    const n = this.#size;
    const scores = this.#scores;
    const ids = this.#ids;
    const order = new Array<number>(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => {
      const sa = scores[a]!;
      const sb = scores[b]!;
      if (sa !== sb) return sa > sb ? -1 : 1;
      return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0;
    });
    const out = new Array<RankedDoc>(n);
    for (let i = 0; i < n; i++) {
      const slot = order[i]!;
      out[i] = { segment: this.#segments[slot]!, doc: this.#docs[slot]!, id: ids[slot]!, score: scores[slot]!, held: this.#held[slot]! };
    }
    this.#reset();
    return out;
  }

  #set(i: number, score: number, segment: number, doc: number, id: string, held: number): void {
    this.#scores[i] = score;
    this.#segments[i] = segment;
    this.#docs[i] = doc;
    this.#ids[i] = id;
    this.#held[i] = held;
  }

  #move(from: number, to: number): void {
    this.#set(to, this.#scores[from]!, this.#segments[from]!, this.#docs[from]!, this.#ids[from]!, this.#held[from]!);
  }

  // Sifts move a hole, not the entry: each level copies one entry instead of swapping two (an
  // exhaustive top-30 offers ~115 candidates a Reuters query, and swaps were most of their cost).

  /** Places the entry at hole `i`, moving the worse of its children up while one is worse than it. */
  #down(i: number, score: number, segment: number, doc: number, id: string, held: number): void {
    const n = this.#size;
    const scores = this.#scores;
    const ids = this.#ids;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n) {
        const sr = scores[r]!;
        const sl = scores[l]!;
        if (sr < sl || (sr === sl && ids[r]! > ids[l]!)) c = r;
      }
      const sc = scores[c]!;
      if (!(sc < score || (sc === score && ids[c]! > id))) break;
      this.#move(c, i);
      i = c;
    }
    this.#set(i, score, segment, doc, id, held);
  }
}
