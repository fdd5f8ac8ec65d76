// parseDate on the raw dates of real collections in ../shared, checked against the converted ISO
// dates shipped beside them: 20 Newsgroups `Date:` headers (RFC 822 as written in 1993, zones and
// all) and Reuters-21578 <DATE> elements. Skips with a notice when the shared data is absent.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseDate } from '../../src/dates/parse-date.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const corpora = path.resolve(root, '..', 'shared', 'corpora');
const newsgroupsDocs = path.join(corpora, '20newsgroups.jsonl.gz');
const newsgroupsHeaders = path.join(corpora, 'sources', '20newsgroups', '20news-19997-headers.tsv.gz');
const reutersDocs = path.join(corpora, 'reuters21578.jsonl.gz');
const reutersSources = path.join(corpora, 'sources', 'reuters21578');

function gunzipLines(file: string, encoding: BufferEncoding = 'utf8'): string[] {
  return gunzipSync(readFileSync(file)).toString(encoding).split('\n');
}

/** id → converted ISO date, from a docs.jsonl.gz. */
function convertedDates(file: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const line of gunzipLines(file)) {
    if (line === '') continue;
    const doc = JSON.parse(line) as { id: string; date?: string };
    if (doc.date !== undefined) dates.set(doc.id, doc.date);
  }
  return dates;
}

if (!existsSync(newsgroupsDocs) || !existsSync(newsgroupsHeaders)) {
  console.log(`parse-date.corpora: ${corpora} has no 20 Newsgroups data; skipping`);
} else {
  test('20 Newsgroups: every Date header reads, and agrees with the converter but for its known misreadings', () => {
    const converted = convertedDates(newsgroupsDocs);
    let agreed = 0;
    const unreadable: string[] = [];
    const disagreements: string[] = [];
    for (const line of gunzipLines(newsgroupsHeaders)) {
      if (line === '' || line.startsWith('#')) continue;
      const [id = '', raw = ''] = line.split('\t');
      const expected = converted.get(id);
      if (expected === undefined) continue; // in the original collection, not in "bydate"
      const ms = parseDate(raw);
      if (ms === undefined) unreadable.push(raw);
      else if (ms === parseDate(expected)) agreed++;
      else disagreements.push(raw);
    }
    // An hour offset of 30 is not a zone; refusing it beats guessing.
    assert.equal(unreadable, ['19 Apr 93 16:15:19 +3000']);
    assert.is(agreed, 18_838);
    // The converter (Python's email.utils) reads `+02` as two minutes, ignores `GMT+12`, and
    // ignores `EDT(-0400)` because the comment touches the zone; parseDate reads all three as meant.
    assert.is(disagreements.length, 7);
    for (const raw of disagreements) assert.match(raw, /( [+-]\d\d|GMT\+\d\d|EDT\(-0400\))$/);
  });
}

if (!existsSync(reutersDocs) || !existsSync(reutersSources)) {
  console.log(`parse-date.corpora: ${corpora} has no Reuters-21578 data; skipping`);
} else {
  test('Reuters-21578: raw <DATE> values agree with the converter to the second', () => {
    const converted = convertedDates(reutersDocs);
    let agreed = 0;
    const trailingJunk: string[] = [];
    const unreadable: string[] = [];
    for (let file = 0; file <= 21; file++) {
      const name = `reut2-${String(file).padStart(3, '0')}.sgm.gz`;
      const sgml = gunzipSync(readFileSync(path.join(reutersSources, name))).toString('latin1');
      for (const [, id = '', raw = ''] of sgml.matchAll(/NEWID="(\d+)">\s*<DATE>([^<]*)<\/DATE>/g)) {
        const expected = parseDate(converted.get(id) ?? '');
        assert.ok(expected !== undefined, `converted date of NEWID ${id}`);
        const ms = parseDate(raw);
        if (ms === undefined) {
          const junkAt = raw.indexOf('&#');
          if (junkAt < 0) {
            unreadable.push(`${id} ${raw}`);
            continue;
          }
          // Control characters after the date (`&#5;&#5;&#5;F`): the text itself is unreadable,
          // and the date before them is fine.
          trailingJunk.push(raw);
          const cut = parseDate(raw.slice(0, junkAt));
          assert.is(cut === undefined ? undefined : Math.floor(cut / 1000) * 1000, expected, raw);
          continue;
        }
        // The converter drops hundredths of seconds.
        assert.is(Math.floor(ms / 1000) * 1000, expected, raw);
        agreed++;
      }
    }
    // A malformed hour, and an annotation the corpus editor left inside the element.
    assert.equal(unreadable, [
      '15370 9-APR-1987 00:00:00.00    # date added by S Finch as guesswork ',
      '17192 31-MAR-1987 605:12:19.12',
    ]);
    assert.is(trailingJunk.length, 327);
    assert.is(agreed + trailingJunk.length + unreadable.length, 21_578);
  });
}

test.run();
