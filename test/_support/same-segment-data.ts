// Asserts two segments' data are equal key by key: what "the same segment" means in builder and
// writer tests, whichever path made each.
import * as assert from 'uvu/assert';
import { IdColumn } from '../../src/index/id-column.js';
import { LazyColumn } from '../../src/index/lazy-column.js';
import type { SegmentData } from '../../src/index/segment.js';

export function assertSameSegmentData(a: SegmentData, b: SegmentData): void {
  for (const key of Object.keys(a) as (keyof SegmentData)[]) {
    const x: unknown = a[key] instanceof LazyColumn || a[key] instanceof IdColumn ? a[key].value : a[key];
    const y: unknown = b[key] instanceof LazyColumn || b[key] instanceof IdColumn ? b[key].value : b[key];
    if (key === 'dictionary') assert.equal([...a.dictionary.terms], [...b.dictionary.terms]);
    else if (key === 'exactStems') assert.equal([...a.exactStems.encode()], [...b.exactStems.encode()], key);
    else if (key === 'boundReference') {
      for (const part of ['boost', 'normA', 'normB'] as const) assert.equal(Array.from(a.boundReference[part]), Array.from(b.boundReference[part]), `${key}.${part}`);
    }
    else if (ArrayBuffer.isView(x) || Array.isArray(x)) assert.equal(Array.from(x as ArrayLike<unknown>), Array.from(y as ArrayLike<unknown>), key);
    else assert.is(x, y, key);
  }
}
