import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { NewsDocument } from '../../src/document.js';
import { parseFeed } from '../../src/ingest/feeds.js';
import { SearchIndex } from '../../src/search-index.js';
import { FIXTURES } from './helpers.js';

const rss = readFileSync(path.join(FIXTURES, 'feed.rss.xml'), 'utf8');
const atom = readFileSync(path.join(FIXTURES, 'feed.atom.xml'), 'utf8');

test('RSS 2.0: one document per item with guid, link, pubDate, creator, categories and feed title as source', () => {
  const feed = parseFeed(rss, { idBase: 'feeds/harbour.xml' });
  assert.is(feed.kind, 'rss');
  assert.is(feed.title, 'Harbour Bulletin');
  assert.is(feed.documents.length, 3);
  assert.equal(feed.documents[0], {
    id: 'bulletin-2025-0616-pilot',
    title: 'Pilot boats go electric',
    body: 'The first battery-powered pilot boat entered service & carried 40 pilots.\n\nFour more will follow by 2027.',
    date: 'Mon, 16 Jun 2025 09:30:00 +0800',
    url: 'https://bulletin.example/2025/06/pilot-boats',
    author: 'Wang Lei',
    category: ['Shipping', 'Energy'],
    source: 'Harbour Bulletin',
  });
});

test('RSS: content:encoded is preferred over description; no guid means the link is the id; no date stays absent', () => {
  const doc = parseFeed(rss).documents[1];
  assert.is(doc?.id, 'https://bulletin.example/2025/03/reefer');
  assert.is(doc?.body, 'A second cold storage yard added 1,800 reefer plugs.\n\nDirect rail transfer\n\nShared inspection area');
  assert.is(doc?.date, undefined);
  assert.not.ok(doc !== undefined && 'category' in doc);
});

test('RSS: escaped HTML in title and description becomes text; dc:date; no guid or link → idBase#n', () => {
  const doc = parseFeed(rss, { idBase: 'harbour.xml' }).documents[2];
  assert.is(doc?.id, 'harbour.xml#3');
  assert.is(doc?.title, 'Escaped markup in a title & entities');
  assert.is(doc?.body, 'Escaped HTML paragraph one.\n\nParagraph two.');
  assert.is(doc?.date, '2024-02-20T08:00:00+08:00');
});

test('Atom: id, alternate link, published over updated, author name, category terms, html content', () => {
  const feed = parseFeed(atom);
  assert.is(feed.kind, 'atom');
  assert.equal(feed.documents[0], {
    id: 'tag:city.example,2025-04-08:bike-lanes',
    title: 'Bike lanes to open by October',
    body: 'The city will build 45 kilometres of bike lanes.\n\nThey link metro stations.',
    date: '2025-04-08T09:00:00+08:00',
    url: 'https://city.example/news/bike-lanes.html',
    author: 'Transport Bureau',
    category: ['transport', 'environment'],
    source: 'City Updates',
  });
});

test('Atom: xhtml content, html title, a link without rel, updated as the date', () => {
  const doc = parseFeed(atom).documents[1];
  assert.is(doc?.title, 'Library & reading room');
  assert.is(doc?.body, 'The branch opened with 80,000 books.\n\nCards are free.');
  assert.is(doc?.url, 'https://city.example/news/library.html');
  assert.is(doc?.date, '2025-01-06T08:00:00+08:00');
});

test('Atom: xhtml content whose markup sits in CDATA is read as HTML, not as raw tags', () => {
  const feed = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>Port</title><id>p1</id>' +
    '<content type="xhtml"><![CDATA[<p>The port <b>reopened</b>.</p><script>track()</script><p>Ships queue.</p>]]></content></entry></feed>';
  assert.is(parseFeed(feed).documents[0]?.body, 'The port reopened.\n\nShips queue.');
});

test('Atom: an entry without id, link or date gets idBase#n and no date; summary is the body', () => {
  const doc = parseFeed(atom, { idBase: 'city.atom' }).documents[2];
  assert.is(doc?.id, 'city.atom#3');
  assert.is(doc?.date, undefined);
  assert.is(doc?.body, 'No date on this one.');
});

test('RSS 1.0 (RDF) items sit beside the channel', () => {
  const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel><title>RDF Feed</title></channel>
    <item><title>One</title><link>https://x.example/1</link><description>Body one</description><dc:date>2024-01-01</dc:date></item>
  </rdf:RDF>`;
  const feed = parseFeed(rdf);
  assert.is(feed.kind, 'rdf');
  assert.equal(feed.documents, [
    { id: 'https://x.example/1', title: 'One', body: 'Body one', date: '2024-01-01', url: 'https://x.example/1', source: 'RDF Feed' },
  ]);
});

test('a link or guid longer than the index takes gives a short id: its start and a hash of all of it, the same every run', () => {
  const link = `https://x.example/story?state=${'a'.repeat(5000)}`;
  const twin = `${link.slice(0, -1)}b`; // differs only in its last character
  const guid = `urn:x:${'g'.repeat(5000)}`;
  const rssText = `<rss><channel><title>F</title>
    <item><title>One</title><link>${link}</link><description>Body one.</description></item>
    <item><title>Two</title><link>${twin}</link><description>Body two.</description></item>
    <item><title>Three</title><guid>${guid}</guid><description>Body three.</description></item>
    <item><title>Four</title><link>https://x.example/4</link><description>Body four.</description></item>
  </channel></rss>`;
  const docs = parseFeed(rssText).documents;
  const ids = docs.map((d) => d.id);
  assert.ok(ids.every((id) => id.length <= 4096), String(ids.map((id) => id.length)));
  assert.ok(ids[0]!.startsWith(link.slice(0, 100)) && ids[2]!.startsWith('urn:x:ggg'));
  assert.is(new Set(ids).size, 4, 'links that differ only at the end keep different ids');
  assert.equal(parseFeed(rssText).documents.map((d) => d.id), ids, 'stable across runs');
  assert.is(docs[0]!.url, link, 'the url stays whole');
  assert.is(ids[3], 'https://x.example/4', 'ids the index takes are kept as they are');
  const atomText = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>${guid}</id><title>Five</title><summary>Body five.</summary></entry></feed>`;
  assert.is(parseFeed(atomText).documents[0]!.id, ids[2], 'an Atom id is bounded like an RSS guid');
  const index = new SearchIndex();
  index.addAll(docs as NewsDocument[]);
  assert.is(index.size, 4);
});

test('not a feed, an empty feed and a truncated feed never throw', () => {
  assert.equal(parseFeed('<html><body>hi</body></html>'), { kind: 'unknown', documents: [] });
  assert.equal(parseFeed('<rss><channel><title>Empty</title></channel></rss>').documents, []);
  const cut = rss.slice(0, rss.indexOf('Four more will'));
  const feed = parseFeed(cut);
  assert.is(feed.documents[0]?.title, 'Pilot boats go electric');
});

test.run();
