/**
 * The typed messages between the popup/background and the content script. Only extension pages and
 * the extension's own scripts can send runtime messages; a web page cannot reach these handlers.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Claim } from '../claims/types';

/** Why a page shows no claims, or 'ready' when it does. */
export type PageStatus = 'ready' | 'no-article' | 'disabled' | 'analysing' | 'error';

export interface PipelineTimings {
  /** Milliseconds spent in each stage of the last run of the content script's pipeline. */
  article: number;
  claims: number;
  highlight: number;
  total: number;
}

export interface PageState {
  status: PageStatus;
  url: string;
  /** The canonical URL annotations for this page are stored under. */
  source: string;
  title: string;
  /** A message for the user when status is 'error'. */
  error?: string;
  claims: Claim[];
  timings?: PipelineTimings;
}

export interface ProtocolMap {
  /** Popup → content script: what ClaimLens found on this page. */
  getPageState(): PageState;
  /** Popup → content script: scroll the claim into view and flash it. */
  revealClaim(claimId: string): boolean;
  /** Bench and tests → content script: run the whole pipeline again and return its timings. */
  rerunPipeline(): PageState;
}

export const messaging = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messaging;
