// The term dictionary: exact lookup, prefix ranges and the byte form agree with a sorted array.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TermDictionary } from '../../src/index/dictionary.js';

const terms = ['__proto__', 'constructor', 'port', 'portal', 'porter', 'ports', 'qingdao', 'zürich', '港口'].sort();

test('lookup finds every term and only those', () => {
  const dict = TermDictionary.fromSorted(terms.slice());
  terms.forEach((t, i) => assert.is(dict.lookup(t), i));
  for (const missing of ['', 'a', 'por', 'portz', 'zzz', 'toString', 'hasOwnProperty']) assert.is(dict.lookup(missing), -1);
});

test('prefixRange returns exactly the terms with the prefix', () => {
  const dict = TermDictionary.fromSorted(terms.slice());
  const [from, to] = dict.prefixRange('port');
  assert.equal(dict.terms.slice(from, to), ['port', 'portal', 'porter', 'ports']);
  const [a, b] = dict.prefixRange('x');
  assert.is(b - a, 0);
});

test('the byte form decodes to the same dictionary', () => {
  const dict = TermDictionary.fromSorted(terms.slice());
  const loaded = TermDictionary.fromBytes(dict.toBytes(), terms.length);
  assert.equal(loaded.terms, terms);
  assert.is(loaded.lookup('港口'), terms.indexOf('港口'));
  assert.equal(TermDictionary.fromBytes(TermDictionary.fromSorted([]).toBytes(), 0).terms, []);
});

test.run();
