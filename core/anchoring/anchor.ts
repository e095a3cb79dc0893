/**
 * Re-anchoring stored selectors onto a page's current text.
 *
 * Order of attempts for each annotation, cheapest first:
 *  1. the stored position, if the text there still equals the quote;
 *  2. exact occurrences of the (normalized) quote, found through a k-gram hash index of the page
 *     and told apart by how well the stored prefix/suffix agree and by distance from the expected
 *     position;
 *  3. approximate occurrences: k-grams of prefix + quote + suffix vote for where the quote starts
 *     ("diagonals"), and only the few best-voted small windows — plus the window at the expected
 *     position — are verified with a bounded edit-distance search (Myers' bit-parallel algorithm).
 * The expected position is the stored one shifted by the displacement measured on nearby
 * annotations that were found exactly, so an inserted paragraph doesn't make every hint wrong.
 *
 * Each candidate is scored on quote, prefix, suffix and position agreement, and accepted only under
 * strict thresholds: an annotation whose text is gone must come back null (an orphan the caller
 * keeps), never attached to some other passage. Short quotes therefore need their context to agree.
 */
import search from 'approx-string-match';
import { buildKgramIndex, findExact, forEachKgram, forEachOccurrence, occurrenceBound, K, type KgramIndex } from './kgram-index';
import { normalize, normalizeWithMap, normalizedOffsetOf, type NormalizedText } from './normalize';
import { prefixErrors, suffixErrors } from './context-distance';
import { positionSelectorOf, quoteSelectorOf, type Anchor, type Selector } from './selectors';

/** Quotes at least this long (normalized characters) identify their passage without context. */
const LONG_QUOTE = 28;
/** At most this share of the quote may differ for a fuzzy match to be considered at all. */
const MAX_QUOTE_ERROR_RATE = 0.4;
/** A k-gram occurring more often than this says nothing about where a quote is. */
const MAX_SEED_OCCURRENCES = 24;
/** Fuzzy windows verified per annotation, best-voted first. */
const MAX_WINDOWS = 4;
/** Exact occurrences weighed per annotation (a very short quote can occur hundreds of times). */
const MAX_EXACT_OCCURRENCES = 500;

interface PreparedQuote {
  quote: string;
  prefix: string;
  suffix: string;
  /** The stored position, in original-text offsets, if any. */
  position: number | undefined;
}

interface Candidate {
  /** Normalized-text offsets. */
  start: number;
  end: number;
  quoteErrors: number;
}

interface Judged extends Candidate {
  score: number;
  accepted: boolean;
}

/** The page text in matching form, built lazily: a batch whose positions all check out never needs it. */
interface Page {
  original: string;
  normalized: NormalizedText;
  index: KgramIndex;
}

function preparePage(text: string): Page {
  const normalized = normalizeWithMap(text);
  return { original: text, normalized, index: buildKgramIndex(normalized.text) };
}

/** Offset shifts measured on exactly-found annotations: stored start → start found on the page. */
class Displacements {
  private readonly pairs: Array<[number, number]> = [];
  private sorted = true;

  add(storedStart: number, foundStart: number): void {
    this.pairs.push([storedStart, foundStart - storedStart]);
    this.sorted = false;
  }

  /** Where a passage stored at `storedStart` is expected now: shifted like its nearest found neighbour. */
  expected(storedStart: number): number {
    if (this.pairs.length === 0) return storedStart;
    if (!this.sorted) {
      this.pairs.sort((a, b) => a[0] - b[0]);
      this.sorted = true;
    }
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pairs[mid]![0] <= storedStart) lo = mid + 1;
      else hi = mid;
    }
    const before = this.pairs[lo - 1];
    const after = this.pairs[lo];
    const nearest =
      before && after ? (storedStart - before[0] <= after[0] - storedStart ? before : after) : (before ?? after)!;
    return storedStart + nearest[1];
  }
}

function indexOfAll(text: string, pattern: string, limit: number): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(pattern); at !== -1 && found.length < limit; at = text.indexOf(pattern, at + 1)) {
    found.push(at);
  }
  return found;
}

function exactCandidates(page: Page, quote: string): Candidate[] {
  const starts =
    quote.length >= K ? findExact(page.index, quote) : indexOfAll(page.normalized.text, quote, MAX_EXACT_OCCURRENCES);
  return starts.slice(0, MAX_EXACT_OCCURRENCES).map((start) => ({ start, end: start + quote.length, quoteErrors: 0 }));
}

let diagonalBuffer = new Int32Array(4096);

/**
 * Windows of the page where the quote probably starts, found by k-gram votes of prefix + quote +
 * suffix: each shared k-gram votes for the quote start it implies; nearby votes form one window.
 */
function votedWindows(page: Page, target: PreparedQuote): Array<{ lo: number; hi: number; votes: number }> {
  const combined = target.prefix + target.quote + target.suffix;
  const quoteOffset = target.prefix.length;
  let count = 0;
  forEachKgram(combined, (offset, hash) => {
    if (occurrenceBound(page.index, hash) > MAX_SEED_OCCURRENCES) return;
    forEachOccurrence(page.index, hash, (position) => {
      if (count === diagonalBuffer.length) {
        const grown = new Int32Array(count * 2);
        grown.set(diagonalBuffer);
        diagonalBuffer = grown;
      }
      diagonalBuffer[count++] = position - offset + quoteOffset;
    });
  });
  const diagonals = diagonalBuffer.subarray(0, count).sort();
  // Insertions and deletions inside the quote shift later votes: merge votes this close together.
  const gap = 16 + (target.quote.length >> 3);
  const windows: Array<{ lo: number; hi: number; votes: number }> = [];
  for (let i = 0; i < diagonals.length; ) {
    let j = i + 1;
    while (j < diagonals.length && diagonals[j]! - diagonals[j - 1]! <= gap) j++;
    windows.push({ lo: diagonals[i]!, hi: diagonals[j - 1]!, votes: j - i });
    i = j;
  }
  // A lone vote is noise (one shared 8-gram); keep the best-supported windows only.
  return windows
    .filter((w) => w.votes >= 2)
    .sort((a, b) => b.votes - a.votes)
    .slice(0, MAX_WINDOWS);
}

/** Best approximate matches of the quote inside normalized-text window [lo, hi). */
function verifyWindow(page: Page, quote: string, lo: number, hi: number, maxErrors: number): Candidate[] {
  const from = Math.max(0, lo);
  const to = Math.min(page.normalized.text.length, hi);
  if (to - from < quote.length - maxErrors) return [];
  const matches = search(page.normalized.text.slice(from, to), quote, maxErrors);
  return matches
    .slice(0, 8)
    .map((m) => ({ start: from + m.start, end: from + m.end, quoteErrors: m.errors }))
    .filter((c) => c.end > c.start);
}

function fuzzyCandidates(page: Page, target: PreparedQuote, expected: number | undefined): Candidate[] {
  const m = target.quote.length;
  const maxErrors = Math.floor(m * MAX_QUOTE_ERROR_RATE);
  const slack = Math.min(maxErrors, 64) + 8;
  const windows = votedWindows(page, target);
  if (expected !== undefined && !windows.some((w) => w.lo - slack <= expected && expected <= w.hi + slack)) {
    windows.push({ lo: expected, hi: expected, votes: 0 });
  }
  const candidates: Candidate[] = [];
  for (const w of windows) {
    candidates.push(...verifyWindow(page, target.quote, w.lo - slack, w.hi + m + slack, maxErrors));
  }
  return candidates;
}

/** Scores a candidate and decides whether the evidence is strong enough to anchor there. */
function judge(page: Page, target: PreparedQuote, candidate: Candidate, expected: number | undefined): Judged {
  const text = page.normalized.text;
  const m = target.quote.length;
  const contextLength = target.prefix.length + target.suffix.length;
  const pe = prefixErrors(target.prefix, text, candidate.start);
  const se = suffixErrors(target.suffix, text, candidate.end);
  const qe = candidate.quoteErrors;

  const quoteSim = 1 - qe / m;
  const prefixSim = target.prefix.length ? 1 - pe / target.prefix.length : 1;
  const suffixSim = target.suffix.length ? 1 - se / target.suffix.length : 1;
  const distance = expected === undefined ? text.length : Math.abs(candidate.start - expected);
  const positionSim = 1 - Math.min(1, distance / Math.max(1, text.length));
  // Weights after the web annotators' practice: the quote matters most, context next, position breaks ties.
  const score = 50 * quoteSim + 20 * prefixSim + 20 * suffixSim + 2 * positionSim;

  const quoteRate = qe / m;
  const contextRate = contextLength ? (pe + se) / contextLength : 0;
  const totalRate = (qe + pe + se) / (m + contextLength);
  let accepted: boolean;
  if (qe === 0) {
    // The quote is on the page verbatim. Long quotes are distinctive enough; short ones could be
    // anywhere, so their context (or an almost exact position) must confirm them.
    accepted = m >= LONG_QUOTE || contextLength === 0 || contextRate <= 0.5 || distance <= 8;
  } else {
    accepted =
      quoteRate <= MAX_QUOTE_ERROR_RATE &&
      totalRate <= 0.25 &&
      (contextRate <= 0.35 || (quoteRate <= 0.1 && m >= LONG_QUOTE));
  }
  return { ...candidate, score, accepted };
}

function best(judged: Judged[]): Judged | null {
  let top: Judged | null = null;
  for (const j of judged) if (j.accepted && (!top || j.score > top.score)) top = j;
  return top;
}

function toAnchor(page: Page, candidate: Candidate): Anchor {
  const map = page.normalized.toOriginal;
  return { start: map[candidate.start]!, end: map[candidate.end - 1]! + 1, exact: candidate.quoteErrors === 0 };
}

export function anchorMany(text: string, targets: ReadonlyArray<readonly Selector[]>): Array<Anchor | null> {
  const results: Array<Anchor | null> = new Array<Anchor | null>(targets.length).fill(null);
  const pending: Array<{ i: number; target: PreparedQuote }> = [];

  for (let i = 0; i < targets.length; i++) {
    const selectors = targets[i]!;
    const quote = quoteSelectorOf(selectors);
    const position = positionSelectorOf(selectors);
    if (!quote) {
      // A position alone cannot be verified; trust it only while it still lies inside the text.
      if (position && position.start >= 0 && position.end > position.start && position.end <= text.length) {
        results[i] = { start: position.start, end: position.end, exact: false };
      }
      continue;
    }
    if (quote.exact.length === 0) continue;
    if (position && text.slice(position.start, position.end) === quote.exact) {
      results[i] = { start: position.start, end: position.end, exact: true };
      continue;
    }
    const normalizedQuote = normalize(quote.exact);
    if (normalizedQuote.length === 0) continue;
    pending.push({
      i,
      target: {
        quote: normalizedQuote,
        prefix: normalize(quote.prefix),
        suffix: normalize(quote.suffix),
        position: position?.start,
      },
    });
  }
  if (pending.length === 0) return results;

  const page = preparePage(text);
  const displacements = new Displacements();
  for (let i = 0; i < targets.length; i++) {
    const anchor = results[i];
    const position = anchor && positionSelectorOf(targets[i]!);
    if (anchor?.exact && position) displacements.add(position.start, anchor.start);
  }

  // Unique long exact quotes first: they anchor on their own and tell how far the text has moved.
  const exactByTarget = new Map<number, Candidate[]>();
  const unresolved: typeof pending = [];
  for (const item of pending) {
    const exact = exactCandidates(page, item.target.quote);
    if (exact.length === 1 && item.target.quote.length >= LONG_QUOTE) {
      const anchor = toAnchor(page, exact[0]!);
      results[item.i] = anchor;
      if (item.target.position !== undefined) displacements.add(item.target.position, anchor.start);
    } else {
      exactByTarget.set(item.i, exact);
      unresolved.push(item);
    }
  }

  for (const { i, target } of unresolved) {
    const expected =
      target.position === undefined
        ? undefined
        : normalizedOffsetOf(page.normalized, displacements.expected(target.position));
    const exactJudged = exactByTarget.get(i)!.map((c) => judge(page, target, c, expected));
    let chosen = best(exactJudged);
    if (!chosen) {
      const fuzzyJudged = fuzzyCandidates(page, target, expected).map((c) => judge(page, target, c, expected));
      chosen = best(fuzzyJudged);
    }
    results[i] = chosen ? toAnchor(page, chosen) : null;
  }
  return results;
}

export function anchorSelectors(text: string, selectors: readonly Selector[]): Anchor | null {
  return anchorMany(text, [selectors])[0] ?? null;
}
