import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseHtml, trimTitleSuffix } from '../../src/ingest/html.js';
import { htmlToText } from '../../src/ingest/html-text.js';
import { FIXTURES } from './helpers.js';

const articlePage = readFileSync(path.join(FIXTURES, 'article-page.html'), 'utf8');
const noArticlePage = readFileSync(path.join(FIXTURES, 'no-article-page.html'), 'utf8');

/** A minimal page around a body, with extra head markup. */
function page(head: string, body: string): string {
  return `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
}

test('attribute values lose control characters and whitespace runs', () => {
  const html = '<html><head><link rel="canonical" href=" https://x.example/a\u0000\tb "></head><body><h1>Port</h1>' +
    '<time datetime="2024-03-17\n\t09:00">today</time><article><p>The port reopened.</p></article></body></html>';
  const doc = parseHtml(html, { idBase: 'a.html' })!;
  assert.is(doc.url, 'https://x.example/a b');
  const c1 = parseHtml('<html><head><link rel="canonical" href="https://x.example/2024\u0085/06"></head><body><time datetime="2024-03-17\u0000T10:00">x</time><p>Body text here.</p></body></html>', { idBase: 'c.html' })!;
  assert.is(c1.url, 'https://x.example/2024/06');
  assert.is(c1.date, '2024-03-17T10:00');
  assert.is(doc.date, '2024-03-17 09:00');
});

test('JSON-LD strings are cleaned as the JSON reader cleans them: a lone surrogate escape is U+FFFD', () => {
  const ld = String.raw`{"@type":"NewsArticle","headline":"Port\u0007 reopens \ud800","author":{"name":"Li\u0000 Wei \udc00"},"datePublished":"2024-03-17"}`;
  const doc = parseHtml(page(`<script type="application/ld+json">${ld}</script>`, '<article><p>The port reopened on Monday after repairs.</p></article>'), { idBase: 'a.html' })!;
  assert.is(doc.title, 'Port reopens \ufffd');
  assert.is(doc.author, 'Li Wei \ufffd');
});

test('titles and bylines are the text a reader sees: scripts, styles and noscript inside them are left out', () => {
  const html = '<html><body><h1>Port reopens<script>trackHeadline(1)</script><noscript>enable JS</noscript></h1>' +
    '<p class="byline">By <a rel="author" href="/li">Li Wei<style>.x{}</style></a></p><article><p>The port reopened on Monday after repairs.</p></article></body></html>';
  const doc = parseHtml(html, { idBase: 'p.html' })!;
  assert.is(doc.title, 'Port reopens');
  assert.is(doc.author, 'Li Wei');
});

test('thousands of sibling chrome elements are all removed and the article kept', () => {
  const html = `<html><body>${'<style>.x{}</style><script>t()</script>'.repeat(3000)}<article><h1>Port</h1><p>The port reopened.</p></article>${'<nav>menu</nav>'.repeat(2000)}</body></html>`;
  const doc = parseHtml(html, { idBase: 'c.html' })!;
  assert.is(doc.body, 'The port reopened.');
});

test('paragraphs nested by unclosed inline tags still give the article text', () => {
  // htmlparser2 nests each <p> inside the last when a <b> is left open: thousands deep here.
  const html = `<html><body><h1>Harbour soup</h1>${'<p><b>word of the harbour '.repeat(3000)}</body></html>`;
  const doc = parseHtml(html, { idBase: 's.html' })!;
  assert.is(doc.title, 'Harbour soup');
  assert.ok(doc.body.split('harbour').length > 2500, 'the nested paragraphs are the body');
});

test('a full news page: metadata from og/article/canonical metas', () => {
  const doc = parseHtml(articlePage, { idBase: 'news/ferry.html' });
  assert.is(doc.id, 'news/ferry.html');
  assert.is(doc.title, 'Ferry Line to Huangdao Adds Night Sailings');
  assert.is(doc.date, '2024-06-03T07:30:00+08:00');
  assert.is(doc.author, 'Sun Jia');
  assert.is(doc.source, 'Bay Courier');
  assert.is(doc.url, 'https://www.baycourier.example/news/2024/06/03/ferry-night-sailings');
  assert.is(doc.category, 'Transport');
});

test('boilerplate is removed: nav, header, footer, aside, share, related, script, style, noscript, form, comments', () => {
  const { body } = parseHtml(articlePage);
  for (const marker of ['NAVIGATION-TEXT', 'FOOTER-TEXT', 'SHARE-TEXT', 'RELATED-TEXT', 'TRACKING-SCRIPT-TEXT', 'SCRIPT-IN-ARTICLE', 'NOSCRIPT-TEXT', 'FORM-TEXT', 'COMMENT-TEXT', 'font-family', 'Subscribe today']) {
    assert.not.ok(body.includes(marker), marker);
  }
  assert.not.ok(body.includes('Ferry Line to Huangdao Adds Night Sailings'), 'the headline is the title, not body');
  assert.not.ok(body.startsWith('Transport'), 'the kicker above the headline is dropped');
  assert.not.ok(body.includes('By Sun Jia'), 'the byline is dropped');
});

test('body: paragraphs from block elements, <br> as a line break, entities decoded, whitespace collapsed', () => {
  const { body } = parseHtml(articlePage);
  assert.equal(body.split('\n\n'), [
    'The ferry line between the old town and Huangdao will run until 1 a.m. on Fridays and Saturdays from June 7, the operator said.',
    '“Passengers asked for it,” said the line’s manager. Tickets cost 8 yuan & children under 1.2 metres travel free.',
    'The ferry leaves the old town pier.',
    'The last sailing from Huangdao leaves at 00:40.\nThe first one at 06:30.',
  ]);
});

test('entities &amp; &#8217; &nbsp; in title and body', () => {
  const doc = parseHtml(page('<title>Tom&#8217;s Caf&eacute; &amp; Bar</title>', '<article><p>A&nbsp;&nbsp;B &amp; C&#8217;s</p></article>'));
  assert.is(doc.title, 'Tom’s Café & Bar');
  assert.is(doc.body, 'A B & C’s');
});

test('meta date wins over a visible date', () => {
  const doc = parseHtml(
    page('<meta property="article:published_time" content="2024-03-17T15:34:32Z">', '<article><h1>T</h1><p>March 1, 2023</p><p>Text.</p></article>'),
  );
  assert.is(doc.date, '2024-03-17T15:34:32Z');
});

test('other date metas: pubdate, DC.date, itemprop=datePublished', () => {
  assert.is(parseHtml(page('<meta name="pubdate" content="2024-01-02">', '<p>x</p>')).date, '2024-01-02');
  assert.is(parseHtml(page('<meta name="DC.date" content="2024-01-03">', '<p>x</p>')).date, '2024-01-03');
  assert.is(parseHtml(page('<meta itemprop="datePublished" content="2024-01-04">', '<p>x</p>')).date, '2024-01-04');
  assert.is(parseHtml(page('', '<article><span itemprop="datePublished" content="2024-01-05">Jan 5</span><p>x</p></article>')).date, '2024-01-05');
});

test('<time datetime> gives the normalised form, not the printed text', () => {
  const doc = parseHtml(page('', '<article><h1>T</h1><time datetime="2024-06-03T07:30:00+08:00">June 3, 2024</time><p>x</p></article>'));
  assert.is(doc.date, '2024-06-03T07:30:00+08:00');
});

test('JSON-LD datePublished and author, through arrays and @graph, tolerating invalid JSON', () => {
  const graph = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
    {"@type":"NewsArticle","headline":"LD headline","datePublished":"2024-02-29T08:00:00+08:00","author":[{"@type":"Person","name":"Li Wei"},{"name":"Zhou Min"}]}]}</script>`;
  const doc = parseHtml(page(graph, '<article><p>x</p></article>'));
  assert.is(doc.date, '2024-02-29T08:00:00+08:00');
  assert.is(doc.author, 'Li Wei, Zhou Min');
  assert.is(doc.title, 'LD headline', 'headline from JSON-LD when the page has no other title');

  const broken = '<script type="application/ld+json">{"@type":"NewsArticle", "datePublished": "2024-05-01", oops}</script>';
  assert.is(parseHtml(page(broken, '<p>x</p>')).date, '2024-05-01');
  const trailingComma = '<script type="application/ld+json">[{"@type":"Article","datePublished":"2024-05-02","author":"Ann",},]</script>';
  const doc2 = parseHtml(page(trailingComma, '<p>x</p>'));
  assert.is(doc2.date, '2024-05-02');
  assert.is(doc2.author, 'Ann');
});

test('a visible date near the title when no metadata dates the page', () => {
  const doc = parseHtml(page('', '<div><h1>Market Reopens</h1><div class="info">Posted on Sunday, March 17, 2024 by staff</div><p>Body.</p></div>'));
  assert.is(doc.date, 'March 17, 2024');
  const far = parseHtml(page('', `<h1>T</h1><p>${'word '.repeat(200)}</p><p>In 17 March 2024 news</p>`));
  assert.is(far.date, undefined, 'a date deep in the text is not the page date');
});

test('a page without <article> still yields its main text and metadata', () => {
  const doc = parseHtml(noArticlePage);
  assert.is(doc.title, 'Night Market Reopens on Binhai Avenue');
  assert.is(doc.date, '2024-04-12');
  assert.equal(doc.body.split('\n\n'), [
    'The night market on Binhai Avenue reopened on Friday with 120 stalls selling seafood, snacks and handicrafts.',
    'The market will open every evening from 6 p.m. to midnight until the end of October.',
    'Stall holders must register with the commerce bureau and post their prices.',
  ]);
  const undated = parseHtml(noArticlePage.replace(/<meta name="publishdate"[^>]*>/, ''));
  assert.is(undated.date, '2024-04-12', 'the "date | Source" line above the text');
});

test('main and role=main are used when there is no article', () => {
  const doc = parseHtml(page('', '<div class="sidebar"><p>Side text that is quite long indeed, longer than main.</p></div><main><p>Main text.</p></main>'));
  assert.is(doc.body, 'Main text.');
  const role = parseHtml(page('', '<div id="nav"><p>Menu</p></div><div role="main"><p>Role main text.</p></div>'));
  assert.is(role.body, 'Role main text.');
});

test('a chrome-looking wrapper that holds the article is kept (ASP.NET form, has-sidebar)', () => {
  const doc = parseHtml(page('', '<form id="aspnetForm"><div class="layout has-sidebar"><div class="content"><p>Real article text here.</p><p>More text.</p></div></div></form>'));
  assert.is(doc.body, 'Real article text here.\n\nMore text.');
});

test('truncated HTML (cut mid-tag) gives what it can', () => {
  const cut = articlePage.slice(0, articlePage.indexOf('metres travel free.') + 5) + '<a href="/x';
  const doc = parseHtml(cut);
  assert.is(doc.title, 'Ferry Line to Huangdao Adds Night Sailings');
  assert.is(doc.date, '2024-06-03T07:30:00+08:00');
  assert.ok(doc.body.startsWith('The ferry line between the old town'), doc.body);
  assert.ok(doc.body.includes('Tickets cost 8 yuan'));
  const headOnly = parseHtml('<html><head><title>Only a ti');
  assert.is(headOnly.body, '');
});

test('title: og:title, then <h1> inside the article, then <title> with the site suffix trimmed', () => {
  assert.is(parseHtml(page('<title>Page - Site</title>', '<h1>Logo</h1><article><h1>Article H1</h1><p>x</p></article>')).title, 'Article H1');
  assert.is(parseHtml(page('<title>Li Gang Inspected Key Projects - SCODA</title>', '<p>x</p>')).title, 'Li Gang Inspected Key Projects');
  const og = page('<meta property="og:title" content="OG Title | Bay Courier"><meta property="og:site_name" content="Bay Courier">', '<h1>H</h1>');
  assert.is(parseHtml(og).title, 'OG Title');
});

test('trimTitleSuffix: separators, site name match, short suffixes only', () => {
  assert.is(trimTitleSuffix('Ferry Adds Night Sailings | Bay Courier'), 'Ferry Adds Night Sailings');
  assert.is(trimTitleSuffix('Ferry Adds Night Sailings – Bay Courier'), 'Ferry Adds Night Sailings');
  assert.is(trimTitleSuffix('Ferry Adds Night Sailings :: Courier'), 'Ferry Adds Night Sailings');
  assert.is(trimTitleSuffix('Budget Passes - Department of Finance of Shandong Province', 'Department of Finance of Shandong Province'), 'Budget Passes');
  assert.is(trimTitleSuffix('Bay Courier | Ferry Adds Night Sailings', 'Bay Courier'), 'Ferry Adds Night Sailings');
  assert.is(trimTitleSuffix('Budget Passes - A Long Name of Some Department Website Portal'), 'Budget Passes - A Long Name of Some Department Website Portal');
  assert.is(trimTitleSuffix('Q&A - Part 2 of the series', 'Bay Courier'), 'Q&A - Part 2 of the series');
  assert.is(trimTitleSuffix('No separator here'), 'No separator here');
});

test('htmlToText: block elements, lists, tables, doubled <br> as a paragraph break', () => {
  assert.is(htmlToText('<p>a</p><ul><li>one</li><li>two</li></ul>'), 'a\n\none\n\ntwo');
  assert.is(htmlToText('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>'), 'a b\n\nc');
  assert.is(htmlToText('first<br><br>second<br>third'), 'first\n\nsecond\nthird');
  assert.is(htmlToText('in<b>line</b> <i>words</i>'), 'inline words');
});

test('absurdly deep nesting neither overflows the stack nor loses the text', () => {
  const depth = 20000;
  const html = page('', `${'<div class="wrap">'.repeat(depth)}<p>Deep text.</p>${'</div>'.repeat(depth)}`);
  assert.is(parseHtml(html).body, 'Deep text.');
});

test.run();
