/**
 * The detector blended with the real check-worthiness model (core/worthiness): the seed's claims still
 * hold, non-claims stay unflagged, and the labelled articles keep nearly all their claims (the model
 * may veto a weak rule hit it finds unimportant, e.g. a rhetorical quotation).
 */
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../core/claims/detect-claims';
import { scoreCheckWorthiness } from '../../core/worthiness/index';
import { claimCovering, claimOverlapping, labelledArticles, SEED_EXPECTED, SEED_TEXT } from '../fixtures/claims/load';

const withModel = (text: string) => detectClaims(text, { scoreSentence: scoreCheckWorthiness });

describe('seed with the real check-worthiness model', () => {
  const claims = withModel(SEED_TEXT);

  it.each(SEED_EXPECTED)('still finds "$words" as $kind', ({ words, kind, speaker }) => {
    const claim = claimCovering(claims, SEED_TEXT, words);
    expect(claim, `no claim covers "${words}"`).toBeDefined();
    expect(claim!.kinds).toContain(kind);
    if (speaker) expect(claim!.speaker).toMatch(speaker);
  });

  it('still leaves the byline out', () => {
    expect(claims.some((c) => c.text.includes('@imziishan'))).toBe(false);
  });
});

describe.each(labelledArticles())('$name with the real model', ({ text, expected }) => {
  const claims = withModel(text);

  it('keeps at least 85% of the labelled claims with their kinds', () => {
    const found = expected.claims.filter(({ words, kinds }) => {
      const claim = claimCovering(claims, text, words);
      return claim && kinds.every((k) => claim.kinds.includes(k));
    });
    expect(found.length / expected.claims.length).toBeGreaterThanOrEqual(0.85);
  });

  it.each(expected.notClaims)('does not flag "%s"', (words) => {
    expect(claimOverlapping(claims, text, words)?.text).toBeUndefined();
  });
});
