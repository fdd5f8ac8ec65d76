// Model-based test: random add/remove/replace sequences, with flushes and merges, give exactly the
// results (ids and scores) of an index rebuilt from the surviving documents. Midway the index is saved
// and loaded, and work goes on on the loaded one: its segments then merge with lazily read metadata.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SearchIndex, type NewsDocument } from '../../src/index.js';
import { randomDate, randomText, rng } from '../_support/random.js';

const QUERIES = ['port', 'trade fair', 'budget deficit investment', 'march', 'constructor __proto__', 'qingdao city council growth', '2024'];

function snapshot(index: SearchIndex): unknown {
  return QUERIES.map((q) => index.search(q, { limit: 20 }));
}

for (const seed of [11, 12, 13, 14, 15, 16]) {
  test(`random operations match a rebuilt index (seed ${seed})`, () => {
    const random = rng(seed);
    let index = new SearchIndex({ maxBufferedDocs: 1 + Math.floor(random() * 8), maxSegments: 2 + Math.floor(random() * 3) });
    const model = new Map<string, NewsDocument>();
    let next = 0;
    const makeDoc = (id: string): NewsDocument => {
      const date = randomDate(random);
      return { id, title: randomText(random, 5), body: randomText(random, 40), ...(date === undefined ? {} : { date }) };
    };
    for (let step = 0; step < 400; step++) {
      const r = random();
      const ids = [...model.keys()];
      if (r < 0.45 || ids.length === 0) {
        const doc = makeDoc(`doc-${next++}`);
        index.add(doc);
        model.set(doc.id, doc);
      } else if (r < 0.65) {
        const id = ids[Math.floor(random() * ids.length)]!;
        assert.ok(index.remove(id));
        model.delete(id);
      } else if (r < 0.85) {
        const id = ids[Math.floor(random() * ids.length)]!;
        const doc = makeDoc(id);
        index.replace(doc);
        model.set(id, doc);
      } else if (r < 0.95) {
        index.flush();
      } else {
        index.optimize();
      }
      if (step % 100 === 74) index = SearchIndex.deserialize(index.serialize());
      if (step % 50 === 49) {
        const rebuilt = new SearchIndex();
        rebuilt.addAll([...model.values()].reverse());
        assert.equal(index.size, model.size);
        assert.equal(snapshot(index), snapshot(rebuilt), `seed ${seed}, step ${step}`);
        assert.equal(snapshot(SearchIndex.deserialize(index.serialize())), snapshot(rebuilt), `seed ${seed}, step ${step}, loaded`);
      }
    }
  });
}

test.run();
