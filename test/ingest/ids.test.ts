import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_ID_LENGTH, boundedId } from '../../src/ingest/ids.js';

test('ids up to the index limit are kept; a longer one is its start, `#` and a hash of all of it', () => {
  const atLimit = 'x'.repeat(MAX_ID_LENGTH);
  assert.is(boundedId(atLimit), atLimit);
  const long = `${atLimit}y`;
  const id = boundedId(long);
  assert.ok(id.length <= MAX_ID_LENGTH);
  assert.match(id, /^x{200}#[A-Za-z0-9_-]{43}$/);
  assert.is(boundedId(long), id, 'the same on every call');
  assert.is.not(boundedId(`${atLimit}z`), id, 'ids that differ only at the end stay different');
});

test('the kept start never ends between the halves of a surrogate pair', () => {
  const id = boundedId(`${'x'.repeat(199)}\ud83d\udea2${'y'.repeat(5000)}`);
  assert.ok(id.startsWith(`${'x'.repeat(199)}#`), id.slice(195, 205));
  assert.not.match(id, /\p{Cs}/u);
});

test.run();
