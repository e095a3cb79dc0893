import { beforeEach, describe, expect, it } from 'vitest';
import { buildTextIndex } from '../../core/text/text-index';
import {
  MARK_TAG,
  highlightSpans,
  marksOf,
  removeHighlights,
  setMarkVerdict,
  type HighlightSpan,
} from '../../core/highlight/highlight';

function mount(html: string): HTMLElement {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  return document.getElementById('root')!;
}

/** Every text node's data, in order: detects merged or leftover split nodes, which innerHTML hides. */
function textNodes(root: Node): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) out.push((node as Text).data);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

function spanOf(root: HTMLElement, id: string, quote: string, kinds: string[] = ['statistic']): HighlightSpan {
  const { text } = buildTextIndex(root);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return { id, start, end: start + quote.length, kinds };
}

describe('highlightSpans', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('wraps a span inside one text node in one mark with id and kinds', () => {
    const root = mount('<p>The Rukban camp houses some 25,000 people in the desert.</p>');
    const span = spanOf(root, 'c1', 'houses some 25,000 people', ['statistic', 'date-event']);
    highlightSpans(buildTextIndex(root), [span]);
    const marks = marksOf(root, 'c1');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.textContent).toBe('houses some 25,000 people');
    expect(marks[0]!.getAttribute('data-claimlens-kind')).toBe('statistic date-event');
    expect(marks[0]!.tabIndex).toBe(0);
  });

  it.each([
    ['a link', '<p>Officials said <a href="/x">the camp houses</a> some 25,000 people.</p>', 'said the camp houses some', 3],
    ['emphasis', '<p>It was <em>described</em> as <strong>"deplorable"</strong> by the WHO.</p>', 'described as "deplorable" by', 4],
    ['a line break', '<div>The exit plans were mentioned in December<br>2018, however no dates were set.</div>', 'December\n2018, however', 2],
  ])('splits a span that crosses %s into marks sharing one id', (_name, html, quote, pieces) => {
    const root = mount(html);
    const before = root.textContent;
    highlightSpans(buildTextIndex(root), [spanOf(root, 'c1', quote)]);
    const marks = marksOf(root, 'c1');
    expect(marks).toHaveLength(pieces);
    expect(marks.filter((mark) => mark.tabIndex === 0)).toHaveLength(1);
    expect(marks.map((mark) => mark.textContent).join('')).toBe(quote.replace('\n', ''));
    expect(root.textContent).toBe(before);
  });

  it('keeps the text, is idempotent, and removal restores the DOM exactly', () => {
    const html =
      '<h1>Title</h1><p>First <a href="#">linked 12% figure</a> and more text.</p>\n<p>Second: "a quote," he said.</p>';
    const root = mount(html);
    const before = root.innerHTML;
    const nodesBefore = textNodes(root);
    const spans = [
      spanOf(root, 'a', 'linked 12% figure and'),
      spanOf(root, 'b', '"a quote," he said', ['quote']),
    ];
    highlightSpans(buildTextIndex(root), spans);
    const once = root.innerHTML;
    expect(root.textContent).toBe(new DOMParser().parseFromString(before, 'text/html').body.textContent);
    highlightSpans(buildTextIndex(root), spans);
    expect(root.innerHTML).toBe(once);
    expect(root.querySelectorAll(MARK_TAG).length).toBe(3);
    removeHighlights(root);
    expect(root.innerHTML).toBe(before);
    expect(textNodes(root)).toEqual(nodesBefore);
  });

  it('handles overlapping spans by nesting, and removes one without disturbing the other', () => {
    const root = mount('<p>The camp houses some 25,000 people in deplorable conditions.</p>');
    const nodesBefore = textNodes(root);
    const index = buildTextIndex(root);
    highlightSpans(index, [
      spanOf(root, 'claim', 'houses some 25,000 people in deplorable'),
      { ...spanOf(root, 'note', '25,000 people in deplorable conditions'), kinds: [], annotationId: 'n1' },
    ]);
    expect(marksOf(root, 'claim').map((m) => m.textContent).join('')).toBe('houses some 25,000 people in deplorable');
    expect(marksOf(root, 'note').map((m) => m.textContent).join('')).toBe('25,000 people in deplorable conditions');
    removeHighlights(root, ['note']);
    expect(marksOf(root, 'note')).toHaveLength(0);
    expect(marksOf(root, 'claim').map((m) => m.textContent).join('')).toBe('houses some 25,000 people in deplorable');
    removeHighlights(root);
    expect(textNodes(root)).toEqual(nodesBefore);
  });

  it('does not merge text nodes the page kept apart', () => {
    const root = mount('<p></p>');
    const p = root.querySelector('p')!;
    p.append('Alpha beta ', 'gamma 40 percent delta');
    highlightSpans(buildTextIndex(root), [spanOf(root, 'x', 'beta gamma 40')]);
    removeHighlights(root);
    expect(textNodes(root)).toEqual(['Alpha beta ', 'gamma 40 percent delta']);
  });

  it('marks verdicts and clears them', () => {
    const root = mount('<p>Unemployment fell to 5.8% in 2019.</p>');
    highlightSpans(buildTextIndex(root), [spanOf(root, 'c', 'fell to 5.8%')]);
    setMarkVerdict(root, 'c', 'false');
    expect(marksOf(root, 'c')[0]!.getAttribute('data-claimlens-verdict')).toBe('false');
    setMarkVerdict(root, 'c', null);
    expect(marksOf(root, 'c')[0]!.hasAttribute('data-claimlens-verdict')).toBe(false);
  });

  it('leaves whitespace-only nodes between blocks unwrapped', () => {
    const root = mount('<ul>\n<li>Prices rose 3%.</li>\n<li>Wages rose 2%.</li>\n</ul>');
    highlightSpans(buildTextIndex(root), [spanOf(root, 'c', 'rose 3%.\n\nWages')]);
    for (const mark of marksOf(root, 'c')) expect(mark.parentElement!.tagName).toBe('LI');
  });
});
