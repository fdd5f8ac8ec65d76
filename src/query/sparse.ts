// Sorted (DocId, score) lists for one segment and the set algebra of boolean queries over them:
// intersect (AND), union (OR) and subtract (NOT), each a linear merge.

/** DocIds ascending with their scores; `length` entries are valid. */
export interface Sparse {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
  readonly length: number;
}

export const EMPTY: Sparse = { docs: new Int32Array(0), scores: new Float64Array(0), length: 0 };

/** Documents in both; scores added. */
export function intersect(a: Sparse, b: Sparse): Sparse {
  const n = Math.min(a.length, b.length);
  const docs = new Int32Array(n);
  const scores = new Float64Array(n);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const da = a.docs[i]!;
    const db = b.docs[j]!;
    if (da < db) i++;
    else if (da > db) j++;
    else {
      docs[k] = da;
      scores[k++] = a.scores[i++]! + b.scores[j++]!;
    }
  }
  return { docs, scores, length: k };
}

/** Documents in either; scores added where both have the document. */
export function union(a: Sparse, b: Sparse): Sparse {
  const docs = new Int32Array(a.length + b.length);
  const scores = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) {
    const da = i < a.length ? a.docs[i]! : 0x7fffffff;
    const db = j < b.length ? b.docs[j]! : 0x7fffffff;
    if (da < db) {
      docs[k] = da;
      scores[k++] = a.scores[i++]!;
    } else if (da > db) {
      docs[k] = db;
      scores[k++] = b.scores[j++]!;
    } else {
      docs[k] = da;
      scores[k++] = a.scores[i++]! + b.scores[j++]!;
    }
  }
  return { docs, scores, length: k };
}

/** Scores of `b` added to the documents of `a` that `b` has; `a`'s membership unchanged. */
export function addScores(a: Sparse, b: Sparse): Sparse {
  const scores = a.scores.slice(0, a.length);
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const d = a.docs[i]!;
    while (j < b.length && b.docs[j]! < d) j++;
    if (j < b.length && b.docs[j] === d) scores[i] = scores[i]! + b.scores[j]!;
  }
  return { docs: a.docs, scores, length: a.length };
}

/** Documents of `a` not in `b`. */
export function subtract(a: Sparse, b: Sparse): Sparse {
  const docs = new Int32Array(a.length);
  const scores = new Float64Array(a.length);
  let j = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a.docs[i]!;
    while (j < b.length && b.docs[j]! < d) j++;
    if (j < b.length && b.docs[j] === d) continue;
    docs[k] = d;
    scores[k++] = a.scores[i]!;
  }
  return { docs, scores, length: k };
}

/** Every score multiplied by `factor`. */
export function scale(a: Sparse, factor: number): Sparse {
  if (factor === 1) return a;
  const scores = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) scores[i] = a.scores[i]! * factor;
  return { docs: a.docs, scores, length: a.length };
}
