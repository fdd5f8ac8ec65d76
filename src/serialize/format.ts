// The one place that defines Broadsheet's binary index layout: magic, version, header, section kinds.
// encode.ts and decode.ts follow it; nothing else in the code base knows these numbers.

import { RESTART_INTERVAL } from '../index/dictionary.js';

/** "BSIX" in ASCII: the first four bytes of every Broadsheet index. */
export const MAGIC = 0x58495342;
/**
 * Bumped on any incompatible layout change; a reader rejects versions it does not know. Version 3
 * made loading a matter of views: term metadata decoded per group on first use, raw field lengths,
 * dates and length codes, ids without JSON. Version 4 bit-packs full posting blocks
 * (posting-blocks.ts). Version 5 codes stored fields with a per-segment symbol table
 * (index/symbol-table.ts). Version 6 Rice-codes the positions of each posting block
 * (index/positions-codec.ts). Version 7 stores exact forms' postings as ordinals in their stems'
 * lists (index/exact-stems.ts). Version 8 stores no byte lengths for one-block terms (they are
 * read off the blocks: serialize/term-groups.ts), Rice-codes short posting blocks' heads
 * (index/posting-blocks.ts), gives dictionary entries one-byte heads (index/dictionary.ts), and
 * codes dates, stored offsets and numeric ids compactly, decoded on first read (segment-tables.ts).
 * Version 9 bounds each block by one byte, its largest t̃ under the segment's reference weights (in
 * segmentMeta), instead of a max tf and min length per field (index/block-bounds.ts).
 */
export const FORMAT_VERSION = 9;
/** Header: magic u32, version u32, section count u32, table checksum u32, total length u32, 12 reserved bytes. */
export const HEADER_BYTES = 32;
/** Section table entry: kind u32, segment u32 (GLOBAL for index-wide), offset u32, length u32, checksum u32. */
export const TABLE_ENTRY_BYTES = 20;
/** Segment number of index-wide sections. */
export const GLOBAL = 0xffffffff;
/** Sections start at multiples of 8 so Float64Array views need no copy. */
export const SECTION_ALIGN = 8;

/**
 * What a section holds. Kinds are never renumbered; new kinds get new numbers. Kinds 4–8 held the
 * fixed-width term and block tables of format 1, kinds 11, 12 and 15 the varint field lengths,
 * varint dates and JSON ids of format 2; none is reused.
 */
export const SectionKind = {
  /** JSON: schema, analyzer names, parameters, segment count. */
  meta: 1,
  /** JSON: numDocs, fieldCount, scoredCount, term and skip-entry counts, default mask. */
  segmentMeta: 2,
  /** Front-coded UTF-8 terms, a full term every 16 (see index/dictionary.ts). */
  terms: 3,
  /** Posting blocks (see index/posting-blocks.ts). */
  postings: 9,
  /** Positions, one block per posting block (see index/positions-codec.ts). */
  positions: 10,
  /** Per document, varint byte length of its stored bytes in `stored` (segment-tables.ts). */
  storedOffsets: 13,
  /** Per document, its stored-field JSON (UTF-8) coded with the segment's storedSymbols. */
  stored: 14,
  /** Deletion bitset words. */
  deletes: 16,
  /**
   * Per term: varint (df × 2 + 1 when it has positions); then, for a term of more than one block
   * only, varint postings bytes and (when it has positions) varint positions bytes. A one-block
   * term's lengths are where its block's decode ends (the segment's last term also owns the
   * postings' closing slack). Decoded a page of PAGE_TERMS terms at a time, on first use, from the
   * offsets in termGroups.
   */
  termTable: 17,
  /**
   * Per term with more than one block, per block: varint last-DocId delta, varint postings bytes and
   * varint positions bytes (both omitted for the term's last block), varint field-mask union, then one
   * byte of block-max bound: the code of the block's largest t̃ under the segment's reference weights
   * (index/block-bounds.ts; the reference is in segmentMeta).
   */
  skips: 18,
  /**
   * The term groups' index, Uint32s column by column (see TermGroupsLayout). The dictionary column
   * has a row per group of TERM_GROUP terms: the byte offset of its first entry (a restart point).
   * The other five have a row per page of GROUPS_PER_PAGE groups: for the page's first term, the
   * byte offset of its term-table entry, its postings and positions offsets, its first skip entry
   * and the byte offset of that entry in skips. Each column ends with a row of totals (section
   * lengths, skip entry count).
   */
  termGroups: 19,
  /** One byte per (scored field, document), field by field: index/length-codes.ts codes of the field lengths. */
  lengthCodes: 20,
  /** Byte 2 or 4 (the width), 7 zero bytes, then numDocs × scoredCount little-endian lengths of that width. */
  fieldLengths: 21,
  /**
   * Byte 0, 7 zero bytes, then numDocs little-endian Float64 epoch milliseconds (NaN when undated);
   * or byte 1, 7 zero bytes, then per document a varint of its whole seconds' zigzagged difference
   * from the previous dated document, plus one (0: undated). See segment-tables.ts.
   */
  dates: 22,
  /**
   * Byte 0 then the ids as UTF-8 joined by NUL; byte 1 then a JSON array (ids with NUL or lone
   * surrogates); byte 2 then a varint first number (ids are its decimal plus the document number);
   * byte 3 then a varint first number and zigzag varint differences (ids are canonical decimals).
   */
  ids: 23,
  /** The symbol table of `stored` (index/symbol-table.ts); empty when no document stores anything. */
  storedSymbols: 24,
  /** Per exact-form term, the stem its postings' ordinals point into (index/exact-stems.ts). */
  exactStems: 25,
} as const;

/** Terms per group of the termGroups index: one dictionary restart interval, so a group starts at a restart point. */
export const TERM_GROUP = RESTART_INTERVAL;

/** Columns of the termGroups section, in order. */
export const GroupColumn = { dictionary: 0, termTable: 1, postings: 2, positions: 3, blocks: 4, skips: 5 } as const;
export const GROUP_COLUMNS = 6;
/**
 * Groups per page of term metadata: a loaded segment decodes a page's 128 terms on first use of
 * any. A row of five offsets per group took 114 KB on Reuters; per page it takes 14 KB, and a first
 * query decodes a few more terms it may well need anyway.
 */
export const GROUPS_PER_PAGE = 8;
/** Terms per page. */
export const PAGE_TERMS = TERM_GROUP * GROUPS_PER_PAGE;

/** Where the rows of each termGroups column lie, for a segment of `terms` terms. */
export class TermGroupsLayout {
  readonly groups: number;
  readonly pages: number;
  /** Uint32s in the section. */
  readonly length: number;

  constructor(terms: number) {
    this.groups = Math.ceil(terms / TERM_GROUP);
    this.pages = Math.ceil(terms / PAGE_TERMS);
    this.length = this.groups + 1 + (GROUP_COLUMNS - 1) * (this.pages + 1);
  }

  /** Index of row `row` of `column` (a group's row in the dictionary column, a page's in the others). */
  at(column: number, row: number): number {
    return column === GroupColumn.dictionary ? row : this.groups + 1 + (column - 1) * (this.pages + 1) + row;
  }

  /** The row of `column`'s totals. */
  last(column: number): number {
    return column === GroupColumn.dictionary ? this.groups : this.pages;
  }
}

export type SectionKindName = keyof typeof SectionKind;

/** Index-wide metadata, stored as JSON in the meta section. */
export interface IndexMeta {
  format: 'broadsheet-index';
  fields: Array<{ name: string; kind: 'text' | 'date' | 'keyword'; boost: number; b: number; stored: boolean; analyzer: string }>;
  /** Stored field names in schema order (stored fields may include non-indexed names in future versions). */
  stored: string[];
  analyzer: string;
  k1: number;
  maxBufferedDocs: number;
  maxBufferedTokens: number;
  maxSegments: number;
  segments: number;
}

/** Per-segment metadata, stored as JSON in each segment's segmentMeta section. */
export interface SegmentMeta {
  numDocs: number;
  fieldCount: number;
  scoredCount: number;
  terms: number;
  /** Skip entries (blocks of terms with more than one block). */
  blocks: number;
  /** The mask posting blocks start from (see index/posting-blocks.ts). */
  defaultMask: number;
  /**
   * Σ field length over every document of the segment (deleted ones included), per scored field:
   * a loader subtracts its deleted documents instead of summing every row. Optional: computed when absent.
   */
  lengthTotals?: number[];
  /** The weights the segment's block bounds were computed under, per scored field (index/block-bounds.ts). */
  boundReference: { boost: number[]; normA: number[]; normB: number[] };
}
