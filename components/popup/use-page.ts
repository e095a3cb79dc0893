import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PageState } from '../../core/messaging/protocol';
import type { PopupDeps } from './deps';
import { mayHaveContentScript } from './logic';

export type PageView =
  | { phase: 'loading'; attempt: number }
  | { phase: 'unavailable' }
  | { phase: 'ready'; state: PageState };

/** How long to keep asking a page that is still loading or analysing before giving up. */
const RETRY_DELAYS_MS = [250, 500, 750, 1000, 1500];
const ANALYSING_POLL_MS = 400;
const ANALYSING_MAX_POLLS = 75;

/**
 * Asks the tab's content script what it found. A content script that doesn't answer means
 * extensions can't run there (browser pages, stores, PDF viewer) or the page is still loading: we
 * retry a few times before saying so. While the page says 'analysing', we poll until it is done.
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
    let polls = 0;
    for (;;) {
      try {
        const state = await deps.page.getPageState();
        if (stale()) return;
        if (state.status === 'analysing' && polls < ANALYSING_MAX_POLLS) {
          setView({ phase: 'ready', state });
          polls++;
          await sleep(ANALYSING_POLL_MS);
          if (stale()) return;
          continue;
        }
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

  /** Asks once more without showing a loading state; keeps what is shown if the page is silent. */
  const refresh = useCallback(async () => {
    if (deps.tab.id == null || !mayHaveContentScript(deps.tab.url)) return;
    const mine = generation.current;
    try {
      const state = await deps.page.getPageState();
      if (mine === generation.current) setView({ phase: 'ready', state });
    } catch {
      // Keep the last answer: a refresh is a courtesy, not a reason to blank the popup.
    }
  }, [deps.tab.id, deps.tab.url, deps.page]);

  useEffect(() => {
    void load();
    return () => {
      generation.current++;
    };
  }, [load]);

  return { view, reload: load, refresh };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
