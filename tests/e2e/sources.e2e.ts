/**
 * The source-note library, in Chromium and Firefox: write a source in the popup's Sources tab (an
 * unsafe javascript: address is refused), link it to an annotation of a claim from the popup's
 * claim editor, follow the back-link, search the library, and delete a cited source (the popup asks
 * first, then the annotation no longer links it). What the UI shows is checked against what the
 * extension stored.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, SourceNote } from '../../core/annotations/model';
import type { PageState } from '../../core/messaging/protocol';
import type { PageFunction, PageHandle } from './harness';
import { SEED_PAGE, uniqueUrl } from './harness/fixtures';
import { useFixtureBrowser } from './harness/suite';
import { clearExtensionStorage, target, waitForStatus } from './harness/probes';
import { BROWSERS } from './harness/session';

interface SourceDraft {
  title: string;
  url: string;
  publisher: string;
  excerpt: string;
  reliability: string;
}

const UNHCR: SourceDraft = {
  title: 'Rukban camp population update',
  url: 'https://reliefweb.example/report/rukban-2019',
  publisher: 'UNHCR Syria',
  excerpt: 'An estimated 11,700 people remained in the camp in late 2019.',
  reliability: 'Primary UN figures; counts are estimates from aid convoys.',
};

const MINISTRY: SourceDraft = {
  title: 'Ministry statement on refugee returns',
  url: 'http://ministry.example/statements/returns',
  publisher: 'Russian Defence Ministry',
  excerpt: 'Refugees are returning to their homes in large numbers.',
  reliability: 'Party to the conflict; no independent figures.',
};

/** The claim of the seed page the scenarios annotate. */
const CLAIM_TEXT = '25,000 people';

/** What extension storage holds (one key per record: `source:<id>`, `annotation:<id>`). */
const storedRecords: PageFunction<null, { sources: SourceNote[]; annotations: Annotation[] }> = async () => {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome?: typeof chrome };
  const all = (await (g.browser ?? g.chrome)!.storage.local.get(null)) as Record<string, unknown>;
  const pick = <T,>(prefix: string): T[] =>
    Object.entries(all)
      .filter(([key]) => key.startsWith(prefix))
      .map(([, value]) => value as T);
  return { sources: pick<SourceNote>('source:'), annotations: pick<Annotation>('annotation:') };
};

interface ShownSource {
  id: string;
  title: string;
  meta: string;
  excerpt: string;
  reliability: string;
  backlinks: string | null;
}

/** The source cards of the popup's Sources tab, in the order shown. */
const shownSources: PageFunction<null, ShownSource[]> = () =>
  Array.from(document.querySelectorAll('[data-testid="source-item"]')).map((item) => ({
    id: item.getAttribute('data-source-id') ?? '',
    title: item.querySelector('.source__title')?.textContent?.trim() ?? '',
    meta: item.querySelector('.source__meta')?.textContent?.trim() ?? '',
    excerpt: item.querySelector('.source__excerpt')?.textContent?.trim() ?? '',
    reliability: item.querySelector('.source__reliability')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    backlinks: item.querySelector('[data-testid="source-backlinks"] summary')?.textContent?.trim() ?? null,
  }));

const shownTitles = (page: PageHandle): Promise<string[]> =>
  page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="source-item"] .source__title')).map((t) => t.textContent?.trim() ?? ''), null);

describe.each(BROWSERS)('%s: source notes', (browserName) => {
  const env = useFixtureBrowser(browserName);

  // Every scenario starts from an empty library (a fresh profile has empty extension storage).
  beforeEach(async () => {
    await env.session.inExtension(clearExtensionStorage, null);
  });

  async function openSeedWithPopup(): Promise<{ page: PageHandle; tabId: number; state: PageState; popup: PageHandle }> {
    const page = await env.session.newPage(uniqueUrl(env.server, SEED_PAGE));
    const tabId = await env.session.tabIdOf(page);
    const state = await waitForStatus(env.session, tabId, ['ready']);
    const popup = await env.session.openPopup(tabId);
    return { page, tabId, state, popup };
  }

  async function fill(popup: PageHandle, testId: string, text: string): Promise<void> {
    await popup.click(`[data-testid="source-form"] [data-testid="${testId}"]`);
    await popup.type(text);
  }

  /** Sources tab → New source → fill every field (except the date) → Save source. */
  async function writeSource(popup: PageHandle, draft: SourceDraft): Promise<void> {
    await popup.click(await target(popup, '[data-testid="tab-sources"]'));
    await popup.click(await target(popup, '[data-testid="new-source"]'));
    await popup.waitFor(() => document.querySelector('[data-testid="source-form"]') !== null, null, 'the source form');
    await fill(popup, 'source-title', draft.title);
    await fill(popup, 'source-url', draft.url);
    await fill(popup, 'source-publisher', draft.publisher);
    await fill(popup, 'source-excerpt', draft.excerpt);
    await fill(popup, 'source-reliability', draft.reliability);
    await popup.click('[data-testid="save-source"]');
  }

  async function createSource(popup: PageHandle, draft: SourceDraft): Promise<void> {
    await writeSource(popup, draft);
    await target(popup, '[data-testid="source-item"] .source__title', draft.title);
  }

  /** Claims tab → Annotate the claim → verdict False, a note, tick the library source `title` → Save. */
  async function annotateClaimWithSource(popup: PageHandle, claimId: string, title: string): Promise<void> {
    await popup.click(await target(popup, '[data-testid="tab-claims"]'));
    await popup.click(await target(popup, `[data-claim-id="${claimId}"] [data-testid="annotate-claim"]`));
    await popup.click(await target(popup, '[data-testid="annotation-form"] .cl-ed-verdict', 'False'));
    await popup.click('[data-testid="annotation-form"] textarea');
    await popup.type('UN figures put the camp at about 11,700 people.');
    // The editor lists the library as checkboxes labelled with each source's title (and publisher).
    const tag = `source-${Math.random().toString(36).slice(2, 10)}`;
    await popup.waitFor(
      ({ title, tag }) => {
        const label = Array.from(document.querySelectorAll('[data-testid="annotation-form"] .cl-ed-source-list label')).find(
          (element) => (element.textContent ?? '').includes(title),
        );
        label?.querySelector('input[type="checkbox"]')?.setAttribute('data-e2e-target', tag);
        return label !== undefined;
      },
      { title, tag },
      `the source "${title}" in the editor's library`,
    );
    await popup.click(`[data-e2e-target="${tag}"]`);
    expect(await popup.evaluate((t) => (document.querySelector(`[data-e2e-target="${t}"]`) as HTMLInputElement).checked, tag)).toBe(true);
    await popup.click('[data-testid="annotation-form"] button[type="submit"]');
    await popup.waitFor(
      (id) => document.querySelector(`[data-claim-id="${id}"] [data-testid="verdict-badge"]`)?.getAttribute('data-verdict') === 'false',
      claimId,
      'the verdict badge of the annotated claim',
    );
  }

  function claimIdOf(state: PageState): string {
    const claim = state.claims.find((c) => c.text.includes(CLAIM_TEXT));
    expect(claim, `a claim with "${CLAIM_TEXT}" in ${JSON.stringify(state.claims.map((c) => c.text))}`).toBeDefined();
    return claim!.id;
  }

  it('writes a source note in the Sources tab; a javascript: address is refused with a message and nothing is saved', async () => {
    const { page, popup } = await openSeedWithPopup();

    // An unsafe address: the form stays open, says why, and stores nothing.
    await writeSource(popup, { ...UNHCR, url: 'javascript:alert(document.domain)' });
    await popup.waitFor(() => document.querySelector('[data-testid="source-url-error"]') !== null, null, 'the address error');
    const error = await popup.evaluate(() => {
      const element = document.querySelector('[data-testid="source-url-error"]') as HTMLElement;
      const box = element.getBoundingClientRect();
      return {
        text: element.textContent ?? '',
        role: element.getAttribute('role'),
        visible: box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden',
        invalid: document.querySelector('[data-testid="source-url"]')?.getAttribute('aria-invalid'),
      };
    }, null);
    expect(error).toMatchObject({ role: 'alert', visible: true, invalid: 'true' });
    expect(error.text).toMatch(/http:\/\/ or https:\/\//);
    // Give a wrongly accepted save time to land before looking at storage.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await env.session.inExtension(storedRecords, null)).sources).toEqual([]);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="source-form"]') !== null, null)).toBe(true);
    expect(await popup.evaluate(() => document.querySelectorAll('[data-testid="source-item"]').length, null)).toBe(0);

    // Correct the address: the source is saved with every field and listed.
    await popup.evaluate(() => {
      const input = document.querySelector('[data-testid="source-url"]') as HTMLInputElement;
      input.select();
    }, null);
    await popup.type(UNHCR.url);
    await popup.waitFor(() => document.querySelector('[data-testid="source-url-error"]') === null, null, 'the address error to go');
    await popup.click('[data-testid="save-source"]');
    await target(popup, '[data-testid="source-item"] .source__title', UNHCR.title);

    const { sources } = await env.session.inExtension(storedRecords, null);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ type: 'SourceNote', date: '', ...UNHCR });
    const [shown] = await popup.evaluate(shownSources, null);
    expect(shown).toEqual({
      id: sources[0]!.id,
      title: UNHCR.title,
      meta: `${UNHCR.publisher} · reliefweb.example`,
      excerpt: UNHCR.excerpt,
      reliability: `Reliability ${UNHCR.reliability}`,
      backlinks: null,
    });
    // The title links to the source's address.
    expect(
      await popup.evaluate(() => document.querySelector('[data-testid="source-item"] .source__title a')?.getAttribute('href') ?? null, null),
    ).toBe(UNHCR.url);

    await popup.close();
    await page.close();
  });

  it('links a library source to an annotation of a claim: back-link in Sources, title on the annotation; search filters the library', async () => {
    const { page, state, popup } = await openSeedWithPopup();
    const claimId = claimIdOf(state);
    await createSource(popup, UNHCR);
    await createSource(popup, MINISTRY);

    await annotateClaimWithSource(popup, claimId, UNHCR.title);

    // Stored: one annotation of the claim linking exactly the UNHCR source.
    const { sources, annotations } = await env.session.inExtension(storedRecords, null);
    const unhcr = sources.find((s) => s.title === UNHCR.title)!;
    const ministry = sources.find((s) => s.title === MINISTRY.title)!;
    expect(annotations).toHaveLength(1);
    expect(annotations[0]!.body).toMatchObject({ verdict: 'false', sources: [unhcr.id] });

    // Sources tab: the cited source says who uses it, the other one does not.
    await popup.click(await target(popup, '[data-testid="tab-sources"]'));
    await popup.waitFor(
      (id) => document.querySelector(`[data-source-id="${id}"] [data-testid="source-backlinks"]`) !== null,
      unhcr.id,
      'the back-link of the cited source',
    );
    const byId = new Map((await popup.evaluate(shownSources, null)).map((s) => [s.id, s]));
    expect(byId.get(unhcr.id)?.backlinks).toBe('Used by 1 annotation');
    expect(byId.get(ministry.id)?.backlinks).toBeNull();
    // Opening the back-link shows the annotated claim's text.
    await popup.click(`[data-source-id="${unhcr.id}"] [data-testid="source-backlinks"] summary`);
    const backlinkText = await popup.evaluate(
      (id) => (document.querySelector(`[data-source-id="${id}"] [data-testid="source-backlinks"] li`) as HTMLElement | null)?.innerText ?? '',
      unhcr.id,
    );
    expect(backlinkText).toContain(CLAIM_TEXT);

    // Annotations tab: the annotation names its source.
    await popup.click(await target(popup, '[data-testid="tab-annotations"]'));
    await popup.waitFor(() => document.querySelector('[data-testid="annotation-item"]') !== null, null, 'the annotation item');
    const linkedTitles = await popup.evaluate(
      () => Array.from(document.querySelectorAll('[data-testid="annotation-item"] .linked-sources li')).map((li) => li.textContent?.trim() ?? ''),
      null,
    );
    expect(linkedTitles).toEqual([UNHCR.title]);

    // Search: words from the publisher and the excerpt keep only the matching source.
    await popup.click(await target(popup, '[data-testid="tab-sources"]'));
    expect((await shownTitles(popup)).sort()).toEqual([MINISTRY.title, UNHCR.title].sort());
    await popup.click('[data-testid="source-search"]');
    await popup.type('unhcr 11,700');
    await popup.waitFor(() => document.querySelectorAll('[data-testid="source-item"]').length === 1, null, 'the search to filter');
    expect(await shownTitles(popup)).toEqual([UNHCR.title]);
    // And the other way round (reliability note), then a search nothing matches.
    await popup.evaluate(() => (document.querySelector('[data-testid="source-search"]') as HTMLInputElement).select(), null);
    await popup.type('independent');
    await popup.waitFor(
      (title) => document.querySelector('[data-testid="source-item"] .source__title')?.textContent?.trim() === title,
      MINISTRY.title,
      'the search to show the ministry source',
    );
    expect(await shownTitles(popup)).toEqual([MINISTRY.title]);
    await popup.evaluate(() => (document.querySelector('[data-testid="source-search"]') as HTMLInputElement).select(), null);
    await popup.type('wikipedia');
    await popup.waitFor(() => document.querySelectorAll('[data-testid="source-item"]').length === 0, null, 'no source to match');
    expect(await popup.evaluate(() => document.querySelector('[data-testid="panel-sources"]')?.textContent ?? '', null)).toContain(
      'No source matches',
    );

    await popup.close();
    await page.close();
  });

  it('deleting a cited source asks first, then the annotation no longer links it', async () => {
    const { page, state, popup } = await openSeedWithPopup();
    const claimId = claimIdOf(state);
    await createSource(popup, UNHCR);
    await createSource(popup, MINISTRY);
    await annotateClaimWithSource(popup, claimId, UNHCR.title);
    const before = await env.session.inExtension(storedRecords, null);
    const unhcr = before.sources.find((s) => s.title === UNHCR.title)!;
    const annotationId = before.annotations[0]!.id;

    await popup.click(await target(popup, '[data-testid="tab-sources"]'));
    const item = `[data-source-id="${unhcr.id}"]`;
    await popup.waitFor((sel) => document.querySelector(`${sel} [data-testid="source-backlinks"]`) !== null, item, 'the back-link');

    // Delete → the popup asks, naming how many annotations cite it; "Keep" keeps it.
    await popup.click(`${item} [data-testid="delete-source"]`);
    await popup.waitFor((sel) => document.querySelector(`${sel} [data-testid="confirm-delete-source"]`) !== null, item, 'the confirmation');
    expect(
      await popup.evaluate((sel) => document.querySelector(`${sel} [data-testid="confirm-delete"]`)?.textContent ?? '', item),
    ).toContain('Used by 1 annotation');
    expect((await env.session.inExtension(storedRecords, null)).sources.map((s) => s.id)).toContain(unhcr.id);
    await popup.click(await target(popup, `${item} [data-testid="confirm-delete"] button`, 'Keep'));
    await popup.waitFor((sel) => document.querySelector(`${sel} [data-testid="delete-source"]`) !== null, item, 'the card back');
    expect((await env.session.inExtension(storedRecords, null)).sources.map((s) => s.id)).toContain(unhcr.id);

    // Delete → Delete and unlink: gone from the library and from the annotation.
    await popup.click(`${item} [data-testid="delete-source"]`);
    await popup.click(await target(popup, `${item} [data-testid="confirm-delete-source"]`));
    await popup.waitFor((sel) => document.querySelector(sel) === null, item, 'the source card to go');
    expect(await shownTitles(popup)).toEqual([MINISTRY.title]);

    const after = await env.session.inExtension(storedRecords, null);
    expect(after.sources.map((s) => s.title)).toEqual([MINISTRY.title]);
    expect(after.annotations).toHaveLength(1);
    expect(after.annotations[0]).toMatchObject({ id: annotationId, body: { verdict: 'false', sources: [] } });

    // The annotation item lists no source (not even a "Deleted source" placeholder).
    await popup.click(await target(popup, '[data-testid="tab-annotations"]'));
    await popup.waitFor(() => document.querySelector('[data-testid="annotation-item"]') !== null, null, 'the annotation item');
    expect(
      await popup.evaluate(() => document.querySelectorAll('[data-testid="annotation-item"] .linked-sources li').length, null),
    ).toBe(0);
    // The claim editor no longer ticks it (the library offers only the remaining source).
    await popup.click(await target(popup, '[data-testid="tab-claims"]'));
    await popup.click(await target(popup, `[data-claim-id="${claimId}"] [data-testid="annotate-claim"]`));
    await popup.waitFor(() => document.querySelector('[data-testid="annotation-form"] .cl-ed-source-list') !== null, null, 'the editor');
    const offered = await popup.evaluate(
      () =>
        Array.from(document.querySelectorAll('[data-testid="annotation-form"] .cl-ed-source-list label')).map((label) => ({
          text: label.textContent?.trim() ?? '',
          checked: (label.querySelector('input') as HTMLInputElement).checked,
        })),
      null,
    );
    expect(offered).toEqual([{ text: `${MINISTRY.title} — ${MINISTRY.publisher}`, checked: false }]);

    await popup.close();
    await page.close();
  });
});
