/**
 * A hash index of every k-gram of a text, built once per batch, so that finding where a quote (or a
 * piece of it) occurs costs a table look-up instead of a scan of the whole page.
 *
 * Positions sharing a hash bucket form a chain (`head` → `next` → …) in ascending order. The full
 * 32-bit hash of every position is kept to skip most bucket collisions without comparing strings.
 */

export const K = 8;
const BASE = 0x01000193; // FNV prime: spreads consecutive characters well under Math.imul.

export interface KgramIndex {
  text: string;
  head: Int32Array;
  next: Int32Array;
  hashAt: Int32Array;
  /** Number of positions in each bucket (saturating at 255): lets callers skip k-grams too common to be informative. */
  bucketSize: Uint8Array;
  mask: number;
}

/** BASE^(K-1), to remove the outgoing character from a rolling hash. */
const OUTGOING = (() => {
  let p = 1;
  for (let i = 0; i < K - 1; i++) p = Math.imul(p, BASE);
  return p;
})();

/**
 * Calls `visit(position, hash)` for every k-gram of `text` (rolling polynomial hash, mod 2^32).
 * Shared by the index and by queries so both hash identically.
 */
export function forEachKgram(text: string, visit: (position: number, hash: number) => void): void {
  if (text.length < K) return;
  let h = 0;
  for (let i = 0; i < K; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  visit(0, h);
  for (let i = K; i < text.length; i++) {
    h = (Math.imul(h - Math.imul(text.charCodeAt(i - K), OUTGOING), BASE) + text.charCodeAt(i)) | 0;
    visit(i - K + 1, h);
  }
}

export function bucketOf(hash: number, mask: number): number {
  // Fold the high bits in: the low bits of a polynomial hash depend mostly on the last characters.
  return (hash ^ (hash >>> 15)) & mask;
}

export function buildKgramIndex(text: string): KgramIndex {
  const positions = Math.max(0, text.length - K + 1);
  let size = 1024;
  while (size < positions) size <<= 1;
  const mask = size - 1;
  const head = new Int32Array(size).fill(-1);
  const bucketSize = new Uint8Array(size);
  const next = new Int32Array(positions);
  const hashAt = new Int32Array(positions);
  // Same rolling hash as forEachKgram, inlined: this loop runs once per page character.
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    if (i >= K) h = (h - Math.imul(text.charCodeAt(i - K), OUTGOING)) | 0;
    h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
    if (i >= K - 1) hashAt[i - K + 1] = h;
  }
  // Insert back to front so every chain lists positions in ascending order.
  for (let i = positions - 1; i >= 0; i--) {
    const bucket = bucketOf(hashAt[i]!, mask);
    next[i] = head[bucket]!;
    head[bucket] = i;
    if (bucketSize[bucket]! < 255) bucketSize[bucket]! += 1;
  }
  return { text, head, next, hashAt, bucketSize, mask };
}

/** How many text positions share the bucket of `hash` (an upper bound on its occurrences). */
export function occurrenceBound(index: KgramIndex, hash: number): number {
  return index.bucketSize[bucketOf(hash, index.mask)]!;
}

/** Calls `visit(position)` for each text position whose k-gram has this hash. */
export function forEachOccurrence(index: KgramIndex, hash: number, visit: (position: number) => void): void {
  for (let p = index.head[bucketOf(hash, index.mask)]!; p !== -1; p = index.next[p]!) {
    if (index.hashAt[p] === hash) visit(p);
  }
}

/** All start positions of `pattern` (length ≥ K) in the indexed text, ascending. */
export function findExact(index: KgramIndex, pattern: string): number[] {
  // Look up the rarest of a few of the pattern's k-grams (start, middle, end), then check the
  // whole pattern at each of its occurrences.
  let bestOffset = 0;
  let bestHash = 0;
  let bestCount = Infinity;
  const last = pattern.length - K;
  for (const offset of [0, last >> 1, last]) {
    const hash = kgramHash(pattern, offset);
    const count = occurrenceBound(index, hash);
    if (count < bestCount) {
      bestCount = count;
      bestOffset = offset;
      bestHash = hash;
    }
  }
  const found: number[] = [];
  if (bestCount === 0) return found;
  forEachOccurrence(index, bestHash, (position) => {
    const start = position - bestOffset;
    if (start >= 0 && index.text.startsWith(pattern, start)) found.push(start);
  });
  return found;
}

/** The hash of `text[at, at + K)`, as the index computes it. */
export function kgramHash(text: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + K; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  return h;
}

/** The occurrence of a k-gram (by hash) in [lo, hi] nearest to `target`, or -1. */
export function nearestOccurrence(index: KgramIndex, hash: number, lo: number, hi: number, target: number): number {
  let best = -1;
  for (let p = index.head[bucketOf(hash, index.mask)]!; p !== -1 && p <= hi; p = index.next[p]!) {
    if (p >= lo && index.hashAt[p] === hash && (best === -1 || Math.abs(p - target) < Math.abs(best - target))) best = p;
  }
  return best;
}

let hashBuffer = new Int32Array(512);

/**
 * The hashes of every k-gram of `text` (entry i = hash of text[i, i + K)), in a buffer reused by
 * the next call: for hot loops that would otherwise call back per k-gram.
 */
export function kgramHashes(text: string): Int32Array {
  const count = Math.max(0, text.length - K + 1);
  if (hashBuffer.length < count) hashBuffer = new Int32Array(count * 2);
  forEachKgram(text, (position, hash) => {
    hashBuffer[position] = hash;
  });
  return hashBuffer.subarray(0, count);
}
