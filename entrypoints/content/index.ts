/**
 * ClaimLens in the web page. Wires the features; each lives in its own file under features/.
 * Every feature is guarded: a failure is reported in PageState.error and the page keeps working.
 */
import '../../core/highlight/highlight.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createAnnotationAccess } from '../../features/annotation-access';
import { createAnnotateSelection } from '../../features/annotate-selection';
import { announcePageState } from '../../features/announce-page-state';
import { createHoverCard } from '../../features/hover-card';
import { highlightsOnFor, watchHighlightSettings } from '../../features/highlight-switch';
import { registerMessageHandlers } from '../../features/message-handlers';
import { loadLazyModule } from '../../features/lazy/load-lazy-module';
import { createPageAnalysis } from '../../features/page-analysis';
import { prepareAnalysis } from '../../features/prepare-analysis';
import { createPageSession, guard } from '../../features/page-session';
import { createArticleWatcher } from '../../features/watch-article';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const doc = document;
    const session = createPageSession();
    const annotations = createAnnotationAccess(() => loadLazyModule('annotations'));

    const watcher = createArticleWatcher(doc, guard(session, 'watch', () => analysis.checkForChanges()));
    const analysis = createPageAnalysis({
      doc,
      session,
      isEnabled: () => highlightsOnFor(location.hostname),
      loadAnnotations: (source) => annotations.listFor(source),
      loadAnchoring: () => annotations.anchoring(),
      quietly: watcher.quietly,
      prepare: () => prepareAnalysis(),
    });
    const actions = annotations.actionsFor({ doc, analysis });
    const card = createHoverCard({
      doc,
      session,
      actions,
      loadUi: () => loadLazyModule('card-ui'),
      report: (e) => session.report('card', e),
    });
    const selection = createAnnotateSelection({
      doc,
      card,
      offerButton: () => session.status !== 'disabled',
      report: (e) => session.report('selection', e),
    });
    const stopMessages = registerMessageHandlers({ doc, session, analysis, card, selection });
    const stopAnnouncing = announcePageState(session, doc, () => analysis.source());

    const stopSettings = watchHighlightSettings(guard(session, 'settings', () => analysis.run()));
    const stopStore = annotations.watch(guard(session, 'annotations', () => analysis.refreshAnnotations()));

    void analysis.run().then(() => {
      if (ctx.isValid) watcher.start();
    });

    ctx.onInvalidated(() => {
      // The extension was updated or removed: leave the page as it was.
      watcher.stop();
      stopSettings();
      stopStore();
      annotations.stop();
      stopMessages();
      stopAnnouncing();
      card.destroy();
      selection.destroy();
      analysis.clear();
    });
  },
});
