/**
 * The check-worthiness model as shipped: a logistic regression over hashed features, its weights
 * quantised to integer levels and bit-coded (bit-code.ts) so the whole model is a small JSON-like
 * constant that bundles into the content script (no fetch, no WASM).
 */
import { featureDot, WordMemo } from './feature-dot';
import type { FeatureConfig } from './features';
import { decodeSigned, type SignedCode } from './bit-code';
import { WordLexicon, type WordLexiconData } from './word-lexicon';

export interface WorthinessModelData {
  format: 2;
  features: FeatureConfig;
  /** Weight of bucket i = level[i] * weightStep. */
  weightStep: number;
  /** The 2^hashBits weights' integer levels (in -127…127), bit-coded. */
  weights: SignedCode;
  /** Intercept of the raw linear model. */
  intercept: number;
  /**
   * Calibration: score = sigmoid(slope * margin + offset). Fitted on out-of-fold margins and shifted
   * so a score of 0.5 sits at the threshold that gave the best F1 there.
   */
  slope: number;
  offset: number;
  /** Values of common words learned through word embeddings (featureDot adds their mean). */
  lexicon?: WordLexiconData;
  /** Where the weights came from (dataset credit, hyper-parameters), for humans. */
  provenance: string;
}

/** Words the model's memo holds at most: an article has a few hundred to a few thousand. */
export const WORD_MEMO_CAPACITY = 8192;

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export class WorthinessModel {
  readonly data: WorthinessModelData;
  /** The weights' levels (weight = level * weightStep). */
  private readonly levels: Int8Array;
  private readonly lexicon: WordLexicon | undefined;
  /**
   * What the model computed for each word it met, so that a word met again (in the same text, or
   * when the page is analysed again) costs a lookup. Bounded: a page that changes its text forever
   * cannot grow it past WORD_MEMO_CAPACITY words.
   */
  readonly wordMemo = new WordMemo(WORD_MEMO_CAPACITY);

  constructor(data: WorthinessModelData) {
    if (data.format !== 2) throw new Error(`worthiness model: unknown format ${String(data.format)}`);
    const size = 1 << data.features.hashBits;
    this.levels = decodeSigned(data.weights);
    if (this.levels.length !== size) {
      throw new Error(`worthiness model: ${this.levels.length} weights, expected ${size}`);
    }
    this.data = data;
    this.lexicon = data.lexicon ? new WordLexicon(data.lexicon) : undefined;
  }

  /** The raw linear score (log-odds before calibration). `memo`: see featureDot; the model's own by default. */
  margin(sentence: string, memo: WordMemo = this.wordMemo): number {
    return this.data.intercept + featureDot(sentence, this.data.features, this.levels, this.data.weightStep, memo, this.lexicon);
  }

  /** Check-worthiness in [0, 1]; 0.5 is the claim / not-a-claim threshold. */
  score(sentence: string, memo: WordMemo = this.wordMemo): number {
    return sigmoid(this.data.slope * this.margin(sentence, memo) + this.data.offset);
  }

  /** A scorer for the sentences of a text, with the model's word memo (or `memo`: the bench's fresh one). */
  scorer(memo: WordMemo = this.wordMemo): (sentence: string) => number {
    return (sentence) => this.score(sentence, memo);
  }
}
