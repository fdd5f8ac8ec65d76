// The query AST: what `parseQuery` and the builder `q` produce and what the planner consumes.
// Syntax only: text is raw (not analysed, not lower-cased), dates and range bounds stay unparsed
// strings, field names are not validated. Nothing here knows the index.

/**
 * Offset value carried by nodes that do not come from a query string (the builder).
 * Consumers that highlight or report errors must skip nodes whose `start` is `NO_OFFSET`.
 */
export const NO_OFFSET = -1;

/**
 * Where a node came from in the query string: UTF-16 offsets, `start` inclusive, `end` exclusive.
 * A node's span covers its own syntax: field prefix, quotes, brackets, parentheses and suffixes
 * (`~2`, `^3`), but not the `+`/`-`/`NOT` in front of it (those belong to the enclosing `bool`).
 * A parenthesised group with a single clause collapses to that clause and keeps the clause's span.
 * Both are `NO_OFFSET` for builder nodes.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Edit distance of a fuzzy term: `'auto'` lets the planner pick from the term's length. */
export type FuzzyEdits = 'auto' | 1 | 2;

/**
 * One word: `budget`, `title:budget`, `invest*`, `qingdoa~1`, `budget^3`, `date:2024-03`.
 * `text` is the word with escapes removed and without its suffix (`invest*` → `invest`).
 * A term on a date field (`date:2024`, `date:2024-03`) stays a term: the planner resolves it to
 * the span of that year / month / day.
 */
export interface TermNode extends Span {
  readonly kind: 'term';
  readonly text: string;
  /** `title` in `title:budget`, or inherited from `title:(...)`. Absent: the default fields. */
  readonly field?: string;
  /** Positive finite multiplier from `^n`. Absent means 1. */
  readonly boost?: number;
  /** From `~` (auto), `~1`, `~2`. Absent: exact. `~0` is exact and leaves this absent. */
  readonly fuzzy?: FuzzyEdits;
  /** From a trailing `*`: match every term starting with `text`. Never combined with `fuzzy`. */
  readonly prefix?: true;
}

/**
 * A quoted phrase: `"trade fair"`, `title:"trade fair"`, `"budget deficit"~5`.
 * `text` is everything between the quotes (escapes removed); the planner tokenises it, so a
 * one-word phrase and an empty phrase (`""`) are possible and are the planner's to simplify.
 */
export interface PhraseNode extends Span {
  readonly kind: 'phrase';
  readonly text: string;
  readonly field?: string;
  /** Proximity from `~n`: how many positions the words may move. 0 means adjacent and in order. */
  readonly slop: number;
  readonly boost?: number;
}

/**
 * A range on a field: `date:[2024-01-01 TO 2024-03-31]`, `{…}`, mixed `[… TO …}`, open `*` ends,
 * and comparisons `date>=2024-01-15` / `date:<2024-06`. Bounds are raw strings; the planner decides
 * which fields support ranges and how to compare (dates vs keywords).
 * An absent bound is open, and its `include…` flag is then always `false`, so
 * `date>=2024`, `date:[2024 TO *]` and `date:[2024 TO *}` produce equal nodes.
 */
export interface RangeNode extends Span {
  readonly kind: 'range';
  readonly field: string;
  readonly lower?: string;
  readonly upper?: string;
  readonly includeLower: boolean;
  readonly includeUpper: boolean;
  readonly boost?: number;
}

/**
 * Boolean combination, Lucene BooleanQuery style. The contract for the executor:
 * - a document matches when it matches every `must`, no `mustNot`, and, when `must` is empty,
 *   at least one `should`; when `must` is non-empty, `should` clauses only add to the score;
 * - with `must` and `should` both empty (a pure negative such as `-sport`), it matches every
 *   document not matched by `mustNot`;
 * - the score is the sum of the matching `must` and `should` scores, times `boost`.
 * Mapping from the syntax (precedence NOT > AND > OR; juxtaposition means `defaultOperator`):
 * - `a AND b OR c` → should [ bool{must [a, b]}, c ];
 * - `a -b` → should [a], mustNot [b] (a without b); `a +b c` → must [b], should [a, c];
 * - `-x`, `NOT x`, `!x` put x in the `mustNot` of the group it stands in, whatever operator joins
 *   it, so `a OR NOT b` means the same as `a -b` (as in Lucene); `a OR (NOT b)` keeps the pure
 *   negative as a `should` and means a or not-b;
 * - groups are never flattened: `a OR (b OR c)` keeps the inner bool.
 */
export interface BoolNode extends Span {
  readonly kind: 'bool';
  readonly must: readonly QueryNode[];
  readonly should: readonly QueryNode[];
  readonly mustNot: readonly QueryNode[];
  readonly boost?: number;
}

/** Every document: `*` or `*:*` on its own. */
export interface AllNode extends Span {
  readonly kind: 'all';
  readonly boost?: number;
}

/**
 * No document: the whole query was empty or whitespace, or (lenient mode) nothing in it parsed.
 * Only ever the root; the parser never puts it inside a `bool`. Spans the whole query string.
 */
export interface EmptyNode extends Span {
  readonly kind: 'empty';
}

/** A node that matches on its own, without children. */
export type LeafNode = TermNode | PhraseNode | RangeNode | AllNode;

/** Any node of the query AST, discriminated by `kind`. */
export type QueryNode = LeafNode | BoolNode | EmptyNode;

/**
 * A copy of `node` with every `start`/`end` set to `NO_OFFSET`, to compare a parsed query with a
 * built one or to use the structure as a cache key. Recursion depth is bounded by the AST depth,
 * which the parser keeps within 2·maxDepth + 3 levels.
 */
export function withoutOffsets(node: QueryNode): QueryNode {
  if (node.kind === 'bool') {
    return {
      ...node,
      must: node.must.map(withoutOffsets),
      should: node.should.map(withoutOffsets),
      mustNot: node.mustNot.map(withoutOffsets),
      start: NO_OFFSET,
      end: NO_OFFSET,
    };
  }
  return { ...node, start: NO_OFFSET, end: NO_OFFSET };
}
