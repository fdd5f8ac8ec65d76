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
  // Void and self-closing elements open no level.
  assert.is(flattenDeepMarkup('<a><br><img/><x/><b>t</b></a>', 2), '<a><br><img/><x/><b>t</b></a>');
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
