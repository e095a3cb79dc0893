/**
 * The matching primitives under anchoring, checked against plain dynamic programming on seeded
 * random strings (small alphabet, so that near-matches are common), plus a non-ASCII character.
 */
import { describe, expect, it } from 'vitest';
import { prefixErrors, suffixErrors } from '../../core/anchoring/context-distance';
import { buildKgramIndex, findExact } from '../../core/anchoring/kgram-index';
import { bestMatches, compilePattern, globalDistance, sharedPattern } from '../../core/anchoring/myers';
import { normalize, normalizeWithMap } from '../../core/anchoring/normalize';

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
}

const ALPHABET = 'abcdé ';
function randomString(r: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(r() * ALPHABET.length)];
  return out;
}

/** Some edits of `s`: substitutions, deletions, insertions. */
function mutate(r: () => number, s: string, edits: number): string {
  const chars = [...s];
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(r() * (chars.length + 1));
    const op = r();
    const c = ALPHABET[Math.floor(r() * ALPHABET.length)]!;
    if (op < 0.33 && i < chars.length) chars[i] = c;
    else if (op < 0.66 && i < chars.length) chars.splice(i, 1);
    else chars.splice(i, 0, c);
  }
  return chars.join('');
}

/** Reference edit distance table: `freeStart` lets the pattern start anywhere in the text. */
function dpLastRow(pattern: string, text: string, freeStart: boolean): number[] {
  let previous = Array.from({ length: text.length + 1 }, (_, j) => (freeStart ? 0 : j));
  for (let i = 1; i <= pattern.length; i++) {
    const row = [i];
    for (let j = 1; j <= text.length; j++) {
      row[j] = Math.min(previous[j - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1), previous[j]! + 1, row[j - 1]! + 1);
    }
    previous = row;
  }
  return previous;
}

const distance = (a: string, b: string): number => dpLastRow(a, b, false)[b.length]!;

describe('Myers verifier', () => {
  it('finds the minimum error count of the best substring, and spans that really have it', () => {
    const r = seeded(11);
    for (let k = 0; k < 400; k++) {
      const pattern = randomString(r, 1 + Math.floor(r() * 90));
      const text = randomString(r, Math.floor(r() * 30)) + mutate(r, pattern, Math.floor(r() * pattern.length * 0.3)) + randomString(r, Math.floor(r() * 30));
      const maxErrors = Math.floor(pattern.length * 0.4);
      const reference = Math.min(...dpLastRow(pattern, text, true));
      const matches = bestMatches(k % 2 ? compilePattern(pattern) : sharedPattern(pattern), `##${text}##`, 2, 2 + text.length, maxErrors);
      if (reference > maxErrors) {
        expect(matches).toEqual([]);
        continue;
      }
      expect(matches.length).toBeGreaterThan(0);
      for (const m of matches) {
        expect(m.errors).toBe(reference);
        expect(distance(pattern, `##${text}##`.slice(m.start, m.end))).toBe(reference);
      }
    }
  });

  it('computes the global distance of a pattern against an exact span, across 32-character blocks', () => {
    const r = seeded(5);
    for (let k = 0; k < 200; k++) {
      const pattern = randomString(r, 1 + Math.floor(r() * 100));
      const text = mutate(r, pattern, Math.floor(r() * 12));
      expect(globalDistance(compilePattern(pattern), `x${text}y`, 1, 1 + text.length)).toBe(distance(pattern, text));
    }
  });
});

describe('context distance', () => {
  it('is the edit distance anchored at the match and free at the far end', () => {
    const r = seeded(3);
    const reverse = (s: string): string => [...s].reverse().join('');
    for (let k = 0; k < 400; k++) {
      const context = randomString(r, Math.floor(r() * 33));
      const text = mutate(r, context, Math.floor(r() * 8)) + randomString(r, Math.floor(r() * 10));
      const window = text.slice(0, context.length + Math.ceil(context.length / 4));
      const reference = context.length === 0 ? 0 : Math.min(...dpLastRow(context, window, false));
      expect(suffixErrors(context, text, 0)).toBe(reference);
      expect(prefixErrors(reverse(context), reverse(text), text.length)).toBe(reference);
    }
  });
});

describe('normalization', () => {
  it('drops whitespace, folds case, quotes, dashes and U+FFFD, and maps back to the original', () => {
    const text = 'The  “Board”\tsaid – in\u00a0March\n\u2019twas \ufffd done…';
    const { text: normalized, toOriginal } = normalizeWithMap(text);
    expect(normalized).toBe('the"board"said-inmarch\'twas-done...');
    expect(normalize(text)).toBe(normalized);
    for (let i = 0; i < normalized.length; i++) {
      expect(normalize(text[toOriginal[i]!]!)).toContain(normalized[i]);
    }
  });
});

describe('k-gram index', () => {
  it('finds exactly the occurrences indexOf finds', () => {
    const r = seeded(9);
    const text = randomString(r, 5000).replace(/ /g, '');
    const index = buildKgramIndex(text);
    for (let k = 0; k < 100; k++) {
      const at = Math.floor(r() * (text.length - 40));
      const pattern = text.slice(at, at + 8 + Math.floor(r() * 30));
      const expected: number[] = [];
      for (let i = text.indexOf(pattern); i !== -1; i = text.indexOf(pattern, i + 1)) expected.push(i);
      expect(findExact(index, pattern)).toEqual(expected);
    }
  });
});
