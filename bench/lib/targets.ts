/** The issues' speed and size targets, shared by the bench (bench/run.ts) and the bundle tests. */
export const TARGETS = {
  /** Whole pipeline (article → claims → highlights) vs Readability.parse on the same page (issue 2). */
  pipelineVsReadability: 1.0,
  /** Article detection alone vs Readability.parse (issue 4). */
  articleVsReadability: 0.5,
  /** The content script's code and CSS, gzipped (issue 2); the model has its own budget. */
  contentScriptGzipKB: 40,
  /** The check-worthiness model's weights and lexicon, gzipped, as they add to the content script (issue 5). */
  modelGzipKB: 60,
  /** Check-worthiness scoring's share of the pipeline (issue 5). */
  scoringShareOfPipeline: 0.1,
} as const;

export type Targets = typeof TARGETS;

/** What the check-worthiness model's pass takes of a run's whole pipeline (both timed by the content script). */
export function scoringShare(timings: { scoring: number; total: number }): number {
  return timings.total > 0 ? timings.scoring / timings.total : 0;
}
