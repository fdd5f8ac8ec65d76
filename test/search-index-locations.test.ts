// Specification of the facade's id → location bookkeeping: has/size/remove/replace, duplicate-id
// refusal, explain and related find every live document wherever it sits (writer buffer, flushed
// segments, merged segments, a loaded index), and ids of removed documents are free again.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InvalidDocumentError } from '../src/errors.js';
import { SearchIndex, type NewsDocument } from '../src/index.js';
import { randomText, rng } from './_support/random.js';

function doc(id: string, title: string, body = ''): NewsDocument {
  return { id, title, body };
}

/** Every live id explains (so its location names the right segment and DocId) with the search's score. */
function assertLocated(index: SearchIndex, ids: readonly string[]): void {
  for (const id of ids) {
    assert.ok(index.has(id), id);
    const explanation = index.explain(`unique${id.replace(/\W/g, '')}`, id);
    assert.ok(explanation !== undefined, `explain ${id}`);
    const hit = index.search(`unique${id.replace(/\W/g, '')}`).hits[0];
    assert.is(hit?.id, id);
    assert.ok(Math.abs(explanation.score - (hit?.score ?? NaN)) < 1e-9, `score of ${id}`);
  }
}

function tagged(id: string, random: () => number): NewsDocument {
  // A word only this document has, so a search for it locates exactly it.
  return doc(id, `${randomText(random, 4)} unique${id.replace(/\W/g, '')}`, randomText(random, 20));
}

test('duplicate ids are refused wherever the first copy sits', () => {
  const index = new SearchIndex({ maxBufferedDocs: 3, maxSegments: 2 });
  const check = (id: string): void => {
    const error = (() => {
      try {
        index.add(doc(id, 'again'));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    assert.instance(error, InvalidDocumentError);
    assert.is((error as InvalidDocumentError).id, id);
    assert.throws(() => index.addAll([doc('fresh', 'x'), doc(id, 'again')]), (e: unknown) => e instanceof InvalidDocumentError);
    assert.not.ok(index.has('fresh'));
  };
  index.add(doc('a', 'port'));
  check('a'); // in the writer's buffer
  for (let i = 0; i < 10; i++) index.add(doc(`b${i}`, 'port')); // flushed, then merged
  check('a');
  check('b9');
  assert.is(index.segmentCount <= 2, true);
  const loaded = SearchIndex.deserialize(index.serialize());
  assert.throws(() => loaded.add(doc('b3', 'again')), (e: unknown) => e instanceof InvalidDocumentError);
  assert.is(loaded.size, 11);
});

test('has, size, remove and replace through buffer, flushes, merges, optimize and load', () => {
  const random = rng(9);
  const index = new SearchIndex({ maxBufferedDocs: 4, maxSegments: 3 });
  const live = new Set<string>();
  let next = 0;
  for (let step = 0; step < 300; step++) {
    const r = random();
    const ids = [...live];
    if (r < 0.5 || ids.length === 0) {
      const id = `d${next++}`;
      index.add(tagged(id, random));
      live.add(id);
    } else if (r < 0.7) {
      const id = ids[Math.floor(random() * ids.length)]!;
      assert.ok(index.remove(id));
      assert.not.ok(index.remove(id));
      live.delete(id);
    } else if (r < 0.85) {
      const id = ids[Math.floor(random() * ids.length)]!;
      index.replace(tagged(id, random));
    } else if (r < 0.95) {
      index.flush();
    } else {
      index.optimize();
    }
    assert.is(index.size, live.size);
  }
  assert.ok(index.segmentCount > 1);
  assertLocated(index, [...live]);
  for (let i = 0; i < next; i++) assert.is(index.has(`d${i}`), live.has(`d${i}`));

  const loaded = SearchIndex.deserialize(index.serialize());
  assert.is(loaded.size, live.size);
  assertLocated(loaded, [...live]);
  // The loaded index keeps working: remove, re-add the same id, merge.
  const [first, second] = [...live];
  assert.ok(loaded.remove(first!));
  assert.not.ok(loaded.has(first!));
  loaded.add(tagged(first!, random));
  loaded.replace(tagged(second!, random));
  loaded.optimize();
  assert.is(loaded.size, live.size);
  assertLocated(loaded, [...live]);
});

test('a removed id is free again, in the buffer and after a flush', () => {
  const index = new SearchIndex();
  index.add(doc('x', 'harbour'));
  assert.ok(index.remove('x'));
  index.add(doc('x', 'port'));
  assert.equal(index.search('harbour').hits, []);
  index.flush();
  assert.ok(index.remove('x'));
  assert.is(index.size, 0);
  index.add(doc('x', 'harbour trade'));
  assert.equal(index.search('harbour').hits.map((h) => h.id), ['x']);
  assert.equal(index.related('x'), []);
  assert.is(index.size, 1);
});

test('related and explain see documents of every segment after merges', () => {
  const index = new SearchIndex({ maxBufferedDocs: 2, maxSegments: 2 });
  const words = 'port harbour trade budget deficit growth energy market'.split(' ');
  for (let i = 0; i < 12; i++) index.add(doc(`r${i}`, `${words[i % 8]} ${words[(i + 1) % 8]}`, `${words[(i + 2) % 8]} report`));
  for (let i = 0; i < 12; i++) {
    const related = index.related(`r${i}`);
    assert.ok(related.length > 0, `related r${i}`);
    assert.not.ok(related.some((h) => h.id === `r${i}`));
    assert.ok(index.explain(words[i % 8]!, `r${i}`) !== undefined);
  }
  assert.is(index.explain('port', 'missing'), undefined);
});

test.run();
