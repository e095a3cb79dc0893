/**
 * The built extension on real pages, in Chromium and Firefox: which text it highlights, that the
 * page's text and behaviour stay intact, and that it stays quiet where there is no article.
 */
import { describe, expect, it } from 'vitest';
import type { PageState } from '../../core/messaging/protocol';
import { contrastRatio, effectiveBackground, paintedMarks, parseCssColour } from './harness/colours';
import {
  HOME_PAGE,
  SEED_PAGE,
  SPA_PAGE,
  darkVariant,
  readFixture,
  uniqueUrl,
} from './harness/fixtures';
import { useFixtureBrowser } from './harness/suite';
import { bodyInnerText, clearExtensionStorage, collectMarks, countMarks, hoverMark, waitForCard, waitForStatus } from './harness/probes';
import { screenshotPath } from './harness/screenshots';
import { BROWSERS, pollUntil } from './harness/session';

/** Parts of seed-news.html around the article, each holding numbers and quotes as decoys. */
const DECOY_REGIONS = [
  '.topbar',
  'header',
  '.ticker',
  '.breadcrumbs',
  '.byline',
  '.share',
  '.tags',
  '.related',
  '.comments',
  '.sidebar',
  'footer',
];
const ARTICLE_REGIONS = ['.news-detail', 'h1'];

/** Claims of the seed article a reader expects, with a kind each must carry (see the seed README). */
const EXPECTED_KINDS = [
  { text: '25,000 people', kind: 'statistic' },
  { text: 'World Health Organization as "deplorable"', kind: 'attribution' },
  { text: 'We believe that the illegal presence', kind: 'quote' },
  { text: 'Moscow was expecting a decision', kind: 'reported-speech' },
  { text: 'in December 2018', kind: 'date-event' },
  { text: 'illegal presence', kind: 'characterization' },
] as const;

describe.each(BROWSERS)('%s: highlights on real pages', (browserName) => {
  const env = useFixtureBrowser(browserName);

  it('highlights claims in the article body only, never in nav, ticker, sidebar, related, comments or footer', async () => {
    const page = await env.session.newPage(uniqueUrl(env.server, SEED_PAGE));
    const tabId = await env.session.tabIdOf(page);
    const state = await waitForStatus(env.session, tabId, ['ready']);
    const marks = await page.evaluate(collectMarks, { regions: [...DECOY_REGIONS, ...ARTICLE_REGIONS] });

    expect(marks.length).toBeGreaterThanOrEqual(6);
    for (const mark of marks) {
      const inDecoys = DECOY_REGIONS.filter((region) => (mark.regions[region] ?? 0) > 0);
      expect(inDecoys, `"${mark.text}" is highlighted outside the article`).toEqual([]);
      const inArticle = ARTICLE_REGIONS.reduce((sum, region) => sum + (mark.regions[region] ?? 0), 0);
      expect(inArticle, `"${mark.text}" lies in the article`).toBe(mark.pieces);
    }
    // What is highlighted is what the content script reports.
    expect(new Set(marks.map((mark) => mark.id))).toEqual(new Set(state.claims.map((claim) => claim.id)));
    await page.screenshot(screenshotPath(browserName, 'highlighted-page'));
    await page.close();
  });

  it('gives the seed claims their kinds and speakers', async () => {
    const page = await env.session.newPage(uniqueUrl(env.server, SEED_PAGE));
    const tabId = await env.session.tabIdOf(page);
    const state = await waitForStatus(env.session, tabId, ['ready']);
    const marks = await page.evaluate(collectMarks, { regions: [] });

    for (const { text, kind } of EXPECTED_KINDS) {
      const holders = marks.filter((mark) => mark.text.includes(text));
      expect(holders.length, `a highlight containing "${text}"`).toBeGreaterThan(0);
      expect(
        holders.flatMap((mark) => mark.kinds),
        `kinds of the highlights containing "${text}"`,
      ).toContain(kind);
    }
    const speakerOf = (text: string): string | undefined =>
      state.claims.find((claim) => claim.text.includes(text))?.speaker;
    expect(speakerOf('We believe that the illegal presence')).toMatch(/Mizintsev/);
    expect(speakerOf('Moscow was expecting a decision')).toMatch(/Putin/);
    await page.close();
  });

  it('leaves the text of the page exactly as it was', async () => {
    const html = readFixture(SEED_PAGE);
    // about:blank is not matched by the content script: this copy of the page stays untouched.
    const pristine = await env.session.newPage();
    await pristine.setContent(html);
    const expected = await pristine.evaluate(bodyInnerText, null);
    expect(await pristine.evaluate(countMarks, null)).toBe(0);
    await pristine.close();

    const page = await env.session.newPage(uniqueUrl(env.server, SEED_PAGE));
    await waitForStatus(env.session, await env.session.tabIdOf(page), ['ready']);
    expect(await page.evaluate(countMarks, null)).toBeGreaterThan(0);
    expect(await page.evaluate(bodyInnerText, null)).toBe(expected);
    await page.close();
  });

  it('keeps highlighted text readable on a dark page', async () => {
    env.server.setPage('/e2e/dark-news.html', darkVariant(readFixture(SEED_PAGE)));
    const page = await env.session.newPage(uniqueUrl(env.server, '/e2e/dark-news.html'));
    await waitForStatus(env.session, await env.session.tabIdOf(page), ['ready']);
    const painted = await page.evaluate(paintedMarks, { limit: 20 });
    expect(painted.length).toBeGreaterThan(0);
    for (const mark of painted) {
      // The highlight CSS is injected: the mark paints a tint of its own.
      expect(parseCssColour(mark.backgrounds[0] ?? '').a).toBeGreaterThan(0);
      expect(contrastRatio(parseCssColour(mark.colour), effectiveBackground(mark))).toBeGreaterThanOrEqual(4.5);
    }
    await page.screenshot(screenshotPath(browserName, 'dark-page'));
    await page.close();
  });

  it('works over corrupt storage: highlights, and a card opens with its library', async () => {
    // What a broken sync, an older build or a hand edit could leave: values of the wrong type under
    // every key the content script reads (settings, annotations, source notes, version-1 data).
    await env.session.inExtension(async () => {
      const g = globalThis as unknown as { browser?: typeof chrome; chrome?: typeof chrome };
      await (g.browser ?? g.chrome)!.storage.local.set({
        'claimlens:highlightSettings': 'garbage',
        'annotation:broken': null,
        'annotation:odd': { target: 42, body: 'x' },
        'source:broken': 'not a note',
        annotations: 'junk',
        sources: { not: 'a list' },
      });
    }, null);
    try {
      const page = await env.session.newPage(uniqueUrl(env.server, SEED_PAGE));
      const tabId = await env.session.tabIdOf(page);
      const state = await waitForStatus(env.session, tabId, ['ready']);
      expect(state.error).toBeUndefined();
      expect(state.claims.length).toBeGreaterThanOrEqual(6);
      expect(await page.evaluate(countMarks, null)).toBeGreaterThanOrEqual(state.claims.length);
      const claim = state.claims[0]!;
      await hoverMark(page, claim.id);
      const card = await waitForCard(env.session, tabId, (c) => c.open && c.drawn, 'the card over corrupt storage');
      expect(card.open && card.claimId).toBe(claim.id);
      // The card read the library from the loaded store while its interface loaded: no error.
      expect((await env.session.sendToTab<PageState>(tabId, 'getPageState')).error).toBeUndefined();
      // The version-1 sources item made the card load the annotation store, which migrated what it
      // could. (Version-1 annotations of other pages, or unreadable ones, do not load it on a page.)
      let version: unknown;
      await pollUntil(
        async () =>
          (version = await env.session.inExtension(async () => {
            const g = globalThis as unknown as { browser?: typeof chrome; chrome?: typeof chrome };
            return (await (g.browser ?? g.chrome)!.storage.local.get('annotationsSchemaVersion')).annotationsSchemaVersion;
          }, null)) === 2,
        () => `the annotation schema at version 2 (found ${String(version)})`,
        5000,
      );
      await page.close();
    } finally {
      await env.session.inExtension(clearExtensionStorage, null);
    }
  });

  it('stays quiet on a page without an article (a home page of teasers)', async () => {
    const page = await env.session.newPage(uniqueUrl(env.server, HOME_PAGE));
    const state = await waitForStatus(env.session, await env.session.tabIdOf(page), ['no-article', 'ready']);
    expect(state.status).toBe('no-article');
    expect(state.claims).toEqual([]);
    expect(await page.evaluate(countMarks, null)).toBe(0);
    await page.close();
  });

  it('keeps a page that re-renders its article working, and highlights the new article text', async () => {
    const html = readFixture(SPA_PAGE);
    const pristine = await env.session.newPage();
    await pristine.setContent(html);
    const storyText = await pristine.evaluate(() => (document.getElementById('story') as HTMLElement).innerText, null);
    await pristine.close();

    // The app re-renders on its own after 1.5 s; "Refresh story" re-renders again on demand.
    const page = await env.session.newPage(uniqueUrl(env.server, SPA_PAGE, { delay: '1500' }));
    const tabId = await env.session.tabIdOf(page);
    const first: PageState = await waitForStatus(env.session, tabId, ['ready']);
    expect(first.claims.length).toBeGreaterThan(0);
    await page.waitFor(() => document.body.dataset.renders === '1', null, 'the app to re-render itself');
    await page.waitFor(() => document.querySelector('claimlens-mark') !== null, null, 'highlights after the first re-render');
    const idsBefore = (await page.evaluate(collectMarks, { regions: [] })).map((mark) => mark.id).sort();

    await page.click('#refresh');
    await page.waitFor(() => document.body.dataset.renders === '2', null, 'the second re-render');
    await page.waitFor(
      (expected) => {
        const ids = new Set<string>();
        for (const mark of Array.from(document.querySelectorAll('claimlens-mark'))) {
          ids.add(mark.getAttribute('data-claimlens-id') ?? '');
        }
        // The same text gives the same claims, with the same ids.
        return JSON.stringify(Array.from(ids).sort()) === JSON.stringify(expected);
      },
      idsBefore,
      'the same highlights to come back after the article was replaced',
    );

    // The page's own behaviour still works and its text is intact.
    for (let i = 0; i < 3; i += 1) await page.click('#counter');
    const after = await page.evaluate(
      () => ({
        counter: document.getElementById('counter')?.textContent,
        renders: document.body.dataset.renders,
        errors: (window as unknown as { __errors: string[] }).__errors,
        story: (document.getElementById('story') as HTMLElement).innerText,
      }),
      null,
    );
    expect(after).toEqual({ counter: 'Useful? 3', renders: '2', errors: [], story: storyText });

    // Highlighting settles: no loop of re-highlighting its own changes.
    const settledCount = await page.evaluate(countMarks, null);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await page.evaluate(countMarks, null)).toBe(settledCount);
    await page.close();
  });
});
