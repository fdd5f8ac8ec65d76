import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { collapseWhitespace } from '../../src/ingest/whitespace.js';

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

test.run();
