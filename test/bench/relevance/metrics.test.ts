// Specification of the trec_eval measures: hand-computed cases (always run) and conformance with
// trec_eval 9's own test outputs in shared/corpora/trec_eval (skipped with a notice when absent).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { corporaDir } from '../../../bench/relevance/collections.js';
import {
  DuplicateDocumentError,
  compareBytewise,
  evaluateQuery,
  evaluateRun,
  flattenMeasures,
  measureValue,
  scoresFromRanking,
  trecOrder,
  type EvaluationOptions,
  type QueryMeasures,
  type RunEvaluation,
  type ScoredDoc,
} from '../../../bench/relevance/metrics.js';
import { TrecFormatError, parseQrels, parseRun } from '../../../bench/relevance/trec-format.js';

const CUTS = [1, 5, 10, 1000];
const close = (actual: number, expected: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} !== ${expected}`);
const value = (m: QueryMeasures, name: string): number => measureValue(m, CUTS, name);
const docs = (...ids: string[]): ScoredDoc[] => scoresFromRanking(ids);
const judged = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));

// --- one query, by hand -------------------------------------------------------------------------

test('5 retrieved, relevant at ranks 1 and 3 of 2 relevant: AP, P@k, recall, nDCG, Rprec, RR', () => {
  const m = evaluateQuery(docs('a', 'b', 'c', 'd', 'e'), judged({ a: 1, c: 1, b: 0 }), { cutoffs: CUTS });
  close(m.map, (1 / 1 + 2 / 3) / 2, 'map');
  close(value(m, 'P_5'), 2 / 5, 'P_5');
  close(value(m, 'P_10'), 2 / 10, 'P_10 divides by 10 although only 5 were retrieved');
  close(value(m, 'recall_1000'), 1, 'recall_1000');
  close(value(m, 'ndcg_cut_10'), (1 + 1 / Math.log2(4)) / (1 + 1 / Math.log2(3)), 'ndcg_cut_10');
  close(m.Rprec, 1 / 2, 'Rprec looks at the first num_rel = 2 docs');
  close(m.recip_rank, 1, 'recip_rank');
  assert.equal([m.num_ret, m.num_rel, m.num_rel_ret], [5, 2, 2]);
});

test('AP and recall divide by every relevant judgment, retrieved or not', () => {
  const m = evaluateQuery(docs('a', 'b', 'c'), judged({ a: 1, c: 1, z: 1 }), { cutoffs: CUTS });
  close(m.map, (1 + 2 / 3) / 3, 'map');
  close(value(m, 'recall_1000'), 2 / 3, 'recall_1000');
  assert.is(m.num_rel, 3);
});

test('unjudged and judged-nonrelevant documents both count as non-relevant', () => {
  const m = evaluateQuery(docs('x', 'n', 'a'), judged({ n: 0, a: 1 }), { cutoffs: CUTS });
  close(m.map, 1 / 3, 'map');
  close(m.recip_rank, 1 / 3, 'recip_rank');
  close(value(m, 'ndcg_cut_10'), 1 / Math.log2(4), 'ndcg_cut_10');
});

test('graded judgments: the gain is the level, the ideal sorts the qrels levels descending', () => {
  const qrels = judged({ a: 3, b: 1, c: 2, d: 0 });
  const m = evaluateQuery(docs('b', 'a'), qrels, { cutoffs: CUTS });
  const dcg = 1 + 3 / Math.log2(3);
  const ideal = 3 + 2 / Math.log2(3) + 1 / Math.log2(4);
  close(value(m, 'ndcg_cut_10'), dcg / ideal, 'ndcg_cut_10');
  close(value(m, 'ndcg_cut_1'), 1 / 3, 'ndcg_cut_1 cuts the ideal ranking too');
  close(m.ndcg, dcg / ideal, 'ndcg');
  assert.is(m.num_rel, 3, 'with level 1, levels 1..3 are relevant');
});

test('relevanceLevel (-l) changes what is relevant, not the nDCG gains', () => {
  const qrels = judged({ a: 3, b: 1, c: 2 });
  const m = evaluateQuery(docs('b', 'a'), qrels, { cutoffs: CUTS, relevanceLevel: 2 });
  assert.is(m.num_rel, 2);
  close(m.map, 1 / 2 / 2, 'only a (rank 2) is relevant at level 2');
  close(m.recip_rank, 1 / 2, 'recip_rank');
  close(value(m, 'ndcg_cut_10'), (1 + 3 / Math.log2(3)) / (3 + 2 / Math.log2(3) + 1 / Math.log2(4)), 'ndcg');
});

test('no relevant judgment: every measure is 0, not NaN', () => {
  const m = evaluateQuery(docs('a', 'b'), judged({ a: 0 }), { cutoffs: CUTS });
  assert.equal([...flattenMeasures(m, CUTS).values()].filter((v) => v !== 0), [2]); // only num_ret
});

test('nothing retrieved: every measure is 0 and num_rel is still counted', () => {
  const m = evaluateQuery([], judged({ a: 1, b: 1 }), { cutoffs: CUTS });
  assert.is(m.num_rel, 2);
  assert.is(m.map + m.recip_rank + m.Rprec + m.ndcg + value(m, 'P_10') + value(m, 'ndcg_cut_10'), 0);
});

// --- trec_eval's ordering of a run --------------------------------------------------------------

test('a run is ordered by score descending whatever order it is listed in', () => {
  const listed: ScoredDoc[] = [
    { id: 'c', score: 0.5 },
    { id: 'a', score: 2 },
    { id: 'b', score: 1 },
  ];
  assert.equal(trecOrder(listed).map((d) => d.id), ['a', 'b', 'c']);
  const m = evaluateQuery(listed, judged({ a: 1 }), { cutoffs: CUTS });
  close(m.recip_rank, 1, 'a has the top score');
});

test('score ties are broken by docno in descending byte order, so "9" ranks above "10"', () => {
  const tied = (ids: string[]): string[] => trecOrder(ids.map((id) => ({ id, score: 1 }))).map((d) => d.id);
  assert.equal(tied(['10', '9', '100']), ['9', '100', '10']);
  assert.equal(tied(['B', 'a', 'A']), ['a', 'B', 'A']);
  const m = evaluateQuery([{ id: '10', score: 1 }, { id: '9', score: 1 }], judged({ '10': 1 }), { cutoffs: CUTS });
  close(m.recip_rank, 1 / 2, 'the relevant 10 loses the tie to 9');
});

test('scoresFromRanking keeps an engine ranking intact through trecOrder', () => {
  const ranked = ['10', '9', 'b', 'a'];
  assert.equal(trecOrder(scoresFromRanking(ranked)).map((d) => d.id), ranked);
});

test('compareBytewise orders by code point (UTF-8 bytes), not UTF-16 code units', () => {
  assert.ok(compareBytewise('\u{1F600}', '\uFFFD') > 0, 'astral code point sorts after U+FFFD');
  assert.ok(compareBytewise('ab', 'abc') < 0);
  assert.is(compareBytewise('same', 'same'), 0);
});

test('maxRetrieved (-M) discards documents after ordering', () => {
  const listed: ScoredDoc[] = [
    { id: 'late', score: 1 },
    { id: 'x', score: 3 },
    { id: 'y', score: 2 },
  ];
  const m = evaluateQuery(listed, judged({ late: 1 }), { cutoffs: CUTS, maxRetrieved: 2 });
  assert.is(m.num_ret, 2);
  assert.is(m.num_rel_ret, 0);
});

test('a document retrieved twice is rejected, as trec_eval does', () => {
  try {
    evaluateQuery(docs('a', 'b', 'a'), judged({ a: 1 }));
    assert.unreachable('should have thrown');
  } catch (error) {
    assert.instance(error, DuplicateDocumentError);
    assert.is((error as DuplicateDocumentError).docId, 'a');
  }
});

test('cut-offs must be positive integers', () => {
  assert.throws(() => evaluateQuery(docs('a'), judged({ a: 1 }), { cutoffs: [0] }), (e: unknown) => e instanceof RangeError);
  assert.throws(() => evaluateQuery(docs('a'), judged({ a: 1 }), { cutoffs: [2.5] }), (e: unknown) => e instanceof RangeError);
});

// --- a whole run --------------------------------------------------------------------------------

const qrels = new Map([
  ['q1', judged({ a: 1, b: 1 })],
  ['q2', judged({ c: 1 })],
  ['q3', judged({ d: 0 })],
]);

test('means run over queries in both qrels and run; queries only in the run are ignored', () => {
  const run = new Map([
    ['q1', docs('a', 'x')],
    ['q9', docs('a')],
  ]);
  const ev = evaluateRun(run, qrels, { cutoffs: CUTS });
  assert.is(ev.num_q, 1);
  assert.equal([...ev.perQuery.keys()], ['q1']);
  close(ev.all.map, 1 / 2, 'map of q1 alone');
});

test('complete (-c) averages over every qrels query, a missing one scoring 0', () => {
  const run = new Map([['q1', docs('a', 'x')]]);
  const ev = evaluateRun(run, qrels, { cutoffs: CUTS, complete: true });
  assert.is(ev.num_q, 3);
  close(ev.all.map, 1 / 2 / 3, 'map');
  assert.is(ev.perQuery.get('q2')?.num_rel, 1);
  assert.is(ev.all.num_rel, 3, 'num_rel is summed, not averaged');
});

test('an empty ranking is a query the run lacks (a run file cannot list it)', () => {
  const run = new Map([
    ['q1', docs('a')],
    ['q2', []],
  ]);
  assert.is(evaluateRun(run, qrels, { cutoffs: CUTS }).num_q, 1);
  assert.is(evaluateRun(run, qrels, { cutoffs: CUTS, complete: true }).num_q, 3);
});

test('a qrels query without relevant documents is evaluated and scores 0, as in trec_eval', () => {
  const run = new Map([
    ['q1', docs('a', 'b')],
    ['q3', docs('d')],
  ]);
  const ev = evaluateRun(run, qrels, { cutoffs: CUTS });
  assert.is(ev.num_q, 2);
  close(ev.all.map, 1 / 2, 'q1 scores 1, q3 scores 0');
});

test('no query to average: num_q 0 and zero means', () => {
  const ev = evaluateRun(new Map(), qrels, { cutoffs: CUTS });
  assert.is(ev.num_q, 0);
  assert.is(ev.all.map, 0);
});

// --- file formats -------------------------------------------------------------------------------

test('parseRun ignores the rank column, comments, blank lines and text after the run id', () => {
  const { run, runId } = parseRun('# comment\n1 Q0 d1 7 0.5 myrun trailing junk\n\n1 Q0 d2 1 0.25 myrun\n');
  assert.is(runId, 'myrun');
  assert.equal(run.get('1'), [
    { id: 'd1', score: 0.5 },
    { id: 'd2', score: 0.25 },
  ]);
});

test('parseQrels reads space- or tab-separated judgments, including negative ones', () => {
  const parsed = parseQrels('1 0 d1 1\n1\t0\td2\t-1\n2 0 d1 0\n');
  assert.equal([...(parsed.get('1') ?? new Map()).entries()], [
    ['d1', 1],
    ['d2', -1],
  ]);
  assert.is(parsed.get('2')?.get('d1'), 0);
});

test('malformed lines are TrecFormatErrors carrying the line number', () => {
  const lineOf = (fn: () => unknown): number => {
    try {
      fn();
    } catch (error) {
      assert.instance(error, TrecFormatError);
      return (error as TrecFormatError).line;
    }
    return -1;
  };
  assert.is(lineOf(() => parseQrels('1 0 d1 1\n1 0 d2\n')), 2);
  assert.is(lineOf(() => parseQrels('1 0 d1 1\n1 0 d1 0\n')), 2);
  assert.is(lineOf(() => parseRun('1 Q0 d1 1 0.5\n')), 1);
  assert.is(lineOf(() => parseRun('1 Q0 d1 1 high run\n')), 1);
});

// --- conformance with trec_eval 9 ---------------------------------------------------------------

const fixtureDir = path.join(corporaDir(), 'trec_eval');
const fixtures: { output: string; qrels: string; run: string; options: EvaluationOptions; command: string }[] = [
  { output: 'out.test', qrels: 'qrels.test', run: 'results.test', options: {}, command: 'trec_eval qrels.test results.test' },
  { output: 'out.test.aq', qrels: 'qrels.test', run: 'results.test', options: {}, command: '-m all_trec -q' },
  { output: 'out.test.aqc', qrels: 'qrels.test', run: 'results.trunc', options: { complete: true }, command: '-m all_trec -q -c' },
  { output: 'out.test.aql', qrels: 'qrels.rel_level', run: 'results.test', options: { relevanceLevel: 2 }, command: '-q -l2 (graded)' },
];

/** Expected `measure → qid|all → value` lines of a trec_eval output, for the measures we implement. */
function expectedValues(file: string): { measure: string; qid: string; value: number }[] {
  const rows: { measure: string; qid: string; value: number }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [measure, qid, text] = line.split('\t').map((s) => s.trim());
    if (measure === undefined || qid === undefined || text === undefined || measure === 'runid') continue;
    rows.push({ measure, qid, value: Number(text) });
  }
  return rows;
}

function actualValue(ev: RunEvaluation, measure: string, qid: string): number | undefined {
  if (measure === 'num_q') return qid === 'all' ? ev.num_q : undefined;
  const measures = qid === 'all' ? ev.all : ev.perQuery.get(qid);
  return measures === undefined ? undefined : flattenMeasures(measures, ev.cutoffs).get(measure);
}

if (existsSync(path.join(fixtureDir, 'out.test'))) {
  for (const fixture of fixtures) {
    test(`matches trec_eval to 4 decimals: ${fixture.output} (${fixture.command})`, () => {
      const run = parseRun(readFileSync(path.join(fixtureDir, fixture.run), 'utf8')).run;
      const judgments = parseQrels(readFileSync(path.join(fixtureDir, fixture.qrels), 'utf8'));
      const ev = evaluateRun(run, judgments, fixture.options);
      let compared = 0;
      const core = new Set<string>();
      for (const { measure, qid, value: expected } of expectedValues(path.join(fixtureDir, fixture.output))) {
        const actual = actualValue(ev, measure, qid);
        if (actual === undefined) continue; // a trec_eval measure we do not implement
        // trec_eval prints %.4f: our value must round to the printed one.
        assert.ok(Math.abs(actual - expected) <= 0.00005 + 1e-12, `${measure} ${qid}: ${actual} vs ${expected}`);
        compared++;
        if (qid === 'all') core.add(measure);
      }
      for (const measure of ['num_q', 'map', 'P_10']) assert.ok(core.has(measure), `${measure} compared`);
      if (fixture.output !== 'out.test') {
        for (const measure of ['recall_1000', 'ndcg_cut_10', 'ndcg', 'Rprec', 'recip_rank']) assert.ok(core.has(measure), `${measure} compared`);
      }
      // out.test has only the `all` row; the -q outputs add every topic.
      assert.ok(compared >= (fixture.output === 'out.test' ? 15 : 100), `compared ${compared} values`);
    });
  }
} else {
  console.log(`metrics.test: ${fixtureDir} not found, trec_eval conformance tests skipped`);
}

test.run();
