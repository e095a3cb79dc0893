/**
 * The typed messages between the popup/background and the content script. Only extension pages and
 * the extension's own scripts can send runtime messages; a web page cannot reach these handlers.
 *
 * Every message is a method of ProtocolMap: the type checker ties each sender to its handler, so
 * there is no string switch to keep in step by hand.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Claim, ClaimKind } from '../claims/types';
import type { Selector } from '../anchoring';

/**
 * Why a page shows no claims, or 'ready' when it does.
 * - 'no-article': no article on this page (ClaimLens stays quiet).
 * - 'disabled': highlights are off for this site or everywhere.
 * - 'analysing': the first run has not finished yet.
 * - 'too-large': the page has more text than ClaimLens analyses (see PageState.error for the figure).
 * - 'error': the analysis failed; PageState.error says why. The page itself keeps working.
 */
export type PageStatus = 'ready' | 'no-article' | 'disabled' | 'analysing' | 'too-large' | 'error';

export interface PipelineTimings {
  /**
   * Removing the marks of the previous run (0 on a fresh page). Not part of `total`: a page is
   * analysed once when it loads; only a re-run (settings changed, the page replaced its article,
   * the bench) has marks to remove first.
   */
  clear: number;
  /**
   * Work done once before the page's first analysis, in tasks of its own (decoding the model,
   * creating the sentence segmenter), so that the first run is not one long task; 0 on later runs.
   * Not part of `total`.
   */
  prepare: number;
  /** Milliseconds spent in each stage of the last run of the content script's pipeline. */
  article: number;
  /** Building the article's text index. */
  index: number;
  claims: number;
  /** Of `claims`: the check-worthiness model scoring the sentences the rules left standing. */
  scoring: number;
  /** Anchoring the stored annotations of this page. */
  anchoring: number;
  highlight: number;
  /** The whole pipeline, article → claims → highlights, including the page-size check; without `clear`. */
  total: number;
}

/** A stored annotation of this page and where it landed. */
export interface PageAnnotation {
  annotationId: string;
  /** The detected claim the annotation assesses, when its text is one. */
  claimId: string | null;
  verdict: string | null;
  /** The annotated text as stored (TextQuoteSelector.exact). */
  quote: string;
  /** false when the annotated text is no longer on the page (an orphan). */
  anchored: boolean;
}

export interface PageState {
  status: PageStatus;
  url: string;
  /** The canonical URL annotations for this page are stored under. */
  source: string;
  title: string;
  /** A message for the user when status is 'error' or 'too-large'; also set when one feature failed. */
  error?: string;
  claims: Claim[];
  /** true when the page had more claims than ClaimLens shows and only the most check-worthy are kept. */
  claimsCapped?: boolean;
  annotations: PageAnnotation[];
  timings?: PipelineTimings;
}

/** What the hover card shows right now: the card lives in a closed shadow root, so tests ask for it. */
export type CardState =
  | { open: false }
  | {
      open: true;
      /** data-claimlens-id of the marks the card belongs to (a claim id, or an annotation id). */
      spanId: string;
      claimId: string | null;
      annotationId: string | null;
      kinds: ClaimKind[];
      speaker: string | null;
      verdict: string | null;
      note: string;
      quote: string;
      /** The card's interface (loaded on the first open) has drawn it; false while it loads or if it failed. */
      drawn: boolean;
    };

/** Where an annotation of a claim is stored: what the popup needs to create one the page will anchor. */
export interface AnnotationTarget {
  source: string;
  selector: Selector[];
}

export interface ProtocolMap {
  /** Popup → content script: what ClaimLens found on this page. */
  getPageState(): PageState;
  /** Popup → content script: scroll the claim (or annotation) into view and flash it. */
  revealClaim(claimId: string): boolean;
  /** Bench and tests → content script: run the whole pipeline again and return its timings. */
  rerunPipeline(): PageState;
  /** Tests → content script: what the hover card shows. */
  getCardState(): CardState;
  /**
   * Background (context menu, keyboard command) → content script: open the annotation editor for
   * the current selection. false when nothing is selected.
   */
  annotateSelection(): boolean;
  /** Popup → content script: the target an annotation of this detected claim must carry. */
  annotationTargetForClaim(claimId: string): AnnotationTarget | null;
  /**
   * Popup → content script: the text the reader has selected on the page ('' when none), for
   * "Save this page as a source" (it becomes the source's excerpt).
   */
  getSelectedText(): string;
  /**
   * Content script → popup, a broadcast nobody has to answer: the page's state changed (analysis
   * finished, annotations re-anchored, highlights switched). The popup listens instead of polling.
   */
  pageStateChanged(state: PageState): void;
}

const quiet = (): void => {};

export const messaging = defineExtensionMessaging<ProtocolMap>({
  // The library logs every message by default; a content script must not fill the page's console.
  logger: { debug: quiet, log: quiet, warn: console.warn, error: console.error },
});
export const { sendMessage, onMessage } = messaging;
