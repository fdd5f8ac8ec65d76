// A date range is tested inside the accumulator (and the pruned walk) rather than as a per-hit
// filter: it must select exactly what the same range written as a filter predicate selects, with
// the same scores, order and totals, whatever the path (one term pruned, several accumulated,
// phrases and booleans evaluated), across segments and deletes; undated documents never match.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SearchIndex } from '../../src/index.js';
import { parseDate } from '../../src/dates/index.js';
import { randomDate, randomText, rng } from '../_support/random.js';

function corpus(seed: number): { index: SearchIndex; dates: Map<string, number> } {
  const random = rng(seed);
  const index = new SearchIndex({ maxBufferedDocs: 2000, maxSegments: 4 });
  const dates = new Map<string, number>();
  for (let i = 0; i < 2500; i++) {
    const date = randomDate(random);
    const id = `d${i}`;
    // 'port' in most bodies: a list long enough for the pruned one-term walk.
    const body = `${random() < 0.7 ? 'port ' : ''}${randomText(random, 30)}`;
    index.add(date === undefined ? { id, title: randomText(random, 5), body } : { id, title: randomText(random, 5), body, date });
    dates.set(id, date === undefined ? NaN : parseDate(date)!);
  }
  for (let i = 0; i < 2500; i += 97) index.remove(`d${i}`);
  return { index, dates };
}

for (const seed of [1, 2]) {
  test(`date ranges select what the equivalent predicate selects (seed ${seed})`, () => {
    const { index, dates } = corpus(seed);
    const random = rng(seed + 100);
    const queries = ['port', 'port harbour', 'port ship crane', '"port harbour"', 'port AND ship', 'port -ship', 'harbour OR crane'];
    for (let r = 0; r < 12; r++) {
      const a = Date.UTC(2023, Math.floor(random() * 30), 1);
      const b = a + Math.floor(random() * 400) * 86_400_000;
      for (const query of queries) {
        for (const limit of [10, 2000]) {
          const ranged = index.search(query, { limit, dateRange: { from: a, to: b } });
          const predicate = index.search(query, {
            limit,
            filter: (_doc, id) => {
              const t = dates.get(id)!;
              return t >= a && t <= b;
            },
          });
          const label = `"${query}" ${new Date(a).toISOString()}..${new Date(b).toISOString()} limit ${limit}`;
          assert.is(ranged.total, predicate.total, `${label}: total`);
          assert.equal(ranged.hits.map((h) => h.id), predicate.hits.map((h) => h.id), `${label}: ids`);
          assert.equal(ranged.hits.map((h) => h.score), predicate.hits.map((h) => h.score), `${label}: scores`);
          for (const hit of ranged.hits) assert.ok(!Number.isNaN(dates.get(hit.id)!), `${hit.id} is dated`);
        }
      }
    }
  });
}

test.run();
