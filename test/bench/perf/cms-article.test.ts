// The sample corpus's minimal CMS text reader: title line, optional date line, body.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseCmsArticle } from '../../../bench/perf/cms-article.js';

test('title, date line and body', () => {
  const doc = parseCmsArticle('a1', 'Port Handles Record\n\n2024-03-17 15:34:32 admin source: share:\n\nFirst paragraph.\n\nSecond.\n');
  assert.equal(doc, {
    id: 'a1',
    title: 'Port Handles Record',
    date: '2024-03-17T15:34:32Z',
    time: Date.UTC(2024, 2, 17, 15, 34, 32),
    body: 'First paragraph.\n\nSecond.',
  });
});

test('a date without a time is midnight UTC', () => {
  const doc = parseCmsArticle('a2', 'Title\n2023-01-12 Wang Lei\nBody');
  assert.is(doc.date, '2023-01-12T00:00:00Z');
  assert.is(doc.body, 'Body');
});

test('without a date line everything after the title is body', () => {
  const doc = parseCmsArticle('a3', '\r\n  Title  \r\nNot a date 2024-03-17\r\nMore');
  assert.is(doc.title, 'Title');
  assert.is(doc.date, undefined);
  assert.is(doc.time, undefined);
  assert.is(doc.body, 'Not a date 2024-03-17\nMore');
});

test('an empty file gives an empty document', () => {
  assert.equal(parseCmsArticle('e', ''), { id: 'e', title: '', body: '' });
});

test.run();
