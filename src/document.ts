// NewsDocument, the field schema (text | date | keyword fields, boosts, stored) and the default
// news schema. Validation of documents against a schema lives in index/validate-document.ts.

import type { Analyzer } from './analysis/types.js';

/** A value a document may carry in a metadata field. */
export type FieldValue = string | number | boolean | Date | null | undefined | readonly string[];

/** A news document as users hand it to the index. Extra metadata fields are allowed. */
export interface NewsDocument {
  id: string;
  title: string;
  date?: string | number | Date | undefined;
  body: string;
  [field: string]: FieldValue;
}

/** The stored fields returned with each hit (as given, except `date`, which is an ISO string). */
export type StoredDocument = Record<string, string | number | boolean | readonly string[] | null>;

/** A full-text field: analysed, scored with BM25F. */
export interface TextFieldSpec {
  type: 'text';
  /** BM25F field weight (multiplies the field's term frequency before saturation). */
  boost?: number;
  /** BM25 length normalisation for this field, 0 (none) to 1 (full). */
  b?: number;
  /** Analyzer for this field; defaults to the index's analyzer. */
  analyzer?: Analyzer;
  stored?: boolean;
}

/** A date field: parsed to epoch milliseconds in a column, and indexed as date words. */
export interface DateFieldSpec {
  type: 'date';
  boost?: number;
  b?: number;
  stored?: boolean;
}

/** An exact-value field (source, author, category): for filters and facets, not free text. */
export interface KeywordFieldSpec {
  type: 'keyword';
  stored?: boolean;
}

export type FieldSpec = TextFieldSpec | DateFieldSpec | KeywordFieldSpec;

/** Field name → spec. Fields not in the schema are ignored unless listed in `store`. */
export type Schema = Record<string, FieldSpec>;

/**
 * The news schema: title and body are full text, date is a date; title, date and url are stored.
 * Boosts and b values were chosen by the relevance sweep recorded in README.md.
 */
export function defaultNewsSchema(): Schema {
  return {
    title: { type: 'text', boost: 2, b: 0.5, stored: true },
    date: { type: 'date', boost: 0.5, b: 0, stored: true },
    body: { type: 'text', boost: 1, b: 0.7, stored: false },
    url: { type: 'keyword', stored: true },
    source: { type: 'keyword', stored: true },
    author: { type: 'keyword', stored: true },
    category: { type: 'keyword', stored: true },
  };
}
