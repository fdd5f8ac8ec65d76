import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { binaryReason, decodeBytes } from '../../src/ingest/decode.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + i * 2] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

test('UTF-8 with and without BOM', () => {
  assert.equal(decodeBytes(utf8('Café — 新闻')), { kind: 'text', text: 'Café — 新闻', encoding: 'utf-8' });
  assert.equal(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Café')])), { kind: 'text', text: 'Café', encoding: 'utf-8' });
});

test('UTF-16LE and UTF-16BE with BOM (their NUL bytes are not binary)', () => {
  assert.equal(decodeBytes(utf16('Café 新闻', false)), { kind: 'text', text: 'Café 新闻', encoding: 'utf-16le' });
  assert.equal(decodeBytes(utf16('Café 新闻', true)), { kind: 'text', text: 'Café 新闻', encoding: 'utf-16be' });
});

test('UTF-16 without a BOM is recognised by its NUL pattern, not reported binary', () => {
  const text = 'Port opens\n\nThe port opened today, café included.\n';
  const le = new Uint8Array(Buffer.from(text, 'utf16le'));
  assert.equal(decodeBytes(le), { kind: 'text', text, encoding: 'utf-16le' });
  const be = new Uint8Array(Buffer.from(text, 'utf16le').swap16());
  assert.equal(decodeBytes(be), { kind: 'text', text, encoding: 'utf-16be' });
  // A real binary with NULs scattered is still binary.
  assert.is(decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00])).kind, 'binary');
});

test('invalid UTF-8 falls back to windows-1252 and says so', () => {
  // "Café “quoted”" in windows-1252: é = E9, curly quotes = 93/94.
  const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]);
  assert.equal(decodeBytes(bytes), { kind: 'text', text: 'Café “q”', encoding: 'latin1-fallback' });
});

test('UTF-8 with a bad byte stays UTF-8, the bad sequence replaced, and says so', () => {
  // One corrupt byte in a Chinese article: read as windows-1252, every character was mojibake.
  const text = '青岛港集装箱吞吐量创新高。'.repeat(20);
  const good = utf8(text);
  const bad = new Uint8Array([...good.subarray(0, 30), 0xff, ...good.subarray(30)]);
  const decoded = decodeBytes(bad);
  assert.equal(decoded.kind === 'text' ? [decoded.encoding, decoded.text.replace('\ufffd', '')] : decoded, ['utf-8-repaired', text]);
  // A BOM says UTF-8 however much is wrong after it, and is not part of the text.
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Caf'), 0xe9, ...utf8(' news')]);
  assert.equal(decodeBytes(withBom), { kind: 'text', text: 'Caf\ufffd news', encoding: 'utf-8-repaired' });
});

test('a declared charset is honoured when the bytes are not UTF-8', () => {
  const head = utf8('<html><head><meta charset="gbk"><title>');
  const gbk = new Uint8Array([0xd0, 0xc2, 0xce, 0xc5]); // 新闻
  const bytes = new Uint8Array([...head, ...gbk, ...utf8('</title></head></html>')]);
  const decoded = decodeBytes(bytes);
  assert.is(decoded.kind, 'text');
  if (decoded.kind === 'text') {
    assert.is(decoded.encoding, 'gbk');
    assert.ok(decoded.text.includes('<title>新闻</title>'));
  }
  const lyingUtf8 = new Uint8Array([...utf8('<meta charset="utf-8">'), 0xe9]);
  assert.equal(decodeBytes(lyingUtf8), { kind: 'text', text: '<meta charset="utf-8">é', encoding: 'latin1-fallback' });
});

test('binary: NUL bytes, or mostly control bytes, in the first 8 KB', () => {
  assert.is(decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])).kind, 'binary');
  const controls = new Uint8Array(1000).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
  assert.ok(binaryReason(controls) !== undefined);
  assert.is(binaryReason(utf8('plain text\twith\ttabs\r\nand\fform feeds')), undefined);
  // A NUL after the first 8 KB is not looked at: the check is bounded.
  const late = new Uint8Array(9000).fill(0x41);
  late[8999] = 0;
  assert.is(binaryReason(late), undefined);
});

test.run();
