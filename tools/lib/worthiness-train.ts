/**
 * Training of the check-worthiness model: L2-regularised logistic regression over the hashed features
 * of core/worthiness/features.ts, fitted with L-BFGS (deterministic: no sampling in the optimiser).
 *
 * The regularisation strength is chosen by an inner cross-validation on the training sentences only,
 * and the same out-of-fold margins calibrate the scores (Platt scaling, then a shift that puts the
 * best-F1 threshold at 0.5). Nothing here ever sees sentences outside the set it is given, so the
 * outer cross-validation of tools/eval-claims.ts stays honest.
 */
import { extractFeatures, type FeatureConfig } from '../../core/worthiness/features';
import { encodeSigned } from '../../core/worthiness/bit-code';
import { sigmoid, type WorthinessModelData } from '../../core/worthiness/model';
import { buildWordLexicon } from '../../core/worthiness/word-lexicon';
import { averagePrecision, bestF1Threshold, foldSplit, stratifiedFolds } from './worthiness-metrics';
import { meanEmbeddings, type LexiconChoice, type WordEmbeddings } from './word-embeddings';

/** Sentences as a compressed sparse row matrix. */
export interface FeatureMatrix {
  dim: number;
  rowStart: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** Word embeddings and the scale of their mean in the training matrix (LexiconChoice.weight). */
export interface EmbeddingColumns {
  embeddings: WordEmbeddings;
  weight: number;
}

/**
 * The training matrix: the hashed features in columns [0, 2^hashBits), then, with embeddings, the
 * sentence's mean word embedding × their weight in the next `dimensions` columns. A weight vector v
 * on those columns is folded into the word lexicon after the fit (foldLexicon).
 */
export function buildMatrix(texts: readonly string[], config: FeatureConfig, columns?: EmbeddingColumns): FeatureMatrix {
  const hashed = 1 << config.hashBits;
  const vectors = texts.map((t) => extractFeatures(t, config));
  const dense = columns ? meanEmbeddings(texts, columns.embeddings) : null;
  const denseWidth = columns ? columns.embeddings.dimensions : 0;
  const rowStart = new Int32Array(texts.length + 1);
  vectors.forEach((v, r) => (rowStart[r + 1] = rowStart[r]! + v.indices.length + denseWidth));
  const indices = new Int32Array(rowStart[texts.length]!);
  const values = new Float32Array(rowStart[texts.length]!);
  vectors.forEach((v, r) => {
    const at = rowStart[r]!;
    indices.set(v.indices, at);
    values.set(v.values, at);
    if (!dense) return;
    const row = dense[r]!;
    for (let k = 0; k < denseWidth; k++) {
      indices[at + v.indices.length + k] = hashed + k;
      values[at + v.indices.length + k] = row[k]! * columns!.weight;
    }
  });
  return { dim: hashed + denseWidth, rowStart, indices, values };
}

/**
 * Each lexicon word's value: weight × v · embedding(word), where v is the fitted weights of the
 * embedding columns. The score's share is then the mean of the words' values, which featureDot adds.
 */
export function foldLexicon(model: LinearModel, hashed: number, embeddings: WordEmbeddings, choice: LexiconChoice) {
  const v = model.weights.subarray(hashed, hashed + embeddings.dimensions);
  const entries = embeddings.words.map((word, i) => {
    const e = embeddings.vectors[i]!;
    let value = 0;
    for (let k = 0; k < e.length; k++) value += v[k]! * e[k]!;
    return [word, value * choice.weight] as const;
  });
  return buildWordLexicon(entries, choice);
}

export function selectRows(m: FeatureMatrix, rows: readonly number[]): FeatureMatrix {
  const rowStart = new Int32Array(rows.length + 1);
  rows.forEach((r, k) => (rowStart[k + 1] = rowStart[k]! + (m.rowStart[r + 1]! - m.rowStart[r]!)));
  const indices = new Int32Array(rowStart[rows.length]!);
  const values = new Float32Array(rowStart[rows.length]!);
  rows.forEach((r, k) => {
    indices.set(m.indices.subarray(m.rowStart[r]!, m.rowStart[r + 1]!), rowStart[k]!);
    values.set(m.values.subarray(m.rowStart[r]!, m.rowStart[r + 1]!), rowStart[k]!);
  });
  return { dim: m.dim, rowStart, indices, values };
}

export interface LinearModel {
  weights: Float64Array;
  intercept: number;
}

export function margins(m: FeatureMatrix, model: LinearModel): Float64Array {
  const rows = m.rowStart.length - 1;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let z = model.intercept;
    for (let k = m.rowStart[r]!; k < m.rowStart[r + 1]!; k++) z += model.weights[m.indices[k]!]! * m.values[k]!;
    out[r] = z;
  }
  return out;
}

export interface LogisticOptions {
  /** L2 strength on the mean log-loss: loss = mean(logloss) + lambda/2 * |w|^2 (intercept free). */
  lambda: number;
  /** Weight of each positive example relative to a negative one. */
  positiveWeight?: number;
  maxIterations?: number;
  /** Start from these parameters (warm start when sweeping lambda). */
  start?: LinearModel;
}

/**
 * Mean weighted log-loss plus L2 penalty and its gradient; parameter vector is [w..., intercept].
 */
function objective(m: FeatureMatrix, labels: ArrayLike<number>, sampleWeights: Float64Array, lambda: number, theta: Float64Array, grad: Float64Array): number {
  const dim = m.dim;
  const rows = labels.length;
  grad.fill(0);
  let loss = 0;
  let totalWeight = 0;
  for (let r = 0; r < rows; r++) totalWeight += sampleWeights[r]!;
  for (let r = 0; r < rows; r++) {
    let z = theta[dim]!;
    const a = m.rowStart[r]!;
    const b = m.rowStart[r + 1]!;
    for (let k = a; k < b; k++) z += theta[m.indices[k]!]! * m.values[k]!;
    const y = labels[r] === 1 ? 1 : -1;
    const yz = y * z;
    // log(1 + exp(-yz)) computed stably.
    loss += sampleWeights[r]! * (yz > 0 ? Math.log1p(Math.exp(-yz)) : -yz + Math.log1p(Math.exp(yz)));
    const g = (sampleWeights[r]! * -y * sigmoid(-yz)) / totalWeight;
    for (let k = a; k < b; k++) grad[m.indices[k]!]! += g * m.values[k]!;
    grad[dim]! += g;
  }
  loss /= totalWeight;
  let penalty = 0;
  for (let i = 0; i < dim; i++) {
    penalty += theta[i]! * theta[i]!;
    grad[i]! += lambda * theta[i]!;
  }
  return loss + (lambda / 2) * penalty;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Fits L2 logistic regression with L-BFGS (memory 8) and a backtracking Armijo line search. */
export function trainLogistic(m: FeatureMatrix, labels: ArrayLike<number>, options: LogisticOptions): LinearModel {
  const dim = m.dim;
  const n = dim + 1;
  const positiveWeight = options.positiveWeight ?? 1;
  const sampleWeights = new Float64Array(labels.length);
  for (let r = 0; r < labels.length; r++) sampleWeights[r] = labels[r] === 1 ? positiveWeight : 1;

  const theta = new Float64Array(n);
  if (options.start) {
    theta.set(options.start.weights);
    theta[dim] = options.start.intercept;
  }
  const grad = new Float64Array(n);
  let f = objective(m, labels, sampleWeights, options.lambda, theta, grad);
  const memory = 8;
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const rhoList: number[] = [];
  const direction = new Float64Array(n);
  const alpha = new Float64Array(memory);
  const nextTheta = new Float64Array(n);
  const nextGrad = new Float64Array(n);
  const maxIterations = options.maxIterations ?? 300;

  for (let iter = 0; iter < maxIterations; iter++) {
    // Two-loop recursion: direction = -H * grad.
    direction.set(grad);
    for (let j = sList.length - 1; j >= 0; j--) {
      alpha[j] = rhoList[j]! * dot(sList[j]!, direction);
      const y = yList[j]!;
      const a = alpha[j]!;
      for (let i = 0; i < n; i++) direction[i]! -= a * y[i]!;
    }
    if (sList.length > 0) {
      const last = sList.length - 1;
      const gamma = dot(sList[last]!, yList[last]!) / dot(yList[last]!, yList[last]!);
      for (let i = 0; i < n; i++) direction[i]! *= gamma;
    } else {
      const norm = Math.sqrt(dot(grad, grad));
      for (let i = 0; i < n; i++) direction[i]! /= Math.max(norm, 1e-12);
    }
    for (let j = 0; j < sList.length; j++) {
      const beta = rhoList[j]! * dot(yList[j]!, direction);
      const s = sList[j]!;
      const a = alpha[j]!;
      for (let i = 0; i < n; i++) direction[i]! += s[i]! * (a - beta);
    }
    for (let i = 0; i < n; i++) direction[i] = -direction[i]!;

    const slope = dot(grad, direction);
    if (slope >= 0) break; // not a descent direction: converged as far as float allows
    let step = 1;
    let nextF = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) nextTheta[i] = theta[i]! + step * direction[i]!;
      nextF = objective(m, labels, sampleWeights, options.lambda, nextTheta, nextGrad);
      if (nextF <= f + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextF < f)) break;

    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = nextTheta[i]! - theta[i]!;
      y[i] = nextGrad[i]! - grad[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      if (sList.length === memory) {
        sList.shift();
        yList.shift();
        rhoList.shift();
      }
      sList.push(s);
      yList.push(y);
      rhoList.push(1 / sy);
    }
    const improvement = f - nextF;
    theta.set(nextTheta);
    grad.set(nextGrad);
    f = nextF;
    if (improvement < 1e-9 * Math.max(1, Math.abs(f))) break;
  }
  return { weights: theta.slice(0, dim), intercept: theta[dim]! };
}

/**
 * Naive-Bayes feature scaling (as in NBSVM, Wang & Manning 2012): each bucket is multiplied by
 * beta + |log-count ratio| of the classes, so words that tell the classes apart are penalised less
 * by L2. Counts come from the training rows only. Scaling the inputs by s is the same as scaling the
 * learned weights by s, so the shipped model keeps plain features and folds the scale into weights.
 */
export function nbScales(m: FeatureMatrix, labels: ArrayLike<number>, beta: number): Float64Array {
  const positive = new Float64Array(m.dim).fill(1);
  const negative = new Float64Array(m.dim).fill(1);
  for (let r = 0; r < labels.length; r++) {
    const counts = labels[r] === 1 ? positive : negative;
    for (let k = m.rowStart[r]!; k < m.rowStart[r + 1]!; k++) counts[m.indices[k]!]! += Math.abs(m.values[k]!);
  }
  let totalPositive = 0;
  let totalNegative = 0;
  for (let i = 0; i < m.dim; i++) {
    totalPositive += positive[i]!;
    totalNegative += negative[i]!;
  }
  const scales = new Float64Array(m.dim);
  for (let i = 0; i < m.dim; i++) {
    scales[i] = beta + Math.abs(Math.log(positive[i]! / totalPositive) - Math.log(negative[i]! / totalNegative));
  }
  return scales;
}

/** Logistic regression on NB-scaled features, returned as weights on the unscaled features. */
export function trainScaledLogistic(m: FeatureMatrix, labels: ArrayLike<number>, options: LogisticOptions & { nbBeta: number | null }): LinearModel {
  if (options.nbBeta === null) return trainLogistic(m, labels, options);
  const scales = nbScales(m, labels, options.nbBeta);
  const scaled: FeatureMatrix = { ...m, values: Float32Array.from(m.values, (v, k) => v * scales[m.indices[k]!]!) };
  const model = trainLogistic(scaled, labels, options);
  for (let i = 0; i < m.dim; i++) model.weights[i] = model.weights[i]! * scales[i]!;
  return model;
}

/** Platt scaling: a, b minimising log-loss of sigmoid(a * margin + b), by Newton's method. */
export function fitPlatt(ms: ArrayLike<number>, labels: ArrayLike<number>): { slope: number; offset: number } {
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 50; iter++) {
    let ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    for (let i = 0; i < labels.length; i++) {
      const x = ms[i]!;
      const p = sigmoid(a * x + b);
      const d = p - (labels[i] === 1 ? 1 : 0);
      const w = p * (1 - p);
      ga += d * x;
      gb += d;
      haa += w * x * x;
      hab += w * x;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { slope: a, offset: b };
}

export interface TrainOptions {
  features: FeatureConfig;
  /** Candidate L2 strengths; the inner cross-validation picks one. */
  lambdas: readonly number[];
  positiveWeight: number;
  /** NB scaling offset (see nbScales), or null for plain features. */
  nbBeta: number | null;
  innerFolds: number;
  seed: number;
  /** Which embedding words make the word lexicon (used only with `embeddings`). */
  lexiconWords: LexiconChoice;
  /** Pretrained word vectors; without them the model has no word lexicon. */
  embeddings?: WordEmbeddings;
  /** Optional progress messages. */
  log?: (message: string) => void;
}

export interface TrainedModel {
  data: WorthinessModelData;
  /** Inner-CV figures of the chosen setting (on training sentences only). */
  innerAveragePrecision: number;
  innerBestF1: number;
  lambda: number;
}

/** The training matrix of a recipe: hashed features, and the embedding columns when it has embeddings. */
export function recipeMatrix(texts: readonly string[], recipe: Pick<TrainOptions, 'features' | 'lexiconWords' | 'embeddings'>): FeatureMatrix {
  return buildMatrix(texts, recipe.features, recipe.embeddings && { embeddings: recipe.embeddings, weight: recipe.lexiconWords.weight });
}

/**
 * Each row's margin from a model fitted on the other folds (`folds[i]`: row i's fold, 0…count-1):
 * the out-of-fold scores that choose lambda and calibrate, and that screening reports.
 */
export function outOfFoldMargins(
  matrix: FeatureMatrix,
  labels: ArrayLike<0 | 1>,
  folds: ArrayLike<number>,
  count: number,
  fit: LogisticOptions & { nbBeta: number | null },
): Float64Array {
  const oof = new Float64Array(labels.length);
  for (let k = 0; k < count; k++) {
    const { train, test } = foldSplit(folds, k);
    const model = trainScaledLogistic(selectRows(matrix, train), train.map((i) => labels[i]!), fit);
    margins(selectRows(matrix, test), model).forEach((z, j) => (oof[test[j]!] = z));
  }
  return oof;
}

/** Quantises weights to signed bytes with one shared step (max |w| maps to 127). */
export function quantize(weights: Float64Array): { bytes: Int8Array; step: number } {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const step = max > 0 ? max / 127 : 1;
  const bytes = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) bytes[i] = Math.round(weights[i]! / step);
  return { bytes, step };
}

/** Trains the shipped model from labelled sentences: inner CV for lambda and calibration, then a full fit. */
export function trainWorthinessModel(texts: readonly string[], labels: readonly (0 | 1)[], options: TrainOptions): TrainedModel {
  const log = options.log ?? (() => {});
  const { features, embeddings } = options;
  const matrix = recipeMatrix(texts, options);
  const folds = stratifiedFolds(labels, options.innerFolds, options.seed);

  let best: { lambda: number; ap: number; oof: Float64Array } | null = null;
  for (const lambda of options.lambdas) {
    const oof = outOfFoldMargins(matrix, labels, folds, options.innerFolds, { lambda, positiveWeight: options.positiveWeight, nbBeta: options.nbBeta });
    const ap = averagePrecision(oof, labels);
    log(`  lambda ${lambda}: inner AP ${ap.toFixed(4)} best-F1 ${bestF1Threshold(oof, labels).f1.toFixed(4)}`);
    if (!best || ap > best.ap) best = { lambda, ap, oof };
  }
  if (!best) throw new Error('train: no lambda given');

  const platt = fitPlatt(best.oof, labels);
  const calibrated = Array.from(best.oof, (z) => sigmoid(platt.slope * z + platt.offset));
  const { threshold, f1 } = bestF1Threshold(calibrated, labels);
  // Shift so that the best-F1 threshold (a probability) lands on 0.5.
  const clamped = Math.min(Math.max(threshold, 1e-6), 1 - 1e-6);
  const offset = platt.offset - Math.log(clamped / (1 - clamped));

  const model = trainScaledLogistic(matrix, labels, { lambda: best.lambda, positiveWeight: options.positiveWeight, nbBeta: options.nbBeta });
  const hashed = 1 << features.hashBits;
  const { bytes, step } = quantize(model.weights.subarray(0, hashed));
  const data: WorthinessModelData = {
    format: 2,
    features,
    weightStep: step,
    weights: encodeSigned(bytes),
    intercept: model.intercept,
    slope: platt.slope,
    offset,
    ...(embeddings ? { lexicon: foldLexicon(model, hashed, embeddings, options.lexiconWords) } : {}),
    provenance:
      `Logistic regression (L2 lambda ${best.lambda}, positive weight ${options.positiveWeight}, NB scaling ${options.nbBeta ?? 'none'}` +
      `${embeddings ? `, word lexicon of ${embeddings.words.length} GloVe words` : ''}) trained on ` +
      `${texts.length} sentences of the ClaimBuster dataset (Arslan, Hassan, Li, Tremayne, ICWSM 2020; ` +
      `Zenodo 3609356); inner ${options.innerFolds}-fold AP ${best.ap.toFixed(4)}, best F1 ${f1.toFixed(4)} at p=${threshold.toFixed(3)}.`,
  };
  return { data, innerAveragePrecision: best.ap, innerBestF1: f1, lambda: best.lambda };
}
