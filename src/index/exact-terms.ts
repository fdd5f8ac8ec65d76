// Exact-form terms: besides its stem, a text token whose unstemmed form differs is indexed as
// MARK + form, so "investing" can outrank "invested" for the query `investing`. Such terms carry
// postings and tfs but no positions (phrases and highlights work on stems); this module says which.

/** Prefix of exact-form terms; analyzers never emit control characters, so it cannot collide. */
export const EXACT_MARK = '\u0001';
const MARK_CODE = 1;

/** The dictionary term for an unstemmed form. */
export function exactTerm(form: string): string {
  return EXACT_MARK + form;
}

/** True for an exact-form term (and so one without positions). */
export function isExactTerm(term: string): boolean {
  return term.charCodeAt(0) === MARK_CODE;
}
