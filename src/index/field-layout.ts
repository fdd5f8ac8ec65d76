// Resolves a Schema into the fixed field numbering every segment uses: scored fields (text, date)
// first, then keyword fields. Posting masks and field-length columns are indexed by these numbers.

import type { Analyzer } from '../analysis/types.js';
import type { Schema } from '../document.js';
import { keywordAnalyzer } from '../analysis/analyzer.js';
import { InvalidOptionError } from '../errors.js';

/** How a field's value becomes terms. */
export type FieldKind = 'text' | 'date' | 'keyword';

/** One indexed field after defaults are applied. */
export interface IndexedField {
  readonly name: string;
  readonly kind: FieldKind;
  /** Position in posting masks; scored fields come first so field-length rows stay dense. */
  readonly number: number;
  /** BM25F weight; 0 for keyword fields, which filter but do not score free text. */
  readonly boost: number;
  /** BM25F length normalisation, 0..1. */
  readonly b: number;
  readonly stored: boolean;
  readonly analyzer: Analyzer;
}

/** The resolved schema: fields by number and by name, plus the derived counts. */
export interface FieldLayout {
  readonly fields: readonly IndexedField[];
  /** Text and date fields: the ones with lengths and BM25F weights. */
  readonly scoredCount: number;
  readonly byName: ReadonlyMap<string, IndexedField>;
  /** Name of the date field whose values fill the date column, if the schema has one. */
  readonly dateField: string | undefined;
  /** Names of stored fields, in field-number order (the order of stored arrays). */
  readonly storedNames: readonly string[];
}

/** Posting masks are varints shifted left once, so 30 fields keep them within 31 bits. */
export const MAX_FIELDS = 30;

/** Builds the layout; `analyzer` is used by text and date fields that do not bring their own. */
export function resolveFieldLayout(schema: Schema, analyzer: Analyzer): FieldLayout {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new InvalidOptionError('schema must be an object of field specs', 'schema');
  const names = Object.keys(schema);
  const scored: string[] = [];
  const keywords: string[] = [];
  let dateField: string | undefined;
  for (const name of names) {
    const spec = schema[name]!;
    if (typeof spec !== 'object' || spec === null) throw new InvalidOptionError(`field ${name}: spec must be an object`, 'schema');
    if (spec.stored !== undefined && typeof spec.stored !== 'boolean') throw new InvalidOptionError(`field ${name}: stored must be true or false`, 'schema');
    if (spec.type === 'text' && spec.analyzer !== undefined && !isAnalyzer(spec.analyzer)) throw new InvalidOptionError(`field ${name}: analyzer must have a name and analyze()`, 'schema');
    if (spec.type === 'text') scored.push(name);
    else if (spec.type === 'date') {
      if (dateField !== undefined) throw new InvalidOptionError(`schema has two date fields: ${dateField}, ${name}`, 'schema');
      dateField = name;
      scored.push(name);
    } else if (spec.type === 'keyword') keywords.push(name);
    else throw new InvalidOptionError(`field ${name}: unknown type`, 'schema');
  }
  if (scored.length === 0) throw new InvalidOptionError('schema needs at least one text field', 'schema');
  if (scored.length + keywords.length > MAX_FIELDS) {
    throw new InvalidOptionError(`schema has more than ${MAX_FIELDS} indexed fields`, 'schema');
  }
  const keyword = keywordAnalyzer();
  const fields: IndexedField[] = [];
  for (const name of [...scored, ...keywords]) {
    const spec = schema[name]!;
    const number = fields.length;
    if (spec.type === 'keyword') {
      fields.push({ name, kind: 'keyword', number, boost: 0, b: 0, stored: spec.stored ?? false, analyzer: keyword });
      continue;
    }
    const boost = spec.boost ?? 1;
    const b = spec.b ?? (spec.type === 'date' ? 0 : 0.75);
    if (!(boost >= 0) || !Number.isFinite(boost)) throw new InvalidOptionError(`field ${name}: boost must be a finite number ≥ 0`, 'schema');
    if (!(b >= 0 && b <= 1)) throw new InvalidOptionError(`field ${name}: b must be within 0..1`, 'schema');
    const own = spec.type === 'text' ? spec.analyzer : undefined;
    fields.push({ name, kind: spec.type, number, boost, b, stored: spec.stored ?? false, analyzer: own ?? analyzer });
  }
  const byName = new Map(fields.map((f) => [f.name, f] as const));
  // Field-number order, not schema key order: a loaded index rebuilds the same numbering, so stored arrays line up.
  const storedNames = fields.filter((f) => f.stored).map((f) => f.name);
  return { fields, scoredCount: scored.length, byName, dateField, storedNames };
}

/** An object that can stand as an analyzer: a string name and an analyze function. */
export function isAnalyzer(value: unknown): value is Analyzer {
  return typeof value === 'object' && value !== null && typeof (value as Analyzer).name === 'string' && typeof (value as Analyzer).analyze === 'function';
}
