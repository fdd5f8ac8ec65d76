// Phrase and proximity matching on stored positions: how often a sequence of terms occurs in one
// field, exactly or within a slop window. Pure functions over position lists; no index access.

/**
 * Phrase frequency: the number of positions of the first term that start a match. A match takes one
 * position q_i of every term i with max(q_i − offset_i) − min(q_i − offset_i) ≤ slop (slop 0: every
 * term exactly at its offset). Word order may vary within the slop, as with a sloppy phrase.
 * `positions[i]` holds term i's positions in the field, ascending.
 */
export function phraseFrequency(positions: readonly (readonly number[])[], offsets: readonly number[], slop: number): number {
  const n = positions.length;
  const lists = positions.map((p) => Int32Array.from(p));
  const starts = new Int32Array(n);
  const ends = Int32Array.from(positions, (p) => p.length);
  return phraseFrequencyIn(lists, starts, ends, offsets, slop);
}

/**
 * {@link phraseFrequency} over slices: term i's positions are lists[i][starts[i] .. ends[i]). The
 * form the phrase evaluator uses, over the position batches it reads (no array per posting).
 */
export function phraseFrequencyIn(
  lists: readonly Int32Array[],
  starts: Int32Array,
  ends: Int32Array,
  offsets: readonly number[],
  slop: number,
): number {
  const n = lists.length;
  if (n === 0) return 0;
  for (let i = 0; i < n; i++) if (ends[i]! <= starts[i]!) return 0;
  if (slop === 0) return exactFrequency(lists, starts, ends, offsets);
  const first = lists[0]!;
  let freq = 0;
  for (let a = starts[0]!; a < ends[0]!; a++) {
    const anchor = first[a]! - offsets[0]!;
    // A window of width `slop` holding the anchor can be slid so its left edge is one of the chosen
    // normalised positions, so only those edges (and the anchor itself) need trying.
    let matched = windowFits(lists, starts, ends, offsets, anchor, anchor, slop);
    for (let i = 1; i < n && !matched; i++) {
      const list = lists[i]!;
      const off = offsets[i]!;
      const end = ends[i]!;
      for (let j = lowerBound(list, starts[i]!, end, anchor - slop + off); j < end && !matched; j++) {
        const left = list[j]! - off;
        if (left > anchor) break;
        matched = windowFits(lists, starts, ends, offsets, anchor, left, slop);
      }
    }
    if (matched) freq++;
  }
  return freq;
}

/**
 * Slop 0: anchors ascend, so does each term's wanted position (anchor + offset): one cursor per term
 * walks its list once, O(Σ tf), where a binary search per anchor and term was the phrase evaluator's
 * main cost after reading positions.
 */
function exactFrequency(lists: readonly Int32Array[], starts: Int32Array, ends: Int32Array, offsets: readonly number[]): number {
  const n = lists.length;
  const first = lists[0]!;
  const base = offsets[0]!;
  let freq = 0;
  if (n === 2) return pairFrequency(first, starts[0]!, ends[0]!, lists[1]!, starts[1]!, ends[1]!, offsets[1]! - base);
  const at = cursorScratch.length >= n ? cursorScratch : (cursorScratch = new Int32Array(n));
  for (let i = 1; i < n; i++) at[i] = starts[i]!;
  outer: for (let a = starts[0]!, endA = ends[0]!; a < endA; a++) {
    const anchor = first[a]! - base;
    let ok = true;
    for (let i = 1; i < n; i++) {
      const list = lists[i]!;
      const end = ends[i]!;
      const want = anchor + offsets[i]!;
      let j = at[i]!;
      while (j < end && list[j]! < want) j++;
      at[i] = j;
      // A list exhausted: no later anchor can match either.
      if (j === end) break outer;
      if (list[j] !== want) {
        ok = false;
        break;
      }
    }
    if (ok) freq++;
  }
  return freq;
}

let cursorScratch = new Int32Array(8);

/**
 * The exact frequency of a two-word phrase: how many positions p of a[aFrom .. aTo) have p + shift
 * in b[bFrom .. bTo) (both ascending), in one walk of each.
 */
export function pairFrequency(a: Int32Array, aFrom: number, aTo: number, b: Int32Array, bFrom: number, bTo: number, shift: number): number {
  let freq = 0;
  let j = bFrom;
  for (let i = aFrom; i < aTo; i++) {
    const want = a[i]! + shift;
    while (j < bTo && b[j]! < want) j++;
    if (j === bTo) break;
    if (b[j] === want) freq++;
  }
  return freq;
}

/** Every term has a normalised position in [left, left + slop], and the anchor lies in it too. */
function windowFits(
  lists: readonly Int32Array[],
  starts: Int32Array,
  ends: Int32Array,
  offsets: readonly number[],
  anchor: number,
  left: number,
  slop: number,
): boolean {
  if (anchor < left || anchor > left + slop) return false;
  for (let i = 1; i < lists.length; i++) {
    const list = lists[i]!;
    const j = lowerBound(list, starts[i]!, ends[i]!, left + offsets[i]!);
    if (j >= ends[i]! || list[j]! - offsets[i]! > left + slop) return false;
  }
  return true;
}

/** The first index in [lo, hi) whose value is ≥ `value` (hi when none). */
function lowerBound(list: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
