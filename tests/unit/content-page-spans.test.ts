import { describe, expect, it } from 'vitest';
import { claimInBody, mergeSpans, toHighlightSpan } from '../../features/page-spans';
import { buildTextIndex } from '../../core/text/text-index';
import { newAnnotation } from '../../core/annotations/model';
import type { Claim } from '../../core/claims/types';

function claim(id: string, start: number, end: number, text = ''): Claim {
  return { id, start, end, text, kinds: ['statistic'], signals: [], score: 0.9 };
}

function annotation(verdict: 'true' | 'false' | null = 'false') {
  return newAnnotation({ source: 'https://example.com/a', selector: [], body: { verdict } });
}

describe('claimInBody', () => {
  it('moves a claim from article coordinates to body coordinates through the shared text nodes', () => {
    document.body.innerHTML =
      '<nav>Home World Sport</nav><article><h1>Title</h1><p>Prices rose <b>12%</b> in May.</p></article>';
    const article = document.querySelector('article')!;
    const articleIndex = buildTextIndex(article);
    const bodyIndex = buildTextIndex(document.body);
    const start = articleIndex.text.indexOf('Prices');
    const end = articleIndex.text.indexOf(' in May') ;
    const range = claimInBody(articleIndex, bodyIndex, claim('c1', start, end));
    expect(range).not.toBeNull();
    expect(bodyIndex.text.slice(range![0], range![1])).toBe('Prices rose 12%');
    expect(range![0]).toBeGreaterThan(start); // the nav text comes first in the body
  });

  it('returns null when the claim text is not in the body index', () => {
    document.body.innerHTML = '<article><p>Some text here.</p></article>';
    const articleIndex = buildTextIndex(document.querySelector('article')!);
    const bodyIndex = buildTextIndex(document.body, { skip: (e) => e.tagName === 'ARTICLE' });
    expect(claimInBody(articleIndex, bodyIndex, claim('c', 0, 4))).toBeNull();
  });
});

describe('mergeSpans', () => {
  it('pairs an annotation covering the same text with its claim, so the claim marks show the verdict', () => {
    const a = annotation('false');
    const spans = mergeSpans([{ claim: claim('c1', 0, 10), start: 100, end: 140 }], [{ annotation: a, start: 100, end: 140 }]);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.id).toBe('c1');
    expect(toHighlightSpan(spans[0]!)).toMatchObject({ id: 'c1', verdict: 'false', annotationId: a.id, kinds: ['statistic'] });
  });

  it('gives an annotation on other text marks of its own, with no kinds', () => {
    const a = annotation(null);
    const spans = mergeSpans(
      [{ claim: claim('c1', 0, 10), start: 100, end: 140 }],
      [{ annotation: a, start: 10, end: 20 }, ],
    );
    expect(spans.map((s) => s.id)).toEqual([a.id, 'c1']); // sorted by start
    expect(toHighlightSpan(spans[0]!)).toMatchObject({ kinds: [], verdict: null, annotationId: a.id });
  });

  it('does not pair a few words selected inside a long claim', () => {
    const a = annotation('true');
    const spans = mergeSpans([{ claim: claim('c1', 0, 10), start: 100, end: 200 }], [{ annotation: a, start: 120, end: 130 }]);
    expect(spans).toHaveLength(2);
    expect(spans.find((s) => s.id === 'c1')!.annotation).toBeNull();
  });

  it('pairs each claim with at most one annotation', () => {
    const first = annotation('true');
    const second = annotation('false');
    const spans = mergeSpans(
      [{ claim: claim('c1', 0, 10), start: 0, end: 50 }],
      [{ annotation: first, start: 0, end: 50 }, { annotation: second, start: 0, end: 50 }],
    );
    expect(spans).toHaveLength(2);
    expect(spans.filter((s) => s.claim).map((s) => s.annotation?.id)).toEqual([first.id]);
  });
});
