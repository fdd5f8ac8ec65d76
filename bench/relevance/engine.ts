// The interface every engine adapter under engines/ implements, so the runner treats Broadsheet and
// its peers alike. Adapters own their engine's configuration; they do not evaluate (metrics.ts).

import type { CollectionDoc } from './collections.js';

/** A search engine under evaluation, built once per collection and then queried. */
export interface RelevanceEngine {
  /** Display name in reports (e.g. `Lunr`). */
  readonly name: string;
  /** Indexes the collection's documents; called once, before any search. */
  build(docs: readonly CollectionDoc[]): Promise<void> | void;
  /** The ids of the best `k` documents for a free-text query, best first; [] when nothing matches. */
  search(text: string, k: number): string[];
}
