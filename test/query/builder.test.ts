// The builder produces exactly the parser's AST shapes (offsets aside), and rejects bad arguments.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InvalidOptionError } from '../../src/errors.js';
import { NO_OFFSET, withoutOffsets } from '../../src/query/ast.js';
import type { QueryNode } from '../../src/query/ast.js';
import { q } from '../../src/query/builder.js';
import { parseQuery } from '../../src/query/parser.js';
import type { ParseOptions } from '../../src/query/parser.js';

const a = q.term('a');
const b = q.term('b');
const c = q.term('c');

const equivalents: ReadonlyArray<readonly [string, QueryNode, ParseOptions?]> = [
  ['budget', q.term('budget')],
  ['title:budget^2', q.term('budget', { field: 'title', boost: 2 })],
  ['"trade fair"~2', q.phrase('trade fair', { slop: 2 })],
  ['body:"trade fair"^1.5', q.phrase('trade fair', { field: 'body', boost: 1.5 })],
  ['invest*', q.prefix('invest')],
  ['qingdoa~', q.fuzzy('qingdoa')],
  ['qingdoa~2', q.fuzzy('qingdoa', 2)],
  ['qingdoa~0', q.fuzzy('qingdoa', 0)],
  ['*', q.all()],
  ['', q.empty()],
  ['a AND b AND c', q.and(a, b, c)],
  ['a OR b OR c', q.or(a, b, c)],
  ['a b', q.and(a, b), { defaultOperator: 'and' }],
  ['NOT a', q.not(a)],
  ['a AND NOT b', q.and(a, q.not(b))],
  ['a OR NOT b', q.or(a, q.not(b))],
  ['NOT a AND NOT b', q.and(q.not(a), q.not(b))],
  ['NOT NOT a', q.not(q.not(a))],
  ['(a OR b) AND NOT c', q.and(q.or(a, b), q.not(c))],
  ['a AND b OR c', q.or(q.and(a, b), c)],
  ['+a b -c', q.bool({ must: [a], should: [b], mustNot: [c] })],
  ['(a OR b)^2', q.boost(q.or(a, b), 2)],
  ['(a^2)^3', q.boost(q.term('a', { boost: 2 }), 3)],
  ['(a)', q.and(a)],
  ['date:[2024-01-01 TO 2024-03-31]', q.dateRange({ from: '2024-01-01', to: '2024-03-31' })],
  ['date:{2024-01-01 TO 2024-03-31]', q.dateRange({ from: '2024-01-01', to: '2024-03-31', includeFrom: false })],
  ['date>=2024-01-15', q.dateRange({ from: '2024-01-15' })],
  ['date<2024-06', q.dateRange({ to: '2024-06', includeTo: false })],
  ['published:[2024 TO *]', q.dateRange({ field: 'published', from: '2024' })],
  ['price:{10 TO 20}^2', q.range('price', { lower: '10', upper: '20', includeLower: false, includeUpper: false, boost: 2 })],
  ['date:2024-03', q.term('2024-03', { field: 'date' })],
];

test('builder output deep-equals parser output with offsets removed', () => {
  for (const [text, built, options] of equivalents) {
    assert.equal(withoutOffsets(parseQuery(text, { ...options, mode: 'strict' })), built, text);
  }
});

test('builder nodes carry NO_OFFSET everywhere', () => {
  const built = q.and(q.or(a, q.phrase('x y')), q.not(q.dateRange({ from: '2024' })));
  assert.equal(withoutOffsets(built), built);
  assert.is(built.start, NO_OFFSET);
  assert.is(built.end, NO_OFFSET);
});

test('and/or with zero or one child', () => {
  assert.equal(q.and(), q.empty());
  assert.equal(q.or(), q.empty());
  assert.is(q.or(a), a);
});

test('boost multiplies and leaves empty alone', () => {
  assert.equal(q.boost(q.boost(a, 2), 1.5), q.term('a', { boost: 3 }));
  assert.equal(q.boost(q.empty(), 2), q.empty());
  assert.equal(q.boost(q.all(), 2), { kind: 'all', boost: 2, start: NO_OFFSET, end: NO_OFFSET });
});

test('invalid arguments throw InvalidOptionError naming the option', () => {
  const cases: ReadonlyArray<readonly [() => unknown, string]> = [
    [() => q.term(''), 'text'],
    [() => q.term('a', { boost: 0 }), 'boost'],
    [() => q.term('a', { boost: Number.POSITIVE_INFINITY }), 'boost'],
    [() => q.term('a', { field: '' }), 'field'],
    [() => q.fuzzy('a', 3 as unknown as 2), 'fuzzy'],
    [() => q.phrase('a b', { slop: -1 }), 'slop'],
    [() => q.phrase('a b', { slop: 1.5 }), 'slop'],
    [() => q.range('', { lower: 'a' }), 'field'],
    [() => q.boost(a, -1), 'boost'],
    [() => q.bool({ must: [a], boost: Number.NaN }), 'boost'],
  ];
  for (const [make, option] of cases) {
    try {
      make();
      assert.unreachable(`expected InvalidOptionError for ${option}`);
    } catch (e) {
      assert.instance(e, InvalidOptionError);
      assert.is((e as InvalidOptionError).option, option);
    }
  }
});

test.run();
