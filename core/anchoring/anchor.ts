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
import { clipContext, prefixErrors, suffixErrors } from './context-distance';
import { positionSelectorOf, quoteSelectorOf, type Anchor, type Selector } from './selectors';

/** Quotes at least this long (normalized characters) identify their passage without context. */
const LONG_QUOTE = 28;
/** At most this share of the quote may differ for a fuzzy match to be considered at all. */
const MAX_QUOTE_ERROR_RATE = 0.4;
/** A k-gram occurring more often than this says nothing about where a quote is. */
const MAX_SEED_OCCURRENCES = 8;
/** Every SEED_STRIDE-th k-gram of prefix + quote + suffix is looked up. */
const SEED_STRIDE = 2;
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
  /** Whether the candidate lies where the displacement-corrected position says it should. */
  near: boolean;
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

interface Window {
  lo: number;
  hi: number;
  votes: number;
}

/** Sorted quote-start "diagonals" voted for by k-grams shared between prefix + quote + suffix and the page. */
function collectVotes(page: Page, target: PreparedQuote): { diagonals: Int32Array; seeds: number } {
  const combined = target.prefix + target.quote + target.suffix;
  const quoteOffset = target.prefix.length;
  let count = 0;
  let seeds = 0;
  forEachKgram(combined, (offset, hash) => {
    // Every other k-gram is plenty: an intact stretch of text shares all of them.
    if (offset % SEED_STRIDE !== 0) return;
    seeds++;
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
  return { diagonals: diagonalBuffer.subarray(0, count).sort(), seeds };
}

function countBetween(sorted: Int32Array, lo: number, hi: number): number {
  const lowerBound = (value: number): number => {
    let a = 0;
    let b = sorted.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (sorted[mid]! < value) a = mid + 1;
      else b = mid;
    }
    return a;
  };
  return lowerBound(hi + 1) - lowerBound(lo);
}

/**
 * Windows of the page where the quote probably starts. Insertions and deletions inside the quote
 * shift later votes a little, so votes are counted over ranges of diagonals of bounded width; the
 * best-supported non-overlapping ranges are kept, plus the expected position if any votes back it.
 */
function candidateWindows(page: Page, target: PreparedQuote, expected: number | undefined, slack: number): Window[] {
  const { diagonals, seeds } = collectVotes(page, target);
  const count = diagonals.length;
  const width = 24 + (target.quote.length >> 2);
  // A true location shares most of its k-grams; a handful of shared 8-grams is coincidence.
  const minVotes = Math.max(3, Math.floor(seeds * 0.15));
  const ranges: Window[] = [];
  for (let i = 0, j = 0; i < count; i++) {
    if (j < i) j = i;
    while (j + 1 < count && diagonals[j + 1]! - diagonals[i]! <= width) j++;
    if (j - i + 1 >= minVotes && (i === 0 || diagonals[i - 1] !== diagonals[i])) {
      ranges.push({ lo: diagonals[i]!, hi: diagonals[j]!, votes: j - i + 1 });
    }
  }
  ranges.sort((a, b) => b.votes - a.votes);
  const chosen: Window[] = [];
  for (const r of ranges) {
    if (chosen.length === MAX_WINDOWS || (chosen.length > 0 && r.votes * 2 < chosen[0]!.votes)) break;
    if (chosen.some((c) => r.lo <= c.hi + width && c.lo <= r.hi + width)) continue;
    chosen.push(r);
  }
  if (expected !== undefined && !chosen.some((w) => w.lo - slack <= expected && expected <= w.hi + slack)) {
    // A heavily edited short quote may gather few votes; near where it should be, a few suffice.
    const votes = countBetween(diagonals, expected - slack - width, expected + slack + width);
    if (votes >= 3) chosen.push({ lo: expected - width, hi: expected + width, votes });
  }
  return chosen;
}

/** Best approximate matches of the quote inside normalized-text window [lo, hi). */
function verifyWindow(page: Page, quote: string, lo: number, hi: number, maxErrors: number): Candidate[] {
  const from = Math.max(0, lo);
  const to = Math.min(page.normalized.text.length, hi);
  if (to - from < quote.length - maxErrors) return [];
  const matches = search(page.normalized.text.slice(from, to), quote, maxErrors);
  const candidates: Candidate[] = [];
  // Equal-cost matches in one window are near-identical alignments: a few are enough to score.
  for (const m of matches.slice(0, 3)) {
    if (m.end > m.start) candidates.push({ start: from + m.start, end: from + m.end, quoteErrors: m.errors });
  }
  return candidates;
}

function fuzzyCandidates(page: Page, target: PreparedQuote, expected: number | undefined): Candidate[] {
  const m = target.quote.length;
  const maxErrors = Math.floor(m * MAX_QUOTE_ERROR_RATE);
  const slack = Math.min(maxErrors, 64) + 8;
  const candidates: Candidate[] = [];
  for (const w of candidateWindows(page, target, expected, slack)) {
    candidates.push(...verifyWindow(page, target.quote, w.lo - slack, w.hi + m + slack, maxErrors));
  }
  return candidates;
}

/** Share of the quote allowed to differ in the cheap in-place check (most edits are this small). */
const IN_PLACE_ERROR_RATE = 0.2;

/** Approximate matches of the quote right where it is expected, with a small error budget. */
function inPlaceCandidates(page: Page, target: PreparedQuote, expected: number): Candidate[] {
  const m = target.quote.length;
  const maxErrors = Math.ceil(m * IN_PLACE_ERROR_RATE);
  const slack = 32 + maxErrors;
  return verifyWindow(page, target.quote, expected - slack, expected + m + slack, maxErrors);
}

/** Distance (normalized characters) from the expected start within which a match counts as "in place". */
const nearDistance = (quoteLength: number): number => 64 + (quoteLength >> 2);

/** Scores a candidate and decides whether the evidence is strong enough to anchor there. */
function judge(page: Page, target: PreparedQuote, candidate: Candidate, expected: number | undefined): Judged {
  const text = page.normalized.text;
  const m = target.quote.length;
  const lp = target.prefix.length;
  const ls = target.suffix.length;
  const pe = prefixErrors(target.prefix, text, candidate.start);
  const se = suffixErrors(target.suffix, text, candidate.end);
  const qe = candidate.quoteErrors;

  const quoteRate = qe / m;
  const prefixRate = lp ? pe / lp : 0;
  const suffixRate = ls ? se / ls : 0;
  const contextRate = lp + ls ? (pe + se) / (lp + ls) : 0;
  const totalRate = (qe + pe + se) / (m + lp + ls);
  const near = nearDistance(m);
  const distance = expected === undefined ? Infinity : Math.abs(candidate.start - expected);
  const isNear = distance <= near;
  // Weights after the web annotators' practice (quote 50, context 20 + 20), with position weighing
  // more (8): once shifted by the measured displacement, the expected position is a strong clue.
  const score = 50 * (1 - quoteRate) + 20 * (1 - prefixRate) + 20 * (1 - suffixRate) + 8 * (near / (near + distance));

  let accepted: boolean;
  if (qe === 0) {
    // The quote is on the page verbatim. A long quote identifies its passage; a shorter one must be
    // backed by its context (both sides, or one side when it is where it should be).
    const oneSide = Math.min(prefixRate, suffixRate) <= 0.5;
    const bothSides = prefixRate <= 0.5 && suffixRate <= 0.5;
    accepted =
      m >= 64 ||
      lp + ls === 0 ||
      bothSides ||
      (oneSide && (isNear || m >= LONG_QUOTE));
  } else if (quoteRate > MAX_QUOTE_ERROR_RATE) {
    accepted = false;
  } else if (isNear) {
    accepted = totalRate <= 0.25 && contextRate <= 0.35;
  } else {
    // Far from where it should be: only a nearly intact quote with intact context will do.
    accepted =
      (quoteRate <= 0.2 && prefixRate <= 0.3 && suffixRate <= 0.3 && totalRate <= 0.15) || (m >= 64 && quoteRate <= 0.1);
  }
  return { ...candidate, score, accepted, near: isNear };
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
        prefix: clipContext(normalize(quote.prefix), 'prefix'),
        suffix: clipContext(normalize(quote.suffix), 'suffix'),
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
    if (chosen && (chosen.near || expected === undefined)) {
      results[i] = toAnchor(page, chosen);
      continue;
    }
    // Most edited passages are still where the displacement says: check there first, cheaply.
    if (expected !== undefined) {
      const inPlace = best(inPlaceCandidates(page, target, expected).map((c) => judge(page, target, c, expected)));
      if (inPlace) chosen = best(chosen ? [chosen, inPlace] : [inPlace]);
    }
    // A verbatim occurrence far from where the passage should be may be a stray repeat while the
    // real passage, edited, sits in place: let the fuzzy matches compete with it.
    if (!chosen || !chosen.near) {
      const fuzzyJudged = fuzzyCandidates(page, target, expected).map((c) => judge(page, target, c, expected));
      chosen = best(chosen ? [chosen, ...fuzzyJudged] : fuzzyJudged);
    }
    results[i] = chosen ? toAnchor(page, chosen) : null;
  }
  return results;
}

export function anchorSelectors(text: string, selectors: readonly Selector[]): Anchor | null {
  return anchorMany(text, [selectors])[0] ?? null;
}
