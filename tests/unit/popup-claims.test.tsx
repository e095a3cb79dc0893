import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ClaimsTab } from '../../components/popup/ClaimsTab';
import { createAnnotationStore } from '../../core/annotations/store';
import { newAnnotation } from '../../core/annotations/model';
import {
  ARTICLE_URL,
  allByTestId,
  byTestId,
  claim,
  fieldLabelled,
  click,
  fakePage,
  makeDeps,
  mount,
  pageState,
  submit,
  type,
  unmount,
  verdictButton,
} from './popup-helpers';

const CLAIMS = [
  claim('c-first', 10, 'Unemployment fell to 4.1% in March.', 0.55, ['statistic', 'date-event']),
  claim('c-second', 80, 'The minister called the report "a disgrace".', 0.91, ['quote', 'characterization'], 'the minister'),
  claim('c-third', 160, 'Prices rose because of the levy.', 0.72, ['causal']),
];

function rowIds(root: HTMLElement): Array<string | undefined> {
  return allByTestId(root, 'claim-row').map((row) => row.dataset.claimId);
}

describe('ClaimsTab', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => unmount());

  it('says when the page has no article', async () => {
    const deps = makeDeps();
    const root = await mount(
      <ClaimsTab deps={deps} state={pageState({ status: 'no-article' })} annotations={[]} sources={[]} notify={() => {}} />,
    );
    expect(byTestId(root, 'empty-state-message')?.textContent).toBe('No article found on this page');
    expect(allByTestId(root, 'claim-row')).toHaveLength(0);
  });

  it('says when the article has no claims', async () => {
    const root = await mount(
      <ClaimsTab deps={makeDeps()} state={pageState({ claims: [] })} annotations={[]} sources={[]} notify={() => {}} />,
    );
    expect(byTestId(root, 'empty-state-message')?.textContent).toBe('No claims found in this article');
  });

  it('says when highlights are off for the site and offers to turn them on', async () => {
    const turnOn = vi.fn();
    const root = await mount(
      <ClaimsTab
        deps={makeDeps()}
        state={pageState({ status: 'disabled' })}
        annotations={[]}
        sources={[]}
        notify={() => {}}
        onTurnOnSite={turnOn}
      />,
    );
    expect(byTestId(root, 'empty-state-message')?.textContent).toBe('Highlights are off for this site');
    await click(byTestId(root, 'turn-on-site'));
    expect(turnOn).toHaveBeenCalledOnce();
  });

  it('shows "Analysing…" while the page is still working', async () => {
    const root = await mount(
      <ClaimsTab deps={makeDeps()} state={pageState({ status: 'analysing' })} annotations={[]} sources={[]} notify={() => {}} />,
    );
    expect(byTestId(root, 'empty-state-message')?.textContent).toBe('Analysing…');
  });

  it.each([
    ['too-large', 'This page is too long to analyse', 'The article has 2.1 MB of text; ClaimLens analyses up to 1 MB.'],
    ['error', "ClaimLens couldn't analyse this page", 'Claim detection failed: out of memory'],
  ] as const)('explains the %s status with the page\'s message', async (status, title, error) => {
    const root = await mount(
      <ClaimsTab deps={makeDeps()} state={pageState({ status, error })} annotations={[]} sources={[]} notify={() => {}} />,
    );
    expect(byTestId(root, 'empty-state-message')?.textContent).toBe(title);
    expect(byTestId(root, 'empty-state')?.textContent).toContain(error);
  });

  it('says when only the most check-worthy claims are shown, and shows a partial failure', async () => {
    const state = pageState({ claims: CLAIMS, claimsCapped: true, error: 'Annotations could not be loaded.' });
    const root = await mount(<ClaimsTab deps={makeDeps()} state={state} annotations={[]} sources={[]} notify={() => {}} />);
    expect(byTestId(root, 'claims-capped')?.textContent).toContain('Showing the 3 most check-worthy claims');
    expect(byTestId(root, 'page-warning')?.textContent).toBe('Annotations could not be loaded.');
    expect(allByTestId(root, 'claim-row')).toHaveLength(3);
  });

  it('lists claims with kinds, text, speaker and score, in page order then by score', async () => {
    const root = await mount(
      <ClaimsTab deps={makeDeps()} state={pageState({ claims: [CLAIMS[1]!, CLAIMS[2]!, CLAIMS[0]!] })} annotations={[]} sources={[]} notify={() => {}} />,
    );
    expect(rowIds(root)).toEqual(['c-first', 'c-second', 'c-third']);
    const second = allByTestId(root, 'claim-row')[1]!;
    expect(allByTestId(second, 'claim-kind').map((chip) => chip.dataset.kind)).toEqual(['quote', 'characterization']);
    expect(byTestId(second, 'claim-text')?.textContent).toBe('The minister called the report "a disgrace".');
    expect(byTestId(second, 'claim-speaker')?.textContent).toBe('the minister');
    expect(byTestId(second, 'claim-score')?.textContent).toContain('91%');

    await click(byTestId(root, 'sort-score'));
    expect(rowIds(root)).toEqual(['c-second', 'c-third', 'c-first']);
    expect(byTestId(root, 'sort-score')?.getAttribute('aria-pressed')).toBe('true');

    await click(byTestId(root, 'sort-position'));
    expect(rowIds(root)).toEqual(['c-first', 'c-second', 'c-third']);
  });

  it('asks the page to reveal a claim when it is clicked', async () => {
    const page = fakePage(pageState({ claims: CLAIMS }));
    const root = await mount(
      <ClaimsTab deps={makeDeps({ page })} state={pageState({ claims: CLAIMS })} annotations={[]} sources={[]} notify={() => {}} />,
    );
    const third = allByTestId(root, 'claim-row')[2]!;
    expect(byTestId(third, 'claim-reveal')?.tagName).toBe('BUTTON'); // Enter and Space work natively
    await click(byTestId(third, 'claim-reveal'));
    expect(page.revealed).toEqual(['c-third']);
  });

  it('saves a verdict and note through the store with the page-level target', async () => {
    const store = createAnnotationStore();
    const save = vi.spyOn(store, 'saveAnnotation');
    const target = {
      source: ARTICLE_URL,
      selector: [
        { type: 'TextQuoteSelector' as const, exact: CLAIMS[0]!.text, prefix: 'said on Monday. ', suffix: ' Analysts' },
        { type: 'TextPositionSelector' as const, start: 10, end: 10 + CLAIMS[0]!.text.length },
      ],
    };
    const deps = makeDeps({ store, page: fakePage(pageState({ claims: CLAIMS }), target) });
    const notify = vi.fn();
    const root = await mount(
      <ClaimsTab deps={deps} state={pageState({ claims: CLAIMS })} annotations={[]} sources={[]} notify={notify} />,
    );
    const first = allByTestId(root, 'claim-row')[0]!;
    await click(byTestId(first, 'annotate-claim'));
    await click(verdictButton(first, 'Mostly true'));
    await type(fieldLabelled(first, 'Note'), 'ONS figure was 4.2%.');
    await type(fieldLabelled(first, 'Tags'), 'jobs, ONS, jobs');
    await submit(first.querySelector('form'));

    expect(save).toHaveBeenCalledOnce();
    const saved = save.mock.calls[0]![0];
    expect(saved.body).toMatchObject({ verdict: 'mostly-true', note: 'ONS figure was 4.2%.', tags: ['jobs', 'ONS'] });
    expect(saved.motivation).toBe('assessing');
    expect(saved.target).toEqual(target);
    expect(saved.claim).toEqual({ kinds: ['statistic', 'date-event'] });
    expect(await store.listAnnotations(ARTICLE_URL)).toHaveLength(1);
    expect(notify).toHaveBeenCalledWith('Annotation saved');
    expect(byTestId(first, 'annotation-form')).toBeNull();
    // Keyboard focus returns to the claim, not to the top of the popup.
    expect(document.activeElement).toBe(byTestId(first, 'annotate-claim'));
  });

  it('falls back to the claim text and offsets when the page gives no target', async () => {
    const store = createAnnotationStore();
    const save = vi.spyOn(store, 'saveAnnotation');
    const deps = makeDeps({ store, page: fakePage(pageState({ claims: CLAIMS }), null) });
    const root = await mount(
      <ClaimsTab deps={deps} state={pageState({ claims: CLAIMS })} annotations={[]} sources={[]} notify={() => {}} />,
    );
    const second = allByTestId(root, 'claim-row')[1]!;
    await click(byTestId(second, 'annotate-claim'));
    await click(verdictButton(second, 'False'));
    await submit(second.querySelector('form'));
    const saved = save.mock.calls[0]![0];
    expect(saved.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: CLAIMS[1]!.text, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 80, end: 80 + CLAIMS[1]!.text.length },
    ]);
    expect(saved.claim).toEqual({ kinds: ['quote', 'characterization'], speaker: 'the minister' });
  });

  it('shows the store\'s error and keeps the form open when saving fails', async () => {
    const store = createAnnotationStore();
    vi.spyOn(store, 'saveAnnotation').mockResolvedValue({ ok: false, reason: 'quota', error: 'Browser storage is full.' });
    const root = await mount(
      <ClaimsTab deps={makeDeps({ store })} state={pageState({ claims: CLAIMS })} annotations={[]} sources={[]} notify={() => {}} />,
    );
    const first = allByTestId(root, 'claim-row')[0]!;
    await click(byTestId(first, 'annotate-claim'));
    await submit(first.querySelector('form'));
    expect(first.querySelector('[role="status"]')?.textContent).toBe('Browser storage is full.');
    expect(byTestId(first, 'annotation-form')).not.toBeNull();
  });

  it('shows the verdict of an annotated claim and edits that annotation instead of adding one', async () => {
    const store = createAnnotationStore();
    const existing = newAnnotation({
      source: ARTICLE_URL,
      selector: [{ type: 'TextQuoteSelector', exact: CLAIMS[2]!.text, prefix: '', suffix: '' }],
      body: { verdict: 'misleading', note: 'Levy came later.' },
    });
    await store.saveAnnotation(existing);
    const [stored] = await store.listAnnotations();
    const save = vi.spyOn(store, 'saveAnnotation');
    const state = pageState({
      claims: CLAIMS,
      annotations: [{ annotationId: existing.id, claimId: 'c-third', verdict: 'misleading', quote: CLAIMS[2]!.text, anchored: true }],
    });
    const root = await mount(<ClaimsTab deps={makeDeps({ store })} state={state} annotations={[stored!]} sources={[]} notify={() => {}} />);
    const third = allByTestId(root, 'claim-row')[2]!;
    expect(byTestId(third, 'verdict-badge')?.textContent).toBe('Misleading');
    await click(byTestId(third, 'annotate-claim'));
    expect(verdictButton(third, 'Misleading').getAttribute('aria-pressed')).toBe('true');
    expect((fieldLabelled(third, 'Note') as HTMLTextAreaElement).value).toBe('Levy came later.');
    await click(verdictButton(third, 'False'));
    await submit(third.querySelector('form'));
    expect(save.mock.calls[0]![0].id).toBe(existing.id);
    const all = await store.listAnnotations();
    expect(all).toHaveLength(1);
    expect(all[0]!.body.verdict).toBe('false');
  });
});
