/**
 * Changes to storage.local seen from the content script, with the plain extension API (the storage
 * library stays out of the content script: see highlight-switch.ts).
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
