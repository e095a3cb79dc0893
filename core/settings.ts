/**
 * Where ClaimLens highlights claims: one global switch plus per-site overrides. Kept in
 * `browser.storage.local` (never synced: the list of sites a reader visits stays on their machine).
 *
 * A site override wins over the global switch, so a reader can turn highlights off everywhere but
 * keep them on a site they are checking, or the reverse. `null` means "follow the global switch".
 */
import { storage } from 'wxt/utils/storage';

export interface HighlightSettingsValue {
  global: boolean;
  /** Normalised hostname → on/off. A missing key means "follow the global switch". */
  sites: Record<string, boolean>;
}

export interface HighlightState {
  global: boolean;
  site: boolean | null;
}

const DEFAULTS: HighlightSettingsValue = { global: true, sites: {} };

/**
 * Version 1 is the first stored shape. Bump it with a migration when the shape changes so that a
 * reader's overrides survive an update.
 */
export const highlightSettingsItem = storage.defineItem<HighlightSettingsValue>(
  'local:claimlens:highlightSettings',
  { fallback: DEFAULTS, version: 1 },
);

/**
 * "www.example.com", "Example.com." and "example.com" are the same site to a reader, so they share
 * one override.
 */
export function normaliseHostname(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** Values written by older builds or by hand may be partial or malformed: never trust the shape. */
function sanitise(value: unknown): HighlightSettingsValue {
  if (!value || typeof value !== 'object') return { global: DEFAULTS.global, sites: {} };
  const record = value as { global?: unknown; sites?: unknown };
  const sites: Record<string, boolean> = {};
  if (record.sites && typeof record.sites === 'object') {
    for (const [host, on] of Object.entries(record.sites as Record<string, unknown>)) {
      if (typeof on === 'boolean' && host) sites[host] = on;
    }
  }
  return { global: typeof record.global === 'boolean' ? record.global : DEFAULTS.global, sites };
}

async function read(): Promise<HighlightSettingsValue> {
  return sanitise(await highlightSettingsItem.getValue());
}

export const highlightSettings = {
  async getState(hostname: string): Promise<HighlightState> {
    const value = await read();
    const site = value.sites[normaliseHostname(hostname)];
    return { global: value.global, site: site ?? null };
  },

  async isEnabledFor(hostname: string): Promise<boolean> {
    // Not `this.getState`: callers may pass the method around detached from the object.
    const { global, site } = await highlightSettings.getState(hostname);
    return site ?? global;
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
