// Query lexer: cuts a query string into clause-level tokens (leaves with their field and suffixes
// already applied, parentheses, operators, `+`/`-`/`!` modifiers). It owns every rule about what a
// word, phrase, range or comparison looks like; it does not know precedence or build booleans.
// Every scan moves forward only, so lexing is linear in the query length.

import { QueryParseError } from '../errors.js';
import type { FuzzyEdits, LeafNode, RangeNode, TermNode } from './ast.js';

// Character classes, on UTF-16 char codes. Module-local on purpose: the lexer loop reads them
// millions of times, and imported bindings cost a getter call per read under transpiling loaders.
// Field names are ASCII only; every other non-space character is a word character.

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const LPAREN = 0x28;
const RPAREN = 0x29;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const COLON = 0x3a;
const SLASH = 0x2f;
const STAR = 0x2a;
const QUESTION = 0x3f;
const TILDE = 0x7e;
const CARET = 0x5e;
const PLUS = 0x2b;
const MINUS = 0x2d;
const BANG = 0x21;
const LT = 0x3c;
const GT = 0x3e;
const EQ = 0x3d;
const DOT = 0x2e;

/** Whitespace, including C0 controls and the Unicode space separators people paste in. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return true;
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Ends a word: whitespace, parentheses and quotes (unless escaped). */
function isWordEnd(c: number): boolean {
  return c === LPAREN || c === RPAREN || c === QUOTE || isSpace(c);
}

/** First character of a field name: `[A-Za-z_]`. */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

/** Later characters of a field name: `[\w.-]`. */
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === DOT || c === MINUS;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Characters a range bound stops at unless escaped. */
function isBoundEnd(c: number): boolean {
  return c === RBRACKET || c === RBRACE || c === LBRACKET || c === LBRACE || c === QUOTE || isSpace(c);
}

/** One token for the parser. `start`/`end` are offsets into the query string. */
export type Token =
  | { readonly type: 'leaf'; readonly node: LeafNode; readonly start: number; readonly end: number }
  /** `(` or `field:(`; `field` scopes the group. `start` is at the field name when there is one. */
  | { readonly type: 'open'; readonly field: string | undefined; readonly start: number; readonly end: number }
  /** `)` with an optional `^n` suffix (included in `end`). */
  | { readonly type: 'close'; readonly boost: number | undefined; readonly start: number; readonly end: number }
  /** Binary `AND`/`&&`, `OR`/`||`; unary `NOT`/`!`/`-` (all `not`) and `+` (`must`). */
  | { readonly type: 'and' | 'or' | 'not' | 'must'; readonly start: number; readonly end: number }
  /** Lenient only: a clause that degraded to nothing; cancels the modifiers written before it. */
  | { readonly type: 'void'; readonly start: number; readonly end: number }
  | { readonly type: 'eof'; readonly start: number; readonly end: number };

/** What follows `~` / `^`: slop for phrases, fuzziness for terms, nothing for ranges and groups. */
type TildeKind = 'fuzzy' | 'slop' | 'none';

interface Suffix {
  /** Raw `~` value: 'auto' when no number followed. Already validated/clamped for its kind. */
  tilde: number | 'auto' | undefined;
  boost: number | undefined;
}

/** The body of a word after any field prefix: text with escapes removed, up to its suffix. */
interface WordValue {
  text: string;
  /** Where the `~`/`^` suffix starts (the word end when there is none). */
  suffixStart: number;
  /** Unescaped `*`/`?` in the text, and where the first one is. */
  wildcards: number;
  firstWildcard: number;
  /** The text ends with an unescaped `*`. */
  endsWithStar: boolean;
  /** First unescaped `[ ] { }`, or -1. */
  firstBracket: number;
}

interface Bound {
  /** Undefined for an open `*` bound. */
  text: string | undefined;
  start: number;
  end: number;
}

interface RangeParts {
  lower: Bound;
  upper: Bound;
  includeLower: boolean;
  includeUpper: boolean;
  end: number;
}

type RangeScan =
  | ({ ok: true } & RangeParts)
  /**
   * `repair`: what lenient mode reads instead, when the range was cut short after its `TO`:
   * a missing closing bracket closes (inclusive) after the upper bound, a missing upper bound is open.
   */
  | { ok: false; at: number; repair: RangeParts | undefined };

/** Streams tokens from a query string; the parser passes the field scope of the group it is in. */
export class QueryLexer {
  private pos = 0;
  /** End of the run of `+ - !` glued to the next clause, so a long run is scanned only once. */
  private modRunEnd = -1;
  /** Leaves queued by a bare range that degraded to its bounds (lenient). */
  private readonly queue: Token[] = [];

  /**
   * @param text the whole query (errors report it)
   * @param len how much of it to read (the lenient `maxLength` truncation)
   */
  constructor(
    private readonly text: string,
    private readonly len: number,
    private readonly strict: boolean,
  ) {}

  /** The next token; `scope` is the field of the innermost `field:( … )` group, if any. */
  next(scope: string | undefined): Token {
    const queued = this.queue.shift();
    if (queued !== undefined) return queued;
    const t = this.text;
    for (;;) {
      let p = this.pos;
      while (p < this.len && isSpace(t.charCodeAt(p))) p++;
      this.pos = p;
      if (p >= this.len) return { type: 'eof', start: this.len, end: this.len };
      const c = t.charCodeAt(p);
      const afterModifiers = p === this.modRunEnd;

      if (c === LPAREN) {
        this.pos = p + 1;
        return { type: 'open', field: undefined, start: p, end: p + 1 };
      }
      if (c === RPAREN) return this.close(p);
      if (c === QUOTE) {
        const tok = this.phrase(p, p, scope);
        if (tok !== undefined) return tok;
        continue;
      }
      if (c === PLUS || c === MINUS || c === BANG) {
        const tok = this.modifier(p, c);
        if (tok !== undefined) return tok;
        continue;
      }
      if (c === LBRACKET || c === LBRACE) return this.range(p, p, scope, false);
      if (c === GT || c === LT) {
        if (scope !== undefined) return this.comparison(p, scope, p, -1);
        this.problem('a comparison needs a field, as in date>=2024', p, this.wordEnd(p));
        return this.termWord(p, p, this.wordEnd(p), undefined);
      }

      const we = this.wordEnd(p);
      const width = we - p;
      if (!afterModifiers && (width === 2 || width === 3)) {
        const w = t.slice(p, we);
        if (w === 'AND' || w === '&&') return this.moveTo(we, { type: 'and', start: p, end: we });
        if (w === 'OR' || w === '||') return this.moveTo(we, { type: 'or', start: p, end: we });
        if (w === 'NOT') return this.moveTo(we, { type: 'not', start: p, end: we });
      }
      if (c === STAR && ((width === 1 && scope === undefined) || (width === 3 && t.startsWith('*:*', p)))) {
        return this.leaf(we, { kind: 'all', start: p, end: we });
      }
      if (isNameStart(c)) {
        let n = p + 1;
        while (n < we && isNameChar(t.charCodeAt(n))) n++;
        if (n < we) {
          const d = t.charCodeAt(n);
          // `http://x` is a URL, not the field `http`.
          if (d === COLON && !(this.code(n + 1) === SLASH && this.code(n + 2) === SLASH)) {
            return this.fieldClause(p, n, we);
          }
          if (d === GT || d === LT) return this.comparison(p, t.slice(p, n), n, n);
        }
      }
      return this.termWord(p, p, we, scope);
    }
  }

  /** A run of `+ - !`: modifiers when glued to a clause, else `!` alone is NOT and the rest dangle. */
  private modifier(p: number, c: number): Token | undefined {
    if (p >= this.modRunEnd) {
      let r = p + 1;
      while (r < this.len) {
        const d = this.text.charCodeAt(r);
        if (d !== PLUS && d !== MINUS && d !== BANG) break;
        r++;
      }
      const next = this.code(r);
      if (next === -1 || next === RPAREN || isSpace(next)) {
        if (r === p + 1 && c === BANG) return this.moveTo(r, { type: 'not', start: p, end: r });
        this.problem('an operator with nothing after it', p, r);
        this.pos = r;
        return undefined;
      }
      this.modRunEnd = r;
    }
    return this.moveTo(p + 1, { type: c === PLUS ? 'must' : 'not', start: p, end: p + 1 });
  }

  /** `name:` followed by a value, group, phrase, range or comparison; `n` is the colon. */
  private fieldClause(p: number, n: number, we: number): Token {
    const name = this.text.slice(p, n);
    const v = n + 1;
    const c = this.code(v);
    if (c === -1 || c === RPAREN || isSpace(c)) {
      this.problem(`field ${name}: has no value`, p, v);
      return this.leaf(v, { kind: 'term', text: name, start: p, end: n });
    }
    if (c === LPAREN) return this.moveTo(v + 1, { type: 'open', field: name, start: p, end: v + 1 });
    if (c === QUOTE) {
      const tok = this.phrase(p, v, name);
      if (tok !== undefined) return tok;
      // Unbalanced quote, lenient: the field applies to the word after the dropped quote.
      const we2 = this.wordEnd(v + 1);
      if (we2 === v + 1) return this.leaf(v + 1, { kind: 'term', text: name, start: p, end: n });
      return this.termWord(p, v + 1, we2, name);
    }
    if (c === LBRACKET || c === LBRACE) return this.range(p, v, name, true);
    if (c === GT || c === LT) return this.comparison(p, name, v, n);
    return this.termWord(p, v, we, name);
  }

  /** A plain word (value part from `v` to `we`), with prefix/fuzzy/boost suffixes. */
  private termWord(start: number, v: number, we: number, field: string | undefined): Token {
    const w = this.wordValue(v, we);
    if (w.text === '') {
      if (start < v && field !== undefined) {
        // `title:^2`: the field name written at `start` is all there is.
        this.problem(`field ${field}: has no value`, start, v);
        return this.leaf(we, { kind: 'term', text: field, start, end: start + field.length });
      }
      this.problem('a boost or fuzziness with no term before it', v, we);
      return this.moveTo(we, { type: 'void', start: v, end: we });
    }
    const s = w.suffixStart < we ? this.suffix(w.suffixStart, we, 'fuzzy') : undefined;
    let text = w.text;
    let prefix = false;
    if (w.endsWithStar && w.wildcards === 1 && text.length > 1) {
      prefix = true;
      text = text.slice(0, -1);
    } else if (w.wildcards > 0) {
      this.problem('wildcards are supported only as a trailing * (prefix)', w.firstWildcard, w.firstWildcard + 1);
    }
    if (w.firstBracket >= 0) this.problem('a bracket outside a range; escape it with \\', w.firstBracket, w.firstBracket + 1);
    let fuzzy: FuzzyEdits | undefined;
    if (s !== undefined && s.tilde !== undefined && s.tilde !== 0) {
      if (prefix) this.problem('a prefix term cannot also be fuzzy', w.suffixStart, we);
      else fuzzy = s.tilde === 'auto' ? 'auto' : s.tilde === 1 ? 1 : 2;
    }
    const node: TermNode = {
      kind: 'term',
      text,
      ...(field !== undefined ? { field } : {}),
      ...(s?.boost !== undefined ? { boost: s.boost } : {}),
      ...(fuzzy !== undefined ? { fuzzy } : {}),
      ...(prefix ? { prefix: true as const } : {}),
      start,
      end: we,
    };
    return this.leaf(we, node);
  }

  /** `"…"` starting at quote `q` (the node starts at `start`, the field name when there is one). */
  private phrase(start: number, q: number, field: string | undefined): Token | undefined {
    const t = this.text;
    let e = q + 1;
    while (e < this.len) {
      const c = t.charCodeAt(e);
      if (c === BACKSLASH) e += 2;
      else if (c === QUOTE) break;
      else e++;
    }
    if (e >= this.len) {
      // Lenient: drop the quote and read the rest as ordinary words.
      this.problem('a quote that is never closed', q, q + 1);
      this.pos = q + 1;
      return undefined;
    }
    const text = this.unescape(q + 1, e);
    let end = e + 1;
    let slop = 0;
    let boost: number | undefined;
    const c = this.code(end);
    if (c === TILDE || c === CARET) {
      const se = this.wordEnd(end);
      const s = this.suffix(end, se, 'slop');
      if (typeof s.tilde === 'number') slop = s.tilde;
      boost = s.boost;
      end = se;
    }
    return this.leaf(end, {
      kind: 'phrase',
      text,
      ...(field !== undefined ? { field } : {}),
      slop,
      ...(boost !== undefined ? { boost } : {}),
      start,
      end,
    });
  }

  /** `[a TO b]` / `{a TO b}` / mixed at bracket `b`; `explicit` when written as `field:[…]`. */
  private range(start: number, b: number, field: string | undefined, explicit: boolean): Token {
    const scan = this.scanRange(b);
    let r: RangeParts;
    if (scan.ok) {
      r = scan;
    } else {
      this.problem('a malformed range; expected [from TO to] or {from TO to}', start, Math.min(this.len, Math.max(scan.at, b) + 1));
      // Lenient: repair a range cut short after TO; otherwise the bracket is a word character.
      if (scan.repair === undefined) return this.termWord(explicit ? start : b, b, this.wordEnd(b), field);
      r = scan.repair;
    }
    let end = r.end;
    let boost: number | undefined;
    const c = this.code(end);
    if (scan.ok && (c === CARET || c === TILDE)) {
      const se = this.wordEnd(end);
      boost = this.suffix(end, se, 'none').boost;
      end = se;
    }
    if (field === undefined) {
      this.problem('a range needs a field, as in date:[2024-01 TO 2024-03]', start, end);
      // Lenient: the bounds become plain terms.
      for (const bound of [r.lower, r.upper]) {
        if (bound.text !== undefined && bound.text !== '') {
          const node: TermNode = { kind: 'term', text: bound.text, start: bound.start, end: bound.end };
          this.queue.push({ type: 'leaf', node, start: bound.start, end: bound.end });
        }
      }
      this.pos = end;
      return this.queue.shift() ?? { type: 'void', start, end };
    }
    return this.leaf(end, rangeNode(field, r.lower, r.upper, r.includeLower, r.includeUpper, boost, start, end));
  }

  private scanRange(b: number): RangeScan {
    const includeLower = this.text.charCodeAt(b) === LBRACKET;
    let i = this.skipSpace(b + 1);
    const lower = this.bound(i);
    if (lower === undefined) return { ok: false, at: i, repair: undefined };
    i = this.skipSpace(lower.end);
    if (i === lower.end || !this.isTo(i)) return { ok: false, at: i, repair: undefined };
    i = this.skipSpace(i + 2);
    const upper = this.bound(i);
    if (upper === undefined) {
      // `date:[2024 TO` or `date:[2024 TO ]`: lenient reads an open upper end.
      const c = this.code(i);
      const closed = c === RBRACKET || c === RBRACE;
      if (c !== -1 && !closed) return { ok: false, at: i, repair: undefined };
      const open: Bound = { text: undefined, start: i, end: i };
      return { ok: false, at: i, repair: { lower, upper: open, includeLower, includeUpper: false, end: closed ? i + 1 : i } };
    }
    i = this.skipSpace(upper.end);
    const c = this.code(i);
    if (c === RBRACKET || c === RBRACE) {
      return { ok: true, lower, upper, includeLower, includeUpper: c === RBRACKET, end: i + 1 };
    }
    return { ok: false, at: i, repair: { lower, upper, includeLower, includeUpper: true, end: upper.end } };
  }

  /** `TO` ending at whitespace, a closing bracket or the end (lenient also takes `to`: people type it). */
  private isTo(i: number): boolean {
    const a = this.code(i);
    const b = this.code(i + 1);
    const after = this.code(i + 2);
    if (after !== -1 && after !== RBRACKET && after !== RBRACE && !isSpace(after)) return false;
    if (a === 0x54 && b === 0x4f) return true;
    return !this.strict && a === 0x74 && b === 0x6f;
  }

  /** A range bound at `i`: `"quoted"`, `*` (open) or a run up to whitespace or a bracket. */
  private bound(i: number): Bound | undefined {
    const t = this.text;
    const c = this.code(i);
    if (c === -1) return undefined;
    if (c === QUOTE) {
      let e = i + 1;
      while (e < this.len) {
        const d = t.charCodeAt(e);
        if (d === BACKSLASH) e += 2;
        else if (d === QUOTE) break;
        else e++;
      }
      if (e >= this.len) return undefined;
      return { text: this.unescape(i + 1, e), start: i, end: e + 1 };
    }
    let j = i;
    while (j < this.len) {
      const d = t.charCodeAt(j);
      if (d === BACKSLASH) j += 2;
      else if (isBoundEnd(d)) break;
      else j++;
    }
    if (j > this.len) j = this.len;
    if (j === i) return undefined;
    if (j === i + 1 && c === STAR) return { text: undefined, start: i, end: j };
    return { text: this.unescape(i, j), start: i, end: j };
  }

  /**
   * `date>=x`, `date:<x`, or a bare `>=x` inside `date:( … )`. `op` is the `<`/`>`; `nameEnd` is
   * the end of a written field name, -1 when the field comes from the group.
   */
  private comparison(start: number, field: string, op: number, nameEnd: number): Token {
    let v = op + 1;
    const inclusive = this.code(v) === EQ;
    if (inclusive) v++;
    const we = this.wordEnd(v);
    const w = this.wordValue(v, we);
    const open = w.text === '*' && w.wildcards === 1;
    if (w.text === '' || open) {
      this.problem(open ? 'a comparison with * bounds nothing' : `a comparison on ${field} has no value`, start, Math.max(we, v));
      if (nameEnd >= 0) return this.leaf(we, { kind: 'term', text: field, start, end: nameEnd });
      return this.moveTo(we, { type: 'void', start, end: Math.max(we, v) });
    }
    const boost = w.suffixStart < we ? this.suffix(w.suffixStart, we, 'none').boost : undefined;
    const value: Bound = { text: w.text, start: v, end: w.suffixStart };
    const none: Bound = { text: undefined, start: v, end: v };
    const node = this.text.charCodeAt(op) === GT
      ? rangeNode(field, value, none, inclusive, false, boost, start, we)
      : rangeNode(field, none, value, false, inclusive, boost, start, we);
    return this.leaf(we, node);
  }

  /** `)` and its optional `^n`. */
  private close(p: number): Token {
    let end = p + 1;
    let boost: number | undefined;
    const c = this.code(end);
    if (c === CARET || c === TILDE) {
      const se = this.wordEnd(end);
      boost = this.suffix(end, se, 'none').boost;
      end = se;
    }
    return this.moveTo(end, { type: 'close', boost, start: p, end });
  }

  /** Reads a word body from `v` to `we`: unescaped text up to the first unescaped `~` or `^`. */
  private wordValue(v: number, we: number): WordValue {
    const t = this.text;
    let text = '';
    let chunk = v;
    let i = v;
    let suffixStart = we;
    let wildcards = 0;
    let firstWildcard = -1;
    let endsWithStar = false;
    let firstBracket = -1;
    while (i < we) {
      const c = t.charCodeAt(i);
      if (c === BACKSLASH) {
        text += t.slice(chunk, i);
        if (i + 1 >= we) {
          this.problem('a backslash with nothing to escape', i, i + 1);
          chunk = we;
          i = we;
          break;
        }
        chunk = i + 1;
        i += 2;
        endsWithStar = false;
        continue;
      }
      if (c === TILDE || c === CARET) {
        suffixStart = i;
        break;
      }
      if (c === STAR || c === QUESTION) {
        if (wildcards++ === 0) firstWildcard = i;
        endsWithStar = c === STAR;
      } else {
        endsWithStar = false;
        if (firstBracket < 0 && (c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE)) firstBracket = i;
      }
      i++;
    }
    text += t.slice(chunk, i);
    return { text, suffixStart, wildcards, firstWildcard, endsWithStar, firstBracket };
  }

  /**
   * Parses `(~n? | ^n)*` from `from` (a `~` or `^`) to `to`. Lenient drops a malformed modifier;
   * fuzziness is clamped to 0..2 and slop floored.
   */
  private suffix(from: number, to: number, kind: TildeKind): Suffix {
    const t = this.text;
    const out: Suffix = { tilde: undefined, boost: undefined };
    let i = from;
    while (i < to) {
      const mod = i;
      const isBoost = t.charCodeAt(i) === CARET;
      i++;
      let j = i;
      while (j < to && isDigit(t.charCodeAt(j))) j++;
      if (j + 1 < to && t.charCodeAt(j) === DOT && isDigit(t.charCodeAt(j + 1))) {
        j += 2;
        while (j < to && isDigit(t.charCodeAt(j))) j++;
      }
      const hasNumber = j > i;
      const value = hasNumber ? Number(t.slice(i, j)) : NaN;
      let g = j;
      while (g < to) {
        const c = t.charCodeAt(g);
        if (c === TILDE || c === CARET) break;
        g++;
      }
      i = g;
      if (g > j) {
        this.problem(isBoost ? 'a boost must be a positive number' : 'unexpected characters after ~', mod, g);
        continue;
      }
      if (isBoost) {
        if (!(value > 0) || !Number.isFinite(value)) {
          this.problem('a boost must be a positive number', mod, g);
          continue;
        }
        if (out.boost !== undefined) this.problem('a second boost', mod, g);
        out.boost = value;
        continue;
      }
      if (kind === 'none') {
        this.problem('~ applies only to terms and phrases', mod, g);
        continue;
      }
      if (out.tilde !== undefined) this.problem('a second ~', mod, g);
      if (!hasNumber) {
        if (kind === 'slop') {
          this.problem('a proximity needs a number of positions, as in "a b"~3', mod, g);
          continue;
        }
        out.tilde = 'auto';
      } else if (kind === 'fuzzy') {
        if (!Number.isInteger(value) || value > 2) this.problem('fuzziness must be 0, 1 or 2 edits', mod, g);
        out.tilde = Math.min(2, Math.floor(value));
      } else {
        if (!Number.isSafeInteger(value)) this.problem('a proximity must be a whole number', mod, g);
        out.tilde = Math.min(Number.MAX_SAFE_INTEGER, Math.floor(value));
      }
    }
    return out;
  }

  /** End of the word starting at `p` (escapes keep delimiters inside the word). */
  private wordEnd(p: number): number {
    const t = this.text;
    while (p < this.len) {
      const c = t.charCodeAt(p);
      if (c === BACKSLASH) p += 2;
      else if (isWordEnd(c)) break;
      else p++;
    }
    return p < this.len ? p : this.len;
  }

  private skipSpace(i: number): number {
    while (i < this.len && isSpace(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** Text between `from` and `to` with backslash escapes removed (a final lone `\` is dropped). */
  private unescape(from: number, to: number): string {
    const t = this.text;
    let out = '';
    let chunk = from;
    for (let i = from; i < to; i++) {
      if (t.charCodeAt(i) === BACKSLASH) {
        out += t.slice(chunk, i);
        chunk = i + 1;
        i++; // the escaped character is kept by the next chunk
      }
    }
    return out + t.slice(chunk, to);
  }

  /** Char code at `i`, or -1 past the readable end. */
  private code(i: number): number {
    return i < this.len ? this.text.charCodeAt(i) : -1;
  }

  private moveTo(pos: number, tok: Token): Token {
    this.pos = pos;
    return tok;
  }

  private leaf(end: number, node: LeafNode): Token {
    this.pos = end;
    return { type: 'leaf', node, start: node.start, end: node.end };
  }

  /** Strict mode throws; lenient mode returns and the caller takes its degraded path. */
  private problem(message: string, start: number, end: number): void {
    if (this.strict) throw parseError(message, this.text, start, end);
  }
}

/** A QueryParseError whose span is non-empty and inside the query. */
export function parseError(message: string, query: string, start: number, end: number): QueryParseError {
  const s = Math.max(0, Math.min(start, query.length));
  const e = Math.max(s, Math.min(query.length, Math.max(end, s + 1)));
  return new QueryParseError(message, query, s, e);
}

function rangeNode(
  field: string, lower: Bound, upper: Bound, includeLower: boolean, includeUpper: boolean,
  boost: number | undefined, start: number, end: number,
): RangeNode {
  return {
    kind: 'range',
    field,
    ...(lower.text !== undefined ? { lower: lower.text } : {}),
    ...(upper.text !== undefined ? { upper: upper.text } : {}),
    includeLower: lower.text !== undefined && includeLower,
    includeUpper: upper.text !== undefined && includeUpper,
    ...(boost !== undefined ? { boost } : {}),
    start,
    end,
  };
}
