// The sorted term dictionary of one segment: term → ordinal by binary search, prefix ranges for
// prefix queries, and a compact byte form. It holds no postings (see segment.ts).

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Separator of the byte form: terms never contain NUL (analyzers drop control characters). */
const SEP = '\u0000';

/** Sorted (UTF-16 code-unit order, JavaScript's `<`) distinct terms of a segment. */
export class TermDictionary {
  #terms: string[] | undefined;
  #bytes: Uint8Array | undefined;
  readonly size: number;

  private constructor(terms: string[] | undefined, bytes: Uint8Array | undefined, size: number) {
    this.#terms = terms;
    this.#bytes = bytes;
    this.size = size;
  }

  /** From terms already sorted and distinct. */
  static fromSorted(terms: string[]): TermDictionary {
    return new TermDictionary(terms, undefined, terms.length);
  }

  /** From the byte form; decoding is deferred to the first lookup so loading stays a view. */
  static fromBytes(bytes: Uint8Array, size: number): TermDictionary {
    return new TermDictionary(undefined, bytes, size);
  }

  /** All terms in order (decoded on first use for a loaded segment). */
  get terms(): readonly string[] {
    if (this.#terms === undefined) {
      const text = decoder.decode(this.#bytes);
      this.#terms = this.size === 0 ? [] : text.split(SEP);
      this.#bytes = undefined;
    }
    return this.#terms;
  }

  term(ordinal: number): string {
    return this.terms[ordinal]!;
  }

  /** The ordinal of `term`, or -1. */
  lookup(term: string): number {
    const terms = this.terms;
    let lo = 0;
    let hi = terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = terms[mid]!;
      if (t < term) lo = mid + 1;
      else if (t > term) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** The first ordinal whose term is ≥ `term`. */
  lowerBound(term: string): number {
    const terms = this.terms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Ordinals [from, to) of the terms starting with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    const from = this.lowerBound(prefix);
    const terms = this.terms;
    let to = from;
    while (to < terms.length && terms[to]!.startsWith(prefix)) to++;
    return [from, to];
  }

  /** The byte form: UTF-8 terms joined by NUL. */
  toBytes(): Uint8Array {
    if (this.#bytes !== undefined) return this.#bytes;
    return encoder.encode(this.terms.join(SEP));
  }
}
