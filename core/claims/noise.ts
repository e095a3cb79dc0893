/**
 * Sentences that are never claims however many numbers they hold: questions, page boilerplate, bylines
 * and date lines, first-person opinions; and the dateline prefix ("MOSCOW (Agency - 18th September,
 * 2019)") that precedes a wire story's first sentence but is not part of its claim.
 */

import { BOILERPLATE, OPINION_MARKERS, wordsPattern } from './lexicon';
import { GATE_ALL, GATE_BOILERPLATE, GATE_OPINION } from './gate';
import type { QuoteSpan } from './sentences';

const BOILERPLATE_RE = new RegExp(wordsPattern(BOILERPLATE), 'i');
const OPINION_RE = new RegExp(wordsPattern(OPINION_MARKERS), 'i');
const METADATA_RE = /@\w|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b|^(?:by|updated|published|posted|last updated|photo|image|source|credit|file|picture|video|watch|listen|editing by|reporting by)\b/i;
/**
 * A copyright line: the sign itself (a plain search, tried in every unit), or the word before a year
 * or "(c)" (a gate word of the boilerplate bit: the regex runs only where the word is).
 */
const COPYRIGHT_SIGN = '©';
const COPYRIGHT_WORD_RE = /\bcopyright\s+(?:\(c\)|\d{4})/i;
const WORD_RE = /[\p{L}\p{N}]+/gu;
const CLOSER_RE = /["”’»)\]\s]/;

/**
 * The unit's last character before its trailing closing quotes, brackets and spaces ('' when there
 * is none). A backward scan: an end-anchored regex would be tried from every start position.
 */
function lastBeforeClosers(unit: string): string {
  let i = unit.length - 1;
  while (i >= 0 && CLOSER_RE.test(unit[i]!)) i--;
  return i >= 0 ? unit[i]! : '';
}

/**
 * Length of a wire dateline at the start of a unit: an upper-case place ("MOSCOW", "NEW YORK",
 * "KYIV, Ukraine") followed by an agency/date parenthesis and/or a dash, before the first sentence.
 */
const DATELINE_RE =
  /^\p{Lu}[\p{Lu}.'’-]+(?:[ \t]+\p{Lu}[\p{Lu}.'’-]+){0,3}(?:,[ \t]+\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*){0,2})?[ \t]*(\([^()\n]{0,120}\))?[ \t]*([-–—\uFFFD:])?[ \t]*/u;

/** The first two characters DATELINE_RE requires. */
const DATELINE_START_RE = /^\p{Lu}[\p{Lu}.'’-]/u;

const SENTENCE_OPENING_RE = /^["“\p{Lu}]/u;

export function datelineLength(unit: string): number {
  // A dateline's place opens with two capitals (or a capital and . ' ’ -): most sentences fail this
  // on their second character, and the Unicode pattern is not tried on them.
  if (!DATELINE_START_RE.test(unit.slice(0, 4))) return 0; // 4 code units: two astral capitals
  const m = DATELINE_RE.exec(unit);
  if (!m || (!m[1] && !m[2])) return 0;
  const rest = unit.slice(m[0].length);
  // A dateline alone (nothing after it) is all dateline: no claim is left.
  return rest === '' || SENTENCE_OPENING_RE.test(rest) ? m[0].length : 0;
}

export function wordCount(s: string): number {
  let n = 0;
  WORD_RE.lastIndex = 0;
  while (WORD_RE.exec(s)) n++;
  return n;
}

export function endsWithTerminal(unit: string): boolean {
  const last = lastBeforeClosers(unit);
  return last !== '' && '.!?…'.includes(last);
}

export function isQuestion(unit: string): boolean {
  return lastBeforeClosers(unit) === '?';
}

/**
 * Page furniture, bylines, photo credits, time stamps: never a claim. `words`: its word count;
 * `gate`: the unit's gate bits (gate.ts), which say whether the boilerplate phrases can occur.
 */
export function isBoilerplate(unit: string, words: number, gate = GATE_ALL): boolean {
  if (words < 3) return true;
  if (unit.includes(COPYRIGHT_SIGN)) return true;
  if ((gate & GATE_BOILERPLATE) !== 0 && (BOILERPLATE_RE.test(unit) || COPYRIGHT_WORD_RE.test(unit))) return true;
  if (words < 5 && !endsWithTerminal(unit)) return true;
  return words < 14 && METADATA_RE.test(unit);
}

/** The unit with its quotations blanked out (same length), so the writer's own words can be tested. */
export function outsideQuotes(text: string, start: number, end: number, quotes: readonly QuoteSpan[]): string {
  let out = '';
  let at = start;
  for (const q of quotes) {
    if (q.open < at || q.close > end) continue;
    out += text.slice(at, q.open + 1) + ' '.repeat(q.close - q.open - 1);
    at = q.close;
  }
  return out + text.slice(at, end);
}

/** "I think this is a great idea.": the writer's opinion (first person, outside any quotation). */
export function isOpinion(ownWords: string, gate = GATE_ALL): boolean {
  return (gate & GATE_OPINION) !== 0 && OPINION_RE.test(ownWords);
}

/** A quoted question with only its attribution around it: '"Will the camp close?" he asked.' */
export function isQuotedQuestion(text: string, start: number, end: number, quotes: readonly QuoteSpan[], ownWords: string): boolean {
  const inside = quotes.filter((q) => q.open >= start && q.close <= end);
  if (inside.length === 0) return false;
  const allQuestions = inside.every((q) => /\?\s*$/.test(text.slice(q.open + 1, q.close)));
  return allQuestions && wordCount(ownWords) <= 6;
}
