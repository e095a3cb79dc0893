import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PageState } from '../../core/messaging/protocol';
import type { PopupDeps } from './deps';
import { mayHaveContentScript } from './logic';

export type PageView =
  | { phase: 'loading'; attempt: number }
  | { phase: 'unavailable' }
  | { phase: 'ready'; state: PageState };

/** How long to keep asking a page whose content script has not answered before giving up. */
const RETRY_DELAYS_MS = [250, 500, 750, 1000, 1500];

/**
 * Asks the tab's content script what it found. A content script that doesn't answer means
 * extensions can't run there (browser pages, stores, PDF viewer) or the page is still loading: we
 * retry a few times before saying so. After that the page tells us when its state changes (it
 * finished analysing, re-anchored annotations…): no polling.
 */
export function usePage(deps: Pick<PopupDeps, 'tab' | 'page'>, retryDelays: readonly number[] = RETRY_DELAYS_MS) {
  const [view, setView] = useState<PageView>({ phase: 'loading', attempt: 0 });
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    const stale = () => mine !== generation.current;
    if (deps.tab.id == null || !mayHaveContentScript(deps.tab.url)) {
      setView({ phase: 'unavailable' });
      return;
    }
    let failures = 0;
    for (;;) {
      try {
        const state = await deps.page.getPageState();
        if (stale()) return;
        setView({ phase: 'ready', state });
        return;
      } catch {
        if (stale()) return;
        const delay = retryDelays[failures++];
        if (delay === undefined) {
          setView({ phase: 'unavailable' });
          return;
        }
        setView({ phase: 'loading', attempt: failures });
        await sleep(delay);
        if (stale()) return;
      }
    }
  }, [deps.tab.id, deps.tab.url, deps.page, retryDelays]);

  useEffect(() => {
    void load();
    return () => {
      generation.current++;
    };
  }, [load]);

  useEffect(() => {
    if (deps.tab.id == null || !mayHaveContentScript(deps.tab.url)) return undefined;
    return deps.page.onStateChanged((state) => {
      // An answer is an answer: it also ends a wait for a page that was still loading.
      generation.current++;
      setView({ phase: 'ready', state });
    });
  }, [deps.tab.id, deps.tab.url, deps.page]);

  return { view };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
