import { cardUi } from '../../features/card-ui/render-card';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverCard, type HoverCard } from '../../features/hover-card';
import { createPageSession, type PageSession } from '../../features/page-session';
import type { AnnotationActions } from '../../features/annotation-actions';
import { highlightSpans } from '../../core/highlight/highlight';
import { buildTextIndex } from '../../core/text/text-index';
import type { Claim } from '../../core/claims/types';

const claim: Claim = {
  id: 'c1',
  start: 0,
  end: 0,
  text: 'Unemployment fell to 4.2% in May',
  kinds: ['statistic'],
  signals: [],
  speaker: 'the minister',
  score: 0.8,
};

const actions: AnnotationActions = {
  save: vi.fn(async () => ({ ok: false as const, error: 'not in this test' })),
  remove: vi.fn(async () => {}),
  createSource: vi.fn(async () => ({ ok: false as const, error: 'no' })),
  library: vi.fn(async () => []),
};

let session: PageSession;
let card: HoverCard;
let mark: HTMLElement;

function key(target: Element, k: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
}

beforeEach(() => {
  document.body.innerHTML = '<article><p>Unemployment fell to 4.2% in May, the minister said.</p></article><p id="other">Elsewhere</p>';
  const index = buildTextIndex(document.body);
  const start = index.text.indexOf('Unemployment');
  const end = start + claim.text.length;
  highlightSpans(index, [{ id: 'c1', start, end, kinds: claim.kinds }]);
  session = createPageSession();
  session.spans.set('c1', { id: 'c1', start, end, claim, annotation: null });
  card = createHoverCard({ doc: document, session, actions, loadUi: async () => cardUi, report: (e) => { throw e; } });
  mark = document.querySelector('claimlens-mark')!;
});

afterEach(() => {
  card.destroy();
  vi.useRealTimers();
});

describe('hover card', () => {
  it('opens when a mark gets keyboard focus and reports what it shows', async () => {
    mark.focus();
    expect(card.state()).toMatchObject({ open: true, drawn: false }); // the interface is still loading
    await vi.waitFor(() => expect(card.state()).toMatchObject({ drawn: true }));
    expect(card.state()).toEqual({
      open: true,
      spanId: 'c1',
      claimId: 'c1',
      annotationId: null,
      kinds: ['statistic'],
      speaker: 'the minister',
      verdict: null,
      note: '',
      quote: claim.text,
      drawn: true,
    });
  });

  it('lives in a closed shadow root under a stable host attribute, outside <body>', () => {
    mark.focus();
    const host = document.querySelector('[data-claimlens-ui="card"]') as HTMLElement;
    expect(host).not.toBeNull();
    expect(host.shadowRoot).toBeNull(); // closed: the page cannot read it
    expect(document.body.contains(host)).toBe(false);
  });

  it('Enter pins the card, Escape closes it and gives focus back to the mark without reopening', () => {
    mark.focus();
    key(mark, 'Enter');
    expect(card.state().open).toBe(true);
    key(mark, 'Escape');
    expect(card.state().open).toBe(false);
    expect(document.activeElement).toBe(mark);
  });

  it('opens after a hover delay and closes after the pointer leaves', () => {
    vi.useFakeTimers();
    mark.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(card.state().open).toBe(false);
    vi.advanceTimersByTime(300);
    expect(card.state().open).toBe(true);
    mark.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.getElementById('other') }));
    vi.advanceTimersByTime(100);
    expect(card.state().open).toBe(true); // hover intent: still open while the pointer travels
    vi.advanceTimersByTime(400);
    expect(card.state().open).toBe(false);
  });

  it('a click on the page outside the card closes a pinned card', () => {
    card.openSpan('c1', { pinned: true });
    document.getElementById('other')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(card.state().open).toBe(false);
  });

  it('closes when the span it shows goes away', () => {
    card.openSpan('c1', { pinned: true });
    session.spans.clear();
    session.notify();
    expect(card.state().open).toBe(false);
  });

  it('loads the card interface once, on the first open, and draws the open card with it', async () => {
    card.destroy();
    const drawn: Array<string | null> = [];
    const loadUi = vi.fn(async () => ({
      createRenderer: () => ({ render: (props: { view: { quote: string } } | null) => drawn.push(props?.view.quote ?? null) }),
    }));
    card = createHoverCard({ doc: document, session, actions, loadUi, report: (e) => { throw e; } });
    expect(loadUi).not.toHaveBeenCalled();
    card.openSpan('c1', { pinned: true });
    card.openSpan('c1', { pinned: true, focus: true });
    expect(card.state().open).toBe(true); // state is known before the interface has loaded
    await vi.waitFor(() => expect(drawn).toContain(claim.text));
    card.close();
    expect(drawn[drawn.length - 1]).toBeNull();
    card.openSpan('c1');
    expect(drawn[drawn.length - 1]).toBe(claim.text);
    expect(loadUi).toHaveBeenCalledTimes(1);
  });

  it('reports a card interface that fails to load, and tries again the next time a card is drawn', async () => {
    card.destroy();
    const reported: unknown[] = [];
    const loadUi = vi.fn().mockRejectedValueOnce(new Error('blocked')).mockResolvedValue(cardUi);
    card = createHoverCard({ doc: document, session, actions, loadUi, report: (e) => reported.push(e) });
    card.openSpan('c1', { pinned: true });
    await vi.waitFor(() => expect(reported).toHaveLength(1));
    card.close();
    card.openSpan('c1', { pinned: true });
    await vi.waitFor(() => expect(loadUi).toHaveBeenCalledTimes(2));
    expect(card.state().open).toBe(true);
  });
});
