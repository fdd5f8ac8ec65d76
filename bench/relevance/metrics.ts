// Relevance measures computed exactly as trec_eval 9 does (num_q, num_ret, num_rel, num_rel_ret, map,
// Rprec, recip_rank, P_k, recall_k, ndcg, ndcg_cut_k), including its run ordering, relevance level,
// -M/-c options and averaging. Reads no files (trec-format.ts) and knows nothing of engines (run.ts).

/** One retrieved document of a run: trec_eval's docno and sim. */
export interface ScoredDoc {
  readonly id: string;
  readonly score: number;
}

/** docno → relevance judgment of one query (negative: in the pool but unjudged). */
export type Judgments = ReadonlyMap<string, number>;
/** qid → judgments. */
export type Qrels = ReadonlyMap<string, Judgments>;
/** qid → retrieved documents, in any order (they are ordered by `trecOrder`). */
export type Run = ReadonlyMap<string, readonly ScoredDoc[]>;

/** trec_eval's default cut-offs for P, recall and ndcg_cut. */
export const TREC_CUTOFFS: readonly number[] = [5, 10, 15, 20, 30, 100, 200, 500, 1000];

/** trec_eval's command-line options that change values; every default is trec_eval's. */
export interface EvaluationOptions {
  /** `-l`: lowest judgment that counts as relevant. Default 1. */
  relevanceLevel?: number;
  /** `-M`: documents per query kept after ordering. Default unlimited (trec_eval's MAXLONG). */
  maxRetrieved?: number;
  /** `-c`: average over every qrels query, a query the run lacks scoring 0. Default false. */
  complete?: boolean;
  /** Cut-offs of P, recall and ndcg_cut; positive integers. Default `TREC_CUTOFFS`. */
  cutoffs?: readonly number[];
}

/** The measures of one query, or (in `RunEvaluation.all`) their sums (`num_*`) and means (the rest). */
export interface QueryMeasures {
  num_ret: number;
  num_rel: number;
  num_rel_ret: number;
  map: number;
  Rprec: number;
  recip_rank: number;
  ndcg: number;
  /** P at each cut-off, aligned with `RunEvaluation.cutoffs`. */
  P: number[];
  recall: number[];
  ndcg_cut: number[];
}

/** A run evaluated against qrels. */
export interface RunEvaluation {
  /** Queries averaged over: in both qrels and run, or every qrels query with `complete`. */
  num_q: number;
  cutoffs: readonly number[];
  /** Per query, in trec_eval's order (qid by byte order). */
  perQuery: Map<string, QueryMeasures>;
  /** trec_eval's `all` row. */
  all: QueryMeasures;
}

/** A query's run names the same document twice; trec_eval refuses such runs. */
export class DuplicateDocumentError extends Error {
  override name = 'DuplicateDocumentError';
  readonly docId: string;
  constructor(message: string, docId: string) {
    super(message);
    this.docId = docId;
  }
}

// trec_eval's marks for retrieved documents that are not plain judgments (form_res_rels.c).
const NOT_IN_POOL = -1;
const UNJUDGED_IN_POOL = -2;

/** UTF-16 code unit remapped so that comparing units orders strings by code point, as strcmp on UTF-8 does. */
function codePointRank(unit: number): number {
  // Surrogates (astral code points) sort below U+E000-U+FFFF in UTF-16 but above them in UTF-8.
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/** Orders strings as C's strcmp orders their UTF-8 bytes (trec_eval's docno and qid order). */
export function compareBytewise(a: string, b: string): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function compareTrec(a: ScoredDoc, b: ScoredDoc): number {
  if (a.score > b.score) return -1;
  if (a.score < b.score) return 1;
  return compareBytewise(b.id, a.id);
}

/**
 * Orders a query's retrieved documents as trec_eval does: score descending, ties by docno in
 * descending byte order. The order the run lists them in, and its rank column, do not matter.
 */
export function trecOrder(docs: readonly ScoredDoc[]): ScoredDoc[] {
  return docs.slice().sort(compareTrec);
}

/**
 * Gives a ranked id list strictly decreasing scores, so `trecOrder` keeps the engine's order
 * instead of re-breaking its ties by docno.
 */
export function scoresFromRanking(ids: readonly string[]): ScoredDoc[] {
  const docs: ScoredDoc[] = new Array<ScoredDoc>(ids.length);
  for (let i = 0; i < ids.length; i++) docs[i] = { id: ids[i] as string, score: ids.length - i };
  return docs;
}

function validCutoffs(cutoffs: readonly number[]): readonly number[] {
  for (const c of cutoffs) {
    if (!Number.isInteger(c) || c <= 0) throw new RangeError(`cut-off ${c} is not a positive integer`);
  }
  return cutoffs;
}

/** Evaluates one query's retrieved documents against its judgments (trec_eval's per-query values). */
export function evaluateQuery(
  docs: readonly ScoredDoc[],
  judgments: Judgments,
  options: EvaluationOptions = {},
): QueryMeasures {
  const level = options.relevanceLevel ?? 1;
  const cutoffs = validCutoffs(options.cutoffs ?? TREC_CUTOFFS);
  const ordered = trecOrder(docs);
  const seen = new Set<string>();
  for (const doc of ordered) {
    if (seen.has(doc.id)) throw new DuplicateDocumentError(`document ${doc.id} retrieved twice`, doc.id);
    seen.add(doc.id);
  }
  const numRet = Math.min(ordered.length, options.maxRetrieved ?? Number.POSITIVE_INFINITY);

  // Relevant-so-far and DCG after each rank, so every cut-off is one lookup.
  const relPrefix = new Int32Array(numRet + 1);
  const dcgPrefix = new Float64Array(numRet + 1);
  let relSoFar = 0;
  let dcg = 0;
  let precisionSum = 0;
  let firstRelevantRank = 0;
  for (let i = 0; i < numRet; i++) {
    const judged = judgments.get((ordered[i] as ScoredDoc).id);
    const rel = judged === undefined ? NOT_IN_POOL : judged < 0 ? UNJUDGED_IN_POOL : judged;
    if (rel >= level) {
      relSoFar++;
      precisionSum += relSoFar / (i + 1);
      if (firstRelevantRank === 0) firstRelevantRank = i + 1;
    }
    // Gain is the judged level itself; rank r is discounted by log2(r + 1).
    if (rel > 0) dcg += rel / Math.log2(i + 2);
    relPrefix[i + 1] = relSoFar;
    dcgPrefix[i + 1] = dcg;
  }

  // num_rel counts judgments >= level among non-negative ones; the ideal ranking uses every positive level.
  let numRel = 0;
  const gains: number[] = [];
  for (const rel of judgments.values()) {
    if (rel >= 0 && rel >= level) numRel++;
    if (rel > 0) gains.push(rel);
  }
  gains.sort((a, b) => b - a);
  const idealPrefix = new Float64Array(gains.length + 1);
  for (let i = 0; i < gains.length; i++) idealPrefix[i + 1] = (idealPrefix[i] as number) + (gains[i] as number) / Math.log2(i + 2);

  const P: number[] = [];
  const recall: number[] = [];
  const ndcgCut: number[] = [];
  for (const c of cutoffs) {
    const relAt = relPrefix[Math.min(c, numRet)] as number;
    P.push(relAt / c);
    recall.push(numRel > 0 ? relAt / numRel : 0);
    const dcgAt = dcgPrefix[Math.min(c, numRet)] as number;
    const idealAt = idealPrefix[Math.min(c, gains.length)] as number;
    ndcgCut.push(idealAt > 0 ? dcgAt / idealAt : dcgAt);
  }
  const idealAll = idealPrefix[gains.length] as number;
  const rprecDepth = Math.min(numRet, numRel);
  return {
    num_ret: numRet,
    num_rel: numRel,
    num_rel_ret: relSoFar,
    map: relSoFar > 0 && numRel > 0 ? precisionSum / numRel : 0,
    Rprec: rprecDepth > 0 ? (relPrefix[rprecDepth] as number) / numRel : 0,
    recip_rank: firstRelevantRank > 0 ? 1 / firstRelevantRank : 0,
    ndcg: idealAll > 0 ? dcg / idealAll : 0,
    P,
    recall,
    ndcg_cut: ndcgCut,
  };
}

function zeroMeasures(cutoffCount: number): QueryMeasures {
  return {
    num_ret: 0,
    num_rel: 0,
    num_rel_ret: 0,
    map: 0,
    Rprec: 0,
    recip_rank: 0,
    ndcg: 0,
    P: new Array<number>(cutoffCount).fill(0),
    recall: new Array<number>(cutoffCount).fill(0),
    ndcg_cut: new Array<number>(cutoffCount).fill(0),
  };
}

function addInto(target: number[], values: readonly number[]): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] as number) + (values[i] as number);
}

/**
 * Evaluates a run as `trec_eval [-c] [-l N] [-M N] qrels run` does. A query counts when it is in
 * the qrels and the run retrieved something for it (a run file cannot list a query with no
 * documents); with `complete`, every qrels query counts and missing ones score 0. A qrels query
 * whose judgments are all non-relevant is evaluated too (scoring 0), as trec_eval does. Queries
 * only in the run are ignored. With no query to average, `num_q` is 0 and every mean is 0.
 */
export function evaluateRun(run: Run, qrels: Qrels, options: EvaluationOptions = {}): RunEvaluation {
  const cutoffs = validCutoffs(options.cutoffs ?? TREC_CUTOFFS);
  const qids = [...qrels.keys()].sort(compareBytewise);
  const perQuery = new Map<string, QueryMeasures>();
  const all = zeroMeasures(cutoffs.length);
  for (const qid of qids) {
    const docs = run.get(qid);
    const retrieved = docs !== undefined && docs.length > 0;
    if (!retrieved && options.complete !== true) continue;
    const measures = evaluateQuery(docs ?? [], qrels.get(qid) as Judgments, { ...options, cutoffs });
    perQuery.set(qid, measures);
    all.num_ret += measures.num_ret;
    all.num_rel += measures.num_rel;
    all.num_rel_ret += measures.num_rel_ret;
    all.map += measures.map;
    all.Rprec += measures.Rprec;
    all.recip_rank += measures.recip_rank;
    all.ndcg += measures.ndcg;
    addInto(all.P, measures.P);
    addInto(all.recall, measures.recall);
    addInto(all.ndcg_cut, measures.ndcg_cut);
  }
  const numQ = perQuery.size;
  if (numQ > 0) {
    all.map /= numQ;
    all.Rprec /= numQ;
    all.recip_rank /= numQ;
    all.ndcg /= numQ;
    for (let i = 0; i < cutoffs.length; i++) {
      all.P[i] = (all.P[i] as number) / numQ;
      all.recall[i] = (all.recall[i] as number) / numQ;
      all.ndcg_cut[i] = (all.ndcg_cut[i] as number) / numQ;
    }
  }
  return { num_q: numQ, cutoffs, perQuery, all };
}

/** The measures under trec_eval's printed names (`map`, `P_10`, `recall_1000`, `ndcg_cut_10`, ...). */
export function flattenMeasures(measures: QueryMeasures, cutoffs: readonly number[]): Map<string, number> {
  const flat = new Map<string, number>([
    ['num_ret', measures.num_ret],
    ['num_rel', measures.num_rel],
    ['num_rel_ret', measures.num_rel_ret],
    ['map', measures.map],
    ['Rprec', measures.Rprec],
    ['recip_rank', measures.recip_rank],
    ['ndcg', measures.ndcg],
  ]);
  for (let i = 0; i < cutoffs.length; i++) {
    const c = cutoffs[i] as number;
    flat.set(`P_${c}`, measures.P[i] as number);
    flat.set(`recall_${c}`, measures.recall[i] as number);
    flat.set(`ndcg_cut_${c}`, measures.ndcg_cut[i] as number);
  }
  return flat;
}

/** One measure by its trec_eval name; throws RangeError when it was not computed (e.g. a missing cut-off). */
export function measureValue(measures: QueryMeasures, cutoffs: readonly number[], name: string): number {
  const value = flattenMeasures(measures, cutoffs).get(name);
  if (value === undefined) throw new RangeError(`measure ${name} was not computed`);
  return value;
}
