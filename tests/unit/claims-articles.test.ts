/**
 * Hand-labelled news articles of different beats (tests/fixtures/claims/*.txt with *.expected.json):
 * every expected claim is found with its kinds and speaker, and the sentences a reader would not want
 * highlighted (opinions, questions, boilerplate, bylines, credits) are not inside any claim.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../core/claims/detect-claims';
import type { Claim, ClaimKind } from '../../core/claims/types';

interface Expected {
  beat: string;
  claims: Array<{ words: string; kinds: ClaimKind[]; speaker?: string }>;
  notClaims: string[];
}

const DIR = resolve(process.cwd(), 'tests/fixtures/claims');
const articles = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({
    name: f.replace(/\.txt$/, ''),
    text: readFileSync(resolve(DIR, f), 'utf8'),
    expected: JSON.parse(readFileSync(resolve(DIR, f.replace(/\.txt$/, '.expected.json')), 'utf8')) as Expected,
  }));

function covering(claims: Claim[], text: string, words: string): Claim | undefined {
  const at = text.indexOf(words);
  if (at < 0) throw new Error(`fixture does not contain: ${words}`);
  return claims.find((c) => c.start <= at && at + words.length <= c.end);
}

function overlapping(claims: Claim[], text: string, words: string): Claim | undefined {
  const at = text.indexOf(words);
  if (at < 0) throw new Error(`fixture does not contain: ${words}`);
  return claims.find((c) => c.start < at + words.length && at < c.end);
}

it('has at least five labelled articles of different beats', () => {
  expect(new Set(articles.map((a) => a.expected.beat)).size).toBeGreaterThanOrEqual(5);
});

describe.each(articles)('$name', ({ text, expected }) => {
  const claims = detectClaims(text);

  it.each(expected.claims)('finds "$words" as $kinds', ({ words, kinds, speaker }) => {
    const claim = covering(claims, text, words);
    expect(claim, `no claim covers "${words}"`).toBeDefined();
    expect(claim!.kinds).toEqual(expect.arrayContaining(kinds));
    if (speaker) expect(claim!.speaker ?? '').toContain(speaker);
  });

  it.each(expected.notClaims)('does not flag "%s"', (words) => {
    const claim = overlapping(claims, text, words);
    expect(claim?.text, `flagged as ${claim?.kinds.join(', ')}`).toBeUndefined();
  });
});
