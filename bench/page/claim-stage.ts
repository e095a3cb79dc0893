/**
 * Runs in a bench page (bundled by bench/lib/scoring-share.ts): the pipeline's claim stage (findClaims)
 * on an article's text, with the bundled check-worthiness scorer and with a constant in its place,
 * alternating, so that both run in the same engine, at the same warmth, as the content script's
 * pipeline does.
 */
import { DEFAULT_MAX_CLAIMS, findClaims } from '../../core/pipeline';
import { checkWorthinessScorer, worthinessModel } from '../../core/worthiness/index';
import { WordMemo } from '../../core/worthiness/feature-dot';

export interface ClaimStageTimes {
  /** ms of each measured run, with the scorer and with a constant score. */
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

const constantScore = (): number => 0.5;

function scorerFor(memo: WordMemoMode): (sentence: string) => number {
  return memo === 'shared' ? checkWorthinessScorer() : worthinessModel().scorer(new WordMemo());
}

/**
 * One timed run. The scorer is made inside the timing, as analyseDocument makes it inside its claim
 * stage, and handed to findClaims as it is: a counting wrapper would be timed with it.
 */
function claimStageMs(text: string, scoring: WordMemoMode | null): number {
  const t0 = performance.now();
  findClaims(text, scoring ? scorerFor(scoring) : constantScore, DEFAULT_MAX_CLAIMS);
  return performance.now() - t0;
}

/** The sentences one run scores (untimed; how many does not depend on the scores). */
function sentencesScored(text: string): number {
  const score = checkWorthinessScorer();
  let scored = 0;
  findClaims(text, (sentence) => ((scored += 1), score(sentence)), DEFAULT_MAX_CLAIMS);
  return scored;
}

/**
 * The scored sentences counted once, then `warmUps` runs of each, then `runs` measured runs of each,
 * alternating (with the scorer first).
 */
export function measureClaimStage(text: string, warmUps: number, runs: number, memo: WordMemoMode = 'shared'): ClaimStageTimes {
  worthinessModel(); // decoded once, as on a page's first run: not part of either figure
  const times: ClaimStageTimes = { withScoring: [], withoutScoring: [], sentencesScored: sentencesScored(text) };
  for (let i = 0; i < warmUps; i++) {
    claimStageMs(text, memo);
    claimStageMs(text, null);
  }
  for (let i = 0; i < runs; i++) {
    times.withScoring.push(claimStageMs(text, memo));
    times.withoutScoring.push(claimStageMs(text, null));
  }
  return times;
}

(globalThis as unknown as { claimStageTimes: typeof measureClaimStage }).claimStageTimes = measureClaimStage;
