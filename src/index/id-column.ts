// The documents' ids of a segment, by DocId. A loaded segment whose ids are numbers (Reuters'
// 1…21578, CMS article numbers) makes an id's string on its first read: a query reads a few dozen.

/**
 * What a stored ids section decodes to: the strings, or the numbers whose canonical decimals they are
 * (each checked to be a safe integer by the decoder).
 */
export type DecodedIds = readonly string[] | Float64Array;

/**
 * Ids by DocId. Making all 21,578 Reuters id strings at the first query after a load was 0.6 ms of
 * a 1.5 ms query, and 5–7 ms at 200k documents; ranking needs only the ids of its candidates.
 */
export class IdColumn {
  #strings: Array<string | undefined> | undefined;
  #numbers: Float64Array | undefined;
  #decode: (() => DecodedIds) | undefined;
  /** Strings not yet made from #numbers (0 once every id has its string). */
  #missing = 0;

  private constructor(strings: Array<string | undefined> | undefined, decode: (() => DecodedIds) | undefined) {
    this.#strings = strings;
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
    const strings = this.#strings;
    if (strings !== undefined) {
      const id = strings[doc];
      if (id !== undefined) return id;
    }
    return this.#make(doc);
  }

  /** Every id, by DocId (made now if not yet). */
  get value(): readonly string[] {
    this.#load();
    const strings = this.#strings!;
    if (this.#missing > 0) {
      const numbers = this.#numbers!;
      for (let d = 0; d < strings.length; d++) if (strings[d] === undefined) strings[d] = String(numbers[d]);
      this.#missing = 0;
      this.#numbers = undefined;
    }
    return strings as string[];
  }

  #make(doc: number): string {
    this.#load();
    const strings = this.#strings!;
    if (!(doc >= 0 && doc < strings.length)) throw new RangeError(`no document ${doc} in a segment of ${strings.length}`);
    let id = strings[doc];
    if (id === undefined) {
      id = String(this.#numbers![doc]);
      strings[doc] = id;
      if (--this.#missing === 0) this.#numbers = undefined;
    }
    return id;
  }

  #load(): void {
    const decode = this.#decode;
    if (decode === undefined) return;
    const decoded = decode();
    this.#decode = undefined;
    if (decoded instanceof Float64Array) {
      // Holes until read: V8 keeps `new Array(n)` in fast holey elements, even at millions.
      this.#strings = new Array<string | undefined>(decoded.length);
      this.#numbers = decoded;
      this.#missing = decoded.length;
    } else {
      this.#strings = decoded as Array<string | undefined>;
    }
  }
}
