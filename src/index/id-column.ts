// The documents' ids of a segment, by DocId. A loaded segment makes an id's string on its first
// read (numbers, ASCII ids): a query reads a few dozen of them, not every one.

/** Makes the ids of a stored section one at a time (the section is checked whole by the decoder). */
export interface IdMaker {
  /** Number of ids. */
  readonly length: number;
  /** The id of document `doc` (0 ≤ doc < length). */
  make(doc: number): string;
}

/** What a stored ids section decodes to: the strings, or a maker of them. */
export type DecodedIds = readonly string[] | IdMaker;

/**
 * Ids by DocId. Making all 21,578 Reuters id strings at the first query after a load was 0.6 ms of
 * a 1.5 ms query, and 6 ms of a 10 ms one at 200k documents; ranking needs only its candidates' ids.
 */
export class IdColumn {
  /** Every id (built, or decoded as strings, or all made); undefined while ids are made one at a time. */
  #flat: Array<string | undefined> | undefined;
  /**
   * Ids made so far, in pages of PAGE ids allocated on first use: `new Array(200_000)` alone took
   * ~1 ms, a fifth of the first query after loading 200k documents.
   */
  #pages: Array<Array<string | undefined> | undefined> = [];
  #maker: IdMaker | undefined;
  #decode: (() => DecodedIds) | undefined;

  private constructor(flat: Array<string | undefined> | undefined, decode: (() => DecodedIds) | undefined) {
    this.#flat = flat;
    this.#decode = decode;
  }

  /** A column of ids already in memory (a built segment). */
  static of(ids: readonly string[]): IdColumn {
    return new IdColumn(ids as Array<string | undefined>, undefined);
  }

  /** A column decoded on first read; a decode that throws throws again on the next read. */
  static deferred(decode: () => DecodedIds): IdColumn {
    return new IdColumn(undefined, decode);
  }

  /** The id of document `doc` (0 ≤ doc < the segment's document count). */
  at(doc: number): string {
    const flat = this.#flat;
    if (flat !== undefined) return flat[doc]!;
    // Made before: two loads, inlined into the ranking loops (a call per candidate cost 1-term 3-8 %).
    const page = this.#pages[doc >>> PAGE_BITS];
    if (page !== undefined) {
      const id = page[doc & PAGE_MASK];
      if (id !== undefined) return id;
    }
    return this.#made(doc);
  }

  /** Every id, by DocId (made now if not yet). */
  get value(): readonly string[] {
    this.#load();
    if (this.#flat === undefined) {
      const maker = this.#maker!;
      const flat = new Array<string | undefined>(maker.length);
      for (let d = 0; d < flat.length; d++) flat[d] = this.#pages[d >>> PAGE_BITS]?.[d & PAGE_MASK] ?? maker.make(d);
      this.#flat = flat;
      this.#pages = [];
      this.#maker = undefined;
    }
    return this.#flat as string[];
  }

  #made(doc: number): string {
    this.#load();
    if (this.#flat !== undefined) return this.#flat[doc]!;
    const maker = this.#maker!;
    if (!(doc >= 0 && doc < maker.length)) throw new RangeError(`no document ${doc} in a segment of ${maker.length}`);
    let page = this.#pages[doc >>> PAGE_BITS];
    if (page === undefined) this.#pages[doc >>> PAGE_BITS] = page = new Array<string | undefined>(PAGE);
    let id = page[doc & PAGE_MASK];
    if (id === undefined) page[doc & PAGE_MASK] = id = maker.make(doc);
    return id;
  }

  #load(): void {
    const decode = this.#decode;
    if (decode === undefined) return;
    const decoded = decode();
    this.#decode = undefined;
    if (Array.isArray(decoded)) this.#flat = decoded as Array<string | undefined>;
    else this.#maker = decoded as IdMaker;
  }
}

const PAGE_BITS = 10;
const PAGE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE - 1;
