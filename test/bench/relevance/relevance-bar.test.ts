// The relevance bar of the core engine: on CISI, MED and CACM, Broadsheet on default settings scores at
// least the best peer's MAP and nDCG@10 (peers measured on this machine: Lunr, SQLite FTS5, MiniSearch).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { collectionDir, loadCollection } from '../../../bench/relevance/collections.js';
import { evaluateEngine } from '../../../bench/relevance/run.js';
import { createBroadsheetEngine } from '../../../bench/relevance/engines/broadsheet.js';

/** Best peer per collection, MAP / nDCG@10 (Lunr on CISI and CACM, FTS5 on MED), from bench/relevance/run.ts. */
const BEST_PEER: Record<string, { map: number; ndcg: number }> = {
  cisi: { map: 0.2218, ndcg: 0.3766 },
  med: { map: 0.5281, ndcg: 0.69 },
  cacm: { map: 0.3312, ndcg: 0.4748 },
};

for (const [name, peer] of Object.entries(BEST_PEER)) {
  test(`${name}: MAP and nDCG@10 at least the best peer's`, async () => {
    const dir = collectionDir(name);
    if (dir === null) {
      console.log(`  ../shared/corpora/${name} not found: relevance bar skipped`);
      return;
    }
    const e = await evaluateEngine(createBroadsheetEngine(), loadCollection(dir));
    const map = e.means['map']!;
    const ndcg = e.means['ndcg_cut_10']!;
    assert.ok(map >= peer.map, `${name} MAP ${map.toFixed(4)} < best peer ${peer.map}`);
    assert.ok(ndcg >= peer.ndcg, `${name} nDCG@10 ${ndcg.toFixed(4)} < best peer ${peer.ndcg}`);
  });
}

test.run();
