/**
 * The gate (core/claims/gate.ts) may only skip a word-list regex that would find nothing: with the
 * gate, every rule that consults it gives exactly what it gives without it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GATE_ALL,
  GATE_ATTRIBUTION,
  GATE_BOILERPLATE,
  GATE_CAUSAL_STRONG,
  GATE_CAUSAL_WEAK,
  GATE_CHANGE,
  GATE_COMPARATIVE,
  GATE_COMPARISON_PHRASE,
  GATE_LOADED_ADJECTIVE,
  GATE_LOADED_NOUN,
  GATE_MONTH,
  GATE_OPINION,
  GATE_RELATIVE_DATE,
  GATE_SPEECH_VERB,
  GATE_SPELLED_NUMBER,
  GATE_SUPERLATIVE,
  GATE_WEEKDAY,
  unitGate,
} from '../../core/claims/gate';
import * as lexicon from '../../core/claims/lexicon';
import { isBoilerplate, isOpinion } from '../../core/claims/noise';
import { findAttributions, findDates, findLexical, findReportedSpeech, findStatistics, type UnitView } from '../../core/claims/rules';
import { firstTokenAt, tokenize } from '../../core/claims/tokens';

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

/** The words the gate keys on besides the lists' entries: "than", the relative-date words, "copyright". */
const otherGateWords = ['than', 'higher than', 'yesterday', 'last week', 'earlier this month', 'this year', 'next month', 'years ago', 'copyright 2021', 'copyright (c)'];

/**
 * Every entry of every word list (those the gate watches, whichever they are, among them) and the
 * other gate words, in phrases with other casing and punctuation around. The phrases themselves hold
 * no gate word (checked below), so none of them masks a word the gate missed.
 */
const templates: ReadonlyArray<(entry: string) => string> = [
  (entry) => `Officials put a figure ${entry} an earlier estimate, reporters heard.`,
  (entry) => `${entry.toUpperCase()}: more people, 3 days.`,
  (entry) => `"${entry[0]!.toUpperCase()}${entry.slice(1)}," he yelled at night.`,
  (entry) => `Costs moved,${entry}-based costs hit 5%.`,
];
const lexiconWords = [...wordLists.flatMap(([, list]) => lexicon.words(list)).map((entry) => entry.replace(/_/g, ' ')), ...otherGateWords];
const decorated = lexiconWords.flatMap((entry) => templates.map((template) => template(entry)));

/** Phrases where the gate's word is not the entry's first word, or is glued to other words. */
const edges = [
  'It happened two decades ago.',
  'Sales were far higher than expected.',
  'Output fell, earlier this month.',
  'The talks resume next week in Geneva.',
  'He said so on Monday-night.',
  'Polls closed on Dec. 5, 2019.',
  'Prices may rise, as in May 2019.',
  'Copyright ©2023 Reuters, its staff and its agents.',
  '© 2023 Reuters, its staff and its agents.',
  'Text copyright\u00a02023 Reuters, its staff and its agents.',
];

/** The unit [start, end) of `text`, as detectClaims hands it to the rules, without a gate. */
function unitOf(text: string, start = 0, end = text.length): UnitView {
  const tokens = tokenize(text);
  return { text, tokens, start, end, tokenFrom: firstTokenAt(tokens, start), tokenTo: firstTokenAt(tokens, end), quotes: [] };
}

const gateOf = (unit: UnitView): number => unitGate(unit.tokens, unit.start, unit.end, unit.tokenFrom, unit.tokenTo);

function views(s: string): { gated: UnitView; ungated: UnitView; gate: number } {
  const ungated = unitOf(s);
  const gate = gateOf(ungated);
  return { gated: { ...ungated, gate }, ungated, gate };
}

const gateOfText = (s: string): number => views(s).gate;

/** What the rules that consult one gate bit find in a whole-text unit, with the given gate bits. */
type Finder = (s: string, gate?: number) => unknown;
const lexical: Finder = (s, gate) => findLexical({ ...unitOf(s), gate });
const dates: Finder = (s, gate) => findDates({ ...unitOf(s), gate });
const statistics: Finder = (s, gate) => findStatistics({ ...unitOf(s), gate });
const reportedSpeech: Finder = (s, gate) => findReportedSpeech({ ...unitOf(s), gate }, new Set());
const attributions: Finder = (s, gate) => findAttributions({ ...unitOf(s), gate }, []);
const boilerplate: Finder = (s, gate) => isBoilerplate(s, unitOf(s).tokens.filter((t) => t.word).length, gate);
const opinion: Finder = (s, gate) => isOpinion(s, gate);

/** A phrase around a list entry, with nothing else in it that the rule or the gate would take up. */
const plain = (entry: string) => `Officials saw ${entry} militia units near a border post.`;
/** Change verbs count only before "by", "to", a number…: "rose by 5". */
const change = (entry: string) => `Officials saw output ${entry} by 5 units near a border post.`;
/** Month names count after a preposition: "since March". */
const month = (entry: string) => `Officials met since ${entry} near a border post.`;
/** Speech verbs report with a subject and a that-clause; attribution verbs need "as" or a quotation. */
const speech = (verb: string) => `Officials ${verb} that militia units crossed a border post.`;
const attribution = (verb: string) => `Officials ${verb} the militia as a threat near a border post.`;

/** [list, its entries, the gate bit they set, the rules that consult it, a sentence around an entry]. */
const gatedLists: ReadonlyArray<[string, readonly string[], number, Finder, (entry: string) => string]> = [
  ['CAUSAL_STRONG', lexicon.words(lexicon.CAUSAL_STRONG), GATE_CAUSAL_STRONG, lexical, plain],
  ['CAUSAL_WEAK', lexicon.words(lexicon.CAUSAL_WEAK), GATE_CAUSAL_WEAK, lexical, plain],
  ['COMPARISON_PHRASES', lexicon.words(lexicon.COMPARISON_PHRASES), GATE_COMPARISON_PHRASE, lexical, plain],
  ['SUPERLATIVES', lexicon.words(lexicon.SUPERLATIVES), GATE_SUPERLATIVE, lexical, plain],
  ['CHANGE_VERBS', lexicon.words(lexicon.CHANGE_VERBS), GATE_CHANGE, lexical, change],
  ['LOADED_ADJECTIVES', lexicon.words(lexicon.LOADED_ADJECTIVES), GATE_LOADED_ADJECTIVE, lexical, plain],
  ['LOADED_NOUNS', lexicon.words(lexicon.LOADED_NOUNS), GATE_LOADED_NOUN, lexical, plain],
  ['WEEKDAYS', lexicon.words(lexicon.WEEKDAYS), GATE_WEEKDAY, dates, plain],
  ['MONTHS', lexicon.words(lexicon.MONTHS), GATE_MONTH, dates, month],
  ['BOILERPLATE', lexicon.words(lexicon.BOILERPLATE), GATE_BOILERPLATE, boilerplate, plain],
  ['OPINION_MARKERS', lexicon.words(lexicon.OPINION_MARKERS), GATE_OPINION, opinion, plain],
  ['SPELLED_NUMBERS', lexicon.words(lexicon.SPELLED_NUMBERS), GATE_SPELLED_NUMBER, statistics, plain],
  ['SPEECH_VERBS', [...lexicon.SPEECH_VERBS, ...lexicon.THAT_VERBS], GATE_SPEECH_VERB, reportedSpeech, speech],
  ['ATTRIBUTION_VERBS', [...lexicon.ATTRIBUTION_VERBS], GATE_ATTRIBUTION, attributions, attribution],
];

/** [sentence, the gate word or entry in it, its bit, the rules that consult the bit]. */
const keyWordCases: Array<[string, string, number, Finder]> = [
  ...gatedLists.flatMap(([, entries, bit, finder, template]) =>
    entries.map((entry): [string, string, number, Finder] => {
      const phrase = entry.replace(/_/g, ' ');
      return [template(phrase), phrase, bit, finder];
    }),
  ),
  ['Prices rose yesterday.', 'yesterday', GATE_RELATIVE_DATE, dates],
  ['Prices rose last week.', 'last', GATE_RELATIVE_DATE, dates],
  ['Prices rose this year.', 'this', GATE_RELATIVE_DATE, dates],
  ['Prices rose next month.', 'next', GATE_RELATIVE_DATE, dates],
  ['Prices rose years ago.', 'ago', GATE_RELATIVE_DATE, dates],
  ['Prices were higher than expected.', 'than', GATE_COMPARATIVE, lexical],
  ['Prices rose on Monday.', 'Monday', GATE_WEEKDAY, dates],
  ['Officials saw Copyright 2023 militia units near a border post.', 'Copyright', GATE_BOILERPLATE, boilerplate],
  ['According to officials, militia units crossed a border post.', 'According', GATE_ATTRIBUTION, attributions],
];

describe('unitGate', () => {
  it('skips only regexes that would find nothing (fixture sentences and every word-list entry in context)', () => {
    const all = [...sentences, ...decorated, ...edges];
    expect(all.length).toBeGreaterThan(500);
    let skipped = 0;
    for (const s of all) {
      const { gated, ungated, gate } = views(s);
      if (gate !== GATE_ALL) skipped++;
      expect(findLexical(gated)).toEqual(findLexical(ungated));
      expect(findDates(gated)).toEqual(findDates(ungated));
      expect(findStatistics(gated)).toEqual(findStatistics(ungated));
      expect(findReportedSpeech(gated, new Set())).toEqual(findReportedSpeech(ungated, new Set()));
      expect(findAttributions(gated, [])).toEqual(findAttributions(ungated, []));
      const words = ungated.tokens.filter((t) => t.word).length;
      expect(isBoilerplate(s, words, gate)).toBe(isBoilerplate(s, words));
      expect(isOpinion(s, gate)).toBe(isOpinion(s));
    }
    // The gate does skip work: most sentences lack most lists' words.
    expect(skipped).toBeGreaterThan(all.length * 0.9);
  });

  it('the phrases around the entries hold no gate word of their own', () => {
    for (const template of [...templates, plain, change, month, speech, attribution]) expect(gateOfText(template('xx'))).toBe(0);
  });

  // Each gate word alone in its sentence, where the rules find something only through it: a word the
  // gate missed would make the gated result differ.
  it.each(keyWordCases)('%s', (sentence, word, bit, finder) => {
    const gate = gateOfText(sentence);
    expect(finder(sentence, gate)).toEqual(finder(sentence));
    // The sentence does exercise the bit: without it the rules find less.
    expect(finder(sentence, gate & ~bit)).not.toEqual(finder(sentence));
    // And nothing else in it sets the bit.
    expect(gateOfText(sentence.replace(word, 'xx')) & bit).toBe(0);
  });

  it('lets every regex run when the unit starts inside a token', () => {
    // A break inside "1.Yesterday": the unit's text starts with "Yesterday", its tokens with "prices".
    const ungated = unitOf('1.Yesterday prices fell sharply.', 2);
    expect(findDates(ungated)).not.toEqual([]);
    expect(findDates({ ...ungated, gate: gateOf(ungated) })).toEqual(findDates(ungated));
  });

  it('lets every regex run when the unit ends inside a token', () => {
    // The unit ends inside "agonisingly": its text ends with "ago", its last token is the whole word.
    const text = 'Sales fell two years agonisingly.';
    const ungated = unitOf(text, 0, text.indexOf('ago') + 3);
    expect(findDates(ungated)).not.toEqual([]);
    expect(findDates({ ...ungated, gate: gateOf(ungated) })).toEqual(findDates(ungated));
  });
});

describe('spelled-out counts: the scan from number words finds what the Unicode pattern finds', () => {
  const counts = (text: string) =>
    findStatistics(unitOf(text))
      .filter((s) => s.label === 'count')
      .map(({ text: words, start, end }) => ({ words, start, end }));

  // A unit holding "ſ" or the Kelvin sign takes the Unicode pattern throughout (rules.ts, nextCount):
  // the same text with one of them appended must give the same counts at the same offsets.
  it.each([
    ['Twenty of the 40 soldiers and three hundred civilians left; two dozen stayed.'],
    ['Some three-quarters of voters, and about fifteen thousand people, said so two years ago.'],
    ['Ten days later, a dozen officials and TWELVE reporters met four ministers.'],
    ['Twentyfold rises aside, a hundred protesters and seventeen of them injured marched.'],
  ])('%s', (sentence) => {
    const plain = counts(sentence);
    expect(plain.length).toBeGreaterThan(0);
    expect(counts(`${sentence} ſ`)).toEqual(plain);
    expect(counts(`${sentence} \u212a`)).toEqual(plain);
  });

  it('finds a number word spelled with "ſ", which folds to "s" only under the Unicode pattern', () => {
    expect(counts('Officials said ſeven soldiers were injured.')).toEqual([{ words: 'ſeven soldiers', start: 15, end: 29 }]);
  });

  it('finds every number word with "s" spelled "ſ" and "k" spelled as the Kelvin sign where it finds it plainly', () => {
    let changed = 0;
    for (const entry of lexicon.words(lexicon.SPELLED_NUMBERS)) {
      const word = entry.replace(/_/g, ' ');
      const folded = word.replace(/s/g, 'ſ').replace(/k/g, '\u212a');
      if (folded === word) continue;
      changed++;
      const at = (found: ReturnType<typeof counts>) => found.map(({ start, end }) => [start, end]);
      const plain = counts(`Officials said ${word} soldiers were injured.`);
      expect(plain.length).toBe(1);
      expect(at(counts(`Officials said ${folded} soldiers were injured.`))).toEqual(at(plain));
    }
    expect(changed).toBeGreaterThan(10);
  });
});

describe('word lists', () => {
  // wordsPattern puts \b around each entry, and the gate keys on an entry's first run of ASCII
  // letters: an entry that starts with anything else would be skipped by the gate, and one that ends
  // with anything else would match only before a word character ("copyright ©" matches "Copyright
  // ©2023", not "Copyright © 2023").
  it.each(wordLists)('%s: every entry starts and ends with an ASCII letter or digit', (_name, list) => {
    for (const entry of lexicon.words(list)) expect(entry).toMatch(/^[a-z0-9](?:.*[a-z0-9])?$/i);
  });
});
