// Fuzzy term matching: Elasticsearch's AUTO fuzziness, bounded optimal-string-alignment distance and
// the expansion of a query term over a sorted vocabulary by a trie-like walk with shared DP rows.
// Works on plain sorted string arrays; it does not know segments, postings or scoring.

import { InvalidOptionError } from '../errors.js';

/** The largest edit distance supported (as in Lucene and Elasticsearch: automata beyond 2 explode). */
export const MAX_EDITS = 2;

/** Elasticsearch's `fuzziness: AUTO`: 0 edits up to 2 code points, 1 up to 5, then 2. */
export function autoFuzziness(term: string): 0 | 1 | 2 {
  let n = 0;
  for (let i = 0; i < term.length && n < 6; i++) {
    const c = term.charCodeAt(i);
    // The high half of a pair counts the code point; a lone low half counts as one too.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHigh(term.charCodeAt(i - 1)))) n++;
  }
  return n <= 2 ? 0 : n <= 5 ? 1 : 2;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function checkEdits(max: number, option: string): void {
  if (!Number.isInteger(max) || max < 0 || max > MAX_EDITS) {
    throw new InvalidOptionError(`${option} must be 0, 1 or 2, got ${String(max)}`, option);
  }
}

/** Code points of `s` into `out` from index `at`; returns the new length. Lone surrogates are kept as themselves. */
function codePoints(s: string, out: Int32Array, at: number): number {
  let k = at;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHigh(c) && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out[k++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    out[k++] = c;
  }
  return k;
}

/**
 * Fills row `k` (k ≥ 1) of the banded OSA matrix of a string `t` against the query `q` (length m):
 * cur[j] = distance(t[0..k), q[0..j)), clamped to max + 1, for j in [k − max, k + max] ∩ [0, m].
 * Cells outside the band are ≥ max + 1 by the length difference, so they are never read except the
 * one right of the band, which gets the clamp value as a sentinel. Returns the row minimum.
 * `c` is t[k−1] and `cPrev` t[k−2] (ignored when k = 1).
 */
function fillRow(
  prev2: Int32Array,
  prev: Int32Array,
  cur: Int32Array,
  k: number,
  c: number,
  cPrev: number,
  q: Int32Array,
  m: number,
  max: number,
): number {
  const inf = max + 1;
  const lo = k > max ? k - max : 0;
  const hi = k + max < m ? k + max : m;
  let rowMin = inf;
  let left = inf;
  for (let j = lo; j <= hi; j++) {
    let v: number;
    if (j === 0) {
      v = k < inf ? k : inf;
    } else {
      v = prev[j - 1]! + (c === q[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < v) v = del;
      if (left + 1 < v) v = left + 1;
      // Optimal string alignment: an adjacent transposition costs one edit.
      if (k >= 2 && j >= 2 && c === q[j - 2] && cPrev === q[j - 1]) {
        const tr = prev2[j - 2]! + 1;
        if (tr < v) v = tr;
      }
      if (v > inf) v = inf;
    }
    cur[j] = v;
    left = v;
    if (v < rowMin) rowMin = v;
  }
  if (hi + 1 <= m) cur[hi + 1] = inf;
  return rowMin;
}

/** Row 0 of the matrix: distance(ε, q[0..j)) = j, clamped. */
function fillFirstRow(row: Int32Array, m: number, max: number): void {
  for (let j = 0; j <= m; j++) row[j] = j <= max ? j : max + 1;
}

/**
 * Optimal string alignment distance (insert, delete, substitute, swap two adjacent code points) of
 * `a` and `b` when it is ≤ `max`, else `max + 1`. Banded DP with an exit as soon as a whole row
 * exceeds `max`; counts code points, not UTF-16 units. `max` must be 0, 1 or 2.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  checkEdits(max, 'fuzziness');
  if (a === b) return 0;
  const ta = new Int32Array(a.length);
  const la = codePoints(a, ta, 0);
  const q = new Int32Array(b.length);
  const m = codePoints(b, q, 0);
  if (la - m > max || m - la > max) return max + 1;
  let prev2 = new Int32Array(m + 1);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  fillFirstRow(prev, m, max);
  for (let k = 1; k <= la; k++) {
    const rowMin = fillRow(prev2, prev, cur, k, ta[k - 1]!, k >= 2 ? ta[k - 2]! : -1, q, m, max);
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** One vocabulary term within the edit budget. */
export interface FuzzyMatch {
  term: string;
  /** Index of the term in the sorted list handed in. */
  ordinal: number;
  distance: number;
}

/** Work counters of one {@link fuzzyExpand} call, filled in when passed in the options. */
export interface FuzzyStats {
  /** Terms whose distance was (at least partly) computed; skipped ranges are not counted. */
  termsVisited: number;
  /** DP rows computed; rows shared along common prefixes are computed once. */
  rowsComputed: number;
  /** Jumps by binary search: past a prefix over budget, or to the next code point that can still match. */
  rangesSkipped: number;
}

/** Options of {@link fuzzyExpand}. */
export interface FuzzyExpandOptions {
  /** Edit budget: 0, 1 or 2 (use {@link autoFuzziness} for AUTO). */
  maxEdits: 0 | 1 | 2;
  /** Code points at the start of the query that must match exactly (default 0). */
  prefixLength?: number;
  /** Most terms returned, the closest kept (default 50). */
  maxExpansions?: number;
  /** Counters to fill in (for tests and tuning). */
  stats?: FuzzyStats;
}

/** The first index in [lo, hi) whose term is ≥ `key` (sorted by code units, JavaScript's `<`). */
function lowerBound(terms: readonly string[], key: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index in [lo, hi) whose term does not start with `prefix`; terms in [lo, hi) with it come first. */
function prefixEnd(terms: readonly string[], prefix: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]!.startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * {@link lowerBound} from `lo` by galloping (lo, lo + 1, lo + 3, lo + 7, …, then a binary search of
 * the last gap): the walk's jumps mostly land a few siblings ahead, so this compares O(log distance)
 * strings instead of O(log n) (the binary searches were most of a fuzzy walk on Reuters' 91k terms).
 */
function gallopLowerBound(terms: readonly string[], key: string, lo: number, hi: number): number {
  let step = 1;
  let probe = lo;
  while (probe < hi && terms[probe]! < key) {
    lo = probe + 1;
    probe = lo + step;
    step *= 2;
  }
  return lowerBound(terms, key, lo, probe < hi ? probe : hi);
}

/** {@link prefixEnd} from `lo` by galloping, as {@link gallopLowerBound}. */
function gallopPrefixEnd(terms: readonly string[], prefix: string, lo: number, hi: number): number {
  let step = 1;
  let probe = lo;
  while (probe < hi && terms[probe]!.startsWith(prefix)) {
    lo = probe + 1;
    probe = lo + step;
    step *= 2;
  }
  return prefixEnd(terms, prefix, lo, probe < hi ? probe : hi);
}

/**
 * Called when row r − 1 of `term` is at the budget (its minimum is ≥ max). Row r can then stay within
 * the budget only if its code point equals one of q[lo − 2 .. hi − 1], where [lo, hi] is row r's
 * band: any other code point makes every substitution and transposition cost 1 more than the row
 * above. Returns −1 when `term`'s code point `c` is one of them (compute the row), otherwise the
 * index (in [after, to]) of the first term continuing the same r − 1 code points with an allowed
 * code point greater than `c`, or the end of the terms sharing those r − 1 code points.
 */
function seekAllowed(
  terms: readonly string[],
  term: string,
  prefixEndUnit: number,
  charEndUnit: number,
  c: number,
  r: number,
  q: Int32Array,
  qChars: readonly string[],
  m: number,
  max: number,
  after: number,
  to: number,
): number {
  const lo = r - max - 2 > 0 ? r - max - 2 : 0;
  const hi = r + max - 1 < m - 1 ? r + max - 1 : m - 1;
  for (let x = lo; x <= hi; x++) if (q[x] === c) return -1;
  const prefix = term.slice(0, prefixEndUnit);
  const current = term.slice(prefixEndUnit, charEndUnit);
  // Candidates compare as strings: the list is in UTF-16 order, which differs from code point
  // order above U+FFFF.
  let best: string | undefined;
  for (let x = lo; x <= hi; x++) {
    const candidate = qChars[x]!;
    if (candidate > current && (best === undefined || candidate < best)) best = candidate;
  }
  if (best === undefined) return gallopPrefixEnd(terms, prefix, after, to);
  return gallopLowerBound(terms, prefix + best, after, to);
}

/**
 * Every term of `terms` (sorted ascending by code units, distinct) within `maxEdits` optimal string
 * alignment edits of `query`, closest first, then in list order, at most `maxExpansions` of them.
 *
 * The list is walked as a trie: DP rows of the prefix a term shares with the previous one are kept,
 * so each distinct prefix costs one banded row; when a row's minimum exceeds the budget no term
 * with that prefix can match, and the walk jumps past all of them with a binary search. When a row
 * is exactly at the budget, only the few code points of the query near the band can continue it,
 * so the walk seeks straight to those children (what a Levenshtein automaton does). Once enough
 * closer terms fill `maxExpansions`, the budget shrinks so farther ranges are skipped too.
 * Cost: about one banded row (≤ 2·maxEdits + 1 cells) and one binary search per visited term.
 */
export function fuzzyExpand(terms: readonly string[], query: string, options: FuzzyExpandOptions): FuzzyMatch[] {
  const maxEdits = options.maxEdits;
  checkEdits(maxEdits, 'maxEdits');
  const prefixLength = options.prefixLength ?? 0;
  if (!Number.isInteger(prefixLength) || prefixLength < 0) {
    throw new InvalidOptionError(`prefixLength must be an integer ≥ 0, got ${String(prefixLength)}`, 'prefixLength');
  }
  const maxExpansions = options.maxExpansions ?? 50;
  if (!Number.isInteger(maxExpansions) || maxExpansions < 0) {
    throw new InvalidOptionError(`maxExpansions must be an integer ≥ 0, got ${String(maxExpansions)}`, 'maxExpansions');
  }
  const stats = options.stats;
  if (maxExpansions === 0) return [];

  const q = new Int32Array(query.length);
  const m = codePoints(query, q, 0);
  const qChars: string[] = [];
  for (let x = 0; x < m; x++) qChars.push(String.fromCodePoint(q[x]!));

  // The exact prefix narrows the walk to one contiguous range of the sorted list.
  let from = 0;
  let to = terms.length;
  if (prefixLength > 0) {
    let units = 0;
    for (let p = 0; p < prefixLength && units < query.length; p++) units += q[p]! > 0xffff ? 2 : 1;
    const prefix = query.slice(0, units);
    from = lowerBound(terms, prefix, 0, terms.length);
    to = prefixEnd(terms, prefix, from, terms.length);
  }

  // buckets[d]: matches at distance d, in list order (the walk is in list order).
  const buckets: FuzzyMatch[][] = [[], [], []];
  let max: number = maxEdits;
  let found = 0; // matches at distance ≤ max

  // Walk state: the code points of the last term walked, the UTF-16 end of each code point, and the
  // DP rows of its prefixes (rows[k] belongs to its first k code points) with their minima.
  let capacity = 32;
  let cps = new Int32Array(capacity);
  let unitEnd = new Int32Array(capacity + 1);
  let rowMins = new Int32Array(capacity + 1);
  const rows: Int32Array[] = [];
  for (let k = 0; k <= capacity; k++) rows.push(new Int32Array(m + 1));
  fillFirstRow(rows[0]!, m, max);
  let prevTerm = '';
  let depth = 0; // rows[1..depth] are valid for prevTerm's first `depth` code points

  let i = from;
  while (i < to) {
    const term = terms[i]!;
    if (stats !== undefined) stats.termsVisited++;

    // Shared prefix with the previous term, in whole code points, bounded by the rows still valid.
    const limit = term.length < prevTerm.length ? term.length : prevTerm.length;
    let common = 0;
    while (common < limit && term.charCodeAt(common) === prevTerm.charCodeAt(common)) common++;
    // A shared high surrogate may pair with different low halves (or none): not a shared code point.
    if (common > 0 && isHigh(term.charCodeAt(common - 1))) common--;
    let k = 0;
    while (k < depth && unitEnd[k + 1]! <= common) k++;

    // Decode the rest of the term, growing the buffers when it is longer than any seen so far.
    if (term.length + 1 > capacity) {
      const grown = Math.max(capacity * 2, term.length + 1);
      const c2 = new Int32Array(grown);
      c2.set(cps);
      cps = c2;
      const u2 = new Int32Array(grown + 1);
      u2.set(unitEnd);
      unitEnd = u2;
      const m2 = new Int32Array(grown + 1);
      m2.set(rowMins);
      rowMins = m2;
      for (let r = rows.length; r <= grown; r++) rows.push(new Int32Array(m + 1));
      capacity = grown;
    }
    let len = k;
    let u = unitEnd[k]!;
    while (u < term.length) {
      const c = term.charCodeAt(u);
      if (isHigh(c) && u + 1 < term.length) {
        const d = term.charCodeAt(u + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cps[len++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          u += 2;
          unitEnd[len] = u;
          continue;
        }
      }
      cps[len++] = c;
      u += 1;
      unitEnd[len] = u;
    }
    prevTerm = term;

    // Extend the shared rows to the whole term, or until a row proves no extension can match.
    let next = -1;
    depth = len;
    for (let r = k + 1; r <= len; r++) {
      // When the parent row is already at the budget, a next code point that matches no query code
      // point near the band adds 1 to every cell: only those few code points can continue, so seek
      // to the next of them instead of visiting every sibling (the Levenshtein automaton's trick).
      if (rowMins[r - 1]! >= max) {
        const seek = seekAllowed(terms, term, unitEnd[r - 1]!, unitEnd[r]!, cps[r - 1]!, r, q, qChars, m, max, i + 1, to);
        if (seek >= 0) {
          depth = r - 1;
          next = seek;
          if (stats !== undefined) stats.rangesSkipped++;
          break;
        }
      }
      if (stats !== undefined) stats.rowsComputed++;
      const rowMin = fillRow(rows[r - 2] ?? rows[0]!, rows[r - 1]!, rows[r]!, r, cps[r - 1]!, r >= 2 ? cps[r - 2]! : -1, q, m, max);
      rowMins[r] = rowMin;
      if (rowMin > max) {
        // Every term starting with these r code points is over budget: jump past them all.
        depth = r;
        next = gallopPrefixEnd(terms, term.slice(0, unitEnd[r]!), i + 1, to);
        if (stats !== undefined && next > i + 1) stats.rangesSkipped++;
        break;
      }
    }
    if (next >= 0) {
      i = next;
      continue;
    }

    const diff = len - m;
    if (diff <= max && -diff <= max) {
      const distance = rows[len]![m]!;
      if (distance <= max) {
        buckets[distance]!.push({ term, ordinal: i, distance });
        found++;
        // Enough matches at ≤ max: later terms at distance max would be cut, so tighten the budget.
        while (max >= 0 && found >= maxExpansions) {
          found -= buckets[max]!.length;
          max--;
        }
        if (max < 0) break;
        // Rows computed with a larger budget stay valid: their cells are exact within the narrower
        // band and clamped cells are still over the new budget. Row 0 is re-clamped.
        fillFirstRow(rows[0]!, m, max);
      }
    }
    i++;
  }

  const out: FuzzyMatch[] = [];
  for (let d = 0; d <= maxEdits && out.length < maxExpansions; d++) {
    const bucket = buckets[d]!;
    for (let b = 0; b < bucket.length && out.length < maxExpansions; b++) out.push(bucket[b]!);
  }
  return out;
}
