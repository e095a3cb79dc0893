import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describedTab } from '../../entrypoints/popup/deps';

describe('describedTab', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('describes the tab named by ?tab=<id> (the popup opened as a normal tab)', async () => {
    const article = await fakeBrowser.tabs.create({ url: 'https://news.example/a', active: false });
    await fakeBrowser.tabs.create({ url: 'chrome-extension://id/popup.html', active: true });
    const tab = await describedTab(`?tab=${article.id}`);
    expect(tab).toMatchObject({ id: article.id, url: 'https://news.example/a' });
  });

  it('describes the active tab of the current window without ?tab', async () => {
    const active = await fakeBrowser.tabs.create({ url: 'https://b.example/', active: true });
    // The fake has no current window after reset; the real query is what matters here.
    // (Cast: the typings pick the callback overload of query, which returns void.)
    const query = vi
      .spyOn(browser.tabs, 'query')
      .mockImplementation((() => Promise.resolve([active])) as unknown as typeof browser.tabs.query);
    const tab = await describedTab('');
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(tab).toMatchObject({ id: active.id, url: 'https://b.example/' });
  });

  it('describes nothing for an unknown or malformed tab id', async () => {
    expect((await describedTab('?tab=987654')).id).toBeNull();
    const malformed = await describedTab('?tab=javascript:1');
    expect(malformed.url).not.toContain('javascript');
  });
});
