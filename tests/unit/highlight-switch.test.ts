import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { highlightSettings } from '../../core/settings';
import { HIGHLIGHT_SETTINGS_KEY } from '../../core/settings-value';
import { highlightsOnFor, watchHighlightSettings } from '../../features/highlight-switch';

// The content script's reader of the settings (no storage library) against the writers' API.
describe('highlight switch (content script side)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is on when nothing is stored', async () => {
    expect(await highlightsOnFor('news.example')).toBe(true);
  });

  it('reads what the popup and the keyboard command write: the global switch and site overrides', async () => {
    await highlightSettings.setGlobal(false);
    expect(await highlightsOnFor('news.example')).toBe(false);
    await highlightSettings.setSite('www.News.example', true);
    expect(await highlightsOnFor('news.example')).toBe(true);
    expect(await highlightsOnFor('other.example')).toBe(false);
    await highlightSettings.toggleGlobal();
    await highlightSettings.setSite('news.example', false);
    expect(await highlightsOnFor('other.example')).toBe(true);
    expect(await highlightsOnFor('NEWS.example.')).toBe(false);
  });

  it('reads a corrupt stored value as the defaults, keeping the overrides that are well formed', async () => {
    await fakeBrowser.storage.local.set({ [HIGHLIGHT_SETTINGS_KEY]: 'garbage' });
    expect(await highlightsOnFor('news.example')).toBe(true);
    await fakeBrowser.storage.local.set({ [HIGHLIGHT_SETTINGS_KEY]: { global: 'no', sites: { 'a.example': false, 'b.example': 'off' } } });
    expect(await highlightsOnFor('a.example')).toBe(false);
    expect(await highlightsOnFor('b.example')).toBe(true);
  });

  it('calls back when the settings change, not for other keys or areas, and stops when unsubscribed', async () => {
    const callback = vi.fn();
    const stop = watchHighlightSettings(callback);
    await fakeBrowser.storage.local.set({ 'claimlens:other': 1 });
    await fakeBrowser.storage.sync.set({ [HIGHLIGHT_SETTINGS_KEY]: { global: false, sites: {} } });
    expect(callback).not.toHaveBeenCalled();
    await highlightSettings.setGlobal(false);
    expect(callback).toHaveBeenCalledTimes(1);
    stop();
    await highlightSettings.setGlobal(true);
    expect(callback).toHaveBeenCalledTimes(1);
  });
});
