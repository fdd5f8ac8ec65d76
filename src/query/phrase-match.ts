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
  const first = positions[0];
  if (first === undefined || first.length === 0) return 0;
  for (let i = 1; i < n; i++) if (positions[i]!.length === 0) return 0;
  let freq = 0;
  for (const q0 of first) {
    const anchor = q0 - offsets[0]!;
    if (slop === 0) {
      let ok = true;
      for (let i = 1; i < n && ok; i++) ok = contains(positions[i]!, anchor + offsets[i]!);
      if (ok) freq++;
      continue;
    }
    // A window of width `slop` holding the anchor can be slid so its left edge is one of the chosen
    // normalised positions, so only those edges (and the anchor itself) need trying.
    let matched = windowFits(positions, offsets, anchor, anchor, slop);
    for (let i = 1; i < n && !matched; i++) {
      const list = positions[i]!;
      const off = offsets[i]!;
      for (let j = lowerBound(list, anchor - slop + off); j < list.length && !matched; j++) {
        const left = list[j]! - off;
        if (left > anchor) break;
        matched = windowFits(positions, offsets, anchor, left, slop);
      }
    }
    if (matched) freq++;
  }
  return freq;
}

/** Every term has a normalised position in [left, left + slop], and the anchor lies in it too. */
function windowFits(positions: readonly (readonly number[])[], offsets: readonly number[], anchor: number, left: number, slop: number): boolean {
  if (anchor < left || anchor > left + slop) return false;
  for (let i = 1; i < positions.length; i++) {
    const list = positions[i]!;
    const j = lowerBound(list, left + offsets[i]!);
    if (j >= list.length || list[j]! - offsets[i]! > left + slop) return false;
  }
  return true;
}

function lowerBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function contains(list: readonly number[], value: number): boolean {
  const i = lowerBound(list, value);
  return i < list.length && list[i] === value;
}
