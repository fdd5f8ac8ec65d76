// Answer validation: empty answers are flagged before timing, overlap between engines is a number.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ClassResult, EngineRun } from '../../../bench/perf/types.js';
import { answerFlag, meanOverlap, MIN_NON_EMPTY, nonEmptyShare, overlap, roundtripVerdict, runOverlap } from '../../../bench/perf/validate.js';

test('nonEmptyShare counts answers with at least one hit', () => {
  assert.is(nonEmptyShare([['a'], [], ['b', 'c'], []]), 0.5);
  assert.is(nonEmptyShare([]), 1);
});

test('free-text classes need most queries answered; other classes half', () => {
  assert.is(answerFlag('free1', MIN_NON_EMPTY.freeText), undefined);
  assert.type(answerFlag('free2', MIN_NON_EMPTY.freeText - 0.01), 'string');
  assert.is(answerFlag('phrase', 0.6), undefined);
  assert.type(answerFlag('phrase', 0.4), 'string');
  assert.type(answerFlag('fuzzy', 0), 'string');
});

test('overlap is the shared share of the longer list; undefined when both are empty', () => {
  assert.is(overlap(['a', 'b', 'c'], ['c', 'b', 'a']), 1);
  assert.is(overlap(['a', 'b'], ['c', 'd']), 0);
  assert.is(overlap(['a', 'b', 'c', 'd'], ['a', 'b']), 0.5);
  assert.is(overlap([], ['a']), 0);
  assert.is(overlap([], []), undefined);
});

test('meanOverlap skips queries neither engine answered', () => {
  assert.equal(meanOverlap([['a'], [], ['x']], [['a'], [], ['y']]), { mean: 0.5, queries: 2 });
  assert.is(meanOverlap([[]], [[]]), undefined);
});

function run(engine: string, classes: Partial<Record<'free1' | 'free2' | 'phrase', Partial<ClassResult>>>): EngineRun {
  const full: EngineRun['classes'] = {};
  for (const [cls, r] of Object.entries(classes)) {
    full[cls as 'free1'] = { supported: true, queries: r.answers?.length ?? 0, nonEmpty: 1, answers: [], ...r };
  }
  return { engine, engineName: engine, corpus: 'c', docCount: 1, chars: 1, classes: full };
}

test('runOverlap pools free-text queries and ignores unsupported classes', () => {
  const a = run('a', { free1: { answers: [['1', '2']] }, free2: { answers: [['3'], ['4']] }, phrase: { answers: [['9']] } });
  const b = run('b', { free1: { answers: [['1', '5']] }, free2: { answers: [['3'], ['6']] }, phrase: { answers: [['8']] } });
  // free1: 0.5, free2: 1 and 0 → mean over three queries.
  assert.is(runOverlap(a, b), 0.5);
  const unsupported = run('c', { free1: { supported: false, answers: [] } });
  assert.is(runOverlap(a, unsupported), undefined);
});

test('roundtripVerdict says same, or how many answers differ or were reordered', () => {
  assert.is(roundtripVerdict([['a', 'b'], []], [['a', 'b'], []]), 'same');
  assert.is(roundtripVerdict([['a', 'b'], ['c']], [['b', 'a'], ['d']]), '1/2 differ, 1/2 reordered');
  assert.is(roundtripVerdict([['a']], []), '1/1 differ');
});

test.run();
