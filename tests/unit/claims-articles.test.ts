/**
 * Hand-labelled news articles of different beats (tests/fixtures/claims/*.txt with *.expected.json):
 * every expected claim is found with its kinds and speaker, and the sentences a reader would not want
 * highlighted (opinions, questions, boilerplate, bylines, credits) are not inside any claim.
 */
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../core/claims/detect-claims';
import { claimCovering, claimOverlapping, labelledArticles } from '../fixtures/claims/load';

const articles = labelledArticles();

it('has at least five labelled articles of different beats', () => {
  expect(new Set(articles.map((a) => a.expected.beat)).size).toBeGreaterThanOrEqual(5);
});

describe.each(articles)('$name', ({ text, expected }) => {
  const claims = detectClaims(text);

  it.each(expected.claims)('finds "$words" as $kinds', ({ words, kinds, speaker }) => {
    const claim = claimCovering(claims, text, words);
    expect(claim, `no claim covers "${words}"`).toBeDefined();
    expect(claim!.kinds).toEqual(expect.arrayContaining(kinds));
    if (speaker) expect(claim!.speaker ?? '').toContain(speaker);
  });

  it.each(expected.notClaims)('does not flag "%s"', (words) => {
    const claim = claimOverlapping(claims, text, words);
    expect(claim?.text, `flagged as ${claim?.kinds.join(', ')}`).toBeUndefined();
  });
});
