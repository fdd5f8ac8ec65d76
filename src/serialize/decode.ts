// Reads the layout of format.ts back into segments: checks magic, version, lengths and checksums,
// then takes typed-array views over the buffer. Term metadata is decoded later, one group at a
// time, when the dictionary first hands out one of the group's ordinals (see term-groups.ts): a
// crafted file with valid checksums can therefore be refused at first use rather than at load.

import type { BoundReference } from '../index/block-bounds.js';
import type { Analyzer } from '../analysis/types.js';
import type { Schema } from '../document.js';
import { builtInAnalyzer } from '../analysis/analyzer.js';
import { ExactStems } from '../index/exact-stems.js';
import { namePostingsSection } from '../index/posting-blocks.js';
import { LazyColumn } from '../index/lazy-column.js';
import { IdColumn } from '../index/id-column.js';
import { IndexFormatError } from '../errors.js';
import { TermDictionary } from '../index/dictionary.js';
import { DeleteSet } from '../index/deletes.js';
import { Segment, type SegmentData } from '../index/segment.js';
import { checksum32 } from './checksum.js';
import { TableError, decodeStoredOffsets, decodeDates, decodeFieldLengths, decodeIds, decodeLengthCodes } from './segment-tables.js';
import { TermGroupDecoder, checkTermGroups, type TermArrays } from './term-groups.js';
import {
  FORMAT_VERSION, GLOBAL, GroupColumn, HEADER_BYTES, MAGIC, SectionKind, TABLE_ENTRY_BYTES, TermGroupsLayout,
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
  /** Per segment: Σ field length over all its documents per scored field, when the file records it. */
  lengthTotals: Array<Float64Array | undefined>;
}

/** Parses `input`; throws IndexFormatError naming the part at fault. */
export function decodeIndex(input: Uint8Array, analyzers: readonly Analyzer[]): DecodedIndex {
  if (!(input instanceof Uint8Array)) throw new IndexFormatError('index bytes must be a Uint8Array', 'input', typeof input, 'Uint8Array');
  if (!LITTLE_ENDIAN) throw new IndexFormatError('big-endian platforms are not supported', 'platform', 'big-endian', 'little-endian');
  if (input.length < HEADER_BYTES) throw new IndexFormatError('index is shorter than its header', 'length', input.length, HEADER_BYTES);
  // A plain Uint8Array view of a Buffer: sections are then plain Uint8Arrays like a built segment's
  // (one hidden class for query code), and slice() below copies (Buffer#slice would be a view).
  const plain = input.constructor === Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  // Typed-array views need aligned offsets; a misaligned input (a Buffer slice from a pool) is copied once.
  const bytes = plain.byteOffset % 8 === 0 ? plain : plain.slice();
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
  for (const f of meta.fields as unknown[]) {
    const field = f as Partial<IndexMeta['fields'][number]> | null;
    if (typeof field !== 'object' || field === null || typeof field.name !== 'string' || (field.kind !== 'keyword' && field.kind !== 'date' && field.kind !== 'text')) {
      throw new IndexFormatError('index metadata has a malformed field', 'meta', JSON.stringify(f) ?? String(f), 'a field entry');
    }
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
  const lengthTotals: Array<Float64Array | undefined> = [];
  for (let s = 0; s < meta.segments; s++) {
    const decoded = decodeSegment(sections, s, meta.fields.length);
    segments.push(decoded.segment);
    lengthTotals.push(decoded.lengthTotals);
  }
  return {
    schema,
    analyzer,
    k1: meta.k1,
    maxBufferedDocs: meta.maxBufferedDocs,
    maxBufferedTokens: meta.maxBufferedTokens,
    maxSegments: meta.maxSegments,
    segments,
    lengthTotals,
  };
}

function decodeSegment(
  sections: Map<string, Uint8Array>,
  s: number,
  fieldCount: number,
): { segment: Segment; lengthTotals: Float64Array | undefined } {
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
  namePostingsSection(postings, part('postings'));
  const positions = need(sections, SectionKind.positions, s, 'positions');
  const termBytes = need(sections, SectionKind.terms, s, 'terms');
  // Every skip entry is a block of at least one posting byte, every term a dictionary byte: larger
  // counts are lies, refused before allocating for them.
  if (m.blocks > postings.length) throw new IndexFormatError('more blocks than postings bytes', part('segmentMeta'), m.blocks, postings.length);
  if (m.terms > termBytes.length) throw new IndexFormatError('more terms than dictionary bytes', part('segmentMeta'), m.terms, termBytes.length);
  const termTable = need(sections, SectionKind.termTable, s, 'termTable');
  const skips = need(sections, SectionKind.skips, s, 'skips');
  const layout = new TermGroupsLayout(m.terms);
  const groups = u32(SectionKind.termGroups, 'termGroups', layout.length);
  const totals = [termBytes.length, termTable.length, postings.length, positions.length, m.blocks, skips.length];
  checkTermGroups(groups, m.terms, totals, part('termGroups'));
  const arrays = termArrays(m.terms, m.blocks, totals);
  const metadata = new TermGroupDecoder(
    { terms: m.terms, numDocs: m.numDocs, scoredCount: m.scoredCount, groups, termTable, skips, postings, positions, defaultMask: m.defaultMask >>> 0, termTablePart: part('termTable'), skipsPart: part('skips'), postingsPart: part('postings'), positionsPart: part('positions') },
    arrays,
    part('termGroups'),
  );
  const restartsAt = layout.at(GroupColumn.dictionary, 0);
  const dictionary = TermDictionary.fromBytes(termBytes, m.terms, groups.subarray(restartsAt, restartsAt + layout.groups), {
    part: part('terms'),
    metadata,
  });
  const boundReference = decodeBoundReference(m.boundReference, m.scoredCount, part('segmentMeta'));
  const cells = m.numDocs * m.scoredCount;
  const fieldLengths = table('fieldLengths', () => decodeFieldLengths(need(sections, SectionKind.fieldLengths, s, 'fieldLengths'), cells));
  const lengthCodes = table('lengthCodes', () => decodeLengthCodes(need(sections, SectionKind.lengthCodes, s, 'lengthCodes'), cells));
  // Decoded on first read (a date filter, sort or stored document): see LazyColumn.
  const dateBytes = need(sections, SectionKind.dates, s, 'dates');
  const dates = LazyColumn.deferred(() => table('dates', () => decodeDates(dateBytes, m.numDocs)));
  const stored = need(sections, SectionKind.stored, s, 'stored');
  const offsetBytes = need(sections, SectionKind.storedOffsets, s, 'storedOffsets');
  const storedOffsets = LazyColumn.deferred(() => table('storedOffsets', () => decodeStoredOffsets(offsetBytes, m.numDocs, stored.length)));
  // Read (and checked) on the first stored read, not here: see Segment.storedBytes.
  const storedSymbols = need(sections, SectionKind.storedSymbols, s, 'storedSymbols');
  const idBytes = need(sections, SectionKind.ids, s, 'ids');
  const ids = IdColumn.deferred(() => table('ids', () => decodeIds(idBytes, m.numDocs)));
  const deleteWords = u32(SectionKind.deletes, 'deletes', (m.numDocs + 31) >>> 5);
  // Bits past the last document would count as deletions of documents that do not exist (a
  // negative live count followed).
  const tail = m.numDocs & 31;
  if (tail !== 0 && deleteWords[deleteWords.length - 1]! >>> tail !== 0) {
    throw new IndexFormatError('deletions of documents past the segment', part('deletes'), deleteWords[deleteWords.length - 1]!, (1 << tail) - 1);
  }
  // Entries are decoded and checked on first use (an exact form's postings read), not here.
  const exactStems = ExactStems.fromBytes(need(sections, SectionKind.exactStems, s, 'exactStems'), m.terms, part('exactStems'));
  // Stored offsets are checked per document when read (Segment.storedBytes): a loop here costs ~1 ms cold.

  // The same keys in the same order as SegmentBuilder.finish, without a spread: built and loaded
  // segments then share one hidden class, so query code optimised on one does not deoptimise on the other.
  const data: SegmentData = {
    numDocs: m.numDocs,
    fieldCount: m.fieldCount,
    scoredCount: m.scoredCount,
    dictionary,
    termDf: arrays.termDf,
    termPostingsStart: arrays.termPostingsStart,
    termPositionsStart: arrays.termPositionsStart,
    termBlockStart: arrays.termBlockStart,
    blockLastDoc: arrays.blockLastDoc,
    blockPostingsOffset: arrays.blockPostingsOffset,
    blockPositionsOffset: arrays.blockPositionsOffset,
    blockMask: arrays.blockMask,
    blockBound: arrays.blockBound,
    boundReference,
    defaultMask: m.defaultMask >>> 0,
    postings,
    positions,
    fieldLengths,
    lengthCodes,
    dates,
    storedOffsets,
    stored,
    storedSymbols,
    ids,
    exactStems,
  };
  // The bitset is copied: deletes mutate it, and the caller's buffer must stay untouched.
  let lengthTotals: Float64Array | undefined;
  if (m.lengthTotals !== undefined) {
    const t = m.lengthTotals;
    if (!Array.isArray(t) || t.length !== m.scoredCount || !t.every((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)) {
      throw new IndexFormatError('segment length totals are malformed', part('segmentMeta'), Array.isArray(t) ? t.length : typeof t, m.scoredCount);
    }
    lengthTotals = Float64Array.from(t);
  }
  return { segment: new Segment(data, new DeleteSet(m.numDocs, deleteWords.slice())), lengthTotals };
}

/**
 * The term and skip arrays of a loaded segment, zeroed (filled per group by TermGroupDecoder) except
 * the end entries, known from the group index totals.
 */
function termArrays(terms: number, blocks: number, totals: readonly number[]): TermArrays {
  const termPostingsStart = new Uint32Array(terms + 1);
  const termPositionsStart = new Uint32Array(terms + 1);
  const termBlockStart = new Uint32Array(terms + 1);
  termPostingsStart[terms] = totals[GroupColumn.postings]!;
  termPositionsStart[terms] = totals[GroupColumn.positions]!;
  termBlockStart[terms] = totals[GroupColumn.blocks]!;
  return {
    termDf: new Uint32Array(terms),
    termPostingsStart,
    termPositionsStart,
    termBlockStart,
    blockLastDoc: new Uint32Array(blocks),
    blockPostingsOffset: new Uint32Array(blocks),
    blockPositionsOffset: new Uint32Array(blocks),
    blockMask: new Uint32Array(blocks),
    blockBound: new Uint8Array(blocks),
  };
}

/** The block bounds' reference of a segment: per scored field a boost, normA and normB, each finite and ≥ 0. */
function decodeBoundReference(stored: SegmentMeta['boundReference'] | undefined, width: number, where: string): BoundReference {
  const column = (values: unknown): Float64Array => {
    if (!Array.isArray(values) || values.length !== width || !values.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
      throw new IndexFormatError('segment bound reference is malformed', where, Array.isArray(values) ? values.length : typeof values, width);
    }
    return Float64Array.from(values as number[]);
  };
  if (typeof stored !== 'object' || stored === null) throw new IndexFormatError('segment bound reference is missing', where, typeof stored, 'object');
  return { boost: column(stored.boost), normA: column(stored.normA), normB: column(stored.normB) };
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

/** A JSON object section (metadata): anything else, `null` included, is refused. */
function json<T>(bytes: Uint8Array, part: string): T {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    throw new IndexFormatError('section is not valid JSON', part, 'invalid', 'JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new IndexFormatError('section is not a JSON object', part, value === null ? 'null' : typeof value, 'object');
  return value as T;
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
