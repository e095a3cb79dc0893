import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AnnotationsTab } from '../../components/popup/AnnotationsTab';
import { Popup } from '../../components/popup/Popup';
import { newAnnotation, newSourceNote, type Annotation } from '../../core/annotations/model';
import { createAnnotationStore, type AnnotationStore } from '../../core/annotations/store';
import {
  ARTICLE_URL,
  allByTestId,
  byTestId,
  click,
  fakePage,
  fieldLabelled,
  makeDeps,
  mount,
  pageState,
  settle,
  submit,
  type,
  unmount,
} from './popup-helpers';

const HOSTILE_NOTE = '<img src=x onerror="alert(1)"><b>bold</b> & <script>alert(2)</script>';

async function stored(store: AnnotationStore, quote: string, body: Partial<Annotation['body']> = {}): Promise<Annotation> {
  const annotation = newAnnotation({
    source: ARTICLE_URL,
    selector: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
    body,
  });
  const result = await store.saveAnnotation(annotation);
  if (!result.ok) throw new Error(result.error);
  return result.saved;
}

describe('AnnotationsTab', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => unmount());

  it('says when the page has no annotations', async () => {
    const root = await mount(
      <AnnotationsTab deps={makeDeps()} state={pageState()} annotations={[]} sources={[]} notify={() => {}} />,
    );
    expect(byTestId(root, 'empty-state-message')?.textContent).toBe('No annotations on this page yet');
  });

  it('renders notes, quotes and tags as text, never as HTML', async () => {
    const store = createAnnotationStore();
    const annotation = await stored(store, '<i>quoted</i> text', { verdict: 'false', note: HOSTILE_NOTE, tags: ['<u>tag</u>'] });
    const root = await mount(
      <AnnotationsTab deps={makeDeps({ store })} state={pageState()} annotations={[annotation]} sources={[]} notify={() => {}} />,
    );
    expect(byTestId(root, 'annotation-note')?.textContent).toBe(HOSTILE_NOTE);
    expect(byTestId(root, 'annotation-quote')?.textContent).toBe('<i>quoted</i> text');
    expect(root.querySelector('img, script, b, i, u')).toBeNull();
    expect(root.textContent).toContain('<u>tag</u>');
    expect(byTestId(root, 'verdict-badge')?.textContent).toBe('False');
  });

  it('lists orphans (not found on the page) with their quote, first', async () => {
    const store = createAnnotationStore();
    const anchored = await stored(store, 'Unemployment fell to 4.1%.', { verdict: 'true' });
    const orphan = await stored(store, 'A sentence the editors removed.', { verdict: 'misleading' });
    const state = pageState({
      annotations: [
        { annotationId: anchored.id, claimId: null, verdict: 'true', quote: 'Unemployment fell to 4.1%.', anchored: true },
        { annotationId: orphan.id, claimId: null, verdict: 'misleading', quote: 'A sentence the editors removed.', anchored: false },
      ],
    });
    const page = fakePage(state);
    const root = await mount(
      <AnnotationsTab deps={makeDeps({ store, page })} state={state} annotations={[anchored, orphan]} sources={[]} notify={() => {}} />,
    );
    const items = allByTestId(root, 'annotation-item');
    expect(items.map((item) => item.dataset.anchoring)).toEqual(['orphan', 'anchored']);
    expect(byTestId(items[0]!, 'orphan-badge')?.textContent).toBe('Not found on page');
    expect(byTestId(items[0]!, 'annotation-quote')?.textContent).toBe('A sentence the editors removed.');
    expect(byTestId(items[1]!, 'orphan-badge')).toBeNull();
    // Only an annotation the page found can be shown on it.
    expect(byTestId(items[0]!, 'reveal-annotation')).toBeNull();
    await click(byTestId(items[1]!, 'reveal-annotation'));
    expect(page.revealed).toEqual([anchored.id]);
  });

  it('shows linked sources as safe links, and a deleted source as such', async () => {
    const store = createAnnotationStore();
    const source = newSourceNote({ title: 'ONS labour market', url: 'https://www.ons.gov.uk/x' });
    const annotation = await stored(store, 'Unemployment fell.', { sources: [source.id, 'urn:uuid:gone'] });
    const root = await mount(
      <AnnotationsTab deps={makeDeps({ store })} state={pageState()} annotations={[annotation]} sources={[source]} notify={() => {}} />,
    );
    const link = root.querySelector<HTMLAnchorElement>('.linked-sources a');
    expect(link?.textContent).toBe('ONS labour market');
    expect(link?.getAttribute('href')).toBe('https://www.ons.gov.uk/x');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(root.querySelector('.linked-sources')?.textContent).toContain('Deleted source');
  });

  it('edits an annotation through the store', async () => {
    const store = createAnnotationStore();
    await stored(store, 'Prices rose.', { verdict: 'half-true', note: 'first take' });
    const root = await mount(<Popup deps={makeDeps({ store })} initialTab="annotations" retryDelays={[]} />);
    await click(byTestId(root, 'edit-annotation'));
    await type(fieldLabelled(root, 'Note'), 'Checked: CPI rose 3%, not 5%.');
    await submit(root.querySelector('[data-testid="annotation-form"] form'));
    await settle();
    const [saved] = await store.listAnnotations(ARTICLE_URL);
    expect(saved?.body.note).toBe('Checked: CPI rose 3%, not 5%.');
    expect(saved?.body.verdict).toBe('half-true');
    expect(byTestId(root, 'annotation-note')?.textContent).toBe('Checked: CPI rose 3%, not 5%.');
  });

  it('deletes an annotation and brings it back with Undo', async () => {
    const store = createAnnotationStore();
    const annotation = await stored(store, 'Crime doubled.', { verdict: 'false', note: 'keep me' });
    const root = await mount(<Popup deps={makeDeps({ store })} initialTab="annotations" retryDelays={[]} />);
    expect(allByTestId(root, 'annotation-item')).toHaveLength(1);

    await click(byTestId(root, 'delete-annotation'));
    await settle();
    expect(await store.listAnnotations()).toHaveLength(0);
    expect(allByTestId(root, 'annotation-item')).toHaveLength(0);
    expect(byTestId(root, 'toast')?.textContent).toContain('Annotation deleted');

    await click(byTestId(root, 'toast-undo'));
    await settle();
    const restored = await store.listAnnotations();
    expect(restored.map((a) => a.id)).toEqual([annotation.id]);
    expect(restored[0]?.body.note).toBe('keep me');
    expect(allByTestId(root, 'annotation-item')).toHaveLength(1);
  });
});
