// The union stop list: a word any engine drops never becomes a query word.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadStopWordTest } from '../../../bench/perf/stop-words.js';

test('words dropped by Broadsheet, Lunr, FlexSearch or Snowball are stop words; content words are not', async () => {
  const isStop = await loadStopWordTest();
  for (const word of ['the', 'via', 'said', 'able', 'would', 'ourselves', 'know']) assert.ok(isStop(word), word);
  for (const word of ['port', 'harbour', 'budget', 'container', 'festival']) assert.not.ok(isStop(word), word);
});

test.run();
