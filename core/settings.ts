/**
 * Where ClaimLens highlights claims: one global switch plus per-site overrides. Kept in
 * `browser.storage.local` (never synced: the list of sites a reader visits stays on their machine).
 *
 * A site override wins over the global switch, so a reader can turn highlights off everywhere but
 * keep them on a site they are checking, or the reverse. `null` means "follow the global switch".
 */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_HIGHLIGHT_SETTINGS, HIGHLIGHT_SETTINGS_KEY, highlightStateOf, normaliseHostname, sanitiseHighlightSettings,
  type HighlightSettingsValue, type HighlightState,
} from './settings-value';

export { normaliseHostname, type HighlightSettingsValue, type HighlightState };

/**
 * Version 1 is the first stored shape. Bump it with a migration when the shape changes so that a
 * reader's overrides survive an update, and teach sanitiseHighlightSettings the new shape: the
 * content script reads the stored value through it (features/highlight-switch.ts).
 */
export const highlightSettingsItem = storage.defineItem<HighlightSettingsValue>(
  `local:${HIGHLIGHT_SETTINGS_KEY}`,
  { fallback: DEFAULT_HIGHLIGHT_SETTINGS, version: 1 },
);

async function read(): Promise<HighlightSettingsValue> {
  return sanitiseHighlightSettings(await highlightSettingsItem.getValue());
}

export const highlightSettings = {
  async getState(hostname: string): Promise<HighlightState> {
    return highlightStateOf(await highlightSettingsItem.getValue(), hostname);
  },

  async setGlobal(on: boolean): Promise<void> {
    const value = await read();
    await highlightSettingsItem.setValue({ ...value, global: on });
  },

  /** `null` removes the override: the site follows the global switch again. */
  async setSite(hostname: string, on: boolean | null): Promise<void> {
    const host = normaliseHostname(hostname);
    if (!host) return;
    const value = await read();
    const sites = { ...value.sites };
    if (on === null) delete sites[host];
    else sites[host] = on;
    await highlightSettingsItem.setValue({ ...value, sites });
  },

  /** Flips the global switch (the toggle-highlights keyboard command) and returns its new state. */
  async toggleGlobal(): Promise<boolean> {
    const value = await read();
    const next = !value.global;
    await highlightSettingsItem.setValue({ ...value, global: next });
    return next;
  },

  /** Calls back whenever any highlight setting changes, in any extension context. */
  watch(callback: () => void): () => void {
    return highlightSettingsItem.watch(() => callback());
  },
};

export type HighlightSettings = typeof highlightSettings;
