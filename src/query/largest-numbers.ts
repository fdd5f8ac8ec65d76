// The n largest numbers seen so far, as a min-heap: the k-th best score or date a selection must
// reach. Started full of -Infinity, so every number offered is a root replacement.

/**
 * Puts `value` in place of the smallest of `heap[0 .. n)` (a min-heap) when it is larger, and
 * restores the heap; heap[0] is then the n-th largest number offered. Returns whether it went in.
 */
export function offerLargest(heap: number[] | Float64Array, n: number, value: number): boolean {
  if (!(value > heap[0]!)) return false;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const c = l + 1 < n && heap[l + 1]! < heap[l]! ? l + 1 : l;
    if (!(heap[c]! < value)) break;
    heap[i] = heap[c]!;
    i = c;
  }
  heap[i] = value;
  return true;
}
