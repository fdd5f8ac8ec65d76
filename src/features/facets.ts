// Facet counts over a whole match set: by year, by month (from the date column) and by the values of
// keyword fields. Counts are exact; values come back most frequent first, ties by value.

import type { DocRef, IndexView } from './index-view.js';
import { keywordColumn } from './keyword-values.js';
import { InvalidOptionError } from '../errors.js';

/** Which facets to count. */
export interface FacetRequest {
  /** Counts by year (`"2024"`). */
  year?: boolean;
  /** Counts by month (`"2024-03"`). */
  month?: boolean;
  /** Keyword fields to count values of (e.g. `['source', 'category']`). */
  fields?: readonly string[];
  /** Most values returned per facet (default 10; dates are returned in full when ≤ 0). */
  limit?: number;
}

/** One facet value and how many matches carry it; `value` works as a filter (`where` or `date:`). */
export interface FacetCount {
  value: string;
  count: number;
}

/** Facet counts by name: `year`, `month`, and each requested keyword field. */
export type Facets = Record<string, FacetCount[]>;

/** Counts the requested facets over `matches`. */
export function countFacets(view: IndexView, matches: readonly DocRef[], request: FacetRequest): Facets {
  const limit = request.limit === undefined ? 10 : request.limit;
  if (!Number.isInteger(limit)) throw new InvalidOptionError('facets.limit must be an integer', 'facets');
  const out: Facets = {};
  if (request.year === true || request.month === true) {
    const years = new Map<string, number>();
    const months = new Map<string, number>();
    for (const { segment, doc } of matches) {
      const t = view.segments[segment]!.data.dates.value[doc]!;
      if (Number.isNaN(t)) continue;
      const iso = new Date(t).toISOString();
      years.set(iso.slice(0, 4), (years.get(iso.slice(0, 4)) ?? 0) + 1);
      months.set(iso.slice(0, 7), (months.get(iso.slice(0, 7)) ?? 0) + 1);
    }
    // Dates read best in calendar order, newest first.
    if (request.year === true) out['year'] = byValueDesc(years, limit);
    if (request.month === true) out['month'] = byValueDesc(months, limit);
  }
  for (const name of request.fields ?? []) {
    const field = view.layout.byName.get(name);
    if (field === undefined || field.kind !== 'keyword') throw new InvalidOptionError(`facets: ${name} is not a keyword field`, 'facets');
    const counts = new Map<string, number>();
    for (const { segment, doc } of matches) {
      const column = keywordColumn(view.segments[segment]!, field.number);
      for (const v of column.byDoc[doc] ?? []) {
        const value = column.values[v]!;
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
    }
    out[name] = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, limit > 0 ? limit : undefined);
  }
  return out;
}

function byValueDesc(counts: Map<string, number>, limit: number): FacetCount[] {
  const list = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => (a.value < b.value ? 1 : -1));
  return limit > 0 ? list.slice(0, limit) : list;
}
