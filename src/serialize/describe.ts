// Reads only the header and section table of a saved index to say how its bytes are spent, for
// `broadsheet stats`. Checks nothing beyond what it reads; decode.ts owns validation.

import { IndexFormatError } from '../errors.js';
import { FORMAT_VERSION, HEADER_BYTES, MAGIC, SectionKind, TABLE_ENTRY_BYTES } from './format.js';

/** Bytes per section kind, summed over segments. */
export interface IndexByteSummary {
  version: number;
  totalBytes: number;
  sections: Record<string, number>;
}

const NAMES = new Map<number, string>(Object.entries(SectionKind).map(([name, kind]) => [kind, name]));

/** Sizes by section of a saved index; throws IndexFormatError when the header is not Broadsheet's. */
export function describeIndexBytes(bytes: Uint8Array): IndexByteSummary {
  if (bytes.length < HEADER_BYTES) throw new IndexFormatError('index is shorter than its header', 'length', bytes.length, HEADER_BYTES);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) throw new IndexFormatError('not a Broadsheet index (bad magic number)', 'magic', dv.getUint32(0, true), MAGIC);
  const version = dv.getUint32(4, true);
  if (version !== FORMAT_VERSION) throw new IndexFormatError(`unsupported index format version ${version}`, 'version', version, FORMAT_VERSION);
  const count = dv.getUint32(8, true);
  if (HEADER_BYTES + count * TABLE_ENTRY_BYTES > bytes.length) throw new IndexFormatError('section table runs past the end', 'table', count, bytes.length);
  const sections: Record<string, number> = { header: HEADER_BYTES + count * TABLE_ENTRY_BYTES };
  for (let i = 0; i < count; i++) {
    const at = HEADER_BYTES + i * TABLE_ENTRY_BYTES;
    const name = NAMES.get(dv.getUint32(at, true)) ?? `kind${dv.getUint32(at, true)}`;
    sections[name] = (sections[name] ?? 0) + dv.getUint32(at + 12, true);
  }
  return { version, totalBytes: bytes.length, sections };
}
