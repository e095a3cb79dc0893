import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClaimCard, type CardView } from '../../components/card/ClaimCard';
import { newAnnotation, newSourceNote } from '../../core/annotations/model';
import type { Claim } from '../../core/claims/types';

const claim: Claim = {
  id: 'c1',
  start: 0,
  end: 40,
  text: 'Unemployment fell to 4.2% in May, the minister said.',
  kinds: ['statistic', 'reported-speech'],
  signals: [{ kind: 'statistic', label: 'number with unit', text: '4.2%', start: 21, end: 25 }],
  speaker: 'the minister',
  score: 0.87,
};

const noop = {
  onSave: vi.fn(async () => ({ ok: true as const })),
  onCreateSource: vi.fn(async () => ({ ok: false as const, error: 'no' })),
  onDelete: vi.fn(async () => {}),
  onClose: vi.fn(),
};

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function show(view: CardView, library = [] as ReturnType<typeof newSourceNote>[]) {
  act(() => render(<ClaimCard view={view} library={library} {...noop} />, root));
}

describe('ClaimCard', () => {
  it('shows the kinds with human labels, the speaker, the score and why it was flagged', () => {
    show({ spanId: 'c1', quote: claim.text, claim, annotation: null });
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toContain('claim');
    const kinds = Array.from(root.querySelectorAll('.cl-kind'), (k) => k.textContent);
    expect(kinds).toEqual(['Statistic', 'Reported speech']);
    expect(root.textContent).toContain('the minister');
    expect(root.textContent).toContain('0.87');
    expect(root.textContent).toContain('number with unit');
    expect(root.querySelector('button')?.textContent).toBeDefined();
    expect(root.textContent).toContain('Annotate');
  });

  it('renders page and user text as text, never as HTML, and links only http(s) sources', () => {
    const safe = newSourceNote({ title: 'Labour statistics', url: 'https://stats.example/lfs' });
    const unsafe = newSourceNote({ title: 'Evil', url: 'javascript:alert(1)' });
    const annotation = newAnnotation({
      source: 'https://news.example/a',
      selector: [],
      body: { verdict: 'misleading', note: '<img src=x onerror="alert(1)">', sources: [safe.id, unsafe.id] },
    });
    show({ spanId: 'c1', quote: '<b>bold</b>', claim: null, annotation }, [safe, unsafe]);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(root.textContent).toContain('Misleading');
    const links = Array.from(root.querySelectorAll('a'));
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://stats.example/lfs');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(root.textContent).toContain('Evil'); // shown, but not as a link
  });

  it('opens the editor and saves the chosen verdict and note', async () => {
    const onSave = vi.fn(async () => ({ ok: true as const }));
    act(() =>
      render(
        <ClaimCard view={{ spanId: 'c1', quote: claim.text, claim, annotation: null }} library={[]} {...noop} onSave={onSave} />,
        root,
      ),
    );
    const annotate = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Annotate')!;
    act(() => annotate.click());
    const falseButton = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'False')!;
    act(() => falseButton.click());
    expect(falseButton.getAttribute('aria-pressed')).toBe('true');
    const note = root.querySelector('textarea')!;
    act(() => {
      note.value = 'Official figure is 4.6%';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(onSave).toHaveBeenCalledWith({ verdict: 'false', note: 'Official figure is 4.6%', tags: [], sources: [] });
    expect(root.textContent).toContain('Saved');
  });

  it('shows a save failure to the user', async () => {
    const onSave = vi.fn(async () => ({ ok: false as const, error: 'Storage is full' }));
    act(() =>
      render(
        <ClaimCard view={{ spanId: 'c1', quote: claim.text, claim, annotation: null }} library={[]} {...noop} onSave={onSave} startEditing />,
        root,
      ),
    );
    await act(async () => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Storage is full');
  });
});

describe('AnnotationEditor inside the card: source notes', () => {
  it('refuses a non-http link, creates a source note from the card and links it in the saved annotation', async () => {
    const created = newSourceNote({ title: 'ONS labour market', url: 'https://ons.example/lm' });
    const onCreateSource = vi.fn(async () => ({ ok: true as const, source: created }));
    const onSave = vi.fn(async () => ({ ok: true as const }));
    act(() =>
      render(
        <ClaimCard
          view={{ spanId: 'c1', quote: claim.text, claim, annotation: null }}
          library={[]}
          {...noop}
          onSave={onSave}
          onCreateSource={onCreateSource}
          startEditing
        />,
        root,
      ),
    );
    const button = (label: string) => Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.includes(label))!;
    act(() => button('New source').click());
    const title = root.querySelector<HTMLInputElement>('input[aria-label="New source title"]')!;
    const url = root.querySelector<HTMLInputElement>('input[aria-label^="New source link"]')!;
    act(() => {
      title.value = 'ONS labour market';
      title.dispatchEvent(new Event('input', { bubbles: true }));
      url.value = 'javascript:alert(1)';
      url.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      button('Add source').click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(onCreateSource).not.toHaveBeenCalled();
    expect(root.querySelector('[role="status"]')!.textContent).toContain('http');
    act(() => {
      url.value = 'https://ons.example/lm';
      url.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      button('Add source').click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(onCreateSource).toHaveBeenCalledWith({ title: 'ONS labour market', url: 'https://ons.example/lm' });
    await act(async () => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ sources: [created.id] }));
  });
});
