/**
 * Properties every result must have, on the fixtures and on texts shuffled from them with page damage
 * added (whitespace runs, blank lines, lost dashes): exact offsets, ranges inside the text, claims
 * sorted and never overlapping (a claim is one sentence unit), signals inside their claim, scores in
 * [0, 1], deterministic and position-independent ids.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../core/claims/detect-claims';
import { CLAIM_KINDS, type Claim } from '../../core/claims/types';

const FIXTURES = [resolve(process.cwd(), 'tests/fixtures/seed/000_ce1b8838b0f80949.txt')].concat(
  readdirSync(resolve(process.cwd(), 'tests/fixtures/claims'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => resolve(process.cwd(), 'tests/fixtures/claims', f)),
);
const TEXTS = FIXTURES.map((f) => readFileSync(f, 'utf8'));

/** Small deterministic PRNG (mulberry32) so generated texts are the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAMAGE = ['\n', '\n\n', '   ', '\n      ', ' \uFFFD ', '\t', ' '];

function shuffledText(seed: number): string {
  const random = rng(seed);
  const paragraphs = TEXTS.flatMap((t) => t.split('\n')).filter((p) => p.trim());
  const out: string[] = [];
  for (let i = 0; i < 25; i++) {
    let p = paragraphs[Math.floor(random() * paragraphs.length)]!;
    if (random() < 0.3) {
      const cut = Math.floor(random() * p.length);
      p = p.slice(0, cut) + DAMAGE[Math.floor(random() * DAMAGE.length)]! + p.slice(cut);
    }
    out.push(p, DAMAGE[Math.floor(random() * 3)]!);
  }
  return out.join('');
}

function checkInvariants(text: string, claims: Claim[]): void {
  let previousEnd = 0;
  const ids = new Set<string>();
  for (const c of claims) {
    expect(c.start).toBeGreaterThanOrEqual(previousEnd);
    expect(c.end).toBeGreaterThan(c.start);
    expect(c.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(c.text).toBe(c.text.trim());
    expect(c.score).toBeGreaterThanOrEqual(0);
    expect(c.score).toBeLessThanOrEqual(1);
    expect(c.kinds.length).toBeGreaterThan(0);
    expect(new Set(c.kinds).size).toBe(c.kinds.length);
    for (const kind of c.kinds) {
      expect(CLAIM_KINDS).toContain(kind);
      expect(c.signals.some((s) => s.kind === kind), `kind ${kind} without a signal`).toBe(true);
    }
    for (const s of c.signals) {
      expect(s.start).toBeGreaterThanOrEqual(c.start);
      expect(s.end).toBeLessThanOrEqual(c.end);
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(c.kinds).toContain(s.kind);
    }
    expect(ids.has(c.id)).toBe(false);
    ids.add(c.id);
    previousEnd = c.end;
  }
}

const fakeModel = (sentence: string): number => (sentence.length % 10) / 9;

describe('claim invariants', () => {
  it.each(FIXTURES.map((f, i) => [f.split('/').pop()!, TEXTS[i]!]))('hold on %s', (_name, text) => {
    checkInvariants(text, detectClaims(text));
    checkInvariants(text, detectClaims(text, { scoreSentence: fakeModel }));
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('hold on shuffled, damaged text #%i', (seed) => {
    const text = shuffledText(seed);
    const claims = detectClaims(text);
    expect(claims.length).toBeGreaterThan(0);
    checkInvariants(text, claims);
    checkInvariants(text, detectClaims(text, { scoreSentence: fakeModel }));
  });

  it('holds on empty and blank text', () => {
    expect(detectClaims('')).toEqual([]);
    expect(detectClaims('\n \n\t')).toEqual([]);
  });
});

describe('claim ids', () => {
  const text = TEXTS[0]!;

  it('are the same on every run', () => {
    expect(detectClaims(text).map((c) => c.id)).toEqual(detectClaims(text).map((c) => c.id));
  });

  it('do not change when text is added before the claim', () => {
    const before = detectClaims(text);
    const after = detectClaims(`A new first paragraph about nothing in particular.\n${text}`);
    expect(after.map((c) => c.id)).toEqual(expect.arrayContaining(before.map((c) => c.id)));
  });

  it('tell apart repeated identical sentences by occurrence', () => {
    const sentence = 'The camp houses some 25,000 people.';
    const claims = detectClaims(`${sentence}\n${sentence}`);
    expect(claims).toHaveLength(2);
    expect(claims[0]!.id).not.toBe(claims[1]!.id);
  });

  it('ignore whitespace differences from HTML formatting', () => {
    const a = detectClaims('The camp houses some 25,000 people.')[0]!;
    const b = detectClaims('The camp houses   some 25,000\n      people.')[0]!;
    expect(b.id).toBe(a.id);
  });
});
