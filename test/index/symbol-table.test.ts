// The stored-field symbol table: any bytes come back exactly, news text shrinks, and a damaged
// table or code stream is a typed error, never a crash or wrong text.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ByteWriter } from '../../src/index/byte-writer.js';
import { SymbolTable } from '../../src/index/symbol-table.js';
import { IndexFormatError, SearchIndex, describeIndexBytes } from '../../src/index.js';
import { projectRoot } from '../_support/paths.js';

const utf8 = new TextEncoder();

function roundTrip(table: SymbolTable, input: Uint8Array): { coded: Uint8Array; back: Uint8Array } {
  const out = new ByteWriter(16);
  table.encode(input, out);
  const coded = out.finish();
  return { coded, back: table.decode(coded) };
}

/** Titles and first paragraphs of the sample corpus, as the stored JSON of a news index holds them. */
function sampleStored(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const file of listTxt(join(projectRoot, 'corpus'))) {
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
    out.push(utf8.encode(JSON.stringify([lines[0], null])));
    if (lines[2] !== undefined) out.push(utf8.encode(JSON.stringify([lines[2], null])));
  }
  return out;
}

function listTxt(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTxt(p));
    else if (name.endsWith('.txt')) out.push(p);
  }
  return out;
}

test('property: any bytes decode to themselves, trained on them or not', () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 60 }), { maxLength: 30 }), fc.uint8Array({ maxLength: 60 }), (inputs, other) => {
      const table = SymbolTable.train(inputs);
      for (const input of [...inputs, other]) assert.equal(roundTrip(table, input).back, input);
    }),
    { numRuns: 300 },
  );
});

test('property: any text round-trips through its UTF-8, escapes and all', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 20 }), (texts) => {
      const inputs = texts.map((t) => utf8.encode(t));
      const table = SymbolTable.train(inputs);
      for (const input of inputs) assert.equal(roundTrip(table, input).back, input);
    }),
    { numRuns: 200 },
  );
});

test('news titles shrink: the sample corpus codes to well under two thirds', () => {
  const inputs = sampleStored();
  assert.ok(inputs.length >= 40, String(inputs.length));
  const table = SymbolTable.train(inputs);
  let raw = 0;
  let coded = 0;
  for (const input of inputs) {
    raw += input.length;
    const r = roundTrip(table, input);
    coded += r.coded.length;
    assert.equal(r.back, input);
  }
  assert.ok(table.size > 100 && table.size <= 255, String(table.size));
  assert.ok(coded < raw * 0.66, `${coded} of ${raw}`);
});

test('training is deterministic, and a table reads back from its bytes to the same codes', () => {
  const inputs = sampleStored();
  const a = SymbolTable.train(inputs);
  const b = SymbolTable.train(inputs.map((x) => x.slice()));
  assert.equal(a.serialize(), b.serialize());
  const copy = SymbolTable.read(a.serialize());
  assert.equal(copy.serialize(), a.serialize());
  for (const input of inputs.slice(0, 10)) assert.equal(roundTrip(copy, input).coded, roundTrip(a, input).coded);
});

test('one long document is trained on too, alone or among short ones', () => {
  const paragraph = utf8.encode('The port of Qingdao handled more containers this quarter than last. '.repeat(3000));
  for (const inputs of [[paragraph], [utf8.encode('short title'), paragraph, utf8.encode('another one')]]) {
    const table = SymbolTable.train(inputs);
    const r = roundTrip(table, paragraph);
    assert.equal(r.back, paragraph);
    assert.ok(r.coded.length < paragraph.length / 2, `${r.coded.length} of ${paragraph.length}`);
  }
});

test('with nothing to train on the table is empty and every byte is escaped', () => {
  const table = SymbolTable.train([]);
  assert.is(table.size, 0);
  assert.is(table.serialize().length, 0);
  const input = utf8.encode('abc');
  const r = roundTrip(table, input);
  assert.is(r.coded.length, 6);
  assert.equal(r.back, input);
  assert.is(SymbolTable.read(new Uint8Array(0)).size, 0);
});

test('a damaged table or code stream is an IndexFormatError', () => {
  const table = SymbolTable.train(sampleStored());
  const bytes = table.serialize();
  const bad = (data: Uint8Array): void => {
    assert.throws(() => SymbolTable.read(data), (e: unknown) => e instanceof IndexFormatError && e.part === 'section:storedSymbols');
  };
  bad(bytes.subarray(0, 3));
  bad(bytes.subarray(0, bytes.length - 1));
  const zeroLength = bytes.slice();
  zeroLength[1] = 0;
  bad(zeroLength);
  const tooLong = bytes.slice();
  tooLong[1] = 9;
  bad(tooLong);
  const codes = (list: number[]): void => {
    assert.throws(() => table.decode(Uint8Array.from(list)), (e: unknown) => e instanceof IndexFormatError && e.part === 'section:stored');
  };
  codes([255]); // an escape with no literal after it
  codes([0, 255]);
  if (table.size < 255) codes([table.size]); // past the table
  // An escaped 255 is a literal, not a dangling escape.
  assert.equal(table.decode(Uint8Array.from([255, 255])), Uint8Array.from([255]));
});

test('a saved index codes its stored fields and reads them back unchanged', () => {
  const index = new SearchIndex();
  const docs = sampleStored().map((b, i) => ({ id: `d${i}`, title: JSON.parse(new TextDecoder().decode(b))[0] as string, body: 'body text' }));
  index.addAll(docs);
  const bytes = index.serialize();
  const sections = describeIndexBytes(bytes).sections;
  let plain = 0;
  for (const d of docs) plain += utf8.encode(JSON.stringify([d.title, null])).length;
  assert.ok(sections.stored! < plain * 0.75, `${sections.stored} of ${plain}`);
  assert.ok(sections.storedSymbols! > 0);
  const loaded = SearchIndex.deserialize(bytes);
  const titles = new Map(loaded.search('body', { limit: 1000 }).hits.map((h) => [h.id, h.document.title]));
  assert.is(titles.size, docs.length);
  for (const d of docs) assert.is(titles.get(d.id), d.title);
  // Saved again, a loaded index keeps its coded bytes as they are.
  assert.equal(loaded.serialize(), bytes);
});

test.run();
