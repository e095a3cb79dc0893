/**
 * Word and punctuation tokens with their offsets, computed once for the whole text so that every rule
 * (speakers, names, counts) walks the same tokens in linear time.
 *
 * A word keeps inner punctuation ("25,000", "U.S", "At-Tanf", "country's") but never a trailing
 * period, so "Col." is the word "Col" followed by the token ".". Every other non-space character is a
 * token of its own.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
  /** True for word tokens, false for punctuation. */
  word: boolean;
}

// Each repetition of the inner group must start with a punctuation character, so matching is linear.
const TOKEN_RE = /[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length, word: m[0].length > 1 || WORD_START_RE.test(m[0]) });
  }
  return tokens;
}

const WORD_START_RE = /^[\p{L}\p{N}]/u;

/**
 * Case of a non-ASCII first letter, by code unit: 1 upper, 2 lower, 3 neither. Case mapping of
 * non-Latin-1 text is a slow call into the engine's Unicode tables and allocates two strings, while
 * a page in Cyrillic or Greek asks it for nearly every word: each code unit is mapped once per page.
 */
const caseOfCodeUnit = new Map<number, number>();

function caseOf(c: string): number {
  const code = c.charCodeAt(0);
  let known = caseOfCodeUnit.get(code);
  if (known === undefined) {
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    known = c !== lower && c === upper ? 1 : c !== upper && c === lower ? 2 : 3;
    caseOfCodeUnit.set(code, known);
  }
  return known;
}

/** Upper-case first letter; ASCII is decided on the char code (hot path), other scripts by case mapping. */
export function isCapitalised(token: Token | undefined): boolean {
  if (!token || !token.word) return false;
  const code = token.text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return caseOf(token.text[0]!) === 1;
}

export function isLowerWord(token: Token | undefined): boolean {
  if (!token || !token.word) return false;
  const code = token.text.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122;
  return caseOf(token.text[0]!) === 2;
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
