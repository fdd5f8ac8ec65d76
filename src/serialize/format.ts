// The one place that defines Broadsheet's binary index layout: magic, version, header, section kinds.
// encode.ts and decode.ts follow it; nothing else in the code base knows these numbers.

/** "BSIX" in ASCII: the first four bytes of every Broadsheet index. */
export const MAGIC = 0x58495342;
/** Bumped on any incompatible layout change; a reader rejects versions it does not know. */
export const FORMAT_VERSION = 2;
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
 * fixed-width term and block tables of format 1 and are not reused.
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
  /** Position deltas, per posting per field. */
  positions: 10,
  /** Varint field lengths, numDocs × scoredCount. */
  fieldLengths: 11,
  /** Mode byte, then varint deltas of whole milliseconds (or raw Float64s); see serialize/segment-tables.ts. */
  dates: 12,
  storedOffsets: 13,
  stored: 14,
  /** JSON array of the user ids, by DocId. */
  ids: 15,
  /** Deletion bitset words. */
  deletes: 16,
  /** Per term: varint df, varint postings bytes, varint positions bytes. */
  termTable: 17,
  /**
   * Per term with more than one block, per block: varint last-DocId delta, varint postings bytes and
   * varint positions bytes (both omitted for the term's last block), varint field-mask union, then per
   * scored field in that union varint max tf and varint min field length (block-max metadata).
   */
  skips: 18,
} as const;

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
}
