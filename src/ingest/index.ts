// The `broadsheet/ingest` subpath (Node only): parsers for CMS text, HTML, JSON/JSONL and feeds,
// byte decoding, format sniffing, and the corpus loader. Named re-exports only.

export { parseCmsText, parseCmsMetaLine, isFooterLine } from './cms-text.js';
export type { CmsTextOptions, CmsMeta } from './cms-text.js';
export { parseHtml, trimTitleSuffix } from './html.js';
export type { HtmlOptions } from './html.js';
export { htmlToText } from './html-text.js';
export { parseJson, DEFAULT_JSON_MAPPING } from './json.js';
export type { JsonOptions, JsonFieldMapping, JsonParseResult, JsonLineError, JsonOrigin } from './json.js';
export { parseFeed } from './feeds.js';
export type { FeedOptions, FeedParseResult } from './feeds.js';
export { decodeBytes, binaryReason } from './decode.js';
export type { DecodeResult } from './decode.js';
export { sniffFormat, formatFromExtension, formatFromContent } from './sniff.js';
export { findDate, matchDateAt } from './date-text.js';
export type { DateMatch } from './date-text.js';
export { loadCorpus, collectCorpus, DEFAULT_MAX_FILE_BYTES } from './load-corpus.js';
export type { LoadCorpusOptions, CorpusLoad } from './load-corpus.js';
export type {
  IngestedDocument,
  IngestedFieldValue,
  ParseOptions,
  IngestFormat,
  SkipReason,
  SkippedFile,
  IngestNote,
  FileOutcome,
  IngestReport,
  IngestProgress,
} from './types.js';
