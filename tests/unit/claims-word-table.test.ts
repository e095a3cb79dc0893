import { describe, expect, it } from 'vitest';
import { tokenize, wordHash } from '../../core/claims/tokens';
import { WordTable } from '../../core/claims/word-table';

const bitsOf = (table: WordTable, s: string): number => table.bitsOf(wordHash(s), s, 0, s.length);

describe('WordTable: lower-case words to bits, found by their hash', () => {
  it.each([
    ['said', 1],
    ['SAID', 1],
    ['Said', 1],
    ['according', 2],
    ['saids', 0],
    ['sai', 0],
    ['', 0],
  ])('%j → %i', (word, bits) => {
    const table = new WordTable();
    table.add('said', 1);
    table.add('according', 2);
    expect(bitsOf(table, word)).toBe(bits);
  });

  it.each([
    ['states', 1],
    ['States', 0],
    ['STATES', 0],
    ['state', 0],
  ])('exactly as written: %j → %i', (word, bits) => {
    const table = new WordTable();
    table.add('states', 1);
    expect(table.exactBitsOf(wordHash(word), word)).toBe(bits);
  });

  it('adds the bits of a word given twice', () => {
    const table = new WordTable();
    table.add('than', 4);
    table.add('than', 8);
    expect(bitsOf(table, 'than')).toBe(12);
  });

  it('tells apart two words with the same hash by their characters', () => {
    // Found by search: two words whose FNV-1a hashes are equal.
    expect(wordHash('vwmtkth')).toBe(wordHash('tcfuliz'));
    const table = new WordTable();
    table.add('vwmtkth', 1);
    expect(bitsOf(table, 'tcfuliz')).toBe(0);
    table.add('tcfuliz', 2);
    expect(bitsOf(table, 'vwmtkth')).toBe(1);
    expect(bitsOf(table, 'tcfuliz')).toBe(2);
  });

  it('finds every word it holds and none it does not, through growth', () => {
    let state = 7;
    const random = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    const word = (): string => Array.from({ length: 2 + (random() % 9) }, () => String.fromCharCode(97 + ((random() >>> 8) % 26))).join('');
    const held = new Map<string, number>();
    const table = new WordTable();
    for (let i = 0; i < 2000; i++) {
      const w = word();
      const bit = 1 << (i % 20);
      held.set(w, (held.get(w) ?? 0) | bit);
      table.add(w, bit);
    }
    for (const [w, bits] of held) expect(bitsOf(table, w.toUpperCase())).toBe(bits);
    for (let i = 0; i < 5000; i++) {
      const w = word();
      expect(bitsOf(table, w)).toBe(held.get(w) ?? 0);
    }
  });

  it('reads a word inside a longer string, as the gate reads a run inside a token', () => {
    const table = new WordTable();
    table.add('thirds', 1);
    const token = tokenize('two-Thirds')[0]!;
    expect(token.hash).toBe(0); // joined runs: not a plain word
    expect(table.bitsOf(wordHash(token.text, 4, 10), token.text, 4, 10)).toBe(1);
    expect(table.bitsOf(wordHash(token.text, 0, 3), token.text, 0, 3)).toBe(0);
  });
});
