// Runs a plan over all segments and selects the page of results: by score (top-k), by date with
// relevance as the tie-break, or by score × a recency decay. Free-text bags take the fast path.

import type { Segment } from '../index/segment.js';
import type { Bm25fWeights } from '../scoring/bm25f.js';
import { decayFactor, type ResolvedDecay } from '../scoring/recency.js';
import { rankTerms, withRange, type CandidateFilter, type DateRange, type ScoringTerm } from './executor.js';
import { rankConjunction } from './conjunction.js';
import { evaluate } from './evaluate.js';
import type { PlanNode } from './plan.js';
import { TopK, type RankFloor, type RankedDoc } from './top-k.js';
import { DateTopK } from './date-top-k.js';
import { rankSegmentByDate } from './date-order.js';
import { proximityNeed, rescoreByProximity, rescoreFloor, wordPairs, RESCORE_WINDOW } from './proximity.js';
import { breakTies, TIE_WINDOW } from './tie-break.js';
import type { TieBreak } from './plan.js';

/** How results are ordered. */
export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** Options of {@link runPlan}. */
export interface RunOptions {
  /** Results needed from the top (offset + limit; `page` ≤ k). */
  readonly k: number;
  readonly filter: CandidateFilter | undefined;
  /** Only documents dated in this range match (tested inside the accumulator on the fast path). */
  readonly dateRange?: DateRange | undefined;
  readonly sort: SortOrder;
  readonly recency: ResolvedDecay | undefined;
  /** Also return every matching (segment, doc), for facets. */
  readonly collectMatches: boolean;
  /** Rescore the best free-text candidates by word proximity (default on in the facade). */
  readonly proximity: boolean;
  /** Exact-form tie-breaks for relevance order. */
  readonly tieBreaks: readonly TieBreak[];
  /**
   * Hits whose order matters (offset + limit). runPlan ranks `k` + TIE_WINDOW when tie-breaks apply:
   * the candidates past the page only let a tie across its last place be broken.
   */
  readonly page: number;
  /** Hits under this floor are not wanted (set by runPlan for its tie window). */
  readonly floor?: RankFloor | undefined;
}

/** The best `k` hits, the match count, and (when asked) every match. */
export interface RunResult {
  readonly hits: RankedDoc[];
  readonly total: number;
  readonly matches: Array<{ segment: number; doc: number }> | undefined;
}

/** Executes `plan`; results never depend on segment layout (ties: exact forms first, then id order). */
export function runPlan(segments: readonly Segment[], plan: PlanNode, weights: Bm25fWeights, options: RunOptions): RunResult {
  if (options.sort !== 'relevance' || options.tieBreaks.length === 0 || options.k === 0) return rank(segments, plan, weights, options);
  // A few candidates past the page, so a tie across its last place is broken before the cut.
  // Past the page only hits tied with its last matter: none scoring under it is kept (ratio 1).
  const k = options.k;
  let want = k + TIE_WINDOW;
  // A widened pass asks the filter again about documents the first pass already asked about: its
  // answers are kept, so a caller's callback runs at most once per document, as without ties.
  const filter = options.filter === undefined ? undefined : rememberedFilter(segments, options.filter);
  for (;;) {
    const wide = rank(segments, plan, weights, { ...options, filter, k: want, floor: { rank: k, ratio: 1 } });
    const hits = wide.hits;
    // The tie run across the page's last place must be whole: ranked by id alone, a run cut short
    // keeps its lowest ids, and documents with more exact forms past them would be missing from
    // this page yet first on a larger one. Widened once, to every match, when it does not end inside.
    const open = hits.length === want && hits.length >= k && hits[want - 1]!.score === hits[k - 1]!.score;
    if (!open || want >= wide.total) return { ...wide, hits: breakTies(segments, hits, options.tieBreaks, k).slice(0, k) };
    // Straight to every match: a run this long is often most of them (a recency decay of 0 for old
    // or undated articles ties them all), and doubling re-ranked 100k matches fourteen times (0.5 s).
    want = wide.total;
  }
}

/** `filter` asked once per (segment, doc): answers kept in a byte per document (0 not asked, 1 yes, 2 no). */
function rememberedFilter(segments: readonly Segment[], filter: CandidateFilter): CandidateFilter {
  // Allocated on a segment's first question: a filter that matches little costs no table.
  const answers: Array<Uint8Array | undefined> = new Array(segments.length).fill(undefined);
  return (s, doc) => {
    let table = answers[s];
    if (table === undefined) answers[s] = table = new Uint8Array(segments[s]!.data.numDocs);
    const known = table[doc]!;
    if (known !== 0) return known === 1;
    const yes = filter(s, doc);
    table[doc] = yes ? 1 : 2;
    return yes;
  };
}

function rank(segments: readonly Segment[], plan: PlanNode, weights: Bm25fWeights, options: RunOptions): RunResult {
  if (plan.kind === 'none') return { hits: [], total: 0, matches: options.collectMatches ? [] : undefined };
  if (plan.kind === 'terms' && options.sort === 'relevance' && options.recency === undefined && !options.collectMatches) {
    const pairs = options.proximity ? wordPairs(plan.terms) : [];
    if (pairs.length === 0) {
      const ranked = rankTerms(segments, plan.terms, weights, options.k, options.filter, options.dateRange, options.floor);
      return { hits: ranked.hits, total: ranked.total, matches: undefined };
    }
    // Multi-word free text: a fixed number of best candidates is rescored by proximity, whatever the
    // page size, so pages concatenate to the same order as one big page. Only the hits that can
    // reach the page get their positions read; the tie window past it needs none (see proximityNeed).
    // The rescoring floor (when there is one: no negative weight) is at or under the tie window's
    // (ratio 1/1.1 against 1, on the same page), so it alone serves both here.
    const need = proximityNeed(plan.terms, options.page);
    const ranked = rankTerms(segments, plan.terms, weights, Math.max(options.k, RESCORE_WINDOW), options.filter, options.dateRange, rescoreFloor(need));
    return { hits: rescoreByProximity(segments, ranked.hits, pairs, weights, need).slice(0, options.k), total: ranked.total, matches: undefined };
  }
  if (plan.kind === 'bool' && options.sort === 'relevance' && options.recency === undefined && !options.collectMatches && options.filter === undefined && options.dateRange === undefined) {
    const terms = conjunctionTerms(plan);
    if (terms !== undefined) {
      // `a AND b …` ranked with block-max bounds: matches under the threshold are only counted.
      const top = new TopK(options.k, options.floor);
      let total = 0;
      for (let s = 0; s < segments.length; s++) total += rankConjunction(segments[s]!, s, terms, weights, plan.boost, top);
      return { hits: top.drain(), total, matches: undefined };
    }
  }
  const matches: Array<{ segment: number; doc: number }> | undefined = options.collectMatches ? [] : undefined;
  const recency = options.recency;
  const filter = options.dateRange === undefined ? options.filter : withRange(segments, options.filter, options.dateRange);
  let total = 0;
  if (options.sort === 'relevance') {
    // Free text ranked here (facets, recency) is rescored by proximity as on the fast path, so
    // asking for facets or a decay never changes which bonus a hit gets.
    const pairs = plan.kind === 'terms' && options.proximity ? wordPairs(plan.terms) : [];
    const need = pairs.length === 0 ? 0 : proximityNeed((plan as Extract<PlanNode, { kind: 'terms' }>).terms, options.page);
    const top = pairs.length === 0 ? new TopK(options.k, options.floor) : new TopK(Math.max(options.k, RESCORE_WINDOW), rescoreFloor(need));
    let threshold = top.threshold;
    for (let s = 0; s < segments.length; s++) {
      const segment = segments[s]!;
      const result = evaluate(plan, segment, weights);
      const ids = segment.data.ids;
      const dates = segment.data.dates.value;
      for (let i = 0; i < result.length; i++) {
        const doc = result.docs[i]!;
        if (filter !== undefined && !filter(s, doc)) continue;
        total++;
        matches?.push({ segment: s, doc });
        // Recency multiplies into the score (Elasticsearch function_score, boost_mode multiply).
        const score = recency === undefined ? result.scores[i]! : result.scores[i]! * decayFactor(dates[doc]!, recency);
        // No id string for a score that cannot enter (a tie needs it).
        if (score < threshold) continue;
        const id = ids.at(doc);
        if (top.wouldAccept(score, id)) {
          top.offer(score, s, doc, id);
          threshold = top.threshold;
        }
      }
    }
    if (pairs.length === 0) return { hits: top.drain(), total, matches };
    // A decayed score's bonus decays alike: (score + bonus) × factor.
    const factor = recency === undefined ? undefined : (s: number, doc: number): number => decayFactor(segments[s]!.data.dates.value[doc]!, recency);
    return { hits: rescoreByProximity(segments, top.drain(), pairs, weights, need, factor).slice(0, options.k), total, matches };
  }
  if (plan.kind === 'terms' && recency === undefined && options.filter === undefined && matches === undefined) {
    // A bag of words by date: matches counted from DocIds and dates, only possible firsts scored.
    const newest = options.sort === 'newest';
    const top = new DateTopK(options.k, newest);
    // Newest segments first for newest-first (news is added in date order): the k-th date rises early.
    for (let n = 0; n < segments.length; n++) {
      const s = newest ? segments.length - 1 - n : n;
      total += rankSegmentByDate(segments[s]!, s, plan.terms, weights, top, options.dateRange);
    }
    return { hits: top.drain(), total, matches };
  }
  // Date order: every match is a candidate, kept by a bounded heap. News arrives roughly in date
  // order, so for newest-first the matches are walked last to first: most are then refused by one
  // compare with the heap's worst (the kept set does not depend on the walk order).
  const newest = options.sort === 'newest';
  const top = new DateTopK(options.k, newest);
  for (let n = 0; n < segments.length; n++) {
    const s = newest ? segments.length - 1 - n : n;
    const segment = segments[s]!;
    const result = evaluate(plan, segment, weights);
    const ids = segment.data.ids;
    const dates = segment.data.dates.value;
    for (let m = 0; m < result.length; m++) {
      const i = newest ? result.length - 1 - m : m;
      const doc = result.docs[i]!;
      if (filter !== undefined && !filter(s, doc)) continue;
      total++;
      matches?.push({ segment: s, doc });
      const date = dates[doc]!;
      const score = recency === undefined ? result.scores[i]! : result.scores[i]! * decayFactor(date, recency);
      top.offer(date, score, s, doc, ids.at(doc));
    }
  }
  return { hits: top.drain(), total, matches };
}

/**
 * The terms of an AND of two or more single-term bags with nothing else (`a AND b`), when each
 * weight and the node's boost are positive and finite (what {@link rankConjunction} ranks);
 * otherwise undefined.
 */
function conjunctionTerms(plan: Extract<PlanNode, { kind: 'bool' }>): ScoringTerm[] | undefined {
  if (plan.must.length < 2 || plan.should.length > 0 || plan.mustNot.length > 0) return undefined;
  if (!(plan.boost > 0) || !Number.isFinite(plan.boost)) return undefined;
  const terms: ScoringTerm[] = [];
  for (const child of plan.must) {
    if (child.kind !== 'terms' || child.terms.length !== 1) return undefined;
    const term = child.terms[0]!;
    if (!(term.weight > 0) || !Number.isFinite(term.weight)) return undefined;
    terms.push(term);
  }
  return terms;
}
