/**
 * The content script's state for one page, shared by its features: what the last analysis found,
 * which spans are marked, and which feature failed. Features read it and the page analysis writes it;
 * `onChange` lets the open card follow an annotation saved from the popup or another tab.
 */
import type { Annotation } from '../core/annotations/model';
import type { Claim } from '../core/claims/types';
import type { PageAnnotation, PageState, PageStatus, PipelineTimings } from '../core/messaging/protocol';
import type { MarkedSpan } from './page-spans';

export interface PageSession {
  status: PageStatus;
  /** Why the analysis failed, or which feature failed while the rest kept working. */
  error?: string;
  claims: Claim[];
  claimsCapped: boolean;
  /** Stored annotations of this page (anchored or not). */
  annotations: Annotation[];
  /** Every marked span by data-claimlens-id. */
  spans: Map<string, MarkedSpan>;
  timings?: PipelineTimings;
  /** Called after anything above changed. */
  onChange(listener: () => void): () => void;
  notify(): void;
  /** Records a failure of one feature; the page and the other features keep working. */
  report(feature: string, error: unknown): void;
}

export function createPageSession(): PageSession {
  const listeners = new Set<() => void>();
  const session: PageSession = {
    status: 'analysing',
    claims: [],
    claimsCapped: false,
    annotations: [],
    spans: new Map(),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify() {
      for (const listener of listeners) {
        try {
          listener();
        } catch (error) {
          session.report('update', error);
        }
      }
    },
    report(feature, error) {
      const message = error instanceof Error ? error.message : String(error);
      session.error = `${feature}: ${message}`;
      // Visible to the developer of a page that breaks ClaimLens; the page itself is left alone.
      console.warn('[ClaimLens]', session.error);
    },
  };
  return session;
}

/** Runs `fn`; an exception is reported to the session instead of reaching the page. */
export function guard<Args extends unknown[]>(
  session: PageSession,
  feature: string,
  fn: (...args: Args) => void | Promise<void>,
): (...args: Args) => void {
  return (...args: Args) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch((error: unknown) => session.report(feature, error));
    } catch (error) {
      session.report(feature, error);
    }
  };
}

export function pageAnnotations(session: PageSession): PageAnnotation[] {
  const placed = new Map<string, MarkedSpan>();
  for (const span of session.spans.values()) if (span.annotation) placed.set(span.annotation.id, span);
  return session.annotations.map((annotation) => {
    const span = placed.get(annotation.id);
    const quote = annotation.target.selector.find((s) => s.type === 'TextQuoteSelector');
    return {
      annotationId: annotation.id,
      claimId: span?.claim?.id ?? null,
      verdict: annotation.body.verdict,
      quote: quote?.exact ?? '',
      anchored: !!span,
    };
  });
}

export function pageStateOf(session: PageSession, doc: Document, source: string): PageState {
  const state: PageState = {
    status: session.status,
    url: doc.location?.href ?? '',
    source,
    title: doc.title,
    claims: session.claims,
    claimsCapped: session.claimsCapped,
    annotations: pageAnnotations(session),
  };
  if (session.error) state.error = session.error;
  if (session.timings) state.timings = session.timings;
  return state;
}
