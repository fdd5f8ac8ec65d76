// The one order in which every scorer sums a bag's term contributions: floats depend on the order
// of additions, and exhaustive, pruned and boolean scoring must agree to the last bit.

import type { ScoringTerm } from './executor.js';

/**
 * The order every scorer sums a bag's terms in (term indices): by weight descending, ties in bag
 * order. The heaviest weight is the rarest word, so the last is the most common one, whose list
 * the accumulator's final pass (executor.ts) then spares the most. Tie-breakers (negative) come last.
 */
export function summationOrder(terms: readonly ScoringTerm[]): Int32Array {
  const n = terms.length;
  if (orderScratch.length < n) orderScratch = new Int32Array(Math.max(n, orderScratch.length * 2));
  const order = orderScratch;
  // Insertion sort: a bag is a few words (a prefix or fuzzy expansion at most a few dozen terms).
  for (let i = 0; i < n; i++) {
    const w = weightKey(terms[i]!.weight);
    let j = i;
    while (j > 0 && weightKey(terms[order[j - 1]!]!.weight) < w) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  return order;
}

/** A weight as a sort key: NaN (never scored) sorts as −Infinity, so the order is total. */
function weightKey(w: number): number {
  return w === w ? w : -Infinity;
}

/** {@link summationOrder}'s array, reused: a caller reads it before the next call. */
let orderScratch = new Int32Array(16);
