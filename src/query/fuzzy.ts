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
  /** Nodes visited: ranges of terms sharing a prefix whose row was within the budget (skipped ranges are not counted). */
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

// Sibling ranges are found by comparing one code unit at the node's depth, never by building or
// comparing strings: the string seeks of the previous walk (a slice and a concatenation per jump,
// then whole-string compares) were most of its cost, 300 ns a visited term on a 3.5k-term vocabulary.

/** The first index in [lo, hi) whose unit at `d` is not `u`, when every term from `lo` on with it comes first. */
function unitRunEnd(terms: readonly string[], d: number, u: number, lo: number, hi: number): number {
  // Galloping: siblings are mostly short runs, so O(log run) probes instead of O(log range).
  let step = 1;
  let probe = lo;
  while (probe < hi && terms[probe]!.charCodeAt(d) === u) {
    lo = probe + 1;
    probe = lo + step;
    step *= 2;
  }
  let end = probe < hi ? probe : hi;
  while (lo < end) {
    const mid = (lo + end) >>> 1;
    if (terms[mid]!.charCodeAt(d) === u) lo = mid + 1;
    else end = mid;
  }
  return lo;
}

/** The first index in [lo, hi) whose unit at `d` is ≥ `u` (units at `d` ascend over the range). */
function unitLowerBound(terms: readonly string[], d: number, u: number, lo: number, hi: number): number {
  let step = 1;
  let probe = lo;
  while (probe < hi && terms[probe]!.charCodeAt(d) < u) {
    lo = probe + 1;
    probe = lo + step;
    step *= 2;
  }
  let end = probe < hi ? probe : hi;
  while (lo < end) {
    const mid = (lo + end) >>> 1;
    if (terms[mid]!.charCodeAt(d) < u) lo = mid + 1;
    else end = mid;
  }
  return lo;
}

/** The first index in [lo, hi) not continuing with the surrogate pair (h, l) at `d` (those come first). */
function pairRunEnd(terms: readonly string[], d: number, h: number, l: number, lo: number, hi: number): number {
  let end = unitRunEnd(terms, d, h, lo, hi);
  // Within the high unit's run, terms are sorted by the next unit: the pair's run is contiguous.
  while (lo < end) {
    const mid = (lo + end) >>> 1;
    if (terms[mid]!.charCodeAt(d + 1) === l) lo = mid + 1;
    else end = mid;
  }
  return lo;
}

/** DP rows by depth (code points of the node's prefix), kept between calls; each is rowWidth cells. */
let rowPool: Int32Array[] = [];
let rowWidth = 0;

/** The state of one expansion, shared by the recursive node visits. */
class Walk {
  terms: readonly string[] = [];
  q = new Int32Array(0);
  m = 0;
  max = 0;
  maxExpansions = 0;
  /** buckets[d]: matches at distance d, in list order (the walk is in list order). */
  buckets: FuzzyMatch[][] = [[], [], []];
  /** Matches at distance ≤ max. */
  found = 0;
  stats: FuzzyStats | undefined;
  rows: Int32Array[] = [];
  rowMins = new Int32Array(65);
  /** The code points of the current node's prefix. */
  cps = new Int32Array(64);
  /** Per depth, the code points that may continue a prefix at the budget (see allowedAfter). */
  allowed = new Int32Array(64 * ALLOWED_STRIDE);

  row(k: number): Int32Array {
    const rows = this.rows;
    while (rows.length <= k) rows.push(new Int32Array(rowWidth));
    if (k >= this.cps.length) {
      const cps = new Int32Array(Math.max(64, k * 2));
      cps.set(this.cps);
      this.cps = cps;
      const mins = new Int32Array(cps.length + 1);
      mins.set(this.rowMins);
      this.rowMins = mins;
    }
    return rows[k]!;
  }

  /** The term at `ordinal`, whose code points are the current prefix of length `k`. */
  accept(ordinal: number, k: number): void {
    const max = this.max;
    const diff = k - this.m;
    if (diff > max || -diff > max) return;
    const distance = this.rows[k]![this.m]!;
    if (distance > max) return;
    this.buckets[distance]!.push({ term: this.terms[ordinal]!, ordinal, distance });
    this.found++;
    // Enough matches at ≤ max: later terms at distance max would be cut, so tighten the budget.
    while (this.max >= 0 && this.found >= this.maxExpansions) {
      this.found -= this.buckets[this.max]!.length;
      this.max--;
    }
    // Rows computed with a larger budget stay valid: their cells are exact within the narrower band
    // and clamped cells are still over the new budget. Row 0 is re-clamped.
    if (this.max >= 0) fillFirstRow(this.rows[0]!, this.m, this.max);
  }

  /** Computes row k + 1 for code point `cp` below the node of depth k; true when it is within the budget. */
  extend(k: number, cp: number): boolean {
    const cur = this.row(k + 1);
    this.cps[k] = cp;
    if (this.stats !== undefined) this.stats.rowsComputed++;
    const rows = this.rows;
    const rowMin = fillRow(k >= 1 ? rows[k - 1]! : rows[0]!, rows[k]!, cur, k + 1, cp, k >= 1 ? this.cps[k - 1]! : -1, this.q, this.m, this.max);
    this.rowMins[k + 1] = rowMin;
    return rowMin <= this.max;
  }

  /**
   * Visits the node of terms [lo, hi), which share their first `d` units (`k` code points; row k
   * computed): the term equal to the prefix (it sorts first), then each child range in list order.
   */
  visit(lo: number, hi: number, d: number, k: number): void {
    const terms = this.terms;
    if (this.stats !== undefined) this.stats.termsVisited++;
    let i = lo;
    if (terms[i]!.length === d) {
      this.accept(i, k);
      i++;
    }
    // At the budget, a next code point that matches no query code point near the band adds 1 to
    // every cell: only those few can continue, so seek to them instead of visiting every child (the
    // Levenshtein automaton's trick). Skipped when one of them is not a plain BMP unit, whose child
    // ranges would not sort by code point.
    if (i < hi && this.rowMins[k]! >= this.max) {
      const n = this.allowedAfter(k);
      if (n >= 0) {
        this.seekChildren(i, hi, d, k, n);
        return;
      }
    }
    while (i < hi && this.max >= 0) {
      const term = terms[i]!;
      const u = term.charCodeAt(d);
      let cp = u;
      let width = 1;
      let end: number;
      if (u >= 0xd800 && u <= 0xdbff) {
        const l = term.charCodeAt(d + 1);
        if (l >= 0xdc00 && l <= 0xdfff) {
          cp = ((u - 0xd800) << 10) + (l - 0xdc00) + 0x10000;
          width = 2;
          end = pairRunEnd(terms, d, u, l, i + 1, hi);
        } else {
          // A lone high surrogate: its terms may be split by pairs that start with the same unit, so
          // its run is scanned (each piece visited alike; lone surrogates are rare and never indexed).
          end = i + 1;
          while (end < hi && terms[end]!.charCodeAt(d) === u && !isLow(terms[end]!.charCodeAt(d + 1))) end++;
        }
      } else {
        end = unitRunEnd(terms, d, u, i + 1, hi);
      }
      if (this.extend(k, cp)) this.visit(i, end, d + width, k + 1);
      else if (this.stats !== undefined) this.stats.rangesSkipped++;
      i = end;
    }
  }

  /**
   * Writes to `allowed` at k × ALLOWED_STRIDE, sorted, the distinct code points that may continue a
   * prefix of k code points at the budget: q[k − max − 1 .. k + max], as {@link fillRow} reads them
   * for row k + 1. Returns how many, or −1 when one is at U+D800 or above. (Per-depth slots, so
   * deeper visits keep this node's list; plain loops, as TypedArray slice/copyWithin cost ~100 ns.)
   */
  allowedAfter(k: number): number {
    const max = this.max;
    const lo = k - max - 1 > 0 ? k - max - 1 : 0;
    const hi = k + max < this.m - 1 ? k + max : this.m - 1;
    if (this.allowed.length < (k + 1) * ALLOWED_STRIDE) {
      const grown = new Int32Array((k + 1) * ALLOWED_STRIDE * 2);
      grown.set(this.allowed);
      this.allowed = grown;
    }
    const allowed = this.allowed;
    const base = k * ALLOWED_STRIDE;
    let n = 0;
    for (let x = lo; x <= hi; x++) {
      const c = this.q[x]!;
      if (c >= 0xd800) return -1;
      // Insertion into a sorted set of at most 2·max + 2 code points.
      let j = n;
      while (j > 0 && allowed[base + j - 1]! > c) j--;
      if (j > 0 && allowed[base + j - 1] === c) continue;
      for (let y = n; y > j; y--) allowed[base + y] = allowed[base + y - 1]!;
      allowed[base + j] = c;
      n++;
    }
    return n;
  }

  /** Visits only the children of [i, hi) whose code point is one of the `n` allowed after depth k. */
  seekChildren(i: number, hi: number, d: number, k: number, n: number): void {
    const terms = this.terms;
    const base = k * ALLOWED_STRIDE;
    for (let a = 0; a < n && i < hi && this.max >= 0; a++) {
      const u = this.allowed[base + a]!;
      const start = unitLowerBound(terms, d, u, i, hi);
      if (this.stats !== undefined && start > i) this.stats.rangesSkipped++;
      if (start >= hi) return;
      if (terms[start]!.charCodeAt(d) !== u) {
        i = start;
        continue;
      }
      const end = unitRunEnd(terms, d, u, start + 1, hi);
      if (this.extend(k, u)) this.visit(start, end, d + 1, k + 1);
      i = end;
    }
    if (this.stats !== undefined && i < hi) this.stats.rangesSkipped++;
  }
}

let sharedWalk: Walk | undefined;

/** Slots per depth in Walk.allowed: at most 2·MAX_EDITS + 2 code points. */
const ALLOWED_STRIDE = 8;

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Every term of `terms` (sorted ascending by code units, distinct) within `maxEdits` optimal string
 * alignment edits of `query`, closest first, then in list order, at most `maxExpansions` of them.
 *
 * The sorted list is walked as the trie it implies: a node is a range of terms sharing a prefix,
 * its children are the runs of the next code point, found by galloping on one code unit. Each node
 * costs one banded DP row (≤ 2·maxEdits + 1 cells); a child whose row exceeds the budget is skipped
 * with all its terms, and below a row exactly at the budget only the few children spelled by query
 * code points near the band are sought. Once enough closer terms fill `maxExpansions`, the budget
 * shrinks so farther ranges are skipped too.
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
  if (maxExpansions === 0) return [];

  const q = new Int32Array(query.length);
  const m = codePoints(query, q, 0);

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

  // One walk serves every call (the expansion is synchronous and calls out to nothing), so a query
  // allocates no scratch: a fresh one with its typed arrays was a tenth of a 3.5k-term expansion.
  const walk = (sharedWalk ??= new Walk());
  walk.buckets = [[], [], []];
  walk.found = 0;
  walk.terms = terms;
  walk.q = q;
  walk.m = m;
  walk.max = maxEdits;
  walk.maxExpansions = maxExpansions;
  walk.stats = options.stats;
  // Rows are reused across calls while wide enough for this query (m + 1 cells).
  if (rowWidth < m + 1) {
    rowPool = [];
    rowWidth = Math.max(m + 1, 16);
  }
  walk.rows = rowPool;
  walk.row(0);
  fillFirstRow(walk.rows[0]!, m, maxEdits);
  walk.rowMins[0] = 0;
  if (from < to) walk.visit(from, to, 0, 0);
  walk.terms = [];
  walk.stats = undefined;

  const out: FuzzyMatch[] = [];
  const buckets = walk.buckets;
  for (let d = 0; d <= maxEdits && out.length < maxExpansions; d++) {
    const bucket = buckets[d]!;
    for (let b = 0; b < bucket.length && out.length < maxExpansions; b++) out.push(bucket[b]!);
  }
  return out;
}
