import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyseDocument, keepBestClaims } from '../../core/pipeline';
import type { Claim } from '../../core/claims/types';

const SEED_NEWS = readFileSync(resolve(__dirname, '../fixtures/pages/seed-news.html'), 'utf8');

function load(html: string): void {
  document.open();
  document.write(html);
  document.close();
}

describe('analyseDocument', () => {
  beforeEach(() => load(SEED_NEWS));

  it('finds the article of the seed page and claims inside it only', () => {
    const result = analyseDocument(document);
    expect(result.status).toBe('ready');
    expect(result.article?.root.contains(document.querySelector('.news-detail'))).toBe(true);
    expect(result.claims.length).toBeGreaterThan(3);
    const text = result.index!.text;
    for (const claim of result.claims) {
      expect(text.slice(claim.start, claim.end)).toBe(claim.text);
      expect(claim.score).toBeGreaterThanOrEqual(0);
      expect(claim.score).toBeLessThanOrEqual(1);
    }
    // The decoys around the article (ticker, sidebar, comments) are not analysed.
    expect(text).not.toContain('Oil prices jump 15%');
    expect(result.claims.some((c) => c.text.includes('Mizintsev'))).toBe(true);
  });

  it('reports the time of each stage', () => {
    const { timings } = analyseDocument(document);
    for (const stage of ['article', 'index', 'claims', 'total'] as const) {
      expect(timings[stage]).toBeGreaterThanOrEqual(0);
    }
    expect(timings.total).toBeGreaterThanOrEqual(timings.article + timings.index + timings.claims - 0.01);
  });

  it("times the model's pass inside the claim stage, once per sentence the rules leave standing", () => {
    const scored: string[] = [];
    const slowScorer = (sentence: string): number => {
      scored.push(sentence);
      const until = performance.now() + 2;
      while (performance.now() < until);
      return 0.5;
    };
    const { timings } = analyseDocument(document, { scoreSentence: slowScorer });
    expect(scored.length).toBeGreaterThan(3);
    expect(timings.scoring).toBeGreaterThanOrEqual(2 * scored.length);
    expect(timings.claims).toBeGreaterThanOrEqual(timings.scoring);
    // The rules' own work is not counted as scoring.
    const quick = analyseDocument(document, { scoreSentence: () => 0.5 }).timings;
    expect(quick.scoring).toBeLessThan(quick.claims / 2);
  });

  it('uses the scorer it is given', () => {
    const high = analyseDocument(document, { scoreSentence: () => 1 });
    expect(high.claims.length).toBeGreaterThan(0);
    expect(high.claims.every((c) => c.score > 0)).toBe(true);
  });

  it('says no-article for a page without one', () => {
    load('<html><body><nav><a href="/">Home</a> <a href="/b">Business</a></nav><p>Sign in</p></body></html>');
    const result = analyseDocument(document);
    expect(result.status).toBe('no-article');
    expect(result.claims).toEqual([]);
  });

  it('skips a page with more text than the limit, saying so', () => {
    const result = analyseDocument(document, { maxPageText: 100 });
    expect(result.status).toBe('too-large');
    expect(result.pageTextLength).toBeGreaterThan(100);
    expect(result.claims).toEqual([]);
  });

  it('caps the number of claims, keeping the most check-worthy', () => {
    const all = analyseDocument(document);
    const capped = analyseDocument(document, { maxClaims: 2 });
    expect(capped.claims).toHaveLength(2);
    expect(capped.claimsCapped).toBe(true);
    const best = [...all.claims].sort((a, b) => b.score - a.score).slice(0, 2).map((c) => c.id).sort();
    expect(capped.claims.map((c) => c.id).sort()).toEqual(best);
  });
});

describe('keepBestClaims', () => {
  const c = (id: string, start: number, score: number): Claim => ({
    id, start, end: start + 1, text: 'x', kinds: ['statistic'], signals: [], score,
  });
  it('keeps the best scored, back in text order', () => {
    const kept = keepBestClaims([c('a', 0, 0.2), c('b', 5, 0.9), c('d', 9, 0.5)], 2);
    expect(kept.map((x) => x.id)).toEqual(['b', 'd']);
  });
});
