// Parsers for trec_eval's two input files: qrels (`qid iter docno rel`) and runs
// (`qid iter docno rank sim runid [junk]`). Parsing only; measures live in metrics.ts.

import type { ScoredDoc } from './metrics.js';

/** A qrels or run line trec_eval itself would reject as malformed. */
export class TrecFormatError extends Error {
  override name = 'TrecFormatError';
  /** 1-based line number in the text that was parsed. */
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

/** Whitespace-separated fields of one line; `#` lines and blank lines give null (trec_eval skips them). */
function fieldsOf(line: string): string[] | null {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  return trimmed.split(/\s+/);
}

/**
 * Parses a qrels file: one `qid iter docno rel` judgment a line, `rel` an integer
 * (negative = in the pool but unjudged, as in trec_eval). Returns qid → docno → rel.
 */
export function parseQrels(text: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const fields = fieldsOf(lines[n] ?? '');
    if (fields === null) continue;
    const [qid, , docno, relText] = fields;
    if (fields.length !== 4 || qid === undefined || docno === undefined || relText === undefined) {
      throw new TrecFormatError(`qrels line ${n + 1}: expected 4 fields, got ${fields.length}`, n + 1);
    }
    const rel = Number.parseInt(relText, 10);
    if (!Number.isFinite(rel)) throw new TrecFormatError(`qrels line ${n + 1}: relevance is not an integer`, n + 1);
    let judgments = qrels.get(qid);
    if (judgments === undefined) {
      judgments = new Map();
      qrels.set(qid, judgments);
    }
    if (judgments.has(docno)) throw new TrecFormatError(`qrels line ${n + 1}: duplicate judgment for ${qid}/${docno}`, n + 1);
    judgments.set(docno, rel);
  }
  return qrels;
}

/**
 * Parses a run file: `qid iter docno rank sim runid`, anything after runid ignored (trec_eval
 * reserves it). The rank column is ignored, as trec_eval orders by sim (see metrics.trecOrder).
 */
export function parseRun(text: string): { run: Map<string, ScoredDoc[]>; runId: string } {
  const run = new Map<string, ScoredDoc[]>();
  let runId = '';
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const fields = fieldsOf(lines[n] ?? '');
    if (fields === null) continue;
    const [qid, , docno, , simText, id] = fields;
    if (qid === undefined || docno === undefined || simText === undefined || id === undefined) {
      throw new TrecFormatError(`run line ${n + 1}: expected at least 6 fields, got ${fields.length}`, n + 1);
    }
    // trec_eval reads sim with atof; Number() is stricter, so reject what it cannot read outright.
    const score = Number(simText);
    if (Number.isNaN(score)) throw new TrecFormatError(`run line ${n + 1}: score is not a number`, n + 1);
    let docs = run.get(qid);
    if (docs === undefined) {
      docs = [];
      run.set(qid, docs);
    }
    docs.push({ id: docno, score });
    runId = id;
  }
  return { run, runId };
}

