import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { AnnotationsTab } from './AnnotationsTab';
import { ClaimsTab } from './ClaimsTab';
import { DataTab } from './DataTab';
import type { PopupDeps } from './deps';
import { EmptyState } from './EmptyState';
import { Header } from './Header';
import { hostOf, isOnPage } from './logic';
import { SourcesTab } from './SourcesTab';
import { Tabs, type TabSpec } from './Tabs';
import { Toast, useToast } from './Toast';
import { useLibrary } from './use-library';
import { usePage, type PageView } from './use-page';

export type PopupTab = 'claims' | 'annotations' | 'sources' | 'data';


interface PopupProps {
  deps: PopupDeps;
  initialTab?: PopupTab;
  /** Delays between retries when the page doesn't answer (tests pass short ones). */
  retryDelays?: readonly number[];
}

export function Popup({ deps, initialTab = 'claims', retryDelays }: PopupProps) {
  const [tab, setTab] = useState<PopupTab>(initialTab);
  const [problem, setProblem] = useState<string | null>(null);
  const { view } = usePage(deps, retryDelays);
  const library = useLibrary(deps.store);
  const { toast, notify, dismiss } = useToast();

  const state = view.phase === 'ready' ? view.state : null;
  const pageUrl = state?.url || deps.tab.url;
  const host = view.phase === 'unavailable' ? '' : hostOf(pageUrl);
  const title = state?.title || deps.tab.title;

  const pageAnnotations = useMemo(
    () => (state ? library.annotations.filter((a) => isOnPage(a, state.source)) : []),
    [library.annotations, state],
  );


  // Only to explain a 'disabled' page: off here, or off everywhere?
  const [offEverywhere, setOffEverywhere] = useState(false);
  useEffect(() => {
    const read = () =>
      deps.settings.getState(host).then(
        (s) => setOffEverywhere(!s.global),
        () => undefined,
      );
    void read();
    return deps.settings.watch(() => void read());
  }, [deps.settings, host]);

  const onError = useCallback((message: string) => setProblem(message), []);

  const turnOnSite = useCallback(async () => {
    try {
      const { global } = await deps.settings.getState(host);
      // Follow the global switch when it is on; otherwise this site needs its own override.
      // The page re-analyses on a settings change and announces its new state (usePage listens).
      await deps.settings.setSite(host, global ? null : true);
    } catch {
      setProblem('Could not save the setting.');
    }
  }, [deps.settings, host]);

  const tabs: Array<TabSpec<PopupTab>> = [
    { id: 'claims', label: 'Claims', badge: state?.status === 'ready' ? state.claims.length : null },
    { id: 'annotations', label: 'Annotations', badge: state ? pageAnnotations.length : null },
    { id: 'sources', label: 'Sources', badge: library.loaded ? library.sources.length : null },
    { id: 'data', label: 'Import/export' },
  ];

  const pageOnly = (render: (s: NonNullable<typeof state>) => ComponentChildren) =>
    state ? render(state) : <PageUnavailable view={view} />;

  return (
    <div class="popup">
      <Header deps={deps} title={view.phase === 'unavailable' && !title ? 'This page' : title} host={host} onError={onError} />
      {(problem || library.error) && (
        <p class="notice notice--error banner" role="alert" data-testid="storage-error">
          {problem ?? library.error}
          <button type="button" class="link-button" onClick={() => setProblem(null)} hidden={!problem}>
            Dismiss
          </button>
        </p>
      )}
      <Tabs<PopupTab> tabs={tabs} selected={tab} onSelect={(id) => setTab(id)} label="ClaimLens views">
        {tab === 'claims' &&
          pageOnly((s) => (
            <ClaimsTab
              deps={deps}
              state={s}
              annotations={pageAnnotations}
              sources={library.sources}
              notify={notify}
              onTurnOnSite={host ? () => void turnOnSite() : undefined}
              offEverywhere={offEverywhere}
            />
          ))}
        {tab === 'annotations' &&
          pageOnly((s) => (
            <AnnotationsTab deps={deps} state={s} annotations={pageAnnotations} sources={library.sources} notify={notify} />
          ))}
        {tab === 'sources' && (
          <SourcesTab
            deps={deps}
            annotations={library.annotations}
            sources={library.sources}
            page={state ? { source: state.source, url: state.url, title: state.title } : null}
            notify={notify}
          />
        )}
        {tab === 'data' && (
          <DataTab
            deps={deps}
            annotations={library.annotations}
            sources={library.sources}
            pageSource={state?.source ?? ''}
            corrupt={library.corrupt}
            notify={notify}
          />
        )}
      </Tabs>
      <Toast toast={toast} onDismiss={dismiss} />
    </div>
  );
}

function PageUnavailable({ view }: { view: PageView }) {
  if (view.phase === 'loading') {
    return (
      <EmptyState tone="busy" title="Analysing…">
        {view.attempt > 0 ? 'Waiting for the page to finish loading.' : 'Asking the page what ClaimLens found.'}
      </EmptyState>
    );
  }
  return (
    <EmptyState title="ClaimLens can't run on this page">
      Browsers don't let extensions read their own pages, web stores, PDF viewers or local files. Your sources and
      exports are still available in the other tabs.
    </EmptyState>
  );
}
