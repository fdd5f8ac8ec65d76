// Specification of SegmentWriter: a flushed segment holds exactly the postings, positions, field
// lengths and columns that analysing each document on its own gives (a brute-force inversion), the
// same whichever analysis path fed it, flush after flush.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { englishAnalyzer, keywordAnalyzer } from '../../src/analysis/analyzer.js';
import type { Analyzer } from '../../src/analysis/types.js';
import { defaultNewsSchema } from '../../src/document.js';
import { dateFieldText } from '../../src/dates/index.js';
import { EXACT_MARK, exactTerm } from '../../src/index/exact-terms.js';
import { resolveFieldLayout, type FieldLayout } from '../../src/index/field-layout.js';
import { keywordTerm } from '../../src/index/keyword-terms.js';
import { prepareDocument } from '../../src/index/prepare-document.js';
import { readPosting } from '../../src/index/read-posting.js';
import { forEachPosting, type SegmentData } from '../../src/index/segment.js';
import { SegmentWriter } from '../../src/index/segment-writer.js';
import { randomDate, randomText, rng, pick } from '../_support/random.js';
import { assertSameSegmentData } from '../_support/same-segment-data.js';

interface Expected {
  /** term → doc → per field: positions (exact forms: one -1 per occurrence). */
  postings: Map<string, Map<number, number[][]>>;
  lengths: number[];
}

/** The inverted index of `docs` built by hand: every document analysed on its own. */
function invert(layout: FieldLayout, docs: readonly Record<string, unknown>[]): Expected {
  const postings = new Map<string, Map<number, number[][]>>();
  const lengths: number[] = [];
  const keyword = keywordAnalyzer();
  docs.forEach((raw, doc) => {
    const prepared = prepareDocument(raw, layout);
    for (const field of layout.fields) {
      const seen = new Set<number>();
      const add = (term: string, position: number): void => {
        let byDoc = postings.get(term);
        if (byDoc === undefined) postings.set(term, (byDoc = new Map()));
        let fields = byDoc.get(doc);
        if (fields === undefined) byDoc.set(doc, (fields = layout.fields.map(() => [])));
        fields[field.number]!.push(position);
      };
      const text = (analyzer: Analyzer, value: string, exactForms: boolean): void =>
        analyzer.analyze(value, (term, position, _s, _e, exact) => {
          seen.add(position);
          add(term, position);
          if (exactForms && exact !== undefined) add(exactTerm(exact), -1);
        });
      if (field.kind === 'text') {
        const value = prepared.values[field.number];
        if (typeof value === 'string') text(field.analyzer, value, true);
      } else if (field.kind === 'date') {
        if (!Number.isNaN(prepared.date)) text(field.analyzer, dateFieldText(prepared.date), false);
      } else {
        const values = prepared.values[field.number];
        if (Array.isArray(values)) {
          values.forEach((v: string, i: number) =>
            keyword.analyze(v, (term, position) => {
              seen.add(position + i);
              add(keywordTerm(field.number, term), position + i);
            }),
          );
        }
      }
      if (field.number < layout.scoredCount) lengths.push(seen.size);
    }
  });
  return { postings, lengths };
}

/** Asserts that `data` holds exactly `expected`. */
function assertSegment(data: SegmentData, expected: Expected, label: string): void {
  const terms = [...expected.postings.keys()].sort();
  assert.equal([...data.dictionary.terms], terms, `${label}: dictionary`);
  assert.equal(Array.from(data.fieldLengths), expected.lengths, `${label}: field lengths`);
  terms.forEach((term, ordinal) => {
    const byDoc = expected.postings.get(term)!;
    const docs: number[] = [];
    forEachPosting(data, ordinal, (doc) => docs.push(doc));
    assert.equal(docs, [...byDoc.keys()].sort((a, b) => a - b), `${label}: docs of ${JSON.stringify(term)}`);
    assert.is(data.termDf[ordinal], docs.length);
    for (const [doc, fields] of byDoc) {
      const posting = readPosting(data, ordinal, doc)!;
      let mask = 0;
      fields.forEach((positions, f) => {
        if (positions.length > 0) mask |= 1 << f;
        assert.is(posting.tfs[f] ?? 0, positions.length, `${label}: tf of ${JSON.stringify(term)} in ${doc}.${f}`);
        if (!term.startsWith(EXACT_MARK)) assert.equal(posting.positions[f] ?? [], positions, `${label}: positions of ${JSON.stringify(term)} in ${doc}.${f}`);
      });
      assert.is(posting.mask, mask, `${label}: mask of ${JSON.stringify(term)} in ${doc}`);
    }
  });
}

const EXTRA_WORDS = ['Straße', 'ｃａｆｅ', 'Café', 'O’Neill', 'co-operation', 'COVID-19', '1,250.5', 'e.g.', '中国人民', 'internationalisation', 'INVESTING', 'investors'];

function randomDoc(random: () => number, id: string): Record<string, unknown> {
  const words = (n: number): string => `${randomText(random, n)} ${pick(random, EXTRA_WORDS)} ${randomText(random, n)}`;
  const date = randomDate(random);
  const doc: Record<string, unknown> = { id, title: words(4), body: random() < 0.1 ? undefined : words(30) };
  if (date !== undefined) doc['date'] = date;
  if (random() < 0.5) doc['category'] = random() < 0.5 ? ['Trade', 'Ports & Harbours'] : 'trade';
  if (random() < 0.3) doc['source'] = pick(random, ['Qingdao Daily', 'Reuters', 'reuters']);
  return doc;
}

test('a flushed segment equals a brute-force inversion of its documents', () => {
  const random = rng(101);
  const layout = resolveFieldLayout(defaultNewsSchema(), englishAnalyzer());
  const docs = Array.from({ length: 400 }, (_, i) => randomDoc(random, `d${i}`));
  const writer = new SegmentWriter(layout);
  for (const d of docs) writer.add(prepareDocument(d, layout));
  const data = writer.flush()!.data;
  // Common words get several blocks of 128 postings (skip entries).
  assert.ok(data.blockLastDoc.length > 0);
  assertSegment(data, invert(layout, docs), 'segment');
  assert.equal([...data.ids.value], docs.map((d) => d['id']));
});

test('every flush starts afresh: DocIds from 0, only the new documents, the writer reusable', () => {
  const random = rng(202);
  const layout = resolveFieldLayout(defaultNewsSchema(), englishAnalyzer());
  const writer = new SegmentWriter(layout);
  for (let round = 0; round < 3; round++) {
    const docs = Array.from({ length: 50 + round * 40 }, (_, i) => randomDoc(random, `r${round}-${i}`));
    for (const d of docs) writer.add(prepareDocument(d, layout));
    assert.is(writer.numDocs, docs.length);
    const segment = writer.flush()!;
    assert.is(writer.numDocs, 0);
    assert.is(writer.tokenCount, 0);
    assertSegment(segment.data, invert(layout, docs), `round ${round}`);
  }
  assert.is(writer.flush(), undefined);
});

test('a bulk load that keeps its buffers between flushes builds the segments fresh writers build', () => {
  const random = rng(203);
  const layout = resolveFieldLayout(defaultNewsSchema(), englishAnalyzer());
  const reusing = new SegmentWriter(layout);
  // Batches that shrink and grow, so a kept buffer is sometimes larger than the next flush needs
  // (its tail holds the last flush's entries) and sometimes too small. The kept vocabulary and
  // memos hand later batches ids of words from earlier ones, and ids of words they lack.
  for (const size of [120, 30, 200, 5, 90]) {
    const docs = Array.from({ length: size }, (_, i) => randomDoc(random, `b${size}-${i}`));
    const fresh = new SegmentWriter(layout);
    for (const d of docs) {
      reusing.add(prepareDocument(d, layout));
      fresh.add(prepareDocument(d, layout));
    }
    const kept = reusing.flush(true)!.data;
    assertSameSegmentData(kept, fresh.flush()!.data);
    assertSegment(kept, invert(layout, docs), `batch of ${size}`);
  }
  // Letting the buffers go leaves a writer that still works.
  assert.is(reusing.flush(), undefined);
  const docs = Array.from({ length: 40 }, (_, i) => randomDoc(random, `after-${i}`));
  for (const d of docs) reusing.add(prepareDocument(d, layout));
  assertSegment(reusing.flush()!.data, invert(layout, docs), 'after release');
});

test('the memoised analysis path and the plain analyze path build identical segments', () => {
  const random = rng(303);
  const english = englishAnalyzer();
  // Same chain, but without idAnalysis: the writer falls back to analyze + interning per token.
  const plain: Analyzer = { name: 'english', analyze: (text, sink) => english.analyze(text, sink) };
  const docs = Array.from({ length: 300 }, (_, i) => randomDoc(random, `d${i}`));
  const build = (analyzer: Analyzer): SegmentData => {
    const layout = resolveFieldLayout(defaultNewsSchema(), analyzer);
    const writer = new SegmentWriter(layout);
    for (const d of docs) writer.add(prepareDocument(d, layout));
    writer.delete(7);
    return writer.flush()!.data;
  };
  const a = build(englishAnalyzer());
  const b = build(plain);
  assertSameSegmentData(a, b);
});

test('buffered deletions are frozen into the segment', () => {
  const layout = resolveFieldLayout(defaultNewsSchema(), englishAnalyzer());
  const writer = new SegmentWriter(layout);
  for (let i = 0; i < 5; i++) writer.add(prepareDocument({ id: `d${i}`, title: 'port' }, layout));
  writer.delete(1);
  writer.delete(3);
  const segment = writer.flush()!;
  assert.equal([0, 1, 2, 3, 4].map((d) => segment.deletes.has(d)), [false, true, false, true, false]);
  assert.is(segment.liveDocs, 3);
});

test('a term spelled like an exact form shares its postings (one dictionary entry)', () => {
  // A custom analyzer emitting a control character: "\u0001ports" is also the exact-form term of "ports".
  const english = englishAnalyzer();
  const odd: Analyzer = {
    name: 'odd',
    analyze: (text, sink) => english.analyze(text, (term, position, start, end, exact) => sink(term === 'harbour' ? `${EXACT_MARK}ports` : term, position, start, end, exact)),
  };
  const layout = resolveFieldLayout({ title: { type: 'text' } }, odd);
  const writer = new SegmentWriter(layout);
  const docs = [{ id: 'a', title: 'ports' }, { id: 'b', title: 'harbour' }, { id: 'c', title: 'harbour ports' }];
  for (const d of docs) writer.add(prepareDocument(d, layout));
  const data = writer.flush()!.data;
  const terms = [...data.dictionary.terms];
  assert.equal(terms, [...new Set(terms)].sort());
  const ordinal = data.dictionary.lookup(`${EXACT_MARK}ports`);
  const found: number[] = [];
  forEachPosting(data, ordinal, (doc) => found.push(doc));
  assert.equal(found, [0, 1, 2]);
  assert.is(readPosting(data, ordinal, 2)!.tfs[0], 2);
});

test('an add that throws half-way leaves no trace in the next segment', () => {
  const english = englishAnalyzer();
  const flaky: Analyzer = {
    name: 'flaky',
    analyze: (text, sink) => {
      english.analyze(text, sink);
      if (text.includes('boom')) throw new Error('analyzer failed');
    },
  };
  const layout = resolveFieldLayout({ title: { type: 'text' }, body: { type: 'text' } }, flaky);
  const writer = new SegmentWriter(layout);
  const docs = [{ id: 'a', title: 'port trade', body: 'harbour' }, { id: 'c', title: 'budget', body: 'deficit port' }];
  writer.add(prepareDocument(docs[0], layout));
  assert.throws(() => writer.add(prepareDocument({ id: 'b', title: 'growth', body: 'energy boom' }, layout)));
  writer.add(prepareDocument(docs[1], layout));
  const clean = resolveFieldLayout({ title: { type: 'text' }, body: { type: 'text' } }, english);
  assertSegment(writer.flush()!.data, invert(clean, docs), 'after a failed add');
});

test.run();
