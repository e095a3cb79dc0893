/**
 * Runs in a bench page (bundled by bench/lib/scoring-share.ts): the claim stage on an article's text,
 * with the bundled check-worthiness scorer and with a constant in its place, alternating, so that both
 * run in the same engine, at the same warmth, as the content script's pipeline does.
 */
import { detectClaims } from '../../core/claims/detect-claims';
import { checkWorthinessScorer, worthinessModel } from '../../core/worthiness/index';

export interface ClaimStageTimes {
  /** ms of each measured run, with the scorer and with a constant score. */
  withScoring: number[];
  withoutScoring: number[];
  sentencesScored: number;
}

function claimStage(text: string, scoring: boolean): { ms: number; scored: number } {
  let scored = 0;
  const score = scoring ? checkWorthinessScorer() : () => 0.5;
  const t0 = performance.now();
  detectClaims(text, {
    scoreSentence: (sentence) => {
      scored += 1;
      return score(sentence);
    },
  });
  return { ms: performance.now() - t0, scored };
}

/** `warmUps` runs of each, then `runs` measured runs of each, alternating (with the scorer first). */
export function measureClaimStage(text: string, warmUps: number, runs: number): ClaimStageTimes {
  worthinessModel(); // decoded once, as on a page's first run: not part of either figure
  for (let i = 0; i < warmUps; i++) {
    claimStage(text, true);
    claimStage(text, false);
  }
  const times: ClaimStageTimes = { withScoring: [], withoutScoring: [], sentencesScored: 0 };
  for (let i = 0; i < runs; i++) {
    const a = claimStage(text, true);
    times.withScoring.push(a.ms);
    times.sentencesScored = a.scored;
    times.withoutScoring.push(claimStage(text, false).ms);
  }
  return times;
}

(globalThis as unknown as { claimStageTimes: typeof measureClaimStage }).claimStageTimes = measureClaimStage;
