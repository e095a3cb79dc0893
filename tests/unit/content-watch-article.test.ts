import { afterEach, describe, expect, it, vi } from 'vitest';
import { createArticleWatcher } from '../../features/watch-article';
import { buildTextIndex } from '../../core/text/text-index';
import { highlightSpans, removeHighlights } from '../../core/highlight/highlight';

const LONG = 'The minister said on Tuesday that unemployment fell to 4.2 per cent in the third quarter of the year.';

async function settle(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe('createArticleWatcher', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('fires once, debounced, when the page adds a block of text', async () => {
    document.body.innerHTML = '<main></main>';
    const onChange = vi.fn();
    const watcher = createArticleWatcher(document, onChange, { debounceMs: 30, maxWaitMs: 500 });
    stop = watcher.stop;
    watcher.start();
    for (let i = 0; i < 3; i++) {
      const p = document.createElement('p');
      p.textContent = LONG;
      document.querySelector('main')!.appendChild(p);
    }
    await settle(80);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('ignores small changes such as a ticking clock', async () => {
    document.body.innerHTML = '<span id="clock">12:00</span>';
    const onChange = vi.fn();
    const watcher = createArticleWatcher(document, onChange, { debounceMs: 20 });
    stop = watcher.stop;
    watcher.start();
    document.getElementById('clock')!.textContent = '12:01';
    await settle(60);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('ignores ClaimLens marking and unmarking the page inside quietly()', async () => {
    document.body.innerHTML = `<article><p>${LONG}</p><p>${LONG}</p></article>`;
    const onChange = vi.fn();
    const watcher = createArticleWatcher(document, onChange, { debounceMs: 20 });
    stop = watcher.stop;
    watcher.start();
    watcher.quietly(() => {
      const index = buildTextIndex(document.body);
      highlightSpans(index, [{ id: 'a', start: 0, end: index.text.length, kinds: ['statistic'] }]);
    });
    await settle(60);
    watcher.quietly(() => removeHighlights(document.body));
    await settle(60);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('stays deaf through a quiet change made inside another, and hears the page again after', async () => {
    document.body.innerHTML = `<article><p>${LONG}</p></article>`;
    const onChange = vi.fn();
    const watcher = createArticleWatcher(document, onChange, { debounceMs: 20 });
    stop = watcher.stop;
    watcher.start();
    watcher.quietly(() => {
      watcher.quietly(() => document.querySelector('article')!.append(document.createElement('p')));
      // After the inner change: still ClaimLens's own.
      const p = document.createElement('p');
      p.textContent = LONG;
      document.querySelector('article')!.append(p);
    });
    await settle(60);
    expect(onChange).not.toHaveBeenCalled();
    const p = document.createElement('p');
    p.textContent = LONG;
    document.querySelector('article')!.append(p);
    await settle(60);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('fires when the page replaces DOM that held marks', async () => {
    document.body.innerHTML = `<article><p>short claim</p></article>`;
    const onChange = vi.fn();
    const watcher = createArticleWatcher(document, onChange, { debounceMs: 20 });
    stop = watcher.stop;
    watcher.start();
    watcher.quietly(() => {
      const index = buildTextIndex(document.body);
      highlightSpans(index, [{ id: 'a', start: 0, end: 5, kinds: [] }]);
    });
    document.querySelector('article')!.innerHTML = '<p>short claim</p>';
    await settle(60);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('fires at most once per minimum interval on a page that never stops changing', async () => {
    document.body.innerHTML = '<main></main>';
    const onChange = vi.fn();
    const watcher = createArticleWatcher(document, onChange, { debounceMs: 10, maxWaitMs: 20, minIntervalMs: 200 });
    stop = watcher.stop;
    watcher.start();
    const main = document.querySelector('main')!;
    const started = Date.now();
    while (Date.now() - started < 500) {
      const p = document.createElement('p');
      p.textContent = LONG;
      main.appendChild(p);
      await settle(15);
    }
    await settle(250);
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(onChange.mock.calls.length).toBeLessThanOrEqual(5); // ~765 ms at one per 200 ms
  });

  it('does not fire after stop()', async () => {
    document.body.innerHTML = '<main></main>';
    const onChange = vi.fn();
    const watcher = createArticleWatcher(document, onChange, { debounceMs: 20 });
    watcher.start();
    watcher.stop();
    const p = document.createElement('p');
    p.textContent = LONG;
    document.querySelector('main')!.appendChild(p);
    await settle(60);
    expect(onChange).not.toHaveBeenCalled();
  });
});
