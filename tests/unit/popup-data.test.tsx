import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../components/popup/Popup';
import { exportAnnotationCollection } from '../../core/annotations/import-export';
import { newAnnotation, newSourceNote } from '../../core/annotations/model';
import { createAnnotationStore, type AnnotationStore } from '../../core/annotations/store';
import { ARTICLE_URL, byTestId, click, makeDeps, mount, settle, unmount } from './popup-helpers';

const OTHER_URL = 'https://other.example/story';

async function seed(store: AnnotationStore) {
  const source = newSourceNote({ title: 'ONS', url: 'https://www.ons.gov.uk/' });
  await store.saveSource(source);
  for (const [page, verdict] of [
    [ARTICLE_URL, 'false'],
    [OTHER_URL, 'true'],
  ] as const) {
    await store.saveAnnotation(
      newAnnotation({
        source: page,
        selector: [{ type: 'TextQuoteSelector', exact: `A claim on ${page}`, prefix: '', suffix: '' }],
        body: { verdict, note: 'n', sources: page === ARTICLE_URL ? [source.id] : [] },
      }),
    );
  }
}

async function chooseFile(input: HTMLElement | null, text: string, name = 'import.jsonld') {
  if (!input) throw new Error('no file input');
  const file = new File([text], name, { type: 'application/ld+json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle(10);
}

describe('Import/export tab', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => unmount());

  it('exports everything, or only this page, as a W3C AnnotationCollection', async () => {
    const store = createAnnotationStore();
    await seed(store);
    const deps = makeDeps({ store });
    const root = await mount(<Popup deps={deps} initialTab="data" retryDelays={[]} />);

    await click(byTestId(root, 'export-all'));
    await click(byTestId(root, 'export-page'));
    expect(deps.downloads.map((d) => d.filename)).toEqual([
      'claimlens-all-2024-05-01.jsonld',
      'claimlens-news.example-2024-05-01.jsonld',
    ]);
    const [all, page] = deps.downloads.map((d) => d.json);
    expect(JSON.stringify(all)).toContain('AnnotationCollection');
    expect(JSON.stringify(all)).toContain(OTHER_URL);
    expect(JSON.stringify(page)).not.toContain(OTHER_URL);
    expect(JSON.stringify(page)).toContain('https://www.ons.gov.uk/');
    expect(byTestId(root, 'toast')?.textContent).toContain('Exported 1 annotation and 1 source');
  });

  it('exports ClaimReview JSON-LD for the verdicts', async () => {
    const store = createAnnotationStore();
    await seed(store);
    const deps = makeDeps({ store });
    const root = await mount(<Popup deps={deps} initialTab="data" retryDelays={[]} />);
    await click(byTestId(root, 'export-claimreview'));
    const reviews = deps.downloads[0]?.json as Array<Record<string, unknown>>;
    expect(reviews).toHaveLength(2);
    expect(reviews.every((r) => r['@type'] === 'ClaimReview')).toBe(true);
  });

  it('imports a file and reports what was added, updated, skipped and invalid', async () => {
    const source = createAnnotationStore();
    await seed(source);
    const file = JSON.stringify(exportAnnotationCollection(await source.listAnnotations(), await source.listSources()));
    fakeBrowser.reset();

    const store = createAnnotationStore();
    const root = await mount(<Popup deps={makeDeps({ store })} initialTab="data" retryDelays={[]} />);
    await chooseFile(byTestId(root, 'import-file'), file);
    expect(byTestId(root, 'import-report')).not.toBeNull();
    expect(byTestId(root, 'import-added')?.textContent).toBe('3');
    expect(byTestId(root, 'import-invalid')?.textContent).toBe('0');
    expect(await store.listAnnotations()).toHaveLength(2);

    await chooseFile(byTestId(root, 'import-file'), file);
    expect(byTestId(root, 'import-added')?.textContent).toBe('0');
    expect(byTestId(root, 'import-skipped')?.textContent).toBe('3');
  });

  it('shows a clear error for a file that is not JSON, and keeps existing data', async () => {
    const store = createAnnotationStore();
    await seed(store);
    const root = await mount(<Popup deps={makeDeps({ store })} initialTab="data" retryDelays={[]} />);
    await chooseFile(byTestId(root, 'import-file'), '<html>not json</html>');
    expect(byTestId(root, 'import-error')?.textContent).toMatch(/not valid JSON/);
    expect(byTestId(root, 'import-report')).toBeNull();
    expect(await store.listAnnotations()).toHaveLength(2);
  });
});
