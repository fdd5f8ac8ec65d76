// Public entry of the `broadsheet` package: named re-exports only. Node-only parts (file ingest,
// the CLI) live under `broadsheet/ingest` and the `broadsheet` command, never here.

export { SearchIndex } from './search-index.js';
export type {
  SearchIndexOptions, SearchOptions, IndexStats, HighlightRequest, SearchHit, SearchResult, Explanation, TermExplanation, FieldExplanation,
} from './search-index.js';
export type { NewsDocument, StoredDocument, Schema, FieldSpec, TextFieldSpec, DateFieldSpec, KeywordFieldSpec, FieldValue } from './document.js';
export { defaultNewsSchema } from './document.js';
export type { Analyzer, Token, TokenSink, Tokenizer, TokenFilter } from './analysis/types.js';
export { createAnalyzer, englishAnalyzer, keywordAnalyzer, analyzeToTokens } from './analysis/analyzer.js';
export type { AnalyzerSpec, EnglishAnalyzerOptions } from './analysis/analyzer.js';
export { stem } from './analysis/stemmer/porter2.js';
export { newsTokenizer } from './analysis/tokenizer.js';
export { normalize } from './analysis/normalizer.js';
export { ENGLISH_STOP_WORDS } from './analysis/stopwords.js';
export { parseDate } from './dates/index.js';
export { parseQuery } from './query/parser.js';
export type { ParseOptions } from './query/parser.js';
export { q } from './query/builder.js';
export type { QueryNode, TermNode, PhraseNode, RangeNode, BoolNode, AllNode, EmptyNode } from './query/ast.js';
export type { SortOrder } from './query/run-plan.js';
export type { Passage, MatchSpan, HighlightOptions } from './features/highlight.js';
export type { FacetRequest, FacetCount, Facets } from './features/facets.js';
export type { Suggestion } from './features/suggest.js';
export type { DecayFunction } from './scoring/recency.js';
export { describeIndexBytes } from './serialize/describe.js';
export type { IndexByteSummary } from './serialize/describe.js';
export {
  BroadsheetError, InvalidDocumentError, IndexFormatError, QueryParseError, QueryLimitError, InvalidOptionError,
} from './errors.js';
