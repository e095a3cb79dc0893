/**
 * Claim detection over an article's text (the text index's coordinates), sentence unit by sentence
 * unit: rules find the evidence (numbers, speech verbs, quotations, dates, loaded labels …), noise
 * filters drop what is never a claim, an optional check-worthiness model re-weighs the rest.
 *
 * Claims never overlap (each is one sentence unit, a quotation running over several sentences being
 * one unit), are sorted by start, and `text.slice(claim.start, claim.end) === claim.text`.
 */

import type { Claim, ClaimKind, ClaimSignal } from './types';
import { unitGate } from './gate';
import { datelineLength, isBoilerplate, isOpinion, isQuestion, isQuotedQuestion, endsWithTerminal, outsideQuotes } from './noise';
import { findAttributions, findDates, findLexical, findQuotations, findReportedSpeech, findStatistics, type RuleSignal, type UnitView } from './rules';
import { claimId, decide, FRAGMENT_FACTOR, normalizeForId, OPINION_FACTOR, ruleScore } from './score';
import { isWhiteSpace, segmentText, type QuoteSpan } from './sentences';
import { indexNames, resolveName, type Mention, type NameIndex } from './speakers';
import { firstTokenAt, tokenize } from './tokens';

export interface DetectClaimsOptions {
  /** Check-worthiness of one sentence in [0, 1] (core/worthiness `scoreCheckWorthiness`). */
  scoreSentence?: (sentence: string) => number;
}

/**
 * A unit longer than this is not one claim (a page dumped without punctuation, a runaway quotation):
 * skipping it keeps the cost per unit bounded on hostile text.
 */
const MAX_UNIT_CHARS = 3000;

/** How far (in blocks) a pronoun or an unattributed quotation may reach back for its speaker. */
const SPEAKER_REACH = 2;

interface SpeakerMemory {
  /** The last person named as a speaker, for "he said". */
  person: { name: string; block: number } | null;
  /** The last quotation's speaker, for a quotation continued in the next sentence or paragraph. */
  quote: { name: string; block: number } | null;
}

export function detectClaims(text: string, options: DetectClaimsOptions = {}): Claim[] {
  return detectClaimsTimed(text, options.scoreSentence).claims;
}

/**
 * The claims of `text`, in three passes: the rules over every unit (ruleCandidates), the model over
 * the units they leave standing (scoreCandidates), the decisions (decideClaims). `scoringMs`: the
 * model's pass, which the pipeline reports (0 without a scorer).
 */
export function detectClaimsTimed(text: string, scoreSentence?: (sentence: string) => number): { claims: Claim[]; scoringMs: number } {
  const candidates = ruleCandidates(text);
  if (!scoreSentence) return { claims: decideClaims(candidates, null), scoringMs: 0 };
  const t0 = performance.now();
  const scores = scoreCandidates(candidates, scoreSentence);
  const scoringMs = performance.now() - t0;
  return { claims: decideClaims(candidates, scores), scoringMs };
}

/**
 * The model's score of each candidate, in order. The candidates are scored one after another, apart
 * from the rules: the model's tables then stay in the processor's caches from one sentence to the
 * next instead of being pushed out by the rules' work between sentences.
 */
function scoreCandidates(candidates: readonly Candidate[], scoreSentence: (sentence: string) => number): number[] {
  const scores: number[] = [];
  for (let i = 0; i < candidates.length; i++) scores.push(scoreSentence(candidates[i]!.normalized));
  return scores;
}

/** The candidates kept, as claims: by the rules alone when there are no model scores. */
function decideClaims(candidates: readonly Candidate[], scores: readonly number[] | null): Claim[] {
  const claims: Claim[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    const decision = decide(candidate.rule, scores ? scores[i] : undefined);
    if (decision.keep) claims.push(claimOf(candidate, decision.score));
  }
  return claims;
}

/** The units the rules leave standing, with their evidence, in text order. */
function ruleCandidates(text: string): Candidate[] {
  const { units, quotes, unitBlock } = segmentText(text);
  const tokens = tokenize(text);
  // The proper names a surname resolves to: indexed on the first named speaker only (a page in
  // another language, or one without named speakers, never needs them).
  let names: NameIndex | null = null;
  const nameIndex = (): NameIndex => (names ??= indexNames(text, tokens));
  const occurrences = new Map<string, number>();
  const memory: SpeakerMemory = { person: null, quote: null };
  const candidates: Candidate[] = [];
  let quoteCursor = 0;

  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const block = unitBlock[i]!;
    let start = unit.start + datelineLength(text.slice(unit.start, unit.end));
    while (start < unit.end && isWhiteSpace(text.charCodeAt(start))) start++;
    const end = unit.end;
    if (start >= end || end - start > MAX_UNIT_CHARS) continue;
    const claimText = text.slice(start, end);
    const normalized = normalizeForId(claimText);
    const occurrence = occurrences.get(normalized) ?? 0;
    occurrences.set(normalized, occurrence + 1);

    while (quoteCursor < quotes.length && quotes[quoteCursor]!.open < start) quoteCursor++;
    const unitQuotes: QuoteSpan[] = [];
    for (let q = quoteCursor; q < quotes.length && quotes[q]!.open < end; q++) {
      if (quotes[q]!.close <= end) unitQuotes.push(quotes[q]!); // an open-ended quotation ends with the unit
    }

    const tokenFrom = firstTokenAt(tokens, start);
    const tokenTo = firstTokenAt(tokens, end);
    let words = 0;
    let letterWords = 0;
    for (let k = tokenFrom; k < tokenTo; k++) {
      const t = tokens[k]!;
      if (t.word) words++;
      const first = t.text.charCodeAt(0);
      if (t.word && !(first >= 48 && first <= 57)) letterWords++;
    }
    // Fewer than three words made of letters: a reference ("2015; 28: 685-690."), a score, a label.
    if (letterWords < 3) continue;
    // Which word-list regexes can match in this unit (most cannot): the others are skipped.
    const gate = unitGate(tokens, start, end, tokenFrom, tokenTo);
    if (isBoilerplate(claimText, words, gate) || isQuestion(claimText)) continue;
    const ownWords = outsideQuotes(text, start, end, unitQuotes);
    if (isQuotedQuestion(text, start, end, unitQuotes, ownWords)) continue;

    const view: UnitView = { text, tokens, start, end, tokenFrom, tokenTo, quotes: unitQuotes, gate };
    const found = findQuotations(view);
    // concat, not spreads: a spread runs the iterator protocol, which the engine's first tiers (where
    // this runs on most pages) do not optimise away.
    const signals = dedupe(
      found.signals.concat(
        findAttributions(view, found.quotedWords),
        findReportedSpeech(view, found.usedVerbs),
        findStatistics(view),
        findDates(view),
        findLexical(view),
      ),
    );

    const speaker = chooseSpeaker(signals, nameIndex, memory, block);
    // A quotation whose speaker is known from its context (the sentence's reported speech, or the
    // previous quotation) weighs as much as one attributed in place.
    if (speaker) for (const s of signals) if (s.kind === 'quote' && s.label === 'direct quotation') s.weight = Math.max(s.weight, 0.4);
    const hasFact = signals.some((s) => s.kind === 'statistic' || s.kind === 'date-event');
    const opinion = isOpinion(ownWords, gate);
    if (opinion && !hasFact) continue;
    let rule = ruleScore(signals);
    if (opinion) rule *= OPINION_FACTOR;
    const sentence = endsWithTerminal(claimText);
    if (!sentence) rule *= FRAGMENT_FACTOR;
    // A fragment (headline, caption, list item, reference) needs rule evidence: the model alone is
    // not enough to flag it.
    if (!sentence && signals.length === 0) continue;

    candidates.push({ start, end, text: claimText, normalized, occurrence, signals, speaker, rule });
  }
  return candidates;
}

/** A unit the rules leave standing, waiting for the model's word. */
interface Candidate {
  start: number;
  end: number;
  text: string;
  /** The text as ids and the model read it (normalizeForId), and its occurrences before this one. */
  normalized: string;
  occurrence: number;
  signals: RuleSignal[];
  speaker: string | undefined;
  /** The rules' score (ruleScore, discounted for opinions and fragments). */
  rule: number;
}

function claimOf({ start, end, text, normalized, occurrence, signals, speaker }: Candidate, score: number): Claim {
  const kinds = kindsOf(signals);
  const publicSignals: ClaimSignal[] = signals.map(({ kind, label, text: t, start: s, end: e }) => ({ kind, label, text: t, start: s, end: e }));
  if (kinds.length === 0) {
    kinds.push('factual');
    publicSignals.push({ kind: 'factual', label: 'check-worthy sentence', text, start, end });
  }
  const claim: Claim = { id: claimId(normalized, occurrence), start, end, text, kinds, signals: publicSignals, score: round(score) };
  if (speaker) claim.speaker = speaker;
  return claim;
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}

/**
 * The signals in text order (by start, then end), each kind and range once. A unit holds a handful:
 * an insertion sort with a direct comparison, where a sort callback and string keys cost more than
 * the work on most pages' engine tiers.
 */
function dedupe(signals: RuleSignal[]): RuleSignal[] {
  const out: RuleSignal[] = [];
  for (let i = 0; i < signals.length; i++) {
    const s = signals[i]!;
    let at = out.length;
    while (at > 0 && (out[at - 1]!.start > s.start || (out[at - 1]!.start === s.start && out[at - 1]!.end > s.end))) at--;
    let duplicate = false;
    // Signals with the same range sit together just before `at`: the first of them was kept.
    for (let k = at - 1; k >= 0 && out[k]!.start === s.start && out[k]!.end === s.end; k--) if (out[k]!.kind === s.kind) duplicate = true;
    if (duplicate) continue;
    if (at === out.length) out.push(s);
    else out.splice(at, 0, s);
  }
  return out;
}

function kindsOf(signals: readonly RuleSignal[]): ClaimKind[] {
  const kinds: ClaimKind[] = [];
  for (let i = 0; i < signals.length; i++) if (!kinds.includes(signals[i]!.kind)) kinds.push(signals[i]!.kind);
  return kinds;
}

/** Whose words a claim is: the kinds of signal that name a speaker, the most direct first. */
const SPEAKER_ORDER: readonly ClaimKind[] = ['quote', 'attribution', 'reported-speech'];

/**
 * The claim's speaker: a quotation's speaker first, then an attribution's source, then the subject of
 * reported speech. Names resolve to their fuller earlier mention; "he"/"she" to the last person who
 * spoke nearby; an unattributed quotation continues the previous quotation's speaker.
 */
function chooseSpeaker(signals: readonly RuleSignal[], names: () => NameIndex, memory: SpeakerMemory, block: number): string | undefined {
  let hasQuote = false;
  let hasSpeaker = false;
  for (let i = 0; i < signals.length; i++) {
    if (signals[i]!.kind === 'quote') hasQuote = true;
    if (signals[i]!.speaker) hasSpeaker = true;
  }
  // Most units: no quotation and nobody speaking, so nothing to resolve or remember.
  if (!hasQuote && !hasSpeaker) return undefined;
  let result: string | undefined;
  for (let k = 0; k < SPEAKER_ORDER.length && !result && hasSpeaker; k++) {
    for (let i = 0; i < signals.length && !result; i++) {
      const s = signals[i]!;
      if (s.kind === SPEAKER_ORDER[k] && s.speaker) result = speakerName(s.speaker, names, memory, block);
    }
  }
  if (!result && hasQuote && memory.quote && block - memory.quote.block <= SPEAKER_REACH) result = memory.quote.name;
  if (result && hasQuote) memory.quote = { name: result, block };
  return result;
}

function speakerName(mention: Mention, names: () => NameIndex, memory: SpeakerMemory, block: number): string | undefined {
  if (mention.kind === 'source') return mention.text;
  if (mention.kind === 'pronoun') {
    const he = /^(?:he|she)$/i.test(mention.text);
    return he && memory.person && block - memory.person.block <= SPEAKER_REACH ? memory.person.name : undefined;
  }
  const name = resolveName(names(), mention.text, mention.start);
  memory.person = { name, block };
  return name;
}
