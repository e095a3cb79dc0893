/**
 * Which word-list regexes, and which verb rules, can match in a sentence unit at all, decided from its tokens.
 *
 * Each word-list regex scans the whole unit, character by character, and most units hold none of its
 * words: on a short page that scanning was a quarter of the claim stage. Every match of these regexes
 * holds a key word (one per list entry, keyWordsOf; `than`, `ago` and the like for the patterns
 * that are not lists) as a whole run of ASCII letters: `\b`, a space, a hyphen or an apostrophe on
 * both sides. Such a run is always a whole run of ASCII letters and digits inside one token, so when
 * no token of the unit has one (compared in lower case), the regex cannot match and is skipped. The
 * gate only ever skips a regex that would find nothing: the matches themselves still come from the
 * regexes.
 */

import { ASCII_LETTER_OR_DIGIT, wordHash, type Token } from './tokens';
import { WordTable } from './word-table';
import {
  ATTRIBUTION_VERBS,
  BOILERPLATE,
  CAUSAL_STRONG,
  CAUSAL_WEAK,
  CHANGE_VERBS,
  COMPARISON_PHRASES,
  LOADED_ADJECTIVES,
  LOADED_NOUNS,
  MONTHS,
  OPINION_MARKERS,
  SPEECH_VERBS,
  SPELLED_NUMBERS,
  SUPERLATIVES,
  THAT_VERBS,
  WEEKDAYS,
  words,
} from './lexicon';

export const GATE_CAUSAL_STRONG = 1 << 0;
export const GATE_CAUSAL_WEAK = 1 << 1;
export const GATE_COMPARATIVE = 1 << 2;
export const GATE_COMPARISON_PHRASE = 1 << 3;
export const GATE_SUPERLATIVE = 1 << 4;
export const GATE_CHANGE = 1 << 5;
export const GATE_LOADED_ADJECTIVE = 1 << 6;
export const GATE_LOADED_NOUN = 1 << 7;
export const GATE_WEEKDAY = 1 << 8;
export const GATE_RELATIVE_DATE = 1 << 9;
export const GATE_BOILERPLATE = 1 << 10;
export const GATE_OPINION = 1 << 11;
export const GATE_MONTH = 1 << 12;
export const GATE_SPELLED_NUMBER = 1 << 13;
/** A speech verb or a that-verb (reported speech), in any case: the rule matches them in lower case. */
export const GATE_SPEECH_VERB = 1 << 14;
/** An attribution verb, or "according" (attributions). */
export const GATE_ATTRIBUTION = 1 << 15;
/** Every regex may match: what callers without a gate pass. All bits set, so a new bit needs no change here. */
export const GATE_ALL = -1;

/** Lower-case ASCII run → the regexes one of whose entries holds it as its key word (or needs it). */
const GATE_WORDS = new WordTable();

function gateOn(bit: number, keyWords: readonly string[]): void {
  for (const w of keyWords) GATE_WORDS.add(w, bit);
}

/**
 * The key word of each entry of a space-separated list: its longest run of letters and digits, the
 * first of equal length ("so-called" → "called", "i_think" → "think", "the_most" → "most"). Any run
 * of an entry stands whole in every match of it, and the longest is the rarest in text: keyed on
 * "the" or "in", a regex would run in nearly every unit.
 */
const keyWordsOf = (list: string): string[] =>
  words(list).map((entry) => (entry.match(/[a-z0-9]+/gi) ?? []).reduce((a, b) => (b.length > a.length ? b : a)).toLowerCase());

gateOn(GATE_CAUSAL_STRONG, keyWordsOf(CAUSAL_STRONG));
gateOn(GATE_CAUSAL_WEAK, keyWordsOf(CAUSAL_WEAK));
// Every comparison ends with the word "than".
gateOn(GATE_COMPARATIVE, ['than']);
gateOn(GATE_COMPARISON_PHRASE, keyWordsOf(COMPARISON_PHRASES));
gateOn(GATE_SUPERLATIVE, keyWordsOf(SUPERLATIVES));
gateOn(GATE_CHANGE, keyWordsOf(CHANGE_VERBS));
gateOn(GATE_LOADED_ADJECTIVE, keyWordsOf(LOADED_ADJECTIVES));
gateOn(GATE_LOADED_NOUN, keyWordsOf(LOADED_NOUNS));
// The weekday itself is in every match ("on Monday", "Monday").
gateOn(GATE_WEEKDAY, keyWordsOf(WEEKDAYS));
// "yesterday", "last week", "earlier this month", "next year", "(three) years ago".
gateOn(GATE_RELATIVE_DATE, ['yesterday', 'last', 'this', 'next', 'ago']);
gateOn(GATE_BOILERPLATE, keyWordsOf(BOILERPLATE));
// The copyright line's word (noise.ts; the sign © is searched for in every unit).
gateOn(GATE_BOILERPLATE, ['copyright']);
gateOn(GATE_OPINION, keyWordsOf(OPINION_MARKERS));
// Every month rule's match holds a whole month name, "Dec" of "Dec." included (MONTH_WORD_RE in rules.ts).
gateOn(GATE_MONTH, keyWordsOf(MONTHS));
gateOn(GATE_SPELLED_NUMBER, keyWordsOf(SPELLED_NUMBERS));
gateOn(GATE_SPEECH_VERB, [...SPEECH_VERBS, ...THAT_VERBS]);
gateOn(GATE_ATTRIBUTION, [...ATTRIBUTION_VERBS, 'according']);

/**
 * Gate bits of the unit [start, end) whose tokens are [tokenFrom, tokenTo): of each run of ASCII
 * letters and digits in its word tokens. A token cut by either end of the unit (a dateline glued to
 * its first word, a break inside "1.The") would not show the runs the regexes see in the unit's text:
 * then every regex runs. A plain token (one ASCII run, most words) is looked up whole by the hash
 * the tokenizer gave it; the others run by run.
 */
export function unitGate(tokens: readonly Token[], start: number, end: number, tokenFrom: number, tokenTo: number): number {
  if (tokenFrom > 0 && tokens[tokenFrom - 1]!.end > start) return GATE_ALL;
  if (tokenTo > tokenFrom && tokens[tokenTo - 1]!.end > end) return GATE_ALL;
  let bits = 0;
  for (let k = tokenFrom; k < tokenTo; k++) {
    const token = tokens[k]!;
    if (!token.word) continue;
    const t = token.text;
    if (token.hash !== 0) {
      // A plain word: the whole token is the run, and the tokenizer hashed it.
      bits |= GATE_WORDS.bitsOf(token.hash, t, 0, t.length);
      continue;
    }
    // Joined or non-ASCII words (few): each run of ASCII letters and digits in them.
    let runStart = -1;
    for (let i = 0; i <= t.length; i++) {
      const c = i < t.length ? t.charCodeAt(i) : 32;
      if (c < 128 && ASCII_LETTER_OR_DIGIT[c] === 1) {
        if (runStart < 0) runStart = i;
        continue;
      }
      if (runStart >= 0) bits |= GATE_WORDS.bitsOf(wordHash(t, runStart, i), t, runStart, i);
      runStart = -1;
    }
  }
  return bits;
}
