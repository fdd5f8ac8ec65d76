// Turns a raw token into its normal form: lower case, NFKC (width and compatibility folding) and
// diacritic folding, so `Café`, `CAFE` and `ｃａｆｅ` meet. It does not split, stem or drop tokens,
// and it does not fold CJK beyond what NFKC does, nor change digits beyond NFKC (`１２３` → `123`).

/**
 * Letters that carry no decomposable diacritic but that readers treat as a plain Latin letter (or
 * two). Names in news use them (Øresund, Łódź, Đoković, Straße) and people search without them.
 * `ß` → `ss` is what Unicode case folding and Swiss spelling do, so `Straße` meets `STRASSE`.
 */
const LETTER_FOLDS: ReadonlyMap<number, string> = new Map([
  [0x00df, 'ss'], // ß
  [0x00e6, 'ae'], // æ
  [0x0153, 'oe'], // œ
  [0x00f8, 'o'], // ø
  [0x0142, 'l'], // ł
  [0x0111, 'd'], // đ
  [0x00f0, 'd'], // ð
  [0x0127, 'h'], // ħ
  [0x0131, 'i'], // dotless ı: Turkish İstanbul/Istanbul/ıstanbul all end as istanbul
  [0x00fe, 'th'], // þ
  // Final sigma: lower-casing makes ς only at a word's end, so the joined parts of a compound
  // (ΑΘΗΝΑΣ-ΠΕΙΡΑΙΩΣ → αθηνασπειραιωσ) and a lower-case original (αθηνας) would differ.
  [0x03c2, 'σ'],
  [0x2019, "'"], // right single quotation mark used as an apostrophe
  [0x02bc, "'"], // modifier letter apostrophe
]);

/**
 * Whether the UTF-16 unit `c` (after NFKD) is dropped: combining diacritics that sit on Latin,
 * Greek and Cyrillic letters, Hebrew points and Arabic harakat (optional vowel marks readers
 * omit), variation selectors, and invisible joiners/soft hyphens that only steer rendering.
 * Marks that are letters' vowels in Indic, Thai and other scripts stay, as do the kana voicing
 * marks (U+3099/U+309A), which NFC folds back into が.
 */
function isDroppedMark(c: number): boolean {
  if (c < 0x0300) return c === 0x00ad;
  if (c <= 0x036f) return true;
  if (c < 0x0483) return false;
  if (c <= 0x0489) return true; // Cyrillic titlo and friends
  if (c >= 0x0591 && c <= 0x05c7) {
    // Hebrew points and cantillation; not maqaf (05BE), paseq (05C0), sof pasuq (05C3), 05C6.
    return c <= 0x05bd || c === 0x05bf || c === 0x05c1 || c === 0x05c2 || c === 0x05c4 || c === 0x05c5 || c === 0x05c7;
  }
  if (c >= 0x064b && c <= 0x065f) return true; // Arabic harakat
  if (c === 0x0670) return true; // superscript alef
  if (c < 0x1ab0) return false;
  if (c <= 0x1aff) return true; // combining diacritical marks extended
  if (c >= 0x1dc0 && c <= 0x1dff) return true; // supplement
  if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff) return true;
  if (c >= 0x20d0 && c <= 0x20ff) return true; // combining marks for symbols (keycaps)
  if (c >= 0xfe00 && c <= 0xfe0f) return true; // variation selectors
  return c >= 0xfe20 && c <= 0xfe2f; // combining half marks
}

/**
 * Returns the normal form of a term: lower case, NFKC, diacritics removed (`Ångström` →
 * `angstrom`), `ß` → `ss` and a few other Latin letter folds, typographic apostrophes → `'`.
 * ASCII input never pays for Unicode normalisation: a term with no upper-case ASCII letter and no
 * char ≥ 128 is returned as is, without allocating. Idempotent: normalize(normalize(x)) equals
 * normalize(x). NFKC expansions stay (`½` → `1⁄2`, `⑴` → `(1)`) but not the spaces it makes.
 * The result is empty when nothing searchable is left (only dropped marks, or `ͺ`): drop it.
 */
export function normalize(term: string): string {
  let upper = false;
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (c >= 128) return normalizeUnicode(term);
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  return upper ? term.toLowerCase() : term;
}

function normalizeUnicode(term: string): string {
  // NFKD first: one step gives compatibility folding and separates accents from their letters.
  // Lower-casing after it catches upper case that decomposition produces (Ⅻ → XII, ㎒ → MHz).
  const d = term.normalize('NFKD').toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    let fold: string | undefined;
    if (c < 0xad) {
      // NFKD turns a few letters into a space plus a mark (ͺ, Arabic shadda ligatures, ﷺ); a term
      // never holds a space, so it goes.
      if (c !== 0x20) continue;
      fold = '';
    } else if (isDroppedMark(c)) {
      fold = '';
    } else if (c === 0xdb40 && i + 1 < d.length) {
      // Variation selectors supplement (U+E0100–U+E01EF) are a surrogate pair DB40 DD00–DDEF.
      const lo = d.charCodeAt(i + 1);
      if (lo >= 0xdd00 && lo <= 0xddef) {
        out += d.slice(from, i);
        from = i + 2;
        i++;
      }
      continue;
    } else {
      fold = LETTER_FOLDS.get(c);
      if (fold === undefined) continue;
    }
    out += d.slice(from, i) + fold;
    from = i + 1;
  }
  out += d.slice(from);
  // NFC puts back what decomposition split and folding kept (Hangul syllables, が, Indic clusters);
  // NFKC-equivalent here, as compatibility mappings were already applied by NFKD.
  return out.normalize('NFC');
}
