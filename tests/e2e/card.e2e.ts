/**
 * The hover card, in Chromium and Firefox: it opens for the mark under the pointer and for the mark
 * reached with the keyboard, and Escape closes it. The card lives in a closed shadow root, so the
 * tests read what it shows through the content script's getCardState message (and screenshots).
 */
import { describe, expect, it } from 'vitest';
import type { CardState, PageState } from '../../core/messaging/protocol';
import type { PageHandle } from './harness';
import { paintedMarks, parseCssColour } from './harness/colours';
import { readFixture, SEED_PAGE, uniqueUrl } from './harness/fixtures';
import { useFixtureBrowser } from './harness/suite';
import { collectMarks, hoverMark, waitForCard, waitForStatus } from './harness/probes';
import { screenshotPath } from './harness/screenshots';
import { BROWSERS } from './harness/session';
import { LAZY_SCRIPTS } from '../../features/lazy/scripts';

type OpenCard = Extract<CardState, { open: true }>;

describe.each(BROWSERS)('%s: hover card', (browserName) => {
  const env = useFixtureBrowser(browserName);

  async function openSeed(): Promise<{ page: PageHandle; tabId: number }> {
    const page = await env.session.newPage(uniqueUrl(env.server, SEED_PAGE));
    const tabId = await env.session.tabIdOf(page);
    await waitForStatus(env.session, tabId, ['ready']);
    return { page, tabId };
  }

  it('opens the card of the claim under the pointer, and closes it when the pointer leaves', async () => {
    const { page, tabId } = await openSeed();
    const marks = await page.evaluate(collectMarks, { regions: [] });
    const statistic = marks.find((mark) => mark.text.includes('25,000 people'));
    expect(statistic).toBeDefined();
    const id = statistic!.id;

    await hoverMark(page, id);
    const card = (await waitForCard(
      env.session,
      tabId,
      (c) => c.open && c.spanId === id && c.drawn,
      'the card of the hovered claim, drawn by the on-demand card interface',
    )) as OpenCard;
    expect(card.claimId).toBe(id);
    expect(card.kinds).toContain('statistic');
    expect(card.quote.replace(/\s+/g, ' ')).toContain('25,000 people');
    await page.screenshot(screenshotPath(browserName, 'card-open'));

    await page.mouseMove(5, 5);
    await waitForCard(env.session, tabId, (c) => !c.open, 'the card to close after the pointer left');
    await page.close();
  });

  it('opens with the keyboard: Tab onto a claim, Enter opens its card, Escape closes it and returns focus', async () => {
    const { page, tabId } = await openSeed();
    // Start from the last link before the article body; the next Tab stop is its first claim.
    const firstClaimId = await page.evaluate(() => {
      (document.querySelector('.share a:last-of-type') as HTMLElement).focus();
      const first = document.querySelector('.news-detail claimlens-mark[tabindex="0"]');
      return first?.getAttribute('data-claimlens-id') ?? null;
    }, null);
    expect(firstClaimId).not.toBeNull();

    await page.press('Tab');
    const focused = await page.evaluate(
      () => document.activeElement?.closest('claimlens-mark')?.getAttribute('data-claimlens-id') ?? null,
      null,
    );
    expect(focused).toBe(firstClaimId);
    // Focus shows the card, like a tooltip.
    await waitForCard(env.session, tabId, (c) => c.open && c.spanId === firstClaimId, 'the card of the focused claim');

    await page.press('Enter');
    const card = (await waitForCard(
      env.session,
      tabId,
      (c) => c.open && c.spanId === firstClaimId,
      'the card of the focused claim after Enter',
    )) as OpenCard;
    expect(card.kinds.length).toBeGreaterThan(0);

    await page.press('Escape');
    await waitForCard(env.session, tabId, (c) => !c.open, 'Escape to close the card');
    const focusAfter = await page.evaluate(
      () => document.activeElement?.closest('claimlens-mark')?.getAttribute('data-claimlens-id') ?? null,
      null,
    );
    expect(focusAfter).toBe(firstClaimId);
    await page.close();
  });

  it('paints the highlights and draws the card on a page whose Content-Security-Policy allows no scripts or styles of its own', async () => {
    // The highlights' styles come with the content script and the card's interface loads from the
    // extension's own files on demand: a page's CSP must stop neither.
    const csp = "default-src 'none'; img-src 'self'";
    env.server.setPage('/e2e/strict-csp.html', readFixture(SEED_PAGE), undefined, { 'content-security-policy': csp });
    const page = await env.session.newPage(uniqueUrl(env.server, '/e2e/strict-csp.html'));
    const tabId = await env.session.tabIdOf(page);
    const state = await waitForStatus(env.session, tabId, ['ready']);
    // Before any hover (which changes a mark's background): every mark paints a tint of its own.
    const painted = await page.evaluate(paintedMarks, { limit: 20 });
    expect(painted.length).toBeGreaterThan(0);
    for (const mark of painted) expect(parseCssColour(mark.backgrounds[0] ?? '').a).toBeGreaterThan(0);
    const marks = await page.evaluate(collectMarks, { regions: [] });
    const statistic = marks.find((mark) => mark.text.includes('25,000 people'));
    expect(statistic).toBeDefined();
    await hoverMark(page, statistic!.id);
    await waitForCard(env.session, tabId, (c) => c.open && c.spanId === statistic!.id && c.drawn, 'the card, drawn under a strict CSP');
    const after = await env.session.sendToTab<PageState>(tabId, 'getPageState');
    expect(after.error).toBeUndefined();
    expect(state.claims.length).toBeGreaterThan(3);
    await page.close();
  });

  // Chromium only: its manifest entry has use_dynamic_url (Firefox's extension URLs are random per
  // install), so the test exists only in the Chromium pass. That the content script itself still
  // loads the scripts is the first test's card, "drawn by the on-demand card interface".
  if (browserName === 'chromium') {
    it('a page cannot fetch the on-demand scripts at the extension’s fixed address (use_dynamic_url)', async () => {
      const { page } = await openSeed();
      const reachable = await page.evaluate(async (urls: string[]) => {
        const results: boolean[] = [];
        for (const url of urls) {
          try {
            results.push((await fetch(url)).ok);
          } catch {
            results.push(false);
          }
        }
        return results;
      }, LAZY_SCRIPTS.map((file) => `${env.session.extensionOrigin}${file}`));
      expect(reachable).toEqual(LAZY_SCRIPTS.map(() => false));
      await page.close();
    });
  }
});
