/**
 * The popup with the page it describes, in Chromium and Firefox: it lists the page's claims, reveals
 * one on the page, saves a verdict that the page's marks and card show (also after a reload), and
 * says when a page has no article. The popup is opened as a tab: popup.html?tab=<tab id>.
 */
import { describe, expect, it } from 'vitest';
import type { PageState } from '../../core/messaging/protocol';
import type { PageHandle } from './harness';
import { HOME_PAGE, SEED_PAGE, uniqueUrl } from './harness/fixtures';
import { useFixtureBrowser } from './harness/suite';
import { collectMarks, hoverMark, target, waitForCard, waitForStatus } from './harness/probes';
import { screenshotPath } from './harness/screenshots';
import { BROWSERS } from './harness/session';

interface PopupRow {
  id: string;
  text: string;
  kinds: string[];
  speaker: string | null;
  verdict: string | null;
}

const popupRows = (): PopupRow[] =>
  Array.from(document.querySelectorAll('[data-testid="claim-row"]')).map((row) => ({
    id: row.getAttribute('data-claim-id') ?? '',
    text: row.querySelector('[data-testid="claim-text"]')?.textContent ?? '',
    kinds: Array.from(row.querySelectorAll('[data-testid="claim-kind"]')).map((chip) => chip.getAttribute('data-kind') ?? ''),
    speaker: row.querySelector('[data-testid="claim-speaker"]')?.textContent ?? null,
    verdict: row.querySelector('[data-testid="verdict-badge"]')?.getAttribute('data-verdict') ?? null,
  }));

describe.each(BROWSERS)('%s: popup', (browserName) => {
  const env = useFixtureBrowser(browserName);

  async function openReady(path: string): Promise<{ page: PageHandle; tabId: number; state: PageState }> {
    const page = await env.session.newPage(uniqueUrl(env.server, path));
    const tabId = await env.session.tabIdOf(page);
    const state = await waitForStatus(env.session, tabId, ['ready', 'no-article']);
    return { page, tabId, state };
  }

  it('lists the claims of the page, with kinds and speakers, and reveals one on the page', async () => {
    const { page, tabId, state } = await openReady(SEED_PAGE);
    expect(state.status).toBe('ready');
    const popup = await env.session.openPopup(tabId);
    await popup.waitFor(
      (count) => document.querySelectorAll('[data-testid="claim-row"]').length === count,
      state.claims.length,
      'one row per claim in the popup',
    );
    const rows = await popup.evaluate(popupRows, null);
    expect(rows.map((row) => row.id)).toEqual(state.claims.map((claim) => claim.id));
    for (const [i, claim] of state.claims.entries()) {
      expect(rows[i]?.kinds).toEqual(claim.kinds);
      expect(rows[i]?.text.replace(/\s+/g, ' ').trim()).toBe(claim.text.replace(/\s+/g, ' ').trim());
    }
    expect(rows.find((row) => row.text.includes('We believe that the illegal presence'))?.speaker).toMatch(/Mizintsev/);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="claim-count"]')?.textContent ?? '', null)).toContain(
      String(state.claims.length),
    );
    await popup.screenshot(screenshotPath(browserName, 'popup'));

    // "Show this claim on the page": the page scrolls to it and flashes its marks.
    const last = state.claims[state.claims.length - 1]!;
    await page.evaluate(() => window.scrollTo(0, 0), null);
    await popup.click(`[data-claim-id="${last.id}"] [data-testid="claim-reveal"]`);
    await page.waitFor(
      (id) => document.querySelector(`claimlens-mark[data-claimlens-id="${id}"][data-claimlens-flash]`) !== null,
      last.id,
      'the revealed claim to flash',
    );
    await page.waitFor(() => window.scrollY > 0, null, 'the page to scroll to the revealed claim');
    await popup.close();
    await page.close();
  });

  it('switches highlights off and on for the site; the page and the open popup follow without a reload', async () => {
    const { page, tabId } = await openReady(SEED_PAGE);
    const marksOnPage = (): number => document.querySelectorAll('claimlens-mark').length;
    expect(await page.evaluate(marksOnPage, null)).toBeGreaterThan(0);
    const popup = await env.session.openPopup(tabId);
    await popup.waitFor(() => document.querySelectorAll('[data-testid="claim-row"]').length > 0, null, 'the claims');

    // The switch's checkbox is visually hidden behind its track: click the label, as a person does.
    await popup.click('label:has([data-testid="switch-site"])');
    await page.waitFor(() => document.querySelectorAll('claimlens-mark').length === 0, null, 'the marks to go');
    // The popup is not reopened: the page announces its new state and the popup shows it.
    await popup.waitFor(
      () => document.querySelector('[data-testid="empty-state-message"]')?.textContent === 'Highlights are off for this site',
      null,
      'the popup to say highlights are off here',
    );

    await popup.click('[data-testid="turn-on-site"]');
    await page.waitFor(() => document.querySelectorAll('claimlens-mark').length > 0, null, 'the marks to come back');
    await popup.waitFor(() => document.querySelectorAll('[data-testid="claim-row"]').length > 0, null, 'the claims again');
    await popup.close();
    await page.close();
  });

  it('saves a verdict from the popup; the marks and the card show it, also after a reload', async () => {
    const { page, tabId, state } = await openReady(SEED_PAGE);
    const claim = state.claims.find((c) => c.text.includes('25,000 people'));
    expect(claim).toBeDefined();
    const id = claim!.id;

    const popup = await env.session.openPopup(tabId);
    await popup.click(await target(popup, `[data-claim-id="${id}"] [data-testid="annotate-claim"]`));
    await popup.click(await target(popup, '[data-testid="annotation-form"] .cl-ed-verdict', 'False'));
    await popup.click('[data-testid="annotation-form"] textarea');
    await popup.type('Camp population was about 11,700 per UN figures.');
    await popup.click('[data-testid="annotation-form"] button[type="submit"]');
    await popup.waitFor(
      (claimId) =>
        document
          .querySelector(`[data-claim-id="${claimId}"] [data-testid="verdict-badge"]`)
          ?.getAttribute('data-verdict') === 'false',
      id,
      'the verdict badge in the popup row',
    );

    // The open page follows the store at once.
    await page.waitFor(
      (claimId) =>
        document.querySelector(`claimlens-mark[data-claimlens-id="${claimId}"]`)?.getAttribute('data-claimlens-verdict') ===
        'false',
      id,
      'the claim marks to carry the verdict',
    );

    await page.reload();
    await waitForStatus(env.session, tabId, ['ready']);
    const marks = await page.evaluate(collectMarks, { regions: [] });
    expect(marks.find((mark) => mark.id === id)?.verdict).toBe('false');
    // Only that claim carries a verdict.
    expect(marks.filter((mark) => mark.verdict !== null).map((mark) => mark.id)).toEqual([id]);

    await hoverMark(page, id);
    const card = await waitForCard(env.session, tabId, (c) => c.open && c.spanId === id, 'the card of the assessed claim');
    expect(card).toMatchObject({ open: true, verdict: 'false', note: 'Camp population was about 11,700 per UN figures.' });
    await page.screenshot(screenshotPath(browserName, 'card-with-verdict'));

    // A popup opened afresh shows the saved verdict too.
    await popup.reload();
    await popup.waitFor(
      (claimId) =>
        document
          .querySelector(`[data-claim-id="${claimId}"] [data-testid="verdict-badge"]`)
          ?.getAttribute('data-verdict') === 'false',
      id,
      'the verdict badge after reopening the popup',
    );
    await popup.close();
    await page.close();
  });

  it('says there is no article on a home page of teasers', async () => {
    const { page, tabId, state } = await openReady(HOME_PAGE);
    expect(state.status).toBe('no-article');
    const popup = await env.session.openPopup(tabId);
    // The popup shows "Analysing…" while it asks the page; then the page's answer.
    await popup.waitFor(
      () => /no article/i.test(document.querySelector('[data-testid="empty-state-message"]')?.textContent ?? ''),
      null,
      'the popup to say there is no article',
    );
    expect(await popup.evaluate(() => document.querySelectorAll('[data-testid="claim-row"]').length, null)).toBe(0);
    await popup.close();
    await page.close();
  });
});
