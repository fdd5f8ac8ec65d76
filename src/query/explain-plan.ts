// Explains one document's score under a plan: the same arithmetic as the executors, clause by
// clause, so the parts add up to the score a search gives. Read-only; not a hot path.

import type { Segment } from '../index/segment.js';
import type { FieldLayout } from '../index/field-layout.js';
import { readPosting } from '../index/read-posting.js';
import { isExactTerm } from '../index/exact-terms.js';
import type { Bm25fWeights, FieldStatistics } from '../scoring/bm25f.js';
import type { PlanNode } from './plan.js';
import { phraseFrequency } from './phrase-match.js';
import { summationOrder } from './summation-order.js';

/** One field's share of a clause's score. */
export interface FieldExplanation {
  field: string;
  /** Term (or phrase) frequency in the field. */
  tf: number;
  length: number;
  avgLength: number;
  boost: number;
  b: number;
  /** boost · tf / (1 − b + b · length / avgLength): this field's part of tf̃. */
  pseudoTf: number;
  /** The clause's score apportioned by this field's share of tf̃. */
  score: number;
}

/** One scoring clause: a term of the query (or an exact-form tie-breaker, or a phrase). */
export interface TermExplanation {
  /** The term as indexed; exact forms are shown as `="form"`, phrases as `"a b"`. */
  term: string;
  kind: 'term' | 'exact-form' | 'phrase' | 'proximity';
  /** idf × query-term frequency × boost × the planner's factor (prefix, fuzzy, exact form). */
  weight: number;
  /** Σ over fields of boost · tf / B, combined before saturation (BM25F). */
  pseudoTf: number;
  /** weight · tf̃ / (tf̃ + k1). */
  score: number;
  fields: FieldExplanation[];
}

/** The clauses of `plan` that score document `doc`; empty when the document does not match. */
export function explainPlan(
  plan: PlanNode,
  segment: Segment,
  doc: number,
  weights: Bm25fWeights,
  layout: FieldLayout,
  fieldStats: readonly FieldStatistics[],
): TermExplanation[] {
  return explain(plan, segment, doc, weights, layout, fieldStats) ?? [];
}

function explain(
  plan: PlanNode,
  segment: Segment,
  doc: number,
  weights: Bm25fWeights,
  layout: FieldLayout,
  stats: readonly FieldStatistics[],
): TermExplanation[] | undefined {
  const data = segment.data;
  const width = data.scoredCount;
  const fieldEntry = (f: number, tf: number, part: number, clauseScore: number, pseudoTf: number): FieldExplanation => ({
    field: layout.fields[f]!.name,
    tf,
    length: data.fieldLengths[doc * width + f]!,
    avgLength: stats[f]!.avgLength,
    boost: stats[f]!.boost,
    b: stats[f]!.b,
    pseudoTf: part,
    score: (clauseScore * part) / pseudoTf,
  });
  switch (plan.kind) {
    case 'none':
      return undefined;
    case 'all':
      return segment.deletes.has(doc) ? undefined : [];
    case 'date': {
      const t = data.dates.value[doc]!;
      return t >= plan.from && t < plan.to ? [] : undefined;
    }
    case 'keyword': {
      const ordinal = data.dictionary.lookup(plan.term);
      const posting = ordinal < 0 ? undefined : readPosting(data, ordinal, doc);
      return posting !== undefined && (posting.mask & (1 << plan.field)) !== 0 ? [] : undefined;
    }
    case 'terms': {
      const out: TermExplanation[] = [];
      let matched = false;
      // In summation order (heaviest first), the order every scorer adds a bag's contributions in:
      // the explanation's scores then add up to the search score float for float.
      const order = summationOrder(plan.terms).slice(0, plan.terms.length);
      for (let p = 0; p < order.length; p++) {
        const term = plan.terms[order[p]!]!;
        if (term.weight === 0) continue;
        const ordinal = data.dictionary.lookup(term.term);
        const posting = ordinal < 0 ? undefined : readPosting(data, ordinal, doc);
        if (posting === undefined) continue;
        // Same operations in the same order as the executor, so the sum equals the search score.
        let pseudoTf = 0;
        const parts: Array<{ f: number; tf: number; part: number }> = [];
        for (let m = posting.mask; m !== 0; ) {
          const low = m & -m;
          m ^= low;
          if ((term.fieldMask & low) === 0) continue;
          const f = 31 - Math.clz32(low);
          const tf = posting.tfs[f]!;
          const norm = weights.normA[f]! + weights.normB[f]! * data.fieldLengths[doc * width + f]!;
          if (norm > 0) {
            const part = (weights.boost[f]! * tf) / norm;
            pseudoTf += part;
            parts.push({ f, tf, part });
          }
        }
        if (pseudoTf === 0) continue;
        if (term.weight < 0 && !matched) continue; // tie-breakers never make a document match
        if (term.weight > 0) matched = true;
        const score = (term.weight * pseudoTf) / (pseudoTf + weights.k1);
        out.push({
          term: isExactTerm(term.term) ? `="${term.term.slice(1)}"` : term.term,
          kind: isExactTerm(term.term) ? 'exact-form' : 'term',
          weight: term.weight,
          pseudoTf,
          score,
          fields: parts.map(({ f, tf, part }) => fieldEntry(f, tf, part, score, pseudoTf)),
        });
      }
      return matched ? out : undefined;
    }
    case 'phrase': {
      const postings = [];
      for (const t of plan.terms) {
        const ordinal = data.dictionary.lookup(t.term);
        const posting = ordinal < 0 ? undefined : readPosting(data, ordinal, doc);
        if (posting === undefined) return undefined;
        postings.push(posting);
      }
      const offsets = plan.terms.map((t) => t.offset);
      let pseudoTf = 0;
      const parts: Array<{ f: number; tf: number; part: number }> = [];
      for (let m = plan.fieldMask; m !== 0; ) {
        const low = m & -m;
        m ^= low;
        const f = 31 - Math.clz32(low);
        if (f >= width) continue;
        const freq = phraseFrequency(postings.map((p) => p.positions[f] ?? []), offsets, plan.slop);
        if (freq === 0) continue;
        const part = weights.fieldPart(f, freq, data.fieldLengths[doc * width + f]!);
        pseudoTf += part;
        parts.push({ f, tf: freq, part });
      }
      if (pseudoTf === 0) return undefined;
      const score = (plan.weight * pseudoTf) / (pseudoTf + weights.k1);
      return [{
        term: `"${plan.terms.map((t) => t.term).join(' ')}"${plan.slop > 0 ? `~${plan.slop}` : ''}`,
        kind: 'phrase',
        weight: plan.weight,
        pseudoTf,
        score,
        fields: parts.map(({ f, tf, part }) => fieldEntry(f, tf, part, score, pseudoTf)),
      }];
    }
    case 'bool': {
      const out: TermExplanation[] = [];
      for (const child of plan.must) {
        const e = explain(child, segment, doc, weights, layout, stats);
        if (e === undefined) return undefined;
        out.push(...e);
      }
      let anyShould = false;
      for (const child of plan.should) {
        const e = explain(child, segment, doc, weights, layout, stats);
        if (e === undefined) continue;
        anyShould = true;
        out.push(...e);
      }
      if (plan.must.length === 0 && plan.should.length > 0 && !anyShould) return undefined;
      for (const child of plan.mustNot) if (explain(child, segment, doc, weights, layout, stats) !== undefined) return undefined;
      if (plan.boost !== 1) for (const e of out) scaleExplanation(e, plan.boost);
      return out;
    }
  }
}

function scaleExplanation(e: TermExplanation, factor: number): void {
  e.weight *= factor;
  e.score *= factor;
  for (const f of e.fields) f.score *= factor;
}
