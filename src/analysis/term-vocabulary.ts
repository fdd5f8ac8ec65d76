// Interns term strings as dense ids (0, 1, 2, …): what an indexer keys its token log by.
// It neither analyses nor sorts; its owner decides when to drop it (the index writer: at each flush).

import type { TermVocabulary } from './types.js';

/** A growable term ↔ id table. */
export class TermIdMap implements TermVocabulary {
  // A Map, not a unit table (unit-table.ts): filling one with Reuters' 75k distinct words measured
  // the same, and re-reading a string already in hand was 2–3× faster with the Map.
  readonly #ids = new Map<string, number>();
  readonly #terms: string[] = [];

  get size(): number {
    return this.#terms.length;
  }

  id(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#terms.length;
      this.#terms.push(term);
      this.#ids.set(term, id);
    }
    return id;
  }

  term(id: number): string {
    const term = this.#terms[id];
    if (term === undefined) throw new RangeError(`no term with id ${id}`);
    return term;
  }

  /** The id of `term`, or -1 when it was never interned. */
  find(term: string): number {
    return this.#ids.get(term) ?? -1;
  }
}
