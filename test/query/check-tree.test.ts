// Query trees handed in as objects are checked before planning: malformed nodes are an
// InvalidOptionError, trees past the depth or leaf limits a QueryLimitError, never a TypeError or a
// stack overflow; well-formed trees (built or parsed) pass unchanged.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InvalidOptionError, QueryLimitError, SearchIndex, parseQuery, q, type QueryNode } from '../../src/index.js';
import { MAX_TREE_DEPTH, MAX_TREE_LEAVES, checkQueryTree } from '../../src/query/check-tree.js';

const index = new SearchIndex();
index.addAll([
  { id: 'a', title: 'Port strike', body: 'Dock workers walked out.', date: '2024-03-01' },
  { id: 'b', title: 'Port closed', body: 'The harbour stays shut.', date: '2024-03-02' },
]);

const invalid = (e: unknown): boolean => e instanceof InvalidOptionError && e.option === 'query';
const limit = (name: string) => (e: unknown): boolean => e instanceof QueryLimitError && e.limit === name;

test('trees from the builder and the parser pass', () => {
  for (const tree of [
    q.term('port'),
    q.and(q.term('port', { field: 'title', boost: 2 }), q.not(q.phrase('harbour stays', { slop: 1 }))),
    q.or(q.prefix('har'), q.fuzzy('strke', 1), q.dateRange({ from: '2024-03-01' })),
    parseQuery('title:(port OR harbour) -"dock workers"~2 date:[2024 TO *] stri* strke~ x^3'),
    parseQuery(''),
  ]) {
    checkQueryTree(tree);
  }
  assert.equal(index.search(q.and(q.term('port'), q.term('strike'))).hits.map((h) => h.id), ['a']);
});

test('malformed nodes are an InvalidOptionError on search and explain', () => {
  const bad: unknown[] = [
    { kind: 'bogus' },
    { kind: 'term' },
    { kind: 'term', text: 5 },
    { kind: 'term', text: 'port', field: 7 },
    { kind: 'term', text: 'port', fuzzy: 3 },
    { kind: 'term', text: 'port', prefix: 'yes' },
    { kind: 'term', text: 'port', boost: -1 },
    { kind: 'term', text: 'port', boost: Number.POSITIVE_INFINITY },
    { kind: 'phrase', text: 'port strike' },
    { kind: 'phrase', text: 'port strike', slop: 1.5 },
    { kind: 'range', field: 'date', lower: 2024, includeLower: true, includeUpper: false },
    { kind: 'range', field: 'date', includeLower: true },
    { kind: 'bool' },
    { kind: 'bool', must: [], should: 'port', mustNot: [] },
    { kind: 'bool', must: [null], should: [], mustNot: [] },
    { kind: 'bool', must: [], should: [q.term('port'), { kind: 'term', text: 1 }], mustNot: [] },
    [q.term('port')],
  ];
  for (const tree of bad) {
    assert.throws(() => index.search(tree as QueryNode), invalid, JSON.stringify(tree));
    assert.throws(() => index.explain(tree as QueryNode, 'a'), invalid, JSON.stringify(tree));
  }
});

test('a tree deeper than the limit is a QueryLimitError, at any depth, without overflowing the stack', () => {
  const chain = (depth: number): QueryNode => {
    let node: QueryNode = q.term('port');
    for (let i = 1; i < depth; i++) node = { kind: 'bool', must: [node], should: [], mustNot: [], start: -1, end: -1 };
    return node;
  };
  assert.is(index.search(chain(MAX_TREE_DEPTH)).total, 2);
  for (const depth of [MAX_TREE_DEPTH + 1, 5_000, 100_000]) {
    assert.throws(() => index.search(chain(depth)), limit('depth'), String(depth));
  }
});

test('a tree text longer than a query string may be is a QueryLimitError', () => {
  assert.is(index.search(q.phrase(Array.from({ length: 1_000 }, () => 'port').join(' '))).total, 0);
  for (const node of [q.phrase('port '.repeat(2_001)), q.term('p'.repeat(10_001)), q.fuzzy('p'.repeat(10_001), 1)]) {
    assert.throws(() => index.search(node), limit('length'));
  }
});

test('a tree with more leaves than the limit is a QueryLimitError', () => {
  const leaves = (n: number): QueryNode => ({ kind: 'bool', must: [], should: Array.from({ length: n }, (_, i) => q.term(`w${i}`)), mustNot: [], start: -1, end: -1 });
  assert.is(index.search(leaves(MAX_TREE_LEAVES)).total, 0);
  assert.throws(() => index.search(leaves(MAX_TREE_LEAVES + 1)), limit('clauses'));
});

test.run();
