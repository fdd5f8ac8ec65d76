// Lunr 2 as an evaluation peer: default pipeline (trimmer, stop words, Porter stemmer), fields title
// (boost 2) and body. Queries bypass Lunr's query parser, so its syntax (: ^ ~ * + -) never throws.

import lunr from 'lunr';
import type { CollectionDoc } from '../collections.js';
import type { RelevanceEngine } from '../engine.js';

/**
 * The query's terms as Lunr indexes them: lunr.tokenizer (lower-case, split on space and hyphen),
 * then lunr.trimmer, as the index pipeline does; the search pipeline stems them. `*` is removed
 * because Lunr's token sets treat it as a wildcard even outside the query parser.
 */
export function lunrQueryTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of lunr.tokenizer(text)) {
    const term = lunr.trimmer(token).toString().replaceAll('*', '');
    if (term !== '') terms.push(term);
  }
  return terms;
}

/** A Lunr peer on Lunr's defaults; every query term is an optional clause (OR). */
export function createLunrEngine(): RelevanceEngine {
  let index: lunr.Index | null = null;
  return {
    name: 'Lunr',
    build(docs: readonly CollectionDoc[]) {
      index = lunr((builder) => {
        builder.ref('id');
        builder.field('title', { boost: 2 });
        builder.field('body');
        for (const doc of docs) builder.add({ id: doc.id, title: doc.title, body: doc.body });
      });
    },
    search(text, k) {
      if (index === null) throw new Error('Lunr engine searched before build()');
      const terms = lunrQueryTerms(text);
      if (terms.length === 0) return [];
      const results = index.query((query) => {
        for (const term of terms) query.term(term, {});
      });
      const ids: string[] = [];
      const n = Math.min(k, results.length);
      for (let i = 0; i < n; i++) ids.push((results[i] as lunr.Index.Result).ref);
      return ids;
    },
  };
}
