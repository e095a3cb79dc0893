/**
 * The content script's side of the typed protocol (core/messaging/protocol.ts). Handlers answer from
 * the session at once; only rerunPipeline waits for work. A handler that throws answers with the
 * error (the popup shows it) and never disturbs the page.
 */
import { describeSpan } from '../core/anchoring';
import { flashMarks, marksOf } from '../core/highlight/highlight';
import { onMessage, type PageState } from '../core/messaging/protocol';
import { buildTextIndex } from '../core/text/text-index';
import type { AnnotateSelection } from './annotate-selection';
import type { HoverCard } from './hover-card';
import type { PageAnalysis } from './page-analysis';
import { pageStateOf, type PageSession } from './page-session';

const MAX_EXCERPT = 2000;

export function registerMessageHandlers(deps: {
  doc: Document;
  session: PageSession;
  analysis: PageAnalysis;
  card: HoverCard;
  selection: AnnotateSelection;
}): () => void {
  const { doc, session, analysis, card, selection } = deps;
  const state = (): PageState => pageStateOf(session, doc, analysis.source());

  const removers = [
    onMessage('getPageState', () => state()),

    onMessage('revealClaim', ({ data: spanId }) => {
      // A claim id, or an annotation id: an annotation paired with a claim is marked under the claim's id.
      const span =
        session.spans.get(spanId) ?? [...session.spans.values()].find((s) => s.annotation?.id === spanId);
      const first = span ? marksOf(doc.body, span.id)[0] : undefined;
      if (!span || !first) return false;
      // Smooth only where it is seen: a hidden tab (Firefox) may never finish a smooth scroll.
      const smooth =
        doc.visibilityState === 'visible' && !doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches;
      first.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
      flashMarks(doc.body, span.id);
      return true;
    }),

    onMessage('rerunPipeline', async () => {
      card.close();
      await analysis.run();
      return state();
    }),

    onMessage('getCardState', () => card.state()),

    onMessage('annotateSelection', () => selection.annotate()),

    // "Save this page as a source" quotes the reader's selection; a source excerpt is a quote, not a copy
    // of the page, so it is capped.
    onMessage('getSelectedText', () => (doc.getSelection()?.toString() ?? '').trim().slice(0, MAX_EXCERPT)),

    onMessage('annotationTargetForClaim', async ({ data: claimId }) => {
      await analysis.ensureCurrent();
      const range = analysis.claimRange(claimId);
      if (!range) return null;
      const text = buildTextIndex(doc.body).text;
      return { source: analysis.source(), selector: describeSpan(text, range.start, range.end) };
    }),
  ];
  return () => {
    for (const remove of removers) remove();
  };
}
