/**
 * The model's word lexicon: one learned value per common English word, for words the labelled
 * sentences never showed it.
 *
 * Training fits a weight vector v on the mean GloVe embedding of a sentence's words (see
 * tools/lib/word-embeddings.ts). A linear function of a mean is the mean of a per-word function, so
 * each word's share is one number, v · embedding(word) (times the embedding columns' scale in
 * training), and the extension needs neither the embeddings nor v: only this table of numbers. A word
 * that means much the same as a word of the training data ("inflation" and "prices") gets a value
 * like it, which hashed n-grams cannot give.
 *
 * A word's hash picks one of 2^bits buckets and gives it a fingerprint of `fingerprintBits` bits; the
 * table stores, bucket by bucket, how many words it holds (unary), their fingerprints and their
 * values (Rice-coded), and nothing of the words themselves. A word outside the lexicon gets 0, unless
 * its bucket holds a word with its fingerprint: odds of (words per bucket) / 2^fingerprintBits.
 * About 14.5 bits a word (8 of them the fingerprint), where a hash table of bytes cost 22.5 gzipped
 * (bit-code.ts says why).
 */
import { BitReader, BitWriter, bestOrder, riceLength, unzigzag, zigzag } from './bit-code';
import { hashString } from './hash';

export interface WordLexiconData {
  /** log2 of the number of buckets. */
  bits: number;
  fingerprintBits: number;
  /** Value of a word = its integer level * step. */
  step: number;
  /** Words held. */
  words: number;
  /** Rice order of the values' codes. */
  valueOrder: number;
  /** base64 bits: per bucket, its word count in unary, then each word's fingerprint and value. */
  code: string;
}

/** The seed of the lexicon's word hash (hashString(word, LEXICON_SEED)). */
export const LEXICON_SEED = 0x5bd1e995;
/** Fingerprints are held as bytes (8 bits already make a false match rare: see above). */
const MAX_FINGERPRINT_BITS = 8;
/** Entry numbers are held in 16 bits. */
const MAX_WORDS = 0xffff;

/** A word's key, from its hash: the low `bits` pick its bucket, the next bits are its fingerprint. */
const bucketOf = (h: number, bits: number): number => h & ((1 << bits) - 1);
const fingerprintOf = (h: number, bits: number, fingerprintBits: number): number => (h >>> bits) & ((1 << fingerprintBits) - 1);

/**
 * Levels are never 0 (such words are left out), so the code skips it: 1, -1, 2, -2 … → 0, 1, 2, 3 …
 */
const levelCode = (level: number): number => zigzag(level > 0 ? level - 1 : level);
const levelOf = (code: number): number => {
  const v = unzigzag(code);
  return v >= 0 ? v + 1 : v;
};

/**
 * The decoded table is held in the smallest arrays that fit (entry numbers in 16 bits, fingerprints
 * and value levels in bytes): 112 KB in every tab instead of 272 KB, and lookups scattered over less
 * memory stay in the processor's cache.
 */
export class WordLexicon {
  /** Words of bucket b are entries first[b] … first[b + 1] - 1. */
  private readonly first: Uint16Array;
  private readonly fingerprints: Uint8Array;
  /** Value of entry i = levels[i] * data.step. */
  private readonly levels: Int8Array;

  constructor(readonly data: WordLexiconData) {
    if (data.fingerprintBits > MAX_FINGERPRINT_BITS) throw new Error(`word lexicon: ${data.fingerprintBits} fingerprint bits`);
    if (data.words > MAX_WORDS) throw new Error(`word lexicon: over ${MAX_WORDS} words`);
    const buckets = 1 << data.bits;
    this.first = new Uint16Array(buckets + 1);
    this.fingerprints = new Uint8Array(data.words);
    this.levels = new Int8Array(data.words);
    const reader = new BitReader(data.code);
    let entry = 0;
    for (let b = 0; b < buckets; b++) {
      this.first[b] = entry;
      // Past data.words, the typed arrays ignore the writes; the count check below refuses the table.
      const count = reader.unary();
      for (let i = 0; i < count; i++, entry++) {
        this.fingerprints[entry] = reader.bits(data.fingerprintBits);
        this.levels[entry] = levelOf(reader.rice(data.valueOrder));
      }
    }
    this.first[buckets] = entry;
    if (entry !== data.words) throw new Error(`word lexicon: ${entry} words, expected ${data.words}`);
    reader.end();
  }

  /** The word's value (its norm as tokenize gives it), or 0 when the lexicon does not hold it. */
  value(word: string): number {
    return this.levelOfHash(hashString(word, LEXICON_SEED)) * this.data.step;
  }

  /**
   * The value level (value = level × data.step) of the word whose hashString(word, LEXICON_SEED) is
   * `h`, or 0 when the lexicon does not hold it. A small integer: the scorer keeps one per word of a
   * page, and a fractional value would be a heap number each.
   */
  levelOfHash(h: number): number {
    const { bits, fingerprintBits } = this.data;
    const bucket = bucketOf(h, bits);
    const fingerprint = fingerprintOf(h, bits, fingerprintBits);
    for (let i = this.first[bucket]!, end = this.first[bucket + 1]!; i < end; i++) {
      if (this.fingerprints[i] === fingerprint) return this.levels[i]!;
    }
    return 0;
  }
}

export interface LexiconShape {
  /** log2 of the number of buckets. */
  bits: number;
  /** Fingerprint bits (1–8). Default 8. */
  fingerprintBits?: number;
  /** Values are rounded to multiples of max|value| / levels. Default 15; fewer levels code shorter. */
  levels?: number;
}

/**
 * Builds the table (training side). Words come most frequent first. Words whose value rounds to 0 are
 * left out, since a missing word is worth 0 anyway, and so is a word whose bucket already holds an
 * earlier word with its fingerprint (a lookup would find that one first).
 */
export function buildWordLexicon(entries: ReadonlyArray<readonly [string, number]>, shape: LexiconShape): WordLexiconData {
  const { bits } = shape;
  const fingerprintBits = shape.fingerprintBits ?? 8;
  const levels = shape.levels ?? 15;
  if (fingerprintBits < 1 || fingerprintBits > MAX_FINGERPRINT_BITS) {
    throw new Error(`word lexicon: ${fingerprintBits} fingerprint bits (1–${MAX_FINGERPRINT_BITS})`);
  }
  if (levels < 1 || levels > 127) throw new Error(`word lexicon: ${levels} levels (1–127: they are held in bytes)`);
  let max = 0;
  for (const [, v] of entries) max = Math.max(max, Math.abs(v));
  const step = max > 0 ? max / levels : 1;

  const buckets: Array<Map<number, number>> = Array.from({ length: 1 << bits }, () => new Map());
  for (const [word, v] of entries) {
    const level = Math.round(v / step);
    if (level === 0) continue;
    const h = hashString(word, LEXICON_SEED);
    const fingerprint = fingerprintOf(h, bits, fingerprintBits);
    const held = buckets[bucketOf(h, bits)]!;
    if (!held.has(fingerprint)) held.set(fingerprint, level);
  }

  const codes: number[] = [];
  for (const held of buckets) for (const level of held.values()) codes.push(levelCode(level));
  const valueOrder = bestOrder(codes, riceLength);
  const writer = new BitWriter();
  for (const held of buckets) {
    writer.unary(held.size);
    // In fingerprint order: the same words give the same bits whatever order they came in.
    for (const [fingerprint, level] of [...held].sort((a, b) => a[0] - b[0])) {
      writer.bits(fingerprint, fingerprintBits);
      writer.rice(levelCode(level), valueOrder);
    }
  }
  return { bits, fingerprintBits, step, words: codes.length, valueOrder, code: writer.toBase64() };
}
