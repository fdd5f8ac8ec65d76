// `broadsheet search <index> "<query>"`: readable ranked results (rank, score, date, title, excerpt)
// or, with --json, one JSON object carrying each hit's id, title, ISO date, score and excerpt.

import { parseArgs } from 'node:util';
import { CliError } from '../cli-error.js';
import { isoDayOf } from '../output.js';
import { readIndexFile } from '../index-file.js';
import { excerpt } from '../excerpt.js';
import type { Output } from '../output.js';

export const SEARCH_HELP = `Usage: broadsheet search <index-file> "<query>" [options]

Options:
  -n, --limit <n>    results to show (default 10)
      --offset <n>   results to skip, for paging (default 0)
      --json         print JSON: { query, total, hits: [{ rank, id, score, title, date, url, source, author, excerpt }] }
  -h, --help         this help`;

export function searchCommand(argv: string[], out: Output): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      limit: { type: 'string', short: 'n' },
      offset: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    out.stdout(SEARCH_HELP);
    return 0;
  }
  const [file, ...words] = positionals;
  if (file === undefined || words.length === 0) throw new CliError('search: give an index file and a query (see broadsheet search --help)');
  const limit = count(values.limit, 10, 'limit');
  const offset = count(values.offset, 0, 'offset');
  const query = words.join(' ');
  const { index } = readIndexFile(file);
  const result = index.search(query, { limit, offset });
  const hits = result.hits.map((hit, i) => {
    const doc = hit.document;
    const text = (field: string): string | undefined => (typeof doc[field] === 'string' ? (doc[field] as string) : undefined);
    return {
      rank: offset + i + 1,
      id: hit.id,
      score: Number(hit.score.toFixed(6)),
      title: text('title') ?? '',
      date: text('date') ?? null,
      url: text('url') ?? null,
      source: text('source') ?? null,
      author: text('author') ?? null,
      excerpt: excerpt(text('body') ?? '', query),
    };
  });
  if (values.json === true) {
    out.stdout(JSON.stringify({ query, total: result.total, hits }, null, 2));
    return 0;
  }
  if (hits.length === 0) {
    out.stdout(`No results for "${query}" (${index.size} documents searched).`);
    return 0;
  }
  const lines = [`${result.total} results for "${query}"${offset > 0 ? ` (from ${offset + 1})` : ''}:`, ''];
  for (const h of hits) {
    lines.push(`${String(h.rank).padStart(3)}. ${h.title || '(untitled)'}`);
    lines.push(`     ${h.date === null ? 'undated' : isoDayOf(h.date)} · score ${h.score.toFixed(3)} · ${h.id}`);
    if (h.excerpt !== '') lines.push(`     ${h.excerpt}`);
    lines.push('');
  }
  out.stdout(lines.join('\n').trimEnd());
  return 0;
}

function count(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  // Digits only: Number() reads '' and ' ' as 0, and takes 0x10 and 1e1.
  const n = Number(value);
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(n)) throw new CliError(`search: --${name} must be a whole number ≥ 0`);
  return n;
}
