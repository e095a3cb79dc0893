/**
 * Bounded approximate matching of a quote inside a small window of the page: Myers' bit-parallel
 * edit-distance algorithm (J. ACM 46(3), 1999), in the block form for patterns longer than 32.
 *
 * approx-string-match implements the same algorithm for whole-text search; anchoring only ever
 * verifies a few windows a little longer than the quote, hundreds of times per page, and there
 * that library's per-call set-up (bit masks rebuilt for each call, and the start of each match found
 * by re-running the search on reversed copies of the strings) cost more than the search itself. Here
 * the masks are built once per quote (in reused buffers), both directions, and the text is read in place.
 */

const W = 32;

export interface CompiledPattern {
  source: string;
  length: number;
  blocks: number;
  /** Masks for character codes < 128: `ascii[code * blocks + b]`, bit i = pattern[b*32+i] is `code`. */
  ascii: Int32Array;
  other: Map<number, Int32Array>;
  /** Same masks for the reversed pattern (to find where a match starts). */
  asciiReversed: Int32Array;
  otherReversed: Map<number, Int32Array>;
}

function fillMasks(pattern: string, reversed: boolean, blocks: number, ascii: Int32Array, other: Map<number, Int32Array>): void {
  const m = pattern.length;
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(reversed ? m - 1 - i : i);
    const b = (i / W) | 0;
    const bit = 1 << (i % W);
    if (code < 128) ascii[code * blocks + b]! |= bit;
    else {
      let masks = other.get(code);
      if (!masks) other.set(code, (masks = new Int32Array(blocks)));
      masks[b]! |= bit;
    }
  }
}

/** Compiles a pattern into fresh buffers. */
export function compilePattern(pattern: string): CompiledPattern {
  const blocks = Math.max(1, Math.ceil(pattern.length / W));
  const compiled: CompiledPattern = {
    source: pattern,
    length: pattern.length,
    blocks,
    ascii: new Int32Array(128 * blocks),
    other: new Map(),
    asciiReversed: new Int32Array(128 * blocks),
    otherReversed: new Map(),
  };
  fillMasks(pattern, false, blocks, compiled.ascii, compiled.other);
  fillMasks(pattern, true, blocks, compiled.asciiReversed, compiled.otherReversed);
  return compiled;
}

let shared: CompiledPattern | null = null;

/**
 * The compiled form of `pattern` in buffers shared by successive calls: anchoring handles one quote
 * at a time, so recompiling in place spares allocating (and collecting) masks for every quote.
 * The result is valid until the next call with a different pattern.
 */
export function sharedPattern(pattern: string): CompiledPattern {
  if (shared?.source === pattern) return shared;
  const blocks = Math.max(1, Math.ceil(pattern.length / W));
  if (!shared || shared.ascii.length < 128 * blocks) {
    shared = compilePattern(pattern);
    return shared;
  }
  shared.ascii.fill(0, 0, 128 * shared.blocks);
  shared.asciiReversed.fill(0, 0, 128 * shared.blocks);
  shared.other.clear();
  shared.otherReversed.clear();
  shared.source = pattern;
  shared.length = pattern.length;
  shared.blocks = blocks;
  fillMasks(pattern, false, blocks, shared.ascii, shared.other);
  fillMasks(pattern, true, blocks, shared.asciiReversed, shared.otherReversed);
  return shared;
}

// Column state, reused across calls (grown on demand).
let pv = new Int32Array(16);
let mv = new Int32Array(16);
const EMPTY = new Int32Array(64);

/**
 * Advances the column state over one text character (all blocks) and returns the change of the
 * last row's value. `topCarry` is the horizontal delta entering block 0: +1 when the alignment is
 * anchored at the first text character read (D[0][j] = j), 0 when it may start anywhere.
 */
function advance(masks: Int32Array, base: number, blocks: number, lastBit: number, topCarry: number): number {
  let carry = topCarry;
  for (let b = 0; b < blocks; b++) {
    const p0 = pv[b]!;
    const m0 = mv[b]!;
    const negative = carry < 0 ? 1 : 0;
    const eq = masks[base + b]! | negative;
    const xv = eq | m0;
    const xh = (((eq & p0) + p0) ^ p0) | eq;
    let ph = m0 | ~(xh | p0);
    let mh = p0 & xh;
    const rowBit = b === blocks - 1 ? lastBit : 1 << 31;
    const out = (ph & rowBit ? 1 : 0) - (mh & rowBit ? 1 : 0);
    ph = (ph << 1) | (carry > 0 ? 1 : 0);
    mh = (mh << 1) | negative;
    pv[b] = mh | ~(xv | ph);
    mv[b] = ph & xv;
    carry = out;
  }
  return carry;
}

function resetColumn(blocks: number): void {
  if (pv.length < blocks) {
    pv = new Int32Array(blocks * 2);
    mv = new Int32Array(blocks * 2);
  }
  for (let b = 0; b < blocks; b++) {
    pv[b] = -1;
    mv[b] = 0;
  }
}

export interface WindowMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * The best approximate occurrences of the pattern in `text[from, to)` with at most `maxErrors`
 * errors: for each run of equally good end positions, the first (at most `limit`), with its start.
 */
export function bestMatches(p: CompiledPattern, text: string, from: number, to: number, maxErrors: number, limit = 3): WindowMatch[] {
  const { blocks, ascii, other } = p;
  const lastBit = 1 << ((p.length - 1) % W);
  resetColumn(blocks);
  const ends: number[] = [];
  let best = maxErrors + 1;
  let previousEnd = -2;
  let score = p.length;
  for (let j = from; j < to; j++) {
    const code = text.charCodeAt(j);
    score += code < 128 ? advance(ascii, code * blocks, blocks, lastBit, 0) : advance(other.get(code) ?? EMPTY, 0, blocks, lastBit, 0);
    if (score < best) {
      best = score;
      ends.length = 0;
      previousEnd = -2;
    }
    if (score === best) {
      if (j !== previousEnd + 1 && ends.length < limit) ends.push(j + 1);
      previousEnd = j;
    }
  }
  if (best > maxErrors) return [];
  return ends.map((end) => ({ start: matchStart(p, text, end, from, best), end, errors: best }));
}

/** Where an occurrence ending at `end` with `errors` errors starts: the reversed pattern, anchored at `end`. */
function matchStart(p: CompiledPattern, text: string, end: number, limit: number, errors: number): number {
  const { blocks, asciiReversed, otherReversed } = p;
  const lastBit = 1 << ((p.length - 1) % W);
  resetColumn(blocks);
  const count = Math.min(end - limit, p.length + errors);
  let score = p.length;
  let length = p.length;
  let bestScore = Infinity;
  for (let j = 0; j < count; j++) {
    const code = text.charCodeAt(end - 1 - j);
    score +=
      code < 128
        ? advance(asciiReversed, code * blocks, blocks, lastBit, 1)
        : advance(otherReversed.get(code) ?? EMPTY, 0, blocks, lastBit, 1);
    // Prefer the alignment consuming a number of characters closest to the pattern's length.
    if (score < bestScore || (score === bestScore && Math.abs(j + 1 - p.length) < Math.abs(length - p.length))) {
      bestScore = score;
      length = j + 1;
    }
  }
  return end - length;
}

/** Edit distance between the whole pattern and exactly `text[from, to)`. */
export function globalDistance(p: CompiledPattern, text: string, from: number, to: number): number {
  const { blocks, ascii, other } = p;
  const lastBit = 1 << ((p.length - 1) % W);
  resetColumn(blocks);
  let score = p.length;
  for (let j = from; j < to; j++) {
    const code = text.charCodeAt(j);
    score += code < 128 ? advance(ascii, code * blocks, blocks, lastBit, 1) : advance(other.get(code) ?? EMPTY, 0, blocks, lastBit, 1);
  }
  return score;
}

let scoreBuffer = new Int32Array(512);

/**
 * Edit distances between the whole pattern and the text spans that start at `at` (step +1) or end
 * at `at` (step -1, the pattern read backwards too) and take in 1, 2, … `count` characters: entry
 * k-1 is the distance for k characters. One pass gives every candidate edge at once. The returned
 * array is reused by the next call.
 */
export function anchoredDistances(p: CompiledPattern, text: string, at: number, step: 1 | -1, count: number): Int32Array {
  const { blocks } = p;
  const ascii = step === 1 ? p.ascii : p.asciiReversed;
  const other = step === 1 ? p.other : p.otherReversed;
  const lastBit = 1 << ((p.length - 1) % W);
  if (scoreBuffer.length < count) scoreBuffer = new Int32Array(count * 2);
  resetColumn(blocks);
  let score = p.length;
  for (let k = 0; k < count; k++) {
    const code = text.charCodeAt(step === 1 ? at + k : at - 1 - k);
    score += code < 128 ? advance(ascii, code * blocks, blocks, lastBit, 1) : advance(other.get(code) ?? EMPTY, 0, blocks, lastBit, 1);
    scoreBuffer[k] = score;
  }
  return scoreBuffer.subarray(0, count);
}
