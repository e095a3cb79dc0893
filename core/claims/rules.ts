/**
 * The rules that flag a sentence unit, one finder per kind of evidence. Each finder returns signals
 * with offsets into the full text and a weight in (0, 1): how strongly that evidence alone makes the
 * sentence worth checking. Regexes here are linear: alternations of literal words, bounded repeats,
 * no nested quantifiers over overlapping classes.
 */

import type { ClaimKind, ClaimSignal } from './types';
import {
  APPROXIMATORS,
  ATTRIBUTION_VERBS,
  CAUSAL_STRONG,
  CAUSAL_WEAK,
  CHANGE_VERBS,
  COMPARATIVES,
  COMPARISON_PHRASES,
  FUNCTION_WORDS,
  LOADED_ADJECTIVES,
  LOADED_NOUNS,
  MONEY_WORDS,
  MONTHS,
  SPEECH_VERBS,
  SPELLED_NUMBERS,
  SUPERLATIVES,
  THAT_VERBS,
  TIME_UNITS,
  WEEKDAYS,
  wordsPattern,
  words,
} from './lexicon';
import {
  GATE_ALL,
  GATE_ATTRIBUTION,
  GATE_CAUSAL_STRONG,
  GATE_CAUSAL_WEAK,
  GATE_CHANGE,
  GATE_COMPARATIVE,
  GATE_COMPARISON_PHRASE,
  GATE_LOADED_ADJECTIVE,
  GATE_LOADED_NOUN,
  GATE_MONTH,
  GATE_RELATIVE_DATE,
  GATE_SPEECH_VERB,
  GATE_SPELLED_NUMBER,
  GATE_SUPERLATIVE,
  GATE_WEEKDAY,
} from './gate';
import type { QuoteSpan } from './sentences';
import { subjectAfter, subjectBefore, type Mention } from './speakers';
import type { Token } from './tokens';
import { WordTable } from './word-table';

export interface RuleSignal extends ClaimSignal {
  weight: number;
  speaker?: Mention;
}

/** A sentence unit as the rules see it: its range, its tokens [tokenFrom, tokenTo) and quotations. */
export interface UnitView {
  text: string;
  tokens: readonly Token[];
  start: number;
  end: number;
  tokenFrom: number;
  tokenTo: number;
  quotes: readonly QuoteSpan[];
  /** Which word-list regexes can match in [start, end) (gate.ts); absent: all of them run. */
  gate?: number;
}

function signal(kind: ClaimKind, label: string, text: string, start: number, end: number, weight: number, speaker?: Mention): RuleSignal {
  const s: RuleSignal = { kind, label, text: text.slice(start, end), start, end, weight };
  if (speaker) s.speaker = speaker;
  return s;
}

function speakerWeight(speaker: Mention | null, named: number, other: number): number {
  return speaker?.kind === 'name' ? named : other;
}

/** Index of the unit's first token starting at or after `offset` (binary search: units can be long). */
function tokenIndexAt(view: UnitView, offset: number): number {
  let lo = view.tokenFrom;
  let hi = view.tokenTo;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (view.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');
const QUESTION_VERBS = ['asked', 'asks', 'wondered', 'added', 'continued', 'told', 'wrote', 'tweeted'];

/** What a verb does: reports speech, reports only with a that-clause, asks or answers a quotation, attributes a label. */
const SPEECH = 1;
const THAT = 2;
const QUESTION = 4;
const ATTRIBUTES = 8;

/**
 * The verb lists in one table, matched exactly as written (lower case: "States" in "United States"
 * is a name, never the verb "states") and found by the hash each plain token carries, so reading a
 * unit's tokens costs no string hashing (word-table.ts).
 */
const VERBS = new WordTable();
for (const verb of SPEECH_VERBS) VERBS.add(verb, SPEECH);
for (const verb of THAT_VERBS) VERBS.add(verb, THAT);
for (const verb of QUESTION_VERBS) VERBS.add(verb, QUESTION);
for (const verb of ATTRIBUTION_VERBS) VERBS.add(verb, ATTRIBUTES);

/** The verb roles of a token (0 for any token that is not a plain word, as no verb is). */
const verbRoles = (t: Token): number => (t.hash === 0 ? 0 : VERBS.exactBitsOf(t.hash, t.text));
const isSpeechVerb = (t: Token | undefined): boolean => !!t && (verbRoles(t) & (SPEECH | QUESTION)) !== 0;
const BOUNDARY_RE = /^[.!?"“”«»]$/;
const isBoundary = (t: Token): boolean => BOUNDARY_RE.test(t.text);

// ---------------------------------------------------------------------------------------------------
// Quotations

export interface QuoteFindings {
  signals: RuleSignal[];
  /** Token indexes of speech verbs that introduce a quotation (not reported speech of their own). */
  usedVerbs: Set<number>;
  /** Short quoted words ("deplorable"): evidence for an attribution, not quotations of their own. */
  quotedWords: RuleSignal[];
}

const MIN_QUOTE_WORDS = 4;

export function findQuotations(view: UnitView): QuoteFindings {
  const { text, tokens } = view;
  const findings: QuoteFindings = { signals: [], usedVerbs: new Set(), quotedWords: [] };
  for (const q of view.quotes) {
    const inner = tokenIndexAt(view, q.open + 1);
    const after = tokenIndexAt(view, q.close + 1);
    let words = 0;
    for (let k = inner; k < after - 1 && k < view.tokenTo; k++) if (tokens[k]!.word) words++;
    const contentStart = q.open + 1;
    const contentEnd = q.close;
    if (words < MIN_QUOTE_WORDS) {
      if (words > 0) findings.quotedWords.push(signal('attribution', 'quoted words', text, contentStart, contentEnd, 0.1));
      continue;
    }
    const verb = speechVerbAfter(view, after) ?? speechVerbBefore(view, inner - 1);
    let speaker: Mention | null = null;
    if (verb !== null) {
      findings.usedVerbs.add(verb);
      speaker =
        verb >= after
          ? subjectBefore(text, tokens, verb, after) ?? subjectAfter(text, tokens, verb + 1, view.tokenTo - 1)
          : subjectBefore(text, tokens, verb, view.tokenFrom);
    }
    findings.signals.push(
      signal('quote', 'direct quotation', text, contentStart, contentEnd, speakerWeight(speaker, 0.5, speaker ? 0.4 : 0.3), speaker ?? undefined),
    );
    if (verb !== null) {
      const t = tokens[verb]!;
      findings.signals.push(signal('quote', 'attributed with', text, t.start, t.end, 0.1));
    }
  }
  return findings;
}

/** `…," Mizintsev said` / `…," said the ministry`: a speech verb within a few tokens after the quote. */
function speechVerbAfter(view: UnitView, from: number): number | null {
  for (let k = from; k < Math.min(view.tokenTo, from + 7); k++) {
    const t = view.tokens[k]!;
    if (isBoundary(t)) return null;
    if (isSpeechVerb(t)) return k;
  }
  return null;
}

/** `Putin told reporters: "…"`: a speech verb shortly before the quote, separated by ":" or ",". */
function speechVerbBefore(view: UnitView, openToken: number): number | null {
  const before = view.tokens[openToken - 1];
  if (!before || (before.text !== ':' && before.text !== ',')) return null;
  for (let k = openToken - 2; k >= Math.max(view.tokenFrom, openToken - 10); k--) {
    const t = view.tokens[k]!;
    if (isBoundary(t)) return null;
    if (isSpeechVerb(t)) return k;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Reported speech and attribution

const PASSIVE_AUX = new Set(['was', 'were', 'been', 'is', 'are', 'being', 'be']);

export function findReportedSpeech(view: UnitView, usedVerbs: ReadonlySet<number>): RuleSignal[] {
  const { text, tokens } = view;
  const out: RuleSignal[] = [];
  // No speech verb in the unit (gate.ts): nothing to read token by token.
  if (((view.gate ?? GATE_ALL) & GATE_SPEECH_VERB) === 0) return out;
  for (let k = view.tokenFrom; k < view.tokenTo; k++) {
    const t = tokens[k]!;
    const roles = verbRoles(t);
    const needsThat = (roles & THAT) !== 0;
    if ((roles & (SPEECH | THAT)) === 0 || usedVerbs.has(k)) continue;
    const prev = lower(tokens[k - 1]);
    const next = lower(tokens[k + 1]);
    if (prev === 'the' || prev === 'a' || (prev === 'that' && next === ',')) continue;

    let speaker: Mention | null = null;
    let from = t.start;
    let to = t.end;
    if (PASSIVE_AUX.has(prev) && next === 'by' && k - 1 >= view.tokenFrom) {
      speaker = subjectAfter(text, tokens, k + 2, view.tokenTo - 1);
      if (speaker) to = speaker.end;
    } else {
      speaker = subjectBefore(text, tokens, k, view.tokenFrom);
      if (!speaker && prev === ',') {
        speaker = subjectAfter(text, tokens, k + 1, view.tokenTo - 1);
        if (speaker) to = speaker.end;
      } else if (speaker) from = speaker.start;
    }
    if (!speaker) continue;
    // "researchers found that …" but "police data show" needs no that-clause: a source noun speaks.
    if (needsThat && next !== 'that' && speaker.kind !== 'source') continue;
    const weight = speakerWeight(speaker, 0.45, 0.38) + (next === 'that' ? 0.05 : 0);
    out.push(signal('reported-speech', 'speech verb', text, Math.min(from, t.start), Math.max(to, t.end), weight, speaker));
  }
  return out;
}

const ACCORDING_TO_RE = /\baccording to\s+/gi;
const PHRASAL_PARTICLES = new Set(['for', 'on', 'off', 'up', 'out', 'back', 'in', 'into']);

export function findAttributions(view: UnitView, quotedWords: readonly RuleSignal[]): RuleSignal[] {
  const { text, tokens } = view;
  const out: RuleSignal[] = [];
  // Neither "according to" nor an attribution verb in the unit (gate.ts): quoted words alone
  // attribute nothing.
  if (((view.gate ?? GATE_ALL) & GATE_ATTRIBUTION) === 0) return out;
  const slice = text.slice(view.start, view.end);
  ACCORDING_TO_RE.lastIndex = 0;
  for (let m = ACCORDING_TO_RE.exec(slice); m; m = ACCORDING_TO_RE.exec(slice)) {
    const at = view.start + m.index;
    const sourceToken = tokenIndexAt(view, at + m[0].length);
    const speaker = subjectAfter(text, tokens, sourceToken, Math.min(view.tokenTo - 1, sourceToken + 8));
    const end = speaker ? speaker.end : at + m[0].trimEnd().length;
    out.push(signal('attribution', 'according to', text, at, end, speakerWeight(speaker, 0.5, 0.4), speaker ?? undefined));
  }
  const lastQuoted = quotedWords.reduce((at, q) => Math.max(at, q.start), -1);
  for (let k = view.tokenFrom; k < view.tokenTo; k++) {
    const t = tokens[k]!;
    if ((verbRoles(t) & ATTRIBUTES) === 0) continue;
    const next = lower(tokens[k + 1]);
    if (PHRASAL_PARTICLES.has(next)) continue;
    let speaker: Mention | null;
    let from = t.start;
    let to = t.end;
    if (next === 'by') {
      speaker = subjectAfter(text, tokens, k + 2, view.tokenTo - 1);
      if (speaker) to = speaker.end;
    } else {
      speaker = subjectBefore(text, tokens, k, view.tokenFrom);
      if (speaker) from = speaker.start;
    }
    // "described … as", "called it 'a disaster'": the characterization itself must follow.
    let hasAs = false;
    for (let j = k + 1; j < Math.min(view.tokenTo, k + 12) && !hasAs; j++) hasAs = tokens[j]!.text === 'as';
    const hasQuoted = lastQuoted > t.end;
    if (!speaker || (!hasAs && !hasQuoted && !['called', 'calls', 'dubbed', 'branded', 'labelled', 'labeled', 'termed'].includes(lower(t)))) continue;
    out.push(signal('attribution', 'attributed characterization', text, from, to, speakerWeight(speaker, 0.5, 0.4), speaker));
  }
  if (out.length > 0) for (const q of quotedWords) out.push(q);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Statistics

const NUMBER_RE = /(?:US\$|[$€£¥₹])?\d[\d,]*(?:\.\d+)?/g;
const APPROXIMATOR_RE = new RegExp(`${wordsPattern(APPROXIMATORS)}\\s+$`, 'i');
const PERCENT_RE = /^\s?(?:%|percent\b|per cent\b|percentage points?\b)/i;
const SCALE_RE = /^(?:\s?(?:million|billion|trillion|thousand|hundred)\b|(?:bn|mn|m|k)\b)/i;
const ATTACHED_UNIT_RE = /^(?:°[CF]?|(?:km|kg|mph|mm|cm|ft|lb|lbs|mg|ml|gw|mw|kw|kwh|ha|sq|C|F)\b)/i;
const ORDINAL_RE = /^(?:st|nd|rd|th)\b/;
const NEXT_WORD_RE = /^[\s-]+(\p{L}[\p{L}'’-]*)/u;
// Constants, not literals in the loops below: a literal makes a new RegExp object each time it runs.
const STARTS_LOWER_RE = /^\p{Ll}/u;
const STARTS_NON_DIGIT_RE = /^\D/;
const DIGIT_RE = /\d/;
/** What joins the parts of a date, a time or a score ("2019-09-18", "3:45", "5-4"), and the parts. */
const DATE_JOINER_RE = /[-/:]/;
const DATE_PART_RE = /[\d\-/:]/;
/** A verb or an adverb, not part of a unit or label: "-ed", "-ing", "-ly". */
const VERB_LIKE_RE = /(?:ed|ing|ly)$/;
const WORD_BEFORE_RE = /(\S+)\s+$/;
const GLUED_BEFORE_NUMBER_RE = /[\p{L}\p{N}\-/:.#]/u;
const YEAR_RE = /^(?:1[89]|20)\d\d$/;
const BARE_NUMBER_CONTEXT = new Set(['to', 'from', 'at', 'of', 'by', 'reached', 'totalled', 'totaled', 'was', 'were', 'is', 'are', 'hit', 'than']);
const SPELLED_SOURCE = `${wordsPattern(SPELLED_NUMBERS)}(\\s+of)?\\s+([\\p{L}-]+)`;
const SPELLED_RE = new RegExp(SPELLED_SOURCE, 'giu');
/** The same pattern, matched at one position only (sticky). */
const SPELLED_AT_RE = new RegExp(SPELLED_SOURCE, 'iuy');
/**
 * Where a count can start: the number word alone, without the Unicode flag. V8 runs a `u`+`i` regex
 * several times slower than a plain `i` one, so the Unicode pattern is only tried at these positions.
 * Without the `u` flag, `\b` and case-insensitive matching differ only on "ſ" (U+017F) and the Kelvin
 * sign (U+212A), which fold to "s" and "k": a unit holding either takes the Unicode pattern throughout.
 */
const SPELLED_START_RE = new RegExp(wordsPattern(SPELLED_NUMBERS), 'gi');

/** The first match of SPELLED_RE in `s` at or after `at` (what `SPELLED_RE.exec` would return). */
function nextCount(s: string, at: number, unicodeOnly: boolean): RegExpExecArray | null {
  if (unicodeOnly) {
    SPELLED_RE.lastIndex = at;
    return SPELLED_RE.exec(s);
  }
  // Every match starts where a number word does: try the full pattern there, leftmost first.
  SPELLED_START_RE.lastIndex = at;
  for (let c = SPELLED_START_RE.exec(s); c; c = SPELLED_START_RE.exec(s)) {
    SPELLED_AT_RE.lastIndex = c.index;
    const m = SPELLED_AT_RE.exec(s);
    if (m) return m;
    SPELLED_START_RE.lastIndex = c.index + 1;
  }
  return null;
}
const AGO_RE = /^\s+(?:ago|later|earlier)\b/i;

export function findStatistics(view: UnitView): RuleSignal[] {
  const { text, start: from } = view;
  const s = text.slice(from, view.end);
  const out: RuleSignal[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(s); m; m = NUMBER_RE.exec(s)) {
    let end = m.index + m[0].length;
    while (s[end - 1] === ',') end--;
    const raw = s.slice(m.index, end);
    const currency = STARTS_NON_DIGIT_RE.test(raw);
    const before = s[m.index - 1] ?? ' ';
    const after = s[end] ?? ' ';
    const afterNext = s[end + 1] ?? ' ';
    if (!currency && GLUED_BEFORE_NUMBER_RE.test(before)) continue;
    if (DATE_JOINER_RE.test(after) && DIGIT_RE.test(afterNext)) {
      NUMBER_RE.lastIndex = end + 2; // a date, time or score ("2019-09-18", "3:45", "5-4"): skip it whole
      while (DATE_PART_RE.test(s[NUMBER_RE.lastIndex] ?? '')) NUMBER_RE.lastIndex++;
      continue;
    }
    let rest = s.slice(end, end + 48);
    let sigEnd = end;
    let label = '';
    let weight = 0;
    const percent = PERCENT_RE.exec(rest);
    const scale = percent ? null : SCALE_RE.exec(rest);
    if (percent) {
      label = 'percentage';
      weight = 0.6;
      sigEnd += percent[0].length;
    } else if (scale) {
      label = currency ? 'amount of money' : 'number';
      weight = currency ? 0.6 : 0.5;
      sigEnd += scale[0].length;
    } else if (currency) {
      label = 'amount of money';
      weight = 0.6;
    } else if (ORDINAL_RE.test(rest)) continue;
    else if (ATTACHED_UNIT_RE.test(rest)) {
      label = 'number with unit';
      weight = 0.55;
      sigEnd += ATTACHED_UNIT_RE.exec(rest)![0].length;
    } else if (YEAR_RE.test(raw)) continue; // a year: the date rules decide
    rest = s.slice(sigEnd, sigEnd + 40);
    const next = NEXT_WORD_RE.exec(rest);
    const nextWord = next?.[1] ?? '';
    const nextLower = nextWord.toLowerCase();
    if (next && STARTS_LOWER_RE.test(nextWord) && !FUNCTION_WORDS.has(nextLower)) {
      if (TIME_UNITS.has(nextLower) && AGO_RE.test(rest.slice(next[0].length))) continue;
      if (!label || label === 'number') {
        label = MONEY_WORDS.has(nextLower) ? 'amount of money' : 'number with unit';
        // "16-inch laptop", "30-fold rise": a hyphenated measure describes more often than it counts.
        weight = Math.max(weight, MONEY_WORDS.has(nextLower) ? 0.6 : next[0].startsWith('-') ? 0.4 : 0.55);
      }
      sigEnd += next[0].length;
      // A second word completes the unit ("square kilometres", "measles cases"), verbs do not.
      const second = CONTENT_WORD_RE.exec(s.slice(sigEnd, sigEnd + 30));
      if (second && !FUNCTION_WORDS.has(second[1]!) && !VERB_LIKE_RE.test(second[1]!)) sigEnd += second[0].length;
    }
    if (!label) {
      const prevWord = WORD_BEFORE_RE.exec(s.slice(Math.max(0, m.index - 20), m.index))?.[1] ?? '';
      if (!BARE_NUMBER_CONTEXT.has(prevWord.toLowerCase())) continue;
      label = 'number';
      weight = 0.35;
    }
    let sigStart = m.index;
    const approx = APPROXIMATOR_RE.exec(s.slice(Math.max(0, m.index - 24), m.index));
    if (approx) {
      sigStart = m.index - approx[0].length;
      label = `approximate ${label}`;
      weight = Math.min(1, weight + 0.05);
    }
    out.push(signal('statistic', label, text, from + sigStart, from + sigEnd, weight));
  }
  const unicodeOnly = s.includes('\u017f') || s.includes('\u212a');
  // Without a number word (or with "ſ" or the Kelvin sign, which the gate's ASCII runs do not read)
  // there is no count to look for.
  if (!unicodeOnly && ((view.gate ?? GATE_ALL) & GATE_SPELLED_NUMBER) === 0) return out;
  let at = 0;
  for (let m = nextCount(s, at, unicodeOnly); m; m = nextCount(s, at, unicodeOnly)) {
    const unit = m[2]!;
    const hasOf = !!m[1];
    const ok = hasOf || (STARTS_LOWER_RE.test(unit) && !FUNCTION_WORDS.has(unit.toLowerCase()) && !(TIME_UNITS.has(unit) && AGO_RE.test(s.slice(m.index + m[0].length))));
    if (!ok) {
      at = m.index + 1;
      continue;
    }
    at = m.index + m[0].length;
    const end = hasOf && FUNCTION_WORDS.has(unit.toLowerCase()) ? m.index + m[0].length - unit.length : m.index + m[0].length;
    out.push(signal('statistic', 'count', text, from + m.index, from + end, 0.45));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Dates

const M = wordsPattern(MONTHS).slice(2, -2); // the alternation without its \b guards
const PREPOSITIONS = 'in since by until from during before after through between of early late mid last next this';
const withCapitals = (list: string): string =>
  words(list)
    .flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)])
    .join(' ');
const PREP = wordsPattern(withCapitals(PREPOSITIONS)).slice(2, -2);
const YEAR = '(?:1[89]|20)\\d\\d';

/**
 * What a rule's match must contain: a month name, a year (1800–2099), or a digit; a weekday or a
 * relative-date word (told by the unit's gate bits).
 */
type DateNeed = 'month+digit' | 'month+year' | 'month' | 'year' | 'weekday' | 'relative';

interface DateRule {
  re: RegExp;
  label: string;
  weight: number;
  need: DateNeed;
}

const dateRule = (re: RegExp, label: string, weight: number, need: DateNeed): DateRule => ({ re, label, weight, need });

const DATE_RULES: readonly DateRule[] = [
  dateRule(new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${M}\\b\\.?(?:,?\\s+${YEAR}\\b)?`, 'g'), 'date', 0.4, 'month+digit'),
  dateRule(new RegExp(`\\b${M}\\b\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+${YEAR}\\b)?`, 'g'), 'date', 0.4, 'month+digit'),
  dateRule(new RegExp(`\\b${M}\\b\\.?,?\\s+${YEAR}\\b`, 'g'), 'month and year', 0.4, 'month+year'),
  dateRule(new RegExp(`\\b${PREP}\\s+(?:the\\s+)?(?:early\\s+|late\\s+|mid-)?${YEAR}s?\\b`, 'g'), 'year', 0.4, 'year'),
  dateRule(new RegExp(`\\b${PREP}\\s+${M}\\b`, 'g'), 'month', 0.3, 'month'),
  dateRule(new RegExp(`\\b(?:(?:on|last|next|this|On|Last|Next|This)\\s+)?${wordsPattern(WEEKDAYS).slice(2, -2)}\\b`, 'g'), 'day', 0.2, 'weekday'),
  dateRule(
    /\b(?:yesterday|last (?:week|month|year|night|weekend|spring|summer|autumn|fall|winter)|earlier this (?:week|month|year)|(?:this|next) (?:week|month|year)|(?:\w+ )?(?:days|weeks|months|years|decades) ago)\b/gi,
    'relative date',
    0.2,
    'relative',
  ),
];

/**
 * Every month rule's match holds a whole month name (letters after a space or a word boundary), every
 * year rule's a year: one test for each decides which of the larger patterns can match at all. The
 * month test runs only in units whose gate has a month name in some case ("may" as well as "May").
 */
const MONTH_WORD_RE = new RegExp(`\\b${M}\\b`);
const YEAR_DIGITS_RE = new RegExp(YEAR);

export function findDates(view: UnitView): RuleSignal[] {
  const from = view.start;
  const s = view.text.slice(from, view.end);
  const found: Array<{ start: number; end: number; label: string; weight: number }> = [];
  const gate = view.gate ?? GATE_ALL;
  const digit = DIGIT_RE.test(s);
  const month = (gate & GATE_MONTH) !== 0 && MONTH_WORD_RE.test(s);
  const year = digit && YEAR_DIGITS_RE.test(s);
  const weekday = (gate & GATE_WEEKDAY) !== 0;
  const relative = (gate & GATE_RELATIVE_DATE) !== 0;
  // Most units hold no date at all.
  if (!month && !year && !weekday && !relative) return [];
  const possible: Record<DateNeed, boolean> = {
    'month+digit': month && digit,
    'month+year': month && year,
    month,
    year,
    weekday,
    relative,
  };
  for (const { re, label, weight, need } of DATE_RULES) {
    if (!possible[need]) continue;
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) found.push({ start: m.index, end: m.index + m[0].length, label, weight });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping matches of different rules describe one date: "in December" + "December 2018".
  const merged: typeof found = [];
  for (const d of found) {
    const last = merged[merged.length - 1];
    if (last && d.start < last.end) {
      last.end = Math.max(last.end, d.end);
      if (d.weight > last.weight) {
        last.weight = d.weight;
        last.label = d.label;
      }
    } else merged.push({ ...d });
  }
  return merged.map((d) => signal('date-event', d.label, view.text, from + d.start, from + d.end, d.weight));
}

// ---------------------------------------------------------------------------------------------------
// Causal, comparison, characterization

const CAUSAL_STRONG_RE = new RegExp(wordsPattern(CAUSAL_STRONG), 'gi');
const CAUSAL_WEAK_RE = new RegExp(wordsPattern(CAUSAL_WEAK), 'gi');
// "more than", "colder than", "much more slowly than": any -er word or listed comparative, one
// optional word, then "than" ("rather than", "other than" are filtered out where matched).
const COMPARATIVE_RE = new RegExp(`(?:${wordsPattern(COMPARATIVES)}|\\b[a-z]{2,}er\\b)\\s+(?:[a-z]+\\s+)?than\\b`, 'gi');
const NOT_COMPARATIVE_RE = /^(?:rather|other|whether|either|neither|together|never|ever|over|under|after|later|sooner)\b/i;
const COMPARISON_PHRASE_RE = new RegExp(wordsPattern(COMPARISON_PHRASES), 'gi');
const SUPERLATIVE_RE = new RegExp(wordsPattern(SUPERLATIVES), 'gi');
const CHANGE_RE = new RegExp(`${wordsPattern(CHANGE_VERBS)}(?=\\s+(?:by|to|from|some|about|nearly|almost|more|over|\\$|\\d))`, 'gi');
const LOADED_ADJECTIVE_RE = new RegExp(wordsPattern(LOADED_ADJECTIVES), 'gi');
const LOADED_NOUN_RE = new RegExp(wordsPattern(LOADED_NOUNS), 'gi');
const CONTENT_WORD_RE = /^\s+(\p{Ll}[\p{Ll}-]*)/u;
const PREDICATE_RE = /\b(?:is|was|are|were|be|been|as)\s+$/i;

function matchAll(re: RegExp, s: string, each: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) each(m);
}

export function findLexical(view: UnitView): RuleSignal[] {
  const { text, start: from } = view;
  const s = text.slice(from, view.end);
  const out: RuleSignal[] = [];
  const add = (kind: ClaimKind, label: string, m: RegExpExecArray, weight: number, extra = 0): void => {
    out.push(signal(kind, label, text, from + m.index, from + m.index + m[0].length + extra, weight));
  };
  // Regexes whose words the unit does not hold are skipped (gate.ts).
  const gate = view.gate ?? GATE_ALL;
  const may = (bit: number): boolean => (gate & bit) !== 0;
  if (may(GATE_CAUSAL_STRONG)) matchAll(CAUSAL_STRONG_RE, s, (m) => add('causal', 'cause and effect', m, 0.33));
  if (may(GATE_CAUSAL_WEAK)) matchAll(CAUSAL_WEAK_RE, s, (m) => add('causal', 'cause and effect', m, 0.25));
  if (may(GATE_COMPARATIVE)) {
    matchAll(COMPARATIVE_RE, s, (m) => {
      if (!NOT_COMPARATIVE_RE.test(m[0])) add('comparison', 'comparison', m, 0.33);
    });
  }
  if (may(GATE_COMPARISON_PHRASE)) matchAll(COMPARISON_PHRASE_RE, s, (m) => add('comparison', 'comparison', m, 0.33));
  if (may(GATE_SUPERLATIVE)) matchAll(SUPERLATIVE_RE, s, (m) => add('comparison', 'superlative', m, 0.33));
  if (may(GATE_CHANGE)) matchAll(CHANGE_RE, s, (m) => add('comparison', 'change', m, 0.3));
  if (may(GATE_LOADED_ADJECTIVE)) {
    matchAll(LOADED_ADJECTIVE_RE, s, (m) => {
      // Take the nouns it qualifies: "unauthorized military base", not just "unauthorized".
      let extra = 0;
      for (let n = 0; n < 2; n++) {
        const w = CONTENT_WORD_RE.exec(s.slice(m.index + m[0].length + extra, m.index + m[0].length + extra + 40));
        // Stop at verbs and adverbs: "occupied territories", not "occupied territories returned".
        if (!w || FUNCTION_WORDS.has(w[1]!) || VERB_LIKE_RE.test(w[1]!)) break;
        extra += w[0].length;
      }
      const predicate = PREDICATE_RE.test(s.slice(Math.max(0, m.index - 12), m.index));
      if (extra > 0 || predicate) add('characterization', 'loaded label', m, 0.35, extra);
    });
  }
  if (may(GATE_LOADED_NOUN)) matchAll(LOADED_NOUN_RE, s, (m) => add('characterization', 'loaded label', m, 0.35));
  return out;
}
