/**
 * The gate (core/claims/gate.ts) may only skip a word-list regex that would find nothing: with the
 * gate, every rule that consults it gives exactly what it gives without it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GATE_ALL, unitGate } from '../../core/claims/gate';
import * as lexicon from '../../core/claims/lexicon';
import { isBoilerplate, isOpinion } from '../../core/claims/noise';
import { findDates, findLexical, findStatistics, type UnitView } from '../../core/claims/rules';
import { tokenize } from '../../core/claims/tokens';

const FIXTURES = resolve(__dirname, '../fixtures');
const texts = [
  readFileSync(resolve(FIXTURES, 'seed/000_ce1b8838b0f80949.txt'), 'utf8'),
  ...readdirSync(resolve(FIXTURES, 'claims'))
    .filter((file) => file.endsWith('.txt'))
    .map((file) => readFileSync(resolve(FIXTURES, 'claims', file), 'utf8')),
];
const sentences = texts.flatMap((text) => text.split(/(?<=[.!?])\s+|\n+/)).filter((s) => s.trim().length > 0);

/** The space-separated word lists of core/claims/lexicon, by name. */
const wordLists = Object.entries(lexicon).filter((entry): entry is [string, string] => typeof entry[1] === 'string');

/**
 * Every entry of every word list (those the gate watches, whichever they are, among them), in phrases
 * with other casing and punctuation around.
 */
const lexiconWords = wordLists
  .flatMap(([, list]) => list.split(' '))
  .map((entry) => entry.replace(/_/g, ' '));
const decorated = lexiconWords.flatMap((entry) => [
  `Officials said the figure ${entry} the earlier estimate, reporters noted.`,
  `${entry.toUpperCase()}: more people than last year, 3 days ago.`,
  `"${entry[0]!.toUpperCase()}${entry.slice(1)}," he said on Monday-night.`,
  `Prices rose,${entry}-related costs fell 5%.`,
]);

/** Phrases where the gate's word is not the entry's first word. */
const edges = [
  'It happened two decades ago.',
  'Sales were far higher than expected.',
  'Output fell, earlier this month.',
  'The talks resume next week in Geneva.',
];

function views(s: string): { gated: UnitView; ungated: UnitView; gate: number } {
  const tokens = tokenize(s);
  const gate = unitGate(tokens, 0, s.length, 0, tokens.length);
  const ungated: UnitView = { text: s, tokens, start: 0, end: s.length, tokenFrom: 0, tokenTo: tokens.length, quotes: [] };
  return { gated: { ...ungated, gate }, ungated, gate };
}

describe('unitGate', () => {
  it('skips only regexes that would find nothing (fixture sentences and every word-list entry in context)', () => {
    const all = [...sentences, ...decorated, ...edges];
    expect(all.length).toBeGreaterThan(500);
    let skipped = 0;
    for (const s of all) {
      const { gated, ungated, gate } = views(s);
      if (gate !== GATE_ALL) skipped++;
      expect(findLexical(gated, 0)).toEqual(findLexical(ungated, 0));
      expect(findDates(gated, 0)).toEqual(findDates(ungated, 0));
      const words = ungated.tokens.filter((t) => t.word).length;
      expect(isBoilerplate(s, words, gate)).toBe(isBoilerplate(s, words));
      expect(isOpinion(s, gate)).toBe(isOpinion(s));
    }
    // The gate does skip work: most sentences lack most lists' words.
    expect(skipped).toBeGreaterThan(all.length * 0.9);
  });

  it('lets every regex run when the unit cuts a token at either end', () => {
    const text = 'Dateline:Monday because prices rose';
    const tokens = tokenize(text);
    // The unit starts inside the token "Dateline" and ends inside "rose".
    expect(unitGate(tokens, 3, text.length - 2, 1, tokens.length)).toBe(GATE_ALL);
  });
});

describe('spelled-out counts: the scan from number words finds what the Unicode pattern finds', () => {
  // A unit holding "ſ" or the Kelvin sign takes the Unicode pattern throughout (rules.ts, nextCount):
  // the same text with one of them appended must give the same counts at the same offsets.
  it.each([
    ['Twenty of the 40 soldiers and three hundred civilians left; two dozen stayed.'],
    ['Some three-quarters of voters, and about fifteen thousand people, said so two years ago.'],
    ['Ten days later, a dozen officials and TWELVE reporters met four ministers.'],
    ['Twentyfold rises aside, a hundred protesters and seventeen of them injured marched.'],
  ])('%s', (sentence) => {
    const counts = (text: string) => {
      const tokens = tokenize(text);
      const view: UnitView = { text, tokens, start: 0, end: text.length, tokenFrom: 0, tokenTo: tokens.length, quotes: [] };
      return findStatistics(view, 0).filter((s) => s.label === 'count');
    };
    const plain = counts(sentence);
    expect(plain.length).toBeGreaterThan(0);
    expect(counts(`${sentence} ſ`)).toEqual(plain);
    expect(counts(`${sentence} \u212a`)).toEqual(plain);
  });
});

describe('word lists', () => {
  // wordsPattern puts \b around each entry, and the gate keys on an entry's first run of ASCII
  // letters: an entry that starts or ends with anything else ("copyright ©") could never match.
  it.each(wordLists)('%s: every entry starts and ends with an ASCII letter or digit', (_name, list) => {
    for (const entry of list.split(' ')) expect(entry).toMatch(/^[a-z0-9](?:.*[a-z0-9])?$/i);
  });
});
