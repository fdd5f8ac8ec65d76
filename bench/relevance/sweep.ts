// Parameter sweep for Broadsheet's default BM25F settings over CISI, MED and CACM together.
// Chooses by the worst ratio to the best peer across collections and measures (robust, not tuned per collection).
// Run: node --import tsx bench/relevance/sweep.ts [--k1 0.9,1.2] [--title-b 0.3,0.5] [--body-b 0.6,0.75] [--title-boost 1.5,2,3]

import { SearchIndex, defaultNewsSchema, type Schema } from '../../src/index.js';
import { COLLECTION_NAMES, collectionDir, loadCollection, type Collection } from './collections.js';
import { ENGINE_LOADERS, evaluateEngine } from './run.js';
import type { RelevanceEngine } from './engine.js';

function list(flag: string, fallback: number[]): number[] {
  const i = process.argv.indexOf(flag);
  if (i < 0) return fallback;
  return (process.argv[i + 1] ?? '').split(',').map(Number);
}

const k1s = list('--k1', [0.9, 1.2, 1.5]);
const titleBs = list('--title-b', [0.3, 0.5, 0.75]);
const bodyBs = list('--body-b', [0.6, 0.75, 0.9]);
const titleBoosts = list('--title-boost', [1, 1.5, 2, 3]);
const MEASURES = ['map', 'ndcg_cut_10'] as const;

const collections: Collection[] = [];
for (const name of COLLECTION_NAMES) {
  const dir = collectionDir(name);
  if (dir !== null) collections.push(loadCollection(dir));
}
if (collections.length === 0) {
  console.log('../shared/corpora not found: nothing to sweep');
  process.exit(0);
}

// Best peer per collection and measure, measured in this run.
const best = new Map<string, number>();
for (const key of [...ENGINE_LOADERS.keys()].filter((k) => k !== 'broadsheet')) {
  const engine = await ENGINE_LOADERS.get(key)!();
  for (const c of collections) {
    const e = await evaluateEngine(engine, c);
    for (const m of MEASURES) best.set(`${c.name}/${m}`, Math.max(best.get(`${c.name}/${m}`) ?? 0, e.means[m]!));
  }
}

interface Row { config: string; worst: number; mean: number; cells: string[] }
const rows: Row[] = [];
for (const k1 of k1s) {
  for (const titleB of titleBs) {
    for (const bodyB of bodyBs) {
      const schema: Schema = defaultNewsSchema();
      schema['title'] = { type: 'text', boost: 1, b: titleB, stored: true };
      schema['body'] = { type: 'text', boost: 1, b: bodyB };
      const indexes = collections.map((c) => {
        const index = new SearchIndex({ schema, k1 });
        index.addAll(c.docs.map((d) => ({ id: d.id, title: d.title, body: d.body, ...(d.date === undefined ? {} : { date: d.date }) })));
        return index;
      });
      for (const titleBoost of titleBoosts) {
        const ratios: number[] = [];
        const cells: string[] = [];
        for (let i = 0; i < collections.length; i++) {
          const c = collections[i]!;
          const index = indexes[i]!;
          const engine: RelevanceEngine = {
            name: 'sweep',
            build: () => undefined,
            search: (text, k) => index.search(text, { limit: k, boost: { title: titleBoost } }).hits.map((h) => h.id),
          };
          const e = await evaluateEngine(engine, c);
          for (const m of MEASURES) {
            const r = e.means[m]! / best.get(`${c.name}/${m}`)!;
            ratios.push(r);
            cells.push(`${c.name} ${m}=${e.means[m]!.toFixed(4)} (${r.toFixed(3)})`);
          }
        }
        const config = `k1=${k1} titleB=${titleB} bodyB=${bodyB} titleBoost=${titleBoost}`;
        rows.push({ config, worst: Math.min(...ratios), mean: ratios.reduce((a, b) => a + b, 0) / ratios.length, cells });
      }
    }
  }
}
rows.sort((a, b) => b.worst - a.worst);
console.log('| config | worst ratio | mean ratio | details |\n| --- | ---: | ---: | --- |');
for (const r of rows.slice(0, 25)) console.log(`| ${r.config} | ${r.worst.toFixed(3)} | ${r.mean.toFixed(3)} | ${r.cells.join('; ')} |`);
