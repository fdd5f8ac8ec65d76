// The words behind the stems: a stem's own-form document frequency counts exactly the live documents
// where the stem is written as itself, across segments with deletes, against a count of the texts.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { englishAnalyzer } from '../../src/analysis/analyzer.js';
import { defaultNewsSchema } from '../../src/document.js';
import type { IndexView } from '../../src/features/index-view.js';
import { ownFormDf } from '../../src/features/vocabulary.js';
import { resolveFieldLayout } from '../../src/index/field-layout.js';
import { prepareDocument } from '../../src/index/prepare-document.js';
import type { Segment } from '../../src/index/segment.js';
import { SegmentWriter } from '../../src/index/segment-writer.js';
import { rng } from '../_support/random.js';

// Stems with forms: "port" is its own stem, "ports"/"porting" stem to it; "trade" → "trade",
// "trades"/"trading" likewise; "harbour" has no other form here.
const WORDS = ['port', 'ports', 'porting', 'trade', 'trades', 'trading', 'harbour', 'shipping'];

test('ownFormDf counts the live documents holding the stem as itself, whatever else they hold', () => {
  const random = rng(12);
  const analyzer = englishAnalyzer();
  const layout = resolveFieldLayout(defaultNewsSchema(), analyzer);
  const segments: Segment[] = [];
  const texts: string[][] = [];
  for (let s = 0; s < 3; s++) {
    const writer = new SegmentWriter(layout);
    const docs: string[] = [];
    // Segments of different sizes, the first with a stem list of several blocks.
    for (let d = 0; d < [700, 90, 1][s]!; d++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 6) }, () => WORDS[Math.floor(random() * WORDS.length)]!);
      const title = words.slice(0, 2).join(' ');
      const body = words.slice(2).join(' ');
      docs.push(`${title} ${body}`);
      writer.add(prepareDocument({ id: `s${s}d${d}`, title, body }, layout));
    }
    const segment = writer.flush()!;
    for (let d = 0; d < docs.length; d++) if (random() < 0.2) segment.deletes.add(d);
    segments.push(segment);
    texts.push(docs);
  }
  const view: IndexView = {
    segments,
    layout,
    docCount: 0,
    analyzer,
    df: () => 0,
  };
  const expected = (word: string): number => {
    let n = 0;
    segments.forEach((segment, s) => {
      texts[s]!.forEach((text, d) => {
        if (!segment.deletes.has(d) && text.split(' ').includes(word)) n++;
      });
    });
    return n;
  };
  assert.is(ownFormDf(view, 'port', ['ports', 'porting']), expected('port'));
  assert.is(ownFormDf(view, 'trade', ['trades', 'trading']), expected('trade'));
  // Twice: the scratch is cleared between calls.
  assert.is(ownFormDf(view, 'port', ['ports', 'porting']), expected('port'));
  // Forms missing from the list are counted as the stem's own: the caller lists them all.
  assert.is(ownFormDf(view, 'harbour', []), expected('harbour'));
  assert.ok(expected('port') > 100, 'the stem list spans blocks');
});

test.run();
