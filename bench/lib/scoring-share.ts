/**
 * How much of the claim stage is check-worthiness scoring. The content script reports one figure for
 * the claim stage, so the split is measured here in Node on the same article text: claim detection
 * is pure string work (no DOM), so its cost does not depend on where it runs, only the engine's speed.
 * The page is parsed with linkedom (never runs the page's scripts), as `npm run extract` does.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { detectArticle } from '../../core/article/detect-article';
import { indexArticle } from '../../core/article/article-text';
import { detectClaims } from '../../core/claims/detect-claims';
import { checkWorthinessScorer } from '../../core/worthiness/index';
import { WARM_UP_RUNS } from './measure-page';
import { median } from './stats';

export interface ScoringShare {
  articleChars: number;
  sentencesScored: number;
  /** Median ms of detectClaims with scoring, and of the scoring calls within it. */
  claimStage: number;
  scoring: number;
  /** scoring / claimStage. */
  share: number;
}

export function measureScoringShare(file: string, runs: number): ScoringShare | null {
  const doc = parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
  const article = detectArticle(doc);
  if (!article) return null;
  const text = indexArticle(article).text;
  let scoring = 0;
  let calls = 0;
  /** One run of the claim stage with a fresh scorer, as the pipeline makes one per run. */
  const runOnce = (): number => {
    const score = checkWorthinessScorer();
    scoring = 0;
    calls = 0;
    const t0 = performance.now();
    detectClaims(text, {
      scoreSentence: (sentence) => {
        const s0 = performance.now();
        const value = score(sentence);
        scoring += performance.now() - s0;
        calls += 1;
        return value;
      },
    });
    return performance.now() - t0;
  };
  // As many warm-up runs as the browser's pipeline gets before it is timed (measure-page.ts).
  for (let i = 0; i < WARM_UP_RUNS; i += 1) runOnce();
  const stage: number[] = [];
  const scoringTimes: number[] = [];
  let sentencesScored = 0;
  for (let i = 0; i < runs; i += 1) {
    stage.push(runOnce());
    scoringTimes.push(scoring);
    sentencesScored = calls;
  }
  const claimStage = median(stage);
  const scoringMedian = median(scoringTimes);
  return {
    articleChars: text.length,
    sentencesScored,
    claimStage,
    scoring: scoringMedian,
    share: claimStage > 0 ? scoringMedian / claimStage : 0,
  };
}

/**
 * Scoring's share of the whole pipeline in the browser: the share of the claim stage measured here,
 * applied to the claim stage's share of the browser's pipeline (`claims` and `total`, medians in ms).
 */
export function shareOfPipeline(scoring: ScoringShare, pipeline: { claims: number; total: number }): number {
  return pipeline.total > 0 ? (scoring.share * pipeline.claims) / pipeline.total : 0;
}
