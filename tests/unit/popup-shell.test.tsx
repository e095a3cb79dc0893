import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../components/popup/Popup';
import { createAnnotationStore } from '../../core/annotations/store';
import type { PageState } from '../../core/messaging/protocol';
import {
  allByTestId,
  byTestId,
  claim,
  click,
  fakePage,
  fakeSettings,
  makeDeps,
  mount,
  pageState,
  settle,
  unmount,
} from './popup-helpers';

const NO_RETRIES: readonly number[] = [];

describe('Popup', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => unmount());

  it.each([
    'chrome://extensions/',
    'about:addons',
    'file:///home/me/report.pdf',
    'chrome-extension://abcdefgh/popup.html',
    'view-source:https://news.example/',
  ])('says ClaimLens cannot run on %s without asking the page', async (url) => {
    const page = fakePage(pageState());
    const getPageState = vi.spyOn(page, 'getPageState');
    const root = await mount(<Popup deps={makeDeps({ tab: { id: 3, url, title: 'Extensions' }, page })} retryDelays={NO_RETRIES} />);
    expect(byTestId(root, 'empty-state-message')?.textContent).toBe("ClaimLens can't run on this page");
    expect(getPageState).not.toHaveBeenCalled();
    expect((byTestId(root, 'switch-site') as HTMLInputElement).disabled).toBe(true);
  });

  it('says ClaimLens cannot run when the content script never answers (web store, PDF viewer)', async () => {
    const page = fakePage(new Error('Could not establish connection. Receiving end does not exist.'));
    const getPageState = vi.spyOn(page, 'getPageState');
    const root = await mount(
      <Popup deps={makeDeps({ tab: { id: 3, url: 'https://chromewebstore.google.com/detail/x', title: 'Store' }, page })} retryDelays={[0, 0]} />,
    );
    await settle();
    expect(byTestId(root, 'empty-state-message')?.textContent).toBe("ClaimLens can't run on this page");
    expect(getPageState).toHaveBeenCalledTimes(3);
  });

  it('keeps asking a page that is still loading, showing "Analysing…" meanwhile', async () => {
    const page = fakePage(new Error('Receiving end does not exist.'));
    const root = await mount(<Popup deps={makeDeps({ page })} retryDelays={[40, 40, 40]} />);
    expect(byTestId(root, 'empty-state-message')?.textContent).toBe('Analysing…');
    page.state = pageState({ claims: [claim('c1', 0, 'GDP grew 2%.', 0.8)] });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 120));
    });
    await settle();
    expect(allByTestId(root, 'claim-row')).toHaveLength(1);
  });

  it('shows "Analysing…", then the claims when the page announces it is done (no polling)', async () => {
    const page = fakePage(pageState({ status: 'analysing' }));
    let asked = 0;
    const getPageState = page.getPageState;
    page.getPageState = () => {
      asked++;
      return getPageState();
    };
    const root = await mount(<Popup deps={makeDeps({ page })} retryDelays={NO_RETRIES} />);
    expect(byTestId(root, 'empty-state-message')?.textContent).toBe('Analysing…');
    await settle();
    const askedAfterOpening = asked;
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    });
    expect(asked).toBe(askedAfterOpening);
    expect(byTestId(root, 'empty-state-message')?.textContent).toBe('Analysing…');
    await act(async () => {
      page.announce(pageState({ claims: [claim('c1', 0, 'GDP grew 2%.', 0.8)] }));
    });
    await settle();
    expect(allByTestId(root, 'claim-row')).toHaveLength(1);
    expect(byTestId(root, 'tab-claims')?.textContent).toContain('1');
  });

  it('shows the page title and host, and the toggle-highlights shortcut', async () => {
    const state: PageState = pageState({ title: 'Budget <b>row</b> deepens', url: 'https://www.news.example/a' });
    const root = await mount(<Popup deps={makeDeps({ page: fakePage(state) })} retryDelays={NO_RETRIES} />);
    expect(byTestId(root, 'page-title')?.textContent).toBe('Budget <b>row</b> deepens');
    expect(byTestId(root, 'page-title')?.querySelector('b')).toBeNull();
    expect(byTestId(root, 'page-host')?.textContent).toBe('www.news.example');
    expect(byTestId(root, 'toggle-shortcut')?.textContent).toBe('Alt+Shift+H');
  });

  it('turns highlights off for the site and everywhere through the settings', async () => {
    const settings = fakeSettings();
    const root = await mount(<Popup deps={makeDeps({ settings })} retryDelays={NO_RETRIES} />);
    const site = byTestId(root, 'switch-site') as HTMLInputElement;
    const global = byTestId(root, 'switch-global') as HTMLInputElement;
    expect(site.checked).toBe(true);
    expect(site.getAttribute('role')).toBe('switch');

    await click(site);
    expect(settings.value.sites).toEqual({ 'news.example': false });
    expect(site.checked).toBe(false);

    await click(global);
    expect(settings.value.global).toBe(false);
    // Now the site matches the global switch: its override is dropped, it follows "everywhere".
    await click(site);
    expect(settings.value.sites).toEqual({ 'news.example': true });
    expect(site.checked).toBe(true);
    await click(site);
    expect(settings.value.sites).toEqual({});
  });

  it('offers to turn highlights back on when the page says they are off', async () => {
    const settings = fakeSettings({ global: true, sites: { 'news.example': false } });
    const root = await mount(
      <Popup deps={makeDeps({ settings, page: fakePage(pageState({ status: 'disabled' })) })} retryDelays={NO_RETRIES} />,
    );
    expect(byTestId(root, 'empty-state-message')?.textContent).toBe('Highlights are off for this site');
    await click(byTestId(root, 'turn-on-site'));
    expect(settings.value.sites).toEqual({});
  });

  it('says when highlights are off everywhere and turns them on for this site only', async () => {
    const settings = fakeSettings({ global: false, sites: {} });
    const root = await mount(
      <Popup deps={makeDeps({ settings, page: fakePage(pageState({ status: 'disabled' })) })} retryDelays={NO_RETRIES} />,
    );
    expect(byTestId(root, 'empty-state')?.textContent).toContain('They are off everywhere');
    await click(byTestId(root, 'turn-on-site'));
    expect(settings.value).toEqual({ global: false, sites: { 'news.example': true } });
  });

  it('moves between tabs with the arrow keys (roving tabindex)', async () => {
    const root = await mount(<Popup deps={makeDeps()} retryDelays={NO_RETRIES} />);
    const claims = byTestId(root, 'tab-claims')!;
    expect(claims.getAttribute('aria-selected')).toBe('true');
    expect(claims.tabIndex).toBe(0);
    expect(byTestId(root, 'tab-sources')!.tabIndex).toBe(-1);

    await act(async () => {
      claims.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(byTestId(root, 'tab-annotations')?.getAttribute('aria-selected')).toBe('true');
    expect(byTestId(root, 'panel-annotations')).not.toBeNull();
    await act(async () => {
      byTestId(root, 'tab-annotations')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    });
    expect(byTestId(root, 'tab-data')?.getAttribute('aria-selected')).toBe('true');
    await act(async () => {
      byTestId(root, 'tab-data')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(byTestId(root, 'tab-claims')?.getAttribute('aria-selected')).toBe('true');
  });

  it('shows storage errors plainly', async () => {
    const store = createAnnotationStore();
    vi.spyOn(store, 'listAnnotations').mockRejectedValue(new Error('IO error: disk unavailable'));
    const root = await mount(<Popup deps={makeDeps({ store })} retryDelays={NO_RETRIES} />);
    expect(byTestId(root, 'storage-error')?.textContent).toContain('Could not read your notes from browser storage: IO error: disk unavailable');
  });

  it('still offers sources and import/export where it cannot run', async () => {
    const root = await mount(
      <Popup deps={makeDeps({ tab: { id: 3, url: 'chrome://newtab/', title: 'New tab' } })} retryDelays={NO_RETRIES} />,
    );
    await click(byTestId(root, 'tab-sources'));
    expect(byTestId(root, 'new-source')).not.toBeNull();
    expect((byTestId(root, 'save-page-source') as HTMLButtonElement).disabled).toBe(true);
    await click(byTestId(root, 'tab-data'));
    expect(byTestId(root, 'import-file')).not.toBeNull();
  });
});
