// Keeps the ids parsers take from the data (a feed item's guid or link, a JSON `id`) within what the
// index accepts. It does not make ids unique across a corpus: the loader reports duplicates.

import { createHash } from 'node:crypto';

/** The longest id the index accepts, in UTF-16 units (MAX_ID_LENGTH in src/index/prepare-document.ts). */
export const MAX_ID_LENGTH = 4096;

/** Units of an over-long id kept before its hash: enough to recognise the link; ids are keys, not content. */
const KEPT_PREFIX = 200;

/**
 * `id` itself when the index accepts its length; otherwise its first units plus `#` and a hash of
 * the whole id, the same on every run and different for ids that differ anywhere (a 5 KB link taken
 * as an id made adding the item throw).
 */
export function boundedId(id: string): string {
  if (id.length <= MAX_ID_LENGTH) return id;
  // UTF-16 units, as the loader hashes content: as UTF-8, lone surrogates would all hash as U+FFFD.
  const hash = createHash('sha256').update(Buffer.from(id, 'utf16le')).digest('base64url');
  // A cut between the halves of a surrogate pair would leave a lone surrogate in the id.
  const high = id.charCodeAt(KEPT_PREFIX - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? KEPT_PREFIX - 1 : KEPT_PREFIX;
  return `${id.slice(0, end)}#${hash}`;
}
