// Lunr's English term processing (its Porter stemmer and stop-word list) as plain string functions,
// so the MiniSearch adapter can reuse a third-party Porter stemmer. Not used by Broadsheet itself.

import lunr from 'lunr';

const stems = new Map<string, string>();

/** Porter stem of a lower-case word, by lunr.stemmer (memoised: corpora repeat words a lot). */
export function porterStem(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = lunr.stemmer(new lunr.Token(word, {})).toString();
    stems.set(word, stem);
  }
  return stem;
}

/** True when lunr's default pipeline would drop this lower-case word as a stop word. */
export function isLunrStopWord(word: string): boolean {
  // lunr.stopWordFilter returns undefined for stop words although its typings promise a Token.
  const kept = lunr.stopWordFilter(new lunr.Token(word, {})) as lunr.Token | undefined;
  return kept === undefined;
}
