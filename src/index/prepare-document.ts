// Validates a user document against the field layout and turns it into what the writer indexes:
// per-field values, the date as epoch ms, and the stored fields as JSON. Nothing is indexed here.

import type { FieldLayout } from './field-layout.js';
import { IndexFormatError, InvalidDocumentError } from '../errors.js';
import { dateTime, parseDate, toIsoString } from '../dates/index.js';

/** A document that passed validation, ready for the writer. */
export interface PreparedDocument {
  readonly id: string;
  /** By field number: the text to analyse (text fields), or the values (keyword fields). Date fields hold nothing here. */
  readonly values: ReadonlyArray<string | readonly string[] | undefined>;
  /** Epoch milliseconds, or NaN when the document has no date. */
  readonly date: number;
  /** The stored fields as a JSON array in `layout.storedNames` order (see decodeStored). */
  readonly stored: string;
}

/** Longest accepted id, in UTF-16 units: ids are keys, not content. */
const MAX_ID_LENGTH = 4096;

/** Validates `doc`; throws InvalidDocumentError naming the id and field at fault. */
export function prepareDocument(doc: unknown, layout: FieldLayout): PreparedDocument {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new InvalidDocumentError('a document must be a plain object', undefined, 'document');
  }
  const record = doc as Record<string, unknown>;
  const id = record['id'];
  if (typeof id !== 'string' || id.length === 0) {
    throw new InvalidDocumentError('document id must be a non-empty string', undefined, 'id');
  }
  if (id.length > MAX_ID_LENGTH) throw new InvalidDocumentError(`document id longer than ${MAX_ID_LENGTH}`, undefined, 'id');

  const values: Array<string | readonly string[] | undefined> = new Array(layout.fields.length);
  let date = Number.NaN;
  for (const field of layout.fields) {
    const value = record[field.name];
    if (field.kind === 'text') {
      if (value === undefined || value === null) values[field.number] = undefined;
      else if (typeof value === 'string') values[field.number] = value;
      else throw new InvalidDocumentError(`field ${field.name} must be a string`, id, field.name);
    } else if (field.kind === 'date') {
      if (value === undefined || value === null || value === '') continue;
      if (typeof value !== 'string' && typeof value !== 'number' && dateTime(value) === undefined) {
        throw new InvalidDocumentError(`field ${field.name} must be a date string, epoch milliseconds or a Date`, id, field.name);
      }
      const ms = parseDate(value as string | number | Date);
      if (ms === undefined) throw new InvalidDocumentError(`field ${field.name}: unparseable date`, id, field.name);
      date = ms;
    } else {
      values[field.number] = keywordValues(value, id, field.name);
    }
  }

  // Stored fields are a JSON array in the layout's stored-field order: no repeated keys per document.
  // The date is not written here: hits rebuild it from the date column. null means "absent".
  const stored: unknown[] = [];
  layout.storedNames.forEach((name, i) => {
    const value = record[name];
    if (value === undefined || value === null || name === layout.dateField) {
      stored[i] = null;
    } else if (Array.isArray(value)) {
      stored[i] = value.slice();
    } else if (typeof value === 'object' && dateTime(value) !== undefined) {
      const t = dateTime(value)!;
      stored[i] = Number.isNaN(t) ? null : new Date(t).toISOString();
    } else if (typeof value === 'number' && !Number.isFinite(value)) {
      stored[i] = null; // JSON cannot carry NaN or Infinity.
    } else {
      stored[i] = value;
    }
  });
  while (stored.length > 0 && stored[stored.length - 1] === null) stored.pop();
  return { id, values, date, stored: JSON.stringify(stored) };
}

function keywordValues(value: unknown, id: string, field: string): readonly string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : [value];
  // NaN and ±Infinity would be indexed as words yet stored as absent (JSON cannot carry them).
  if (typeof value === 'number' && !Number.isFinite(value)) throw new InvalidDocumentError(`field ${field} must be a finite number`, id, field);
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) {
    for (const v of value) {
      if (typeof v !== 'string') throw new InvalidDocumentError(`field ${field} must hold strings`, id, field);
    }
    return value as string[];
  }
  throw new InvalidDocumentError(`field ${field} must be a string or an array of strings`, id, field);
}

/**
 * The stored fields of a document as users see them, from its stored array and its date; only the
 * fields in `only` when given.
 */
export function decodeStored(layout: FieldLayout, json: string, date: number, only?: ReadonlySet<string>): Record<string, unknown> {
  // Stored bytes come from a file: a damaged one is a typed error, not a SyntaxError from deep inside.
  let values: unknown;
  try {
    values = JSON.parse(json);
  } catch {
    values = undefined;
  }
  if (!Array.isArray(values)) throw new IndexFormatError('stored fields are not a JSON array', 'section:stored', json.slice(0, 40), 'a JSON array');
  const out: Record<string, unknown> = {};
  const names = layout.storedNames;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (only !== undefined && !only.has(name)) continue;
    if (name === layout.dateField) {
      if (!Number.isNaN(date)) out[name] = toIsoString(date);
      continue;
    }
    const v = values[i];
    if (v !== undefined && v !== null) out[name] = v;
  }
  return out;
}
