// The in-memory writer: analyses prepared documents into a flat token log (typed arrays), then
// inverts the log into an immutable Segment at flush. It never scores or searches.

import type { Analyzer, IdAnalysis, TermIdSink, TokenSink } from '../analysis/types.js';
import type { FieldLayout } from './field-layout.js';
import type { PreparedDocument } from './prepare-document.js';
import { idAnalysisOf } from '../analysis/analyzer.js';
import { TermIdMap } from '../analysis/term-vocabulary.js';
import { ByteWriter } from './byte-writer.js';
import { DeleteSet } from './deletes.js';
import { Segment } from './segment.js';
import { SegmentBuilder, type BuilderWriters } from './segment-builder.js';
import { NO_SYMBOLS } from './symbol-table.js';
import { dateFieldText } from '../dates/index.js';
import { EXACT_MARK, isExactTerm } from './exact-terms.js';
import { NO_STEM } from './exact-stems.js';
import { keywordTerm } from './keyword-terms.js';
import { sortTerms } from './sort-terms.js';

/** Terms past which a bulk load's flush drops its vocabulary anyway (memory stays bounded over endless adds). */
const RETAINED_VOCABULARY = 1 << 21;
/** Log capacity on the first token; an empty writer holds no log (a flushed index keeps no buffers). */
const INITIAL_LOG = 1 << 16;
const EMPTY_I32 = new Int32Array(0);

/**
 * Buffers documents until flushed; DocIds are dense from 0 in arrival order.
 *
 * Sort-based inversion: every token appends (term id, position) to two typed arrays, and each
 * (document, field) records where its run of the log ends, so DocIds and fields are implied rather
 * than logged per token. The flush groups the log by term with one counting sort. This replaced
 * per-term JS arrays, whose 360k small arrays made indexing allocation- and GC-bound.
 *
 * Term ids come from a vocabulary that lives as long as the buffer (across a bulk load's flushes,
 * see #reset): a word's log id is
 * 2 × its vocabulary id, its exact form's (the unstemmed word, see exact-terms.ts) 2 × id + 1. The
 * analyzers' indexing memos (Analyzer.idAnalysis) hand out those ids directly, so a token costs no
 * string and no hash lookup here.
 */
export class SegmentWriter {
  readonly #layout: FieldLayout;
  readonly #fieldCount: number;
  #vocabulary = new TermIdMap();
  /** Per analyzer, its memoised analysis into #vocabulary (dropped with it at flush). */
  #analyses = new Map<Analyzer, IdAnalysis>();
  // The token log, grown by doubling.
  #logTerm: Int32Array = EMPTY_I32;
  #logPos: Int32Array = EMPTY_I32;
  #logLength = 0;
  /** Log length at the end of each (doc, field) run: runEnd[doc × fieldCount + field]. */
  #runEnd: Int32Array = EMPTY_I32;
  /** The last flush's sorted log, kept for the next flush's sort when a bulk load retains buffers. */
  #sorted: SortedLog | undefined;
  /** The postings and positions writers of a bulk load's flushes (finish() copies out of them). */
  #writers: BuilderWriters | undefined;
  #ids: string[] = [];
  #stored: string[] = [];
  /** UTF-16 units of the stored strings: the stored bytes' size when they are ASCII. */
  #storedUnits = 0;
  #dates: number[] = [];
  #lengths: number[] = [];
  #deleted: number[] = [];
  #tokens = 0;
  // Sink state: bound functions for the writer's life, so indexing allocates no closures.
  #field = 0;
  #posBase = 0;
  #fieldLength = 0;
  #lastPosition = -1;
  /** True while analysing a text field: only text fields index exact forms. */
  #exactForms = false;
  readonly #sink: TermIdSink;
  readonly #keywordSink: TokenSink;

  constructor(layout: FieldLayout) {
    this.#layout = layout;
    this.#fieldCount = layout.fields.length;
    this.#sink = (term, position, exact) => {
      const p = position + this.#posBase;
      // Field length counts positions, not tokens: a compound and its first part share a position.
      if (p !== this.#lastPosition) {
        this.#fieldLength++;
        this.#lastPosition = p;
      }
      this.#log(term * 2, p);
      // Exact forms keep no positions: the flush never reads this one.
      if (exact >= 0 && this.#exactForms) this.#log(exact * 2 + 1, -1);
    };
    this.#keywordSink = (term, position) => {
      const p = position + this.#posBase;
      if (p !== this.#lastPosition) {
        this.#fieldLength++;
        this.#lastPosition = p;
      }
      this.#log(this.#vocabulary.id(keywordTerm(this.#field, term)) * 2, p);
    };
  }

  get numDocs(): number {
    return this.#ids.length;
  }

  /** Tokens buffered so far: the flush policy's measure of memory. */
  get tokenCount(): number {
    return this.#tokens;
  }

  #analysis(analyzer: Analyzer): IdAnalysis {
    let analysis = this.#analyses.get(analyzer);
    if (analysis === undefined) {
      analysis = idAnalysisOf(analyzer, this.#vocabulary);
      this.#analyses.set(analyzer, analysis);
    }
    return analysis;
  }

  /** Analyses and buffers `doc`; returns its DocId and its scored-field lengths. */
  add(doc: PreparedDocument): { doc: number; lengths: readonly number[] } {
    const layout = this.#layout;
    const fieldCount = this.#fieldCount;
    const docId = this.#ids.length;
    if ((docId + 1) * fieldCount > this.#runEnd.length) this.#growRuns((docId + 1) * fieldCount);
    // Drop what an add that threw (a custom analyzer) may have logged: runs must tile the log.
    this.#logLength = docId === 0 ? 0 : this.#runEnd[docId * fieldCount - 1]!;
    const lengths: number[] = new Array(layout.scoredCount).fill(0);
    for (const field of layout.fields) {
      this.#field = field.number;
      this.#fieldLength = 0;
      this.#lastPosition = -1;
      this.#posBase = 0;
      this.#exactForms = field.kind === 'text';
      if (field.kind === 'text') {
        const text = doc.values[field.number];
        if (typeof text === 'string' && text.length > 0) this.#analysis(field.analyzer).analyze(text, this.#sink);
      } else if (field.kind === 'date') {
        if (!Number.isNaN(doc.date)) this.#analysis(field.analyzer).analyze(dateFieldText(doc.date), this.#sink);
      } else {
        const values = doc.values[field.number];
        if (values !== undefined && typeof values !== 'string') {
          // Each value gets its own position so a phrase never spans two keyword values.
          for (let i = 0; i < values.length; i++) {
            this.#posBase = i;
            field.analyzer.analyze(values[i]!, this.#keywordSink);
          }
        }
      }
      this.#runEnd[docId * fieldCount + field.number] = this.#logLength;
      if (field.number < layout.scoredCount) lengths[field.number] = this.#fieldLength;
      this.#tokens += this.#fieldLength;
    }
    this.#ids.push(doc.id);
    this.#stored.push(doc.stored);
    this.#storedUnits += doc.stored.length;
    this.#dates.push(doc.date);
    for (const l of lengths) this.#lengths.push(l);
    return { doc: docId, lengths };
  }

  #log(term: number, position: number): void {
    const n = this.#logLength;
    if (n === this.#logTerm.length) this.#grow();
    this.#logTerm[n] = term;
    this.#logPos[n] = position;
    this.#logLength = n + 1;
  }

  #grow(): void {
    const cap = Math.max(INITIAL_LOG, this.#logTerm.length * 2);
    const term = new Int32Array(cap);
    term.set(this.#logTerm);
    const pos = new Int32Array(cap);
    pos.set(this.#logPos);
    this.#logTerm = term;
    this.#logPos = pos;
  }

  #growRuns(need: number): void {
    let cap = Math.max(1024, this.#runEnd.length * 2);
    while (cap < need) cap *= 2;
    const runs = new Int32Array(cap);
    runs.set(this.#runEnd);
    this.#runEnd = runs;
  }

  /** Marks a buffered document deleted (it is frozen as deleted and dropped at the next merge). */
  delete(doc: number): void {
    this.#deleted.push(doc);
  }

  /**
   * Freezes the buffer into a Segment and empties the writer; undefined when nothing is buffered.
   * With `retain`, the token log, the sort's arrays and the builder's byte writers are kept for the
   * documents still to come (a bulk load flushing because its buffer is full); otherwise they go.
   */
  flush(retain = false): Segment | undefined {
    const numDocs = this.#ids.length;
    if (numDocs === 0) {
      if (!retain) this.#release();
      return undefined;
    }
    const layout = this.#layout;
    const fieldCount = this.#fieldCount;
    const n = this.#logLength;
    const logTerm = this.#logTerm;
    const vocabulary = this.#vocabulary;
    const idCount = vocabulary.size * 2;

    // Each phase is its own function: a cold flush runs once, and V8 optimises (on-stack) and
    // de-optimises one loop's function without throwing away the code of the others.
    const stemIds = new Int32Array(idCount).fill(-1);
    const start = countByTerm(logTerm, n, idCount, stemIds);
    const { names, ids, alias } = dictionaryNames(start, idCount, vocabulary);
    if (alias !== undefined) {
      for (let i = 0; i < n; i++) logTerm[i] = alias[logTerm[i]!]!;
      start.set(countByTerm(logTerm, n, idCount));
    }
    for (let t = 0; t < idCount; t++) start[t + 1] = start[t + 1]! + start[t]!;
    // Merged ids (a custom analyzer's term spelled like an exact form) break the subset an exact
    // form's ordinals need: then every exact form keeps DocIds.
    const byStem = alias === undefined ? ordinalStems(names, ids, stemIds) : undefined;
    const sorted = scatterByTerm(logTerm, this.#logPos, n, this.#runEnd, numDocs, fieldCount, start, this.#sorted);
    if (byStem !== undefined) rankInStems(sorted.doc, start, byStem, numDocs);
    // The log is consumed: unless kept for reuse, let it go before the segment's arrays are allocated.
    if (!retain) this.#release();

    const fieldLengths = Uint32Array.from(this.#lengths);
    // Lengths up front: blocks are summarised as they are written, not decoded again at finish.
    // The schema's boosts and b: block bounds computed under the weights most searches use.
    const scored = layout.fields.slice(0, layout.scoredCount);
    const boundParameters = { boost: scored.map((f) => f.boost), b: scored.map((f) => f.b) };
    if (retain) this.#writers ??= { postings: new ByteWriter(n + 1024), positions: new ByteWriter(n + 1024) };
    const builder = new SegmentBuilder(n * 2 + 1024, { fieldLengths, scoredCount: layout.scoredCount, boundParameters }, longestField(fieldLengths, layout.scoredCount), retain ? this.#writers : undefined);
    writePostings(builder, names, ids, start, sorted, fieldCount, byStem);

    // One byte a UTF-16 unit is exact for ASCII text: the buffer is then filled, never grown or copied.
    const stored = new ByteWriter(this.#storedUnits);
    const storedOffsets = new Uint32Array(numDocs + 1);
    for (let d = 0; d < numDocs; d++) {
      stored.utf8(this.#stored[d]!);
      storedOffsets[d + 1] = stored.length;
    }
    const data = builder.finish({
      numDocs,
      fieldCount,
      scoredCount: layout.scoredCount,
      fieldLengths,
      dates: Float64Array.from(this.#dates),
      storedOffsets,
      stored: stored.finish(),
      storedSymbols: NO_SYMBOLS,
      // Right-sized (see SegmentBuilder.finish); #reset drops the original.
      ids: this.#ids.slice(),
    });
    const deletes = new DeleteSet(numDocs);
    for (const d of this.#deleted) deletes.add(d);
    this.#sorted = retain ? sorted : undefined;
    this.#reset(retain && vocabulary.size < RETAINED_VOCABULARY);
    return new Segment(data, deletes);
  }

  /**
   * Lets the buffers a bulk load reuses go. Why reuse them: V8 starts a full collection for every
   * 64 MB or so of ArrayBuffers allocated since the last one, and each flush allocated a log grown
   * by doubling and the sort's three arrays again (~230 MB of 551 in a 200k build's addAll); with
   * the documents being indexed in the heap, a full collection costs 0.1 s at 200k and 0.5 s at 1M.
   * Kept: collections started by "external memory pressure" 75 → 32 in the 1M build, addAll
   * 134 → 103 s; 14 → 6 at 200k, 12.0 → 10.5 s.
   */
  #release(): void {
    this.#logTerm = EMPTY_I32;
    this.#logPos = EMPTY_I32;
    this.#sorted = undefined;
    this.#writers = undefined;
  }

  /**
   * Empties the buffer. With `keepVocabulary` (a bulk load's flush), the vocabulary and the analyses'
   * memos stay for the documents to come: each distinct raw word is analysed once per load, not once
   * per flush (re-analysing each flush's words was 10 s of a 1M-document load's 21 flushes, profiled).
   */
  #reset(keepVocabulary = false): void {
    if (!keepVocabulary) {
      this.#vocabulary = new TermIdMap();
      this.#analyses = new Map();
    }
    this.#logLength = 0;
    this.#runEnd = EMPTY_I32;
    this.#ids = [];
    this.#stored = [];
    this.#storedUnits = 0;
    this.#dates = [];
    this.#lengths = [];
    this.#deleted = [];
    this.#tokens = 0;
  }
}

/**
 * Log entries per term id, at index id + 1 (ready for a prefix sum into start offsets). With
 * `stems`, the same pass fills it, per log id of an exact form (odd), with the log id of its stem:
 * the entry logged just before each of its own (see the sink); -1 when unseen, -2 when two stems
 * claim it (two fields' analyzers).
 */
function countByTerm(logTerm: Int32Array, n: number, idCount: number, stems?: Int32Array): Int32Array {
  const counts = new Int32Array(idCount + 1);
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const t = logTerm[i]!;
    counts[t + 1] = counts[t + 1]! + 1;
    if ((t & 1) !== 0 && stems !== undefined) {
      const seen = stems[t]!;
      if (seen === -1 && (previous & 1) === 0 && previous >= 0) stems[t] = previous;
      else if (seen !== previous) stems[t] = -2;
    }
    previous = t;
  }
  return counts;
}

/**
 * The dictionary's strings for the ids that occur (counts[id + 1] > 0), sorted, with the id of
 * each. Equal strings from two ids (only a custom analyzer emitting a term that starts with
 * EXACT_MARK could make one) share the lower id: `alias` maps every id to the one its entries must
 * count under, and the string is listed once.
 */
function dictionaryNames(counts: Int32Array, idCount: number, vocabulary: TermIdMap): { names: string[]; ids: Int32Array; alias: Int32Array | undefined } {
  let names: string[] = [];
  let ids = new Int32Array(16);
  for (let id = 0; id < idCount; id++) {
    if (counts[id + 1] === 0) continue;
    const word = vocabulary.term(id >>> 1);
    if (names.length === ids.length) {
      const grown = new Int32Array(ids.length * 2);
      grown.set(ids);
      ids = grown;
    }
    ids[names.length] = id;
    names.push((id & 1) === 0 ? word : EXACT_MARK + word);
  }
  ids = ids.slice(0, names.length);
  sortTerms(names, ids);
  let alias: Int32Array | undefined;
  for (let i = 0; i < names.length; ) {
    // Equal names sit together: every id of a run is aliased to the run's lowest.
    let j = i + 1;
    while (j < names.length && names[j] === names[i]) j++;
    if (j - i > 1) {
      alias ??= Int32Array.from({ length: idCount }, (_, k) => k);
      let keep = ids[i]!;
      for (let k = i + 1; k < j; k++) if (ids[k]! < keep) keep = ids[k]!;
      for (let k = i; k < j; k++) alias[ids[k]!] = keep;
    }
    i = j;
  }
  if (alias !== undefined) {
    const keptNames: string[] = [];
    const keptIds: number[] = [];
    for (let i = 0; i < names.length; i++) {
      if (i > 0 && names[i] === names[i - 1]) continue;
      keptNames.push(names[i]!);
      keptIds.push(alias[ids[i]!]!);
    }
    names = keptNames;
    ids = Int32Array.from(keptIds);
  }
  return { names, ids, alias };
}

/** The log in term order: entries of term id t are [start[t], start[t + 1]), each as (doc, field, position). */
interface SortedLog {
  doc: Int32Array;
  field: Uint8Array;
  pos: Int32Array;
}

/**
 * Stable counting-sort scatter of the log by term, so the posting writer reads memory sequentially
 * and each term's entries stay in (doc, field, position) order. DocIds and fields come from the
 * run ends; `start` holds each term's first slot (it is left as it was).
 */
function scatterByTerm(
  logTerm: Int32Array,
  logPos: Int32Array,
  n: number,
  runEnd: Int32Array,
  numDocs: number,
  fieldCount: number,
  start: Int32Array,
  reuse: SortedLog | undefined,
): SortedLog {
  const next = start.slice(0, start.length - 1);
  const fits = reuse !== undefined && reuse.doc.length >= n;
  const doc = fits ? reuse.doc : new Int32Array(n);
  const pos = fits ? reuse.pos : new Int32Array(n);
  const field = fits ? reuse.field : new Uint8Array(n);
  let i = 0;
  for (let d = 0; d < numDocs; d++) {
    for (let f = 0; f < fieldCount; f++) {
      const end = runEnd[d * fieldCount + f]!;
      for (; i < end; i++) {
        const t = logTerm[i]!;
        const j = next[t]!;
        next[t] = j + 1;
        doc[j] = d;
        pos[j] = logPos[i]!;
        field[j] = f;
      }
    }
  }
  return { doc, field, pos };
}

/**
 * Rewrites, in the sorted log, each entry of an exact form with a stem in `byStem` from its DocId
 * to that document's ordinal in the stem's list. Per stem, one walk of its entries ranks its
 * documents in a DocId-indexed scratch (small enough to stay in cache), then each of its forms reads
 * its ranks from there: every entry is touched once, in order. (Counting during the scatter cost a
 * cache miss per log entry, 28 ms of a Reuters flush; walking the stem's entries once per form, 36.)
 * Every document of a form is one of its stem's: countByTerm kept only forms always logged after it.
 */
function rankInStems(doc: Int32Array, start: Int32Array, byStem: Int32Array, numDocs: number): void {
  const formsOf = new Map<number, number[]>();
  for (let t = 1; t < byStem.length; t += 2) {
    const stem = byStem[t]!;
    if (stem < 0) continue;
    const forms = formsOf.get(stem);
    if (forms === undefined) formsOf.set(stem, [t]);
    else forms.push(t);
  }
  const rankOf = new Int32Array(numDocs);
  for (const [stem, forms] of formsOf) {
    let rank = -1;
    let last = -1;
    for (let k = start[stem]!, end = start[stem + 1]!; k < end; k++) {
      const d = doc[k]!;
      if (d !== last) {
        last = d;
        rankOf[d] = ++rank;
      }
    }
    for (const form of forms) for (let k = start[form]!, end = start[form + 1]!; k < end; k++) doc[k] = rankOf[doc[k]!]!;
  }
}

/**
 * Per log id, the log id of the stem whose posting list an exact form's postings will be ordinals
 * into, or -1 (words, and exact forms that keep DocIds): the exact forms that lead the dictionary
 * (the builder's rule) with one known stem.
 */
function ordinalStems(names: readonly string[], ids: Int32Array, stemIds: Int32Array): Int32Array {
  const byStem = new Int32Array(stemIds.length).fill(-1);
  for (let t = 0; t < names.length && isExactTerm(names[t]!); t++) byStem[ids[t]!] = stemIds[ids[t]!]!;
  return byStem;
}

/** Feeds every term's postings, in dictionary order, to the builder. */
function writePostings(
  builder: SegmentBuilder,
  names: readonly string[],
  ids: Int32Array,
  start: Int32Array,
  sorted: SortedLog,
  fieldCount: number,
  byStem: Int32Array | undefined,
): void {
  const sDoc = sorted.doc;
  const sField = sorted.field;
  const sPos = sorted.pos;
  // Typed scratch: the builder reads them once per posting, monomorphically.
  const tfs = new Int32Array(fieldCount);
  let pos = new Int32Array(1024);
  // Exact forms come first in the dictionary; their stems' ordinals are known from the sorted names.
  let ordinalOfId: Int32Array | undefined;
  if (byStem !== undefined) {
    ordinalOfId = new Int32Array(byStem.length).fill(-1);
    for (let t = 0; t < names.length; t++) ordinalOfId[ids[t]!] = t;
  }
  for (let t = 0; t < names.length; t++) {
    const name = names[t]!;
    const id = ids[t]!;
    const withPositions = !isExactTerm(name);
    let i = start[id]!;
    const end = start[id + 1]!;
    // Its log entries already hold ordinals in the stem's list (see rankInStems).
    const stemId = byStem === undefined ? -1 : byStem[id]!;
    builder.startTerm(name, withPositions, stemId < 0 ? NO_STEM : ordinalOfId![stemId]!);
    // A posting never holds more positions than its term has log entries.
    if (withPositions && end - i > pos.length) pos = new Int32Array(Math.max(end - i, pos.length * 2));
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
}

/**
 * The mask of the scored field with the most tokens (a news index's body): most postings, and so
 * most blocks' first postings, have that mask alone.
 */
function longestField(lengths: Uint32Array, width: number): number {
  const totals = new Float64Array(Math.max(1, width));
  for (let i = 0; i < lengths.length; i++) totals[i % width] = totals[i % width]! + lengths[i]!;
  let best = 0;
  for (let f = 1; f < width; f++) if (totals[f]! > totals[best]!) best = f;
  return 1 << best;
}
