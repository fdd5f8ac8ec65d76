// Lunr's Porter stemmer for the bench: the MiniSearch peer's stemmer and the query generator's
// "is this word stem-stable" test. One implementation, shared with the relevance runner.

export { porterStem } from '../relevance/lunr-analysis.js';
