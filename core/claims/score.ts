/**
 * From rule evidence (and optionally the check-worthiness model) to a keep/drop decision and a score.
 *
 * Rule score: for each kind the strongest signal's weight; kinds combine as independent evidence
 * (noisy-or: 1 − Π(1 − w)), so a sentence with a statistic AND a named source beats either alone,
 * while ten loaded words do not outweigh one number.
 *
 * With a model score m:
 *  - strong rule evidence (≥ STRONG_RULE) is kept whatever the model says: the rules encode what a
 *    fact-checker looks for in news, the model was trained on debate speech;
 *  - ordinary rule hits (≥ RULE_THRESHOLD) are dropped when the model finds them unimportant (m < VETO);
 *  - weak rule hits (below the threshold) are promoted when the model agrees (m ≥ PROMOTE);
 *  - a sentence no rule caught becomes a 'factual' claim only when the model is confident (m ≥ ALONE).
 *  The score is the average of rule and model scores (the model alone: slightly discounted).
 */

import type { ClaimKind } from './types';

export const RULE_THRESHOLD = 0.32;
export const STRONG_RULE = 0.5;
export const MODEL_VETO = 0.25;
export const MODEL_PROMOTE = 0.6;
export const MODEL_ALONE = 0.8;
/** A unit that is not a sentence (no final punctuation: a headline, caption, list item). */
export const FRAGMENT_FACTOR = 0.85;
/** A first-person opinion that still carries a fact (a number, a date). */
export const OPINION_FACTOR = 0.6;

export function ruleScore(signals: ReadonlyArray<{ kind: ClaimKind; weight: number }>): number {
  // Each kind's best weight, kinds in the order first seen. Arrays, not a Map: a unit holds a handful
  // of signals, and this runs for every unit, on most pages in the engine's first tiers, where a Map
  // and its iterator cost more than the scoring.
  const kinds: ClaimKind[] = [];
  const best: number[] = [];
  for (let i = 0; i < signals.length; i++) {
    const { kind, weight } = signals[i]!;
    const k = kinds.indexOf(kind);
    if (k < 0) {
      kinds.push(kind);
      best.push(Math.max(0, weight));
    } else best[k] = Math.max(best[k]!, weight);
  }
  let miss = 1;
  for (let k = 0; k < best.length; k++) miss *= 1 - best[k]!;
  return 1 - miss;
}

export interface Decision {
  keep: boolean;
  score: number;
}

export function decide(rule: number, model: number | undefined): Decision {
  if (model === undefined) return { keep: rule >= RULE_THRESHOLD, score: rule };
  const m = Number.isFinite(model) ? Math.min(1, Math.max(0, model)) : 0;
  if (rule <= 0) return { keep: m >= MODEL_ALONE, score: m * 0.85 };
  const keep = rule >= STRONG_RULE || (rule >= RULE_THRESHOLD ? m >= MODEL_VETO : m >= MODEL_PROMOTE);
  return { keep, score: (rule + m) / 2 };
}

/** A stable id: hash of the whitespace-normalised claim text plus how many times it occurred before. */
export function claimId(normalized: string, occurrence: number): string {
  // cyrb53-style: two 32-bit multiplicative hashes, mixed; 53 bits make collisions in one page unlikely.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `claim-${hash.toString(36)}-${occurrence}`;
}

export function normalizeForId(s: string): string {
  // Most units have single spaces only: then collapsing changes nothing and only the trim is left.
  return (NEEDS_COLLAPSING_RE.test(s) ? s.replace(/\s+/g, ' ') : s).trim();
}

/** Whitespace other than a single space: a tab, a line break, a no-break space, or two spaces in a row. */
const NEEDS_COLLAPSING_RE = /[^\S ]| {2}/;
