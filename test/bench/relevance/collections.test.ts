// The collection loader on the real CISI, MED and CACM folders (skipped with a notice when
// shared/corpora is absent): counts from the corpora README and qrels/doc consistency.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { COLLECTION_NAMES, collectionDir, isCollectionPath, loadCollection } from '../../../bench/relevance/collections.js';

const expected: Record<string, { docs: number; queries: number; judgments: number }> = {
  cisi: { docs: 1460, queries: 76, judgments: 3114 },
  med: { docs: 1033, queries: 30, judgments: 696 },
  cacm: { docs: 3204, queries: 52, judgments: 796 },
};

test('COLLECTION_NAMES lists the three judged collections', () => {
  assert.equal([...COLLECTION_NAMES], ['cisi', 'med', 'cacm']);
});

test('an unknown collection has no folder', () => {
  assert.is(collectionDir('no-such-collection'), null);
});

test('a collection given by path: any folder with the three files, held-out judgments included', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'broadsheet-collection-'));
  try {
    const dir = path.join(work, 'heldout');
    mkdirSync(dir);
    assert.is(isCollectionPath(dir), true);
    assert.is(isCollectionPath('cisi'), false);
    writeFileSync(path.join(dir, 'docs.jsonl'), '{"id":"d1","title":"Port","body":"Ships."}\n{"id":"d2","title":"","body":"Trains."}\n');
    writeFileSync(path.join(dir, 'queries.jsonl'), '{"id":"1","text":"port ships"}\n');
    // Incomplete (no qrels yet): not a collection.
    assert.is(collectionDir(dir), null);
    writeFileSync(path.join(dir, 'qrels.tsv'), '1 0 d1 1\n');
    assert.is(collectionDir(dir), path.resolve(dir));
    const c = loadCollection(collectionDir(dir)!);
    assert.is(c.name, 'heldout');
    assert.equal(c.docs.map((d) => d.id), ['d1', 'd2']);
    assert.equal([...c.qrels.get('1')!.entries()], [['d1', 1]]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

for (const name of COLLECTION_NAMES) {
  const dir = collectionDir(name);
  if (dir === null) {
    console.log(`collections.test: ${name} not found under shared/corpora, skipped`);
    continue;
  }
  test(`${name}: documents, queries and judgments as the corpora README counts them`, () => {
    const collection = loadCollection(dir);
    const want = expected[name];
    assert.ok(want !== undefined);
    assert.is(collection.name, name);
    assert.is(collection.docs.length, want.docs);
    assert.is(collection.queries.length, want.queries);
    let judgments = 0;
    for (const perQuery of collection.qrels.values()) judgments += perQuery.size;
    assert.is(judgments, want.judgments);
  });

  test(`${name}: every judged query has a text and every judged doc exists`, () => {
    const collection = loadCollection(dir);
    const docIds = new Set(collection.docs.map((d) => d.id));
    const queryIds = new Set(collection.queries.map((q) => q.id));
    for (const [qid, judgments] of collection.qrels) {
      assert.ok(queryIds.has(qid), `query ${qid}`);
      for (const docId of judgments.keys()) assert.ok(docIds.has(docId), `doc ${docId}`);
    }
  });
}

const cacmDir = collectionDir('cacm');
if (cacmDir !== null) {
  test('cacm: dates are carried over, cisi and med have none', () => {
    const cacm = loadCollection(cacmDir);
    assert.is(cacm.docs[0]?.date?.length, 10);
    const med = collectionDir('med');
    if (med !== null) assert.is(loadCollection(med).docs.filter((d) => d.date !== undefined).length, 0);
  });
}

test.run();
