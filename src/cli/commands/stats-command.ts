// `broadsheet stats <index>`: documents, segments, terms, bytes by section and the date range.

import { parseArgs } from 'node:util';
import { describeIndexBytes } from '../../index.js';
import { CliError } from '../cli-error.js';
import { readIndexFile } from '../index-file.js';
import { formatBytes, type Output, isoDayOf } from '../output.js';

export const STATS_HELP = `Usage: broadsheet stats <index-file> [--json]

Prints documents, segments, terms, postings, the date range and the file's size by section.`;

export function statsCommand(argv: string[], out: Output): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    out.stdout(STATS_HELP);
    return 0;
  }
  const [file] = positionals;
  if (file === undefined || positionals.length > 1) throw new CliError('stats: give exactly one index file');
  const { index, bytes } = readIndexFile(file);
  const stats = index.stats();
  const summary = describeIndexBytes(bytes);
  const range = stats.dateRange === undefined ? null : { from: new Date(stats.dateRange.min).toISOString(), to: new Date(stats.dateRange.max).toISOString() };
  if (values.json === true) {
    out.stdout(JSON.stringify({ file, ...stats, dateRange: range, bytes: summary.totalBytes, sections: summary.sections, formatVersion: summary.version }, null, 2));
    return 0;
  }
  const lines = [
    `${file}: Broadsheet index, format version ${summary.version}, ${formatBytes(summary.totalBytes)}`,
    `  documents   ${stats.documents} (${stats.undatedDocuments} undated)`,
    `  segments    ${stats.segments}`,
    `  terms       ${stats.terms}`,
    `  postings    ${stats.postings}`,
    `  dates       ${range === null ? 'none' : `${isoDayOf(range.from)} … ${isoDayOf(range.to)}`}`,
    '  bytes by section:',
    ...Object.entries(summary.sections)
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => `    ${name.padEnd(22)} ${formatBytes(n).padStart(10)}`),
  ];
  out.stdout(lines.join('\n'));
  return 0;
}
