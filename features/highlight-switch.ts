/**
 * Whether highlights are on for this page, read straight from storage.local with the plain
 * extension API: the content script runs on every page, and the storage library that the writers of
 * the settings use (core/settings.ts: a versioned item) would add 3.5 KB gzipped to it for one read
 * and one listener.
 */
import { browser } from 'wxt/browser';
import { HIGHLIGHT_SETTINGS_KEY, highlightStateOf, highlightsOn } from '../core/settings-value';

export async function highlightsOnFor(hostname: string): Promise<boolean> {
  const stored = await browser.storage.local.get(HIGHLIGHT_SETTINGS_KEY);
  return highlightsOn(highlightStateOf(stored[HIGHLIGHT_SETTINGS_KEY], hostname));
}

/** Calls back when the highlight settings change, from any extension context. Returns unsubscribe. */
export function watchHighlightSettings(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && HIGHLIGHT_SETTINGS_KEY in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
