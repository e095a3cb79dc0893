/**
 * Edit distance of a stored prefix or suffix against the text next to a candidate match.
 *
 * The comparison is anchored on the side touching the match and free on the far side: a prefix must
 * end exactly where the match starts, but may begin a little earlier or later in the text (words
 * inserted or deleted inside the context shift its far end). Contexts are ~32 characters, so a
 * plain dynamic-programming table is cheap enough.
 */

let row = new Int32Array(64);
let previous = new Int32Array(64);

/**
 * Minimum edit distance between `pattern` and a prefix of the text read from `text[at]` in
 * direction `step` (+1 forwards for suffixes, -1 backwards for prefixes, whose pattern is then also
 * read from its end). At most `pattern.length + slack` text characters are considered.
 */
function anchoredDistance(pattern: string, text: string, at: number, step: 1 | -1, slack: number): number {
  const m = pattern.length;
  if (m === 0) return 0;
  const available = step === 1 ? text.length - at : at;
  const n = Math.max(0, Math.min(available, m + slack));
  if (row.length < n + 1) {
    row = new Int32Array(n * 2 + 1);
    previous = new Int32Array(n * 2 + 1);
  }
  // previous[j] = distance between the first i pattern characters and the first j text characters.
  for (let j = 0; j <= n; j++) previous[j] = j;
  let best = m;
  for (let i = 1; i <= m; i++) {
    const pc = step === 1 ? pattern.charCodeAt(i - 1) : pattern.charCodeAt(m - i);
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const tc = step === 1 ? text.charCodeAt(at + j - 1) : text.charCodeAt(at - j);
      const substitute = previous[j - 1]! + (pc === tc ? 0 : 1);
      const skipPattern = previous[j]! + 1;
      const skipText = row[j - 1]! + 1;
      row[j] = substitute < skipPattern ? (substitute < skipText ? substitute : skipText) : skipPattern < skipText ? skipPattern : skipText;
    }
    const swap = previous;
    previous = row;
    row = swap;
  }
  for (let j = 0; j <= n; j++) if (previous[j]! < best) best = previous[j]!;
  return best;
}

/** Errors between a stored prefix and the text ending at `start`. */
export function prefixErrors(prefix: string, text: string, start: number): number {
  return anchoredDistance(prefix, text, start, -1, Math.ceil(prefix.length / 4));
}

/** Errors between a stored suffix and the text starting at `end`. */
export function suffixErrors(suffix: string, text: string, end: number): number {
  return anchoredDistance(suffix, text, end, 1, Math.ceil(suffix.length / 4));
}
