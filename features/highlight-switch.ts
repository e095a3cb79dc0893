/**
 * Whether highlights are on for this page, read straight from storage.local with the plain
 * extension API: the content script runs on every page, and the storage library that the writers of
 * the settings use (core/settings.ts: a versioned item) would add 3.5 KB gzipped to it for one read
 * and one listener.
 */
import { browser } from 'wxt/browser';
import { HIGHLIGHT_SETTINGS_KEY, highlightStateOf, highlightsOn } from '../core/settings-value';
import { watchLocalStorage } from '../core/local-storage-changes';

export async function highlightsOnFor(hostname: string): Promise<boolean> {
  const stored = await browser.storage.local.get(HIGHLIGHT_SETTINGS_KEY);
  return highlightsOn(highlightStateOf(stored[HIGHLIGHT_SETTINGS_KEY], hostname));
}

/** Calls back when the highlight settings change, from any extension context. Returns unsubscribe. */
export function watchHighlightSettings(callback: () => void): () => void {
  return watchLocalStorage((key) => key === HIGHLIGHT_SETTINGS_KEY, callback);
}
