// What ranking records of a hit's terms (HeldTerms, top-k.ts) is true whenever it claims anything,
// it claims enough for proximity to skip reading postings, and rescoring from it equals rescoring
// from the postings, on generated segments with deletes, date ranges and every kind of weight.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { forEachPostingTf, type Segment } from '../../src/index/segment.js';
import { rankTerms, type DateRange, type ScoringTerm } from '../../src/query/executor.js';
import { rescoreByProximity, wordPairs } from '../../src/query/proximity.js';
import { HELD_TERMS, type RankedDoc } from '../../src/query/top-k.js';
import type { Bm25fWeights } from '../../src/scoring/bm25f.js';
import { randomWeights, syntheticSegment, syntheticTerm, SYNTHETIC_SCORED } from '../_support/synthetic-segments.js';
import { rng } from '../_support/random.js';

const ALL = (1 << SYNTHETIC_SCORED) - 1;

function segments(seed: number): Segment[] {
  const random = rng(seed);
  return [0, 1, 2].map((i) =>
    syntheticSegment(random, { numDocs: 900 + i * 700, terms: 50, topShare: 0.5, deleteShare: i === 1 ? 0.1 : 0, datedShare: 0.9 }, `s${i}`),
  );
}

/** Whether `doc` matches `term`: a tf in a field of its mask that scores (boost > 0, length norm > 0). */
function matches(segment: Segment, term: ScoringTerm, doc: number, weights: Bm25fWeights): boolean {
  const data = segment.data;
  const ordinal = data.dictionary.lookup(term.term);
  if (ordinal < 0) return false;
  let found = false;
  forEachPostingTf(data, ordinal, (d, mask) => {
    if (d !== doc) return;
    for (let f = 0; f < data.scoredCount; f++) {
      if ((mask & term.fieldMask & (1 << f)) === 0) continue;
      const norm = weights.normA[f]! + weights.normB[f]! * data.fieldLengths[doc * data.scoredCount + f]!;
      if (weights.boost[f]! > 0 && norm > 0) found = true;
    }
  });
  return found;
}

function randomBag(random: () => number, positiveOnly: boolean): ScoringTerm[] {
  // Often more terms than a HeldTerms describes (a prefix expansion makes such bags): their bits
  // must stay out of the mask, or they would read as claims about the first terms.
  const n = random() < 0.3 ? HELD_TERMS + 1 + Math.floor(random() * 6) : 1 + Math.floor(random() * 5);
  const bag: ScoringTerm[] = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    const weight = positiveOnly || r < 0.8 ? 0.1 + random() * 6 : r < 0.87 ? -(0.01 + random()) : r < 0.94 ? 0 : Infinity;
    const term = random() < 0.04 ? 'absent' : syntheticTerm(Math.floor(random() ** 2 * 50));
    bag.push({ term, weight, fieldMask: random() < 0.8 ? ALL : 1 + Math.floor(random() * ALL) });
  }
  return bag;
}

test('every term a hit is said to hold or to lack, it holds or lacks', () => {
  const segs = segments(31);
  const random = rng(32);
  let claims = 0;
  let twoWordHits = 0;
  for (let q = 0; q < 200; q++) {
    const weights = randomWeights(random, q % 9 === 8);
    const bag = randomBag(random, false);
    const k = [1, 10, 30][q % 3]!;
    const range: DateRange | undefined = q % 5 === 0 ? { from: Date.UTC(2024, 2, 1), to: Date.UTC(2024, 9, 1) } : undefined;
    const { hits } = rankTerms(segs, bag, weights, k, undefined, range);
    const twoWords = bag.length === 2 && bag.every((t) => t.weight > 0 && Number.isFinite(t.weight));
    for (const hit of hits) {
      let known = 0;
      for (let t = 0; t < Math.min(bag.length, HELD_TERMS); t++) {
        const holds = ((hit.held >>> t) & 1) !== 0;
        const lacks = ((hit.held >>> (HELD_TERMS + t)) & 1) !== 0;
        if (!holds && !lacks) continue;
        known++;
        claims++;
        const context = `query ${q} (${bag.map((b) => `${b.term}/${b.weight.toFixed(2)}/${b.fieldMask}`).join(' ')}), hit ${hit.id}, term ${t}`;
        assert.ok(!(holds && lacks), `${context}: held and lacked`);
        assert.is(matches(segs[hit.segment]!, bag[t]!, hit.doc, weights), holds, context);
      }
      // Two positive words are ranked by the accumulator (the pruned walk takes one word only),
      // and what it records of them is complete.
      if (twoWords && bag[0]!.term !== bag[1]!.term) {
        twoWordHits++;
        assert.is(known, 2, `query ${q}: a two-word hit with ${known} known terms`);
      }
    }
  }
  assert.ok(claims > 2000, `only ${claims} claims checked`);
  assert.ok(twoWordHits > 30, `only ${twoWordHits} two-word hits`);
});

function withoutHeld(hits: readonly RankedDoc[]): Omit<RankedDoc, 'held'>[] {
  return hits.map(({ segment, doc, id, score }) => ({ segment, doc, id, score }));
}

test('rescoring by proximity from what ranking recorded equals rescoring from the postings', () => {
  const segs = segments(33);
  const random = rng(34);
  let lifted = 0;
  for (let q = 0; q < 150; q++) {
    const weights = randomWeights(random, false);
    const bag = randomBag(random, q % 2 === 0);
    if (q % 3 === 0 && bag.length >= 2) {
      // One word in two entries, the first held to the title and the second summed last: a
      // document the final pass finds unlisted holds the word (in the body) and lacks the title
      // entry, which says nothing of the word's other fields.
      bag[1] = { ...bag[0]!, fieldMask: ALL, weight: 0.01 };
      bag[0] = { ...bag[0]!, fieldMask: 1 };
    }
    const pairs = wordPairs(bag);
    if (pairs.length === 0) continue;
    const { hits } = rankTerms(segs, bag, weights, 30, undefined);
    const blind = hits.map((h) => ({ ...h, held: 0 }));
    const expected = withoutHeld(rescoreByProximity(segs, blind, pairs, weights));
    const actual = withoutHeld(rescoreByProximity(segs, hits, pairs, weights));
    assert.equal(actual, expected, `query ${q}: ${bag.map((b) => b.term).join(' ')}`);
    for (let i = 0; i < actual.length; i++) if (actual[i]!.score !== hits.find((h) => h.doc === actual[i]!.doc && h.segment === actual[i]!.segment)!.score) lifted++;
  }
  assert.ok(lifted > 100, `only ${lifted} hits got a proximity bonus`);
});

test.run();
