import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SafeLink } from '../../components/popup/SafeLink';
import { Popup } from '../../components/popup/Popup';
import { sourceUrlProblem } from '../../components/popup/logic';
import { newAnnotation, newSourceNote, type SourceNote } from '../../core/annotations/model';
import { createAnnotationStore, type AnnotationStore } from '../../core/annotations/store';
import {
  ARTICLE_URL,
  allByTestId,
  byTestId,
  click,
  fakePage,
  makeDeps,
  mount,
  pageState,
  settle,
  submit,
  type,
  unmount,
} from './popup-helpers';

async function addSource(store: AnnotationStore, init: Parameters<typeof newSourceNote>[0]): Promise<SourceNote> {
  const result = await store.saveSource(newSourceNote(init));
  if (!result.ok) throw new Error(result.error);
  return result.saved;
}

async function openSources(store: AnnotationStore, selection = '') {
  const page = fakePage(pageState(), null, selection);
  return mount(<Popup deps={makeDeps({ store, page })} initialTab="sources" retryDelays={[]} />);
}

describe('source URLs', () => {
  it.each(['javascript:alert(1)', 'JavaScript:void(0)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'ftp://x.example/a', 'news.example/a'])(
    'refuses %s',
    (url) => {
      expect(sourceUrlProblem(url)).toMatch(/http:\/\/ or https:\/\//);
    },
  );

  it('accepts http(s) and empty', () => {
    expect(sourceUrlProblem('https://www.ons.gov.uk/a?b=c')).toBeNull();
    expect(sourceUrlProblem('http://news.example')).toBeNull();
    expect(sourceUrlProblem('')).toBeNull();
  });

  afterEach(() => unmount());

  it('only links http(s), in a new tab without opener or referrer', async () => {
    const root = await mount(
      <div>
        <SafeLink href="javascript:alert(1)">bad</SafeLink>
        <SafeLink href="https://ok.example/">good</SafeLink>
      </div>,
    );
    const links = root.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.textContent).toBe('good');
    expect(links[0]?.rel).toBe('noopener noreferrer');
    expect(links[0]?.target).toBe('_blank');
    expect(root.textContent).toContain('bad');
  });
});

describe('SourcesTab', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => unmount());

  it('says when there are no sources yet', async () => {
    const root = await openSources(createAnnotationStore());
    expect(byTestId(root, 'empty-state-message')?.textContent).toBe('No source notes yet');
  });

  it('rejects a javascript: URL with a clear message and saves nothing', async () => {
    const store = createAnnotationStore();
    const save = vi.spyOn(store, 'saveSource');
    const root = await openSources(store);
    await click(byTestId(root, 'new-source'));
    await type(byTestId(root, 'source-title'), 'Sneaky');
    await type(byTestId(root, 'source-url'), 'javascript:alert(document.cookie)');
    await submit(byTestId(root, 'source-form'));
    expect(byTestId(root, 'source-url-error')?.textContent).toBe('Only web addresses starting with http:// or https:// can be saved');
    expect(byTestId(root, 'source-url')?.getAttribute('aria-invalid')).toBe('true');
    expect(save).not.toHaveBeenCalled();
    expect(await store.listSources()).toHaveLength(0);
  });

  it('creates a source with all its fields', async () => {
    const store = createAnnotationStore();
    const root = await openSources(store);
    await click(byTestId(root, 'new-source'));
    await type(byTestId(root, 'source-title'), 'Labour market overview');
    await type(byTestId(root, 'source-url'), ' https://www.ons.gov.uk/lmo ');
    await type(byTestId(root, 'source-publisher'), 'ONS');
    await type(byTestId(root, 'source-date'), '2024-04-16');
    await type(byTestId(root, 'source-excerpt'), 'The unemployment rate was 4.2%.');
    await type(byTestId(root, 'source-reliability'), 'Official statistics; revised monthly.');
    await submit(byTestId(root, 'source-form'));
    const [source] = await store.listSources();
    expect(source).toMatchObject({
      title: 'Labour market overview',
      url: 'https://www.ons.gov.uk/lmo',
      publisher: 'ONS',
      date: '2024-04-16',
      excerpt: 'The unemployment rate was 4.2%.',
      reliability: 'Official statistics; revised monthly.',
    });
    expect(allByTestId(root, 'source-item')).toHaveLength(1);
  });

  it('saves this page as a source with its title, URL and the selected text', async () => {
    const store = createAnnotationStore();
    const root = await openSources(store, '  The levy raised £2bn.  ');
    await click(byTestId(root, 'save-page-source'));
    expect((byTestId(root, 'source-title') as HTMLInputElement).value).toBe('Budget row deepens');
    expect((byTestId(root, 'source-url') as HTMLInputElement).value).toBe(ARTICLE_URL);
    expect((byTestId(root, 'source-publisher') as HTMLInputElement).value).toBe('news.example');
    expect((byTestId(root, 'source-excerpt') as HTMLTextAreaElement).value).toBe('The levy raised £2bn.');
    await submit(byTestId(root, 'source-form'));
    expect((await store.listSources())[0]).toMatchObject({ url: ARTICLE_URL, excerpt: 'The levy raised £2bn.' });
  });

  it('searches title, publisher, URL, excerpt and the tags of citing annotations', async () => {
    const store = createAnnotationStore();
    const ons = await addSource(store, { title: 'Labour market', publisher: 'ONS', url: 'https://www.ons.gov.uk/lmo' });
    await addSource(store, { title: 'Budget red book', publisher: 'HM Treasury', excerpt: 'Borrowing of £87bn' });
    await store.saveAnnotation(
      newAnnotation({
        source: ARTICLE_URL,
        selector: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }],
        body: { tags: ['jobs'], sources: [ons.id] },
      }),
    );
    const root = await openSources(store);
    const titles = () => allByTestId(root, 'source-item').map((item) => item.querySelector('.source__title')?.textContent);
    expect(titles()).toHaveLength(2);
    for (const [query, expected] of [
      ['treasury', ['Budget red book']],
      ['ons.gov', ['Labour market']],
      ['87bn', ['Budget red book']],
      ['jobs', ['Labour market']],
      ['nothing-like-this', []],
    ] as const) {
      await type(byTestId(root, 'source-search'), query);
      await settle(1);
      expect(titles()).toEqual(expected);
    }
  });

  it('shows back-links and asks before deleting a source in use, then unlinks it', async () => {
    const store = createAnnotationStore();
    const source = await addSource(store, { title: 'Old report', url: 'https://old.example/r' });
    for (const page of [ARTICLE_URL, 'https://other.example/story']) {
      await store.saveAnnotation(
        newAnnotation({
          source: page,
          selector: [{ type: 'TextQuoteSelector', exact: `claim on ${page}`, prefix: '', suffix: '' }],
          body: { verdict: 'false', sources: [source.id] },
        }),
      );
    }
    const root = await openSources(store);
    expect(byTestId(root, 'source-backlinks')?.querySelector('summary')?.textContent).toBe('Used by 2 annotations');
    expect(byTestId(root, 'source-backlinks')?.textContent).toContain('other.example');

    await click(byTestId(root, 'delete-source'));
    expect(byTestId(root, 'confirm-delete')?.textContent).toContain('Used by 2 annotations — delete and unlink?');
    expect(await store.listSources()).toHaveLength(1);

    await click(byTestId(root, 'confirm-delete-source'));
    await settle();
    expect(await store.listSources()).toHaveLength(0);
    const annotations = await store.listAnnotations();
    expect(annotations.map((a) => a.body.sources)).toEqual([[], []]);
    expect(byTestId(root, 'toast')?.textContent).toContain('unlinked from 2 annotations');
  });

  it('deletes an unused source without asking', async () => {
    const store = createAnnotationStore();
    await addSource(store, { title: 'Unused' });
    const root = await openSources(store);
    await click(byTestId(root, 'delete-source'));
    await settle();
    expect(byTestId(root, 'confirm-delete')).toBeNull();
    expect(await store.listSources()).toHaveLength(0);
  });

  it('edits a source', async () => {
    const store = createAnnotationStore();
    await addSource(store, { title: 'Draft title', url: 'https://a.example/' });
    const root = await openSources(store);
    await click(byTestId(root, 'edit-source'));
    await type(byTestId(root, 'source-title'), 'Final title');
    await submit(byTestId(root, 'source-form'));
    const sources = await store.listSources();
    expect(sources.map((s) => s.title)).toEqual(['Final title']);
  });
});
