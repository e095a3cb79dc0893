import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { highlightSettings, normaliseHostname } from '../../core/settings';
import { highlightsOnFor } from '../../features/highlight-switch';

// Written through the popup's versioned item, read as the content script reads them (highlight-switch.ts).
describe('highlightSettings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is on everywhere by default', async () => {
    expect(await highlightSettings.getState('news.example')).toEqual({ global: true, site: null });
    expect(await highlightsOnFor('news.example')).toBe(true);
  });

  it('a site override wins over the global switch, both ways', async () => {
    await highlightSettings.setSite('off.example', false);
    expect(await highlightsOnFor('off.example')).toBe(false);
    expect(await highlightsOnFor('other.example')).toBe(true);

    await highlightSettings.setGlobal(false);
    await highlightSettings.setSite('on.example', true);
    expect(await highlightsOnFor('on.example')).toBe(true);
    expect(await highlightsOnFor('other.example')).toBe(false);
    expect(await highlightSettings.getState('on.example')).toEqual({ global: false, site: true });
  });

  it('null removes the override so the site follows the global switch again', async () => {
    await highlightSettings.setSite('news.example', false);
    await highlightSettings.setSite('news.example', null);
    expect(await highlightSettings.getState('news.example')).toEqual({ global: true, site: null });
  });

  it('treats www., case and a trailing dot as the same site', async () => {
    expect(normaliseHostname('WWW.News.Example.')).toBe('news.example');
    await highlightSettings.setSite('www.news.example', false);
    expect(await highlightsOnFor('NEWS.example')).toBe(false);
  });

  it('toggleGlobal flips and returns the new state', async () => {
    expect(await highlightSettings.toggleGlobal()).toBe(false);
    expect(await highlightsOnFor('a.example')).toBe(false);
    expect(await highlightSettings.toggleGlobal()).toBe(true);
  });

  it('stores in browser.storage.local, keeping overrides across toggles', async () => {
    await highlightSettings.setSite('a.example', false);
    await highlightSettings.toggleGlobal();
    const raw = await fakeBrowser.storage.local.get('claimlens:highlightSettings');
    expect(raw['claimlens:highlightSettings']).toEqual({ global: false, sites: { 'a.example': false } });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('survives a malformed stored value', async () => {
    await fakeBrowser.storage.local.set({
      'claimlens:highlightSettings': { global: 'yes', sites: { 'a.example': 'no', 'b.example': false } },
    });
    expect(await highlightSettings.getState('a.example')).toEqual({ global: true, site: null });
    expect(await highlightsOnFor('b.example')).toBe(false);
  });

  it('notifies watchers of changes and stops after unwatch', async () => {
    let calls = 0;
    const unwatch = highlightSettings.watch(() => calls++);
    await highlightSettings.setGlobal(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBeGreaterThan(0);
    const before = calls;
    unwatch();
    await highlightSettings.setGlobal(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(before);
  });
});
