// Checks a query tree handed to search() or explain() as an object (not parsed by us): every node of
// a known kind with fields of the right types, and no deeper or larger than the limits the parser keeps.

import { InvalidOptionError, QueryLimitError } from '../errors.js';
import type { QueryNode } from './ast.js';
import { DEFAULT_MAX_CLAUSES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH } from './parse-options.js';

/**
 * Deepest tree accepted: what the parser can produce (2·maxDepth + 3 levels) with room for trees
 * built in code. The planner and its consumers recurse per level; a 1,000-level chain overflowed the stack.
 */
export const MAX_TREE_DEPTH = 4 * DEFAULT_MAX_DEPTH + 3;
/** Most leaves accepted, as the parser's default clause limit. */
export const MAX_TREE_LEAVES = DEFAULT_MAX_CLAUSES;

/**
 * Throws InvalidOptionError for a malformed node and QueryLimitError past MAX_TREE_DEPTH levels or
 * MAX_TREE_LEAVES leaves. Walks with its own stack, so a hostile depth cannot overflow it.
 */
export function checkQueryTree(root: unknown): asserts root is QueryNode {
  const nodes: unknown[] = [root];
  const depths: number[] = [1];
  let leaves = 0;
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (depth > MAX_TREE_DEPTH) throw new QueryLimitError(`query tree nested deeper than ${MAX_TREE_DEPTH}`, 'depth', MAX_TREE_DEPTH, depth);
    if (typeof node !== 'object' || node === null) bad('a query node must be an object');
    const n = node as Record<string, unknown>;
    optionalBoost(n);
    switch (n['kind']) {
      case 'term':
        text(n);
        optionalField(n);
        if (n['fuzzy'] !== undefined && n['fuzzy'] !== 'auto' && n['fuzzy'] !== 1 && n['fuzzy'] !== 2) bad("term.fuzzy must be 'auto', 1 or 2");
        if (n['prefix'] !== undefined && n['prefix'] !== true) bad('term.prefix must be true when present');
        if (n['prefix'] === true && n['fuzzy'] !== undefined) bad('a term cannot be both prefix and fuzzy');
        break;
      case 'phrase':
        text(n);
        optionalField(n);
        if (!Number.isInteger(n['slop']) || (n['slop'] as number) < 0) bad('phrase.slop must be a non-negative integer');
        break;
      case 'range':
        if (typeof n['field'] !== 'string') bad('range.field must be a string');
        for (const key of ['lower', 'upper']) if (n[key] !== undefined && typeof n[key] !== 'string') bad(`range.${key} must be a string when present`);
        for (const key of ['includeLower', 'includeUpper']) if (typeof n[key] !== 'boolean') bad(`range.${key} must be true or false`);
        break;
      case 'all':
      case 'empty':
        break;
      case 'bool':
        for (const key of ['must', 'should', 'mustNot']) {
          const children = n[key];
          if (!Array.isArray(children)) bad(`bool.${key} must be an array of query nodes`);
          for (let i = children.length - 1; i >= 0; i--) {
            nodes.push(children[i]);
            depths.push(depth + 1);
          }
        }
        continue;
      default:
        bad(`unknown query node kind ${JSON.stringify(String(n['kind']))}`);
    }
    if (++leaves > MAX_TREE_LEAVES) throw new QueryLimitError(`more than ${MAX_TREE_LEAVES} clauses`, 'clauses', MAX_TREE_LEAVES, leaves);
  }
}

function bad(message: string): never {
  throw new InvalidOptionError(message, 'query');
}

function text(n: Record<string, unknown>): void {
  const t = n['text'];
  if (typeof t !== 'string') bad(`${String(n['kind'])}.text must be a string`);
  // A query string is read up to this length; a tree's texts get the same bound.
  if (t.length > DEFAULT_MAX_LENGTH) throw new QueryLimitError(`query text longer than ${DEFAULT_MAX_LENGTH} characters`, 'length', DEFAULT_MAX_LENGTH, t.length);
}

function optionalField(n: Record<string, unknown>): void {
  if (n['field'] !== undefined && typeof n['field'] !== 'string') bad(`${String(n['kind'])}.field must be a string when present`);
}

function optionalBoost(n: Record<string, unknown>): void {
  const boost = n['boost'];
  if (boost !== undefined && !(typeof boost === 'number' && boost > 0 && Number.isFinite(boost))) bad('boost must be a positive finite number when present');
}
