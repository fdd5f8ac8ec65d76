// A deliberately minimal reader of the sample corpus's CMS text files (title line, a date line like
// `2024-03-17 15:34:32 admin source: share:`, body). Footers and other CMS chrome are left in the
// body: the bench needs realistic text, not clean ingestion (that is src/ingest's job).

import type { BenchDoc } from './types.js';

const DATE_LINE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** Parses one CMS text file into a bench document with id `id`; the date is read as UTC. */
export function parseCmsArticle(id: string, text: string): BenchDoc {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const title = (lines[i] ?? '').trim();
  i++;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const doc: BenchDoc = { id, title, body: '' };
  const match = DATE_LINE.exec((lines[i] ?? '').trim());
  if (match !== null) {
    const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
    const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
    const time = Date.parse(iso);
    if (Number.isFinite(time)) {
      doc.date = iso;
      doc.time = time;
    }
    i++;
  }
  doc.body = lines.slice(i).join('\n').trim();
  return doc;
}
