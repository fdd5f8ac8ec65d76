// Facet counts over a whole match set: by year, by month (from the date column) and by the values of
// keyword fields. Counts are exact; values come back most frequent first, ties by value.

import type { DocRef, IndexView } from './index-view.js';
import { keywordColumn } from './keyword-values.js';
import { InvalidOptionError } from '../errors.js';
import { MS_PER_DAY, civilFromDays } from '../dates/civil.js';

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
    // Keyed by number (year; year × 12 + month index), so years before 0 and after 9999 neither merge
    // (a fixed slice of the ISO string read -000001 and -000050 as "-000") nor sort as strings.
    const years = new Map<number, number>();
    const months = new Map<number, number>();
    for (const { segment, doc } of matches) {
      const t = view.segments[segment]!.data.dates.value[doc]!;
      if (Number.isNaN(t)) continue;
      const { year, month } = civilFromDays(Math.floor(t / MS_PER_DAY));
      years.set(year, (years.get(year) ?? 0) + 1);
      const key = year * 12 + month - 1;
      months.set(key, (months.get(key) ?? 0) + 1);
    }
    // Dates read best in calendar order, newest first.
    if (request.year === true) out['year'] = newestFirst(years, limit, (y) => isoYear(y));
    if (request.month === true) out['month'] = newestFirst(months, limit, (m) => `${isoYear(Math.floor(m / 12))}-${String((m - Math.floor(m / 12) * 12) + 1).padStart(2, '0')}`);
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

function newestFirst(counts: Map<number, number>, limit: number, name: (key: number) => string): FacetCount[] {
  const keys = [...counts.keys()].sort((a, b) => b - a);
  const list = (limit > 0 ? keys.slice(0, limit) : keys).map((key) => ({ value: name(key), count: counts.get(key)! }));
  return list;
}

/** The year as ISO 8601 writes it: four digits in 0–9999, else a sign and six (as toISOString). */
function isoYear(year: number): string {
  if (year >= 0 && year <= 9999) return String(year).padStart(4, '0');
  return `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
}
