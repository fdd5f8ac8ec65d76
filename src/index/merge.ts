// Merges segments into one, dropping deleted documents for good. DocIds are renumbered densely in
// segment order, so postings stay sorted without a sort. Scores are unaffected by merging.

import { ByteWriter } from './byte-writer.js';
import { PositionsCursor, checkPositionCount, isVarintBlock } from './positions-codec.js';
import { Segment, StemDocs, type SegmentData } from './segment.js';
import { NO_STEM } from './exact-stems.js';
import { SegmentBuilder } from './segment-builder.js';
import { parametersOf } from './block-bounds.js';
import { DecodedBlock, blockCount, decodeBlock, locateBlock, positionsEnd, postingsPart, type BlockGeometry } from './posting-blocks.js';
import { IndexFormatError } from '../errors.js';
import { isExactTerm } from './exact-terms.js';
import { indexOfSorted } from './sort-terms.js';
import { NO_SYMBOLS } from './symbol-table.js';

/** One merged segment holding the live documents of `segments`, in order. */
export function mergeSegments(segments: readonly Segment[]): Segment {
  const first = segments[0];
  if (first === undefined) throw new Error('mergeSegments needs at least one segment');
  const { fieldCount, scoredCount } = first.data;

  // New DocId of each old (segment, doc), or -1 when deleted.
  const remaps: Int32Array[] = [];
  let numDocs = 0;
  for (const seg of segments) {
    const remap = new Int32Array(seg.numDocs);
    for (let d = 0; d < seg.numDocs; d++) remap[d] = seg.deletes.has(d) ? -1 : numDocs++;
    remaps.push(remap);
  }

  const fieldLengths = new Uint32Array(numDocs * scoredCount);
  const dates = new Float64Array(numDocs);
  const storedOffsets = new Uint32Array(numDocs + 1);
  // Buffers sized from the inputs, not grown by doubling from small: V8 starts a full collection
  // for every ~64 MB of ArrayBuffers allocated, and a 1M-document merge's stored text alone is most
  // of a gigabyte. Stored bytes are exact for built inputs without deletes (the buffer is then
  // handed over whole); the postings get a sixteenth more than their inputs (blocks re-cut).
  let storedBytes = 0;
  let postingsTotal = 0;
  let positionsTotal = 0;
  for (const seg of segments) {
    storedBytes += seg.data.stored.length;
    postingsTotal += seg.data.postings.length;
    positionsTotal += seg.data.positions.length;
  }
  const stored = new ByteWriter(storedBytes);
  const ids: string[] = new Array(numDocs);
  let out = 0;
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    const data = segment.data;
    const remap = remaps[s]!;
    const segmentDates = data.dates.value;
    const segmentIds = data.ids.value;
    for (let d = 0; d < data.numDocs; d++) {
      if (remap[d]! < 0) continue;
      fieldLengths.set(data.fieldLengths.subarray(d * scoredCount, (d + 1) * scoredCount), out * scoredCount);
      dates[out] = segmentDates[d]!;
      stored.bytes(segment.storedBytes(d));
      storedOffsets[out + 1] = stored.length;
      ids[out] = segmentIds[d]!;
      out++;
    }
  }

  const allTerms = new Set<string>();
  for (const seg of segments) for (const t of seg.data.dictionary.terms) allTerms.add(t);
  const terms = [...allTerms].sort();

  // The largest input's default mask: the merged blocks start like most of its blocks did.
  let defaultMask = 1;
  let largest = -1;
  for (const seg of segments) {
    if (seg.data.numDocs <= largest) continue;
    largest = seg.data.numDocs;
    defaultMask = seg.data.defaultMask;
  }
  const writers = {
    postings: new ByteWriter(postingsTotal + (postingsTotal >>> 4) + 1024),
    positions: new ByteWriter(positionsTotal + (positionsTotal >>> 4) + 1024),
  };
  const builder = new SegmentBuilder(undefined, undefined, defaultMask, writers);
  const tfs = new Array<number>(32).fill(0);
  let pos: number[] = [];
  const block = new DecodedBlock();
  const geometry: BlockGeometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };
  // Every input's term list is sorted as `terms` is, so one cursor per input finds a term's ordinal
  // with one comparison. A dictionary lookup per term and input (a binary search over the input's
  // strings) made merges grow with terms × inputs: 25 inputs of a 1M-document build.
  const inputTerms = segments.map((seg) => {
    seg.data.dictionary.decodeAllMetadata();
    const list = seg.data.dictionary.terms;
    checkSorted(list);
    return list;
  });
  const cursors = new Int32Array(segments.length);
  const cursor = new PositionsCursor();
  const exact = new ExactMerge(segments, remaps, inputTerms);
  let leading = true;
  for (const term of terms) {
    let started = false;
    const withPositions = !isExactTerm(term);
    if (withPositions) leading = false;
    else {
      // An exact form's postings may point into its stem's list, in the inputs and in the output.
      const ordinals = new Int32Array(segments.length).fill(-1);
      for (let s = 0; s < segments.length; s++) {
        const ordinal = cursors[s]!;
        const list = inputTerms[s]!;
        if (ordinal >= list.length || list[ordinal] !== term) continue;
        cursors[s] = ordinal + 1;
        ordinals[s] = ordinal;
      }
      exact.write(builder, term, ordinals, leading, terms);
      continue;
    }
    for (let s = 0; s < segments.length; s++) {
      const data = segments[s]!.data;
      const ordinal = cursors[s]!;
      const list = inputTerms[s]!;
      if (ordinal >= list.length || list[ordinal] !== term) continue;
      cursors[s] = ordinal + 1;
      const remap = remaps[s]!;
      const blocks = blockCount(data, ordinal);
      let lastDoc = -1;
      for (let b = 0; b < blocks; b++) {
        locateBlock(data, ordinal, b, geometry);
        decodeBlock(data.postings, geometry.start, geometry.count, geometry.prevDoc, data.defaultMask, block);
        // A loaded segment's bytes passed their checksums, not a semantic check: a crafted block's
        // DocIds must still name documents in order, and its tfs fit its positions, before they
        // index the remap or size the positions array (one changed byte ran optimize() out of memory).
        lastDoc = checkDocs(data, block, lastDoc);
        if (withPositions) {
          let values = 0;
          for (let j = 0; j < block.tfStart[block.length]!; j++) values += block.tfs[j]!;
          const end = positionsEnd(data, ordinal, b);
          checkPositionCount(values, geometry.positions, end);
          cursor.open(data.positions, geometry.positions, end, isVarintBlock(block.length, values));
        }
        for (let i = 0; i < block.length; i++) {
          let fields = 0;
          let total = 0;
          for (let j = block.tfStart[i]!; j < block.tfStart[i + 1]!; j++) {
            const tf = block.tfs[j]!;
            tfs[fields++] = tf;
            total += tf;
          }
          const count = withPositions ? total : 0;
          if (pos.length < count) pos = new Array<number>(count);
          // Values as stored: per field the first position, then gaps; the builder writes them alike.
          // Positions are token numbers below 2^31 (a crafted Rice parameter gave values near 2^32,
          // negative once stored, which the merged block's writer was then sized by: a gigabyte).
          // Field lengths bound nothing here: they count indexed words, positions count stop words too.
          if (withPositions) {
            for (let j = block.tfStart[i]!, k = 0; j < block.tfStart[i + 1]!; j++) {
              const tf = block.tfs[j]!;
              let position = 0;
              for (let r = 0; r < tf; r++) {
                const value = cursor.next();
                pos[k++] = value;
                position += value;
              }
              if (!(position < MAX_POSITION)) malformedInput(data, 'a position past 2^31', position, MAX_POSITION);
            }
          }
          const target = remap[block.docs[i]!]!;
          if (target < 0) continue;
          if (!started) {
            builder.startTerm(term, withPositions);
            started = true;
          }
          builder.addPosting(target, block.masks[i]!, tfs, 0, pos, 0);
        }
      }
    }
  }

  // Stems were given as indexes into `terms`; some terms had no live posting left and were dropped.
  builder.mapExactStems((i) => builder.ordinalOf(terms[i]!));
  return new Segment(
    builder.finish({
      numDocs,
      fieldCount,
      scoredCount,
      fieldLengths,
      dates,
      storedOffsets,
      stored: stored.finish(),
      storedSymbols: NO_SYMBOLS,
      ids,
      // The schema's boosts and b (every input has them); the averages are the merged segment's.
      boundParameters: parametersOf(first.data.boundReference),
    }),
  );
}

/**
 * Merges exact-form terms. The merged stem's list is its inputs' live documents in input order, so
 * a form's ordinal there is the stem's live count in earlier inputs plus its live rank in its own:
 * an input without deletions gives that rank as is, and no stem list is decoded. (Building the
 * merged stem list per form made a 200k-document optimize() 29 % slower.) A form some input keeps
 * by DocId, or whose inputs name different stems, or that does not lead the dictionary, keeps DocIds.
 */
class ExactMerge {
  readonly #segments: readonly Segment[];
  readonly #remaps: readonly Int32Array[];
  readonly #inputTerms: readonly (readonly string[])[];
  readonly #block = new DecodedBlock();
  readonly #geometry: BlockGeometry = { start: 0, count: 0, prevDoc: -1, positions: 0 };
  /** Per input, the stem's live postings in the inputs before it: for the stem last asked about. */
  #stem: string | undefined;
  #offsets = new Int32Array(0);
  // One term's live postings: keys (DocIds or ordinals), masks, and tfs from tfStart.
  #keys: number[] = [];
  #masks: number[] = [];
  #tfStart: number[] = [0];
  #tfs: number[] = [];

  constructor(segments: readonly Segment[], remaps: readonly Int32Array[], inputTerms: readonly (readonly string[])[]) {
    this.#segments = segments;
    this.#remaps = remaps;
    this.#inputTerms = inputTerms;
  }

  /** Writes exact form `term`, found at `ordinals[s]` of input s (-1: absent); `terms` is the merge's sorted union. */
  write(builder: SegmentBuilder, term: string, ordinals: Int32Array, leading: boolean, terms: readonly string[]): void {
    this.#keys.length = 0;
    this.#masks.length = 0;
    this.#tfStart.length = 1;
    this.#tfs.length = 0;
    // Ordinals when every input holding the form points into the same stem.
    let stem: string | undefined;
    let byOrdinal = leading;
    for (let s = 0; s < this.#segments.length && byOrdinal; s++) {
      const ordinal = ordinals[s]!;
      if (ordinal < 0) continue;
      const inputStem = this.#segments[s]!.data.exactStems.stemOf(ordinal);
      const name = inputStem === NO_STEM ? undefined : this.#inputTerms[s]![inputStem];
      if (name === undefined || (stem !== undefined && stem !== name)) byOrdinal = false;
      stem ??= name;
    }
    const stemIndex = byOrdinal && stem !== undefined ? indexOfSorted(terms, stem) : -1;
    if (stemIndex < 0) byOrdinal = false;
    const offsets = byOrdinal ? this.#stemOffsets(stem!) : undefined;
    for (let s = 0; s < this.#segments.length; s++) {
      const ordinal = ordinals[s]!;
      if (ordinal >= 0) this.#collect(this.#segments[s]!, ordinal, this.#remaps[s]!, offsets === undefined ? -1 : offsets[s]!);
    }
    const keys = this.#keys;
    if (keys.length === 0) return;
    builder.startTerm(term, false, byOrdinal ? stemIndex : NO_STEM);
    const tfs = this.#tfs;
    for (let i = 0; i < keys.length; i++) builder.addPosting(keys[i]!, this.#masks[i]!, tfs, this.#tfStart[i]!, EMPTY, 0);
  }

  /**
   * Appends the live postings of `ordinal` in `segment`: keyed by ordinal in the merged stem's list
   * when `offset` ≥ 0 (the stem's live postings in earlier inputs), else by renumbered DocId.
   */
  #collect(segment: Segment, ordinal: number, remap: Int32Array, offset: number): void {
    const data = segment.data;
    const inputStem = data.exactStems.stemOf(ordinal);
    const stemDocs = inputStem === NO_STEM ? undefined : new StemDocs(data, inputStem);
    const deletes = segment.deletes.count > 0;
    // Walking the stem's list alongside, for the deleted documents before each ordinal.
    let walked = 0;
    let deletedBefore = 0;
    let last = -1;
    try {
      for (let b = 0; b < blockCount(data, ordinal); b++) {
        locateBlock(data, ordinal, b, this.#geometry);
        decodeBlock(data.postings, this.#geometry.start, this.#geometry.count, this.#geometry.prevDoc, data.defaultMask, this.#block);
        const block = this.#block;
        // Keys ascend, and name a document (see checkDocs) or a place in the stem's list.
        last = stemDocs === undefined ? checkDocs(data, block, last) : checkAscending(data, block, last, data.termDf[inputStem]!);
        for (let i = 0; i < block.length; i++) {
          const stored = block.docs[i]!;
          let key: number;
          if (offset >= 0 && !deletes) {
            key = offset + stored;
          } else {
            const doc = stemDocs === undefined ? stored : stemDocs.at(stored);
            if (!(doc < data.numDocs)) malformedInput(data, 'a stem posting names a missing document', doc, data.numDocs);
            if (remap[doc]! < 0) continue;
            if (offset < 0) key = remap[doc]!;
            else {
              for (; walked < stored; walked++) if (remap[stemDocs!.at(walked)]! < 0) deletedBefore++;
              key = offset + stored - deletedBefore;
            }
          }
          this.#keys.push(key);
          this.#masks.push(block.masks[i]!);
          for (let j = block.tfStart[i]!; j < block.tfStart[i + 1]!; j++) this.#tfs.push(block.tfs[j]!);
          this.#tfStart.push(this.#tfs.length);
        }
      }
    } finally {
      stemDocs?.release();
    }
  }

  /** Per input, the live postings of word `stem` in the inputs before it (forms of one stem are often neighbours). */
  #stemOffsets(stem: string): Int32Array {
    if (this.#stem === stem) return this.#offsets;
    const offsets = new Int32Array(this.#segments.length);
    let live = 0;
    for (let s = 0; s < this.#segments.length; s++) {
      offsets[s] = live;
      const ordinal = indexOfSorted(this.#inputTerms[s]!, stem);
      if (ordinal >= 0) live += this.#segments[s]!.liveDf(ordinal);
    }
    this.#stem = stem;
    this.#offsets = offsets;
    return offsets;
  }
}

const EMPTY: number[] = [];

/** Positions are token numbers in a field, never 2^31 or more (a value past it is a damaged block). */
const MAX_POSITION = 2 ** 31;

/** Checks that the block's DocIds ascend from `last` and name documents of the segment; returns its last. */
function checkDocs(data: SegmentData, block: DecodedBlock, last: number): number {
  const docs = block.docs;
  for (let i = 0; i < block.length; i++) {
    const doc = docs[i]!;
    if (!(doc > last && doc < data.numDocs)) malformedInput(data, 'posting DocIds out of order or past the segment', doc, data.numDocs);
    last = doc;
  }
  return last;
}

/** Checks that the block's keys (ordinals into a stem's list of `stemDf`) ascend from `last` within it; returns its last. */
function checkAscending(data: SegmentData, block: DecodedBlock, last: number, stemDf: number): number {
  const docs = block.docs;
  for (let i = 0; i < block.length; i++) {
    if (!(docs[i]! > last && docs[i]! < stemDf)) malformedInput(data, 'exact-form postings out of order or past their stem', docs[i]!, stemDf);
    last = docs[i]!;
  }
  return last;
}

/** Checks that a loaded dictionary is sorted, as the merge's one-cursor-per-input walk needs. */
function checkSorted(terms: readonly string[]): void {
  for (let i = 1; i < terms.length; i++) {
    if (!(terms[i - 1]! < terms[i]!)) throw new IndexFormatError('malformed segment: dictionary terms out of order', 'section:terms', terms[i]!, `after ${terms[i - 1]!}`);
  }
}

function malformedInput(data: SegmentData, what: string, found: number, expected: number): never {
  throw new IndexFormatError(`malformed segment: ${what}`, postingsPart(data.postings), found, expected);
}
