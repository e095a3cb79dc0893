/**
 * The text form anchoring compares: whitespace removed, case folded, quote and dash styles unified.
 *
 * Pages change in ways a reader doesn't notice — a paragraph re-wrapped, a <br> turned into a space,
 * straight quotes turned curly, an en dash restored where a broken encoding had left U+FFFD. None of
 * that should cost the matcher an error, so both the page text and the stored selectors are compared
 * in this normalized form, and `toOriginal` maps every normalized character back to the page text.
 * Whitespace is dropped rather than collapsed so that "foo\nbar", "foo bar" and "foobar" (a block
 * boundary that became inline markup) are all equal.
 */

export interface NormalizedText {
  /** The normalized characters. */
  text: string;
  /** `toOriginal[i]` is the offset in the original text of normalized character `i` (non-decreasing). */
  toOriginal: Int32Array;
}

/** Characters folded to one representative; anything absent maps to itself (lower-cased). */
const FOLDED = new Map<number, string>();
for (const ch of '\u2018\u2019\u201A\u201B\u2032\u00B4`') FOLDED.set(ch.charCodeAt(0), "'");
for (const ch of '\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB') FOLDED.set(ch.charCodeAt(0), '"');
// Dashes of every width, the minus sign, and U+FFFD: broken encodings most often leave the
// replacement character where an en or em dash was.
for (const ch of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D\uFFFD') FOLDED.set(ch.charCodeAt(0), '-');
FOLDED.set(0x2026, '...'); // ellipsis
// Invisible characters that only affect line breaking.
for (const ch of '\u00AD\u200B\u200C\u200D\u2060\uFEFF') FOLDED.set(ch.charCodeAt(0), '');

function isWhitespace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0x3000
  );
}

/** The normalized form of one UTF-16 code unit ('' when it vanishes). */
function foldChar(code: number, char: string): string {
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  const folded = FOLDED.get(code);
  if (folded !== undefined) return folded;
  const lower = char.toLowerCase();
  // A few characters lower-case to two code units (İ → i̇); keep those as they are so the map stays simple.
  return lower.length === 1 ? lower : char;
}

export function normalizeWithMap(text: string): NormalizedText {
  const out: string[] = [];
  // Normalizing only ever shrinks text, except "…" → "...": grow the map if that happens a lot.
  let map = new Int32Array(text.length + 16);
  let n = 0;
  let runStart = 0;
  const reserve = (extra: number): void => {
    if (n + extra > map.length) {
      const grown = new Int32Array((n + extra) * 2);
      grown.set(map);
      map = grown;
    }
  };
  // Consecutive ASCII characters that need no folding are copied as one slice: most text is such.
  const flushRun = (end: number): void => {
    if (end > runStart) {
      out.push(text.slice(runStart, end));
      reserve(end - runStart);
      for (let j = runStart; j < end; j++) map[n++] = j;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && !(code >= 65 && code <= 90) && !isWhitespace(code)) continue;
    flushRun(i);
    runStart = i + 1;
    if (isWhitespace(code)) continue;
    const folded = foldChar(code, text[i]!);
    out.push(folded);
    reserve(folded.length);
    for (let j = 0; j < folded.length; j++) map[n++] = i;
  }
  flushRun(text.length);
  return { text: out.join(''), toOriginal: map.subarray(0, n) };
}

/** The normalized form without the offset map (for selectors, which are never mapped back). */
export function normalize(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code)) continue;
    out += foldChar(code, text[i]!);
  }
  return out;
}

/** Index of the first normalized character whose original offset is ≥ `offset`. */
export function normalizedOffsetOf(normalized: NormalizedText, offset: number): number {
  const map = normalized.toOriginal;
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
