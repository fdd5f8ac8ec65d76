// Proximity rescoring of free-text results: among the best candidates, documents where consecutive
// query words stand next to each other (in query order, at most one word between) get a bonus,
// so "trade fair" written together outranks "trade" and "fair" scattered. Reads positions only here.

import type { Segment } from '../index/segment.js';
import { PositionsBatch, markPresent, readPositionsBatch } from '../index/read-positions.js';
import { isExactTerm } from '../index/exact-terms.js';
import type { Bm25fWeights } from '../scoring/bm25f.js';
import type { ScoringTerm } from './executor.js';
import { HELD_TERMS, type RankFloor, type RankedDoc } from './top-k.js';

/**
 * Weight of a word pair's BM25F proximity score relative to the lighter of its two words. Small on
 * purpose: on CISI, MED and CACM (long natural-language queries) proximity is neutral at 0.1 and costs
 * relevance at 0.25 and above, so it orders documents that are otherwise close, as users expect of a
 * two- or three-word news query, without overriding term weights.
 */
export const PROXIMITY_WEIGHT = 0.1;
/** Queries with more words than this are prose, not keywords: proximity is not computed for them. */
export const MAX_PROXIMITY_WORDS = 6;
/**
 * Only this many top candidates are rescored (positions are read for them alone). Fixed, not tied
 * to the page size, so every page sees the same order; 30 covers the first three pages of ten.
 */
export const RESCORE_WINDOW = 30;
/** A pair counts when the two words are within this many extra positions of each other. */
const PAIR_SLOP = 1;

/** Adjacent pairs of the query's positive words, in query order, with the weight of the lighter word. */
export interface WordPair {
  readonly a: string;
  readonly b: string;
  readonly fieldMask: number;
  readonly weight: number;
  /** Indices of `a` and `b` in the bag the hits were ranked from, so their HeldTerms can be read. */
  readonly termA?: number;
  readonly termB?: number;
}

/** The pairs a bag of scoring terms rescoring uses (none for a one-word query). */
export function wordPairs(terms: readonly ScoringTerm[]): WordPair[] {
  const words: number[] = [];
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]!;
    if (term.weight > 0 && term.expansion !== true && !isExactTerm(term.term)) words.push(t);
  }
  const pairs: WordPair[] = [];
  if (words.length > MAX_PROXIMITY_WORDS) return pairs;
  for (let i = 0; i + 1 < words.length; i++) {
    const a = terms[words[i]!]!;
    const b = terms[words[i + 1]!]!;
    const fieldMask = a.fieldMask & b.fieldMask;
    if (fieldMask !== 0) pairs.push({ a: a.term, b: b.term, fieldMask, weight: Math.min(a.weight, b.weight) * PROXIMITY_WEIGHT, termA: words[i]!, termB: words[i + 1]! });
  }
  return pairs;
}

/** The proximity bonus of one document: Σ over pairs of weight · tf̃ / (tf̃ + k1), tf̃ from pair frequencies. */
export function proximityBonus(segment: Segment, doc: number, pairs: readonly WordPair[], weights: Bm25fWeights): number {
  const out = new Float64Array(1);
  segmentBonuses(segment, Int32Array.of(doc), undefined, 1, pairWords(pairs), weights, out);
  return out[0]!;
}

/** The distinct words of the pairs ("a b c" → a–b, b–c shares b), and each pair's two word slots. */
interface PairWords {
  readonly pairs: readonly WordPair[];
  readonly words: string[];
  /** Per word, its index in the ranked bag (-1: not known, its postings are read). */
  readonly bagIndex: Int32Array;
  readonly slots: Int32Array;
}

function pairWords(pairs: readonly WordPair[]): PairWords {
  const words: string[] = [];
  const bagIndex = new Int32Array(pairs.length * 2).fill(-1);
  const slots = new Int32Array(pairs.length * 2);
  for (let k = 0; k < pairs.length; k++) {
    for (let side = 0; side < 2; side++) {
      const pair = pairs[k]!;
      const word = side === 0 ? pair.a : pair.b;
      const index = (side === 0 ? pair.termA : pair.termB) ?? -1;
      let w = words.indexOf(word);
      if (w < 0) {
        w = words.push(word) - 1;
        bagIndex[w] = index;
      } else if (bagIndex[w] !== index) {
        // One word in two bag entries (say, title:trade and trade): what ranking records is about
        // each entry's own fields, so for such a word the postings are read (the accumulator's
        // claims cannot mislead here today, but nothing should depend on that).
        bagIndex[w] = -1;
      }
      slots[2 * k + side] = w;
    }
  }
  return { pairs, words, bagIndex, slots };
}

/** One batch per distinct pair word (at most MAX_PROXIMITY_WORDS), reused across searches. */
const batches: PositionsBatch[] = [];
let present = new Uint8Array(MAX_PROXIMITY_WORDS);
let ordinals = new Int32Array(MAX_PROXIMITY_WORDS);
/** Per word: which documents hold it, and which need its positions (a pair partner is there too). */
const holds: Uint8Array[] = [];
const wants: Uint8Array[] = [];

/**
 * The bonus of each of `docs[0 .. n)` (ascending, distinct) into `out`: each word's positions are
 * read once for all the documents, block by block (see readPositionsBatch), and only for documents
 * that also hold a pair partner. Measured on Reuters: of the ~20 documents a 2-word query rescores,
 * 3 hold both words; reading every word's positions for all of them was a quarter of the query.
 */
function segmentBonuses(segment: Segment, docs: Int32Array, held: Int32Array | undefined, n: number, shared: PairWords, weights: Bm25fWeights, out: Float64Array): void {
  const data = segment.data;
  const width = data.scoredCount;
  const { pairs, words, bagIndex, slots } = shared;
  while (batches.length < words.length) batches.push(new PositionsBatch());
  if (present.length < words.length) {
    present = new Uint8Array(words.length);
    ordinals = new Int32Array(words.length);
  }
  for (let w = 0; w < words.length; w++) {
    if (holds.length <= w) {
      holds.push(new Uint8Array(RESCORE_WINDOW));
      wants.push(new Uint8Array(RESCORE_WINDOW));
    }
    if (holds[w]!.length < n) {
      holds[w] = new Uint8Array(n);
      wants[w] = new Uint8Array(n);
    }
    const ordinal = data.dictionary.lookup(words[w]!);
    ordinals[w] = ordinal;
    present[w] = ordinal < 0 ? 0 : 1;
    if (ordinal >= 0 && !heldFromRanking(held, n, bagIndex[w]!, holds[w]!)) markPresent(data, ordinal, docs, n, holds[w]!);
    wants[w]!.fill(0, 0, n);
  }
  let anyPair = false;
  for (let k = 0; k < pairs.length; k++) {
    const wa = slots[2 * k]!;
    const wb = slots[2 * k + 1]!;
    if (present[wa] === 0 || present[wb] === 0) continue;
    const ha = holds[wa]!;
    const hb = holds[wb]!;
    for (let i = 0; i < n; i++) {
      if (ha[i] === 0 || hb[i] === 0) continue;
      wants[wa]![i] = 1;
      wants[wb]![i] = 1;
      anyPair = true;
    }
  }
  if (!anyPair) {
    out.fill(0, 0, n);
    return;
  }
  for (let w = 0; w < words.length; w++) {
    if (present[w] === 0) continue;
    readPositionsBatch(data, ordinals[w]!, docs, n, batches[w]!, wants[w]!);
  }
  for (let i = 0; i < n; i++) {
    const doc = docs[i]!;
    let bonus = 0;
    for (let k = 0; k < pairs.length; k++) {
      const wa = slots[2 * k]!;
      const wb = slots[2 * k + 1]!;
      if (present[wa] === 0 || present[wb] === 0) continue;
      const a = batches[wa]!;
      const b = batches[wb]!;
      if (a.found[i] === 0 || b.found[i] === 0) continue;
      const pair = pairs[k]!;
      let pseudoTf = 0;
      for (let m = pair.fieldMask & a.masks[i]! & b.masks[i]!; m !== 0; ) {
        const low = m & -m;
        m ^= low;
        const f = 31 - Math.clz32(low);
        if (f >= width) continue;
        const freq = pairFrequency(a, b, i * a.fieldCount + f);
        if (freq > 0) pseudoTf += weights.fieldPart(f, freq, data.fieldLengths[doc * width + f]!);
      }
      if (pseudoTf > 0) bonus += (pair.weight * pseudoTf) / (pseudoTf + weights.k1);
    }
    out[i] = bonus;
  }
}

/**
 * Fills `holds` from what ranking recorded of bag term `t` in each of the n documents (HeldTerms),
 * and says whether it could: ranking knows most, and reading the word's postings for the rest was
 * a tenth of a 2-word Reuters query (its commonest word, whose list is longest, is always known).
 */
function heldFromRanking(held: Int32Array | undefined, n: number, t: number, holds: Uint8Array): boolean {
  if (held === undefined || t < 0 || t >= HELD_TERMS) return false;
  for (let i = 0; i < n; i++) {
    const h = held[i]!;
    if (((h >>> t) & 1) !== 0) holds[i] = 1;
    else if (((h >>> (HELD_TERMS + t)) & 1) !== 0) holds[i] = 0;
    else return false;
  }
  return true;
}

/**
 * Occurrences of the first word followed by the second with at most PAIR_SLOP words between:
 * the phrase frequency of `"a b"~PAIR_SLOP` (phrase-match.ts), by a two-pointer walk over both lists.
 */
function pairFrequency(a: PositionsBatch, b: PositionsBatch, slot: number): number {
  const aStart = a.start[slot]!;
  const aEnd = aStart + a.tf[slot]!;
  const bStart = b.start[slot]!;
  const bEnd = bStart + b.tf[slot]!;
  const ap = a.pos;
  const bp = b.pos;
  let freq = 0;
  let j = bStart;
  for (let i = aStart; i < aEnd; i++) {
    // A match needs b − 1 within PAIR_SLOP of a, i.e. b ∈ [a + 1 − PAIR_SLOP, a + 1 + PAIR_SLOP].
    const lo = ap[i]! + 1 - PAIR_SLOP;
    while (j < bEnd && bp[j]! < lo) j++;
    if (j < bEnd && bp[j]! <= ap[i]! + 1 + PAIR_SLOP) freq++;
  }
  return freq;
}

/**
 * The `need` to pass {@link rescoreByProximity} for a page ending at `page`: the page itself when
 * every term's weight is positive or zero, so that a hit's score is the sum of its words' shares;
 * the whole window otherwise (a negative term lowers scores below that sum).
 */
export function proximityNeed(terms: readonly ScoringTerm[], page: number): number {
  for (let t = 0; t < terms.length; t++) if (terms[t]!.weight < 0) return RESCORE_WINDOW;
  return page;
}

/**
 * What ranking may drop for a page of `need` (from {@link proximityNeed}): a hit scoring under the
 * ratio × the need-th best is never rescored (see rescoredPrefix: ratio × s ≤ s·(1 − 1e-12)/rise,
 * with room for the product's rounding) and cannot reach the page. Dropping it lets the
 * accumulator's cut rise with the page, not the window (Reuters 2-word queries: the 10th best
 * score, not the 30th: 2-term 47.4 → 44.2 µs, 3-term 78.4 → 73.9). Undefined when the whole window
 * must be ranked.
 */
export function rescoreFloor(need: number): RankFloor | undefined {
  return need < RESCORE_WINDOW ? { rank: need, ratio: FLOOR_RATIO } : undefined;
}

const FLOOR_RATIO = ((1 - 1e-12) / (1 + PROXIMITY_WEIGHT * (1 + 1e-9))) * (1 - 1e-9);

/**
 * Adds the proximity bonus to the first RESCORE_WINDOW hits and re-sorts them (score desc, id asc);
 * hits beyond the window keep their order after them. With `need` (see {@link proximityNeed}), only
 * the first `need` hits are guaranteed to be in that order; hits that cannot reach them are left
 * unscored, in their old order after them. With `factor`, a hit's bonus is multiplied by its factor,
 * as its score was (a recency decay in [0, 1]), so the bonus stays within its share of the score.
 */
export function rescoreByProximity(
  segments: readonly Segment[],
  hits: RankedDoc[],
  pairs: readonly WordPair[],
  weights: Bm25fWeights,
  need = RESCORE_WINDOW,
  factor?: (segment: number, doc: number) => number,
): RankedDoc[] {
  if (pairs.length === 0 || hits.length === 0) return hits;
  const shared = pairWords(pairs);
  // Only the hits that can reach the first `need` (proximityNeed says how many matter).
  const size = rescoredPrefix(hits, need);
  // The window in (segment, DocId) order, what the batch reader walks: an insertion sort of ≤ 30 keys.
  const order = windowOrder;
  const key = windowKey;
  for (let i = 0; i < size; i++) {
    const h = hits[i]!;
    const k = h.segment * 2 ** 31 + h.doc;
    let j = i;
    while (j > 0 && key[j - 1]! > k) {
      key[j] = key[j - 1]!;
      order[j] = order[j - 1]!;
      j--;
    }
    key[j] = k;
    order[j] = i;
  }
  const bonuses = windowBonus;
  for (let from = 0; from < size; ) {
    const segment = hits[order[from]!]!.segment;
    let n = 0;
    while (from + n < size && hits[order[from + n]!]!.segment === segment) {
      const hit = hits[order[from + n]!]!;
      windowDocs[n] = hit.doc;
      windowHeld[n] = hit.held;
      n++;
    }
    segmentBonuses(segments[segment]!, windowDocs, windowHeld, n, shared, weights, segmentBonus);
    for (let i = 0; i < n; i++) bonuses[order[from + i]!] = factor === undefined ? segmentBonus[i]! : segmentBonus[i]! * factor(segment, windowDocs[i]!);
    from += n;
  }
  // Back into score order (desc, then id asc) by insertion: the hits arrive in that order and only
  // the few with a bonus move up (Array.prototype.sort with a comparator was 4 % of a 2-word query).
  const window = new Array<RankedDoc>(size);
  for (let i = 0; i < size; i++) {
    const h = hits[i]!;
    const x = bonuses[i] === 0 ? h : { segment: h.segment, doc: h.doc, id: h.id, score: h.score + bonuses[i]!, held: h.held };
    let j = i;
    while (j > 0) {
      const y = window[j - 1]!;
      if (y.score > x.score || (y.score === x.score && y.id < x.id)) break;
      window[j] = y;
      j--;
    }
    window[j] = x;
  }
  return size === hits.length ? window : [...window, ...hits.slice(size)];
}

/**
 * How many of the best hits need their bonus so that the first `need` of the rescored window come
 * out as if the whole window were rescored. A pair's bonus is at most PROXIMITY_WEIGHT × its left
 * term's share of the score: its weight is at most that term's, and its pair frequency in a field at
 * most that term's tf there (one saturation, rising in tf). Pairs join consecutive terms of the bag,
 * so no term is the left one of two pairs, and a bonus is at most PROXIMITY_WEIGHT × the score. A
 * hit whose score plus that is under the need-th score ends below every one of the first `need`
 * (their scores only rise): it can neither enter them nor tie with the last. Hits are in score order,
 * so those that may are a prefix. Measured: Reuters 2- and 3-word queries rescore 19–21 of 30 hits
 * for a page of 10, the 49-document sample 12; positions were a third of a 3-word query there.
 */
function rescoredPrefix(hits: readonly RankedDoc[], need: number): number {
  const size = Math.min(hits.length, RESCORE_WINDOW);
  if (need >= size) return size;
  if (need <= 0) return 0;
  // The margins cover rounding in the sums on both sides.
  const rise = 1 + PROXIMITY_WEIGHT * (1 + 1e-9);
  const cut = hits[need - 1]!.score;
  let m = need;
  while (m < size && hits[m]!.score * rise >= cut * (1 - 1e-12)) m++;
  return m;
}

// Window scratch, reused across searches (rescoring never re-enters itself).
const windowOrder = new Int32Array(RESCORE_WINDOW);
const windowKey = new Float64Array(RESCORE_WINDOW);
const windowDocs = new Int32Array(RESCORE_WINDOW);
const windowHeld = new Int32Array(RESCORE_WINDOW);
const windowBonus = new Float64Array(RESCORE_WINDOW);
const segmentBonus = new Float64Array(RESCORE_WINDOW);
