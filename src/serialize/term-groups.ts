// A segment's term metadata on disk: the term table (df and byte lengths per term), the skip entries
// with block-max metadata, and the termGroups index that lets a loaded segment decode them one page
// of PAGE_TERMS terms at a time, on first use. Knows the layout; the dictionary decides when.

import { ByteWriter } from '../index/byte-writer.js';
import type { TermMetadataLoader } from '../index/dictionary.js';
import { BLOCK_SIZE, type BlockExtent, measureBlock } from '../index/posting-blocks.js';
import { PACKED_SLACK } from '../index/bit-packing.js';
import { positionsBlockEnd } from '../index/positions-codec.js';
import type { SegmentData } from '../index/segment.js';
import { IndexFormatError } from '../errors.js';
import { GROUP_COLUMNS, GROUPS_PER_PAGE, GroupColumn, PAGE_TERMS, TERM_GROUP, TermGroupsLayout } from './format.js';

/** The three term-metadata sections of one segment. */
export interface EncodedTermGroups {
  termTable: Uint8Array;
  skips: Uint8Array;
  /** The termGroups index (see TermGroupsLayout in format.ts). */
  groups: Uint32Array;
}

/**
 * Encodes the term table and skip entries from the SegmentData arrays, recording at each page's
 * first term where every stream stands. `restarts` are the dictionary's restart offsets.
 */
export function encodeTermGroups(d: SegmentData, restarts: Uint32Array, dictionaryBytes: number): EncodedTermGroups {
  const terms = d.termDf.length;
  const layout = new TermGroupsLayout(terms);
  const groups = new Uint32Array(layout.length);
  const table = new ByteWriter(terms * 4 + 16);
  const skips = new ByteWriter(d.blockLastDoc.length * 10 + 16);
  for (let t = 0; t < terms; t++) {
    if (t % TERM_GROUP === 0) groups[layout.at(GroupColumn.dictionary, t / TERM_GROUP)] = restarts[t / TERM_GROUP]!;
    if (t % PAGE_TERMS === 0) {
      const page = t / PAGE_TERMS;
      groups[layout.at(GroupColumn.termTable, page)] = table.length;
      groups[layout.at(GroupColumn.postings, page)] = d.termPostingsStart[t]!;
      groups[layout.at(GroupColumn.positions, page)] = d.termPositionsStart[t]!;
      groups[layout.at(GroupColumn.blocks, page)] = d.termBlockStart[t]!;
      groups[layout.at(GroupColumn.skips, page)] = skips.length;
    }
    // A one-block term stores df and whether it has positions; its byte lengths are read off its
    // blocks at load (see TermGroupDecoder). Most terms are rare: on Reuters this halves the table.
    const df = d.termDf[t]!;
    const positionsBytes = d.termPositionsStart[t + 1]! - d.termPositionsStart[t]!;
    table.varint(df * 2 + (positionsBytes > 0 ? 1 : 0));
    if (df > BLOCK_SIZE) {
      table.varint(d.termPostingsStart[t + 1]! - d.termPostingsStart[t]!);
      if (positionsBytes > 0) table.varint(positionsBytes);
    }
    const first = d.termBlockStart[t]!;
    const end = d.termBlockStart[t + 1]!;
    for (let k = first; k < end; k++) {
      skips.varint(d.blockLastDoc[k]! - (k === first ? 0 : d.blockLastDoc[k - 1]!));
      if (k < end - 1) {
        skips.varint(d.blockPostingsOffset[k + 1]! - d.blockPostingsOffset[k]!);
        skips.varint(d.blockPositionsOffset[k + 1]! - d.blockPositionsOffset[k]!);
      }
      skips.varint(d.blockMask[k]!);
      skips.byte(d.blockBound[k]!);
    }
  }
  const termTable = table.finish();
  const skipBytes = skips.finish();
  const totals = [dictionaryBytes, termTable.length, d.termPostingsStart[terms]!, d.termPositionsStart[terms]!, d.termBlockStart[terms]!, skipBytes.length];
  for (let c = 0; c < GROUP_COLUMNS; c++) groups[layout.at(c, layout.last(c))] = totals[c]!;
  return { termTable, skips: skipBytes, groups };
}

/** The term and skip arrays of a loaded segment: allocated zeroed, filled group by group. */
export interface TermArrays {
  termDf: Uint32Array;
  termPostingsStart: Uint32Array;
  termPositionsStart: Uint32Array;
  termBlockStart: Uint32Array;
  blockLastDoc: Uint32Array;
  blockPostingsOffset: Uint32Array;
  blockPositionsOffset: Uint32Array;
  blockMask: Uint32Array;
  blockBound: Uint8Array;
}

/** What a loaded segment's term metadata is decoded from. */
export interface TermGroupSource {
  terms: number;
  numDocs: number;
  scoredCount: number;
  /** The termGroups section as Uint32s, its size and end rows checked by {@link checkTermGroups}. */
  groups: Uint32Array;
  termTable: Uint8Array;
  skips: Uint8Array;
  /** The segment's postings and positions: a one-block term's byte lengths are read off its block. */
  postings: Uint8Array;
  positions: Uint8Array;
  defaultMask: number;
  /** Error parts naming the sections. */
  termTablePart: string;
  skipsPart: string;
  postingsPart: string;
  positionsPart: string;
}

/**
 * Checks the group index at load in O(1): its size, a first row of zeros and a last row of totals.
 * Whether each column ascends is checked per page when the page is decoded: a loop over every
 * row costs ~2 ms cold for 91k terms, a third of the load budget.
 */
export function checkTermGroups(groups: Uint32Array, terms: number, totals: readonly number[], part: string): void {
  const layout = new TermGroupsLayout(terms);
  if (groups.length !== layout.length) throw new IndexFormatError('term group index has the wrong size', part, groups.length, layout.length);
  for (let c = 0; c < GROUP_COLUMNS; c++) {
    if (groups[layout.at(c, 0)] !== 0) throw new IndexFormatError('term group index does not start at 0', part, groups[layout.at(c, 0)]!, 0);
    const total = groups[layout.at(c, layout.last(c))]!;
    if (total !== totals[c]) throw new IndexFormatError('term group index does not end at its section', part, total, totals[c]!);
  }
}

/** Scratch for measureBlock (JavaScript decodes one group at a time). */
const extent: BlockExtent = { end: 0, values: 0 };

/** Sequential varint reader confined to [p, end) of one section. */
class Reader {
  readonly bytes: Uint8Array;
  p: number;
  end: number;
  readonly part: string;
  constructor(bytes: Uint8Array, part: string) {
    this.bytes = bytes;
    this.p = 0;
    this.end = 0;
    this.part = part;
  }
  varint(): number {
    const bytes = this.bytes;
    let p = this.p;
    if (p >= this.end) throw new IndexFormatError('term metadata runs past its group', this.part, p, this.end);
    let b = bytes[p++]!;
    let v = b & 0x7f;
    for (let shift = 7; b >= 0x80; shift += 7) {
      if (shift > 28 || p >= this.end) throw new IndexFormatError('malformed varint in term metadata', this.part, p, this.end);
      b = bytes[p++]!;
      v |= (b & 0x7f) << shift;
    }
    this.p = p;
    return v >>> 0;
  }
  byte(): number {
    if (this.p >= this.end) throw new IndexFormatError('term metadata runs past its group', this.part, this.p, this.end);
    return this.bytes[this.p++]!;
  }
}

/**
 * Decodes term metadata page by page into {@link TermArrays}, checking as it goes that every offset
 * stays inside its term and section and that each page's streams add up to the next page's starts
 * (so a crafted file with valid checksums is refused here, at first use, with IndexFormatError).
 */
export class TermGroupDecoder implements TermMetadataLoader {
  readonly #source: TermGroupSource;
  readonly #arrays: TermArrays;
  readonly #layout: TermGroupsLayout;
  /** Pages decoded so far (the dictionary asks group by group; a page answers for its groups). */
  readonly #decoded: Uint8Array;
  readonly #table: Reader;
  readonly #skips: Reader;
  readonly #groupsPart: string;

  constructor(source: TermGroupSource, arrays: TermArrays, groupsPart: string) {
    this.#source = source;
    this.#arrays = arrays;
    this.#groupsPart = groupsPart;
    this.#layout = new TermGroupsLayout(source.terms);
    this.#decoded = new Uint8Array(this.#layout.pages);
    this.#table = new Reader(source.termTable, source.termTablePart);
    this.#skips = new Reader(source.skips, source.skipsPart);
  }

  /** Fills the arrays for the terms of `group`'s page and their skip entries, unless done already. */
  loadGroup(group: number): void {
    const page = Math.floor(group / GROUPS_PER_PAGE);
    if (this.#decoded[page] === 1) return;
    this.#loadPage(page);
    this.#decoded[page] = 1;
  }

  #loadPage(page: number): void {
    const { groups, terms, numDocs, termTablePart, skipsPart } = this.#source;
    const a = this.#arrays;
    const layout = this.#layout;
    // Row `page` of a column, and the row after it.
    const row = (c: number): number => groups[layout.at(c, page)]!;
    const next = (c: number): number => groups[layout.at(c, page + 1)]!;
    // This page's window of every column must ascend and stay within the column's total.
    for (let c = 1; c < GROUP_COLUMNS; c++) {
      if (row(c) > next(c) || next(c) > groups[layout.at(c, layout.pages)]!) throw new IndexFormatError('term group index is not ascending', this.#groupsPart, next(c), row(c));
    }
    const from = page * PAGE_TERMS;
    const to = Math.min(from + PAGE_TERMS, terms);
    const table = this.#table;
    table.p = row(GroupColumn.termTable);
    table.end = next(GroupColumn.termTable);
    let postings = row(GroupColumn.postings);
    let positions = row(GroupColumn.positions);
    let blocks = row(GroupColumn.blocks);
    const postingsEnd = next(GroupColumn.postings);
    const positionsEnd = next(GroupColumn.positions);
    for (let t = from; t < to; t++) {
      const head = table.varint();
      const df = head >>> 1;
      a.termDf[t] = df;
      a.termPostingsStart[t] = postings;
      a.termPositionsStart[t] = positions;
      a.termBlockStart[t] = blocks;
      if (df > BLOCK_SIZE) {
        postings += table.varint();
        if ((head & 1) === 1) positions += table.varint();
        // Terms with more than one block, and only they, have skip entries: one per block.
        blocks += Math.ceil(df / BLOCK_SIZE);
        continue;
      }
      if (df === 0) {
        if ((head & 1) === 1) throw new IndexFormatError('a term without postings has positions', termTablePart, head, 0);
        continue;
      }
      // One block: its postings end where a walk over them ends, and its positions hold one value
      // per occurrence.
      measureBlock(this.#source.postings, postings, df, this.#source.defaultMask, extent);
      if (extent.end > postingsEnd) throw new IndexFormatError('term postings run past their page', this.#source.postingsPart, extent.end, postingsEnd);
      postings = extent.end;
      if ((head & 1) === 1) {
        const after = positionsBlockEnd(this.#source.positions, positions, df, extent.values);
        if (!(after > positions && after <= positionsEnd)) throw new IndexFormatError('term positions run past their page', this.#source.positionsPart, after, positionsEnd);
        positions = after;
      }
    }
    // The segment's last term owns the postings' closing slack (see posting-blocks.ts): a stored
    // length counts it, a one-block term's decode does not.
    if (to === terms && a.termDf[to - 1]! <= BLOCK_SIZE && postings < postingsEnd && postings + PACKED_SLACK === postingsEnd) postings = postingsEnd;
    if (table.p !== table.end) throw new IndexFormatError('term table page has trailing bytes', termTablePart, table.p, table.end);
    const blocksEnd = next(GroupColumn.blocks);
    if (postings !== postingsEnd) throw new IndexFormatError('term postings do not add up to the group index', termTablePart, postings, postingsEnd);
    if (positions !== positionsEnd) throw new IndexFormatError('term positions do not add up to the group index', termTablePart, positions, positionsEnd);
    if (blocks !== blocksEnd) throw new IndexFormatError('block count does not match the group index', termTablePart, blocks, blocksEnd);
    // The end of the page's last term is the next page's start (the same value its own decode writes).
    a.termPostingsStart[to] = postings;
    a.termPositionsStart[to] = positions;
    a.termBlockStart[to] = blocks;

    const skips = this.#skips;
    skips.p = row(GroupColumn.skips);
    skips.end = next(GroupColumn.skips);
    for (let t = from; t < to; t++) {
      const first = a.termBlockStart[t]!;
      const end = a.termBlockStart[t + 1]!;
      if (first === end) continue;
      const termPostingsEnd = a.termPostingsStart[t + 1]!;
      const termPositionsEnd = a.termPositionsStart[t + 1]!;
      let lastDoc = -1;
      let p = a.termPostingsStart[t]!;
      let q = a.termPositionsStart[t]!;
      for (let k = first; k < end; k++) {
        const delta = skips.varint();
        if (k > first && delta === 0) throw new IndexFormatError('block last DocIds do not ascend', skipsPart, delta, 1);
        lastDoc = k === first ? delta : lastDoc + delta;
        if (lastDoc >= numDocs) throw new IndexFormatError('block refers to a missing document', skipsPart, lastDoc, numDocs);
        a.blockLastDoc[k] = lastDoc;
        a.blockPostingsOffset[k] = p;
        a.blockPositionsOffset[k] = q;
        if (k < end - 1) {
          p += skips.varint();
          q += skips.varint();
          if (p > termPostingsEnd) throw new IndexFormatError('block runs past its term', skipsPart, p, termPostingsEnd);
          if (q > termPositionsEnd) throw new IndexFormatError('block positions run past their term', skipsPart, q, termPositionsEnd);
        }
        a.blockMask[k] = skips.varint();
        // Every byte is a valid bound code (255: unbounded).
        a.blockBound[k] = skips.byte();
      }
    }
    if (skips.p !== skips.end) throw new IndexFormatError('skip entries of a page have trailing bytes', skipsPart, skips.p, skips.end);
  }
}
