/**
 * The stored shape of the highlight settings and how to read it, without the storage library: the
 * content script reads the value straight from storage.local (features/highlight-switch.ts) and so
 * does not carry @wxt-dev/storage on every page; the writers (popup, background) go through the
 * versioned item of core/settings.ts.
 */

export interface HighlightSettingsValue {
  global: boolean;
  /** Normalised hostname → on/off. A missing key means "follow the global switch". */
  sites: Record<string, boolean>;
}

export interface HighlightState {
  global: boolean;
  site: boolean | null;
}

/** The storage.local key of the value (the item of core/settings.ts adds the `local:` area). */
export const HIGHLIGHT_SETTINGS_KEY = 'claimlens:highlightSettings';

export const DEFAULT_HIGHLIGHT_SETTINGS: HighlightSettingsValue = { global: true, sites: {} };

/**
 * "www.example.com", "Example.com." and "example.com" are the same site to a reader, so they share
 * one override.
 */
export function normaliseHostname(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** Values written by older builds or by hand may be partial or malformed: never trust the shape. */
export function sanitiseHighlightSettings(value: unknown): HighlightSettingsValue {
  const defaults = DEFAULT_HIGHLIGHT_SETTINGS;
  if (!value || typeof value !== 'object') return { global: defaults.global, sites: {} };
  const record = value as { global?: unknown; sites?: unknown };
  const sites: Record<string, boolean> = {};
  if (record.sites && typeof record.sites === 'object') {
    for (const [host, on] of Object.entries(record.sites as Record<string, unknown>)) {
      if (typeof on === 'boolean' && host) sites[host] = on;
    }
  }
  return { global: typeof record.global === 'boolean' ? record.global : defaults.global, sites };
}

/** The switch and the site's override, for a stored value as it is (sanitised here). */
export function highlightStateOf(stored: unknown, hostname: string): HighlightState {
  const value = sanitiseHighlightSettings(stored);
  const site = value.sites[normaliseHostname(hostname)];
  return { global: value.global, site: site ?? null };
}

/** A site override wins over the global switch. */
export const highlightsOn = ({ global, site }: HighlightState): boolean => site ?? global;
