/**
 * The analysis ClaimLens runs on a page: find the article, index its text, detect and score claims.
 * Pure apart from reading the Document; the content script highlights the result.
 */
import type { DetectedArticle } from './article/types';
import { findArticle } from './article/detect-article';
import { indexArticle } from './article/article-text';
import type { Claim } from './claims/types';
import { detectClaimsTimed } from './claims/detect-claims';
import { checkWorthinessScorer } from './worthiness/index';
import type { TextIndex } from './text/text-index';

export interface AnalysisTimings {
  /** Milliseconds per stage. */
  article: number;
  index: number;
  claims: number;
  /** Of `claims`: the check-worthiness model scoring the sentences the rules left standing. */
  scoring: number;
  total: number;
}

export type AnalysisStatus = 'ready' | 'no-article' | 'too-large';

export interface DocumentAnalysis {
  status: AnalysisStatus;
  article: DetectedArticle | null;
  index: TextIndex | null;
  claims: Claim[];
  /** true when more claims were found than `maxClaims` and only the best scored were kept. */
  claimsCapped: boolean;
  /**
   * Visible characters of text in the page's body, spaces and scripts not counted (the figure the
   * size limit is checked against). On a page over the limit, counted only up to just past it.
   */
  pageTextLength: number;
  timings: AnalysisTimings;
}

export interface AnalyseOptions {
  scoreSentence?: (sentence: string) => number;
  /**
   * Pages with more visible body text than this (non-space characters) are not analysed: a reader
   * cannot check thousands of claims, and detection on a multi-megabyte page would freeze it.
   * Default 2 million characters.
   */
  maxPageText?: number;
  /** At most this many claims are kept, the highest scored. Default 300. */
  maxClaims?: number;
}

export const DEFAULT_MAX_PAGE_TEXT = 2_000_000;
export const DEFAULT_MAX_CLAIMS = 300;

export function analyseDocument(doc: Document, options: AnalyseOptions = {}): DocumentAnalysis {
  const maxPageText = options.maxPageText ?? DEFAULT_MAX_PAGE_TEXT;
  const maxClaims = options.maxClaims ?? DEFAULT_MAX_CLAIMS;
  const t0 = performance.now();
  const timings: AnalysisTimings = { article: 0, index: 0, claims: 0, scoring: 0, total: 0 };
  const result = (partial: Partial<DocumentAnalysis> & Pick<DocumentAnalysis, 'status'>): DocumentAnalysis => {
    timings.total = performance.now() - t0;
    return {
      article: null,
      index: null,
      claims: [],
      claimsCapped: false,
      pageTextLength,
      timings,
      ...partial,
    };
  };

  // Detection measures the page's text as it walks it and stops once past the limit, so the limit
  // costs no pass of its own (body.textContent, scripts included, cost more than half of detection).
  const { article, pageText: pageTextLength, tooLarge } = findArticle(doc, maxPageText);
  const t1 = performance.now();
  timings.article = t1 - t0;
  if (tooLarge) return result({ status: 'too-large' });
  if (!article) return result({ status: 'no-article' });

  const index = indexArticle(article);
  const t2 = performance.now();
  timings.index = t2 - t1;

  const { claims, capped, scoring } = findClaims(index.text, options.scoreSentence ?? checkWorthinessScorer(), maxClaims);
  timings.claims = performance.now() - t2;
  timings.scoring = scoring;
  return result({ status: 'ready', article, index, claims, claimsCapped: capped });
}

/**
 * The claim stage: the claims of `text` with each sentence scored by `scoreSentence`, cut to the
 * `maxClaims` best (`capped` when some were dropped). `scoring`: the milliseconds of the model's
 * pass, which the bench reports as scoring's share of the pipeline.
 */
export function findClaims(
  text: string,
  scoreSentence: (sentence: string) => number,
  maxClaims: number,
): { claims: Claim[]; capped: boolean; scoring: number } {
  const { claims: found, scoringMs: scoring } = detectClaimsTimed(text, scoreSentence);
  const claims = keepBestClaims(found, maxClaims);
  return { claims, capped: claims.length < found.length, scoring };
}

/** The `max` highest-scored claims, back in text order. */
export function keepBestClaims(claims: readonly Claim[], max: number): Claim[] {
  if (claims.length <= max) return [...claims];
  const best = [...claims].sort((a, b) => b.score - a.score || a.start - b.start).slice(0, max);
  return best.sort((a, b) => a.start - b.start);
}
