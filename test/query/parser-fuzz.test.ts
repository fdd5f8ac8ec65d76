// Seeded fuzzing of parseQuery over 100,000 strings built from the syntax's fragments: lenient never
// throws and returns a well-formed AST inside the string; strict either agrees with lenient or
// throws one of the two query error classes with a span inside the string.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { QueryLimitError, QueryParseError } from '../../src/errors.js';
import type { QueryNode } from '../../src/query/ast.js';
import { parseQuery } from '../../src/query/parser.js';

const QUERIES = 100_000;
const SEED = 0x5eed_2024;

/** mulberry32: tiny, fast, good enough to spread fragments; the fixed seed makes failures replay. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  'a', 'budget', 'Qingdao', 'port', '港口', 'é', '😀', '\ud800', 'x1',
  '"', '"trade fair"', '""', '(', ')', '()', ':', 'title:', 'date:', 'body:(', 'http://x',
  'AND', 'OR', 'NOT', 'and', '&&', '||', '!', '+', '-', '--',
  '~', '~1', '~2', '~3', '~0.5', '^', '^2', '^0', '^1.5', '^x', '*', '?', 'in*', '*:*',
  '[', ']', '{', '}', 'TO', 'to', '[2024 TO 2025]', '{* TO 2024-03}', 'date:[2024-01-01 TO *]',
  '>=', '>', '<', '<=', 'date>=2024', 'date:<2024-06', '=',
  '\\', '\\:', '\\"', '\\(', '\\\\', ' ', '  ', '\t', '\u00a0', '\n',
];

function randomQuery(next: () => number): string {
  const pieces = 1 + Math.floor(next() * 10);
  let out = '';
  for (let i = 0; i < pieces; i++) {
    const r = next();
    if (r < 0.1) out += String.fromCharCode(32 + Math.floor(next() * 95)); // any printable ASCII
    else out += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]!;
    if (next() < 0.4) out += ' ';
  }
  return out;
}

/** Checks spans, containment, value domains and depth without recursion; returns a problem or ''. */
function check(root: QueryNode, length: number, maxAstDepth: number): string {
  const stack: Array<[QueryNode, number, number, number]> = [[root, 0, length, 1]];
  while (stack.length > 0) {
    const [node, lo, hi, depth] = stack.pop()!;
    if (!(node.start >= lo && node.end <= hi && node.start <= node.end)) {
      return `${node.kind} [${node.start}, ${node.end}) outside [${lo}, ${hi})`;
    }
    if (depth > maxAstDepth) return `AST deeper than ${maxAstDepth}`;
    if (node.kind !== 'empty' && node.boost !== undefined && !(node.boost > 0 && Number.isFinite(node.boost))) {
      return `bad boost ${node.boost}`;
    }
    switch (node.kind) {
      case 'empty':
        if (node !== root) return 'empty node below the root';
        break;
      case 'term':
        if (node.text === '') return 'empty term text';
        if (node.fuzzy !== undefined && node.prefix === true) return 'fuzzy prefix';
        break;
      case 'phrase':
        if (!Number.isSafeInteger(node.slop) || node.slop < 0) return `bad slop ${node.slop}`;
        break;
      case 'range':
        if (node.lower === undefined && node.includeLower) return 'includeLower on an open bound';
        if (node.upper === undefined && node.includeUpper) return 'includeUpper on an open bound';
        break;
      case 'bool':
        if (node.must.length + node.should.length + node.mustNot.length === 0) return 'bool without clauses';
        for (const child of [...node.must, ...node.should, ...node.mustNot]) {
          stack.push([child, node.start, node.end, depth + 1]);
        }
        break;
      case 'all':
        break;
    }
  }
  return '';
}

test(`lenient never throws and strict agrees or throws a query error (${QUERIES} queries)`, () => {
  const next = rng(SEED);
  const maxAstDepth = 2 * 32 + 3;
  let strictOk = 0;
  let parseErrors = 0;
  for (let i = 0; i < QUERIES; i++) {
    const text = randomQuery(next);
    const defaultAnd = (i & 1) === 1;
    const options = { defaultOperator: defaultAnd ? 'and' : 'or', maxClauses: 12 } as const;
    let node: QueryNode;
    try {
      node = parseQuery(text, options);
    } catch (e) {
      assert.unreachable(`lenient threw ${String(e)} for ${JSON.stringify(text)}`);
      return;
    }
    const problem = check(node, text.length, maxAstDepth);
    if (problem !== '') assert.unreachable(`${problem} for ${JSON.stringify(text)}`);

    // Strict on every other query: building an Error (stack capture) is most of strict's cost.
    if ((i & 2) !== 0) continue;
    try {
      const strictNode = parseQuery(text, { ...options, mode: 'strict' });
      assert.equal(strictNode, node, `strict and lenient differ for ${JSON.stringify(text)}`);
      strictOk++;
    } catch (e) {
      if (e instanceof QueryParseError) {
        parseErrors++;
        if (!(e.query === text && e.start >= 0 && e.start < e.end && e.end <= text.length)) {
          assert.unreachable(`error span [${e.start}, ${e.end}) for ${JSON.stringify(text)}`);
        }
      } else if (!(e instanceof QueryLimitError)) {
        throw e;
      }
    }
  }
  // The generator must exercise both outcomes, or the test proves little.
  assert.ok(strictOk > QUERIES / 40, `only ${strictOk} queries were valid`);
  assert.ok(parseErrors > QUERIES / 40, `only ${parseErrors} queries were invalid`);
});

test('lenient survives long random strings of syntax characters', () => {
  const next = rng(SEED + 1);
  const chars = '()"\\:*?~^[]{}+-!<>= aT\u00a0é';
  for (let i = 0; i < 200; i++) {
    let text = '';
    const n = 500 + Math.floor(next() * 1500);
    for (let j = 0; j < n; j++) text += chars[Math.floor(next() * chars.length)]!;
    const node = parseQuery(text, { maxDepth: 4 });
    const problem = check(node, text.length, 2 * 4 + 3);
    if (problem !== '') assert.unreachable(`${problem} for ${JSON.stringify(text)}`);
  }
});

test.run();
