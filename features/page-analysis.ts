/**
 * Runs the pipeline on the page and keeps the marks in step with it: claims detected in the article,
 * plus the stored annotations of this page anchored anywhere in the body.
 *
 * Every DOM change happens inside one synchronous block (`quietly`), after the asynchronous reads
 * (settings, stored annotations) are done, so the page cannot change the DOM between indexing and
 * marking, and the article watcher can tell ClaimLens's own mutations from the page's.
 */
import type { anchorMany } from '../core/anchoring/anchor';
import type { Annotation } from '../core/annotations/model';
import { canonicalUrlOf } from '../core/annotations/canonical-url';
import { highlightSpans, MARK_TAG, removeHighlights } from '../core/highlight/highlight';
import { analyseDocument, type AnalyseOptions } from '../core/pipeline';
import { indexArticle } from '../core/article/article-text';
import type { DetectedArticle } from '../core/article/types';
import { buildTextIndex, type TextIndex } from '../core/text/text-index';
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

export interface Anchoring {
  anchorMany: typeof anchorMany;
}

/** Stored annotations of the page and the engine to anchor them (null when there are none). */
interface Stored {
  annotations: Annotation[];
  anchoring: Anchoring | null;
}

export interface PageAnalysisDeps {
  doc: Document;
  session: PageSession;
  isEnabled(): Promise<boolean>;
  loadAnnotations(source: string): Promise<Annotation[]>;
  /** The anchoring engine, loaded only for pages that have annotations (features/lazy/). */
  loadAnchoring(): Promise<Anchoring>;
  /** Runs DOM changes so that the article watcher does not take them for the page's. */
  quietly(change: () => void): void;
  /**
   * Work to do once before the first analysis of an enabled page, in tasks of its own
   * (features/prepare-analysis.ts); resolves to the milliseconds it worked.
   */
  prepare?(): Promise<number>;
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
  /** The article of the last run, its text index and its claims (in the article's coordinates). */
  let lastArticle: { article: DetectedArticle; index: TextIndex; text: string; claims: readonly Claim[] } | null = null;
  /**
   * The claims in body coordinates and the body text they are valid for. Built lazily: body
   * coordinates are only needed to anchor stored annotations or to save one, and indexing a large
   * page's body costs more than detecting the article's claims. While null, `session.spans` hold
   * the claims' article offsets (the marks were drawn over the article's own index).
   */
  let placed: { text: string; claimSpans: ClaimSpan[] } | null = null;
  /** Whether deps.prepare ran (once, before the first analysis of an enabled page). */
  let prepared = false;
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
    placed = null;
    lastArticle = null;
  };

  async function fullRun(): Promise<void> {
    try {
      if (!doc.body) {
        session.status = 'no-article';
        return;
      }
      const enabled = await deps.isEnabled();
      let stored: Stored = { annotations: [], anchoring: null };
      let prepareMs = 0;
      if (enabled) {
        // The first time, the set-up's tasks run while the stored annotations are being read.
        const setUp = prepared ? 0 : deps.prepare?.();
        prepared = true;
        [stored, prepareMs] = await Promise.all([loadStored(), setUp ?? 0]);
      }
      deps.quietly(() => render(enabled, stored, prepareMs));
    } catch (error) {
      failed(error);
    } finally {
      session.notify();
    }
  }

  /** The page's stored annotations, with the anchoring engine when there are any to anchor. */
  async function loadStored(): Promise<Stored> {
    const annotations = await deps.loadAnnotations(canonicalUrlOf(doc));
    return { annotations, anchoring: annotations.length > 0 ? await deps.loadAnchoring() : null };
  }

  function render(enabled: boolean, { annotations, anchoring }: Stored, prepareMs: number): void {
    const cleared = performance.now();
    const body = doc.body;
    // A fresh page has no marks: skip the unwrapping walk (a tag lookup is a native, cached list).
    if (body.getElementsByTagName(MARK_TAG).length > 0) removeHighlights(body);
    const t0 = performance.now();
    session.error = undefined;
    session.spans = new Map();
    session.annotations = annotations;
    placed = null;
    lastArticle = null;
    if (!enabled) {
      session.status = 'disabled';
      session.claims = [];
      session.timings = undefined;
      return;
    }
    const analysis = analyseDocument(doc, deps.limits);
    const t2 = performance.now();
    session.claims = analysis.claims;
    session.claimsCapped = analysis.claimsCapped;
    if (analysis.status === 'too-large') {
      session.status = 'too-large';
      // The detector stops counting just past the limit: the figure is a lower bound.
      session.error = `This page has over ${Math.round(analysis.pageTextLength / 1000)}k characters of text, more than ClaimLens analyses.`;
      return;
    }
    const articleIndex = analysis.index;
    if (analysis.article && articleIndex) {
      lastArticle = { article: analysis.article, index: articleIndex, text: articleIndex.text, claims: analysis.claims };
    }
    let spans: MarkedSpan[];
    let markIndex: TextIndex | null;
    if (annotations.length === 0) {
      // Nothing to anchor: mark the claims over the article's own index, in its coordinates.
      spans = analysis.claims.map((claim) => claimSpan(claim));
      markIndex = articleIndex;
    } else {
      const bodyIndex = buildTextIndex(body);
      const claimSpans = lastArticle ? claimsInBody(lastArticle.index, bodyIndex, lastArticle.claims) : [];
      placed = { text: bodyIndex.text, claimSpans };
      spans = mergeSpans(claimSpans, anchorAll(bodyIndex.text, annotations, anchoring));
      markIndex = bodyIndex;
    }
    const t4 = performance.now();
    if (markIndex) highlightSpans(markIndex, spans.map(toHighlightSpan));
    session.spans = new Map(spans.map((span) => [span.id, span]));
    const t5 = performance.now();
    session.status = analysis.status;
    session.timings = {
      clear: t0 - cleared,
      prepare: prepareMs,
      article: analysis.timings.article,
      index: analysis.timings.index,
      claims: analysis.timings.claims,
      scoring: analysis.timings.scoring,
      // Indexing the body and moving the claims into it is work done for the annotations.
      anchoring: t4 - t2,
      highlight: t5 - t4,
      // Everything after clearing the old marks: the page-size check and the stages.
      total: t5 - t0,
    };
  }

  /**
   * Brings the claims' body coordinates up to date with the body's current text (`bodyIndex`).
   * Returns false when that needs a new analysis: the article's text changed, or the annotations'
   * body offsets (anchored on an older text) are out of date.
   */
  function placeInBody(bodyIndex: TextIndex): boolean {
    if (placed?.text === bodyIndex.text) return true;
    // Annotations were anchored on the older text: only a new run anchors them again.
    if (placed && [...session.spans.values()].some((span) => span.annotation)) return false;
    // Not placed yet, or placed with claims alone: the claims' article offsets still hold if the
    // article's text did not change, whatever changed around it.
    let claimSpans: ClaimSpan[] = [];
    if (lastArticle) {
      const { article, text } = lastArticle;
      if (!article.root.isConnected || (article.headline && !article.headline.isConnected)) return false;
      // The article's text is what the claims were found in; a fresh index of it maps them to the
      // Text nodes that hold them now (highlighting split some).
      const articleIndex = indexArticle(article);
      if (articleIndex.text !== text) return false;
      claimSpans = claimsInBody(articleIndex, bodyIndex, lastArticle.claims);
    }
    placed = { text: bodyIndex.text, claimSpans };
    const next = new Map<string, MarkedSpan>();
    for (const span of claimSpans) next.set(span.claim.id, claimSpan(span.claim, span));
    session.spans = next;
    return true;
  }

  async function refresh(): Promise<void> {
    try {
      if (!isCurrent()) return await fullRun();
      /** Set when the page changed its text while the annotations were loading. */
      let stale = false;
      const { annotations, anchoring } = await loadStored();
      deps.quietly(() => {
        session.annotations = annotations;
        if (session.status !== 'ready' && session.status !== 'no-article') return;
        const bodyIndex = buildTextIndex(doc.body);
        if (!placeInBody(bodyIndex) || !placed) {
          stale = true;
          return;
        }
        const anchored = anchorAll(bodyIndex.text, annotations, anchoring);
        const next = mergeSpans(placed.claimSpans, anchored);
        const nextById = new Map(next.map((span) => [span.id, span]));
        const changed = [...session.spans.values()]
          .filter((old) => {
            const now = nextById.get(old.id);
            return !now || !sameMarks(old, now);
          })
          .map((span) => span.id);
        if (changed.length > 0) removeHighlights(doc.body, changed);
        // Spans still marked are skipped by highlightSpans; only new and changed ones are drawn.
        highlightSpans(changed.length > 0 ? buildTextIndex(doc.body) : bodyIndex, next.map(toHighlightSpan));
        session.spans = nextById;
      });
      if (stale) await fullRun();
    } catch (error) {
      session.report('annotations', error);
    } finally {
      session.notify();
    }
  }

  /**
   * Whether the spans' offsets can be trusted for the page as it is now (bringing the claims into
   * body coordinates if they were not yet). Pages with no analysis state have nothing to bring.
   */
  function isCurrent(): boolean {
    if (session.status !== 'ready' && session.status !== 'no-article') return true;
    return placeInBody(buildTextIndex(doc.body));
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
        const anchoredCount = [...session.spans.values()].filter((s) => s.annotation).length;
        if (session.annotations.length > anchoredCount) await refresh();
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
        if (isCurrent()) return;
        await fullRun();
        // A run without annotations leaves the claims in article coordinates: place them now.
        isCurrent();
      }),
    span: (id) => session.spans.get(id),
    claimRange(claimId) {
      const span = placed?.claimSpans.find((s) => s.claim.id === claimId);
      return span ? { start: span.start, end: span.end } : null;
    },
    source: () => canonicalUrlOf(doc),
  };
}

type ClaimSpan = { claim: Claim; start: number; end: number };

function claimSpan(claim: Claim, range: { start: number; end: number } = claim): MarkedSpan {
  return { id: claim.id, start: range.start, end: range.end, claim, annotation: null };
}

/** The claims (article coordinates) moved into body coordinates; those not in the body are left out. */
function claimsInBody(articleIndex: TextIndex, bodyIndex: TextIndex, claims: readonly Claim[]): ClaimSpan[] {
  const spans: ClaimSpan[] = [];
  for (const claim of claims) {
    const range = claimInBody(articleIndex, bodyIndex, claim);
    if (range) spans.push({ claim, start: range[0], end: range[1] });
  }
  return spans;
}

function anchorAll(text: string, annotations: readonly Annotation[], anchoring: Anchoring | null): AnchoredAnnotation[] {
  if (!anchoring) return [];
  const anchors = anchoring.anchorMany(
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
