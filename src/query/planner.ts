// Turns a parsed query (AST) into an executable plan: analyses each clause with its field's analyzer,
// expands prefix and fuzzy terms against the dictionaries, weights terms with collection statistics,
// resolves field scopes and date filters. Every ranking factor it applies is defined here.

import type { Analyzer } from '../analysis/types.js';
import { normalize } from '../analysis/normalizer.js';
import type { TermDictionary } from '../index/dictionary.js';
import type { FieldLayout, IndexedField } from '../index/field-layout.js';
import { EXACT_MARK, exactTerm, isExactTerm } from '../index/exact-terms.js';
import { isKeywordTerm, keywordTerm as namespacedKeyword } from '../index/keyword-terms.js';
import { idf } from '../scoring/bm25f.js';
import { parseDateRange, parseDateSpan } from '../dates/index.js';
import { QueryLimitError, QueryParseError } from '../errors.js';
import type { BoolNode, PhraseNode, QueryNode, RangeNode, TermNode } from './ast.js';
import type { ScoringTerm } from './executor.js';
import type { PlanNode, PlannedQuery, TieBreak } from './plan.js';
import { autoFuzziness, fuzzyExpand } from './fuzzy.js';
import { MAX_TOKEN_LENGTH } from '../analysis/tokenizer.js';

/**
 * Ranking factors, relative to a plain term's BM25F weight. Together they give, for the same word,
 * exact form > same stem > prefix completion > fuzzy match:
 * - exact form over stem is a tie-break (see TieBreak in plan.ts): it orders documents whose scores
 *   are equal and never changes a score (as a score bonus it cost nDCG on CISI and MED and made every
 *   query decode the postings of each word's other forms);
 * - a prefix completion other than the word itself scores PREFIX_WEIGHT of a plain term;
 * - a fuzzy match at distance d of a budget e scores FUZZY_WEIGHT · (1 − d / (e + 1)).
 */
export const PREFIX_WEIGHT = 0.5;
export const FUZZY_WEIGHT = 0.4;
/**
 * Boosts are clamped to [MIN_BOOST, MAX_BOOST] (0 stays 0: the clause then scores nothing): beyond
 * these, weights overflow to Infinity or underflow to 0 and scores would stop being finite numbers.
 */
/** Distinct prefix and fuzzy clauses expanded per query; later ones are searched as plain words (strict: QueryLimitError). */
export const MAX_EXPANDED_CLAUSES = 64;
const NO_EXPANSIONS: Expansions = { ranked: [] };

export const MIN_BOOST = 1e-6;
export const MAX_BOOST = 1e6;

/** A usable boost: 0 stays 0, anything else is clamped into [MIN_BOOST, MAX_BOOST]. */
export function clampBoost(boost: number | undefined): number {
  if (boost === undefined) return 1;
  if (!(boost > 0)) return 0;
  return Math.min(MAX_BOOST, Math.max(MIN_BOOST, boost));
}

/**
 * Per field layout (one per index, fixed), per field mask: each analyzer of the mask's text and date
 * fields with the fields it serves. Made once, not per query word (a Map and an array each time
 * were 4 % of an AND query on a small index).
 */
const analyzerGroups = new WeakMap<FieldLayout, Map<number, ReadonlyArray<readonly [Analyzer, number]>>>();

/** Default cap on the terms one prefix or fuzzy clause expands to. */
export const DEFAULT_MAX_EXPANSIONS = 64;
/**
 * Exact forms examined per prefix when looking for a stem's other forms. Measured on Reuters: 17 on
 * average, 2,555 at most (two-letter stems); with the old limit of 256 over a prefix one letter
 * shorter, 946 of 26,062 variants were missed (so "act" did not outrank "acts" on a tie).
 */
const MAX_VARIANT_SCAN = 4096;

/** What the planner needs from the index: layout, statistics and dictionaries. */
export interface PlanContext {
  readonly layout: FieldLayout;
  /** Scored fields an unscoped clause searches (bit per field number). */
  readonly searchedMask: number;
  /** Per scored field, an override of its boost is applied by the executor's weights, not here. */
  readonly docCount: number;
  /** Live document frequency of a term across segments. */
  df(term: string): number;
  readonly dictionaries: readonly TermDictionary[];
  readonly strict: boolean;
  /** The query text, for error positions. */
  readonly query: string;
  readonly maxExpansions: number;
  /** Stem → its other exact forms in these segments; filled by the planner, owned by the index (cleared when segments change). */
  readonly variantCache?: Map<string, string[]>;
}

/** Plans `node`; throws QueryParseError/QueryLimitError only when `ctx.strict`. */
export function planQuery(node: QueryNode, ctx: PlanContext): PlannedQuery {
  const planner = new Planner(ctx);
  const plan = planner.plan(node);
  return { plan, tieBreaks: planner.tieBreaks, unknownWord: planner.unknownWord };
}

/** The stems a prefix or fuzzy clause may expand to that live documents hold, best first. */
interface Expansions {
  readonly ranked: ReadonlyArray<{ readonly s: string; readonly d: number; readonly df: number }>;
}

class Planner {
  readonly #ctx: PlanContext;
  readonly #dfCache = new Map<string, number>();
  /** Made on the first prefix or fuzzy clause: most queries have none. */
  #expansionCache: Map<string, Expansions> | undefined;
  /** Product of the enclosing bools' boosts (within [MIN_BOOST, MAX_BOOST]). */
  #scale = 1;
  readonly tieBreaks: TieBreak[] = [];
  unknownWord = false;

  constructor(ctx: PlanContext) {
    this.#ctx = ctx;
  }

  plan(node: QueryNode): PlanNode {
    switch (node.kind) {
      case 'empty':
        return { kind: 'none' };
      case 'all':
        return { kind: 'all' };
      case 'term':
        return this.#term(node);
      case 'phrase':
        return this.#phrase(node);
      case 'range':
        return this.#range(node);
      case 'bool':
        return this.#bool(node);
    }
  }

  #df(term: string): number {
    let df = this.#dfCache.get(term);
    if (df === undefined) {
      df = this.#ctx.df(term);
      this.#dfCache.set(term, df);
    }
    return df;
  }

  #fail(message: string, start: number, end: number): never {
    throw new QueryParseError(message, this.#ctx.query, Math.max(0, start), Math.max(0, end));
  }

  /** The field a clause is scoped to; undefined for unscoped or (lenient) unknown fields. */
  #scope(node: { field?: string; start: number; end: number }): IndexedField | 'unknown' | undefined {
    if (node.field === undefined) return undefined;
    const field = this.#ctx.layout.byName.get(node.field);
    if (field !== undefined) return field;
    if (this.#ctx.strict) this.#fail(`unknown field "${node.field}"`, node.start, node.end);
    return 'unknown';
  }

  #bool(node: BoolNode): PlanNode {
    const boost = this.#boostOf(node.boost);
    const outer = this.#scale;
    // Children are planned under this node's boost: theirs multiply with it (see #boostOf).
    if (boost > 0) this.#scale = outer * boost;
    try {
      return this.#boolUnder(node, boost);
    } finally {
      this.#scale = outer;
    }
  }

  /**
   * The boost a node gets: its own, clamped, and then clamped again so that its product with every
   * enclosing bool's stays within [MIN_BOOST, MAX_BOOST]. Nested boosts multiply, and a tree 61 levels
   * deep at 1e6 each reached Infinity (NaN once a recency factor of 0 multiplied it).
   */
  #boostOf(given: number | undefined): number {
    const own = clampBoost(given);
    if (own === 0) return 0;
    const scale = this.#scale;
    return Math.min(MAX_BOOST, Math.max(MIN_BOOST, scale * own)) / scale;
  }

  #boolUnder(node: BoolNode, boost: number): PlanNode {
    const must = node.must.map((c) => this.plan(c));
    const mustNot = node.mustNot.map((c) => this.plan(c));
    const should: PlanNode[] = [];
    const bag: ScoringTerm[] = [];
    for (const child of node.should) {
      // Unboosted OR-groups flatten into their parent, so `a (b c)` ranks like `a b c`.
      const planned = this.plan(child);
      if (planned.kind === 'terms') bag.push(...planned.terms);
      else if (planned.kind === 'bool' && planned.must.length === 0 && planned.mustNot.length === 0 && planned.boost === 1) {
        for (const s of planned.should) {
          if (s.kind === 'terms') bag.push(...s.terms);
          else should.push(s);
        }
      } else if (planned.kind !== 'none') should.push(planned);
    }
    if (bag.length > 0) should.unshift({ kind: 'terms', terms: mergeTerms(bag) });
    if (must.length === 0 && mustNot.length === 0 && boost === 1 && should.length === 1) return should[0]!;
    if (must.length === 0 && should.length === 0 && mustNot.length === 0) return { kind: 'none' };
    return { kind: 'bool', must, should, mustNot, boost };
  }

  #term(node: TermNode): PlanNode {
    const scope = this.#scope(node);
    const boost = this.#boostOf(node.boost);
    if (scope === 'unknown') {
      // Lenient: `nutrition: requirements` was prose with a colon; search both words.
      return this.#bag(`${node.field} ${node.text}`, this.#ctx.searchedMask, boost);
    }
    if (scope !== undefined && scope.kind === 'keyword') {
      return { kind: 'keyword', term: namespacedKeyword(scope.number, keywordTerm(node.text)), field: scope.number };
    }
    if (scope !== undefined && scope.kind === 'date') {
      const span = parseDateSpan(node.text);
      if (span !== undefined) return { kind: 'date', from: span.from, to: span.to };
      if (node.prefix === true || node.fuzzy !== undefined) {
        if (this.#ctx.strict) this.#fail(`"${node.text}" is not a date`, node.start, node.end);
      }
    }
    const mask = scope === undefined ? this.#ctx.searchedMask : 1 << scope.number;
    if (node.prefix === true) return this.#prefix(node.text, mask, boost, node);
    if (node.fuzzy !== undefined) return this.#fuzzy(node.text, node.fuzzy, mask, boost, node);
    return this.#bag(node.text, mask, boost);
  }

  /** Plain words: each analysed term at full weight, with the exact-form tie-breakers. */
  #bag(text: string, mask: number, boost: number, factor = 1): PlanNode {
    const terms: ScoringTerm[] = [];
    for (const [analyzer, fieldMask] of this.#analyzers(mask)) {
      analyzer.analyze(text, (term, _position, _start, _end, exact) => {
        this.#addWord(terms, analyzer, term, exact, fieldMask, boost * factor);
      });
    }
    return terms.length === 0 ? { kind: 'none' } : { kind: 'terms', terms: mergeTerms(terms) };
  }

  /** One analysed word: its stem scores; its exact form (or its stem's other forms) break ties. */
  #addWord(out: ScoringTerm[], analyzer: Analyzer, term: string, exact: string | undefined, fieldMask: number, weight: number): void {
    const df = this.#df(term);
    if (df === 0) {
      this.unknownWord = true;
      return;
    }
    out.push({ term, fieldMask, weight: idf(this.#ctx.docCount, df) * weight });
    const textMask = fieldMask & this.#textMask();
    if (textMask === 0 || weight === 0) return;
    if (exact !== undefined) {
      const marker = exactTerm(exact);
      if (this.#df(marker) > 0) this.tieBreaks.push({ fieldMask: textMask, exact: marker, variants: [] });
      return;
    }
    // The word is its own stem: documents that hold it only through other forms (ports for port) lose ties.
    const variants = this.#variants(analyzer, term);
    if (variants.length > 0) this.tieBreaks.push({ fieldMask: textMask, exact: undefined, variants });
  }

  /** Exact-form terms in the index whose stem is `stem` (Porter2 keeps all but ≤ 2 final letters). */
  #variants(analyzer: Analyzer, stem: string): string[] {
    const cache = this.#ctx.variantCache;
    const cached = cache?.get(stem);
    if (cached !== undefined) return cached;
    const found = this.#findVariants(analyzer, stem);
    cache?.set(stem, found);
    return found;
  }

  /**
   * Porter2 changes at most a stem's last letter (happy → happi, hoping → hope, ability → abil):
   * every word of the Snowball vocabulary starts with its stem less one letter, but for the y-ing
   * family (dying → die), so those prefixes are scanned, each up to MAX_VARIANT_SCAN forms (a
   * two-letter stem's range can be long). A custom stemmer breaking this may miss variants (ties only).
   */
  #findVariants(analyzer: Analyzer, stem: string): string[] {
    const heads = [EXACT_MARK + stem.slice(0, Math.max(1, stem.length - 1))];
    if (/^[a-z]ie$/.test(stem)) heads.push(`${EXACT_MARK}${stem[0]!}y`);
    const found = new Set<string>();
    for (const dict of this.#ctx.dictionaries) {
      for (const head of heads) {
        const [from, to] = dict.prefixRange(head);
        for (let o = from; o < to && o - from < MAX_VARIANT_SCAN; o++) {
          const marker = dict.term(o);
          if (found.has(marker)) continue;
          if (stemOf(analyzer, marker.slice(1)) === stem && this.#df(marker) > 0) found.add(marker);
        }
      }
    }
    return [...found];
  }

  #textMask(): number {
    let mask = 0;
    for (const f of this.#ctx.layout.fields) if (f.kind === 'text') mask |= 1 << f.number;
    return mask;
  }

  /** The distinct analyzers of the fields in `mask`, each with the fields it serves. */
  #analyzers(mask: number): ReadonlyArray<readonly [Analyzer, number]> {
    const layout = this.#ctx.layout;
    let byMask = analyzerGroups.get(layout);
    if (byMask === undefined) analyzerGroups.set(layout, (byMask = new Map()));
    let found = byMask.get(mask);
    if (found === undefined) {
      const groups = new Map<Analyzer, number>();
      for (const f of layout.fields) {
        if ((mask & (1 << f.number)) === 0 || f.kind === 'keyword') continue;
        groups.set(f.analyzer, (groups.get(f.analyzer) ?? 0) | (1 << f.number));
      }
      found = [...groups];
      byMask.set(mask, found);
    }
    return found;
  }

  #prefix(text: string, mask: number, boost: number, node: TermNode): PlanNode {
    const prefix = normalize(text);
    if (prefix === '') return { kind: 'none' };
    const terms: ScoringTerm[] = [];
    for (const [analyzer, fieldMask] of this.#analyzers(mask)) {
      const own = stemOf(analyzer, prefix);
      // The word itself, if it is one, scores as a plain word (exact form and stem); a prefix that is
      // not a word is no unknown word (did-you-mean would walk the vocabulary at distance 2 for nothing).
      const known = !this.unknownWord;
      analyzer.analyze(prefix, (term, _p, _s, _e, exact) => this.#addWord(terms, analyzer, term, exact, fieldMask, boost));
      if (known) this.unknownWord = false;
      const { ranked } = this.#expansions(`p\u0000${fieldMask}\u0000${prefix}`, () => {
        const stems = new Set<string>();
        for (const dict of this.#ctx.dictionaries) {
          for (const head of [prefix, EXACT_MARK + prefix]) {
            const [from, to] = dict.prefixRange(head);
            for (let o = from; o < to; o++) {
              const t = dict.term(o);
              const stem = isExactTerm(t) ? stemOf(analyzer, t.slice(1)) : t;
              if (stem !== undefined && stem !== own) stems.add(stem);
            }
          }
        }
        const found = [...stems].map((s) => ({ s, d: 0, df: this.#df(s) })).filter((x) => x.df > 0);
        found.sort((a, b) => b.df - a.df || (a.s < b.s ? -1 : 1));
        return { ranked: found };
      }, node);
      // Only terms some live document holds count: removed documents' words must not trip the limit.
      this.#limit(ranked.length, node);
      for (const { s, df } of ranked.slice(0, this.#ctx.maxExpansions)) {
        terms.push({ term: s, fieldMask, weight: idf(this.#ctx.docCount, df) * boost * PREFIX_WEIGHT, expansion: true });
      }
    }
    return terms.length === 0 ? { kind: 'none' } : { kind: 'terms', terms: mergeTerms(terms) };
  }

  #fuzzy(text: string, fuzzy: 'auto' | 1 | 2, mask: number, boost: number, node: TermNode): PlanNode {
    const word = normalize(text);
    if (word === '') return { kind: 'none' };
    const edits = fuzzy === 'auto' ? autoFuzziness(word) : fuzzy;
    const terms: ScoringTerm[] = [];
    for (const [analyzer, fieldMask] of this.#analyzers(mask)) {
      const own = stemOf(analyzer, word);
      const known = !this.unknownWord;
      analyzer.analyze(word, (term, _p, _s, _e, exact) => this.#addWord(terms, analyzer, term, exact, fieldMask, boost));
      if (edits === 0) continue;
      // A word longer than every term by more than `edits` has nothing within reach: walking the
      // vocabulary with a 10,000-unit word cost 0.27 s.
      if (word.length > MAX_TOKEN_LENGTH + edits) {
        // Only then is the longest term looked up (a walk of each dictionary, once): custom analyzers may make longer ones.
        let longest = 0;
        for (const dict of this.#ctx.dictionaries) longest = Math.max(longest, dict.longestTerm);
        if (word.length > longest + edits) continue;
      }
      // A word asked for fuzzily is not "unknown" when absent: its expansions are the correction, and
      // a did-you-mean walk (distance 2 over the vocabulary) would cost more than the search itself.
      if (known) this.unknownWord = false;
      const { ranked } = this.#expansions(`f\u0000${fieldMask}\u0000${edits}\u0000${word}`, () => {
        const best = new Map<string, number>();
        for (const dict of this.#ctx.dictionaries) {
          // Every term within the distance, from every segment: a cut here (closest, then in
          // dictionary order) kept different terms for different segment layouts, before the ranking
          // by frequency below could choose.
          const all = dict.terms;
          const matches = [
            ...fuzzyExpand(all, word, { maxEdits: edits, maxExpansions: Number.MAX_SAFE_INTEGER }),
            ...fuzzyExpand(all, EXACT_MARK + word, { maxEdits: edits, prefixLength: 1, maxExpansions: Number.MAX_SAFE_INTEGER }),
          ];
          for (const m of matches) {
            if (m.distance === 0 || isKeywordTerm(m.term)) continue;
            const stem = isExactTerm(m.term) ? stemOf(analyzer, m.term.slice(1)) : m.term;
            if (stem === undefined || stem === own) continue;
            best.set(stem, Math.min(best.get(stem) ?? Infinity, m.distance));
          }
        }
        const found = [...best].map(([s, d]) => ({ s, d, df: this.#df(s) })).filter((x) => x.df > 0);
        // Closest first, then the most frequent: did-you-mean logic, and what the cap keeps.
        found.sort((a, b) => a.d - b.d || b.df - a.df || (a.s < b.s ? -1 : 1));
        return { ranked: found };
      }, node);
      this.#limit(ranked.length, node);
      for (const { s, d, df } of ranked.slice(0, this.#ctx.maxExpansions)) {
        terms.push({ term: s, fieldMask, weight: idf(this.#ctx.docCount, df) * boost * FUZZY_WEIGHT * (1 - d / (edits + 1)), expansion: true });
      }
    }
    return terms.length === 0 ? { kind: 'none' } : { kind: 'terms', terms: mergeTerms(terms) };
  }

  /**
   * A prefix or fuzzy clause's ranked expansions, computed once per query for each key: a query that
   * repeats `s*` a thousand times (within the clause limit) walked the vocabulary a thousand times (1.8 s).
   */
  #expansions(key: string, compute: () => Expansions, node: TermNode): Expansions {
    const cache = (this.#expansionCache ??= new Map<string, Expansions>());
    let found = cache.get(key);
    if (found === undefined) {
      // Each distinct clause walks the vocabulary (about 2 ms over 100k terms at distance 2): past
      // MAX_EXPANDED_CLAUSES, a lenient query searches the word alone; 1,000 distinct fuzzy words in
      // one 10,000-character query took 2.2 s.
      if (cache.size >= MAX_EXPANDED_CLAUSES) {
        if (this.#ctx.strict) {
          throw new QueryLimitError(`more than ${MAX_EXPANDED_CLAUSES} distinct prefix or fuzzy clauses (at "${node.text}")`, 'expandedClauses', MAX_EXPANDED_CLAUSES, cache.size + 1);
        }
        return NO_EXPANSIONS;
      }
      found = compute();
      cache.set(key, found);
    }
    return found;
  }

  #limit(count: number, node: TermNode): void {
    if (this.#ctx.strict && count > this.#ctx.maxExpansions) {
      throw new QueryLimitError(`"${node.text}" expands to ${count} terms (limit ${this.#ctx.maxExpansions})`, 'expansions', this.#ctx.maxExpansions, count);
    }
  }

  #phrase(node: PhraseNode): PlanNode {
    const scope = this.#scope(node);
    const boost = this.#boostOf(node.boost);
    if (scope === 'unknown') return this.#bag(`${node.field} ${node.text}`, this.#ctx.searchedMask, boost);
    if (scope !== undefined && scope.kind === 'keyword') return { kind: 'keyword', term: namespacedKeyword(scope.number, keywordTerm(node.text)), field: scope.number };
    if (scope !== undefined && scope.kind === 'date') {
      const span = parseDateSpan(node.text);
      if (span !== undefined) return { kind: 'date', from: span.from, to: span.to };
    }
    const mask = scope === undefined ? this.#ctx.searchedMask : 1 << scope.number;
    const alternatives: PlanNode[] = [];
    for (const [analyzer, fieldMask] of this.#analyzers(mask)) {
      const tokens: Array<{ term: string; position: number }> = [];
      analyzer.analyze(node.text, (term, position) => tokens.push({ term, position }));
      if (tokens.length === 0) continue;
      if (tokens.length === 1) {
        const only = this.#bag(node.text, fieldMask, boost);
        if (only.kind !== 'none') alternatives.push(only);
        continue;
      }
      const first = tokens[0]!.position;
      let weight = 0;
      let missing = false;
      for (const t of tokens) {
        const df = this.#df(t.term);
        if (df === 0) missing = true;
        weight += idf(this.#ctx.docCount, Math.max(df, 1));
      }
      if (missing) continue; // a term no document has: the phrase cannot match
      alternatives.push({
        kind: 'phrase',
        terms: tokens.map((t) => ({ term: t.term, offset: t.position - first })),
        slop: node.slop,
        fieldMask,
        weight: weight * boost,
      });
    }
    if (alternatives.length === 0) return { kind: 'none' };
    return alternatives.length === 1 ? alternatives[0]! : { kind: 'bool', must: [], should: alternatives, mustNot: [], boost: 1 };
  }

  #range(node: RangeNode): PlanNode {
    const field = this.#ctx.layout.byName.get(node.field);
    if (field !== undefined && field.kind === 'date') {
      const span = parseDateRange(node.lower, node.upper, { lower: node.includeLower, upper: node.includeUpper });
      if (span !== undefined) return { kind: 'date', from: span.from, to: span.to };
      if (this.#ctx.strict) this.#fail('range bounds are not dates', node.start, node.end);
    } else if (this.#ctx.strict) {
      this.#fail(`ranges are supported on the date field, not on "${node.field}"`, node.start, node.end);
    }
    // Lenient: a range that cannot filter degrades to its bounds as words.
    return this.#bag(`${node.lower ?? ''} ${node.upper ?? ''}`, this.#ctx.searchedMask, this.#boostOf(node.boost));
  }
}

/** The stem of one word under `analyzer` (undefined for a stop word). */
function stemOf(analyzer: Analyzer, word: string): string | undefined {
  let out: string | undefined;
  analyzer.analyze(word, (term) => {
    if (out === undefined) out = term;
  });
  return out;
}

/** Keyword values are matched whole, normalised like the keyword analyzer does at index time. */
function keywordTerm(text: string): string {
  return normalize(text.trim());
}

/** Sums the weights of duplicate (term, fields) entries, keeping first-seen order: qtf weighting. */
export function mergeTerms(terms: readonly ScoringTerm[]): ScoringTerm[] {
  // Most bags repeat nothing: a pairwise check of a few terms spares the keyed map and its strings.
  if (terms.length <= 8 && !repeats(terms)) return terms.slice();
  const byKey = new Map<string, ScoringTerm>();
  for (const t of terms) {
    const key = `${t.fieldMask}:${t.term}`;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, t);
    // A term that is also a literal word of the query is one (it pairs for proximity).
    else if (seen.expansion === true && t.expansion === true) byKey.set(key, { term: t.term, fieldMask: t.fieldMask, weight: seen.weight + t.weight, expansion: true });
    else byKey.set(key, { term: t.term, fieldMask: t.fieldMask, weight: seen.weight + t.weight });
  }
  return [...byKey.values()];
}

/** True when two terms of `terms` share term and field mask (what mergeTerms merges). */
function repeats(terms: readonly ScoringTerm[]): boolean {
  for (let i = 1; i < terms.length; i++) {
    for (let j = 0; j < i; j++) if (terms[i]!.term === terms[j]!.term && terms[i]!.fieldMask === terms[j]!.fieldMask) return true;
  }
  return false;
}
