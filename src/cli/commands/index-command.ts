// `broadsheet index <paths or globs...> --out <file>`: ingest, index, save, and account for every
// file. Exit 0 when anything was indexed, 1 when nothing usable was found.

import { parseArgs } from 'node:util';
import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SearchIndex } from '../../index.js';
import { loadCorpus, type SkippedFile } from '../../ingest/index.js';
import { addLeniently, issueLabel, type DocumentIssue } from '../add-leniently.js';
import { CliError } from '../cli-error.js';
import { cliSchema, writeIndexFile } from '../index-file.js';
import { createProgress } from '../progress.js';
import { formatBytes, type Output } from '../output.js';

export const INDEX_HELP = `Usage: broadsheet index <path|glob>... --out <file> [options]

Ingests news files (CMS text exports, HTML pages, JSON/JSONL, RSS/Atom feeds), indexes them and
saves the index. Directories are read recursively. Every file is either indexed or reported.

Options:
  -o, --out <file>         where to write the index (required)
      --replace-duplicates a later document with an id seen before replaces it (default: report it)
      --keep-exact-duplicates  index documents whose title and body repeat an earlier one
      --max-file-mb <n>    files larger than this are reported as too-large (default 10)
  -q, --quiet              no progress output
  -h, --help               this help`;

export async function indexCommand(argv: string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      'replace-duplicates': { type: 'boolean' },
      'keep-exact-duplicates': { type: 'boolean' },
      'max-file-mb': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    out.stdout(INDEX_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new CliError('index: give at least one file, folder or glob (see broadsheet index --help)');
  if (values.out === undefined) throw new CliError('index: --out <file> is required');
  let maxFileBytes: number | undefined;
  if (values['max-file-mb'] !== undefined) {
    const mb = Number(values['max-file-mb']);
    // Finite in bytes too: 1e308 MB passed the first check and overflowed to Infinity.
    if (!(mb > 0) || !Number.isFinite(mb * 1024 * 1024)) throw new CliError('index: --max-file-mb must be a positive number');
    maxFileBytes = mb * 1024 * 1024;
  }
  try {
    if (statSync(values.out).isDirectory()) throw new CliError(`index: --out ${values.out} is a directory`);
  } catch (error) {
    if (error instanceof CliError) throw error;
  }

  const started = performance.now();
  const progress = values.quiet === true ? undefined : createProgress(process.stderr);
  const load = loadCorpus(positionals, {
    onDuplicateId: values['replace-duplicates'] === true ? 'replace' : 'report',
    onExactDuplicate: values['keep-exact-duplicates'] === true ? 'keep' : 'skip',
    ...(maxFileBytes === undefined ? {} : { maxFileBytes }),
    ...(progress === undefined ? {} : { onProgress: (p) => progress.update(p.filesDone, p.filesTotal, p.documents) }),
  });
  const index = new SearchIndex({ schema: cliSchema() });
  const issues: DocumentIssue[] = [];
  try {
    for await (const doc of load) addLeniently(index, doc, issues);
  } finally {
    // Stopped on every path: the redraw timer of a terminal's bar kept a failed run alive forever.
    progress?.stop();
  }
  // The run's report: filled in as files are read (iterating starts a new one).
  const report = load.report;
  // The index must not overwrite what it was made from (`index news.jsonl --out news.jsonl`).
  const target = canonical(values.out);
  const clash = report.files.find((f) => canonical(f.path) === target);
  if (clash !== undefined) throw new CliError(`index: --out ${values.out} is one of the input files`);
  index.optimize();
  const bytes = index.serialize();
  const seconds = (performance.now() - started) / 1000;

  const skippedDocs = issues.filter((i) => i.action === 'skipped');
  if (index.size === 0) {
    out.stderr(summarizeSkipped(report.skipped));
    if (skippedDocs.length > 0) out.stderr(rejected(skippedDocs));
    throw new CliError(`index: nothing to index in ${positionals.join(' ')} (${report.filesTotal} files matched, none gave a document)`, 1);
  }
  writeIndexFile(values.out, bytes);
  const lines = [
    `Indexed ${index.size} documents from ${report.files.filter((f) => f.documents > 0).length} files in ${seconds.toFixed(2)} s → ${values.out} (${formatBytes(bytes.length)})`,
  ];
  if (report.skipped.length > 0) lines.push(summarizeSkipped(report.skipped));
  // The loader drops dates the index cannot read (noted); the index may refuse others (issues).
  const undated = [...report.notes.filter((n) => n.kind === 'unreadable-date').map((n) => n.id ?? n.path), ...issues.filter((i) => i.action === 'indexed-without-date').map((i) => i.id)];
  if (undated.length > 0) lines.push(`${undated.length} documents had an unreadable date and were indexed without one: ${undated.slice(0, 5).join(', ')}${undated.length > 5 ? ', …' : ''}`);
  if (skippedDocs.length > 0) lines.push(rejected(skippedDocs));
  const fallback = report.notes.filter((n) => n.kind === 'encoding' && n.encoding === 'latin1-fallback');
  if (fallback.length > 0) lines.push(`${fallback.length} files were not valid UTF-8 and were read as Latin-1: ${fallback.slice(0, 5).map((n) => n.path).join(', ')}`);
  const repaired = report.notes.filter((n) => n.kind === 'encoding' && n.encoding === 'utf-8-repaired');
  if (repaired.length > 0) lines.push(`${repaired.length} files had invalid UTF-8 bytes, read as U+FFFD: ${repaired.slice(0, 5).map((n) => n.path).join(', ')}`);
  out.stdout(lines.join('\n'));
  return 0;
}

function rejected(issues: readonly DocumentIssue[]): string {
  return `${issues.length} documents were rejected: ${issues.slice(0, 5).map(issueLabel).join(', ')}${issues.length > 5 ? ', …' : ''}`;
}

/** The path with symlinks resolved when it exists (the same file reached two ways is one file). */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function summarizeSkipped(skipped: readonly SkippedFile[]): string {
  if (skipped.length === 0) return 'No files skipped.';
  const byReason = new Map<string, SkippedFile[]>();
  for (const s of skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s]);
  const lines = [`Skipped ${skipped.length}:`];
  for (const [reason, list] of byReason) {
    const shown = list.slice(0, 3).map((s) => `${s.path}${s.id === undefined ? '' : ` [${s.id}]`}`).join(', ');
    lines.push(`  ${reason}: ${list.length}  ${shown}${list.length > 3 ? ', …' : ''}`);
  }
  return lines.join('\n');
}
