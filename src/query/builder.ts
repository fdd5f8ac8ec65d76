// `q`: build query ASTs in code, in exactly the shapes parseQuery produces, with every offset
// `NO_OFFSET`; `withoutOffsets(parseQuery(s))` deep-equals the built equivalent of `s`.
// Validates its arguments (InvalidOptionError); does no analysis and knows no fields.

import { InvalidOptionError } from '../errors.js';
import { NO_OFFSET } from './ast.js';
import type { AllNode, BoolNode, EmptyNode, FuzzyEdits, PhraseNode, QueryNode, RangeNode, TermNode } from './ast.js';

/** Field and boost of a leaf. */
export interface LeafOptions {
  readonly field?: string;
  readonly boost?: number;
}

export interface PhraseOptions extends LeafOptions {
  /** Proximity, a non-negative integer (default 0: adjacent, in order). */
  readonly slop?: number;
}

export interface RangeOptions {
  readonly lower?: string;
  readonly upper?: string;
  /** Default true when `lower` is given. */
  readonly includeLower?: boolean;
  /** Default true when `upper` is given. */
  readonly includeUpper?: boolean;
  readonly boost?: number;
}

export interface DateRangeOptions {
  /** Raw date text, e.g. `2024-01-01`, `2024-03` or `2024`; absent: open. */
  readonly from?: string;
  readonly to?: string;
  /** Default `date`. */
  readonly field?: string;
  /** Default true. */
  readonly includeFrom?: boolean;
  /** Default true. */
  readonly includeTo?: boolean;
  readonly boost?: number;
}

export interface BoolOptions {
  readonly must?: readonly QueryNode[];
  readonly should?: readonly QueryNode[];
  readonly mustNot?: readonly QueryNode[];
  readonly boost?: number;
}

const off = { start: NO_OFFSET, end: NO_OFFSET } as const;

/** Query AST builder. */
export const q = {
  /** `text` or `field:text`, `^boost`. */
  term(text: string, options?: LeafOptions): TermNode {
    return { kind: 'term', text: nonEmpty(text), ...leafExtras(options), ...off };
  },

  /** `text*`: every term starting with `text`. */
  prefix(text: string, options?: LeafOptions): TermNode {
    return { kind: 'term', text: nonEmpty(text), ...leafExtras(options), prefix: true, ...off };
  },

  /** `text~` (auto), `text~1`, `text~2`; 0 edits gives a plain term, as `text~0` does. */
  fuzzy(text: string, edits: FuzzyEdits | 0 = 'auto', options?: LeafOptions): TermNode {
    if (edits !== 'auto' && edits !== 0 && edits !== 1 && edits !== 2) {
      throw new InvalidOptionError(`fuzzy edits must be 'auto', 0, 1 or 2, got ${String(edits)}`, 'fuzzy');
    }
    const fuzzy = edits === 0 ? {} : { fuzzy: edits };
    return { kind: 'term', text: nonEmpty(text), ...leafExtras(options), ...fuzzy, ...off };
  },

  /** `"text"`, `"text"~slop`. */
  phrase(text: string, options?: PhraseOptions): PhraseNode {
    const slop = options?.slop ?? 0;
    if (!Number.isSafeInteger(slop) || slop < 0) {
      throw new InvalidOptionError(`slop must be a non-negative integer, got ${String(slop)}`, 'slop');
    }
    return { kind: 'phrase', text, ...leafExtras(options), slop, ...off };
  },

  /** `field:[lower TO upper]` and its exclusive / open variants. */
  range(field: string, options: RangeOptions): RangeNode {
    const { lower, upper } = options;
    return {
      kind: 'range',
      field: nonEmpty(field, 'field'),
      ...(lower !== undefined ? { lower } : {}),
      ...(upper !== undefined ? { upper } : {}),
      includeLower: lower !== undefined && (options.includeLower ?? true),
      includeUpper: upper !== undefined && (options.includeUpper ?? true),
      ...boostOf(options.boost),
      ...off,
    };
  },

  /** `date:[from TO to]` (inclusive by default); bounds stay raw text for the planner. */
  dateRange(options: DateRangeOptions): RangeNode {
    return q.range(options.field ?? 'date', {
      ...(options.from !== undefined ? { lower: options.from } : {}),
      ...(options.to !== undefined ? { upper: options.to } : {}),
      ...(options.includeFrom !== undefined ? { includeLower: options.includeFrom } : {}),
      ...(options.includeTo !== undefined ? { includeUpper: options.includeTo } : {}),
      ...(options.boost !== undefined ? { boost: options.boost } : {}),
    });
  },

  /** `*`: every document. */
  all(): AllNode {
    return { kind: 'all', ...off };
  },

  /** Matches nothing (what an empty query parses to). */
  empty(): EmptyNode {
    return { kind: 'empty', ...off };
  },

  /**
   * `a AND b AND …`. A `q.not(x)` child becomes a `mustNot` of this bool, as `a AND NOT x` does;
   * a single child is returned as is; no child gives `empty`.
   */
  and(...nodes: QueryNode[]): QueryNode {
    return combine(nodes, 'must');
  },

  /** `a OR b OR …`; `q.not(x)` children become `mustNot`, as in `a OR NOT x` (Lucene semantics). */
  or(...nodes: QueryNode[]): QueryNode {
    return combine(nodes, 'should');
  },

  /** `NOT x`: a pure negative bool (every document but x). `q.not(q.not(x))` is x. */
  not(node: QueryNode): QueryNode {
    const inner = pureNegative(node);
    if (inner !== undefined && inner.length === 1) return inner[0]!;
    return { kind: 'bool', must: [], should: [], mustNot: [node], ...off };
  },

  /** A bool with explicit clause lists (`+a b -c` is `q.bool({ must: [a], should: [b], mustNot: [c] })`). */
  bool(options: BoolOptions): BoolNode {
    return {
      kind: 'bool',
      must: [...(options.must ?? [])],
      should: [...(options.should ?? [])],
      mustNot: [...(options.mustNot ?? [])],
      ...boostOf(options.boost),
      ...off,
    };
  },

  /** `node^factor`; boosts multiply, as `(a^2)^3` does. `empty` is returned unchanged. */
  boost(node: QueryNode, factor: number): QueryNode {
    checkBoost(factor);
    if (node.kind === 'empty') return node;
    return { ...node, boost: (node.boost ?? 1) * factor };
  },
} as const;

function combine(nodes: readonly QueryNode[], occur: 'must' | 'should'): QueryNode {
  if (nodes.length === 0) return q.empty();
  if (nodes.length === 1) return nodes[0]!;
  const clauses: QueryNode[] = [];
  const mustNot: QueryNode[] = [];
  for (const n of nodes) {
    const neg = pureNegative(n);
    if (neg !== undefined) mustNot.push(...neg);
    else clauses.push(n);
  }
  return {
    kind: 'bool',
    must: occur === 'must' ? clauses : [],
    should: occur === 'should' ? clauses : [],
    mustNot,
    ...off,
  };
}

/** The excluded clauses of a bool that has only `mustNot` and no boost, else undefined. */
function pureNegative(node: QueryNode): readonly QueryNode[] | undefined {
  if (node.kind !== 'bool' || node.must.length > 0 || node.should.length > 0) return undefined;
  if (node.mustNot.length === 0 || node.boost !== undefined) return undefined;
  return node.mustNot;
}

function leafExtras(options: LeafOptions | undefined): { field?: string; boost?: number } {
  return {
    ...(options?.field !== undefined ? { field: nonEmpty(options.field, 'field') } : {}),
    ...boostOf(options?.boost),
  };
}

function boostOf(boost: number | undefined): { boost?: number } {
  if (boost === undefined) return {};
  checkBoost(boost);
  return { boost };
}

function checkBoost(boost: number): void {
  if (!(boost > 0) || !Number.isFinite(boost)) {
    throw new InvalidOptionError(`boost must be a positive finite number, got ${String(boost)}`, 'boost');
  }
}

function nonEmpty(value: string, option = 'text'): string {
  if (typeof value !== 'string' || value === '') {
    throw new InvalidOptionError(`${option} must be a non-empty string`, option);
  }
  return value;
}
