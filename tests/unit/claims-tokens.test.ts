import { describe, expect, it } from 'vitest';
import { isCapitalised, isLowerWord, tokenize } from '../../core/claims/tokens';

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
