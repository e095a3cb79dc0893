import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../core/claims/detect-claims';
import type { Claim, ClaimKind } from '../../core/claims/types';

const SEED = readFileSync(resolve(process.cwd(), 'tests/fixtures/seed/000_ce1b8838b0f80949.txt'), 'utf8');

/** The claim whose range covers the given words of the seed. */
function claimAt(claims: Claim[], words: string): Claim | undefined {
  const at = SEED.indexOf(words);
  if (at < 0) throw new Error(`fixture lost its words: ${words}`);
  return claims.find((c) => c.start <= at && at + words.length <= c.end);
}

describe('seed article (000_ce1b8838b0f80949)', () => {
  const claims = detectClaims(SEED);

  it('keeps its lost dashes (U+FFFD) so the detector sees real page damage', () => {
    expect(SEED.match(/\uFFFD/g)?.length).toBe(3);
  });

  const expected: Array<{ words: string; kind: ClaimKind; signal?: string; speaker?: RegExp }> = [
    { words: 'houses some 25,000 people', kind: 'statistic', signal: '25,000 people' },
    { words: 'described by the World Health Organization as "deplorable"', kind: 'attribution', signal: 'deplorable', speaker: /World Health Organization/ },
    { words: 'The region\'s stabilization is possible', kind: 'quote', speaker: /Mizintsev/ },
    { words: 'We believe that the illegal presence', kind: 'quote', speaker: /^Col\. Gen\. Mikhail Mizintsev$/ },
    { words: 'Putin said that Moscow was expecting a decision', kind: 'reported-speech', speaker: /Putin/ },
    { words: 'in December 2018', kind: 'date-event', signal: 'December 2018' },
    { words: 'since 2014', kind: 'date-event', signal: 'since 2014' },
    { words: 'illegal presence', kind: 'characterization', signal: 'illegal presence' },
    { words: 'unauthorized military base', kind: 'characterization', signal: 'unauthorized military base' },
  ];

  it.each(expected)('finds "$words" as $kind', ({ words, kind, signal, speaker }) => {
    const claim = claimAt(claims, words);
    expect(claim, `no claim covers "${words}"`).toBeDefined();
    expect(claim!.kinds).toContain(kind);
    if (signal) expect(claim!.signals.some((s) => s.kind === kind && s.text.includes(signal))).toBe(true);
    if (speaker) expect(claim!.speaker).toMatch(speaker);
  });

  it('keeps the quotation and its trailing attribution in one claim', () => {
    const claim = claimAt(claims, 'We believe that');
    expect(claim?.text).toMatch(/^"We believe[\s\S]*Mizintsev said at an urgent meeting/);
  });

  it('does not flag the byline line nor take the dateline into the first claim', () => {
    expect(claims.some((c) => c.text.includes('@imziishan'))).toBe(false);
    const first = claimAt(claims, 'The presence of US forces');
    expect(first?.text.startsWith('The presence of US forces')).toBe(true);
    expect(first?.signals.some((s) => s.text.includes('September'))).toBe(false);
  });
});
