// How the CLI adds ingested documents: an unreadable date costs the date, not the article; any other
// refusal is recorded for the summary. Shared by `index` and `demo`.

import { InvalidDocumentError, type NewsDocument, type SearchIndex } from '../index.js';
import type { IngestedDocument } from '../ingest/index.js';

/** A document the index rejected, or indexed with a fallback. */
export interface DocumentIssue {
  id: string;
  field: string;
  action: 'skipped' | 'indexed-without-date';
}

/**
 * Adds (or, for an id already indexed, replaces with) one ingested document. A date the index cannot
 * read is dropped and the document indexed without it (the documented lenient fallback); any other
 * refusal (InvalidDocumentError) skips the document. Both are pushed to `issues`; other errors throw.
 */
export function addLeniently(index: SearchIndex, doc: IngestedDocument, issues: DocumentIssue[]): void {
  const news = doc as NewsDocument;
  try {
    put(index, news);
  } catch (error) {
    if (!(error instanceof InvalidDocumentError)) throw error;
    if (error.field !== 'date') {
      issues.push({ id: error.id ?? (typeof news.id === 'string' ? news.id : '(no id)'), field: error.field, action: 'skipped' });
      return;
    }
    const { date: _dropped, ...rest } = news;
    try {
      // The id may be indexed already: a replacing document whose date is unreadable replaces too.
      put(index, rest as NewsDocument);
      issues.push({ id: news.id, field: 'date', action: 'indexed-without-date' });
    } catch (again) {
      if (!(again instanceof InvalidDocumentError)) throw again;
      issues.push({ id: again.id ?? news.id, field: again.field, action: 'skipped' });
    }
  }
}

function put(index: SearchIndex, doc: NewsDocument): void {
  if (index.has(doc.id)) index.replace(doc);
  else index.add(doc);
}

/** `id (field)` for a summary line, a long id cut at 80 characters. */
export function issueLabel(issue: DocumentIssue): string {
  return `${issue.id.length > 80 ? `${issue.id.slice(0, 80)}…` : issue.id} (${issue.field})`;
}
