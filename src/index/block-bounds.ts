// Block-max bounds (Ding & Suel 2011) in one byte a block: the largest t̃ of any posting in the
// block under the segment's reference weights, rounded up to a power of 2^(1/8), and how a query's
// weights turn it into a valid bound on their contributions (MaxScore, block skipping).

/**
 * The weights a segment's block bounds are computed under: per scored field the boost, and the
 * length norm `normA + normB · length` (1 − b and b / average length, the segment's own average).
 * Any reference gives valid bounds (see {@link BoundScale}); the schema's gives tight ones.
 */
export interface BoundReference {
  readonly boost: Float64Array;
  readonly normA: Float64Array;
  readonly normB: Float64Array;
}

/** The schema's part of a reference: boost and b per scored field. */
export interface BoundParameters {
  readonly boost: ArrayLike<number>;
  readonly b: ArrayLike<number>;
}

/** The reference of a segment with these field lengths: `parameters` (boost 1, b 0.75 without), its own averages. */
export function referenceFor(parameters: BoundParameters | undefined, fieldLengths: Uint32Array, width: number): BoundReference {
  const numDocs = width > 0 ? fieldLengths.length / width : 0;
  return parameters === undefined
    ? defaultBoundReference(fieldLengths, numDocs, width)
    : boundReference(parameters.boost, parameters.b, fieldLengths, numDocs, width);
}

/** The parameters `reference` was made from (b recovered from its normA), for a merge's new reference. */
export function parametersOf(reference: BoundReference): BoundParameters {
  return { boost: reference.boost, b: Array.from(reference.normA, (a) => 1 - a) };
}

/**
 * The reference of a segment: `boosts` and `b` per scored field (the schema's), the average length
 * from `fieldLengths` (numDocs × width, row-major).
 */
export function boundReference(boosts: ArrayLike<number>, b: ArrayLike<number>, fieldLengths: Uint32Array, numDocs: number, width: number): BoundReference {
  const boost = new Float64Array(width);
  const normA = new Float64Array(width);
  const normB = new Float64Array(width);
  for (let f = 0; f < width; f++) {
    let sum = 0;
    for (let d = 0, i = f; d < numDocs; d++, i += width) sum += fieldLengths[i]!;
    const avg = numDocs > 0 ? sum / numDocs : 0;
    const bf = b[f]!;
    boost[f] = boosts[f]!;
    normA[f] = 1 - bf;
    normB[f] = avg > 0 ? bf / avg : 0;
  }
  return { boost, normA, normB };
}

/** A reference for segments built without a schema (tests, tools): boost 1, b 0.75. */
export function defaultBoundReference(fieldLengths: Uint32Array, numDocs: number, width: number): BoundReference {
  return boundReference(new Float64Array(width).fill(1), new Float64Array(width).fill(0.75), fieldLengths, numDocs, width);
}

/** Byte code of a t̃ of 0 (the block has no posting in a reference-weighted field). */
export const BOUND_ZERO = 0;
/** Byte code of a t̃ too large (or not finite) to code: the block's contributions are bounded by the weight alone. */
export const BOUND_UNBOUNDED = 255;
/** Codes per doubling: a coded bound is at most 2^(1/8) ≈ 9 % over the block's t̃. */
const STEPS = 8;
/** Code c (1 … 254) stands for 2^((c − BIAS) / STEPS): 2^-15.9 … 2^15.75. */
const BIAS = 128;

/** Value of every code; BOUND_UNBOUNDED is Infinity. */
export const BOUND_VALUES: Float64Array = (() => {
  const values = new Float64Array(256);
  for (let c = 1; c < BOUND_UNBOUNDED; c++) values[c] = 2 ** ((c - BIAS) / STEPS);
  values[BOUND_UNBOUNDED] = Infinity;
  return values;
})();

/** The smallest code whose value is ≥ `pseudoTf` (which must be ≥ 0 or NaN; NaN codes unbounded). */
export function encodeBound(pseudoTf: number): number {
  if (pseudoTf === 0) return BOUND_ZERO;
  if (!(pseudoTf <= BOUND_VALUES[BOUND_UNBOUNDED - 1]!)) return BOUND_UNBOUNDED;
  let c = Math.ceil(Math.log2(pseudoTf) * STEPS) + BIAS;
  if (c < 1) c = 1;
  // Math.log2 may round either way: step to the exact smallest code over the value.
  while (c < BOUND_UNBOUNDED && BOUND_VALUES[c]! < pseudoTf) c++;
  while (c > 1 && BOUND_VALUES[c - 1]! >= pseudoTf) c--;
  return c;
}

/**
 * t̃ of one posting under the reference: Σ over its fields of boost · tf / norm, in ascending field
 * order. `tfOf(f)` gives the posting's tf in field f (0 when absent).
 */
export function referencePseudoTf(reference: BoundReference, mask: number, tfs: ArrayLike<number>, tfAt: number, lengths: Uint32Array, row: number, width: number): number {
  let pseudoTf = 0;
  let j = tfAt;
  for (let m = mask; m !== 0; m &= m - 1) {
    const f = 31 - Math.clz32(m & -m);
    const tf = tfs[j++]!;
    if (f >= width || tf === 0) continue;
    const norm = reference.normA[f]! + reference.normB[f]! * lengths[row + f]!;
    pseudoTf += norm > 0 ? (reference.boost[f]! * tf) / norm : reference.boost[f]! > 0 ? Infinity : 0;
  }
  return pseudoTf;
}

/**
 * How much larger than the reference's a query's t̃ can be, field by field: for every length,
 * boost′ / (a′ + b′·len) ≤ ratio · boost / (a + b·len), with ratio = (boost′ / boost) · max(a / a′,
 * b / b′), the two ends of the length range (the quotient of two linear norms is monotone in the
 * length). A posting's query t̃ is then ≤ its reference t̃ times the largest ratio among its fields.
 */
export class BoundScale {
  /** Per scored field; Infinity where the query can score what the reference did not bound. */
  ratio = new Float64Array(8);

  /** Ratios of `query` (boost, normA, normB per field) against `reference`, for `width` fields. */
  prepare(reference: BoundReference, query: BoundReference, width: number): void {
    if (this.ratio.length < width) this.ratio = new Float64Array(width);
    for (let f = 0; f < width; f++) {
      const boost = query.boost[f]!;
      if (!(boost > 0)) {
        // A field the query does not score adds nothing.
        this.ratio[f] = 0;
        continue;
      }
      const refBoost = reference.boost[f]!;
      const a = reference.normA[f]!;
      const b = reference.normB[f]!;
      const qa = query.normA[f]!;
      const qb = query.normB[f]!;
      let ends = 0;
      // len = 0: a / a′ (a′ = 0 would let an empty field's norm vanish: unbounded).
      ends = qa > 0 ? a / qa : Infinity;
      // len → ∞: b / b′ (b′ = 0 with b > 0: the query's norm stops growing, unbounded).
      if (b > 0) ends = Math.max(ends, qb > 0 ? b / qb : Infinity);
      this.ratio[f] = refBoost > 0 ? (boost / refBoost) * ends : Infinity;
    }
  }

  /**
   * A bound on w·t̃/(t̃ + k1) for every posting of a block with reference code `code`, whose fields
   * (the block's field union, restricted to those the term may match in) are `fields`.
   */
  contribution(code: number, fields: number, weight: number, k1: number): number {
    let scale = 0;
    for (let m = fields; m !== 0; m &= m - 1) {
      const r = this.ratio[31 - Math.clz32(m & -m)]!;
      if (r > scale) scale = r;
    }
    if (scale === 0) return 0;
    // t̃/(t̃ + k1) < 1: the weight bounds what cannot be scaled. A field the reference gave no
    // weight (ratio ∞) is that case even in a block coded 0: the code saw none of its t̃.
    if (!(scale < Infinity)) return weight;
    if (code === BOUND_ZERO) return 0;
    const pseudoTf = BOUND_VALUES[code]! * scale;
    if (!(pseudoTf < Infinity) || !(k1 > 0)) return weight;
    return (weight * pseudoTf) / (pseudoTf + k1);
  }
}

/**
 * The scale of `reference` to `query`, kept while both stay the same objects (a search scales a
 * segment's bounds per term with the same weights throughout).
 */
export function scaleFor(reference: BoundReference, query: BoundReference, width: number): BoundScale {
  if (reference !== scaledReference || query !== scaledQuery || width !== scaledWidth) {
    sharedScale.prepare(reference, query, width);
    scaledReference = reference;
    scaledQuery = query;
    scaledWidth = width;
  }
  return sharedScale;
}

const sharedScale = new BoundScale();
let scaledReference: BoundReference | undefined;
let scaledQuery: BoundReference | undefined;
let scaledWidth = -1;
