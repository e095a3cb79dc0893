/**
 * Runs in a bench page (bundled by bench/lib/scoring-share.ts): the pipeline's claim stage (findClaims)
 * on an article's text, with the bundled check-worthiness scorer and with a constant in its place,
 * alternating, so that both run in the same engine, at the same warmth, as the content script's
 * pipeline does.
 */
import { DEFAULT_MAX_CLAIMS, findClaims } from '../../core/pipeline';
import { checkWorthinessScorer, worthinessModel } from '../../core/worthiness/index';

export interface ClaimStageTimes {
  /** ms of each measured run, with the scorer and with a constant score. */
  withScoring: number[];
  withoutScoring: number[];
  sentencesScored: number;
}

const constantScore = (): number => 0.5;

/**
 * One timed run. The scorer is made inside the timing, as analyseDocument makes it inside its claim
 * stage, and handed to findClaims as it is: a counting wrapper would be timed with it.
 */
function claimStageMs(text: string, scoring: boolean): number {
  const t0 = performance.now();
  findClaims(text, scoring ? checkWorthinessScorer() : constantScore, DEFAULT_MAX_CLAIMS);
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
export function measureClaimStage(text: string, warmUps: number, runs: number): ClaimStageTimes {
  worthinessModel(); // decoded once, as on a page's first run: not part of either figure
  const times: ClaimStageTimes = { withScoring: [], withoutScoring: [], sentencesScored: sentencesScored(text) };
  for (let i = 0; i < warmUps; i++) {
    claimStageMs(text, true);
    claimStageMs(text, false);
  }
  for (let i = 0; i < runs; i++) {
    times.withScoring.push(claimStageMs(text, true));
    times.withoutScoring.push(claimStageMs(text, false));
  }
  return times;
}

(globalThis as unknown as { claimStageTimes: typeof measureClaimStage }).claimStageTimes = measureClaimStage;
