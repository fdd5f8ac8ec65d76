// BM25F as pure math over statistics handed in: no index, no documents. Field term frequencies are
// weighted and length-normalised first, then saturated once per term (Robertson & Zaragoza 2009 §3.6).

/** Ranking parameters. */
export interface Bm25fParameters {
  /** Term-frequency saturation: higher lets repeated terms keep adding score. */
  readonly k1: number;
}

/** Per scored field: weight (boost), length normalisation b, and average length over live documents. */
export interface FieldStatistics {
  readonly boost: number;
  readonly b: number;
  readonly avgLength: number;
}

/**
 * Inverse document frequency, Lucene's BM25 form: ln(1 + (N − df + 0.5) / (df + 0.5)). Unlike the
 * classic Robertson–Spärck Jones form it never goes negative, so a word in most documents still adds
 * a little rather than penalising the documents that contain it.
 */
export function idf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

/**
 * The per-field length factor B = 1 − b + b·len/avg. An empty field (avg 0) gets 1 − b: no document
 * has text there, so no tf is ever divided by it.
 */
export function lengthFactor(b: number, length: number, avgLength: number): number {
  return avgLength > 0 ? 1 - b + (b * length) / avgLength : 1 - b;
}

/** tf̃ / (tf̃ + k1): the single saturation BM25F applies after combining fields. */
export function saturate(pseudoTf: number, k1: number): number {
  return pseudoTf / (pseudoTf + k1);
}

/**
 * Query-time constants for one search, laid out for the scoring loop: per field f,
 * B_f(len) = normA[f] + normB[f]·len and the field's weight.
 */
export class Bm25fWeights {
  readonly k1: number;
  readonly boost: Float64Array;
  readonly normA: Float64Array;
  readonly normB: Float64Array;

  constructor(params: Bm25fParameters, fields: readonly FieldStatistics[]) {
    this.k1 = params.k1;
    const n = fields.length;
    this.boost = new Float64Array(n);
    this.normA = new Float64Array(n);
    this.normB = new Float64Array(n);
    for (let f = 0; f < n; f++) {
      const s = fields[f]!;
      this.boost[f] = s.boost;
      this.normA[f] = 1 - s.b;
      // Multiplying by a precomputed b/avg instead of dividing by avg per posting; 0 when the field is empty.
      this.normB[f] = s.avgLength > 0 ? s.b / s.avgLength : 0;
    }
  }

  /** The weighted, length-normalised contribution of one field's tf to tf̃. */
  fieldPart(field: number, tf: number, length: number): number {
    const norm = this.normA[field]! + this.normB[field]! * length;
    // b = 1 with an empty field would divide by 0; such a field has tf 0, so it contributes nothing.
    return norm > 0 ? (this.boost[field]! * tf) / norm : 0;
  }
}
