// parseQuery: query string → AST (ast.ts), lenient or strict, with depth / clause / length limits.
// Iterative over an explicit stack of open groups, so nesting never grows the JS stack, and linear
// in the query length. Syntax only: no analysis, no date parsing, no knowledge of the index.

import { QueryLimitError } from '../errors.js';
import type { BoolNode, QueryNode } from './ast.js';
import { resolveParseOptions } from './parse-options.js';
import type { ParseOptions, ResolvedParseOptions } from './parse-options.js';
import { QueryLexer, parseError } from './query-lexer.js';
import type { Token } from './query-lexer.js';

export type { ParseOptions } from './parse-options.js';

/** How a clause joins its group: plain (should in an OR, must in an AND), `+`, or `-`/`NOT`. */
type Occur = 'plain' | 'must' | 'mustNot';

interface Clause {
  readonly node: QueryNode;
  readonly occur: Occur;
  /** Start including the modifiers written before the node. */
  readonly start: number;
}

/** One open group (the root or a parenthesis): OR-separated runs of AND-joined clauses. */
interface Frame {
  /** Field given to unfielded leaves inside, from `field:( … )` (innermost wins). */
  readonly scope: string | undefined;
  readonly openStart: number;
  readonly openEnd: number;
  /** Finished AND-runs; OR joins them. */
  readonly runs: Clause[][];
  /** The AND-run being read. */
  run: Clause[];
  /** A binary operator still waiting for its right operand. */
  op: Token | undefined;
  /** Pending unary modifiers: NOT/`!`/`-` count (parity decides) and `+`; `firstMod` for spans/errors. */
  negations: number;
  must: boolean;
  firstMod: Token | undefined;
}

/**
 * Parses a Lucene-like news query into the AST of `./ast.ts`.
 *
 * Syntax: `budget`, `"trade fair"`, `"budget deficit"~5`, `AND`/`&&`, `OR`/`||`, `NOT`/`!`
 * (upper-case keywords only), `+must`, `-exclude`, `( … )`; precedence NOT > AND > OR and
 * juxtaposition means `defaultOperator` (see `BoolNode` for the mapping); `title:budget`,
 * `title:"…"`, `body:( … )` (innermost field wins; `http://` is not a field); `invest*`;
 * `qingdoa~`, `~1`, `~2`; `^2` on terms, phrases, ranges and groups; `date:2024` (a term);
 * `date:[a TO b]`, `{…}`, mixed, `*` ends; `date>=x`, `date:<x`, `>=x` inside `date:( … )`;
 * `*` / `*:*` (all); backslash escapes any character, including keywords (`\NOT`).
 *
 * Lenient mode (default) never throws on the query text: an unbalanced quote is dropped and the
 * rest read as words, a stray `)` and dangling operators (`a AND`, `AND b`, `a AND OR b`, `a - b`)
 * are ignored, `title:` alone becomes the term `title`, malformed `^`/`~` suffixes are ignored
 * (fuzziness above 2 is clamped to 2), wildcards other than a trailing `*` stay in the term text,
 * a range cut short after its `TO` is closed (missing upper bound: open), lower-case `to` is
 * accepted, any other malformed range is read as words, a range with no field becomes terms for
 * its bounds, and unclosed parentheses close at the end. Limits truncate: only the first
 * `maxLength` characters are read, parentheses nested deeper than `maxDepth` are ignored (their
 * content joins the enclosing group), and leaves after the `maxClauses`-th are dropped.
 *
 * Strict mode throws `QueryParseError` (with `start`/`end` at the problem) for anything lenient
 * mode would repair, and `QueryLimitError` (`length`, `depth`, `clauses`) past a limit.
 * Both modes throw `InvalidOptionError` for invalid options.
 *
 * An empty or all-whitespace query (and, lenient, one where nothing parsed) gives `{ kind: 'empty' }`.
 * The AST is at most 2·maxDepth + 3 levels deep (root and leaf included), so recursive consumers
 * stay within the stack.
 */
export function parseQuery(text: string, options?: ParseOptions): QueryNode {
  const opts = resolveParseOptions(options);
  const query = typeof text === 'string' ? text : String(text ?? '');
  let len = query.length;
  if (len > opts.maxLength) {
    if (opts.strict) {
      throw new QueryLimitError(`query longer than ${opts.maxLength} characters`, 'length', opts.maxLength, len);
    }
    len = opts.maxLength;
  }
  return new Parser(query, len, opts).parse();
}

/** One parse: reads tokens and maintains the stack of open groups. */
class Parser {
  private readonly lexer: QueryLexer;
  private readonly frames: Frame[] = [newFrame(undefined, -1, -1)];
  /** Lenient: `(` past maxDepth that were ignored, so their `)` are skipped too. */
  private ignoredOpens = 0;
  private leaves = 0;
  /** End of the last token read; unclosed groups close there. */
  private lastEnd = 0;

  constructor(
    private readonly query: string,
    len: number,
    private readonly opts: ResolvedParseOptions,
  ) {
    this.lexer = new QueryLexer(query, len, opts.strict);
  }

  parse(): QueryNode {
    const { frames, opts } = this;
    read: for (;;) {
      const top = frames[frames.length - 1]!;
      const tok = this.lexer.next(top.scope);
      switch (tok.type) {
        case 'eof':
          break read;
        case 'leaf':
          if (++this.leaves > opts.maxClauses) {
            if (opts.strict) {
              throw new QueryLimitError(`more than ${opts.maxClauses} clauses`, 'clauses', opts.maxClauses, this.leaves);
            }
            break read; // lenient: drop the rest of the query
          }
          this.addOperand(top, tok.node);
          break;
        case 'and':
        case 'or':
          if (top.run.length === 0 || top.op !== undefined || top.firstMod !== undefined) {
            this.problem('an operator with nothing before it', tok.start, tok.end);
          } else {
            top.op = tok;
          }
          break;
        case 'not':
        case 'must':
          if (top.firstMod === undefined) top.firstMod = tok;
          if (tok.type === 'not') top.negations++;
          else top.must = true;
          break;
        case 'void':
          clearModifiers(top);
          break;
        case 'open':
          if (frames.length - 1 >= opts.maxDepth) {
            if (opts.strict) {
              throw new QueryLimitError(`parentheses nested deeper than ${opts.maxDepth}`, 'depth', opts.maxDepth, frames.length);
            }
            this.ignoredOpens++; // lenient: flatten into the enclosing group
          } else {
            frames.push(newFrame(tok.field ?? top.scope, tok.start, tok.end));
          }
          break;
        case 'close':
          if (this.ignoredOpens > 0) this.ignoredOpens--;
          else if (frames.length === 1) this.problem('a closing parenthesis with no opening one', tok.start, tok.start + 1);
          else this.closeGroup(tok.end, tok.boost);
          break;
      }
      this.lastEnd = tok.end;
    }

    if (frames.length > 1) {
      const f = frames[frames.length - 1]!;
      this.problem('a parenthesis that is never closed', f.openStart, f.openEnd);
      while (frames.length > 1) this.closeGroup(this.lastEnd, undefined);
    }
    const root = frames[0]!;
    this.checkDangling(root);
    return buildGroup(root, false, this.lastEnd, undefined) ?? { kind: 'empty', start: 0, end: this.query.length };
  }

  /** Adds a leaf or a finished group to frame `f`, joined by the pending or the default operator. */
  private addOperand(f: Frame, node: QueryNode): void {
    const occur: Occur = f.negations % 2 === 1 ? 'mustNot' : f.must ? 'must' : 'plain';
    const start = f.firstMod !== undefined ? f.firstMod.start : node.start;
    if (f.run.length > 0) {
      const joinAnd = f.op !== undefined ? f.op.type === 'and' : this.opts.defaultAnd;
      if (!joinAnd) {
        f.runs.push(f.run);
        f.run = [];
      }
    }
    f.run.push({ node, occur, start });
    f.op = undefined;
    clearModifiers(f);
  }

  /** Strict: a group (or the query) may not end on an operator. Lenient drops it. */
  private checkDangling(f: Frame): void {
    if (f.op !== undefined) this.problem('an operator with nothing after it', f.op.start, f.op.end);
    if (f.firstMod !== undefined) this.problem('an operator with nothing after it', f.firstMod.start, f.firstMod.end);
  }

  private closeGroup(end: number, boost: number | undefined): void {
    const f = this.frames.pop()!;
    this.checkDangling(f);
    const node = buildGroup(f, true, end, boost);
    const parent = this.frames[this.frames.length - 1]!;
    if (node === undefined) {
      this.problem('an empty group', f.openStart, end);
      clearModifiers(parent); // lenient: `-()` negates nothing
      return;
    }
    this.addOperand(parent, node);
  }

  private problem(message: string, start: number, end: number): void {
    if (this.opts.strict) throw parseError(message, this.query, start, end);
  }
}

function newFrame(scope: string | undefined, openStart: number, openEnd: number): Frame {
  return { scope, openStart, openEnd, runs: [], run: [], op: undefined, negations: 0, must: false, firstMod: undefined };
}

function clearModifiers(f: Frame): void {
  f.negations = 0;
  f.must = false;
  f.firstMod = undefined;
}

/**
 * Turns a frame's runs into one node (undefined when it has no clause). A group spans from its
 * `(` (or field name) to its `)`; the root spans its clauses. A single non-negated clause stands
 * for the whole group and takes the group's boost (boosts multiply).
 */
function buildGroup(f: Frame, isGroup: boolean, end: number, boost: number | undefined): QueryNode | undefined {
  if (f.run.length > 0) {
    f.runs.push(f.run);
    f.run = [];
  }
  const runs = f.runs;
  const first = runs[0];
  if (first === undefined) return undefined;
  const lastRun = runs[runs.length - 1]!;
  const start = isGroup ? f.openStart : first[0]!.start;
  const stop = isGroup ? end : lastRun[lastRun.length - 1]!.node.end;
  if (runs.length === 1) {
    const only = first[0]!;
    if (first.length === 1 && only.occur !== 'mustNot') return withBoost(only.node, boost);
    return andRun(first, start, stop, boost);
  }
  const must: QueryNode[] = [];
  const should: QueryNode[] = [];
  const mustNot: QueryNode[] = [];
  for (const run of runs) {
    const c = run[0]!;
    if (run.length > 1) should.push(andRun(run, c.start, run[run.length - 1]!.node.end, undefined));
    else if (c.occur === 'plain') should.push(c.node);
    else if (c.occur === 'must') must.push(c.node);
    else mustNot.push(c.node);
  }
  return bool(must, should, mustNot, start, stop, boost);
}

/** An AND-run: plain and `+` clauses are required, negated ones excluded. */
function andRun(run: readonly Clause[], start: number, end: number, boost: number | undefined): BoolNode {
  const must: QueryNode[] = [];
  const mustNot: QueryNode[] = [];
  for (const c of run) (c.occur === 'mustNot' ? mustNot : must).push(c.node);
  return bool(must, [], mustNot, start, end, boost);
}

function bool(
  must: QueryNode[], should: QueryNode[], mustNot: QueryNode[], start: number, end: number, boost: number | undefined,
): BoolNode {
  return { kind: 'bool', must, should, mustNot, ...(boost !== undefined ? { boost } : {}), start, end };
}

function withBoost(node: QueryNode, boost: number | undefined): QueryNode {
  if (boost === undefined || node.kind === 'empty') return node;
  // Nested boosts multiply, as nested boost queries do in Lucene; clamp so it stays finite.
  return { ...node, boost: Math.min(Number.MAX_VALUE, (node.boost ?? 1) * boost) };
}
