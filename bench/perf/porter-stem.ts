// Lunr's Porter stemmer as a plain, memoised string function: the MiniSearch peer's stemmer and the
// query generator's "is this word stem-stable" test. Not Broadsheet's stemmer (that is Porter2 in src/).

import lunr from 'lunr';

const stems = new Map<string, string>();

/** Porter stem of a lower-case word (lunr.stemmer), memoised: corpora repeat words a lot. */
export function porterStem(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = lunr.stemmer(new lunr.Token(word, {})).toString();
    stems.set(word, stem);
  }
  return stem;
}
