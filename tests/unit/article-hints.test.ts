import { describe, expect, it } from 'vitest';
import { FurnitureHint, furnitureHint, readMarkup } from '../../core/article/hints';

function element(html: string): Element {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return doc.body.firstElementChild!;
}

const hintOf = (html: string): FurnitureHint => {
  const el = element(html);
  return furnitureHint(el.tagName.toUpperCase(), readMarkup(el), new Map());
};

describe('furnitureHint', () => {
  it('is certain for furniture tags, ARIA roles of furniture and widgets, and comment threads', () => {
    expect(hintOf('<nav>x</nav>')).toBe(FurnitureHint.Certain);
    expect(hintOf('<figcaption>x</figcaption>')).toBe(FurnitureHint.Certain);
    expect(hintOf('<div role="navigation">x</div>')).toBe(FurnitureHint.Certain);
    expect(hintOf('<div role="grid">x</div>')).toBe(FurnitureHint.Certain);
    expect(hintOf('<div class="commentList">x</div>')).toBe(FurnitureHint.Certain);
    expect(hintOf('<section id="disqus_thread">x</section>')).toBe(FurnitureHint.Certain);
  });

  it('reads furniture words in class names and ids, whole or camelCase, and parts like "related"', () => {
    for (const name of ['ad-slot', 'AD_SLOT', 'adSlot', 'newsCaption', 'topNav', 'readMoreLink', 'tags', 'relatedlinks', 'post-share-bar', 'site-footer']) {
      expect(hintOf(`<div class="x ${name}">x</div>`), name).toBe(FurnitureHint.Named);
    }
    expect(hintOf('<div id="sidebar">x</div>')).toBe(FurnitureHint.Named);
  });

  it('does not see furniture words inside other words', () => {
    for (const name of ['download', 'bad', 'metadata', 'article-body', 'entry-content', 'headline', 'loader']) {
      expect(hintOf(`<div class="${name}">x</div>`), name).toBe(FurnitureHint.None);
    }
    expect(hintOf('<p>x</p>')).toBe(FurnitureHint.None);
  });

  it('caches verdicts by name', () => {
    const cache = new Map<string, FurnitureHint>();
    const bar = element('<div class="share-bar">x</div>');
    furnitureHint('DIV', readMarkup(bar), cache);
    expect(cache.get('share-bar')).toBe(FurnitureHint.Named);
  });
});

const isHidden = (el: Element): boolean => readMarkup(el).hidden;

describe('readMarkup', () => {
  it('sees the hidden attribute, aria-hidden and inline styles that hide', () => {
    expect(isHidden(element('<div hidden>x</div>'))).toBe(true);
    expect(isHidden(element('<div aria-hidden="true">x</div>'))).toBe(true);
    expect(isHidden(element('<div style="color: red; display : none">x</div>'))).toBe(true);
    expect(isHidden(element('<div style="visibility:hidden">x</div>'))).toBe(true);
    expect(isHidden(element('<div style="display:block" aria-hidden="false">x</div>'))).toBe(false);
  });

  it('reads only the attributes present, and what they say', () => {
    const markup = readMarkup(element('<div id="main" class="story" role="main" itemprop="articleBody" data-claimlens-ui>x</div>'));
    expect(markup).toMatchObject({ id: 'main', classes: 'story', role: 'main', type: null, hidden: false, claimLensUi: true, articleBody: true });
    expect(readMarkup(element('<p>x</p>'))).toEqual({ id: null, classes: null, role: null, type: null, hidden: false, claimLensUi: false, articleBody: false });
  });
});
