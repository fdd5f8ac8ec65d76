import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { NewsDocument } from '../../src/document.js';
import { parseFeed } from '../../src/ingest/feeds.js';
import { parseJson } from '../../src/ingest/json.js';
import { SearchIndex } from '../../src/search-index.js';
import { FIXTURES } from './helpers.js';

const jsonl = readFileSync(path.join(FIXTURES, 'articles.jsonl'), 'utf8');
const wrapped = readFileSync(path.join(FIXTURES, 'wrapped.json'), 'utf8');

test('JSONL: good lines become documents, bad lines are reported with their line numbers', () => {
  const result = parseJson(jsonl, { format: 'jsonl', idBase: 'dump.jsonl' });
  assert.is(result.format, 'jsonl');
  assert.not.ok(result.fatal);
  assert.equal(result.documents.map((d) => d.id), ['n-1', '2', 'dump.jsonl#4', 'n-6']);
  assert.equal(
    result.errors.map((e) => [e.line, e.item]),
    [
      [4, 3],
      [6, 5],
    ],
  );
  assert.equal(result.origins, [
    { item: 1, line: 1 },
    { item: 2, line: 3 },
    { item: 4, line: 5 },
    { item: 6, line: 7 },
  ]);
});

test('JSONL: default mapping reads headline/content/published_at, author objects, tags, extras', () => {
  const [first, second, , ] = parseJson(jsonl, { format: 'jsonl' }).documents;
  assert.equal(first, {
    id: 'n-1',
    title: 'Port handles record cargo',
    body: 'Throughput rose 9 percent.',
    date: '2024-01-12T09:30:00+08:00',
    author: 'Wang Lei',
    category: ['port', 'trade'],
    wordcount: 4,
  });
  assert.is(second?.id, '2', 'numeric ids become strings');
  assert.is(second?.body, 'The hub opened.\n\nPhase two follows.', 'HTML bodies become text');
  assert.is(second?.date, '2024-03-17T15:34:32.000Z', 'epoch seconds become ISO');
  assert.is(second?.source, 'Qingdao Daily');
});

test('a configurable mapping overrides the defaults per field', () => {
  const text = '{"key": "k1", "hed": "Custom title", "copy": ["Para one.", "Para two."], "when": "17 March 2024", "title": "ignored"}';
  const [doc] = parseJson(text, {
    format: 'jsonl',
    mapping: { id: ['key'], title: ['hed'], body: ['dek', 'copy'], date: ['when'] },
    keepExtraFields: false,
  }).documents;
  assert.equal(doc, { id: 'k1', title: 'Custom title', body: 'Para one.\n\nPara two.', date: '17 March 2024' });
});

test('dotted paths reach nested values (search-engine exports)', () => {
  const text = JSON.stringify({ hits: { hits: [{ _id: 'e1', _source: { headline: 'Nested', story: { text: 'Deep body.' } } }] } });
  const result = parseJson(text, { mapping: { title: ['_source.headline'], body: ['_source.story.text'] } });
  assert.equal(result.documents.map((d) => [d.id, d.title, d.body]), [['e1', 'Nested', 'Deep body.']]);
});

test('a wrapper object with an articles array; uuid, description, pubDate, url', () => {
  const result = parseJson(wrapped, { idBase: 'api.json' });
  assert.is(result.format, 'json');
  assert.is(result.documents.length, 2);
  assert.equal(result.documents[0], {
    id: 'a1',
    title: 'Metro extension enters track-laying',
    body: 'Track-laying began.',
    date: '2024-06-18 12:12:12',
    category: 'transport',
  });
  assert.equal(result.documents[1], {
    id: 'a2',
    title: 'Hydrogen buses replace diesel',
    body: 'The last diesel buses retired.',
    date: 'Tue, 20 May 2025 11:22:33 +0800',
    url: 'https://x.example/buses',
  });
});

test('a top-level array without ids gets idBase#n; a single object is one document with the bare idBase', () => {
  const arr = parseJson('[{"title": "A", "body": "a"}, {"title": "B", "body": "b"}]', { idBase: 'list.json' });
  assert.equal(arr.documents.map((d) => d.id), ['list.json#1', 'list.json#2']);
  const one = parseJson('{"title": "Only", "body": "one"}', { idBase: 'one.json' });
  assert.equal(one.documents.map((d) => d.id), ['one.json']);
});

test('JSONL saved as .json is detected in auto mode', () => {
  const result = parseJson('{"title": "A", "body": "a"}\n{"title": "B", "body": "b"}\n');
  assert.is(result.format, 'jsonl');
  assert.is(result.documents.length, 2);
});

test('a broken array keeps its good items and reports the bad one with its line', () => {
  const broken = parseJson('[\n  {"title": "A", "body": "a, [b]"},\n  {"title": oops},\n  {"title": "C", "body": "c\\\\"}\n]', { idBase: 'b.json' });
  assert.not.ok(broken.fatal);
  assert.equal(broken.documents.map((d) => [d.id, d.title, d.body]), [['b.json#1', 'A', 'a, [b]'], ['b.json#3', 'C', 'c\\']]);
  assert.equal(broken.errors.map((e) => [e.line, e.item]), [[3, 2]]);
  const cut = parseJson('[{"title": "A", "body": "a"}, {"title": "B", "bo');
  assert.equal(cut.documents.map((d) => d.title), ['A']);
  assert.equal(cut.errors.map((e) => e.item), [2]);
  // A stray closing brace: that item is reported, the others kept (it once looped forever).
  const stray = parseJson('[\n  {"id": "a1", "title": "Port", "body": "p"}},\n  {"id": "a2", "title": "Ferry", "body": "f"}\n]', { idBase: 's.json' });
  assert.equal(stray.documents.map((d) => d.id), ['a2']);
  assert.equal(stray.errors.map((e) => [e.line, e.item]), [[2, 1]]);
  for (const text of ['[}]', '[}}}', '[{}}, }', '[ } , ] ']) assert.ok(parseJson(text).errors.length >= 1, text);
});

test('invalid JSON that is not an array is fatal; an object without documents is fatal; nothing throws', () => {
  const broken = parseJson('{"title": oops}');
  assert.ok(broken.fatal);
  assert.is(broken.documents.length, 0);
  assert.is(broken.errors.length, 1);
  const noDocs = parseJson('{"status": "ok", "count": 0}');
  assert.ok(noDocs.fatal);
  assert.equal(parseJson('   ').documents, []);
});

test('a mapped value nested thousands of levels deep is ignored, not a stack overflow that loses the file', () => {
  let deep = '"x"';
  for (let i = 0; i < 20_000; i++) deep = `{"name":${deep}}`;
  const r = parseJson(`[{"id":"good","title":"Port","body":"Fine."},{"id":"deep","title":"Ferry","author":${deep},"body":"b"}]`);
  assert.equal(r.documents.map((d) => [d.id, d.author]), [['good', undefined], ['deep', undefined]]);
  // A few levels of {name} wrappers are still read.
  assert.is(parseJson('[{"id":"n","title":"T","body":"b","author":{"name":{"name":"Li Wei"}}}]').documents[0]!.author, 'Li Wei');
});

test('a wrapper with a title of its own (JSON Feed) yields its items, not one document of its metadata', () => {
  const feed = parseJson(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Port News', items: [{ id: '1', title: 'Port reopens', content_text: 'The port reopened.' }, { id: '2', title: 'Ferry resumes', content_text: 'Ferries run.' }] }));
  assert.equal(feed.documents.map((d) => d.title), ['Port reopens', 'Ferry resumes']);
  const described = parseJson(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'City feed', description: 'News of the city', items: [{ id: '1', title: 'Port reopens', content_text: 'The port reopened.' }] }));
  assert.equal(described.documents.map((d) => d.title), ['Port reopens']);
  const named = parseJson(JSON.stringify({ name: 'Harbour desk', articles: [{ title: 'A', body: 'a' }] }));
  assert.equal(named.documents.map((d) => d.title), ['A']);
  // An article with a body stays one document, whatever arrays it carries.
  const article = parseJson(JSON.stringify({ title: 'Port', body: 'The port.', items: [{ title: 'related' }] }));
  assert.equal(article.documents.map((d) => d.title), ['Port']);
});

test('a pretty-printed JSON array in a .jsonl file is read whole when no line parses alone', () => {
  const pretty = JSON.stringify([{ id: 'p1', title: 'Port', body: 'Port news.' }, { id: 'p2', title: 'Ferry', body: 'Ferry news.' }], null, 2);
  const r = parseJson(pretty, { format: 'jsonl' });
  assert.equal(r.documents.map((d) => d.id), ['p1', 'p2']);
  assert.equal(r.errors, []);
  // Real JSONL with one bad line keeps its line-by-line reading and the error.
  const lines = parseJson('{"id":"a","title":"A","body":"a"}\n{oops\n', { format: 'jsonl' });
  assert.equal([lines.format, lines.documents.length, lines.errors.length], ['jsonl', 1, 1]);
});

test('a JSON id longer than the index takes gives a short id: its start and a hash of all of it, the same every run', () => {
  const long = `https://x.example/story?state=${'a'.repeat(5000)}`;
  const text = JSON.stringify([
    { id: long, title: 'One', body: 'Body one.' },
    { id: `${long.slice(0, -1)}b`, title: 'Two', body: 'Body two.' },
    { id: 'n-3', title: 'Three', body: 'Body three.' },
  ]);
  const docs = parseJson(text).documents;
  const ids = docs.map((d) => d.id);
  assert.ok(ids.every((id) => id.length <= 4096), String(ids.map((id) => id.length)));
  assert.ok(ids[0]!.startsWith(long.slice(0, 100)));
  assert.is(new Set(ids).size, 3, 'ids that differ only at the end stay different');
  assert.is(ids[2], 'n-3', 'ids the index takes are kept as they are');
  assert.equal(parseJson(text).documents.map((d) => d.id), ids, 'stable across runs');
  // The same value as a feed item's guid gives the same id.
  const feed = `<rss><channel><item><title>One</title><guid>${long}</guid><description>Body one.</description></item></channel></rss>`;
  assert.is(parseFeed(feed).documents[0]!.id, ids[0]);
  const index = new SearchIndex();
  index.addAll(docs as NewsDocument[]);
  assert.is(index.size, 3);
});

test('lone surrogates become U+FFFD and control characters leave every JSON field, as in the other formats', () => {
  const record = String.raw`{"id":"n\ud8001\u0000","title":"Port\u0007 reopens \ud800","body":"Ships\u0000 queue.\u000bA line.\u000cA page.\n\nTabs\tkept \udc00 and a pair \ud83d\udea2 too\u001f.","author":"Li\u0002 Wei","tags":["ports\u0001","\ud800x"],"desk":"Metro\u0003 \ud800","codes":["a\u0000b"]}`;
  const [doc] = parseJson(record).documents;
  assert.equal(doc, {
    id: 'n\ufffd1',
    title: 'Port reopens \ufffd',
    body: 'Ships queue.\nA line.\nA page.\n\nTabs\tkept \ufffd and a pair \ud83d\udea2 too.',
    author: 'Li Wei',
    category: ['ports', '\ufffdx'],
    desk: 'Metro \ufffd',
    codes: ['ab'],
  });
  // An RSS item with the same text gives the same fields: one rule for every format.
  // (`&#0;` is left out: the entity decoder reads a NUL reference as U+FFFD, as HTML asks.)
  const rssText = '<rss><channel><item><guid>n&#xD800;1&#1;</guid><title>Port&#7; reopens &#xD800;</title><author>Li&#2; Wei</author>' +
    '<description>Ships&#8; queue &#xDC00; and&#x1F;more.</description></item></channel></rss>';
  const [item] = parseFeed(rssText).documents;
  const json = parseJson(String.raw`{"id":"n\ud8001\u0001","title":"Port\u0007 reopens \ud800","author":"Li\u0002 Wei","body":"Ships\u0008 queue \udc00 and\u001fmore."}`).documents[0]!;
  assert.equal([item!.id, item!.title, item!.author, item!.body], [json.id, json.title, json.author, json.body]);
  const index = new SearchIndex();
  index.addAll([doc as NewsDocument]);
  assert.is(index.size, 1);
});

test('__proto__ and constructor keys are never copied onto documents', () => {
  const [doc] = parseJson('{"title": "T", "body": "b", "__proto__": {"polluted": "yes"}, "constructor": "x", "extra": "kept"}', {
    format: 'jsonl',
  }).documents;
  assert.is(doc?.['extra'], 'kept');
  assert.is(Object.getPrototypeOf(doc), Object.prototype);
  assert.not.ok(Object.hasOwn(doc ?? {}, '__proto__'));
  assert.not.ok(Object.hasOwn(doc ?? {}, 'constructor'));
  assert.is(({} as Record<string, unknown>)['polluted'], undefined);
});

test('an empty mapped field does not come back as an extra field', () => {
  const [doc] = parseJson('{"title": "T", "body": "b", "date": ""}', { format: 'jsonl' }).documents;
  assert.not.ok(Object.hasOwn(doc ?? {}, 'date'));
});

test('a mapped key whose value is empty once cleaned (spaces, controls) gives way to the next key', () => {
  const [doc] = parseJson('{"title": " \\u0000 ", "headline": "Port reopens", "body": "\\u0000\\u0001", "content": "The port reopened.", "author": "\\t", "byline": "Ann Lee"}', { format: 'jsonl' }).documents;
  assert.is(doc?.title, 'Port reopens');
  assert.is(doc?.body, 'The port reopened.');
  assert.is(doc?.author, 'Ann Lee');
});

test('extra field names are cleaned as values are; one left empty or turned into a mapped name is not copied', () => {
  const [doc] = parseJson('{"title": "T", "body": "b", "ke\\ud800y\\u0000": "v", "\\u0001": "lost", "\\u0000date": "2024-03-17", "__proto__\\u0000": "x"}', { format: 'jsonl' }).documents;
  assert.is((doc as Record<string, unknown>)['ke\ufffdy'], 'v');
  assert.equal(Object.keys(doc ?? {}).sort(), ['body', 'id', 'ke\ufffdy', 'title']);
});

test.run();
