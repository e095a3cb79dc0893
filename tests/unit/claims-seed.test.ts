import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../core/claims/detect-claims';
import { claimCovering, SEED_EXPECTED, SEED_TEXT } from '../fixtures/claims/load';

describe('seed article (000_ce1b8838b0f80949)', () => {
  const claims = detectClaims(SEED_TEXT);

  it('keeps its lost dashes (U+FFFD) so the detector sees real page damage', () => {
    expect(SEED_TEXT.match(/\uFFFD/g)?.length).toBe(3);
  });

  it.each(SEED_EXPECTED)('finds "$words" as $kind', ({ words, kind, signal, speaker }) => {
    const claim = claimCovering(claims, SEED_TEXT, words);
    expect(claim, `no claim covers "${words}"`).toBeDefined();
    expect(claim!.kinds).toContain(kind);
    if (signal) expect(claim!.signals.some((s) => s.kind === kind && s.text.includes(signal))).toBe(true);
    if (speaker) expect(claim!.speaker).toMatch(speaker);
  });

  it('keeps the quotation and its trailing attribution in one claim', () => {
    const claim = claimCovering(claims, SEED_TEXT, 'We believe that');
    expect(claim?.text).toMatch(/^"We believe[\s\S]*Mizintsev said at an urgent meeting/);
  });

  it('resolves a surname to the fuller earlier mention', () => {
    expect(claimCovering(claims, SEED_TEXT, 'mentioned by Trump')?.speaker).toBe('Donald Trump');
  });

  it('does not flag the byline line nor take the dateline into the first claim', () => {
    expect(claims.some((c) => c.text.includes('@imziishan'))).toBe(false);
    const first = claimCovering(claims, SEED_TEXT, 'The presence of US forces');
    expect(first?.text.startsWith('The presence of US forces')).toBe(true);
    expect(first?.signals.some((s) => s.text.includes('September'))).toBe(false);
  });
});

describe('seed without Intl.Segmenter', () => {
  it('finds the same claims with the punctuation fallback', async () => {
    const { resetSentenceBreaker } = await import('../../core/claims/sentences');
    const withSegmenter = detectClaims(SEED_TEXT).map((c) => [c.id, c.kinds, c.speaker]);
    const original = Intl.Segmenter;
    try {
      Object.defineProperty(Intl, 'Segmenter', { value: undefined, configurable: true, writable: true });
      resetSentenceBreaker();
      expect(detectClaims(SEED_TEXT).map((c) => [c.id, c.kinds, c.speaker])).toEqual(withSegmenter);
    } finally {
      Object.defineProperty(Intl, 'Segmenter', { value: original, configurable: true, writable: true });
      resetSentenceBreaker();
    }
  });
});
