import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatFromContent, formatFromExtension, sniffFormat } from '../../src/ingest/sniff.js';

test('formats by extension, case-insensitive, through .gz', () => {
  assert.is(formatFromExtension('a/b/story.TXT'), 'cms-text');
  assert.is(formatFromExtension('x.htm'), 'html');
  assert.is(formatFromExtension('x.html'), 'html');
  assert.is(formatFromExtension('x.json'), 'json');
  assert.is(formatFromExtension('x.jsonl'), 'jsonl');
  assert.is(formatFromExtension('x.ndjson'), 'jsonl');
  assert.is(formatFromExtension('x.xml'), 'feed');
  assert.is(formatFromExtension('x.rss'), 'feed');
  assert.is(formatFromExtension('x.atom'), 'feed');
  assert.is(formatFromExtension('dump.jsonl.gz'), 'jsonl');
  assert.is(formatFromExtension('README'), undefined);
  assert.is(formatFromExtension('dir.d/README'), undefined);
  assert.is(formatFromExtension('.hidden'), undefined);
});

test('formats by content, past BOM, XML declaration, comments and whitespace', () => {
  assert.is(formatFromContent('\ufeff<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">'), 'feed');
  assert.is(formatFromContent('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'), 'feed');
  assert.is(formatFromContent('<rdf:RDF xmlns:rdf="x">'), 'feed');
  assert.is(formatFromContent('<!DOCTYPE html><html>'), 'html');
  assert.is(formatFromContent('  <html lang="en">'), 'html');
  assert.is(formatFromContent('{"a":1}'), 'json');
  assert.is(formatFromContent('[{"a":1}]'), 'json');
  assert.is(formatFromContent('Li Gang Inspected the Operation'), undefined);
});

test('content overrules a lying extension', () => {
  assert.is(sniffFormat('page.txt', '<!doctype html><html><body>x</body></html>'), 'html');
  assert.is(sniffFormat('feed.html', '<?xml version="1.0"?><rss><channel></channel></rss>'), 'feed');
  assert.is(sniffFormat('data.txt', '[{"title":"A"}]'), 'json');
  assert.is(sniffFormat('notes.json', 'Title line\n\nJust prose, not JSON.'), 'cms-text');
  assert.is(sniffFormat('page.xml', '<!DOCTYPE html><html></html>'), 'html');
});

test('the extension stands when the content agrees or says nothing', () => {
  assert.is(sniffFormat('story.txt', 'Title\n\n2024-03-17 admin\n\nBody'), 'cms-text');
  assert.is(sniffFormat('dump.jsonl', '{"a":1}\n{"a":2}'), 'jsonl');
  assert.is(sniffFormat('broken.json', '{"a": '), 'json');
  assert.is(sniffFormat('story.txt', '{ braces in a title }\nand prose'), 'cms-text');
  assert.is(sniffFormat('fragment.html', 'just text'), 'html');
});

test('no extension: content decides, plain text is CMS text', () => {
  assert.is(sniffFormat('corpus/README', 'Some notes'), 'cms-text');
  assert.is(sniffFormat('corpus/page', '<html><body></body></html>'), 'html');
  assert.is(sniffFormat('corpus/feed', '<rss></rss>'), 'feed');
});

test('text that starts with a bracket is JSON only when a JSON value follows it', () => {
  for (const text of ['[Photos] Port reopens\n\nThe port reopened. [Print] [Close]', '{Breaking} Ferry resumes', '[ Video ] Harbour']) {
    assert.is(formatFromContent(text), undefined, text);
    assert.is(sniffFormat('story', text), 'cms-text', text);
    assert.is(sniffFormat('story.txt', text), 'cms-text', text);
  }
  for (const text of ['[{"id": 1}]', '[ ]', '{ "title": "x" }', '{}', '[\n  "a"]', '[1, 2]']) assert.is(formatFromContent(text), 'json', text);
});

test.run();
