// Specification of flattenDeepMarkup: markup within the depth cap is untouched; past it, tags go and
// their text stays, so the parser sees a shallow tree with the same words.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { flattenDeepMarkup } from '../../src/ingest/markup-depth.js';
import { htmlToText } from '../../src/ingest/html-text.js';
import { parseFeed } from '../../src/ingest/feeds.js';
import { parseHtml } from '../../src/ingest/html.js';

test('markup within the cap comes back as the same string', () => {
  const page = '<!doctype html><html><head><title>a < b</title><script>if (a<b) { x("</div>") }</script></head>' +
    '<body><!-- <b><b><b> --><div><p>One<br>two<img src=x></p><![CDATA[<i><i>]]></div></body></html>';
  assert.is(flattenDeepMarkup(page, 4), page); // html, body, div, p
  assert.is(flattenDeepMarkup('plain text, a < b and <3'), 'plain text, a < b and <3');
});

test('tags past the cap are dropped with their end tags; the text stays', () => {
  assert.is(flattenDeepMarkup('<a><b><c>x</c>y</b>z</a>', 1), '<a>xyz</a>');
  assert.is(flattenDeepMarkup('<a><b>1<c>2</c></b><d>3</d></a>', 2), '<a><b>12</b><d>3</d></a>');
  // Void elements open no level; in HTML `<x/>` opens `<x>` as the parser reads it, in XML it does not.
  assert.is(flattenDeepMarkup('<a><br><img/><b>t</b></a>', 2), '<a><br><img/><b>t</b></a>');
  assert.is(flattenDeepMarkup('<a><x/><b>t</b></a>', 2), '<a><x/>t</a>');
  assert.is(flattenDeepMarkup('<a><x/><b>t</b></a>', 2, true), '<a><x/><b>t</b></a>');
  // An end tag with no open element of its name closes nothing.
  assert.is(flattenDeepMarkup('<a></i><b><c>t</c></b></a>', 2), '<a></i><b>t</b></a>');
  // A `>` inside a quoted attribute does not end the tag.
  assert.is(flattenDeepMarkup('<a><b title="x>y">t</b></a>', 1), '<a>t</a>');
});

test('elements the parser closes by themselves open no level: a long flat list stays whole', () => {
  const select = `<html><body><select>${'<option>choice'.repeat(1500)}</select><article><p>The port reopened.</p></article></body></html>`;
  assert.is(flattenDeepMarkup(select), select);
  const paragraphs = `<html><body>${'<p>para'.repeat(1500)}<noscript>enable</noscript></body></html>`;
  assert.is(flattenDeepMarkup(paragraphs), paragraphs);
  const page = parseHtml(`<html><body><h1>Site</h1><select>${'<option>x'.repeat(1200)}</select><article><h1>Port reopens</h1><p>The port reopened on Monday.</p></article></body></html>`, { idBase: 'p.html' });
  assert.match(page.body, /The port reopened on Monday\./);
});

test('ways around the cap are closed: self-closing soup, stray end tags, XML void names', () => {
  for (const soup of ['<b/>'.repeat(5000), '<b></i>'.repeat(5000), `<plaintext>${'<b>'.repeat(5000)}`]) {
    const flat = flattenDeepMarkup(soup);
    assert.ok(flat.length < soup.length, 'tags past the cap were dropped');
  }
  assert.ok(flattenDeepMarkup('<br>'.repeat(5000), 1000, true).length < 5000 * 4, 'in XML <br> is an element like any other');
});

test('pathologically deep pages keep their words through every parser', () => {
  const words = 'harbour '.repeat(20_000);
  const deep = `${'<b>'.repeat(20_000)}${words}`;
  assert.ok(htmlToText(deep).split('harbour').length > 20_000);
  const page = parseHtml(`<html><body><h1>Deep</h1><article><p>${'<span>'.repeat(30_000)}The port reopened.</p></article></body></html>`, { idBase: 'd.html' });
  assert.is(page.title, 'Deep');
  assert.match(page.body, /The port reopened\./);
  const feed = parseFeed(`<rss><channel><title>F</title><item><title>Deep item</title><description>${'<x>'.repeat(30_000)}text</description></item></channel></rss>`);
  assert.equal(feed.documents.map((d) => d.title), ['Deep item']);
});

test.run();
