import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../core/claims/detect-claims';
import { scoreCheckWorthiness } from '../../core/worthiness/index';

const seed = readFileSync(resolve(__dirname, '../fixtures/seed/000_ce1b8838b0f80949.txt'), 'utf8');

/** Phrases of the claims the seed README expects highlighted. */
const EXPECTED = [
  'houses some 25,000 people',
  'described by the World Health Organization as "deplorable"',
  'Mizintsev, said on Wednesday',
  'illegal presence',
  'Vladimir Putin said',
  'in December 2018',
  'since 2014',
  'unauthorized military base',
];

describe('detectClaims with the check-worthiness model plugged in', () => {
  const claims = detectClaims(seed, { scoreSentence: scoreCheckWorthiness });

  it.each(EXPECTED)('still finds the seed claim with "%s"', (phrase) => {
    const at = seed.indexOf(phrase);
    expect(at).toBeGreaterThanOrEqual(0);
    const covering = claims.find((c) => c.start <= at && at + phrase.length <= c.end);
    expect(covering, phrase).toBeDefined();
  });

  it('does not turn the date line into a claim', () => {
    const dateLine = seed.split('\n')[0]!;
    expect(claims.some((c) => c.end <= dateLine.length + 1)).toBe(false);
  });
});
