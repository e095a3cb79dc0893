/**
 * Tells an open popup whenever the page's state changes (analysis finished, annotations re-anchored,
 * highlights switched off or on), so the popup listens instead of polling. The broadcast reaches
 * only the extension's own pages; with no popup open there is simply nobody to tell.
 */
import { sendMessage } from '../core/messaging/protocol';
import { pageStateOf, type PageSession } from './page-session';

export function announcePageState(session: PageSession, doc: Document, source: () => string): () => void {
  return session.onChange(() => {
    sendMessage('pageStateChanged', pageStateOf(session, doc, source())).catch(() => {
      // No extension page is listening.
    });
  });
}
