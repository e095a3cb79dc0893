/**
 * The string hash behind the model's hashed features and its word lexicon: FNV-1a over UTF-16 code
 * units, then murmur3's final mix so that the low bits (the bucket) depend on every character.
 * Training and scoring share it, so a bucket means the same thing on both sides. The claim
 * detector's word tables (core/claims/word-table.ts) key words by the same FNV-1a and tableSlot.
 */
export const FNV_PRIME = 0x01000193;

// Namespace seeds, so the word "more" and the bigram "more than" land in unrelated buckets.
export const SEED_WORD = 0x811c9dc5;
export const SEED_BIGRAM = 0x01000193;
export const SEED_CHAR = 0x2545f491;
export const SEED_CUE = 0x9e3779b9;

/** FNV-1a state after feeding s[start, end) to state h. */
export function fnv(h: number, s: string, start: number, end: number): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Final avalanche (murmur3 fmix), as an unsigned 32-bit number. */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashString(s: string, seed: number): number {
  return finish(fnv(seed, s, 0, s.length));
}

/**
 * The first slot to probe for `key` in an open-addressing table of mask + 1 slots (a power of two,
 * at most 2^20): the key's bits mixed, so keys that differ only in high bits spread too.
 */
export const tableSlot = (key: number, mask: number): number => (Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) >>> 12) & mask;
