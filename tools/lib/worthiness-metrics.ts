/**
 * Scoring of check-worthiness predictions the way the project is judged: F1, precision and recall of
 * the claim class at a 0.5 threshold, and average precision of the ranking with ties ranked
 * pessimistically (within equal scores, non-claims come first).
 */

export interface ClassificationFigures {
  f1: number;
  precision: number;
  recall: number;
  averagePrecision: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  count: number;
}

export function classificationFigures(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold = 0.5): ClassificationFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const predicted = scores[i]! >= threshold;
    if (predicted && labels[i] === 1) tp++;
    else if (predicted) fp++;
    else if (labels[i] === 1) fn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    f1,
    precision,
    recall,
    averagePrecision: averagePrecision(scores, labels),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    count: labels.length,
  };
}

/** Average precision; among equal scores the negatives are ranked first (the pessimistic order). */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: labels.length }, (_, i) => i);
  order.sort((a, b) => scores[b]! - scores[a]! || labels[a]! - labels[b]!);
  let positives = 0;
  let sum = 0;
  order.forEach((i, rank) => {
    if (labels[i] === 1) {
      positives++;
      sum += positives / (rank + 1);
    }
  });
  return positives > 0 ? sum / positives : 0;
}

/** The threshold on `scores` that maximises F1 (midpoint between neighbouring scores). */
export function bestF1Threshold(scores: ArrayLike<number>, labels: ArrayLike<number>): { threshold: number; f1: number } {
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let totalPositives = 0;
  for (let i = 0; i < labels.length; i++) totalPositives += labels[i] === 1 ? 1 : 0;
  let tp = 0;
  let best = { threshold: Infinity, f1: 0 };
  for (let r = 0; r < order.length; r++) {
    if (labels[order[r]!] === 1) tp++;
    const here = scores[order[r]!]!;
    const next = r + 1 < order.length ? scores[order[r + 1]!]! : -Infinity;
    if (next === here) continue; // a threshold cannot split ties
    const predicted = r + 1;
    const f1 = (2 * tp) / (predicted + totalPositives);
    if (f1 > best.f1) best = { threshold: next === -Infinity ? here : (here + next) / 2, f1 };
  }
  return best;
}

/** Deterministic PRNG (mulberry32): the same seed gives the same folds on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold number (0..k-1) of each item, with each class spread evenly over the folds. */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const folds = new Int32Array(labels.length);
  for (const cls of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === cls) members.push(i);
    // Fisher-Yates shuffle, then deal round-robin.
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j]!, members[i]!];
    }
    members.forEach((item, n) => (folds[item] = n % k));
  }
  return folds;
}

/** The items of fold `fold` (test) and of every other fold (train), each in item order. */
export function foldSplit(folds: ArrayLike<number>, fold: number): { train: number[]; test: number[] } {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < folds.length; i++) (folds[i] === fold ? test : train).push(i);
  return { train, test };
}
