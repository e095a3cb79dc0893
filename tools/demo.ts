/**
 * `npm run demo`: the built extension in headless Chromium on the bundled seed page (a news article
 * with decoy numbers and quotes around it). Prints the claims ClaimLens found and writes screenshots
 * (highlighted page, open card, popup, the page in a dark theme) to docs/screenshots/.
 *
 * Everything is served from 127.0.0.1; every other request is blocked.
 */
import { launchChromium } from '../tests/e2e/harness/chromium';
import { darkVariant, readFixture, SEED_PAGE, startFixtureServer } from '../tests/e2e/harness/fixtures';
import { collectMarks, hoverMark, waitForCard, waitForStatus } from '../tests/e2e/harness/probes';
import { screenshotPath } from '../tests/e2e/harness/screenshots';
import { formatClaims } from './demo-format';

async function main(): Promise<void> {
  const server = await startFixtureServer();
  const session = await launchChromium({ offline: true });
  try {
    const page = await session.newPage(server.url(SEED_PAGE));
    const tabId = await session.tabIdOf(page);
    const state = await waitForStatus(session, tabId, ['ready', 'no-article', 'error', 'disabled', 'too-large']);
    console.log(`ClaimLens on ${state.url}`);
    console.log(`status: ${state.status}${state.error ? ` (${state.error})` : ''}`);
    if (state.status !== 'ready') throw new Error(`expected the seed page to be analysed, got "${state.status}"`);
    console.log(`${state.claims.length} claims, pipeline ${state.timings?.total.toFixed(1) ?? '?'} ms\n`);
    console.log(formatClaims(state.claims));

    const written: string[] = [];
    const shot = async (target: { screenshot(file: string): Promise<void> }, name: string): Promise<void> => {
      const file = screenshotPath('demo', name);
      await target.screenshot(file);
      written.push(file);
    };
    await shot(page, 'highlighted-page');

    const statistic = state.claims.find((claim) => claim.kinds.includes('statistic')) ?? state.claims[0];
    if (statistic) {
      await hoverMark(page, statistic.id);
      await waitForCard(session, tabId, (card) => card.open && card.spanId === statistic.id, 'the card to open');
      await shot(page, 'card-open');
    }

    const popup = await session.openPopup(tabId);
    await popup.waitFor(
      // The site switch is enabled once the popup has read the settings: then everything is drawn.
      () => document.querySelector('[data-testid="claim-row"]') !== null && document.querySelector('[data-testid="switch-site"]:not([disabled])') !== null,
      null,
      'the popup claims and switches',
    );
    await shot(popup, 'popup');

    server.setPage('/e2e/dark-news.html', darkVariant(readFixture(SEED_PAGE)));
    const dark = await session.newPage(server.url('/e2e/dark-news.html'));
    await waitForStatus(session, await session.tabIdOf(dark), ['ready']);
    await shot(dark, 'dark-page');

    const marks = await page.evaluate(collectMarks, { regions: [] });
    console.log(`\n${marks.length} highlighted claims on the page.`);
    console.log(`Screenshots:\n${written.map((file) => `  ${file}`).join('\n')}`);
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
