// Words never drawn into a query: the union of every engine's English stop list (Broadsheet's, Lunr's,
// FlexSearch's English pack) and the classic Snowball list, so no engine silently drops a query word.

import lunr from 'lunr';
import flexsearchEnglish from 'flexsearch/lang/en';

/** The Snowball English stop list (Porter's), which most English analyzers start from. */
const SNOWBALL = `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
her hers herself it its itself they them their theirs themselves what which who whom this that these those
am is are was were be been being have has had having do does did doing would should could ought a an the and
but if or because as until while of at by for with about against between into through during before after
above below to from up down in out on off over under again further then once here there when where why how
all any both each few more most other some such no nor not only own same so than too very can will just don
shall may might must also said says mr mrs`.split(/\s+/);

/**
 * A predicate true for words any engine's English analysis drops (lower case). Broadsheet's list is
 * imported lazily: when src/ does not load (mid-rewrite), the other lists still apply and a notice says so.
 */
export async function loadStopWordTest(): Promise<(word: string) => boolean> {
  const words = new Set<string>(SNOWBALL);
  const flex = flexsearchEnglish.filter;
  if (flex instanceof Set) for (const word of flex) words.add(word);
  try {
    const broadsheet = await import('../../src/index.js');
    for (const word of broadsheet.ENGLISH_STOP_WORDS) words.add(word);
  } catch (error) {
    process.stderr.write(`query sets: Broadsheet's stop words unavailable (${error instanceof Error ? error.message : String(error)})\n`);
  }
  return (word) => {
    if (words.has(word)) return true;
    // lunr.stopWordFilter returns undefined for stop words although its typings promise a Token.
    return (lunr.stopWordFilter(new lunr.Token(word, {})) as lunr.Token | undefined) === undefined;
  };
}
