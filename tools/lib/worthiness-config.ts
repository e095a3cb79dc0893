/**
 * The training recipe shared by `npm run train:claims` and `npm run eval:claims`, so the figures the
 * evaluation prints are those of the model that ships.
 */
import { DEFAULT_FEATURE_CONFIG } from '../../core/worthiness/features';
import type { TrainOptions } from './worthiness-train';

export const TRAIN_RECIPE: Omit<TrainOptions, 'log' | 'embeddings'> = {
  features: DEFAULT_FEATURE_CONFIG,
  lambdas: [5e-5, 1e-4, 2e-4],
  positiveWeight: 1,
  nbBeta: 0.5,
  innerFolds: 5,
  seed: 20200101,
  // 24,000 words after the 100 most frequent, in 2^15 buckets with 8-bit fingerprints, values on 15
  // levels each side of 0: the lexicon adds about 39 KB gzipped (14.5 bits a word), within issue 5's
  // 60 KB with the hashed weights. Used only when training is given embeddings (--embeddings).
  lexiconWords: { skip: 100, size: 24000, bits: 15, fingerprintBits: 8, levels: 15, weight: 1 },
};

/**
 * Applies a JSON override such as '{"lambdas":[1e-4],"features":{"hashBits":16}}' (for experiments).
 * `features` (with its `weights`) and `lexiconWords` are merged field by field, so
 * '{"lexiconWords":{"size":5000}}' keeps the recipe's other lexicon fields.
 */
export function recipeWith(overrideJson: string | undefined): Omit<TrainOptions, 'log' | 'embeddings'> {
  if (!overrideJson) return TRAIN_RECIPE;
  const o = JSON.parse(overrideJson) as Partial<Omit<TrainOptions, 'features' | 'lexiconWords' | 'log' | 'embeddings'>> & {
    features?: Partial<TrainOptions['features']>;
    lexiconWords?: Partial<TrainOptions['lexiconWords']>;
  };
  return {
    ...TRAIN_RECIPE,
    ...o,
    features: { ...TRAIN_RECIPE.features, ...(o.features ?? {}), weights: { ...TRAIN_RECIPE.features.weights, ...(o.features?.weights ?? {}) } },
    lexiconWords: { ...TRAIN_RECIPE.lexiconWords, ...(o.lexiconWords ?? {}) },
  };
}
