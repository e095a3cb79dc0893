import { describe, expect, it } from 'vitest';
import {
  buildTextIndex,
  domPointAt,
  rangeFromOffsets,
  splitAtOffset,
  textOffsetOf,
} from '../../core/text/text-index';

function mount(html: string): HTMLElement {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  return document.getElementById('root')!;
}

describe('buildTextIndex', () => {
  it.each([
    ['paragraphs', '<p>One.</p><p>Two.</p>', 'One.\nTwo.'],
    ['line breaks', 'First line<br>second line', 'First line\nsecond line'],
    ['inline markup', '<p>An <em>emphasised</em> <a href="#">link</a>.</p>', 'An emphasised link.'],
    ['scripts and styles', '<p>Text<script>var x = 1;</script><style>p{}</style> stays</p>', 'Text stays'],
    ['hidden and ClaimLens UI', '<p>Seen</p><p hidden>unseen</p><div data-claimlens-ui="card">card</div>', 'Seen'],
    ['nested blocks', '<div><div>A</div><div><p>B</p></div></div>', 'A\nB'],
  ])('flattens %s', (_name, html, expected) => {
    expect(buildTextIndex(mount(html)).text).toBe(expected);
  });

  it('honours a skip predicate', () => {
    const root = mount('<p>Body</p><aside class="ad">Buy now</aside><p>More</p>');
    const index = buildTextIndex(root, { skip: (el) => el.classList.contains('ad') });
    expect(index.text).toBe('Body\nMore');
  });

  it('maps offsets to DOM points and back', () => {
    const root = mount('<p>Hello <b>bold</b> world</p><p>Next</p>');
    const index = buildTextIndex(root);
    for (let offset = 0; offset <= index.text.length; offset++) {
      if (index.text[offset - 1] === '\n') continue; // the separator belongs to no node
      const point = domPointAt(index, offset, 'end')!;
      expect(textOffsetOf(index, point.node, point.offset)).toBe(offset);
    }
  });

  it('builds ranges whose text is the indexed text without separators', () => {
    const root = mount('<p>Hello <b>bold</b> world</p><p>Next para</p>');
    const index = buildTextIndex(root);
    const start = index.text.indexOf('bold');
    const end = index.text.indexOf('para') + 4;
    expect(rangeFromOffsets(index, start, end)!.toString()).toBe('bold worldNext para');
  });

  it('finds the offset of an element boundary', () => {
    const root = mount('<p>Alpha</p><p>Beta</p>');
    const index = buildTextIndex(root);
    expect(textOffsetOf(index, root, 1)).toBe(index.text.indexOf('Beta'));
    expect(textOffsetOf(index, root, 2)).toBe(index.text.length);
  });

  it('splits a node at an offset and keeps the index consistent', () => {
    const root = mount('<p>Alpha beta</p>');
    const index = buildTextIndex(root);
    const split = splitAtOffset(index, 6)!;
    expect(split.from.data).toBe('Alpha ');
    expect(split.created.data).toBe('beta');
    expect(index.segments.map((s) => s.start)).toEqual([0, 6]);
    expect(splitAtOffset(index, 6)).toBeNull();
    expect(buildTextIndex(root).text).toBe(index.text);
  });
});
