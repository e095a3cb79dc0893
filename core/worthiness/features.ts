/**
 * Feature extraction for the check-worthiness model: the definition of its hashed features, which
 * training uses (tools/train-claims.ts). The shipped scorer computes the same sum in one pass over a
 * sentence's characters (feature-dot.ts), sharing the pieces below, and tests hold the two equal to
 * 9 decimal places (featureDot sums in another order).
 *
 * A sentence becomes a sparse vector in a hashed space of 2^hashBits dimensions ("hashing trick": no
 * vocabulary to ship, unseen words simply land on some bucket). Features come in namespaces:
 *  - word unigrams and bigrams (lower-cased, numbers folded into shape tokens such as #year),
 *  - character n-grams inside words (catch inflections: "-est", "-ed", "percent"/"percentage"),
 *  - cues a fact-checker looks for: numbers, percentages, money, dates, comparatives, superlatives,
 *    attribution verbs, tense, first/second person and opinion markers, questions, length.
 * Each text namespace is scaled to unit length so long sentences do not get larger scores just for
 * having more words; cues are plain 0/1 flags.
 *
 * The word lexicon (word-lexicon.ts) is not among these features: visitFeatures does not emit it.
 * With embeddings, training adds columns of its own to the matrix, the sentence's mean word embedding
 * (meanEmbeddings, tools/lib/word-embeddings.ts), and folds their weights into a value per word
 * (foldLexicon); the shipped scorer's featureDot adds the mean of those values over the tokens.
 */

import { finish, fnv, FNV_PRIME, hashString, SEED_BIGRAM, SEED_CHAR, SEED_WORD } from './hash';
import {
  BIT_MONTH, BIT_NUMBER_WORD, CUE_HASHES, CUE_MASK, CUE_MONEY, CUE_NAMES, CUE_PERCENT, CUE_PERFECT, CUE_QUOTE_MARK, CUE_YEAR, ENDS_AS_QUESTION,
  foldChar, isLower, isUpper, lengthCue, PARTICIPLE, PERFECT_AUX, sentenceCueBits, WH_WORD, wordCueBits,
} from './cues';

export interface FeatureConfig {
  /** log2 of the hashed space size. */
  hashBits: number;
  /** Shortest and longest character n-gram taken inside a word (with boundary marks); 0 = none. */
  charMin: number;
  charMax: number;
  /** Whether to add word bigrams. */
  bigrams: boolean;
  /** Multipliers of each namespace (relative weight before regularisation). */
  weights: { word: number; bigram: number; char: number; cue: number };
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  hashBits: 15,
  charMin: 3,
  charMax: 3,
  bigrams: true,
  weights: { word: 1, bigram: 1, char: 1, cue: 0.5 },
};

/** Receives each feature: a bucket in [0, 2^hashBits) and a signed value. */
export type FeatureVisitor = (index: number, value: number) => void;

/** Sends a hashed feature: the top bit picks the sign, which keeps collisions from adding up. */
function emit(h: number, value: number, mask: number, visit: FeatureVisitor): void {
  visit(h & mask, h & 0x80000000 ? -value : value);
}

/**
 * Words and numbers of a sentence, in order. Curly apostrophes and quotes are straightened; anything
 * else (dashes, the U+FFFD that damaged pages carry in place of dashes) separates tokens.
 */
const TOKEN_RE = /[A-Za-z]+(?:['\u2018\u2019\u02bc][A-Za-z]+)*|\d+(?:[.,]\d+)*|[%$€£?!"\u201c\u201d]/g;

export interface Token {
  /** Lower-cased word, or a shape such as #year for numbers, or the punctuation mark itself. */
  norm: string;
  /** The word as written (used for capitalisation cues). */
  raw: string;
}

export function numberShape(raw: string): string {
  const plain = raw.replace(/,/g, '');
  if (plain.length === 4 && !plain.includes('.')) {
    const n = Number(plain);
    if (n >= 1800 && n <= 2099) return '#year';
  }
  if (plain.includes('.')) return '#dec';
  if (plain.length === 1) return '#d1';
  if (plain.length === 2) return '#d2';
  if (plain.length === 3) return '#d3';
  return '#dlong';
}

export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(sentence); m !== null; m = TOKEN_RE.exec(sentence)) {
    const raw = m[0];
    const c = raw.charCodeAt(0);
    let norm: string;
    if (c >= 48 && c <= 57) norm = numberShape(raw);
    else if (c === 0x201c || c === 0x201d) norm = '"';
    else norm = raw.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
    tokens.push({ raw, norm });
  }
  return tokens;
}

/**
 * The indices in CUE_NAMES of the cues the sentence has, in order. This is the cues' definition, used
 * by training; the shipped scorer finds the same in its one pass over the characters (feature-dot.ts).
 */
function cueIndices(sentence: string, tokens: readonly Token[]): number[] {
  const wordBits = tokens.map((t) => wordCueBits(t.norm));
  let bits = 0;
  let numbers = 0;
  let capitalised = 0;
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    const { norm, raw } = tokens[i]!;
    const c = norm.charCodeAt(0);
    if (c === 35 /* # */) {
      numbers++;
      if (norm === '#year') bits |= 1 << CUE_YEAR;
      continue;
    }
    if (norm.length === 1 && (c < 97 || c > 122)) {
      if (norm === '%') bits |= 1 << CUE_PERCENT;
      else if (norm === '$' || norm === '€' || norm === '£') bits |= 1 << CUE_MONEY;
      else if (norm === '"') bits |= 1 << CUE_QUOTE_MARK;
      continue;
    }
    words++;
    const upper = isUpper(raw.charCodeAt(0));
    if (i > 0 && norm !== 'i' && upper && isLower(raw.charCodeAt(1))) capitalised++;
    let own = wordBits[i]!;
    // Short month names ("may", "mar") count only when capitalised.
    if (own & BIT_MONTH && norm.length <= 3 && !upper) own &= ~BIT_MONTH;
    if (own & BIT_NUMBER_WORD) numbers++;
    // "has risen", "have been": an auxiliary followed by a participle.
    if (own & PERFECT_AUX && (wordBits[i + 1] ?? 0) & PARTICIPLE) bits |= 1 << CUE_PERFECT;
    bits |= own & CUE_MASK;
  }
  const last = tokens[tokens.length - 1]?.norm;
  const asks = last === '?' || ENDS_AS_QUESTION.test(sentence);
  bits |= sentenceCueBits(numbers, capitalised, asks, ((wordBits[0] ?? 0) & WH_WORD) !== 0, last === '!');
  const indices: number[] = [];
  for (let b = bits; b !== 0; b &= b - 1) indices.push(31 - Math.clz32(b & -b));
  indices.push(lengthCue(words)); // past every other cue's index
  return indices;
}

/** Names of the 0/1 cues found in a sentence (for tests and for explaining scores). */
export function sentenceCues(sentence: string, tokens: readonly Token[] = tokenize(sentence)): string[] {
  return cueIndices(sentence, tokens).map((i) => CUE_NAMES[i]!);
}

/** Number of character n-grams of lengths [min, max] in a string of `length` characters. */
function ngramCount(length: number, min: number, max: number): number {
  let count = 0;
  for (let n = min; n <= max; n++) count += Math.max(0, length - n + 1);
  return count;
}

/** The feature hash of a word (unigram namespace). */
function unigramHash(word: string): number {
  return hashString(word, SEED_WORD);
}

/**
 * A bigram's hash state after its first word and the space that follows: the same for every bigram
 * the word starts, so scoring keeps it per word (WordPart.bigramPrefix).
 */
function bigramPrefix(word: string): number {
  return fnv(fnv(SEED_BIGRAM, word, 0, word.length), ' ', 0, 1);
}

/** The hash of the bigram whose first word left `prefix` (bigramPrefix) and whose second is `word`. */
export function bigramHash(prefix: number, word: string): number {
  return finish(fnv(prefix, word, 0, word.length));
}

/** Sentence boundaries count as words, so "thank you" at the start differs from mid-sentence. */
export const START_PREFIX = bigramPrefix('<s>');
export const SENTENCE_END = '</s>';

/**
 * Scratch, reused (scoring runs for every sentence of a page): the character codes of the word that
 * markWord last marked, "<word>" folded, and the hashes of its n-grams (charGramHashes).
 */
export const MARKED: number[] = [];
export const GRAMS: number[] = [];

/** Writes the codes of src[start, +length) marked "<word>" and folded (foldChar) into MARKED; returns their count. */
export function markWord(src: string, start: number, length: number): number {
  MARKED[0] = 60; // <
  for (let k = 1; k <= length; k++) MARKED[k] = foldChar(src.charCodeAt(start + k - 1));
  MARKED[length + 1] = 62; // >
  return length + 2;
}

/**
 * Writes the hash of each character n-gram of the marked word (MARKED[0, marked)) into GRAMS from 0,
 * shortest first per start, and returns how many.
 */
export function charGramHashes(marked: number, config: FeatureConfig): number {
  let n = 0;
  for (let s = 0; s + config.charMin <= marked; s++) {
    // One rolling FNV state per start: each longer n-gram extends the shorter one.
    let h = SEED_CHAR;
    const stop = Math.min(marked, s + config.charMax);
    for (let p = s; p < stop; p++) {
      h = Math.imul(h ^ MARKED[p]!, FNV_PRIME);
      if (p - s + 1 >= config.charMin) GRAMS[n++] = finish(h);
    }
  }
  return n;
}

/**
 * Calls `visit` for every feature of the sentence. The same sentence always yields the same
 * features in the same order. A constant bias feature is not included (the model has its own).
 */
export function visitFeatures(sentence: string, config: FeatureConfig, visit: FeatureVisitor): void {
  const mask = (1 << config.hashBits) - 1;
  const tokens = tokenize(sentence);
  const { weights } = config;
  const count = tokens.length;

  if (count > 0 && weights.word > 0) {
    const v = weights.word / Math.sqrt(count);
    for (const t of tokens) emit(unigramHash(t.norm), v, mask, visit);
  }

  if (config.bigrams && weights.bigram > 0) {
    const v = weights.bigram / Math.sqrt(count + 1);
    let prefix = START_PREFIX;
    for (let i = 0; i <= count; i++) {
      const word = i < count ? tokens[i]!.norm : SENTENCE_END;
      emit(bigramHash(prefix, word), v, mask, visit);
      prefix = bigramPrefix(word);
    }
  }

  if (config.charMin > 0 && weights.char > 0) {
    // Character n-grams of each word marked "<word>" (number shapes have none).
    const pieces = tokens.map((t) => t.norm).filter((w) => w.charCodeAt(0) !== 35);
    let total = 0;
    for (const w of pieces) total += ngramCount(w.length + 2, config.charMin, config.charMax);
    if (total > 0) {
      const v = weights.char / Math.sqrt(total);
      for (const w of pieces) {
        const n = charGramHashes(markWord(w, 0, w.length), config);
        for (let g = 0; g < n; g++) emit(GRAMS[g]!, v, mask, visit);
      }
    }
  }

  if (weights.cue > 0) {
    for (const i of cueIndices(sentence, tokens)) emit(CUE_HASHES[i]!, weights.cue, mask, visit);
  }
}

/** A sentence's features collected into parallel arrays (training, tests). */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export function extractFeatures(sentence: string, config: FeatureConfig): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  visitFeatures(sentence, config, (i, v) => {
    indices.push(i);
    values.push(v);
  });
  return { indices: Int32Array.from(indices), values: Float32Array.from(values) };
}
