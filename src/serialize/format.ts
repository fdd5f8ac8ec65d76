// The one place that defines Broadsheet's binary index layout: magic, version, header, section kinds.
// encode.ts and decode.ts follow it; nothing else in the code base knows these numbers.

/** "BSIX" in ASCII: the first four bytes of every Broadsheet index. */
export const MAGIC = 0x58495342;
/** Bumped on any incompatible layout change; a reader rejects versions it does not know. */
export const FORMAT_VERSION = 1;
/** Header: magic u32, version u32, section count u32, table checksum u32, total length u32, 12 reserved bytes. */
export const HEADER_BYTES = 32;
/** Section table entry: kind u32, segment u32 (GLOBAL for index-wide), offset u32, length u32, checksum u32. */
export const TABLE_ENTRY_BYTES = 20;
/** Segment number of index-wide sections. */
export const GLOBAL = 0xffffffff;
/** Sections start at multiples of 8 so Float64Array views need no copy. */
export const SECTION_ALIGN = 8;

/** What a section holds. Kinds are never renumbered; new kinds get new numbers. */
export const SectionKind = {
  /** JSON: schema, analyzer names, parameters, segment count. */
  meta: 1,
  /** JSON: numDocs, fieldCount, scoredCount, term and block counts. */
  segmentMeta: 2,
  terms: 3,
  termDf: 4,
  termBlockStart: 5,
  blockLastDoc: 6,
  blockPostingsOffset: 7,
  blockPositionsOffset: 8,
  postings: 9,
  positions: 10,
  fieldLengths: 11,
  dates: 12,
  storedOffsets: 13,
  stored: 14,
  /** JSON array of the user ids, by DocId. */
  ids: 15,
  /** Deletion bitset words. */
  deletes: 16,
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
  blocks: number;
}
