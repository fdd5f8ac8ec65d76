import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDate } from '../../src/dates/index.js';
import { isFooterLine, parseCmsMetaLine, parseCmsText } from '../../src/ingest/cms-text.js';
import type { IngestedDocument } from '../../src/ingest/types.js';
import { FIXTURES, SEED, seedAvailable } from './helpers.js';

/** Checks every seed-format promise on one parsed document. */
function assertSeedShape(doc: IngestedDocument, title: string, date: string, bodyStart: string): void {
  assert.is(doc.title, title);
  assert.is(doc.date, date);
  assert.is(doc.author, 'admin');
  assert.ok(doc.source === undefined || doc.source === '', 'empty source is absent');
  assert.ok(doc.body.startsWith(bodyStart), doc.body.slice(0, 60));
  for (const field of Object.values(doc)) {
    if (typeof field === 'string') assert.not.match(field, /Powered by/);
  }
  assert.not.match(doc.body, /\n\n\n/, 'paragraphs separated by exactly one blank line');
  for (const paragraph of doc.body.split('\n\n')) {
    assert.ok(paragraph.length > 0);
    assert.is(paragraph, paragraph.trim());
  }
  assert.not.match(doc.body, /share:|source:/, 'the meta line is not body');
}

test('the seed: title, date string, author, no source, body, no footer, one blank line between paragraphs', () => {
  if (!seedAvailable('cms-text')) return;
  const doc = parseCmsText(readFileSync(SEED, 'utf8'), { idBase: 'seed.txt' });
  assertSeedShape(
    doc,
    'Li Gang Inspected the Operation of Key Enterprises and the Construction of Key Projects',
    '2024-03-17 15:34:32',
    'On February 26, Li Gang',
  );
  assert.is(doc.id, 'seed.txt');
  assert.is(doc.body.split('\n\n').length, 4);
  assert.ok(doc.body.endsWith('the national "two sessions".'));
});

test('an equivalent document of our own in the seed format', () => {
  const doc = parseCmsText(readFileSync(path.join(FIXTURES, 'cms-seed-format.txt'), 'utf8'));
  assertSeedShape(
    doc,
    'Wang Fang Visited Cold Chain Enterprises and Checked Winter Supply Preparations',
    '2023-12-05 09:12:07',
    'On December 4, Wang Fang',
  );
  assert.is(doc.body.split('\n\n').length, 3);
});

test('CRLF line ends and indented lines give the same document as LF', () => {
  const lf = readFileSync(path.join(FIXTURES, 'cms-seed-format.txt'), 'utf8');
  const crlf = lf.replace(/\n/g, '\r\n').replace(/^On December/m, '   \tOn December');
  assert.equal(parseCmsText(crlf), parseCmsText(lf));
});

test('a source value is kept, views and share are dropped', () => {
  const doc = parseCmsText('Port Record\n\n2024-01-05 10:00:00 Wang Lei source: Port Daily views: 1,204 share:\n\nBody text.');
  assert.is(doc.author, 'Wang Lei');
  assert.is(doc.source, 'Port Daily');
  assert.is(doc.date, '2024-01-05 10:00:00');
  assert.is(doc.body, 'Body text.');
  assert.not.ok('views' in doc);
});

test('labelled parts in any order, with editor, and Chinese CMS labels', () => {
  assert.equal(parseCmsMetaLine('Source: Xinhua | Editor: Li Wei | Date: 2024-03-17'), {
    source: 'Xinhua',
    editor: 'Li Wei',
    date: '2024-03-17',
  });
  assert.equal(parseCmsMetaLine('share: views: 12 author: Zhou Min'), { author: 'Zhou Min' });
  assert.equal(parseCmsMetaLine('发布时间：2024年3月7日 09:30 来源：新华社 作者：张三 浏览次数：88'), {
    date: '2024-03-07 09:30',
    source: '新华社',
    author: '张三',
  });
});

test('a date line keeps its time zone and AM/PM, labelled or leading', () => {
  assert.equal(parseCmsMetaLine('Date: 2024-03-17 23:30 -05:00'), { date: '2024-03-17 23:30 -05:00' });
  assert.equal(parseCmsMetaLine('Published: March 17, 2024 11:30 PM EST | Source: Xinhua'), { date: 'March 17, 2024 11:30 PM EST', source: 'Xinhua' });
  assert.equal(parseCmsMetaLine('2024-03-17 23:30:00 +08:00 Wang Lei source: Port Daily'), { date: '2024-03-17 23:30:00 +08:00', author: 'Wang Lei', source: 'Port Daily' });
});

test('a date label whose value has words before the date stores the date found in it, which the index reads', () => {
  const cases: Array<[string, string]> = [
    ['Date: Published 2024-03-17', '2024-03-17'],
    ['Published: Updated March 17, 2024 10:30', 'March 17, 2024 10:30'],
    ['Date: Last modified on 17 March 2024', '17 March 2024'],
    ['Date: Published 2024-03-17 23:30 -05:00', '2024-03-17 23:30 -05:00'],
    ['发布时间：更新于2024年3月17日 09:30', '2024-03-17 09:30'],
  ];
  for (const [line, date] of cases) {
    assert.equal(parseCmsMetaLine(line), { date }, line);
    assert.ok(parseDate(date) !== undefined, date);
  }
  assert.equal(parseCmsMetaLine('Date: Published 2024-03-17 | Source: Xinhua'), { date: '2024-03-17', source: 'Xinhua' });
  const doc = parseCmsText('Port Reopens\n\nDate: Last modified on 17 March 2024\n\nThe port reopened.');
  assert.is(doc.date, '17 March 2024');
  assert.is(doc.body, 'The port reopened.');
});

test('finding a date inside a label value is not eager: no date, or an unlabelled line, stays as it was', () => {
  const undated = parseCmsText('Port Reopens\n\nDate: to be confirmed\n\nThe port reopened.');
  assert.is(undated.date, undefined);
  assert.ok(undated.body.startsWith('Date: to be confirmed'));
  const prose = parseCmsText('Port Reopens\n\nThe port, closed since 2024-03-17, reopened today.\n\nShips queued.');
  assert.is(prose.date, undefined);
  assert.ok(prose.body.startsWith('The port, closed since 2024-03-17'));
  assert.is(parseCmsMetaLine('Officials said the port reopened on 17 March 2024 after repairs.'), undefined);
  // After digits a date is a range's end or a second date, not the article's: the value is kept as
  // written (the loader drops a date the index cannot read, with a note), and the line's other
  // labels with it.
  for (const line of ['Date: 17–20 March 2024', 'Date: 1-5 March 2024', 'Date: March 1 to March 5, 2024', 'Date: March 2024, updated 2024-03-20', 'Date: 03/17/2024, updated 2024-03-20', 'Time: 9:00-17:00, February 12, 2024', 'Date: Week 11, 2024-03-17']) {
    const meta = parseCmsMetaLine(`${line} | Source: Xinhua`);
    assert.is(meta?.source, 'Xinhua', line);
    assert.is(meta?.date, line.slice(line.indexOf(':') + 2), line);
    assert.is(parseDate(meta!.date!), undefined, line);
  }
  // A time range after the date is not a zone: 9:00 on the 17th, not 20:30 UTC or the next day.
  for (const line of ['Date: Published 2024-03-17 9:00-17:00', 'Date: 2024-03-17 9:00-11:30']) {
    const date = parseCmsMetaLine(line)?.date;
    assert.is(date === undefined ? undefined : new Date(parseDate(date)!).toISOString(), '2024-03-17T09:00:00.000Z', line);
  }
  // A lead date line's range end or zone is not taken for its author.
  assert.equal(parseCmsMetaLine('2024-03-17 9:00-11:30 admin'), { date: '2024-03-17 9:00', author: 'admin' });
  assert.equal(parseCmsMetaLine('2024-03-17 15:34+08:00 admin'), { date: '2024-03-17 15:34+08:00', author: 'admin' });
  // A zone written by a database after seconds, or after ISO's T, still is one.
  assert.is(new Date(parseDate(parseCmsMetaLine('Date: Updated 2024-03-17 15:34:32+08')!.date!)!).toISOString(), '2024-03-17T07:34:32.000Z');
  assert.is(new Date(parseDate(parseCmsMetaLine('Date: 2024-03-17T09:00-11:30')!.date!)!).toISOString(), '2024-03-17T20:30:00.000Z');
});

test("a notice's own labelled lines stay body when their values are not a date or a publisher", () => {
  const fair = parseCmsText('Notice on the Lantern Festival Fair\n\nTime: 9:00-17:00, February 12\nVenue: Jiaozhou Cultural Square\nAll residents are welcome.\n');
  assert.is(fair.date, undefined);
  assert.match(fair.body, /^Time: 9:00-17:00, February 12/);
  const road = parseCmsText('Road Closure Notice\n\nFrom: March 1 to March 5\nThe road will be closed for repairs.\n');
  assert.is(road.source, undefined);
  assert.match(road.body, /^From: March 1 to March 5/);
  // Real meta lines with the same labels still are.
  assert.equal(parseCmsMetaLine('Time: 2024-03-17 09:00 | From: Xinhua'), { date: '2024-03-17 09:00', source: 'Xinhua' });
  assert.ok(parseCmsMetaLine('From: Xinhua News Agency 2024-03-17') !== undefined, 'a From: with a date in it is meta');
});

test('a document without a date line: no date, and the second line is body', () => {
  const doc = parseCmsText('Road Closed on Monday\n\nThe road will be closed for repairs.\n\nDrivers should detour.');
  assert.is(doc.title, 'Road Closed on Monday');
  assert.is(doc.date, undefined);
  assert.is(doc.author, undefined);
  assert.is(doc.body, 'The road will be closed for repairs.\n\nDrivers should detour.');
});

test('a body line that starts with a date is not taken for the date line', () => {
  const doc = parseCmsText('Council Votes\n\nMarch 17, 2024 — The city council voted to approve the new budget for schools.');
  assert.is(doc.date, undefined);
  assert.ok(doc.body.startsWith('March 17, 2024 — The city council'));
});

test('a date line without a time keeps the bare date', () => {
  const doc = parseCmsText('Freight Rates Fall\n2023-11-02 editor01 source: Xinhua share:\nRates fell.');
  assert.is(doc.date, '2023-11-02');
  assert.is(doc.author, 'editor01');
  assert.is(doc.source, 'Xinhua');
  assert.is(doc.body, 'Rates fell.');
});

test('a notice that signs off with a date on its own line is dated by it, the line stays in the body', () => {
  const doc = parseCmsText('Notice on Road Works\n\nThe road is closed.\n\nTraffic Police Brigade\nJanuary 3, 2025\n\nPowered by MetInfo 7.2.0');
  assert.is(doc.date, 'January 3, 2025');
  assert.ok(doc.body.endsWith('Traffic Police Brigade\nJanuary 3, 2025'));
});

test('footer variants at the end are removed, all of them', () => {
  const footers = [
    'Powered by MetInfo 7.2.0 ©2008-2024',
    'Copyright © 2024 SCODA. All rights reserved.',
    '© 2024 Qingdao Daily',
    'All Rights Reserved',
    'share: WeChat Weibo',
    'Print | Close',
    '【打印】【关闭】',
    '[ Back to top ]',
    'Copyright 2008-2024 Jiaozhou Municipal Government',
    '版权所有：胶州市人民政府 鲁ICP备00000000号',
  ];
  const text = `Title\n\n2024-03-17 admin source:\n\nFirst paragraph.\n\nLast paragraph.\n\n${footers.join('\n\n')}\n\n\n`;
  const doc = parseCmsText(text);
  assert.is(doc.body, 'First paragraph.\n\nLast paragraph.');
  for (const footer of footers) assert.ok(isFooterLine(footer), footer);
});

test('a body paragraph that mentions copyright is kept, in the middle and at the end', () => {
  const middle = 'Copyright lawyers said the ruling would change how news sites license photos from agencies.';
  const last = 'The publisher said all rights reserved clauses would be reviewed by the court next year, and the hearing is expected to last for several weeks while both sides present their evidence to the panel of judges.';
  const doc = parseCmsText(`Title\n\n2024-03-17 admin\n\n${middle}\n\nSecond.\n\n${last}\n\nPowered by MetInfo`);
  assert.is(doc.body, `${middle}\n\nSecond.\n\n${last}`);
  assert.not.ok(isFooterLine('He said the print edition would close in May.'));
});

test('runs of blank lines collapse and lines inside a paragraph stay lines', () => {
  const doc = parseCmsText('T\n\n\n\nline one\n  line two  \n\n\n\n\nnext paragraph');
  assert.is(doc.body, 'line one\nline two\n\nnext paragraph');
});

test('degenerate inputs: empty text, a title only, whitespace only', () => {
  assert.equal(parseCmsText(''), { id: 'doc', title: '', body: '' });
  assert.equal(parseCmsText('  \n\n \t\n'), { id: 'doc', title: '', body: '' });
  assert.equal(parseCmsText('Just a headline\n'), { id: 'doc', title: 'Just a headline', body: '' });
});

test('control characters and odd spaces are cleaned from title and body', () => {
  const doc = parseCmsText('Bad\u0007 Title\u00a0 Here\n\nBody\u0000 with\u2003spaces');
  assert.is(doc.title, 'Bad Title Here');
  assert.is(doc.body, 'Body with spaces');
});

test.run();
