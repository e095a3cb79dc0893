/**
 * Changes to storage.local, with the plain extension API, so the content script can watch settings
 * and annotation data without carrying the storage library (features/highlight-switch.ts). The
 * annotation store's watch() uses it too.
 */
import { browser } from 'wxt/browser';

/** Calls back when a change to storage.local touches a key `relevant` accepts. Returns unsubscribe. */
export function watchLocalStorage(relevant: (key: string) => boolean, callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && Object.keys(changes).some(relevant)) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
