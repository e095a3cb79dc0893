/**
 * Who said it: the subject of a speech verb ("Russian President Vladimir Putin said"), the source after
 * "by"/"according to", and the fuller earlier mention a short name refers to ("Mizintsev" → "Col. Gen.
 * Mikhail Mizintsev"). Works on tokens, walking a bounded number of them, so it is linear overall.
 */

import {
  CAPITALISED_STOPWORDS,
  FUNCTION_WORDS,
  NAME_CONNECTORS,
  PRONOUNS,
  SOURCE_NOUNS,
  SUBJECT_VERB_FILLERS,
  TITLE_ABBREVIATIONS,
} from './lexicon';
import { isCapitalised, sameLine, type Token } from './tokens';
import { WordTable } from './word-table';

export interface Mention {
  text: string;
  start: number;
  end: number;
  /** A proper name, an unnamed source ("officials"), or a pronoun to resolve. */
  kind: 'name' | 'source' | 'pronoun';
}

/** Longest name considered, in tokens (periods included): bounds every walk over a run of capitals. */
const MAX_NAME_TOKENS = 14;

/** Token range [from, to] (inclusive) of a name. */
interface Run {
  from: number;
  to: number;
}

/** One capital, or capitals each followed by a period: "J", "U.S". */
const INITIALS_RE = /^(?:\p{Lu}|(?:\p{Lu}\.)+\p{Lu})$/u;

/** "Col", "J", "U.S": words that keep a directly following period inside a name. */
function keepsPeriod(token: Token): boolean {
  return TITLE_ABBREVIATIONS.has(token.text) || INITIALS_RE.test(token.text);
}

const CONNECTOR = 1;
const STOPWORD = 2;

/**
 * The name lists, matched exactly as written, in one table found by each plain token's hash: a name
 * run's tokens are read without hashing their strings (word-table.ts). Every entry is a plain word.
 */
const NAME_WORDS = new WordTable();
for (const word of NAME_CONNECTORS) NAME_WORDS.add(word, CONNECTOR);
for (const word of CAPITALISED_STOPWORDS) NAME_WORDS.add(word, STOPWORD);

const nameRoles = (t: Token): number => (t.hash === 0 ? 0 : NAME_WORDS.exactBitsOf(t.hash, t.text));
const isConnector = (t: Token): boolean => (nameRoles(t) & CONNECTOR) !== 0;
const isStopword = (t: Token): boolean => (nameRoles(t) & STOPWORD) !== 0;

function adjacent(text: string, a: Token, b: Token): boolean {
  return a.end <= b.start && b.start - a.end <= 3 && sameLine(text, a.end, b.start);
}

/** The name that starts at token `i` and runs forward (at most `max` index). */
function runForward(text: string, tokens: readonly Token[], i: number, max: number): Run | null {
  if (!isCapitalised(tokens[i])) return null;
  let to = i;
  let j = i + 1;
  max = Math.min(max, i + MAX_NAME_TOKENS);
  while (j <= max) {
    const t = tokens[j]!;
    const prev = tokens[j - 1]!;
    if (t.text === '.' && t.start === prev.end && keepsPeriod(prev)) {
      to = j++;
      continue;
    }
    if (!adjacent(text, prev, t)) break;
    if (isCapitalised(t)) {
      to = j++;
      continue;
    }
    if (isConnector(t) && isCapitalised(tokens[j + 1]) && j + 1 <= max && adjacent(text, t, tokens[j + 1]!)) {
      to = j + 1;
      j += 2;
      continue;
    }
    break;
  }
  return trimRun(tokens, { from: i, to });
}

/** The name that ends at token `i` and runs backward (not before `min`). */
function runBackward(text: string, tokens: readonly Token[], i: number, min: number): Run | null {
  if (!isCapitalised(tokens[i])) return null;
  let from = i;
  let j = i - 1;
  min = Math.max(min, i - MAX_NAME_TOKENS);
  while (j >= min) {
    const t = tokens[j]!;
    const next = tokens[j + 1]!;
    if (t.text === '.' && j - 1 >= min && tokens[j - 1]!.end === t.start && keepsPeriod(tokens[j - 1]!)) {
      if (!adjacent(text, t, next)) break;
      from = j - 1;
      j -= 2;
      continue;
    }
    if (!adjacent(text, t, next)) break;
    if (isCapitalised(t)) {
      from = j--;
      continue;
    }
    if (isConnector(t) && j - 1 >= min && isCapitalised(tokens[j - 1]) && adjacent(text, tokens[j - 1]!, t)) {
      from = j - 1;
      j -= 2;
      continue;
    }
    break;
  }
  return trimRun(tokens, { from, to: i });
}

/**
 * Drops sentence openers, weekdays and months at either end and connectors at the end of a name:
 * "On Monday Putin" → "Putin", "Putin on Monday" → "Putin".
 */
function trimRun(tokens: readonly Token[], run: Run): Run | null {
  let { from, to } = run;
  while (from <= to && (isStopword(tokens[from]!) || !tokens[from]!.word)) from++;
  while (to >= from && (nameRoles(tokens[to]!) & (CONNECTOR | STOPWORD)) !== 0) to--;
  return from <= to ? { from, to } : null;
}

function mentionOf(text: string, tokens: readonly Token[], run: Run, kind: Mention['kind']): Mention {
  const start = tokens[run.from]!.start;
  const end = tokens[run.to]!.end;
  return { text: text.slice(start, end), start, end, kind };
}

/** "health officials", "the ministry" → the source noun with one describing word before it. */
function sourceEndingAt(text: string, tokens: readonly Token[], i: number, min: number): Mention | null {
  const noun = tokens[i];
  if (!noun || !SOURCE_NOUNS.has(noun.text.toLowerCase())) return null;
  let from = i;
  const before = tokens[i - 1];
  if (i - 1 >= min && before && adjacent(text, before, noun)) {
    if (isCapitalised(before)) {
      const run = runBackward(text, tokens, i - 1, min);
      if (run) from = run.from;
    } else if (before.word && !FUNCTION_WORDS.has(before.text.toLowerCase())) from = i - 1;
  }
  return mentionOf(text, tokens, { from, to: i }, 'source');
}

/**
 * The subject of the speech verb at `verb`, looking left: "Putin said", "Col. Gen. Mikhail Mizintsev,
 * said", "Mizintsev also said", "officials have said", "he said".
 */
export function subjectBefore(text: string, tokens: readonly Token[], verb: number, min: number): Mention | null {
  let i = verb - 1;
  for (let skipped = 0; skipped < 2 && i >= min && SUBJECT_VERB_FILLERS.has(tokens[i]!.text.toLowerCase()); skipped++) i--;
  if (i < min) return null;
  // "the US National Snow and Ice Data Center (NSIDC) reported": look past a short parenthesis.
  if (tokens[i]!.text === ')') {
    let open = i - 1;
    while (open >= Math.max(min, i - 5) && tokens[open]!.text !== '(') open--;
    if (open < min || tokens[open]!.text !== '(') return null;
    i = open - 1;
    if (i < min) return null;
  }
  if (tokens[i]!.text === ',') return appositiveSubject(text, tokens, i, min);
  const t = tokens[i]!;
  const lower = t.text.toLowerCase();
  if (isCapitalised(t)) {
    // "Officials said" at the start of a sentence: a common noun, not a name.
    if (i === min && SOURCE_NOUNS.has(lower)) return sourceEndingAt(text, tokens, i, min);
    if (i === min && PRONOUNS.has(lower)) return mentionOf(text, tokens, { from: i, to: i }, 'pronoun');
    const run = runBackward(text, tokens, i, min);
    if (!run) return null;
    return sourceWithName(text, tokens, run, min) ?? mentionOf(text, tokens, run, 'name');
  }
  if (PRONOUNS.has(lower) && t.word) return mentionOf(text, tokens, { from: i, to: i }, 'pronoun');
  return sourceEndingAt(text, tokens, i, min);
}

const PREPOSITIONS = new Set(['to', 'of', 'for', 'at', 'from', 'in', 'on']);
const isPreposition = (t: Token | undefined): boolean => !!t && PREPOSITIONS.has(t.text);

/**
 * "China's ambassador to Britain said": a name after a preposition belongs to the source noun before
 * it; the speaker is the whole phrase. Returns null when the name stands alone.
 */
function sourceWithName(text: string, tokens: readonly Token[], run: Run, min: number): Mention | null {
  const prep = run.from - 1;
  if (prep - 1 < min || !isPreposition(tokens[prep])) return null;
  const source = sourceEndingAt(text, tokens, prep - 1, min);
  return source ? { ...source, text: text.slice(source.start, tokens[run.to]!.end), end: tokens[run.to]!.end } : null;
}

/**
 * ", X, said": X is either the name ("…coordination, Col. Gen. Mikhail Mizintsev, said") or a
 * description of a name given before it ("Dr. Hans Kluge, the WHO regional director for Europe, told").
 */
function appositiveSubject(text: string, tokens: readonly Token[], comma: number, min: number): Mention | null {
  const last = comma - 1;
  if (last < min) return null;
  const run = isCapitalised(tokens[last]) ? runBackward(text, tokens, last, min) : null;
  const before = run ? tokens[run.from - 1] : undefined;
  if (run && (run.from === min || before?.text === ',' || before?.text === '(')) return mentionOf(text, tokens, run, 'name');
  // A description ("the WHO regional director for Europe", "Hong Kong's new police commissioner"):
  // find the comma that opens it and take the name before that comma.
  const describes = !run || /^(?:the|a|an)$/i.test(tokens[(run?.from ?? last) - 1]?.text ?? '') || isPreposition(before);
  for (let k = last - 1; k >= Math.max(min, comma - 16); k--) {
    if (tokens[k]!.text !== ',') continue;
    if (!describes && !/^(?:the|a|an|who|its|his|her|their)$/i.test(tokens[k + 1]!.text)) break;
    const name = isCapitalised(tokens[k - 1]) ? runBackward(text, tokens, k - 1, min) : null;
    if (name) return mentionOf(text, tokens, name, 'name');
    break;
  }
  if (run) return mentionOf(text, tokens, run, 'name');
  return sourceEndingAt(text, tokens, last, min);
}

/** The subject after an inverted verb or "by": "said Mizintsev", "said the ministry", "by the WHO". */
export function subjectAfter(text: string, tokens: readonly Token[], from: number, max: number): Mention | null {
  let i = from;
  if (i > max) return null;
  const first = tokens[i]!.text.toLowerCase();
  if (PRONOUNS.has(first) && tokens[i]!.word) return mentionOf(text, tokens, { from: i, to: i }, 'pronoun');
  if (first === 'the' || first === 'a' || first === 'an') i++;
  if (i > max) return null;
  if (isCapitalised(tokens[i])) {
    const run = runForward(text, tokens, i, max);
    if (!run) return null;
    // "the Health Ministry spokesman": a source noun right after the name belongs to it.
    const after = tokens[run.to + 1];
    if (after && run.to + 1 <= max && SOURCE_NOUNS.has(after.text.toLowerCase()) && adjacent(text, tokens[run.to]!, after)) {
      return mentionOf(text, tokens, { from: run.from, to: run.to + 1 }, 'source');
    }
    return mentionOf(text, tokens, run, 'name');
  }
  // "a senior official", "the health ministry": up to two describing words before the source noun;
  // "a 2018 survey by Jane Roe": the name after "by" is the source.
  for (let j = i; j <= Math.min(max, i + 2); j++) {
    const t = tokens[j]!;
    if (SOURCE_NOUNS.has(t.text.toLowerCase())) {
      const by = tokens[j + 1]?.text === 'by' && j + 2 <= max ? runForward(text, tokens, j + 2, max) : null;
      return by ? mentionOf(text, tokens, by, 'name') : mentionOf(text, tokens, { from: i, to: j }, 'source');
    }
    if (!t.word || FUNCTION_WORDS.has(t.text.toLowerCase())) break;
  }
  return null;
}

/** Every multi-word proper name in the text, in order: the candidates a short name can refer to. */
export interface NameIndex {
  names: Array<{ text: string; start: number; last: string; words: number }>;
}

export function indexNames(text: string, tokens: readonly Token[]): NameIndex {
  const names: NameIndex['names'] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isCapitalised(tokens[i])) continue;
    const run = runForward(text, tokens, i, tokens.length - 1);
    if (!run) continue; // all stopwords ("The"): the next token starts afresh, runs are bounded
    const words = countWords(tokens, run);
    if (words >= 2) {
      const m = mentionOf(text, tokens, run, 'name');
      names.push({ text: m.text, start: m.start, last: tokens[run.to]!.text, words });
    }
    i = Math.max(i, run.to);
  }
  return { names };
}

function countWords(tokens: readonly Token[], run: Run): number {
  let n = 0;
  for (let k = run.from; k <= run.to; k++) if (tokens[k]!.word) n++;
  return n;
}

/**
 * The fullest mention of the same person before `before` ("Mizintsev" → "Col. Gen. Mikhail
 * Mizintsev"): same last word, more words; the name itself when there is none.
 */
export function resolveName(index: NameIndex, name: string, before: number): string {
  const words = name.split(/\s+/);
  const last = words[words.length - 1]!;
  let best: string | null = null;
  let bestWords = words.length;
  for (const candidate of index.names) {
    if (candidate.start >= before) break;
    if (candidate.last === last && candidate.words > bestWords) {
      best = candidate.text;
      bestWords = candidate.words;
    }
  }
  return best ?? name;
}
