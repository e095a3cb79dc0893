/**
 * How much check-worthiness scoring adds to the claim stage, measured in the same Chromium as the
 * pipeline: the claim stage is bundled into a bench page (bench/page/claim-stage.ts) and run on the
 * article's text with the scorer and with its scores replayed in its place, alternating, after as many warm-up
 * runs as the pipeline gets. The page is cross-origin isolated, so its clock reads to 5 µs instead of
 * the 100 µs other pages get. (An earlier version split the claim stage in Node: Node's engine
 * compiles the scorer in other steps than Chromium's, and that split understated the scoring.)
 *
 * The article text comes from linkedom (the page's scripts never run), parsed as `npm run extract` does.
 */
import { readFileSync } from 'node:fs';
import { detectArticle } from '../../core/article/detect-article';
import { indexArticle } from '../../core/article/article-text';
import type { measureClaimStage, WordMemoMode } from '../page/claim-stage';
import type { BrowserSession } from '../../tests/e2e/harness/session';
import type { StaticServer } from '../../tests/e2e/harness/static-server';
import { parsePage } from '../../tools/lib/extract-pages';
import { bundleBenchPage } from './bundle-page';
import { assertFineClock } from './fine-clock';
import { WARM_UP_RUNS } from './measure-page';
import { median } from './stats';

export interface ClaimStageSplit {
  /** Median ms of the claim stage with the scorer, and without it (its scores replayed). */
  claimStage: number;
  claimStageWithoutScoring: number;
  /** What scoring adds: claimStage − claimStageWithoutScoring (0 at least). */
  scoring: number;
  /** scoring / claimStage. */
  share: number;
}

/** One fresh page's figures. */
type Trial = ClaimStageSplit & { sentencesScored: number };

/**
 * The claim stage as the pipeline runs it again on a page (the model's word memo holds the words of
 * the earlier runs), and `freshMemo`, the same with every word new to the scorer, as on a first run.
 */
export interface ScoringShare extends ClaimStageSplit {
  articleChars: number;
  sentencesScored: number;
  freshMemo: ClaimStageSplit;
}

const PAGE_PATH = '/bench/claim-stage.html';
const SCRIPT_PATH = '/bench/claim-stage.js';

/** Servers the claim-stage page is set on: once each, not once per measured article. */
const servedOn = new WeakSet<StaticServer>();

/** Sets the claim-stage page on `server`, isolated by the server's own headers (CROSS_ORIGIN_ISOLATED). */
async function serveClaimStagePage(server: StaticServer): Promise<void> {
  if (servedOn.has(server)) return;
  server.setPage(SCRIPT_PATH, await bundleBenchPage('bench/page/claim-stage.ts'), 'text/javascript; charset=utf-8');
  server.setPage(PAGE_PATH, `<!doctype html><title>claim stage</title><script src="${SCRIPT_PATH}"></script>`);
  servedOn.add(server);
}

/** The text the content script's claim stage reads on a saved page (its article's index), or null. */
function claimStageText(file: string): string | null {
  const article = detectArticle(parsePage(readFileSync(file, 'utf8')));
  return article ? indexArticle(article).text : null;
}

/**
 * Fresh pages per article: where the engine compiles the scorer's code differs from page to page
 * (5fa3154e's scoring measured 0.0 to 1.0 ms on five pages), so the figure is the median page's.
 */
const SCORING_TRIALS = 5;

export async function measureScoringShare(session: BrowserSession, server: StaticServer, file: string, runs: number): Promise<ScoringShare | null> {
  const text = claimStageText(file);
  if (text === null) return null;
  await serveClaimStagePage(server);
  const medianTrial = async (memo: WordMemoMode): Promise<Trial> => {
    const trials: Array<Trial> = [];
    for (let trial = 0; trial < SCORING_TRIALS; trial++) trials.push(await measureOnFreshPage(session, server, text, runs, memo));
    trials.sort((a, b) => a.scoring - b.scoring);
    return trials[trials.length >> 1]!;
  };
  const shared = await medianTrial('shared');
  return { articleChars: text.length, ...shared, freshMemo: await medianTrial('fresh') };
}

/** One page, as new as the pipeline's on a page load: warm-ups, then the measured runs. */
async function measureOnFreshPage(
  session: BrowserSession,
  server: StaticServer,
  text: string,
  runs: number,
  memo: WordMemoMode,
): Promise<Trial> {
  const page = await session.newPage(server.url(PAGE_PATH));
  try {
    await assertFineClock(page, 'the claim-stage page');
    const times = await page.evaluate(
      ([t, warm, n, m]) =>
        (globalThis as unknown as { claimStageTimes: typeof measureClaimStage }).claimStageTimes(t, warm, n, m),
      [text, WARM_UP_RUNS, runs, memo] as const,
    );
    const claimStage = median(times.withScoring);
    const claimStageWithoutScoring = median(times.withoutScoring);
    const scoring = Math.max(0, claimStage - claimStageWithoutScoring);
    return {
      sentencesScored: times.sentencesScored,
      claimStage,
      claimStageWithoutScoring,
      scoring,
      share: claimStage > 0 ? scoring / claimStage : 0,
    };
  } finally {
    await page.close();
  }
}

/**
 * Scoring's share of the whole pipeline in the browser: its share of the claim stage measured here,
 * applied to the claim stage's share of the pipeline (`claims` and `total`, medians in ms).
 */
export function shareOfPipeline(scoring: ClaimStageSplit, pipeline: { claims: number; total: number }): number {
  return pipeline.total > 0 ? (scoring.share * pipeline.claims) / pipeline.total : 0;
}
