import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnnotateSelection, selectionDraft } from '../../features/annotate-selection';
import type { HoverCard } from '../../features/hover-card';
import { buildTextIndex } from '../../core/text/text-index';
import { highlightSpans } from '../../core/highlight/highlight';

function select(node: Node, from: number, to: number, endNode: Node = node): void {
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(endNode, to);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

afterEach(() => document.getSelection()?.removeAllRanges());

describe('selectionDraft', () => {
  it('gives the selection as trimmed offsets of the body-level text', () => {
    document.body.innerHTML = '<nav>Menu</nav><aside><p>  Prices rose 12 percent in August  </p></aside>';
    const text = document.querySelector('aside p')!.firstChild!;
    select(text, 0, (text as Text).data.length);
    const draft = selectionDraft(document)!;
    expect(draft.quote).toBe('Prices rose 12 percent in August');
    expect(buildTextIndex(document.body).text.slice(draft.start, draft.end)).toBe(draft.quote);
  });

  it('works across marks and elements, since marks add no text', () => {
    document.body.innerHTML = '<p>The minister said <b>unemployment</b> fell to 4.2% in May.</p>';
    const index = buildTextIndex(document.body);
    highlightSpans(index, [{ id: 'c', start: 4, end: 12, kinds: [] }]);
    const p = document.querySelector('p')!;
    select(p, 0, p.childNodes.length);
    const draft = selectionDraft(document)!;
    expect(draft.quote).toBe('The minister said unemployment fell to 4.2% in May.');
    expect(draft.start).toBe(0);
  });

  it('is null for an empty or whitespace-only selection', () => {
    document.body.innerHTML = '<p>Some   text</p>';
    const text = document.querySelector('p')!.firstChild!;
    select(text, 2, 2);
    expect(selectionDraft(document)).toBeNull();
    select(text, 4, 7);
    expect(selectionDraft(document)).toBeNull();
  });
});

describe('createAnnotateSelection', () => {
  it('opens the editor for the selection, or says there is none', () => {
    document.body.innerHTML = '<p>Prices rose 12 percent in August</p>';
    const openDraft = vi.fn();
    const card = { openDraft } as unknown as HoverCard;
    const feature = createAnnotateSelection({ doc: document, card, offerButton: () => true, report: (e) => { throw e; } });
    expect(feature.annotate()).toBe(false);
    const text = document.querySelector('p')!.firstChild!;
    select(text, 0, 11);
    expect(feature.annotate()).toBe(true);
    expect(openDraft).toHaveBeenCalledWith(expect.objectContaining({ start: 0, end: 11, quote: 'Prices rose' }));
    feature.destroy();
  });

  it('offers an Annotate button beside a finished selection, which opens the editor; none while switched off', () => {
    vi.useFakeTimers();
    // The button lives in a closed shadow root: keep a handle on the roots made during the test.
    const roots: ShadowRoot[] = [];
    const attachShadow = Element.prototype.attachShadow;
    const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attachShadow.call(this, init);
      roots.push(root);
      return root;
    });
    // happy-dom lays nothing out: give the selection a box to sit beside.
    const rects = vi
      .spyOn(Range.prototype, 'getClientRects')
      .mockReturnValue([{ top: 100, bottom: 120, left: 10, right: 200, width: 190, height: 20 }] as unknown as DOMRectList);
    try {
      document.body.innerHTML = '<p>Prices rose 12 percent in August</p>';
      const openDraft = vi.fn();
      let offered = true;
      const feature = createAnnotateSelection({
        doc: document,
        card: { openDraft } as unknown as HoverCard,
        offerButton: () => offered,
        report: (e) => {
          throw e;
        },
      });
      select(document.querySelector('p')!.firstChild!, 0, 11);
      document.dispatchEvent(new Event('selectionchange'));
      expect(roots).toHaveLength(0); // not while the reader may still be dragging
      vi.advanceTimersByTime(300);
      const button = roots[0]?.querySelector('button');
      expect(button?.textContent).toBe('Annotate');
      expect(button?.isConnected).toBe(true);
      expect(button!.style.top).not.toBe('');
      // The page's selection survives pressing the button.
      const mousedown = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
      button!.dispatchEvent(mousedown);
      expect(mousedown.defaultPrevented).toBe(true);
      button!.click();
      expect(openDraft).toHaveBeenCalledWith(expect.objectContaining({ quote: 'Prices rose' }));
      expect(button!.isConnected).toBe(false);

      offered = false;
      document.dispatchEvent(new Event('selectionchange'));
      vi.advanceTimersByTime(300);
      expect(button!.isConnected).toBe(false);
      feature.destroy();
      expect(document.querySelector('[data-claimlens-ui="annotate-button"]')).toBeNull();
    } finally {
      spy.mockRestore();
      rects.mockRestore();
      vi.useRealTimers();
    }
  });
});
