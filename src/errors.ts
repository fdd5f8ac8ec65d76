// The typed errors Broadsheet throws at its boundaries. Each carries structured fields so callers
// (and tests) branch on data, never on message wording.

/** Base class of every error Broadsheet throws on purpose. */
export class BroadsheetError extends Error {
  override name = 'BroadsheetError';
}

/** A document failed validation; `id` is the offending document's id when it has a usable one. */
export class InvalidDocumentError extends BroadsheetError {
  override name = 'InvalidDocumentError';
  /** The document's id, or undefined when the id itself is the problem. */
  readonly id: string | undefined;
  /** The field at fault (`id`, `title`, `date`, ...). */
  readonly field: string;
  constructor(message: string, id: string | undefined, field: string) {
    super(message);
    this.id = id;
    this.field = field;
  }
}

/** Bytes handed to `SearchIndex.deserialize` are not a Broadsheet index this version can read. */
export class IndexFormatError extends BroadsheetError {
  override name = 'IndexFormatError';
  /** What was found (magic, version, checksum, ...), rendered as a string or number. */
  readonly found: string | number;
  /** What was expected in its place. */
  readonly expected: string | number;
  /** Which part of the file was at fault (`magic`, `version`, `checksum`, `section:<name>`, ...). */
  readonly part: string;
  constructor(message: string, part: string, found: string | number, expected: string | number) {
    super(message);
    this.part = part;
    this.found = found;
    this.expected = expected;
  }
}

/** A query string could not be parsed in strict mode; `start`/`end` delimit the problem. */
export class QueryParseError extends BroadsheetError {
  override name = 'QueryParseError';
  readonly query: string;
  readonly start: number;
  readonly end: number;
  constructor(message: string, query: string, start: number, end: number) {
    super(message);
    this.query = query;
    this.start = start;
    this.end = end;
  }
}

/** A query exceeded a configured limit (nesting depth, clauses, expansions). */
export class QueryLimitError extends BroadsheetError {
  override name = 'QueryLimitError';
  /** Which limit (`depth`, `clauses`, `expansions`, `expandedClauses`, `length`). */
  readonly limit: string;
  readonly max: number;
  readonly actual: number;
  constructor(message: string, limit: string, max: number, actual: number) {
    super(message);
    this.limit = limit;
    this.max = max;
    this.actual = actual;
  }
}

/** An option passed to a Broadsheet API is invalid. */
export class InvalidOptionError extends BroadsheetError {
  override name = 'InvalidOptionError';
  readonly option: string;
  constructor(message: string, option: string) {
    super(message);
    this.option = option;
  }
}
