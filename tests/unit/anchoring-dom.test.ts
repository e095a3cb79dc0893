import { describe, expect, it } from 'vitest';
import { buildTextIndex, textOffsetOf } from '../../core/text/text-index';
import {
  anchorInIndex,
  anchorManyInIndex,
  describeRangeInIndex,
  type Selector,
  type TextQuoteSelector,
} from '../../core/anchoring';

function render(html: string): HTMLElement {
  document.body.innerHTML = `<article>${html}</article>`;
  return document.querySelector('article')!;
}

const ORIGINAL = `
  <h1>Water board approves rate increase</h1>
  <p>The <em>regional water board</em> voted 5-2 <a href="/vote">on Tuesday</a> to raise rates<br>by 12 percent, the largest increase in a decade.</p>
  <p>Board chair Maria Okafor said the money would pay for new pipes.</p>`;

/** A range from the `from`-th character of the first node containing `a` to the end of `b`'s node text. */
function selectBetween(root: Element, a: string, b: string): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let startNode: Text | null = null;
  let endNode: Text | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (!startNode && t.data.includes(a)) startNode = t;
    if (t.data.includes(b)) endNode = t;
  }
  const range = document.createRange();
  range.setStart(startNode!, startNode!.data.indexOf(a));
  range.setEnd(endNode!, endNode!.data.indexOf(b) + b.length);
  return range;
}

function quoteOf(selectors: Selector[]): TextQuoteSelector {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')!;
}

describe('describeRangeInIndex', () => {
  it('describes a selection across <em>, <a> and <br> in the index coordinates', () => {
    const root = render(ORIGINAL);
    const index = buildTextIndex(root);
    const selectors = describeRangeInIndex(index, selectBetween(root, 'water board', 'by 12'))!;
    expect(quoteOf(selectors).exact).toBe('water board voted 5-2 on Tuesday to raise rates\nby 12');
    const position = selectors.find((s) => s.type === 'TextPositionSelector')!;
    expect(index.text.slice(position.start, position.end)).toBe(quoteOf(selectors).exact);
    expect(quoteOf(selectors).prefix).toBe(index.text.slice(position.start - 32, position.start));
  });

  it('trims whitespace and block breaks of a selection made of element boundaries', () => {
    const root = render(ORIGINAL);
    const index = buildTextIndex(root);
    const second = root.querySelectorAll('p')[1]!;
    const range = document.createRange();
    range.setStart(root.querySelector('p')!, root.querySelector('p')!.childNodes.length);
    range.setEnd(second, second.childNodes.length);
    expect(quoteOf(describeRangeInIndex(index, range)!).exact).toBe(
      'Board chair Maria Okafor said the money would pay for new pipes.',
    );
  });

  it('returns null for a selection with no indexed text', () => {
    const root = render(`${ORIGINAL}<script>var x = 1;</script>`);
    const index = buildTextIndex(root);
    const script = root.querySelector('script')!;
    const range = document.createRange();
    range.setStart(script.firstChild!, 0);
    range.setEnd(script.firstChild!, 5);
    expect(describeRangeInIndex(index, range)).toBeNull();
  });
});

describe('anchorInIndex', () => {
  it('finds a selection again after the markup changed but the text did not', () => {
    const root = render(ORIGINAL);
    const selectors = describeRangeInIndex(buildTextIndex(root), selectBetween(root, 'regional', 'Tuesday'))!;
    const reworked = render(`
      <h1>Water board approves rate increase</h1>
      <p>The regional <strong>water</strong> board voted <span>5-2</span> on Tuesday to raise rates<br>by 12 percent, the largest increase in a decade.</p>
      <p>Board chair Maria Okafor said the money would pay for new pipes.</p>`);
    const range = anchorInIndex(buildTextIndex(reworked), selectors)!;
    expect(range).not.toBeNull();
    expect(range.toString()).toBe('regional water board voted 5-2 on Tuesday');
    expect(reworked.contains(range.startContainer)).toBe(true);
  });

  it('anchors across a <br> that became a space and a word that changed, returning offsets and ranges', () => {
    const root = render(ORIGINAL);
    const selectors = describeRangeInIndex(buildTextIndex(root), selectBetween(root, 'to raise', 'largest increase'))!;
    const edited = render(`
      <h1>Water board approves rate increase</h1>
      <p>Correction appended.</p>
      <p>The <em>regional water board</em> voted 5-2 <a href="/vote">on Tuesday</a> to raise rates by 12 percent, the biggest increase in a decade.</p>`);
    const index = buildTextIndex(edited);
    const [anchored] = anchorManyInIndex(index, [selectors]);
    expect(anchored).not.toBeNull();
    expect(anchored!.exact).toBe(false);
    expect(index.text.slice(anchored!.start, anchored!.end)).toBe('to raise rates by 12 percent, the biggest increase');
    expect(textOffsetOf(index, anchored!.range.startContainer, anchored!.range.startOffset)).toBe(anchored!.start);
    expect(anchored!.range.toString()).toBe('to raise rates by 12 percent, the biggest increase');
  });

  it('returns null for an orphan whose paragraph was removed', () => {
    const root = render(ORIGINAL);
    const selectors = describeRangeInIndex(buildTextIndex(root), selectBetween(root, 'Maria Okafor', 'new pipes'))!;
    const edited = render(`
      <h1>Water board approves rate increase</h1>
      <p>The <em>regional water board</em> voted 5-2 <a href="/vote">on Tuesday</a> to raise rates<br>by 12 percent, the largest increase in a decade.</p>`);
    expect(anchorInIndex(buildTextIndex(edited), selectors)).toBeNull();
  });
});
