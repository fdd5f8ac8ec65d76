// The in-memory writer: analyses prepared documents into a flat token log (typed arrays), then
// inverts the log into an immutable Segment at flush. It never scores or searches.

import type { FieldLayout } from './field-layout.js';
import type { PreparedDocument } from './prepare-document.js';
import { ByteWriter } from './byte-writer.js';
import { DeleteSet } from './deletes.js';
import { Segment } from './segment.js';
import { SegmentBuilder } from './segment-builder.js';
import { dateFieldText } from '../dates/index.js';
import { exactTerm, isExactTerm } from './exact-terms.js';
import { keywordTerm } from './keyword-terms.js';

const encoder = new TextEncoder();
/** Position logged for exact-form terms, which keep no positions. */
const NO_POSITION = -1;

/**
 * Buffers documents until flushed; DocIds are dense from 0 in arrival order.
 *
 * Sort-based inversion: every token appends (term id, doc, field, position) to four typed arrays;
 * the flush groups the log by term with one counting sort. This replaced per-term JS arrays, whose
 * 360k small arrays made indexing allocation- and GC-bound (profiled on Reuters: 3.3 s → see README).
 */
export class SegmentWriter {
  readonly #layout: FieldLayout;
  /** Term → id, and id → term, for this buffer only. */
  #termIds = new Map<string, number>();
  #terms: string[] = [];
  // The token log, grown by doubling.
  #logTerm = new Int32Array(1 << 16);
  #logDoc = new Int32Array(1 << 16);
  #logPos = new Int32Array(1 << 16);
  #logField = new Uint8Array(1 << 16);
  #logLength = 0;
  #ids: string[] = [];
  #stored: string[] = [];
  #dates: number[] = [];
  #lengths: number[] = [];
  #deleted: number[] = [];
  #tokens = 0;
  // Sink state: one bound function for the writer's life, so indexing allocates no closures.
  #doc = 0;
  #field = 0;
  #posBase = 0;
  #fieldLength = 0;
  #lastPosition = -1;
  /** True while analysing a text field: only text fields index exact forms. */
  #exactForms = false;
  /** True while indexing a keyword field: its values go to the keyword namespace. */
  #keyword = false;
  readonly #sink: (term: string, position: number, start: number, end: number, exact?: string) => void;

  constructor(layout: FieldLayout) {
    this.#layout = layout;
    this.#sink = (term, position, _start, _end, exact) => {
      const p = position + this.#posBase;
      // Field length counts positions, not tokens: a compound and its first part share a position.
      if (p !== this.#lastPosition) {
        this.#fieldLength++;
        this.#lastPosition = p;
      }
      this.#log(this.#keyword ? keywordTerm(this.#field, term) : term, p);
      if (exact !== undefined && this.#exactForms) this.#log(exactTerm(exact), NO_POSITION);
    };
  }

  get numDocs(): number {
    return this.#ids.length;
  }

  /** Tokens buffered so far: the flush policy's measure of memory. */
  get tokenCount(): number {
    return this.#tokens;
  }

  /** Analyses and buffers `doc`; returns its DocId and its scored-field lengths. */
  add(doc: PreparedDocument): { doc: number; lengths: readonly number[] } {
    const layout = this.#layout;
    const docId = this.#ids.length;
    this.#doc = docId;
    const lengths: number[] = new Array(layout.scoredCount).fill(0);
    for (const field of layout.fields) {
      this.#field = field.number;
      this.#fieldLength = 0;
      this.#lastPosition = -1;
      this.#posBase = 0;
      this.#exactForms = field.kind === 'text';
      this.#keyword = field.kind === 'keyword';
      if (field.kind === 'text') {
        const text = doc.values[field.number];
        if (typeof text === 'string' && text.length > 0) field.analyzer.analyze(text, this.#sink);
      } else if (field.kind === 'date') {
        if (!Number.isNaN(doc.date)) field.analyzer.analyze(dateFieldText(doc.date), this.#sink);
      } else {
        const values = doc.values[field.number];
        if (values !== undefined && typeof values !== 'string') {
          // Each value gets its own position so a phrase never spans two keyword values.
          for (let i = 0; i < values.length; i++) {
            this.#posBase = i;
            field.analyzer.analyze(values[i]!, this.#sink);
          }
        }
      }
      if (field.number < layout.scoredCount) lengths[field.number] = this.#fieldLength;
      this.#tokens += this.#fieldLength;
    }
    this.#ids.push(doc.id);
    this.#stored.push(doc.stored);
    this.#dates.push(doc.date);
    for (const l of lengths) this.#lengths.push(l);
    return { doc: docId, lengths };
  }

  #log(term: string, position: number): void {
    let id = this.#termIds.get(term);
    if (id === undefined) {
      id = this.#terms.length;
      this.#terms.push(term);
      this.#termIds.set(term, id);
    }
    const n = this.#logLength;
    if (n === this.#logTerm.length) this.#grow();
    this.#logTerm[n] = id;
    this.#logDoc[n] = this.#doc;
    this.#logPos[n] = position;
    this.#logField[n] = this.#field;
    this.#logLength = n + 1;
  }

  #grow(): void {
    const cap = this.#logTerm.length * 2;
    const term = new Int32Array(cap);
    term.set(this.#logTerm);
    const doc = new Int32Array(cap);
    doc.set(this.#logDoc);
    const pos = new Int32Array(cap);
    pos.set(this.#logPos);
    const field = new Uint8Array(cap);
    field.set(this.#logField);
    this.#logTerm = term;
    this.#logDoc = doc;
    this.#logPos = pos;
    this.#logField = field;
  }

  /** Marks a buffered document deleted (it is frozen as deleted and dropped at the next merge). */
  delete(doc: number): void {
    this.#deleted.push(doc);
  }

  /** Freezes the buffer into a Segment and empties the writer; undefined when nothing is buffered. */
  flush(): Segment | undefined {
    const numDocs = this.#ids.length;
    if (numDocs === 0) return undefined;
    const layout = this.#layout;
    const n = this.#logLength;
    const termCount = this.#terms.length;
    const logTerm = this.#logTerm;
    const logDoc = this.#logDoc;
    const logPos = this.#logPos;
    const logField = this.#logField;

    // Counting sort of the log by term id; stable, so each term's entries stay in (doc, field, position) order.
    const start = new Int32Array(termCount + 1);
    for (let i = 0; i < n; i++) {
      const slot = logTerm[i]! + 1;
      start[slot] = start[slot]! + 1;
    }
    for (let t = 0; t < termCount; t++) start[t + 1] = start[t + 1]! + start[t]!;
    // Scatter the log into term order once, so the grouping below reads memory sequentially.
    const next = start.slice(0, termCount);
    const sDoc = new Int32Array(n);
    const sPos = new Int32Array(n);
    const sField = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const t = logTerm[i]!;
      const j = next[t]!;
      next[t] = j + 1;
      sDoc[j] = logDoc[i]!;
      sPos[j] = logPos[i]!;
      sField[j] = logField[i]!;
    }

    const sorted = this.#terms.slice().sort();
    const builder = new SegmentBuilder(n * 2 + 1024);
    const tfs = new Array<number>(layout.fields.length).fill(0);
    let pos: number[] = [];
    for (const term of sorted) {
      const id = this.#termIds.get(term)!;
      const withPositions = !isExactTerm(term);
      builder.startTerm(term, withPositions);
      let i = start[id]!;
      const end = start[id + 1]!;
      while (i < end) {
        // One posting: all entries of this document, fields ascending, positions ascending.
        const doc = sDoc[i]!;
        let mask = 0;
        let fields = 0;
        let posCount = 0;
        while (i < end && sDoc[i] === doc) {
          const field = sField[i]!;
          mask |= 1 << field;
          let tf = 0;
          let last = 0;
          while (i < end && sDoc[i] === doc && sField[i] === field) {
            const p = sPos[i]!;
            if (withPositions) {
              if (posCount === pos.length) pos.push(0);
              // Deltas must not go negative; a tokenizer emitting a same-term token earlier is clamped.
              const delta = tf === 0 ? p : p >= last ? p - last : 0;
              pos[posCount++] = delta;
              last += tf === 0 ? p : delta;
            }
            tf++;
            i++;
          }
          tfs[fields++] = tf;
        }
        builder.addPosting(doc, mask, tfs, 0, pos, 0);
      }
    }

    const stored = new ByteWriter(numDocs * 64);
    const storedOffsets = new Uint32Array(numDocs + 1);
    for (let d = 0; d < numDocs; d++) {
      stored.bytes(encoder.encode(this.#stored[d]!));
      storedOffsets[d + 1] = stored.length;
    }
    const data = builder.finish({
      numDocs,
      fieldCount: layout.fields.length,
      scoredCount: layout.scoredCount,
      fieldLengths: Uint32Array.from(this.#lengths),
      dates: Float64Array.from(this.#dates),
      storedOffsets,
      stored: stored.finish(),
      ids: this.#ids,
    });
    const deletes = new DeleteSet(numDocs);
    for (const d of this.#deleted) deletes.add(d);
    this.#reset();
    return new Segment(data, deletes);
  }

  #reset(): void {
    this.#termIds = new Map();
    this.#terms = [];
    this.#logTerm = new Int32Array(1 << 16);
    this.#logDoc = new Int32Array(1 << 16);
    this.#logPos = new Int32Array(1 << 16);
    this.#logField = new Uint8Array(1 << 16);
    this.#logLength = 0;
    this.#ids = [];
    this.#stored = [];
    this.#dates = [];
    this.#lengths = [];
    this.#deleted = [];
    this.#tokens = 0;
  }
}
