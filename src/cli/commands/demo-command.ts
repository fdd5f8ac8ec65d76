// `broadsheet demo [path...]`: the README's main job in one command. Indexes the bundled corpus/
// (or the given paths) in memory and runs example searches, printing ranked results.

import { parseArgs } from 'node:util';
import { SearchIndex } from '../../index.js';
import { addLeniently, issueLabel, type DocumentIssue } from '../add-leniently.js';
import { collectCorpus } from '../../ingest/index.js';
import { CliError } from '../cli-error.js';
import { isoDayOf } from '../output.js';
import { cliSchema } from '../index-file.js';
import { excerpt } from '../excerpt.js';
import type { Output } from '../output.js';

export const DEMO_HELP = `Usage: broadsheet demo [path|glob...] [--query "<q>"]...

Indexes the given news files (default: the corpus/ folder of the current directory, as in a
checkout of Broadsheet) in memory and runs example searches.`;

const EXAMPLES = ['port throughput', 'trade fair', 'budget deficit', 'electric vehicles', 'march 2024', 'qingdao harbour investment'];

export async function demoCommand(argv: string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { query: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    out.stdout(DEMO_HELP);
    return 0;
  }
  const inputs = positionals.length > 0 ? positionals : ['corpus'];
  const started = performance.now();
  const { documents, report } = await collectCorpus(inputs);
  if (documents.length === 0) throw new CliError(`demo: no documents found in ${inputs.join(' ')}`, 1);
  const index = new SearchIndex({ schema: cliSchema() });
  const issues: DocumentIssue[] = [];
  for (const doc of documents) addLeniently(index, doc, issues);
  // Ids repeated across files were reported by the loader; a repeat here replaces, as `index` does.
  const undated = issues.filter((i) => i.action === 'indexed-without-date').length;
  const rejected = issues.filter((i) => i.action === 'skipped').map(issueLabel);
  if (index.size === 0) throw new CliError(`demo: no document could be indexed from ${inputs.join(' ')}; rejected: ${rejected.slice(0, 5).join(', ')}`, 1);
  const ms = performance.now() - started;
  out.stdout(`Indexed ${index.size} documents from ${report.files.length} files in ${ms.toFixed(0)} ms` +
    `${report.skipped.length > 0 ? ` (${report.skipped.length} skipped: ${[...new Set(report.skipped.map((s) => s.reason))].join(', ')})` : ''}` +
    `${undated > 0 ? `; ${undated} with unreadable dates indexed undated` : ''}` +
    `${rejected.length > 0 ? `; ${rejected.length} rejected: ${rejected.slice(0, 3).join(', ')}${rejected.length > 3 ? ', …' : ''}` : ''}.`);
  for (const query of values.query ?? EXAMPLES) {
    const t = performance.now();
    const result = index.search(query, { limit: 3 });
    const took = performance.now() - t;
    out.stdout(`\n» ${query}  (${result.total} matches, ${took.toFixed(2)} ms)`);
    result.hits.forEach((hit, i) => {
      const date = typeof hit.document['date'] === 'string' ? isoDayOf(hit.document['date']) : 'undated';
      out.stdout(`  ${i + 1}. [${date}] ${String(hit.document['title'] ?? hit.id)}  (score ${hit.score.toFixed(2)})`);
      const body = typeof hit.document['body'] === 'string' ? hit.document['body'] : '';
      const text = excerpt(body, query, 140);
      if (text !== '') out.stdout(`     ${text}`);
    });
  }
  return 0;
}
