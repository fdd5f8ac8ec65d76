// Specification of the query syntax: query → AST tables (shapes via the builder, offsets where they
// matter), strict-mode errors and their positions, lenient degradation, and limits.

import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InvalidOptionError, QueryLimitError, QueryParseError } from '../../src/errors.js';
import { withoutOffsets } from '../../src/query/ast.js';
import type { QueryNode } from '../../src/query/ast.js';
import { q } from '../../src/query/builder.js';
import { parseQuery } from '../../src/query/parser.js';
import type { ParseOptions } from '../../src/query/parser.js';

const lenient = (text: string, options?: ParseOptions): QueryNode => parseQuery(text, options);
const strict = (text: string, options?: ParseOptions): QueryNode => parseQuery(text, { ...options, mode: 'strict' });

function strictError(text: string, options?: ParseOptions): QueryParseError {
  try {
    strict(text, options);
  } catch (e) {
    if (e instanceof QueryParseError) return e;
    throw e;
  }
  assert.unreachable(`strict parse of ${JSON.stringify(text)} should throw`);
  throw new Error('unreachable');
}

function limitError(text: string, options: ParseOptions): QueryLimitError {
  try {
    strict(text, options);
  } catch (e) {
    if (e instanceof QueryLimitError) return e;
    throw e;
  }
  assert.unreachable(`strict parse of ${JSON.stringify(text).slice(0, 40)} should hit a limit`);
  throw new Error('unreachable');
}

/** Valid syntax: both modes agree and give `expected` (offsets ignored). */
function same(text: string, expected: QueryNode, options?: ParseOptions): void {
  const got = strict(text, options);
  assert.equal(withoutOffsets(got), expected, text);
  assert.equal(lenient(text, options), got, `${text} (lenient = strict)`);
}

const a = q.term('a');
const b = q.term('b');
const c = q.term('c');
const d = q.term('d');

// ---------------------------------------------------------------------------------------------
const terms = suite('terms and phrases');

terms('terms keep their raw text and offsets', () => {
  assert.equal(strict('budget'), { kind: 'term', text: 'budget', start: 0, end: 6 });
  assert.equal(strict('  Budget '), { kind: 'term', text: 'Budget', start: 2, end: 8 });
  same('covid-19', q.term('covid-19'));
  same('AT&T', q.term('AT&T'));
  same('c++', q.term('c++'));
  same('10:30', q.term('10:30'));
  same('qingdao\u00a0port', q.or(q.term('qingdao'), q.term('port')));
  same('港口 ports', q.or(q.term('港口'), q.term('ports')));
});

terms('lower-case and/or/not are plain terms', () => {
  same('a and b', q.or(a, q.term('and'), b));
  same('a or not b', q.or(a, q.term('or'), q.term('not'), b));
  same('And Or', q.or(q.term('And'), q.term('Or')));
});

terms('phrases: whole quoted text, slop, offsets', () => {
  assert.equal(strict('"exact phrase"'), { kind: 'phrase', text: 'exact phrase', slop: 0, start: 0, end: 14 });
  const node = strict('x "budget deficit"~5');
  assert.equal(node.kind === 'bool' ? node.should[1] : undefined, { kind: 'phrase', text: 'budget deficit', slop: 5, start: 2, end: 20 });
  same('"a  b"', q.phrase('a  b'));
  same('"one"', q.phrase('one'));
  same('""', q.phrase(''));
  same('"a b"~0', q.phrase('a b'));
  same('"a b"a', q.or(q.phrase('a b'), a));
});

terms('~ after a phrase is proximity, after a word fuzziness', () => {
  same('"qingdoa port"~2', q.phrase('qingdoa port', { slop: 2 }));
  same('qingdoa~2', q.fuzzy('qingdoa', 2));
});

// ---------------------------------------------------------------------------------------------
const boolean = suite('boolean structure');

const booleanCases: ReadonlyArray<readonly [string, QueryNode, ParseOptions?]> = [
  ['a AND b', q.and(a, b)],
  ['a && b', q.and(a, b)],
  ['a OR b', q.or(a, b)],
  ['a || b', q.or(a, b)],
  ['a b', q.or(a, b)],
  ['a b', q.and(a, b), { defaultOperator: 'and' }],
  ['NOT a', q.not(a)],
  ['!a', q.not(a)],
  ['! a', q.not(a)],
  ['-a', q.not(a)],
  ['+a', a],
  // Precedence NOT > AND > OR.
  ['a AND b OR c', q.or(q.and(a, b), c)],
  ['a OR b AND c', q.or(a, q.and(b, c))],
  ['NOT a AND b', q.and(q.not(a), b)],
  ['a AND NOT b', q.and(a, q.not(b))],
  ['a AND b OR c AND d', q.or(q.and(a, b), q.and(c, d))],
  // Juxtaposition is the default operator, at that operator's precedence.
  ['a b OR c AND d', q.or(a, b, q.and(c, d))],
  ['a b OR c', q.or(q.and(a, b), c), { defaultOperator: 'and' }],
  ['a AND b c', q.or(q.and(a, b), c)],
  // + and - set the occurrence inside the enclosing group (Lucene BooleanQuery).
  ['a -b', q.bool({ should: [a], mustNot: [b] })],
  ['a -b', q.bool({ must: [a], mustNot: [b] }), { defaultOperator: 'and' }],
  ['a +b c', q.bool({ must: [b], should: [a, c] })],
  ['a NOT b', q.bool({ should: [a], mustNot: [b] })],
  ['a OR NOT b', q.bool({ should: [a], mustNot: [b] })],
  ['a OR (NOT b)', q.bool({ should: [a, q.not(b)] })],
  ['-a -b', q.bool({ mustNot: [a, b] })],
  ['NOT NOT a', a],
  ['-!a', a],
  ['+-a', q.not(a)],
  // Groups.
  ['(a OR b) AND c', q.and(q.or(a, b), c)],
  ['-(a b)', q.not(q.or(a, b))],
  ['((a))', a],
  ['(+a)', a],
  ['(-a)', q.not(a)],
  ['a OR (b OR c)', q.or(a, q.or(b, c))],
  ['NOT(a)', q.not(a)],
  ['a AND(b)', q.and(a, b)],
  // Operators only as whole words; escaped keywords are terms.
  ['AT&&T', q.term('AT&&T')],
  ['\\NOT a', q.or(q.term('NOT'), a)],
  ['-AND', q.not(q.term('AND'))],
];

boolean('query → AST table', () => {
  for (const [text, expected, options] of booleanCases) same(text, expected, options);
});

boolean('bool offsets: groups span their parentheses, the root spans its clauses', () => {
  assert.equal(strict('a -b'), {
    kind: 'bool',
    must: [],
    should: [{ kind: 'term', text: 'a', start: 0, end: 1 }],
    mustNot: [{ kind: 'term', text: 'b', start: 3, end: 4 }],
    start: 0,
    end: 4,
  });
  assert.equal(strict(' -a OR b '), {
    kind: 'bool',
    must: [],
    should: [{ kind: 'term', text: 'b', start: 7, end: 8 }],
    mustNot: [{ kind: 'term', text: 'a', start: 2, end: 3 }],
    start: 1,
    end: 8,
  });
  assert.equal(strict('x (a b)^2'), {
    kind: 'bool',
    must: [],
    should: [
      { kind: 'term', text: 'x', start: 0, end: 1 },
      {
        kind: 'bool',
        must: [],
        should: [{ kind: 'term', text: 'a', start: 3, end: 4 }, { kind: 'term', text: 'b', start: 5, end: 6 }],
        mustNot: [],
        boost: 2,
        start: 2,
        end: 9,
      },
    ],
    mustNot: [],
    start: 0,
    end: 9,
  });
  const andOr = strict('a AND b OR c');
  assert.ok(andOr.kind === 'bool');
  assert.equal([andOr.start, andOr.end], [0, 12]);
  assert.equal([andOr.should[0]!.start, andOr.should[0]!.end], [0, 7]);
});

// ---------------------------------------------------------------------------------------------
const fields = suite('field scoping');

fields('field:value, field:"phrase", field:(group)', () => {
  assert.equal(strict('title:budget'), { kind: 'term', text: 'budget', field: 'title', start: 0, end: 12 });
  assert.equal(strict('title:"trade fair"'), { kind: 'phrase', text: 'trade fair', field: 'title', slop: 0, start: 0, end: 18 });
  same('source:xinhua', q.term('xinhua', { field: 'source' }));
  same('body:(port OR harbour)', q.or(q.term('port', { field: 'body' }), q.term('harbour', { field: 'body' })));
  assert.equal([strict('body:(port OR harbour)').start, strict('body:(port OR harbour)').end], [0, 22]);
  same('body:(port)', q.term('port', { field: 'body' }));
  same('-title:x', q.not(q.term('x', { field: 'title' })));
});

fields('any scope name is accepted; case is kept; the innermost scope wins', () => {
  same('Title:x', q.term('x', { field: 'Title' }));
  same('a.b-c_d9:x', q.term('x', { field: 'a.b-c_d9' }));
  same('_f:x', q.term('x', { field: '_f' }));
  same('title:(body:x y)', q.or(q.term('x', { field: 'body' }), q.term('y', { field: 'title' })));
  same('title:(a (b))', q.or(q.term('a', { field: 'title' }), q.term('b', { field: 'title' })));
  same('title:budget:x', q.term('budget:x', { field: 'title' }));
  same('title:-x', q.term('-x', { field: 'title' }));
  same('title:AND', q.term('AND', { field: 'title' }));
});

fields('URLs and non-names are not fields', () => {
  same('http://x.com/a', q.term('http://x.com/a'));
  same('https://xinhua.net', q.term('https://xinhua.net'));
  same('9a:x', q.term('9a:x'));
  same('title\\:budget', q.term('title:budget'));
});

// ---------------------------------------------------------------------------------------------
const modifiers = suite('prefix, fuzzy, boost');

modifiers('trailing * is a prefix; a lone * is every document', () => {
  assert.equal(strict('invest*'), { kind: 'term', text: 'invest', prefix: true, start: 0, end: 7 });
  same('title:invest*^2', q.prefix('invest', { field: 'title', boost: 2 }));
  same('i*', q.prefix('i'));
  same('*', q.all());
  same('*:*', q.all());
  same('-*', q.not(q.all()));
  same('invest\\*', q.term('invest*'));
  same('\\**', q.prefix('*'));
});

modifiers('fuzzy: ~ (auto), ~1, ~2; ~0 is exact', () => {
  assert.equal(strict('qingdoa~'), { kind: 'term', text: 'qingdoa', fuzzy: 'auto', start: 0, end: 8 });
  same('qingdoa~1', q.fuzzy('qingdoa', 1));
  same('qingdoa~2', q.fuzzy('qingdoa', 2));
  same('qingdoa~0', q.term('qingdoa'));
  same('title:qingdoa~', q.fuzzy('qingdoa', 'auto', { field: 'title' }));
  same('qingdoa\\~2', q.term('qingdoa~2'));
});

modifiers('boost on terms, phrases, groups and ranges; nested boosts multiply', () => {
  assert.equal(strict('budget^3'), { kind: 'term', text: 'budget', boost: 3, start: 0, end: 8 });
  same('"trade fair"^2', q.phrase('trade fair', { boost: 2 }));
  same('"trade fair"~3^2', q.phrase('trade fair', { slop: 3, boost: 2 }));
  same('"trade fair"^2~3', q.phrase('trade fair', { slop: 3, boost: 2 }));
  same('(a OR b)^1.5', q.boost(q.or(a, b), 1.5));
  same('(a)^2', q.term('a', { boost: 2 }));
  same('(a^2)^3', q.term('a', { boost: 6 }));
  same('budget~1^2', q.fuzzy('budget', 1, { boost: 2 }));
  same('budget^2~1', q.fuzzy('budget', 1, { boost: 2 }));
  same('a^.5', q.term('a', { boost: 0.5 }));
  same('date:[2024 TO 2025]^2', q.range('date', { lower: '2024', upper: '2025', boost: 2 }));
  same('budget^1', q.term('budget', { boost: 1 }));
});

// ---------------------------------------------------------------------------------------------
const ranges = suite('dates and ranges');

ranges('a date value is a term on the date field', () => {
  same('date:2024', q.term('2024', { field: 'date' }));
  same('date:2024-03', q.term('2024-03', { field: 'date' }));
  same('date:2024-03-01T10:00', q.term('2024-03-01T10:00', { field: 'date' }));
});

ranges('bracket ranges: inclusive, exclusive, mixed, open', () => {
  assert.equal(strict('date:[2024-01-01 TO 2024-03-31]'), {
    kind: 'range', field: 'date', lower: '2024-01-01', upper: '2024-03-31',
    includeLower: true, includeUpper: true, start: 0, end: 31,
  });
  same('date:{2024-01-01 TO 2024-03-31}', q.range('date', { lower: '2024-01-01', upper: '2024-03-31', includeLower: false, includeUpper: false }));
  same('date:[2024-01-01 TO 2024-03-31}', q.range('date', { lower: '2024-01-01', upper: '2024-03-31', includeUpper: false }));
  same('date:{2024-01-01 TO 2024-03-31]', q.range('date', { lower: '2024-01-01', upper: '2024-03-31', includeLower: false }));
  same('date:[2024-01-01 TO *]', q.dateRange({ from: '2024-01-01' }));
  same('date:[* TO 2024-03-31]', q.dateRange({ to: '2024-03-31' }));
  same('date:[* TO *]', q.range('date', {}));
  same('date:[ 2024  TO  2025 ]', q.dateRange({ from: '2024', to: '2025' }));
  same('price:[10 TO 20]', q.range('price', { lower: '10', upper: '20' }));
  same('title:["a b" TO "c\\"d"]', q.range('title', { lower: 'a b', upper: 'c"d' }));
  same('x:[a\\]b TO c]', q.range('x', { lower: 'a]b', upper: 'c' }));
});

ranges('open ends compare equal whichever bracket closes them', () => {
  assert.equal(withoutOffsets(strict('date:[2024 TO *}')), withoutOffsets(strict('date:[2024 TO *]')));
  assert.equal(withoutOffsets(strict('date>=2024')), withoutOffsets(strict('date:[2024 TO *]')));
  assert.equal(withoutOffsets(strict('date<2024')), withoutOffsets(strict('date:[* TO 2024}')));
});

ranges('comparisons', () => {
  assert.equal(strict('date>=2024-01-15'), {
    kind: 'range', field: 'date', lower: '2024-01-15', includeLower: true, includeUpper: false, start: 0, end: 16,
  });
  same('date>2024', q.dateRange({ from: '2024', includeFrom: false }));
  same('date<2024-06', q.dateRange({ to: '2024-06', includeTo: false }));
  same('date<=2024-06-30', q.dateRange({ to: '2024-06-30' }));
  same('date:>=2024-01-15', q.dateRange({ from: '2024-01-15' }));
  same('date:<2024', q.dateRange({ to: '2024', includeTo: false }));
  same('date>=2024^2', q.dateRange({ from: '2024', boost: 2 }));
  same('date:(>=2024 AND <2025)', q.and(q.dateRange({ from: '2024' }), q.dateRange({ to: '2025', includeTo: false })));
  same('date:([2024 TO 2025] OR 2027)', q.or(q.dateRange({ from: '2024', to: '2025' }), q.term('2027', { field: 'date' })));
  same('budget date>=2024 -date:2024-03', q.bool({
    should: [q.term('budget'), q.dateRange({ from: '2024' })],
    mustNot: [q.term('2024-03', { field: 'date' })],
  }));
});

// ---------------------------------------------------------------------------------------------
const escaping = suite('escaping');

escaping('backslash escapes special characters', () => {
  same('a\\ b', q.term('a b'));
  same('\\(x\\)', q.term('(x)'));
  same('\\"x', q.term('"x'));
  same('\\+a', q.term('+a'));
  same('a\\^2', q.term('a^2'));
  same('"say \\"hi\\""', q.phrase('say "hi"'));
  same('title:"a\\\\b"', q.phrase('a\\b', { field: 'title' }));
});

// ---------------------------------------------------------------------------------------------
const empty = suite('empty queries');

empty('empty and whitespace queries match nothing, in both modes', () => {
  assert.equal(strict(''), { kind: 'empty', start: 0, end: 0 });
  assert.equal(strict('  \t\n'), { kind: 'empty', start: 0, end: 4 });
  assert.equal(lenient('\u3000'), { kind: 'empty', start: 0, end: 1 });
});

// ---------------------------------------------------------------------------------------------
const errors = suite('strict errors point at the problem');

const errorCases: ReadonlyArray<readonly [string, number, number, ParseOptions?]> = [
  // Unbalanced quote: the opening quote.
  ['"abc', 0, 1],
  ['x "abc', 2, 3],
  ['"a" "b', 4, 5],
  // Parentheses.
  ['a)', 1, 2],
  ['(a) b)', 5, 6],
  ['(a', 0, 1],
  ['x (a (b)', 2, 3],
  ['title:(a', 0, 7],
  ['()', 0, 2],
  ['a ( )', 2, 5],
  // Dangling operators.
  ['a AND', 2, 5],
  ['AND a', 0, 3],
  ['a AND AND b', 6, 9],
  ['a AND OR b', 6, 8],
  ['a OR', 2, 4],
  ['(a OR)', 3, 5],
  ['(AND a)', 1, 4],
  ['a NOT', 2, 5],
  ['a !', 2, 3],
  ['NOT AND a', 4, 7],
  ['a -', 2, 3],
  ['a - b', 2, 3],
  ['a +', 2, 3],
  ['(-)', 1, 2],
  // Empty field value.
  ['title:', 0, 6],
  ['title: budget', 0, 6],
  ['(title:)', 1, 7],
  ['title:^2', 0, 6],
  ['date>=', 0, 6],
  ['date>= 2024', 0, 6],
  // Bad ranges.
  ['date:[2024 TO', 0, 13],
  ['date:[2024 TO]', 0, 14],
  ['date:[2024 2025]', 0, 12],
  ['date:[2024 TO 2025', 0, 18],
  ['date:[ TO 2025]', 0, 11],
  ['date:[2024 to 2025]', 0, 12],
  ['[2024 TO 2025]', 0, 14],
  ['>=2024', 0, 6],
  ['date:>*', 0, 7],
  // Bad boosts.
  ['a^0', 1, 3],
  ['a^x', 1, 3],
  ['a^2x', 1, 4],
  ['a^', 1, 2],
  ['^3', 0, 2],
  ['(a)^0', 3, 5],
  ['"a b"^0', 5, 7],
  ['a^1^2', 3, 5],
  // Fuzziness and proximity.
  ['qingdoa~3', 7, 9],
  ['a~1.5', 1, 5],
  ['a~x', 1, 3],
  ['invest*~1', 7, 9],
  ['"a b"~', 5, 6],
  ['"a b"~1.5', 5, 9],
  ['(a)~2', 3, 5],
  ['date:[1 TO 2]~1', 13, 15],
  // Wildcards that are not a trailing *.
  ['in*vest', 2, 3],
  ['*vest', 0, 1],
  ['te?t', 2, 3],
  ['invest**', 6, 7],
  ['title:*', 6, 7],
  // Stray brackets and escapes.
  ['foo]', 3, 4],
  ['a{b', 1, 2],
  ['foo\\', 3, 4],
];

errors('QueryParseError with query, start and end for each kind of problem', () => {
  for (const [text, start, end, options] of errorCases) {
    const e = strictError(text, options);
    assert.instance(e, QueryParseError);
    assert.is(e.query, text, text);
    assert.equal([e.start, e.end], [start, end], text);
  }
});

errors('every strict error case still parses leniently', () => {
  for (const [text] of errorCases) assert.type(lenient(text).kind, 'string');
});

// ---------------------------------------------------------------------------------------------
const degrade = suite('lenient degradation');

const lenientCases: ReadonlyArray<readonly [string, QueryNode, ParseOptions?]> = [
  // Unbalanced quote: dropped, the rest read as words.
  ['"budget deficit', q.or(q.term('budget'), q.term('deficit'))],
  ['a "b c', q.or(a, b, c)],
  ['"a" "b c', q.or(q.phrase('a'), b, c)],
  ['title:"trade fair', q.or(q.term('trade', { field: 'title' }), q.term('fair'))],
  ['title:"', q.term('title')],
  // Parentheses.
  ['a)', a],
  [') a ) b (', q.or(a, b)],
  ['(a b', q.or(a, b)],
  ['((a', a],
  ['()', q.empty()],
  ['a () b', q.or(a, b)],
  ['-() a', a],
  // Dangling operators are dropped.
  ['a AND', a],
  ['AND a', a],
  ['a AND AND b', q.and(a, b)],
  ['a AND OR b', q.and(a, b)],
  ['a OR', a],
  ['(a OR) b', q.or(a, b)],
  ['a NOT', a],
  ['NOT AND a', q.not(a)],
  ['a - b', q.or(a, b)],
  ['a -- b', q.or(a, b)],
  ['AND', q.empty()],
  ['NOT', q.empty()],
  // Empty field values.
  ['title:', q.term('title')],
  ['title: budget', q.or(q.term('title'), q.term('budget'))],
  ['Breaking: quake', q.or(q.term('Breaking'), q.term('quake'))],
  ['(title:)', q.term('title')],
  ['title:^2', q.term('title')],
  ['date>= 2024', q.or(q.term('date'), q.term('2024'))],
  // Malformed suffixes are ignored.
  ['^abc', q.empty()],
  ['^3', q.empty()],
  ['-^3 b', b],
  ['budget^abc', q.term('budget')],
  ['budget^0', q.term('budget')],
  ['budget^', q.term('budget')],
  ['a^x^2', q.term('a', { boost: 2 })],
  ['qingdoa~3', q.fuzzy('qingdoa', 2)],
  ['qingdoa~1.5', q.fuzzy('qingdoa', 1)],
  ['qingdoa~0.5', q.term('qingdoa')],
  ['a~x', a],
  ['invest*~1', q.prefix('invest')],
  ['"a b"~', q.phrase('a b')],
  ['"a b"~1.7', q.phrase('a b', { slop: 1 })],
  ['(a b)~2', q.or(a, b)],
  // Wildcards stay in the text of a plain term.
  ['in*vest', q.term('in*vest')],
  ['what?', q.term('what?')],
  ['title:*', q.term('*', { field: 'title' })],
  // Ranges.
  ['date:[2024-01-01 to 2024-03-31]', q.dateRange({ from: '2024-01-01', to: '2024-03-31' })],
  ['date:[2024 TO 2025', q.dateRange({ from: '2024', to: '2025' })],
  ['date:{2024 TO', q.dateRange({ from: '2024', includeFrom: false })],
  ['date:[2024 TO ] x', q.or(q.dateRange({ from: '2024' }), q.term('x'))],
  ['[a TO b', q.or(a, b)],
  ['date:{2024 TO 2025 budget', q.or(q.dateRange({ from: '2024', to: '2025', includeFrom: false }), q.term('budget'))],
  ['date:[2024 2025]', q.or(q.term('[2024', { field: 'date' }), q.term('2025]'))],
  ['[2024 TO 2025]', q.or(q.term('2024'), q.term('2025'))],
  ['[* TO 2025]', q.term('2025')],
  ['>=2024', q.term('>=2024')],
  ['date>=*', q.term('date')],
  // Escapes and brackets.
  ['foo\\', q.term('foo')],
  ['\\', q.empty()],
  ['foo]', q.term('foo]')],
];

degrade('whatever does not parse degrades to plain terms', () => {
  for (const [text, expected, options] of lenientCases) {
    assert.equal(withoutOffsets(lenient(text, options)), expected, text);
  }
});

// ---------------------------------------------------------------------------------------------
const limits = suite('limits');

limits('maxLength: strict throws, lenient reads only the first characters', () => {
  const long = 'a'.repeat(10_001);
  const e = limitError(long, {});
  assert.equal([e.limit, e.max, e.actual], ['length', 10_000, 10_001]);
  assert.equal(lenient(long), { kind: 'term', text: 'a'.repeat(10_000), start: 0, end: 10_000 });
  assert.equal(withoutOffsets(lenient('alpha beta gamma', { maxLength: 8 })), q.or(q.term('alpha'), q.term('be')));
});

limits('maxDepth: 32 levels parse, 33 are a limit error (strict) or flattened (lenient)', () => {
  const nest = (n: number, inner: string): string => '('.repeat(n) + inner + ')'.repeat(n);
  assert.equal(withoutOffsets(strict(nest(32, 'a'))), a);
  const e = limitError(nest(33, 'a'), {});
  assert.equal([e.limit, e.max, e.actual], ['depth', 32, 33]);
  assert.equal(withoutOffsets(lenient(nest(33, 'a'))), a);
  // Lenient: the group past the limit joins its parent, so `a` and `b` end up side by side.
  assert.equal(withoutOffsets(lenient('x (a (b c))', { maxDepth: 1 })), q.or(q.term('x'), q.or(a, b, c)));
  assert.equal(withoutOffsets(lenient('x (a b)', { maxDepth: 0 })), q.or(q.term('x'), a, b));
  const e0 = limitError('(a)', { maxDepth: 0 });
  assert.equal([e0.limit, e0.max, e0.actual], ['depth', 0, 1]);
});

limits('10,000 nested parentheses: no stack overflow, right result or error class', () => {
  const deep = '('.repeat(10_000) + 'a' + ')'.repeat(10_000);
  const big = { maxLength: 1_000_000 };
  assert.instance(limitError(deep, big), QueryLimitError);
  assert.equal(limitError(deep, big).limit, 'depth');
  assert.equal(withoutOffsets(lenient(deep, big)), a);
  assert.equal(withoutOffsets(lenient(deep, { ...big, maxDepth: 20_000 })), a);
  assert.equal(withoutOffsets(strict(deep, { ...big, maxDepth: 20_000 })), a);
  // Unbalanced the other way, and the default length limit.
  assert.equal(withoutOffsets(lenient('('.repeat(10_000) + 'a', big)), a);
  assert.equal(withoutOffsets(lenient(')'.repeat(10_000) + 'a', big)), a);
  assert.equal(limitError(deep, {}).limit, 'length');
  assert.equal(lenient(deep).kind, 'empty'); // only the first 10,000 characters: all `(`
  // Deep nesting that does not collapse still builds, iteratively.
  const chain = '(a '.repeat(5_000) + ')'.repeat(5_000);
  let node: QueryNode = lenient(chain, { ...big, maxDepth: 10_000, maxClauses: 10_000 });
  let depth = 0;
  while (node.kind === 'bool') {
    node = node.should[1] ?? node.should[0]!;
    depth++;
  }
  assert.is(depth, 4_999);
});

limits('the AST is at most 2·maxDepth + 3 levels deep', () => {
  const levels = (node: QueryNode): number => {
    let deepest = 0;
    const stack: Array<[QueryNode, number]> = [[node, 1]];
    while (stack.length > 0) {
      const [n, depth] = stack.pop()!;
      deepest = Math.max(deepest, depth);
      if (n.kind === 'bool') for (const c of [...n.must, ...n.should, ...n.mustNot]) stack.push([c, depth + 1]);
    }
    return deepest;
  };
  // Worst case: every group holds an OR whose AND-run holds the next group.
  let worst = 'x OR y AND z';
  for (let i = 0; i < 5; i++) worst = `x OR y AND (${worst})`;
  assert.is(levels(strict(worst, { maxDepth: 5 })), 2 * 5 + 3);
  assert.is(levels(lenient(`x OR y AND (${worst})`, { maxDepth: 5 })), 2 * 5 + 3);
});

limits('maxClauses: 100,000 `a AND` repetitions', () => {
  const many = 'a AND '.repeat(100_000);
  const big = { maxLength: 1_000_000 };
  const e = limitError(many, big);
  assert.equal([e.limit, e.max, e.actual], ['clauses', 1024, 1025]);
  const truncated = lenient(many, big);
  assert.ok(truncated.kind === 'bool');
  assert.is(truncated.must.length, 1024);
  assert.is(truncated.should.length, 0);
  assert.equal(withoutOffsets(lenient('a b c d', { maxClauses: 2 })), q.or(a, b));
  assert.equal(withoutOffsets(strict('a b', { maxClauses: 2 })), q.or(a, b));
  assert.equal(limitError('a b c', { maxClauses: 2 }).actual, 3);
});

limits('repeated operators stay linear: a AND AND AND …', () => {
  const ops = 'a ' + 'AND '.repeat(100_000) + 'b';
  const big = { maxLength: 1_000_000 };
  assert.equal(withoutOffsets(lenient(ops, big)), q.and(a, b));
  assert.equal([strictError(ops, big).start, strictError(ops, big).end], [6, 9]);
  const mods = '-'.repeat(100_000) + 'a';
  assert.equal(withoutOffsets(lenient(mods, big)), a);
  const quotes = lenient('"'.repeat(99_999), big); // empty phrases, then one unbalanced quote
  assert.ok(quotes.kind === 'bool');
  assert.equal(quotes.should.length, 1024);
  const brackets = 'x:[a TO '.repeat(20_000);
  assert.type(lenient(brackets, big).kind, 'string');
});

limits('invalid options throw InvalidOptionError in both modes', () => {
  const bad: ParseOptions[] = [
    { maxDepth: -1 }, { maxClauses: 0 }, { maxLength: 1.5 }, { maxDepth: Number.NaN },
    { mode: 'loose' as unknown as 'strict' }, { defaultOperator: 'AND' as unknown as 'and' },
  ];
  for (const options of bad) {
    assert.throws(() => parseQuery('a', options), (e: unknown) => e instanceof InvalidOptionError);
  }
  try {
    parseQuery('a', { maxClauses: 0 });
  } catch (e) {
    assert.is((e as InvalidOptionError).option, 'maxClauses');
  }
});

for (const s of [terms, boolean, fields, modifiers, ranges, escaping, empty, errors, degrade, limits]) s.run();
