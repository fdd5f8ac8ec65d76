import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SearchIndex } from '../../src/index.js';
import { addLeniently, issueLabel, type DocumentIssue } from '../../src/cli/add-leniently.js';

test('an unreadable date costs the date, not the article; other refusals skip the document, recorded', () => {
  const index = new SearchIndex();
  const issues: DocumentIssue[] = [];
  addLeniently(index, { id: 'a', title: 'Port opens', body: 'The port opened.', date: 'the day after tomorrow' }, issues);
  addLeniently(index, { id: 'x'.repeat(5000), title: 'Long id', body: 'A body.' }, issues);
  addLeniently(index, { id: 'b', title: 'Budget', body: 'Passed.', date: '2024-03-17' }, issues);
  assert.equal(index.search('port').hits.map((h) => h.id), ['a']);
  assert.is(index.size, 2);
  assert.equal(issues.map((i) => [i.id.length > 10 ? 'long' : i.id, i.field, i.action]), [['a', 'date', 'indexed-without-date'], ['long', 'id', 'skipped']]);
  assert.is(issueLabel(issues[1]!), `${'x'.repeat(80)}… (id)`);
});

test('a repeated id replaces the indexed document, also when only its date is unreadable', () => {
  const index = new SearchIndex();
  const issues: DocumentIssue[] = [];
  addLeniently(index, { id: 'a', title: 'Port opens', body: 'First.', date: '2024-03-17' }, issues);
  addLeniently(index, { id: 'a', title: 'Harbour reopens', body: 'Second.', date: 'soon' }, issues);
  assert.is(index.size, 1);
  assert.equal(index.search('harbour').hits.map((h) => h.id), ['a']);
  assert.equal(index.search('port').hits, []);
  assert.equal(issues, [{ id: 'a', field: 'date', action: 'indexed-without-date' }]);
});

test.run();
