/**
 * Word and punctuation tokens with their offsets, computed once for the whole text so that every rule
 * (speakers, names, counts) walks the same tokens in linear time.
 *
 * A word keeps inner punctuation ("25,000", "U.S", "At-Tanf", "country's") but never a trailing
 * period, so "Col." is the word "Col" followed by the token ".". Every other non-space character is a
 * token of its own.
 */

import { FNV_PRIME, SEED_WORD } from '../worthiness/hash';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** True for word tokens, false for punctuation. */
  word: boolean;
  /**
   * For a word that is one run of ASCII letters and digits ("Said", "25"), as most words are: its
   * wordHash, by which word lists find it without hashing its string again (word-table.ts); 0 for any
   * other token.
   */
  hash: number;
}

/** A char code with A–Z lower-cased: how word tables compare words. */
export const foldAscii = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * The model's FNV-1a (core/worthiness/hash.ts) over s[from, to) folded by foldAscii: what word tables
 * are keyed by. The tokenizer computes the same as it reads each plain word.
 */
export function wordHash(s: string, from = 0, to = s.length): number {
  let h = SEED_WORD;
  for (let i = from; i < to; i++) h = Math.imul(h ^ foldAscii(s.charCodeAt(i)), FNV_PRIME);
  return h;
}

// The grammar, as a regex (kept as the reference the scanner below implements):
//   /[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu
// The scanner walks char codes instead: the regex's match arrays and the per-token test dominated the
// claim stage's cost on short pages.

/** Class of a code point: a letter or digit (\p{L}, \p{N}), white space (\s), anything else. */
const LETTER_OR_DIGIT = 1;
const SPACE = 2;
const OTHER = 3;

/** 1 for each ASCII letter or digit (the letters and digits, \p{L} \p{N}, below 128), else 0. */
export const ASCII_LETTER_OR_DIGIT = new Uint8Array(128).map((_, c) => ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0));

/** Class of each ASCII code, so the common case is one array read. */
const ASCII_CLASS = ASCII_LETTER_OR_DIGIT.map((letterOrDigit, c) =>
  letterOrDigit ? LETTER_OR_DIGIT : /\s/.test(String.fromCharCode(c)) ? SPACE : OTHER,
);
const LETTER_OR_DIGIT_RE = /^[\p{L}\p{N}]$/u;
const SPACE_RE = /^\s$/u;

function slowClass(ch: string): number {
  return LETTER_OR_DIGIT_RE.test(ch) ? LETTER_OR_DIGIT : SPACE_RE.test(ch) ? SPACE : OTHER;
}

/** Letter case: upper, lower, or neither (digits, uncased scripts). */
const UPPER = 1;
const LOWER = 2;
const UNCASED = 3;

function slowCase(ch: string): number {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  return ch !== lower && ch === upper ? UPPER : ch !== upper && ch === lower ? LOWER : UNCASED;
}

/**
 * What the engine's Unicode tables say of each non-ASCII BMP code unit (its class in bits 0–1, its
 * case in bits 2–3; 0: not asked yet), asked once per code unit and page: those lookups are slow
 * calls, and a page in Cyrillic or Greek asks them for nearly every character. Allocated with the
 * first such code unit, so a page without non-ASCII characters never pays for it.
 */
let bmpTraits: Uint8Array | null = null;

function traitsOf(code: number): number {
  bmpTraits ??= new Uint8Array(0x10000);
  let known = bmpTraits[code]!;
  if (known === 0) {
    const ch = String.fromCharCode(code);
    known = slowClass(ch) | (slowCase(ch) << 2);
    bmpTraits[code] = known;
  }
  return known;
}

function classOfCodePoint(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp]!;
  if (cp < 0x10000) return traitsOf(cp) & 3;
  return slowClass(String.fromCodePoint(cp));
}

/** Punctuation that may join two runs of letters or digits inside one word: ' ’ . , - */
const isJoiner = (c: number): boolean => c === 39 || c === 0x2019 || c === 46 || c === 44 || c === 45;

/** Length in code units of the code point at `i` (2 for a surrogate pair, as the `u` flag reads it). */
function codePointLength(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** End of the run of letters and digits starting at `i`. */
function letterRunEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (ASCII_CLASS[c] !== LETTER_OR_DIGIT) break;
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (classOfCodePoint(cp) !== LETTER_OR_DIGIT) break;
    i += codePointLength(cp);
  }
  return i;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cp = c < 0xd800 ? c : text.codePointAt(i)!;
    const cls = c < 128 ? ASCII_CLASS[c]! : classOfCodePoint(cp);
    if (cls === SPACE) {
      i += codePointLength(cp);
      continue;
    }
    if (cls === OTHER) {
      // One code point of its own; a pair of surrogates (an emoji) is two code units long, and counts
      // as a word like any token longer than one code unit.
      const len = codePointLength(cp);
      tokens.push({ text: text.slice(i, i + len), start: i, end: i + len, word: len > 1, hash: 0 });
      i += len;
      continue;
    }
    // The run of ASCII letters and digits first, hashed as wordHash does.
    let end = i;
    let hash = SEED_WORD;
    while (end < n) {
      const a = text.charCodeAt(end);
      if (a >= 128 || ASCII_CLASS[a] !== LETTER_OR_DIGIT) break;
      hash = Math.imul(hash ^ foldAscii(a), FNV_PRIME);
      end++;
    }
    let plain = end > i;
    if (end < n && text.charCodeAt(end) >= 128) {
      // Letters of other scripts continue the word ("café"), which is then not plain.
      const runEnd = letterRunEnd(text, end);
      if (runEnd > end) {
        end = runEnd;
        plain = false;
      }
    }
    // A joiner stays in the word only when a run of letters or digits follows it.
    while (end < n && isJoiner(text.charCodeAt(end))) {
      const runEnd = letterRunEnd(text, end + 1);
      if (runEnd === end + 1) break;
      end = runEnd;
      plain = false;
    }
    tokens.push({ text: text.slice(i, end), start: i, end, word: true, hash: plain ? hash : 0 });
    i = end;
  }
  return tokens;
}

/** Case of a token's non-ASCII first code unit (traitsOf). */
function caseOf(code: number): number {
  return traitsOf(code) >> 2;
}

/** Upper-case first letter; ASCII is decided on the char code (hot path), other scripts by case mapping. */
export function isCapitalised(token: Token | undefined): boolean {
  if (!token || !token.word) return false;
  const code = token.text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return caseOf(code) === UPPER;
}

export function isLowerWord(token: Token | undefined): boolean {
  if (!token || !token.word) return false;
  const code = token.text.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122;
  return caseOf(code) === LOWER;
}

/** Index of the first token with start >= offset (binary search). */
export function firstTokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when only spaces or tabs (no line break) separate two offsets. */
export function sameLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
  }
  return true;
}
