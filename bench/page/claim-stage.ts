/**
 * Runs in a bench page (bundled by bench/lib/scoring-share.ts): the pipeline's claim stage (findClaims)
 * on an article's text, with the bundled check-worthiness scorer and with its scores replayed in its
 * place, alternating, so that both run in the same engine, at the same warmth, as the content script's
 * pipeline does. A replay, not a constant: with the same scores both keep the same claims, so the
 * difference is the scoring alone (a constant 0.5 kept 8 claims of 5fa3154e's 14, and building the 6
 * others was counted as scoring).
 */
import { DEFAULT_MAX_CLAIMS, findClaims } from '../../core/pipeline';
import { checkWorthinessScorer, worthinessModel } from '../../core/worthiness/index';
import { WordMemo } from '../../core/worthiness/feature-dot';

export interface ClaimStageTimes {
  /** ms of each measured run, with the scorer and with its scores replayed. */
  withScoring: number[];
  withoutScoring: number[];
  sentencesScored: number;
}

/**
 * 'shared': the scorer the pipeline makes, with the model's word memo, which the earlier runs filled
 * as the pipeline's earlier runs on a page do. 'fresh': a scorer with an empty memo for each run, as
 * on the page's first run, when every word of the text is new.
 */
export type WordMemoMode = 'shared' | 'fresh';

function scorerFor(memo: WordMemoMode): (sentence: string) => number {
  return memo === 'shared' ? checkWorthinessScorer() : worthinessModel().scorer(new WordMemo());
}

/**
 * One timed run. The scorer is made inside the timing, as analyseDocument makes it inside its claim
 * stage, and handed to findClaims as it is: a counting wrapper would be timed with it.
 */
function claimStageMs(text: string, scoring: WordMemoMode | readonly number[]): number {
  const t0 = performance.now();
  findClaims(text, typeof scoring === 'string' ? scorerFor(scoring) : replay(scoring), DEFAULT_MAX_CLAIMS);
  return performance.now() - t0;
}

/** A scorer that gives back `scores` in order: the claim stage asks for them in the same order each run. */
function replay(scores: readonly number[]): (sentence: string) => number {
  let next = 0;
  return () => scores[next++] ?? 0;
}

/** The scores of one run, in the order the claim stage asks for them (untimed). */
function recordScores(text: string): number[] {
  const score = checkWorthinessScorer();
  const scores: number[] = [];
  findClaims(text, (sentence) => {
    const value = score(sentence);
    scores.push(value);
    return value;
  }, DEFAULT_MAX_CLAIMS);
  return scores;
}

/**
 * The scores recorded once, then `warmUps` runs of each, then `runs` measured runs of each,
 * alternating (with the scorer first).
 */
export function measureClaimStage(text: string, warmUps: number, runs: number, memo: WordMemoMode = 'shared'): ClaimStageTimes {
  worthinessModel(); // decoded once, as on a page's first run: not part of either figure
  const scores = recordScores(text);
  const times: ClaimStageTimes = { withScoring: [], withoutScoring: [], sentencesScored: scores.length };
  for (let i = 0; i < warmUps; i++) {
    claimStageMs(text, memo);
    claimStageMs(text, scores);
  }
  for (let i = 0; i < runs; i++) {
    times.withScoring.push(claimStageMs(text, memo));
    times.withoutScoring.push(claimStageMs(text, scores));
  }
  return times;
}

(globalThis as unknown as { claimStageTimes: typeof measureClaimStage }).claimStageTimes = measureClaimStage;
