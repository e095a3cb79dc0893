/**
 * The model's word lexicon: one learned value per common English word, for words the labelled
 * sentences never showed it.
 *
 * Training fits a weight vector v on the mean GloVe embedding of a sentence's words (see
 * tools/lib/word-embeddings.ts). A linear function of a mean is the mean of a per-word function, so
 * each word's share is one number, v · embedding(word) (times the embedding columns' scale in
 * training), and the extension needs neither the
 * embeddings nor v: only this table of numbers. A word that means much the same as a word of the
 * training data ("inflation" and "prices") gets a value like it, which hashed n-grams cannot give.
 *
 * The table is open addressing with linear probing over 2^bits slots. Each slot holds an 8-bit
 * fingerprint of its word (0 = empty) and the word's value as a signed byte. A word outside the
 * lexicon probes until an empty slot and gets 0; it takes another word's value only when a probed
 * slot's fingerprint happens to match (1 in 255 per slot probed).
 */
import { hashString } from './hash';
import { decodeInt8, encodeInt8 } from './int8';

export interface WordLexiconData {
  /** log2 of the number of slots. */
  bits: number;
  /** Value of slot i = int8 value[i] * step. */
  step: number;
  /** base64 of 2^bits fingerprint bytes (0 = empty slot). */
  fingerprints: string;
  /** base64 of 2^bits signed value bytes. */
  values: string;
}

const SEED_LEXICON = 0x5bd1e995;
/** Keep probing short: at most this share of the slots may be taken. */
export const MAX_LEXICON_LOAD = 0.75;

function fingerprintOf(h: number, bits: number): number {
  return ((h >>> bits) % 255) + 1;
}

export class WordLexicon {
  private readonly mask: number;
  private readonly fingerprints: Uint8Array;
  private readonly values: Float32Array;

  constructor(readonly data: WordLexiconData) {
    const size = 1 << data.bits;
    const fingerprints = decodeInt8(data.fingerprints);
    const values = decodeInt8(data.values);
    if (fingerprints.length !== size || values.length !== size) {
      throw new Error(`word lexicon: ${fingerprints.length} fingerprints and ${values.length} values, expected ${size}`);
    }
    let used = 0;
    for (const f of fingerprints) if (f !== 0) used++;
    // A full table would make a missing word probe forever.
    if (used > size * MAX_LEXICON_LOAD) throw new Error(`word lexicon: ${used} of ${size} slots taken`);
    this.mask = size - 1;
    this.fingerprints = new Uint8Array(fingerprints.buffer, fingerprints.byteOffset, size);
    this.values = Float32Array.from(values, (v) => v * data.step);
  }

  /** The word's value (its norm as tokenize gives it), or 0 when the lexicon does not hold it. */
  value(word: string): number {
    const h = hashString(word, SEED_LEXICON);
    const fingerprint = fingerprintOf(h, this.data.bits);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const f = this.fingerprints[slot]!;
      if (f === 0) return 0;
      if (f === fingerprint) return this.values[slot]!;
    }
  }
}

/**
 * Builds the table (training side). Words come most frequent first, so the common ones sit in their
 * first slot; words whose value rounds to 0 are left out, since a missing word is worth 0 anyway, and
 * so are the few (about 1 in 255 per slot probed) that an earlier word's fingerprint would shadow.
 * `levels`: values are rounded to multiples of max|value| / levels (at most 127, a signed byte); fewer
 * levels compress better.
 */
export function buildWordLexicon(entries: ReadonlyArray<readonly [string, number]>, bits: number, levels = 127): WordLexiconData {
  const size = 1 << bits;
  let max = 0;
  for (const [, v] of entries) max = Math.max(max, Math.abs(v));
  const step = max > 0 ? max / levels : 1;
  const kept = entries.map(([word, v]) => [word, Math.round(v / step)] as const).filter(([, q]) => q !== 0);
  if (kept.length > size * MAX_LEXICON_LOAD) {
    throw new Error(`word lexicon: ${kept.length} words do not fit ${size} slots (load at most ${MAX_LEXICON_LOAD})`);
  }
  const fingerprints = new Int8Array(size);
  const values = new Int8Array(size);
  const seen = new Set<string>();
  for (const [word, q] of kept) {
    if (seen.has(word)) continue;
    seen.add(word);
    const h = hashString(word, SEED_LEXICON);
    const fingerprint = fingerprintOf(h, bits);
    let slot = h & (size - 1);
    let shadowed = false;
    for (; fingerprints[slot] !== 0; slot = (slot + 1) & (size - 1)) {
      if ((fingerprints[slot]! & 0xff) === fingerprint) shadowed = true;
    }
    // A word placed after a slot with its own fingerprint would never be reached: lookups would stop
    // at that slot (it reads that word's value, as any false match does). Left out, it keeps a slot free.
    if (shadowed) continue;
    fingerprints[slot] = fingerprint;
    values[slot] = q;
  }
  return { bits, step, fingerprints: encodeInt8(fingerprints), values: encodeInt8(values) };
}
