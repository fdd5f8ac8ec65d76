import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cleanText, collapseWhitespace } from '../../src/ingest/whitespace.js';

/** The dumb oracle: drop controls, squeeze every whitespace run, trim. */
function oracle(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, '')
    .replace(/[\s\u00a0\u3000\u2000-\u200a\u2028\u2029\u202f\u205f\u1680\ufeff]+/g, ' ')
    .trim();
}

test('examples: NBSP, ideographic space, tabs, newlines, controls inside words', () => {
  assert.is(collapseWhitespace('  a\u00a0\u00a0b\u3000c\t\nd  '), 'a b c d');
  assert.is(collapseWhitespace('ab\u0007cd'), 'abcd');
  assert.is(collapseWhitespace(''), '');
  const clean = 'already clean text';
  assert.is(collapseWhitespace(clean), clean);
});

test('matches the regex oracle on arbitrary strings', () => {
  const alphabet = fc.constantFrom('a', 'Z', 'é', '新', ' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u2003', '\u0000', '\u0007', '\u007f', '\u0085', '\ufeff');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
      const s = chars.join('');
      return collapseWhitespace(s) === oracle(s);
    }),
    { numRuns: 2000 },
  );
});

test('cleanText: lone surrogates → U+FFFD, pairs kept, controls dropped, VT/FF → line break, other whitespace as written', () => {
  assert.is(cleanText('a\ud800b \udc00 \ud83d\udea2 \ud800\ud800 \ud83d'), 'a\ufffdb \ufffd \ud83d\udea2 \ufffd\ufffd \ufffd');
  assert.is(cleanText('Wor\u0000ld\u0007 \u0085x\u007f'), 'World x');
  assert.is(cleanText('one\u000btwo\u000cthree\n\n\tfour  five\r\n'), 'one\ntwo\nthree\n\n\tfour  five\r\n');
  const clean = 'already clean\ttext\n\nwith a pair \ud83d\udea2';
  assert.is(cleanText(clean), clean);
});

test('cleanText leaves no lone surrogate and no control but tab, LF and CR, and changes nothing else', () => {
  const alphabet = fc.constantFrom('a', '新', ' ', '\t', '\n', '\r', '\u000b', '\u000c', '\u0000', '\u0007', '\u001f', '\u007f', '\u0085', '\ud800', '\udc00', '\ud83d', '\ude00');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
      const s = chars.join('');
      const out = cleanText(s);
      // Surrogates are repaired before controls go: halves a control stood between stay two U+FFFD.
      const repaired = s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
      const oracle = repaired.replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, '').replace(/[\u000b\u000c]/g, '\n');
      return !/\p{Cs}|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u.test(out) && out === oracle;
    }),
    { numRuns: 2000 },
  );
});

test.run();
