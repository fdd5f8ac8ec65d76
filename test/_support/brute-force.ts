// The dumb oracle: BM25F computed straight from the documents' text, with no index at all.
// Tests compare the engine's segmented, serialised results to it.

import type { Analyzer } from '../../src/analysis/types.js';
import { dateFieldText, parseDate } from '../../src/dates/index.js';

export interface OracleField {
  name: string;
  boost: number;
  b: number;
  kind: 'text' | 'date';
}

export interface OracleDoc {
  id: string;
  [field: string]: string | undefined;
}

interface FieldCounts {
  /** stem → tf */
  counts: Map<string, number>;
  /** unstemmed form (when it differs from its stem) → tf; text fields only */
  exact: Map<string, number>;
  /** stem → forms seen for it that differ from it */
  variants: Map<string, Set<string>>;
  length: number;
}

/** Scores every document for `query` exactly as the engine defines it; returns id → score for matches. */
export function bruteForceBm25f(
  docs: readonly OracleDoc[],
  query: string,
  fields: readonly OracleField[],
  analyzer: Analyzer,
  k1: number,
): Map<string, number> {
  const analyzed: FieldCounts[][] = docs.map((doc) =>
    fields.map((field) => {
      const raw = doc[field.name];
      let text = raw ?? '';
      if (field.kind === 'date') {
        const ms = raw === undefined ? undefined : parseDate(raw);
        text = ms === undefined ? '' : dateFieldText(ms);
      }
      const fc: FieldCounts = { counts: new Map(), exact: new Map(), variants: new Map(), length: 0 };
      const positions = new Set<number>();
      analyzer.analyze(text, (term, position, _s, _e, exact) => {
        fc.counts.set(term, (fc.counts.get(term) ?? 0) + 1);
        positions.add(position);
        if (exact !== undefined && field.kind === 'text') {
          fc.exact.set(exact, (fc.exact.get(exact) ?? 0) + 1);
          if (!fc.variants.has(term)) fc.variants.set(term, new Set());
          fc.variants.get(term)!.add(exact);
        }
      });
      fc.length = positions.size;
      return fc;
    }),
  );
  const n = docs.length;
  const avg = fields.map((_, f) => analyzed.reduce((sum, d) => sum + d[f]!.length, 0) / n);
  const tokens: Array<{ term: string; exact: string | undefined }> = [];
  analyzer.analyze(query, (term, _p, _s, _e, exact) => tokens.push({ term, exact }));
  const df = (term: string): number => analyzed.filter((d) => d.some((f) => f.counts.has(term))).length;
  const pseudo = (d: FieldCounts[], tfOf: (f: FieldCounts, field: OracleField) => number): number => {
    let sum = 0;
    fields.forEach((field, f) => {
      const tf = tfOf(d[f]!, field);
      if (tf > 0) sum += (field.boost * tf) / (1 - field.b + (field.b * d[f]!.length) / avg[f]!);
    });
    return sum;
  };
  const sat = (x: number): number => x / (x + k1);

  const scores = new Map<string, number>();
  analyzed.forEach((d, i) => {
    let score = 0;
    for (const { term } of tokens) {
      const termDf = df(term);
      if (termDf === 0) continue;
      const idf = Math.log(1 + (n - termDf + 0.5) / (termDf + 0.5));
      const p = pseudo(d, (f) => f.counts.get(term) ?? 0);
      if (p > 0) score += idf * sat(p);
    }
    if (score > 0) scores.set(docs[i]!.id, score);
  });
  return scores;
}
