// The dumb oracle: BM25F computed straight from the documents' text, with no index at all.
// Tests compare the engine's pruned, segmented, serialised results against it.

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

/** Scores every document for `query` exactly as BM25F defines it; returns id → score for matches. */
export function bruteForceBm25f(
  docs: readonly OracleDoc[],
  query: string,
  fields: readonly OracleField[],
  analyzer: Analyzer,
  k1: number,
): Map<string, number> {
  const analyzed = docs.map((doc) =>
    fields.map((field) => {
      const raw = doc[field.name];
      let text = raw ?? '';
      if (field.kind === 'date') {
        const ms = raw === undefined ? undefined : parseDate(raw);
        text = ms === undefined ? '' : dateFieldText(ms);
      }
      const counts = new Map<string, number>();
      const positions = new Set<number>();
      analyzer.analyze(text, (term, position) => {
        counts.set(term, (counts.get(term) ?? 0) + 1);
        positions.add(position);
      });
      return { counts, length: positions.size };
    }),
  );
  const n = docs.length;
  const avg = fields.map((_, f) => analyzed.reduce((sum, d) => sum + d[f]!.length, 0) / n);
  const queryCounts = new Map<string, number>();
  analyzer.analyze(query, (term) => queryCounts.set(term, (queryCounts.get(term) ?? 0) + 1));
  const scores = new Map<string, number>();
  for (const [term, qtf] of queryCounts) {
    const df = analyzed.filter((d) => d.some((f) => f.counts.has(term))).length;
    if (df === 0) continue;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    analyzed.forEach((d, i) => {
      let pseudo = 0;
      fields.forEach((field, f) => {
        const tf = d[f]!.counts.get(term) ?? 0;
        if (tf === 0) return;
        pseudo += (field.boost * tf) / (1 - field.b + (field.b * d[f]!.length) / avg[f]!);
      });
      if (pseudo === 0) return;
      const id = docs[i]!.id;
      scores.set(id, (scores.get(id) ?? 0) + (idf * qtf * pseudo) / (pseudo + k1));
    });
  }
  return scores;
}
