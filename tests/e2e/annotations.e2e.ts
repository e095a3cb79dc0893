/**
 * Annotations over time, in Chromium and Firefox: annotate a selection (as the context menu does),
 * find it again after a reload, carry it through export → clear → import, and follow the page when
 * the site changes its text (re-anchored, or listed as an orphan).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageAnnotation, PageState } from '../../core/messaging/protocol';
import type { PageHandle, PageFunction } from './harness';
import { SEED_PAGE, readFixture, uniqueUrl } from './harness/fixtures';
import { useFixtureBrowser } from './harness/suite';
import { clearExtensionStorage, hoverMark, target, waitForCard, waitForStatus } from './harness/probes';
import { BROWSERS } from './harness/session';

const NOTE = 'The base is a garrison of the coalition; "unauthorized" is the source’s word.';
const SELECTED = 'unauthorized military base at At-Tanf';

/** Selects the first occurrence of `text` inside one text node of the page. */
const selectText: PageFunction<string, boolean> = (text) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node.nodeValue ?? '').indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return true;
  }
  return false;
};

/** What the page shows of its annotations: their marks' verdicts, by annotation id. */
const annotationMarks: PageFunction<null, Record<string, string | null>> = () => {
  const found: Record<string, string | null> = {};
  for (const mark of Array.from(document.querySelectorAll('claimlens-mark[data-claimlens-annotation]'))) {
    found[mark.getAttribute('data-claimlens-annotation') ?? ''] = mark.getAttribute('data-claimlens-verdict');
  }
  return found;
};

/** A copy of the seed page under its own canonical URL (annotations are stored per canonical URL). */
function seedUnder(canonical: string, edit: (html: string) => string = (html) => html): string {
  return edit(readFixture(SEED_PAGE)).replace(
    /<link rel="canonical" href="[^"]*">/,
    `<link rel="canonical" href="${canonical}">`,
  );
}

const sortById = (annotations: PageAnnotation[]): PageAnnotation[] =>
  [...annotations].sort((a, b) => a.annotationId.localeCompare(b.annotationId));

describe.each(BROWSERS)('%s: annotations', (browserName) => {
  const env = useFixtureBrowser(browserName);
  let downloads: string;

  beforeAll(async () => {
    downloads = await mkdtemp(path.join(tmpdir(), 'claimlens-e2e-'));
  });

  afterAll(async () => {
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  async function open(urlPath: string): Promise<{ page: PageHandle; tabId: number; state: PageState }> {
    const page = await env.session.newPage(uniqueUrl(env.server, urlPath));
    const tabId = await env.session.tabIdOf(page);
    return { page, tabId, state: await waitForStatus(env.session, tabId, ['ready']) };
  }

  /** Select text, open the editor as the context menu does, choose "False", write a note, save. */
  async function annotateSelection(page: PageHandle, tabId: number, text: string): Promise<PageAnnotation> {
    expect(await page.evaluate(selectText, text)).toBe(true);
    expect(await env.session.sendToTab<boolean>(tabId, 'annotateSelection')).toBe(true);
    await waitForCard(env.session, tabId, (card) => card.open && card.quote === text, 'the editor for the selection');
    // The editor is in a closed shadow root: work it with the keyboard, as its users can.
    // Focus starts on the first verdict; the verdicts are True, Mostly true, Half true, Misleading, False…
    await page.waitFor(() => document.activeElement?.tagName === 'CLAIMLENS-UI', null, 'focus in the editor');
    for (let i = 0; i < 4; i += 1) await page.press('Tab');
    await page.press('Enter'); // presses the focused verdict button
    await page.press('Tab'); // Unverifiable
    await page.press('Tab'); // Note
    await page.type(NOTE);
    await page.press('Tab'); // Tags
    await page.press('Enter'); // submits the form
    await page.waitFor(() => document.querySelector('claimlens-mark[data-claimlens-annotation]') !== null, null, 'the annotation mark');
    const state = await env.session.sendToTab<PageState>(tabId, 'getPageState');
    const saved = state.annotations.find((a) => a.quote === text);
    expect(saved, `an annotation of "${text}" in ${JSON.stringify(state.annotations)}`).toBeDefined();
    return saved!;
  }

  it('annotates a selection; after a reload the highlight is back with its verdict and note', async () => {
    env.server.setPage('/e2e/selection.html', seedUnder('http://127.0.0.1/e2e/selection-article.html'));
    const { page, tabId } = await open('/e2e/selection.html');
    const annotation = await annotateSelection(page, tabId, SELECTED);
    expect(annotation).toMatchObject({ verdict: 'false', anchored: true, quote: SELECTED });

    await page.reload();
    const state = await waitForStatus(env.session, tabId, ['ready']);
    expect(state.annotations).toEqual([annotation]);
    const marks = await page.evaluate(annotationMarks, null);
    expect(marks[annotation.annotationId]).toBe('false');
    const markedText = await page.evaluate(
      (id) =>
        Array.from(document.querySelectorAll(`claimlens-mark[data-claimlens-annotation="${id}"]`))
          .map((mark) => mark.textContent)
          .join(''),
      annotation.annotationId,
    );
    expect(markedText).toContain(SELECTED);

    const spanId = await page.evaluate(
      (id) => document.querySelector(`claimlens-mark[data-claimlens-annotation="${id}"]`)?.getAttribute('data-claimlens-id') ?? '',
      annotation.annotationId,
    );
    await hoverMark(page, spanId);
    const card = await waitForCard(env.session, tabId, (c) => c.open && c.annotationId === annotation.annotationId, 'the annotation card');
    expect(card).toMatchObject({ verdict: 'false', note: NOTE });
    await page.close();
  });

  it('export → clear → import gives back the same annotations, shown on the page', async () => {
    env.server.setPage('/e2e/export.html', seedUnder('http://127.0.0.1/e2e/export-article.html'));
    const { page, tabId } = await open('/e2e/export.html');
    await annotateSelection(page, tabId, SELECTED);
    const before = sortById((await env.session.sendToTab<PageState>(tabId, 'getPageState')).annotations);
    const marksBefore = await page.evaluate(annotationMarks, null);
    expect(before.length).toBeGreaterThan(0);

    // Export everything from the popup; the download is caught in the popup page.
    const popup = await env.session.openPopup(tabId);
    await popup.evaluate(() => {
      const w = window as unknown as { __downloads: string[] };
      w.__downloads = [];
      document.addEventListener(
        'click',
        (event) => {
          const link = (event.target as Element).closest('a[download]') as HTMLAnchorElement | null;
          if (!link) return;
          event.preventDefault();
          void fetch(link.href)
            .then((response) => response.text())
            .then((text) => w.__downloads.push(text));
        },
        true,
      );
    }, null);
    await popup.click('[data-testid="tab-data"]');
    await popup.click('[data-testid="export-all"]');
    await popup.waitFor(() => (window as unknown as { __downloads: string[] }).__downloads.length > 0, null, 'the export');
    const exported = await popup.evaluate(() => (window as unknown as { __downloads: string[] }).__downloads[0] ?? '', null);
    const collection = JSON.parse(exported) as { type: string; total: number };
    expect(collection.type).toBe('AnnotationCollection');
    // Every annotation of the profile (this page's and the earlier tests'), no source notes.
    expect(collection.total).toBeGreaterThanOrEqual(before.length);
    const file = path.join(downloads, `${browserName}-export.jsonld`);
    await writeFile(file, exported);

    // Clear: a fresh profile has empty extension storage. The page drops the annotation marks.
    await env.session.inExtension(clearExtensionStorage, null);
    await page.waitFor(() => document.querySelector('claimlens-mark[data-claimlens-annotation]') === null, null, 'annotation marks to go');
    expect((await env.session.sendToTab<PageState>(tabId, 'getPageState')).annotations).toEqual([]);

    // Import the file in the popup.
    await popup.reload();
    await popup.click(await target(popup, '[data-testid="tab-data"]'));
    await popup.setInputFile('[data-testid="import-file"]', file);
    await popup.waitFor(() => document.querySelector('[data-testid="import-report"]') !== null, null, 'the import report');
    const added = await popup.evaluate(() => document.querySelector('[data-testid="import-added"]')?.textContent ?? '', null);
    expect(Number(added)).toBe(collection.total);

    await page.waitFor(
      () => document.querySelector('claimlens-mark[data-claimlens-annotation]') !== null,
      null,
      'annotation marks to come back',
    );
    expect(sortById((await env.session.sendToTab<PageState>(tabId, 'getPageState')).annotations)).toEqual(before);
    expect(await page.evaluate(annotationMarks, null)).toEqual(marksBefore);
    await popup.close();
    await page.close();
  });

  it('follows the page when the site edits its text, and lists the annotation as an orphan when its text is gone', async () => {
    const canonical = 'http://127.0.0.1/e2e/versioned-article.html';
    env.server.setPage('/e2e/versioned.html', seedUnder(canonical));
    const { page, tabId } = await open('/e2e/versioned.html');
    const annotation = await annotateSelection(page, tabId, SELECTED);

    // Version 2: a paragraph inserted above, words changed around the annotated text.
    env.server.setPage(
      '/e2e/versioned.html',
      seedUnder(canonical, (html) =>
        html
          .replace('MOSCOW (UrduPoint News', 'UPDATE: This story was updated on Thursday with new figures.<br>\n<br>\nMOSCOW (UrduPoint News')
          .replace('The camp is located in the US-controlled zone', 'The camp lies within the US-controlled area'),
      ),
    );
    await page.reload();
    let state = await waitForStatus(env.session, tabId, ['ready']);
    expect(state.annotations).toEqual([{ ...annotation, anchored: true }]);
    expect((await page.evaluate(annotationMarks, null))[annotation.annotationId]).toBe('false');

    // Version 3: the paragraph with the annotated text is gone.
    env.server.setPage(
      '/e2e/versioned.html',
      seedUnder(canonical, (html) => html.replace(/The Rukban camp houses[\s\S]*?access the area\./, 'The camp was not visited.')),
    );
    await page.reload();
    state = await waitForStatus(env.session, tabId, ['ready']);
    expect(state.annotations).toEqual([{ ...annotation, anchored: false }]);
    expect(await page.evaluate(annotationMarks, null)).toEqual({});

    const popup = await env.session.openPopup(tabId);
    await popup.click(await target(popup, '[data-testid="tab-annotations"]'));
    await popup.waitFor(
      () => document.querySelector('[data-testid="annotation-item"] [data-testid="orphan-badge"]') !== null,
      null,
      'the orphan badge in the popup',
    );
    const quote = await popup.evaluate(() => document.querySelector('[data-testid="annotation-quote"]')?.textContent ?? '', null);
    expect(quote).toContain(SELECTED);
    await popup.close();
    await page.close();
  });
});
