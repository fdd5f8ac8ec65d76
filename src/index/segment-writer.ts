// The in-memory writer: analyses prepared documents into per-term posting buffers, then freezes
// them into an immutable Segment. It never scores or searches; the index flushes it before reading.

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

/** Postings of one term while buffered: parallel plain arrays (small integers stay unboxed). */
class TermBuffer {
  docs: number[] = [];
  masks: number[] = [];
  /** One tf per (posting, field in mask). */
  tfs: number[] = [];
  /** Position deltas, tf of them per (posting, field). */
  pos: number[] = [];
  lastDoc = -1;
  lastField = -1;
  lastPos = 0;
}

/** Buffers documents until flushed; DocIds are dense from 0 in arrival order. */
export class SegmentWriter {
  readonly #layout: FieldLayout;
  #terms = new Map<string, TermBuffer>();
  #ids: string[] = [];
  #stored: string[] = [];
  #dates: number[] = [];
  #lengths: number[] = [];
  #deleted: number[] = [];
  #tokens = 0;
  // Sink state: the sink is one bound function for the writer's life, so indexing allocates no closures.
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
      this.#accept(this.#keyword ? keywordTerm(this.#field, term) : term, position);
      if (exact !== undefined && this.#exactForms) this.#acceptExact(exactTerm(exact));
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

  #accept(term: string, rawPosition: number): void {
    const position = rawPosition + this.#posBase;
    // Field length counts positions, not tokens: a compound and its first part share a position.
    if (position !== this.#lastPosition) {
      this.#fieldLength++;
      this.#lastPosition = position;
    }
    let t = this.#terms.get(term);
    if (t === undefined) {
      t = new TermBuffer();
      this.#terms.set(term, t);
    }
    const field = this.#field;
    if (t.lastDoc !== this.#doc) {
      t.docs.push(this.#doc);
      t.masks.push(1 << field);
      t.tfs.push(1);
      t.pos.push(position);
      t.lastDoc = this.#doc;
      t.lastField = field;
      t.lastPos = position;
    } else if (t.lastField !== field) {
      const last = t.masks.length - 1;
      t.masks[last] = t.masks[last]! | (1 << field);
      t.tfs.push(1);
      t.pos.push(position);
      t.lastField = field;
      t.lastPos = position;
    } else {
      t.tfs[t.tfs.length - 1]!++;
      // Deltas must not go negative; a tokenizer emitting a same-term token at an earlier position is clamped.
      const delta = position >= t.lastPos ? position - t.lastPos : 0;
      t.pos.push(delta);
      t.lastPos += delta;
    }
  }

  /** An exact-form term: counted in tf like any term, but without positions or a field-length share. */
  #acceptExact(term: string): void {
    let t = this.#terms.get(term);
    if (t === undefined) {
      t = new TermBuffer();
      this.#terms.set(term, t);
    }
    const field = this.#field;
    if (t.lastDoc !== this.#doc) {
      t.docs.push(this.#doc);
      t.masks.push(1 << field);
      t.tfs.push(1);
      t.lastDoc = this.#doc;
      t.lastField = field;
    } else if (t.lastField !== field) {
      const last = t.masks.length - 1;
      t.masks[last] = t.masks[last]! | (1 << field);
      t.tfs.push(1);
      t.lastField = field;
    } else {
      t.tfs[t.tfs.length - 1]!++;
    }
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
    const terms = [...this.#terms.keys()].sort();
    const builder = new SegmentBuilder(this.#tokens * 2 + 1024);
    for (const term of terms) {
      const t = this.#terms.get(term)!;
      builder.startTerm(term, !isExactTerm(term));
      let tfOff = 0;
      let posOff = 0;
      const { docs, masks, tfs, pos } = t;
      for (let i = 0; i < docs.length; i++) {
        const mask = masks[i]!;
        builder.addPosting(docs[i]!, mask, tfs, tfOff, pos, posOff);
        // Exact-form terms have no positions: their pos array stays empty and posOff at 0.
        for (let m = mask; m !== 0; m &= m - 1) posOff += tfs[tfOff++]!;
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
    this.#terms = new Map();
    this.#ids = [];
    this.#stored = [];
    this.#dates = [];
    this.#lengths = [];
    this.#deleted = [];
    this.#tokens = 0;
  }
}
