// Keyword values live in their own part of the dictionary: MARK + field number + value. They never
// share postings or document frequencies with words of the text, so metadata cannot change scores.

const MARK = '\u0002';
const MARK_CODE = 2;

/** The dictionary term of keyword value `value` (already normalised) in field `field`. */
export function keywordTerm(field: number, value: string): string {
  return MARK + String.fromCharCode(0x40 + field) + value;
}

/** The prefix every keyword term of `field` starts with (for listing a field's values). */
export function keywordPrefix(field: number): string {
  return MARK + String.fromCharCode(0x40 + field);
}

/** True for a keyword term. */
export function isKeywordTerm(term: string): boolean {
  return term.charCodeAt(0) === MARK_CODE;
}

/** The value of a keyword term. */
export function keywordValue(term: string): string {
  return term.slice(2);
}
