/**
 * Runs the pipeline on the page and keeps the marks in step with it: claims detected in the article,
 * plus the stored annotations of this page anchored anywhere in the body.
 *
 * Every DOM change happens inside one synchronous block (`quietly`), after the asynchronous reads
 * (settings, stored annotations) are done, so the page cannot change the DOM between indexing and
 * marking, and the article watcher can tell ClaimLens's own mutations from the page's.
 */
import { anchorMany } from '../core/anchoring';
import type { Annotation } from '../core/annotations/model';
import { canonicalUrlOf } from '../core/annotations/canonical-url';
import { highlightSpans, MARK_TAG, removeHighlights } from '../core/highlight/highlight';
import { analyseDocument, type AnalyseOptions } from '../core/pipeline';
import { indexArticle } from '../core/article/article-text';
import type { DetectedArticle } from '../core/article/types';
import { buildTextIndex } from '../core/text/text-index';
import {
  claimInBody,
  mergeSpans,
  sameMarks,
  toHighlightSpan,
  type AnchoredAnnotation,
  type MarkedSpan,
} from './page-spans';
import type { PageSession } from './page-session';
import type { Claim } from '../core/claims/types';

export interface PageAnalysisDeps {
  doc: Document;
  session: PageSession;
  isEnabled(): Promise<boolean>;
  loadAnnotations(source: string): Promise<Annotation[]>;
  /** Runs DOM changes so that the article watcher does not take them for the page's. */
  quietly(change: () => void): void;
  limits?: Pick<AnalyseOptions, 'maxPageText' | 'maxClaims'>;
}

export interface PageAnalysis {
  /** Removes every mark, analyses the page again and marks what it finds. */
  run(): Promise<void>;
  /** Re-reads the stored annotations of this page and updates only the marks that changed. */
  refreshAnnotations(): Promise<void>;
  /** After the page changed its DOM: redo the work only if marks were lost or the claims changed. */
  checkForChanges(): Promise<void>;
  /** Removes every mark (the extension is going away). */
  clear(): void;
  /** Where a claim is in the body's text, the coordinates annotations are stored in. */
  claimRange(claimId: string): { start: number; end: number } | null;
  /**
   * Runs the analysis again if the body's text changed since the last run (a ticker, lazy comments):
   * the spans' body offsets are only valid for the text they were computed on. Call before using them.
   */
  ensureCurrent(): Promise<void>;
  /** The span marked under this id now. */
  span(id: string): MarkedSpan | undefined;
  source(): string;
}

export function createPageAnalysis(deps: PageAnalysisDeps): PageAnalysis {
  const { doc, session } = deps;
  /** The current claims in body coordinates; valid while the page's text is unchanged. */
  let claimSpans: Array<{ claim: Claim; start: number; end: number }> = [];
  /** The article of the last run and its text, to tell later whether the page changed it. */
  let lastArticle: { article: DetectedArticle; text: string } | null = null;
  /** The body's text when the spans were computed: their offsets are valid for this text only. */
  let lastBodyText = '';
  const bodyTextChanged = (): boolean =>
    (session.status === 'ready' || session.status === 'no-article') && buildTextIndex(doc.body).text !== lastBodyText;
  /** Runs one at a time: a run that starts while another is going waits for it. */
  let queue: Promise<void> = Promise.resolve();
  const serial = (job: () => Promise<void>): Promise<void> => {
    queue = queue.then(job, job);
    return queue;
  };

  const failed = (error: unknown): void => {
    session.status = 'error';
    session.report('analysis', error);
    try {
      deps.quietly(() => removeHighlights(doc.body));
    } catch {
      // Nothing more can be done; the page keeps its own DOM either way.
    }
    session.spans.clear();
    claimSpans = [];
  };

  async function fullRun(): Promise<void> {
    try {
      if (!doc.body) {
        session.status = 'no-article';
        return;
      }
      const enabled = await deps.isEnabled();
      const annotations = enabled ? await deps.loadAnnotations(canonicalUrlOf(doc)) : [];
      deps.quietly(() => render(enabled, annotations));
    } catch (error) {
      failed(error);
    } finally {
      session.notify();
    }
  }

  function render(enabled: boolean, annotations: Annotation[]): void {
    const t0 = performance.now();
    const body = doc.body;
    removeHighlights(body);
    session.error = undefined;
    session.spans = new Map();
    session.annotations = annotations;
    claimSpans = [];
    lastArticle = null;
    if (!enabled) {
      session.status = 'disabled';
      session.claims = [];
      session.timings = undefined;
      return;
    }
    const analysis = analyseDocument(doc, deps.limits);
    session.claims = analysis.claims;
    session.claimsCapped = analysis.claimsCapped;
    if (analysis.status === 'too-large') {
      session.status = 'too-large';
      session.error = `This page has ${Math.round(analysis.pageTextLength / 1000)}k characters of text, more than ClaimLens analyses.`;
      return;
    }
    const bodyIndex = buildTextIndex(body);
    const articleIndex = analysis.index;
    if (analysis.article && articleIndex) lastArticle = { article: analysis.article, text: articleIndex.text };
    lastBodyText = bodyIndex.text;
    if (articleIndex) {
      for (const claim of analysis.claims) {
        const range = claimInBody(articleIndex, bodyIndex, claim);
        if (range) claimSpans.push({ claim, start: range[0], end: range[1] });
      }
    }
    const t1 = performance.now();
    const anchored = anchorAll(bodyIndex.text, annotations);
    const t2 = performance.now();
    const spans = mergeSpans(claimSpans, anchored);
    highlightSpans(bodyIndex, spans.map(toHighlightSpan));
    session.spans = new Map(spans.map((span) => [span.id, span]));
    const t3 = performance.now();
    session.status = analysis.status;
    session.timings = {
      article: analysis.timings.article,
      index: analysis.timings.index,
      claims: analysis.timings.claims,
      anchoring: t2 - t1,
      highlight: t3 - t2,
      total: t3 - t0,
    };
  }

  async function refresh(): Promise<void> {
    try {
      if (bodyTextChanged()) return await fullRun();
      /** Set when the page changed its text while the annotations were loading. */
      let stale = false;
      const annotations = await deps.loadAnnotations(canonicalUrlOf(doc));
      deps.quietly(() => {
        session.annotations = annotations;
        if (session.status !== 'ready' && session.status !== 'no-article') return;
        const text = buildTextIndex(doc.body).text;
        if (text !== lastBodyText) {
          stale = true;
          return;
        }
        const anchored = anchorAll(text, annotations);
        const next = mergeSpans(claimSpans, anchored);
        const nextById = new Map(next.map((span) => [span.id, span]));
        const changed = [...session.spans.values()]
          .filter((old) => {
            const now = nextById.get(old.id);
            return !now || !sameMarks(old, now);
          })
          .map((span) => span.id);
        if (changed.length > 0) removeHighlights(doc.body, changed);
        // Spans still marked are skipped by highlightSpans; only new and changed ones are drawn.
        highlightSpans(buildTextIndex(doc.body), next.map(toHighlightSpan));
        session.spans = nextById;
      });
      if (stale) await fullRun();
    } catch (error) {
      session.report('annotations', error);
    } finally {
      session.notify();
    }
  }

  async function check(): Promise<void> {
    try {
      if (session.status === 'disabled' || session.status === 'too-large' || !doc.body) return;
      const marked = new Set(
        Array.from(doc.body.querySelectorAll(MARK_TAG), (mark) => mark.getAttribute('data-claimlens-id')),
      );
      const intact = [...session.spans.keys()].every((id) => marked.has(id));
      if (intact && unchangedArticle()) {
        // Lazy-loaded text may hold an annotation that could not be anchored before.
        const placed = [...session.spans.values()].filter((s) => s.annotation).length;
        if (session.annotations.length > placed) await refresh();
        return;
      }
      await fullRun();
    } catch (error) {
      failed(error);
    }
  }

  /**
   * Whether the page still shows the article of the last run, with the same text (so the same
   * claims): its root is in the page and re-indexing it gives the same text. Marks add no text and the
   * index skips only what the first detection excluded, so this holds on the marked page. Cheaper
   * than detecting again, and a page that loads comments or ads elsewhere costs one index pass.
   */
  function unchangedArticle(): boolean {
    if (!lastArticle) {
      // No article last time: is there one now? (Detection ignores a page's few annotation marks.)
      return analyseDocument(doc, deps.limits).status !== 'ready';
    }
    const { article, text } = lastArticle;
    if (!article.root.isConnected || (article.headline && !article.headline.isConnected)) return false;
    return indexArticle(article).text === text;
  }

  return {
    run: () => serial(fullRun),
    refreshAnnotations: () => serial(refresh),
    checkForChanges: () => serial(check),
    clear() {
      deps.quietly(() => removeHighlights(doc.body));
      session.spans.clear();
    },
    ensureCurrent: () =>
      serial(async () => {
        if (bodyTextChanged()) await fullRun();
      }),
    span: (id) => session.spans.get(id),
    claimRange(claimId) {
      const span = claimSpans.find((s) => s.claim.id === claimId);
      return span ? { start: span.start, end: span.end } : null;
    },
    source: () => canonicalUrlOf(doc),
  };
}

function anchorAll(text: string, annotations: readonly Annotation[]): AnchoredAnnotation[] {
  const anchors = anchorMany(
    text,
    annotations.map((a) => a.target.selector),
  );
  const anchored: AnchoredAnnotation[] = [];
  annotations.forEach((annotation, i) => {
    const anchor = anchors[i];
    if (anchor) anchored.push({ annotation, start: anchor.start, end: anchor.end });
  });
  return anchored;
}

export type { MarkedSpan };
