/**
 * The popup's connections to the browser: which tab it describes, that tab's content script, the
 * store, the settings, the keyboard shortcut and file downloads.
 */
import { browser } from 'wxt/browser';
import { createAnnotationStore } from '../../core/annotations/store';
import { onMessage, sendMessage, type ProtocolMap } from '../../core/messaging/protocol';
import { highlightSettings } from '../../core/settings';
import type { PageClient, PopupDeps, TabInfo } from '../../components/popup/deps';

/** A content script that takes longer than this to answer is treated as absent. */
const MESSAGE_TIMEOUT_MS = 4000;

/**
 * `?tab=<id>` picks the tab to describe (the popup opened as a normal tab, e.g. by end-to-end
 * tests); otherwise the active tab of the current window, as for a toolbar popup.
 */
export async function describedTab(search: string): Promise<TabInfo> {
  const param = new URLSearchParams(search).get('tab');
  const requested = param && /^\d+$/.test(param) ? Number(param) : null;
  try {
    const tab =
      requested !== null
        ? await browser.tabs.get(requested)
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    return { id: tab?.id ?? null, url: tab?.url ?? '', title: tab?.title ?? '' };
  } catch {
    // A closed or unknown tab: nothing to describe.
    return { id: null, url: '', title: '' };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The page did not answer in time.')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function pageClient(tabId: number | null): PageClient {
  const ask = <K extends keyof ProtocolMap>(
    type: K,
    data: Parameters<ProtocolMap[K]>[0],
  ): Promise<ReturnType<ProtocolMap[K]>> => {
    if (tabId === null) return Promise.reject(new Error('No tab to ask.'));
    // The protocol's message types are checked at each call below; the generic plumbing here
    // cannot express "data may be undefined" for every key at once.
    const send = sendMessage as unknown as (t: K, d: unknown, tab: number) => Promise<ReturnType<ProtocolMap[K]>>;
    return withTimeout(send(type, data, tabId), MESSAGE_TIMEOUT_MS);
  };
  return {
    getPageState: () => ask('getPageState', undefined),
    revealClaim: (claimId) => ask('revealClaim', claimId),
    annotationTargetForClaim: (claimId) => ask('annotationTargetForClaim', claimId),
    getSelectedText: () => ask('getSelectedText', undefined),
    onStateChanged: (listener) =>
      onMessage('pageStateChanged', ({ data, sender }) => {
        if (tabId !== null && sender.tab?.id === tabId) listener(data);
      }),
  };
}

async function toggleShortcut(): Promise<string> {
  const commands = await browser.commands.getAll();
  return commands.find((command) => command.name === 'toggle-highlights')?.shortcut ?? '';
}

function download(filename: string, json: unknown): void {
  const blob = new Blob([JSON.stringify(json, null, 2)], { type: 'application/ld+json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; keep the URL a little longer for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Firefox closes a popup when a file chooser opens, so importing needs the popup in a tab. */
async function openInTabIfNeeded(tab: TabInfo): Promise<(() => void) | undefined> {
  if (!import.meta.env.FIREFOX) return undefined;
  const ownTab = await browser.tabs.getCurrent().catch(() => undefined);
  if (ownTab) return undefined;
  return () => {
    const query = tab.id !== null ? `?tab=${tab.id}&view=data` : '?view=data';
    void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html${query}`) });
    window.close();
  };
}

export async function createBrowserDeps(search: string): Promise<PopupDeps> {
  const tab = await describedTab(search);
  return {
    tab,
    page: pageClient(tab.id),
    store: createAnnotationStore(),
    settings: highlightSettings,
    getToggleShortcut: toggleShortcut,
    download,
    openInTab: await openInTabIfNeeded(tab),
  };
}
