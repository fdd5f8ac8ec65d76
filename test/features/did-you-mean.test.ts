// Did-you-mean tries distance 1 before distance 2. Against a single walk at the full budget, its
// answer is never farther from the typo, and it has one whenever the single walk has one.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeToTokens, englishAnalyzer } from '../../src/analysis/analyzer.js';
import { defaultNewsSchema } from '../../src/document.js';
import { correctWordOneWalk, didYouMean, editDistance } from '../../src/features/did-you-mean.js';
import type { IndexView } from '../../src/features/index-view.js';
import { resolveFieldLayout } from '../../src/index/field-layout.js';
import { prepareDocument } from '../../src/index/prepare-document.js';
import { SegmentWriter } from '../../src/index/segment-writer.js';
import { projectRoot, reutersArticles } from '../_support/paths.js';
import { rng } from '../_support/random.js';

function viewOf(docs: Array<{ id: string; title: string; body: string }>): IndexView {
  const analyzer = englishAnalyzer();
  const layout = resolveFieldLayout(defaultNewsSchema(), analyzer);
  const writer = new SegmentWriter(layout);
  for (const d of docs) writer.add(prepareDocument(d, layout));
  const segments = [writer.flush()!];
  return {
    segments,
    layout,
    docCount: docs.length,
    analyzer,
    df: (term) => {
      const ordinal = segments[0]!.data.dictionary.lookup(term);
      return ordinal < 0 ? 0 : segments[0]!.liveDf(ordinal);
    },
  };
}

/** Misspellings of the words of `text`: one or two random edits (substitute, insert, delete, swap). */
function misspellings(text: string, count: number, seed: number): string[] {
  const words = [...new Set(text.toLowerCase().match(/[a-z]{4,12}/g) ?? [])].sort();
  const random = rng(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const edit = (w: string): string => {
    const i = Math.floor(random() * w.length);
    const c = letters[Math.floor(random() * 26)]!;
    switch (Math.floor(random() * 4)) {
      case 0: return w.slice(0, i) + c + w.slice(i + 1);
      case 1: return w.slice(0, i) + c + w.slice(i);
      case 2: return w.length > 3 ? w.slice(0, i) + w.slice(i + 1) : w + c;
      default: return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : c + w;
    }
  };
  return Array.from({ length: count }, () => {
    const w = words[Math.floor(random() * words.length)]!;
    return random() < 0.5 ? edit(w) : edit(edit(w));
  });
}

/** Checks every typo against the one-walk reference; returns how many were corrected and how many answers differ. */
function assertNeverFarther(view: IndexView, typos: string[]): { corrected: number; differ: number } {
  let corrected = 0;
  let differ = 0;
  for (const typo of typos) {
    const reference = correctWordOneWalk(view, typo);
    // For a one-word query the rewritten query is the corrected word.
    const got = didYouMean(view, typo);
    if (reference === undefined) {
      assert.is(got, undefined, typo);
      continue;
    }
    assert.ok(got !== undefined, `${typo}: no answer, one walk gives ${reference}`);
    assert.ok(editDistance(typo, got) <= editDistance(typo, reference), `${typo}: ${got} is farther than ${reference}`);
    corrected++;
    if (got !== reference) differ++;
  }
  return { corrected, differ };
}

function sampleDocs(): Array<{ id: string; title: string; body: string }> {
  const out: Array<{ id: string; title: string; body: string }> = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.txt')) {
        const lines = readFileSync(p, 'utf8').split('\n').filter((l) => l.trim() !== '');
        out.push({ id: p, title: lines[0] ?? '', body: lines.slice(2).join('\n') });
      }
    }
  };
  walk(join(projectRoot, 'corpus'));
  return out;
}

test('on the sample corpus, 600 misspellings: never a farther answer than one full walk', () => {
  const docs = sampleDocs();
  const view = viewOf(docs);
  const r = assertNeverFarther(view, misspellings(docs.map((d) => `${d.title} ${d.body}`).join(' '), 600, 7));
  // Most one- and two-edit typos of corpus words have a correction: the comparison is not vacuous.
  assert.ok(r.corrected > 200, String(r.corrected));
  // The single walk can answer a farther form of the right word (kinergarten → kindergartens, not
  // kindergarten): it found the stem's more frequent form. Such answers are few.
  assert.ok(r.differ < r.corrected / 10, JSON.stringify(r));
});

test('on 5,000 Reuters articles, 300 misspellings: never a farther answer than one full walk', () => {
  const docs = reutersArticles('Reuters did-you-mean oracle', 5000);
  if (docs === undefined) return;
  const view = viewOf(docs);
  const r = assertNeverFarther(view, misspellings(docs.slice(0, 300).map((d) => d.body).join(' '), 300, 11));
  assert.ok(r.corrected > 100, String(r.corrected));
  assert.ok(r.differ < r.corrected / 10, JSON.stringify(r));
});


test('a word with combining marks is one word: no correction when it is spelt right, a whole-word one when not', () => {
  const nfd = 'Nguye\u0302\u0303n';
  const view = viewOf([
    { id: 'a', title: `${nfd.normalize('NFC')} wins`, body: 'Election results from Hanoi.' },
    { id: 'b', title: 'นายกรัฐมนตรี แถลง', body: 'ข่าว' },
  ]);
  assert.is(didYouMean(view, nfd), undefined, 'NFD spelling of an indexed word');
  assert.is(didYouMean(view, nfd.normalize('NFC')), undefined, 'NFC spelling of an indexed word');
  // A typo inside Thai (segmented by dictionary) or inside an NFD word: whatever is offered is made
  // of indexed terms, never a corrected fragment spliced into the rest of the word.
  for (const typo of ['นายกรxัฐมนตรี', 'Nguye\u0302\u0303nn', 'Ngxuye\u0302\u0303n']) {
    const offered = didYouMean(view, typo);
    if (offered === undefined) continue;
    for (const token of analyzeToTokens(view.analyzer, offered)) assert.ok(view.df(token.term) > 0, `${typo} → ${offered}: ${token.term} is not indexed`);
  }
  // An extra letter in a decomposed word: the whole word is corrected, in its indexed form.
  assert.is(didYouMean(view, 'Ngxuye\u0302\u0303n'), 'nguyen');
});

test.run();
