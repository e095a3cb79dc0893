/**
 * Edit distance of a stored prefix or suffix against the text next to a candidate match.
 *
 * The comparison is anchored on the side touching the match and free on the far side: a prefix must
 * end exactly where the match starts, but may begin a little earlier or later in the text (words
 * inserted or deleted inside the context shift its far end). Contexts are at most 32 normalized
 * characters, so one 32-bit word holds a whole column of the edit-distance table and Myers'
 * bit-parallel recurrence computes each column in a handful of operations.
 */

const MAX_PATTERN = 32;
/** Match masks of the current pattern: bit i set when pattern[i] equals the character. */
const asciiMasks = new Int32Array(128);
const otherMasks = new Map<number, number>();

/**
 * Minimum edit distance between `pattern` (≤ 32 characters) and any prefix of the text read from
 * `text[at]` in direction `step` (+1 forwards; -1 backwards, the pattern then also read from its end).
 * At most `pattern.length + slack` text characters are considered.
 */
function anchoredDistance(pattern: string, text: string, at: number, step: 1 | -1, slack: number): number {
  const m = pattern.length;
  if (m === 0) return 0;
  const available = step === 1 ? text.length - at : at;
  const n = Math.max(0, Math.min(available, m + slack));

  asciiMasks.fill(0);
  otherMasks.clear();
  for (let i = 0; i < m; i++) {
    const code = step === 1 ? pattern.charCodeAt(i) : pattern.charCodeAt(m - 1 - i);
    if (code < 128) asciiMasks[code]! |= 1 << i;
    else otherMasks.set(code, (otherMasks.get(code) ?? 0) | (1 << i));
  }
  const last = 1 << (m - 1);
  // Column 0: D[i][0] = i, so every vertical delta is +1.
  let pv = -1;
  let mv = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < n; j++) {
    const code = step === 1 ? text.charCodeAt(at + j) : text.charCodeAt(at - 1 - j);
    const eq = code < 128 ? asciiMasks[code]! : (otherMasks.get(code) ?? 0);
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    // The text side is anchored (D[0][j] = j): the top row grows by one per column.
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < best) best = score;
  }
  return best;
}

/** Keeps the 32 characters of a context nearest the quote. */
export function clipContext(context: string, side: 'prefix' | 'suffix'): string {
  if (context.length <= MAX_PATTERN) return context;
  return side === 'prefix' ? context.slice(context.length - MAX_PATTERN) : context.slice(0, MAX_PATTERN);
}

/** Errors between a stored prefix (≤ 32 characters) and the text ending at `start`. */
export function prefixErrors(prefix: string, text: string, start: number): number {
  return anchoredDistance(prefix, text, start, -1, Math.ceil(prefix.length / 4));
}

/** Errors between a stored suffix (≤ 32 characters) and the text starting at `end`. */
export function suffixErrors(suffix: string, text: string, end: number): number {
  return anchoredDistance(suffix, text, end, 1, Math.ceil(suffix.length / 4));
}
