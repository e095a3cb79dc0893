import { describe, expect, it } from 'vitest';
import { isCapitalised, isLowerWord, tokenize, wordHash } from '../../core/claims/tokens';

const first = (text: string) => tokenize(text)[0];

describe('letter case of a token', () => {
  it.each([
    ['Putin', true, false],
    ['putin', false, true],
    ['Москва', true, false],
    ['москва', false, true],
    ['Ελλάδα', true, false],
    ['ελλάδα', false, true],
    ['Éric', true, false],
    ['北京', false, false],
    ['2019', false, false],
  ])('%s: capitalised %s, lower %s', (word, capitalised, lower) => {
    // Asked twice: the second answer comes from the per-code-unit memo and must agree.
    for (let i = 0; i < 2; i++) {
      expect(isCapitalised(first(word))).toBe(capitalised);
      expect(isLowerWord(first(word))).toBe(lower);
    }
  });

  it('is never true for punctuation', () => {
    expect(isCapitalised(first('«'))).toBe(false);
    expect(isLowerWord(first('—'))).toBe(false);
  });
});

describe('tokenize: the scanner follows the grammar it documents', () => {
  /** The reference grammar (tokens.ts): words with inner ' ’ . , - joining runs, else one code point. */
  const GRAMMAR = /[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
  const WORD_START = /^[\p{L}\p{N}]/u;
  /** A word that is one run of ASCII letters and digits. */
  const PLAIN = /^[A-Za-z0-9]+$/;
  const byGrammar = (text: string) =>
    Array.from(text.matchAll(GRAMMAR), (m) => ({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      word: m[0].length > 1 || WORD_START.test(m[0]),
      hash: PLAIN.test(m[0]) ? wordHash(m[0]) : 0,
    }));

  it.each([
    ['The camp houses some 25,000 people.'],
    ["U.S. officials' 3.5% rise in At-Tanf — country's"],
    ['Москва, 12 марта: «Нет».'],
    ['1.The end.\u00a0Next\u2003line\u2028here'],
    ['emoji 😀 and 𝒳𝒴 math letters, ſ and K (Kelvin)'],
    ["trailing joiners: end. end, end- end' end’"],
    ['\uFFFD lost dash \uFFFD and a lone \ud800 surrogate'],
    [''],
  ])('%j', (text) => {
    expect(tokenize(text)).toEqual(byGrammar(text));
  });

  it('agrees on 20,000 random strings over letters, digits, joiners, spaces and other scripts', () => {
    const alphabet = ['a', 'Z', 'é', 'Ж', 'ω', '北', '٣', '7', "'", '’', '.', ',', '-', ' ', '\u00a0', '\n', '\u2028', '"', '«', '😀', '𝒳', '\ud800', 'ſ', '\uFFFD', '%'];
    let state = 20260101;
    const next = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    for (let k = 0; k < 20000; k++) {
      let text = '';
      const length = next(20);
      for (let i = 0; i < length; i++) text += alphabet[next(alphabet.length)];
      expect(tokenize(text)).toEqual(byGrammar(text));
    }
  });
});
