// Reads the layout of format.ts back into segments: checks magic, version, lengths and checksums,
// then takes typed-array views over the buffer (no per-posting objects are rebuilt).

import type { Analyzer } from '../analysis/types.js';
import type { Schema } from '../document.js';
import { builtInAnalyzer } from '../analysis/analyzer.js';
import { IndexFormatError } from '../errors.js';
import { TermDictionary } from '../index/dictionary.js';
import { DeleteSet } from '../index/deletes.js';
import { lengthCodes } from '../index/length-codes.js';
import { Segment, type SegmentData } from '../index/segment.js';
import { checksum32 } from './checksum.js';
import { TableError, decodeDates, decodeFieldLengths, decodeSkips, decodeTermTable } from './segment-tables.js';
import {
  FORMAT_VERSION, GLOBAL, HEADER_BYTES, MAGIC, SectionKind, TABLE_ENTRY_BYTES,
  type IndexMeta, type SegmentMeta,
} from './format.js';

const decoder = new TextDecoder('utf-8', { fatal: true });
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** What a decoded index hands back to the facade. */
export interface DecodedIndex {
  schema: Schema;
  analyzer: Analyzer;
  k1: number;
  maxBufferedDocs: number;
  maxBufferedTokens: number;
  maxSegments: number;
  segments: Segment[];
}

/** Parses `input`; throws IndexFormatError naming the part at fault. */
export function decodeIndex(input: Uint8Array, analyzers: readonly Analyzer[]): DecodedIndex {
  if (!(input instanceof Uint8Array)) throw new IndexFormatError('index bytes must be a Uint8Array', 'input', typeof input, 'Uint8Array');
  if (!LITTLE_ENDIAN) throw new IndexFormatError('big-endian platforms are not supported', 'platform', 'big-endian', 'little-endian');
  if (input.length < HEADER_BYTES) throw new IndexFormatError('index is shorter than its header', 'length', input.length, HEADER_BYTES);
  // Typed-array views need aligned offsets; a misaligned input (a Buffer slice from a pool) is copied once.
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = dv.getUint32(0, true);
  if (magic !== MAGIC) throw new IndexFormatError('not a Broadsheet index (bad magic number)', 'magic', hex(magic), hex(MAGIC));
  const version = dv.getUint32(4, true);
  if (version !== FORMAT_VERSION) throw new IndexFormatError(`unsupported index format version ${version}`, 'version', version, FORMAT_VERSION);
  const declared = dv.getUint32(16, true);
  if (declared !== bytes.length) throw new IndexFormatError('index length does not match its header (truncated?)', 'length', bytes.length, declared);
  const count = dv.getUint32(8, true);
  const tableEnd = HEADER_BYTES + count * TABLE_ENTRY_BYTES;
  if (tableEnd > bytes.length) throw new IndexFormatError('section table runs past the end', 'table', tableEnd, bytes.length);
  const tableSum = checksum32(bytes.subarray(HEADER_BYTES, tableEnd));
  if (tableSum !== dv.getUint32(12, true)) throw new IndexFormatError('section table checksum mismatch', 'checksum:table', tableSum, dv.getUint32(12, true));

  const sections = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const at = HEADER_BYTES + i * TABLE_ENTRY_BYTES;
    const kind = dv.getUint32(at, true);
    const segment = dv.getUint32(at + 4, true);
    const offset = dv.getUint32(at + 8, true);
    const length = dv.getUint32(at + 12, true);
    const part = `section:${kind}/${segment === GLOBAL ? 'global' : segment}`;
    if (offset < tableEnd || offset + length > bytes.length || offset % 8 !== 0) {
      throw new IndexFormatError('section out of bounds', part, offset, bytes.length);
    }
    const body = bytes.subarray(offset, offset + length);
    const sum = checksum32(body);
    if (sum !== dv.getUint32(at + 16, true)) throw new IndexFormatError('section checksum mismatch', `checksum:${part}`, sum, dv.getUint32(at + 16, true));
    sections.set(`${kind}/${segment}`, body);
  }

  const meta = json<IndexMeta>(need(sections, SectionKind.meta, GLOBAL, 'meta'), 'meta');
  if (meta.format !== 'broadsheet-index' || !Array.isArray(meta.fields) || !Number.isInteger(meta.segments)) {
    throw new IndexFormatError('index metadata is malformed', 'meta', String(meta.format), 'broadsheet-index');
  }
  const named = new Map(analyzers.map((a) => [a.name, a] as const));
  const resolve = (name: string): Analyzer => {
    const analyzer = named.get(name) ?? builtInAnalyzer(name);
    if (analyzer === undefined) throw new IndexFormatError(`analyzer "${name}" is not built in: pass it in options.analyzers`, 'analyzer', name, 'a known analyzer');
    return analyzer;
  };
  const analyzer = resolve(meta.analyzer);
  const schema: Schema = {};
  for (const f of meta.fields) {
    if (f.kind === 'keyword') schema[f.name] = { type: 'keyword', stored: f.stored };
    else if (f.kind === 'date') schema[f.name] = { type: 'date', boost: f.boost, b: f.b, stored: f.stored };
    else {
      const own = resolve(f.analyzer);
      schema[f.name] = own === analyzer || own.name === analyzer.name
        ? { type: 'text', boost: f.boost, b: f.b, stored: f.stored }
        : { type: 'text', boost: f.boost, b: f.b, stored: f.stored, analyzer: own };
    }
  }

  const segments: Segment[] = [];
  for (let s = 0; s < meta.segments; s++) segments.push(decodeSegment(sections, s, meta.fields.length));
  return {
    schema,
    analyzer,
    k1: meta.k1,
    maxBufferedDocs: meta.maxBufferedDocs,
    maxBufferedTokens: meta.maxBufferedTokens,
    maxSegments: meta.maxSegments,
    segments,
  };
}

function decodeSegment(sections: Map<string, Uint8Array>, s: number, fieldCount: number): Segment {
  const part = (name: string): string => `section:${name}/${s}`;
  const m = json<SegmentMeta>(need(sections, SectionKind.segmentMeta, s, 'segmentMeta'), part('segmentMeta'));
  if (
    m.fieldCount !== fieldCount || !isCount(m.numDocs) || !isCount(m.terms) || !isCount(m.blocks) ||
    !isCount(m.scoredCount) || m.scoredCount > fieldCount || !Number.isInteger(m.defaultMask)
  ) {
    throw new IndexFormatError('segment metadata is inconsistent', part('segmentMeta'), m.fieldCount, fieldCount);
  }
  const u32 = (kind: number, name: string, expected: number): Uint32Array => {
    const b = need(sections, kind, s, name);
    if (b.length !== expected * 4) throw new IndexFormatError(`section ${name} has the wrong size`, part(name), b.length, expected * 4);
    return new Uint32Array(b.buffer, b.byteOffset, expected);
  };
  /** Runs a table decoder, naming the section when it rejects the bytes. */
  const table = <T>(name: string, decode: () => T): T => {
    try {
      return decode();
    } catch (e) {
      if (e instanceof TableError) throw new IndexFormatError(e.message, part(name), e.found, e.expected);
      if (e instanceof RangeError) throw new IndexFormatError(e.message, part(name), 'malformed', 'well-formed');
      throw e;
    }
  };
  const postings = need(sections, SectionKind.postings, s, 'postings');
  const positions = need(sections, SectionKind.positions, s, 'positions');
  // Every skip entry is a block of at least one posting byte: a larger count is a lie, refused before allocating.
  if (m.blocks > postings.length) throw new IndexFormatError('more blocks than postings bytes', part('segmentMeta'), m.blocks, postings.length);
  const terms = table('termTable', () =>
    decodeTermTable(need(sections, SectionKind.termTable, s, 'termTable'), m.terms, postings.length, positions.length, m.blocks),
  );
  const skips = table('skips', () => decodeSkips(need(sections, SectionKind.skips, s, 'skips'), terms, m.numDocs, m.scoredCount));
  const fieldLengths = table('fieldLengths', () =>
    decodeFieldLengths(need(sections, SectionKind.fieldLengths, s, 'fieldLengths'), m.numDocs * m.scoredCount),
  );
  const dictionary = table('terms', () => TermDictionary.fromBytes(need(sections, SectionKind.terms, s, 'terms'), m.terms));
  const dates = table('dates', () => decodeDates(need(sections, SectionKind.dates, s, 'dates'), m.numDocs));
  const storedOffsets = u32(SectionKind.storedOffsets, 'storedOffsets', m.numDocs + 1);
  const stored = need(sections, SectionKind.stored, s, 'stored');
  const ids = json<unknown>(need(sections, SectionKind.ids, s, 'ids'), part('ids'));
  if (!Array.isArray(ids) || ids.length !== m.numDocs || !ids.every((id) => typeof id === 'string')) {
    throw new IndexFormatError('ids section is malformed', part('ids'), Array.isArray(ids) ? ids.length : typeof ids, m.numDocs);
  }
  const deleteWords = u32(SectionKind.deletes, 'deletes', (m.numDocs + 31) >>> 5);
  monotonic(storedOffsets, stored.length, part('storedOffsets'));

  const data: SegmentData = {
    numDocs: m.numDocs,
    fieldCount: m.fieldCount,
    scoredCount: m.scoredCount,
    dictionary,
    ...terms,
    ...skips,
    defaultMask: m.defaultMask >>> 0,
    postings,
    positions,
    fieldLengths,
    lengthCodes: lengthCodes(fieldLengths, m.numDocs, m.scoredCount),
    dates,
    storedOffsets,
    stored,
    ids: ids as string[],
  };
  // The bitset is copied: deletes mutate it, and the caller's buffer must stay untouched.
  return new Segment(data, new DeleteSet(m.numDocs, deleteWords.slice()));
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 2 ** 32;
}

function need(sections: Map<string, Uint8Array>, kind: number, segment: number, name: string): Uint8Array {
  const body = sections.get(`${kind}/${segment}`);
  if (body === undefined) {
    throw new IndexFormatError(`missing section ${name}`, `section:${name}/${segment === GLOBAL ? 'global' : segment}`, 'absent', 'present');
  }
  return body;
}

function json<T>(bytes: Uint8Array, part: string): T {
  try {
    return JSON.parse(decoder.decode(bytes)) as T;
  } catch {
    throw new IndexFormatError('section is not valid JSON', part, 'invalid', 'JSON');
  }
}

function monotonic(a: Uint32Array, max: number, part: string): void {
  let prev = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v < prev || v > max) throw new IndexFormatError('offsets are not ascending within bounds', part, v, max);
    prev = v;
  }
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
