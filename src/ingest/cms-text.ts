// Parses CMS text exports like the seed: title line, an optional "date author source: … share:"
// line, paragraphs, and a CMS footer that is dropped only at the end of the document.
// It reads one document per text; it does not sniff formats or decode bytes.

import { parseDate } from '../dates/index.js';
import { findDate, matchDateAt } from './date-text.js';
import type { IngestedDocument, ParseOptions } from './types.js';
import { collapseWhitespace } from './whitespace.js';

/** Options of the CMS text parser. */
export type CmsTextOptions = ParseOptions;

/** The fields a CMS date/meta line can give. */
export interface CmsMeta {
  date?: string;
  author?: string;
  source?: string;
  editor?: string;
}

/** At most this many meta lines follow the title (some CMSs split date and source over two). */
const MAX_META_LINES = 3;
/** A meta line is short; a longer line is body text that happens to start with a date. */
const MAX_META_LINE = 300;
/** Label values (names, agencies) are short; a longer one means the "label" was prose. */
const MAX_LABEL_VALUE = 80;
/** Footer lines are short; a long last paragraph that mentions copyright is body. */
const MAX_FOOTER_LINE = 200;

type LabelKind = keyof CmsMeta | 'ignored';

/** Known labels (lower case) and the field they fill; `ignored` labels are CMS chrome. */
const LABELS: ReadonlyMap<string, LabelKind> = new Map<string, LabelKind>([
  ['date', 'date'], ['published', 'date'], ['posted', 'date'], ['time', 'date'], ['updated', 'date'],
  ['发布时间', 'date'], ['发布日期', 'date'], ['时间', 'date'], ['日期', 'date'], ['更新时间', 'date'],
  ['author', 'author'], ['by', 'author'], ['writer', 'author'], ['reporter', 'author'],
  ['作者', 'author'], ['发布者', 'author'], ['发布人', 'author'], ['记者', 'author'],
  ['source', 'source'], ['from', 'source'], ['来源', 'source'], ['出处', 'source'], ['稿源', 'source'],
  ['editor', 'editor'], ['编辑', 'editor'], ['责任编辑', 'editor'], ['责编', 'editor'],
  ['views', 'ignored'], ['hits', 'ignored'], ['clicks', 'ignored'], ['visits', 'ignored'], ['reads', 'ignored'],
  ['浏览', 'ignored'], ['浏览次数', 'ignored'], ['浏览量', 'ignored'], ['点击', 'ignored'],
  ['点击数', 'ignored'], ['点击量', 'ignored'], ['阅读', 'ignored'], ['阅读量', 'ignored'],
  ['share', 'ignored'], ['share to', 'ignored'], ['分享', 'ignored'], ['分享到', 'ignored'],
  ['font size', 'ignored'], ['字号', 'ignored'],
]);

// Longest labels first so `发布时间` wins over `时间` and `share to` over `share`.
const LABEL_RE = new RegExp(
  `(?<![A-Za-z])(${[...LABELS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/ /g, '\\s+'))
    .join('|')})\\s*[:：]`,
  'gi',
);

/** Punctuation that separates parts of a meta line and never belongs to a value. */
const SEPARATORS = /^[\s|/,;·•\-–—[\]【】()（）]+|[\s|/,;·•\-–—[\]【】()（）]+$/g;

/** Link words that CMS templates print at the end of a meta line. */
const TRAILING_NAV = /(?:\s+(?:print|close|share|打印|关闭|分享))+$/i;

/** Words of "Print | Close" style link rows. */
const NAV_WORDS = new Set([
  'print', 'close', 'back', 'to', 'top', 'email', 'e-mail', 'share', 'favorite', 'favourite', 'bookmark',
  'window', 'page', 'this', 'return', 'home', 'font', 'size', 'large', 'medium', 'small',
  '打印', '关闭', '返回', '顶部', '返回顶部', '打印本页', '关闭窗口', '收藏', '大', '中', '小', '字号',
]);

/** Footer line shapes; only short lines at the very end of a document are tested against them. */
const FOOTER_RES: readonly RegExp[] = [
  /^powered\s+by\s+\S/i,
  /^(?:copyright\s*)?(?:©|\(c\)|&copy;)/i,
  /^copyright\b.*(?:\d{4}|all\s+rights\s+reserved)/i,
  /all\s+rights\s+reserved\.?$/i,
  /^(?:版权所有|技术支持|主办单位|承办单位|网站标识码)/,
  /ICP[备证]/,
  /^(?:share|分享到?)\s*[:：]/i,
  /^(?:previous|prev|next)(?:\s+(?:article|post|story))?\s*[:：]/i,
  /^(?:上一篇|下一篇)/,
];

/**
 * Parses one CMS text page. The first non-empty line is the title; a date/meta line right after it
 * gives date, author, source and editor (absent fields stay absent); the rest is the body, lines
 * trimmed, paragraphs separated by exactly one blank line, trailing CMS footer lines removed.
 */
export function parseCmsText(text: string, options: CmsTextOptions = {}): IngestedDocument {
  const lines = splitTrimmedLines(text);
  let i = skipBlank(lines, 0);
  const title = i < lines.length ? (lines[i] as string) : '';
  i++;

  const meta: CmsMeta = {};
  for (let m = 0; m < MAX_META_LINES; m++) {
    const next = skipBlank(lines, i);
    if (next >= lines.length) break;
    const parsed = parseCmsMetaLine(lines[next] as string);
    if (parsed === undefined) break;
    for (const key of ['date', 'author', 'source', 'editor'] as const) {
      const value = parsed[key];
      if (value !== undefined && meta[key] === undefined) meta[key] = value;
    }
    i = next + 1;
  }

  const end = bodyEnd(lines, i);
  const doc: IngestedDocument = { id: options.idBase ?? 'doc', title, body: joinBody(lines, i, end) };
  // Notices carry no date line but sign off with the date on a line of its own; it stays in the body.
  const date = meta.date ?? (end > i ? signOffDate(lines[end - 1] as string) : undefined);
  if (date !== undefined) doc.date = date;
  if (meta.author !== undefined) doc.author = meta.author;
  if (meta.source !== undefined) doc.source = meta.source;
  if (meta.editor !== undefined) doc.editor = meta.editor;
  return doc;
}

/**
 * Reads a CMS meta line (`2024-03-17 15:34:32 admin source: share:`, `Source: Xinhua | Editor: Li`,
 * `发布时间：2024-03-17 来源：新华社`), or returns undefined when the line is body text.
 * Unlabelled short text after a leading date is the author. Empty values are absent.
 */
export function parseCmsMetaLine(line: string): CmsMeta | undefined {
  if (line.length === 0 || line.length > MAX_META_LINE) return undefined;
  const lead = matchDateAt(line, 0);
  const restStart = lead === undefined ? 0 : lead.end;

  // Label positions in the rest of the line.
  const labels: { kind: LabelKind; name: string; start: number; valueStart: number }[] = [];
  LABEL_RE.lastIndex = restStart;
  let m: RegExpExecArray | null;
  while ((m = LABEL_RE.exec(line)) !== null) {
    const name = (m[1] as string).toLowerCase().replace(/\s+/g, ' ');
    labels.push({ kind: LABELS.get(name) ?? 'ignored', name, start: m.index, valueStart: m.index + m[0].length });
  }
  if (lead === undefined && labels.length === 0) return undefined;

  const unlabelled = clean(line.slice(restStart, labels[0]?.start ?? line.length));
  const meta: CmsMeta = {};
  if (lead !== undefined) meta.date = lead.value;
  if (unlabelled.length > 0) {
    if (!isNameLike(unlabelled)) return undefined;
    meta.author = unlabelled.replace(/^by\s+/i, '');
  }
  for (let k = 0; k < labels.length; k++) {
    const label = labels[k] as (typeof labels)[number];
    const value = clean(line.slice(label.valueStart, labels[k + 1]?.start ?? line.length));
    if (value.length > MAX_LABEL_VALUE) return undefined;
    if (value.length === 0 || label.kind === 'ignored' || meta[label.kind] !== undefined) continue;
    const date = label.kind === 'date' ? labelledDate(value) : undefined;
    // A notice's own lines use the same labels: "Time: 9:00-17:00, February 12" holds no date the
    // index reads, "From: March 1 to March 5" is a period, not a publisher. Such a line is body.
    if (label.kind === 'date' && date === undefined && findDate(value) === undefined && parseDate(value) === undefined) return undefined;
    if (label.name === 'from' && /\d/.test(value) && findDate(value) === undefined) return undefined;
    // A date value that is not the article's (`Week 11, 2024-03-17`) is kept as written: the line
    // stays meta (its source and author with it), and the loader drops the date with a note.
    meta[label.kind] = date ?? value;
  }
  return meta;
}

/**
 * The date a date label's value holds: the date that starts it as the date finder reads it (a time,
 * AM/PM and zone after it kept, a range's end left out: `2024-03-17 9:00-11:30` is 9:00), else the
 * whole value when the index reads it (epoch numbers, shapes the finder does not know), else the
 * first date in it when only words stand before it (`Date: Published 2024-03-17`, `Last modified
 * on 17 March 2024`). After digits a date is a range's end (`17–20 March 2024`) or a second date
 * (`March 2024, updated 2024-03-20`): undefined.
 */
function labelledDate(value: string): string | undefined {
  const found = findDate(value);
  if (found !== undefined && found.start === 0) return found.value;
  if (parseDate(value) !== undefined) return value;
  if (found === undefined || /\d/.test(value.slice(0, found.start))) return undefined;
  return found.value;
}

/** True when a line is CMS chrome (powered-by, copyright, share, print/close rows). */
export function isFooterLine(line: string): boolean {
  if (line.length > MAX_FOOTER_LINE) return false;
  for (const re of FOOTER_RES) if (re.test(line)) return true;
  return isNavRow(line);
}

/** The date of a last line that is nothing but a date (`January 3, 2025`, `2025年1月3日`). */
function signOffDate(line: string): string | undefined {
  const match = matchDateAt(line, 0);
  return match !== undefined && match.end === line.length ? match.value : undefined;
}

/** A short run of words: an author name, not a sentence. */
function isNameLike(s: string): boolean {
  if (s.length > 40 || /[.!?。！？]$/.test(s)) return false;
  let words = 1;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) words++;
  return words <= 4;
}

function isNavRow(line: string): boolean {
  if (line.length > 80) return false;
  const words = line.toLowerCase().split(/[\s|/·•[\]【】()（）]+/);
  let seen = 0;
  for (const w of words) {
    if (w.length === 0) continue;
    if (!NAV_WORDS.has(w)) return false;
    seen++;
  }
  return seen > 0;
}

/** A value without separators around it, nor a trailing "Print"/"Close" link that shared its line. */
function clean(s: string): string {
  return s.replace(SEPARATORS, '').replace(TRAILING_NAV, '').replace(SEPARATORS, '');
}

/** Lines with whitespace collapsed and ends trimmed; `\r\n`, `\r` and `\n` all end a line. */
function splitTrimmedLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push(collapseWhitespace(text.slice(start, i)));
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push(collapseWhitespace(text.slice(start)));
  return lines;
}

function skipBlank(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && (lines[i] as string).length === 0) i++;
  return i;
}

/** Index after the last body line, once trailing blank and footer lines are cut. */
function bodyEnd(lines: readonly string[], start: number): number {
  let end = lines.length;
  while (end > start) {
    const line = lines[end - 1] as string;
    if (line.length > 0 && !isFooterLine(line)) break;
    end--;
  }
  return end;
}

/** Lines of one paragraph joined by `\n`, paragraphs by exactly one blank line. */
function joinBody(lines: readonly string[], start: number, end: number): string {
  let body = '';
  let blank = false;
  for (let i = start; i < end; i++) {
    const line = lines[i] as string;
    if (line.length === 0) {
      blank = true;
      continue;
    }
    if (body.length > 0) body += blank ? '\n\n' : '\n';
    body += line;
    blank = false;
  }
  return body;
}
