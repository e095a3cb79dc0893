import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../core/article/detect-article';
import { articleText, indexArticle, tidyText } from '../../core/article/article-text';
import { textOffsetOf } from '../../core/text/text-index';
import type { DetectedArticle } from '../../core/article/types';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`, 'text/html');
}

const LAYOUT = `
  <div id="top"><h1 id="hl">Headline of the story</h1><div id="byline">By A. Writer</div></div>
  <div id="side">Sidebar text that must not appear.</div>
  <div id="body"><p>First paragraph of the body.</p><div id="ad">Advertisement</div><p>Second <b>paragraph</b> here.</p></div>
  <div id="foot">Footer text.</div>`;

function handMade(doc: Document, headlineInside = false): DetectedArticle {
  const root = doc.getElementById(headlineInside ? 'wrap' : 'body')!;
  return { root, headline: doc.getElementById('hl'), excluded: new Set([doc.getElementById('ad')!]), confidence: 1 };
}

describe('indexArticle', () => {
  it('indexes the headline and the root only when the headline lies outside the root', () => {
    const doc = page(LAYOUT);
    const index = indexArticle(handMade(doc));
    expect(index.text).toBe('Headline of the story\nFirst paragraph of the body.\nSecond paragraph here.');
    expect(index.root).toBe(doc.body);
    expect(index.segments.map((segment) => segment.node.data)).toEqual(['Headline of the story', 'First paragraph of the body.', 'Second ', 'paragraph', ' here.']);
  });

  it('maps every character of the index to the DOM text it came from', () => {
    const doc = page(LAYOUT);
    const index = indexArticle(handMade(doc));
    for (const segment of index.segments) {
      expect(index.text.slice(segment.start, segment.start + segment.node.data.length)).toBe(segment.node.data);
      expect(textOffsetOf(index, segment.node, 0)).toBe(segment.start);
    }
  });

  it('leaves the headline out on request, inside or outside the root', () => {
    const outside = page(LAYOUT);
    expect(articleText(handMade(outside), { includeHeadline: false })).toBe('First paragraph of the body.\nSecond paragraph here.');
    const inside = page(`<div id="wrap">${LAYOUT}</div>`);
    const article = handMade(inside, true);
    expect(articleText(article)).toContain('Headline of the story');
    expect(articleText(article, { includeHeadline: false })).not.toContain('Headline of the story');
    expect(articleText(article, { includeHeadline: false })).toContain('Sidebar text');
  });

  it('tidies runs of spaces and blank lines', () => {
    expect(tidyText('  a \t b\n\n \n c  ')).toBe('a b\nc');
  });
});

describe('detectArticle and highlights', () => {
  it('finds the same article, with the same text, once claim marks wrap parts of it', () => {
    const doc = page(`<nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <main><h1>Port traffic rises</h1>
      <p>Container traffic at the port rose 12% last year, the harbour authority said on Monday in its annual report.</p>
      <p>The authority expects another rise this year, as two new cranes come into service in the spring, officials said.</p>
      <p>Unions welcomed the figures but warned that staffing has not kept pace with the growth in traffic, a spokesman said.</p></main>
      <footer>© Port News</footer>`);
    const before = detectArticle(doc)!;
    const text = articleText(before);
    const paragraph = doc.querySelector('main p')!;
    const first = paragraph.firstChild as Text;
    const rest = first.splitText(15);
    const mark = doc.createElement('claimlens-mark');
    mark.setAttribute('data-claimlens-id', 'c1');
    paragraph.insertBefore(mark, rest);
    mark.append(rest.splitText(0));
    const after = detectArticle(doc)!;
    expect(after.root).toBe(before.root);
    expect(articleText(after)).toBe(text);
    expect(after.confidence).toBeGreaterThan(0);
    expect(after.confidence).toBeLessThanOrEqual(1);
  });
});
