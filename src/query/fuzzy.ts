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
  /** Jumps over terms: past a prefix over budget, or a binary search for a completion at the budget. */
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
  /** UTF-16 units of one completion sought at the budget (see completeAtBudget). */
  suffix = new Int32Array(32);
  /** Ordinals of the completions found below one node at the budget: at most 2·B + 1 of each kind. */
  completions = new Int32Array(2 * (2 * MAX_EDITS + 1));

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
    this.acceptAt(ordinal, this.rows[k]![this.m]!);
  }

  /** The term at `ordinal`, at `distance` from the query. */
  acceptAt(ordinal: number, distance: number): void {
    if (distance > this.max) return;
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
    // At the budget no edit is left: the few completions the row allows are looked up, not walked.
    if (i < hi && this.rowMins[k]! >= this.max) {
      this.completeAtBudget(i, hi, d, k);
      return;
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
   * Finds the terms of [i, hi) below a node whose row k is at the budget B (no cell below it). No
   * edit is left there, so the rest of a term within B is fixed by the row, as in a Levenshtein
   * automaton: after a cell j at B, the query's remaining letters q[j..m) exactly; or, from a cell j − 2
   * at B − 1 of row k − 1 when the prefix ends with q[j − 1], the transposition q[j − 2] and then
   * q[j..m) (a transposition reaches back one row; every later row is at B or over). Each completion
   * is one binary search: walking down letter by letter, seeking the few letters the band allows,
   * was most of a walk, since with no prefix every first letter opens such a node.
   */
  completeAtBudget(i: number, hi: number, d: number, k: number): void {
    const budget = this.max;
    if (budget < 0) return;
    const m = this.m;
    const q = this.q;
    const row = this.rows[k]!;
    let n = 0;
    // j = m would be the prefix itself, which visit() has already accepted.
    const lo = k > budget ? k - budget : 0;
    const top = k + budget < m - 1 ? k + budget : m - 1;
    for (let j = lo; j <= top; j++) if (row[j] === budget) n = this.seekCompletion(i, hi, d, -1, j, n);
    if (budget >= 1 && k >= 1) {
      const before = this.rows[k - 1]!;
      const last = this.cps[k - 1]!;
      // Cells j − 2 of row k − 1 inside its band.
      const from = k - 1 - budget > 0 ? k - 1 - budget : 0;
      const to = k - 1 + budget < m - 2 ? k - 1 + budget : m - 2;
      for (let c = from; c <= to; c++) if (before[c] === budget - 1 && q[c + 1] === last) n = this.seekCompletion(i, hi, d, q[c]!, c + 2, n);
    }
    if (n === 0) return;
    // In list order, once each (two completions can spell the same term): an insertion sort of ≤ 10.
    const found = this.completions;
    for (let x = 1; x < n; x++) {
      const v = found[x]!;
      let y = x;
      while (y > 0 && found[y - 1]! > v) {
        found[y] = found[y - 1]!;
        y--;
      }
      found[y] = v;
    }
    for (let x = 0; x < n && this.max >= budget; x++) if (x === 0 || found[x] !== found[x - 1]) this.acceptAt(found[x]!, budget);
  }

  /**
   * Looks in [lo, hi) (terms sharing their first d units) for the term continuing with code point
   * `first` (none when −1) and then q[j..m); records its ordinal at completions[n]. Returns the new n.
   */
  seekCompletion(lo: number, hi: number, d: number, first: number, j: number, n: number): number {
    if (this.stats !== undefined) this.stats.rangesSkipped++;
    const q = this.q;
    const m = this.m;
    if (this.suffix.length < 2 * (m + 1)) this.suffix = new Int32Array(4 * (m + 1));
    const units = this.suffix;
    let len = 0;
    for (let x = first >= 0 ? j - 1 : j; x < m; x++) {
      const cp = x === j - 1 ? first : q[x]!;
      if (cp > 0xffff) {
        units[len++] = 0xd800 + ((cp - 0x10000) >> 10);
        units[len++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      } else {
        units[len++] = cp;
      }
    }
    const terms = this.terms;
    // The range's terms share d units and are sorted by the next: a completion whose first unit
    // lies outside [first term's, last term's] is not there (most are not), and costs no search.
    const u0 = len > 0 ? units[0]! : -1;
    if (u0 >= 0 && (u0 < terms[lo]!.charCodeAt(d) || u0 > terms[hi - 1]!.charCodeAt(d))) return n;
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (compareFrom(terms[mid]!, d, units, len) < 0) a = mid + 1;
      else b = mid;
    }
    if (a < hi && compareFrom(terms[a]!, d, units, len) === 0) this.completions[n++] = a;
    return n;
  }
}

/** Compares term[d..] with units[0 .. len) by UTF-16 units, as the list is sorted. */
function compareFrom(term: string, d: number, units: Int32Array, len: number): number {
  const rest = term.length - d;
  const common = rest < len ? rest : len;
  for (let x = 0; x < common; x++) {
    const a = term.charCodeAt(d + x);
    const b = units[x]!;
    if (a !== b) return a - b;
  }
  return rest - len;
}

let sharedWalk: Walk | undefined;

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
 * with all its terms, and below a row exactly at the budget the walk stops: the few completions
 * still within it are found by binary search. Once enough closer terms fill `maxExpansions`, the
 * budget shrinks so farther ranges are skipped too.
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
