/**
 * Re-anchoring stored selectors onto a page's current text, many annotations at once.
 *
 * Order of attempts for each annotation, cheapest first:
 *  1. the stored position, if the text there still equals the quote (no other work at all);
 *  2. exact occurrences of the normalized quote (see normalize.ts), found through a k-gram hash
 *     index of the page built once per batch, and told apart by prefix/suffix agreement and by
 *     distance from the expected position;
 *  3. in place: the quote's first and last k-grams looked up near the expected position, and the
 *     span between them verified with one edit-distance pass (most edits change a word inside);
 *  4. anywhere: k-grams of prefix + quote + suffix vote for where the quote starts, and only the
 *     few best-voted small windows are verified with a bounded edit-distance search (myers.ts).
 * The expected position is the stored one shifted like the nearest annotations already found
 * (median of three), and annotations are resolved in page order, so an inserted paragraph doesn't
 * make every position hint wrong.
 *
 * Each candidate is scored on quote, prefix, suffix and position agreement, and accepted only under
 * strict thresholds: an annotation whose text is gone must come back null (an orphan the caller
 * keeps), never attached to some other passage. Short quotes therefore need their context to agree,
 * and a match far from where the passage should be needs a nearly intact quote and context.
 */
import {
  bucketOf,
  buildKgramIndex,
  findExact,
  kgramHash,
  kgramHashes,
  nearestOccurrence,
  K,
  type KgramIndex,
} from './kgram-index';
import { normalize, normalizeWithMap, normalizedOffsetOf, type NormalizedText } from './normalize';
import { anchoredDistances, bestMatches, globalDistance, sharedPattern } from './myers';
import { clipContext, prefixErrors, suffixErrors } from './context-distance';
import { positionSelectorOf, quoteSelectorOf, type Anchor, type Selector } from './selectors';

/** Verbatim quotes at least this long (normalized characters) need only one side of context to agree. */
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
  normalized: NormalizedText;
  index: KgramIndex;
}

function preparePage(text: string): Page {
  const normalized = normalizeWithMap(text);
  return { normalized, index: buildKgramIndex(normalized.text) };
}

/**
 * Offset shifts measured on annotations already found: stored start → start found on the page.
 * Kept sorted by stored start; the expected shift of another annotation is the median of its three
 * nearest measured neighbours, so one wrong anchor cannot drag the others along.
 */
class Displacements {
  private readonly stored: number[] = [];
  private readonly shift: number[] = [];

  private lowerBound(storedStart: number): number {
    let lo = 0;
    let hi = this.stored.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.stored[mid]! < storedStart) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(storedStart: number, foundStart: number): void {
    const at = this.lowerBound(storedStart);
    this.stored.splice(at, 0, storedStart);
    this.shift.splice(at, 0, foundStart - storedStart);
  }

  /** Where a passage stored at `storedStart` is expected now. */
  expected(storedStart: number): number {
    const n = this.stored.length;
    if (n === 0) return storedStart;
    // Merge outwards from the insertion point to collect the three nearest neighbours.
    let left = this.lowerBound(storedStart) - 1;
    let right = left + 1;
    const nearest: number[] = [];
    while (nearest.length < 3 && (left >= 0 || right < n)) {
      const takeLeft =
        right >= n || (left >= 0 && storedStart - this.stored[left]! <= this.stored[right]! - storedStart);
      nearest.push(this.shift[takeLeft ? left-- : right++]!);
    }
    nearest.sort((a, b) => a - b);
    return storedStart + nearest[(nearest.length - 1) >> 1]!;
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

interface Window {
  lo: number;
  hi: number;
  votes: number;
}

/** Votes are counted per bucket of this many consecutive quote-start positions ("diagonals"). */
const BUCKET_BITS = 5;
let bucketVotes = new Int32Array(0);
let touchedBuckets = new Int32Array(1024);

/**
 * Windows of the page where the quote probably starts. Every k-gram shared between prefix + quote +
 * suffix and the page votes for the quote start it implies; votes are tallied in buckets of 32
 * positions (insertions and deletions shift later votes a little), and the best pairs of adjacent
 * buckets become windows. The expected position is added when a few votes back it.
 */
function candidateWindows(page: Page, target: PreparedQuote, expected: number | undefined, slack: number): Window[] {
  const textLength = page.normalized.text.length;
  const bucketCount = (textLength >> BUCKET_BITS) + 2;
  if (bucketVotes.length < bucketCount) bucketVotes = new Int32Array(bucketCount);
  const combined = target.prefix + target.quote + target.suffix;
  const quoteOffset = target.prefix.length;
  const { head, next, hashAt, bucketSize, mask } = page.index;
  const hashes = kgramHashes(combined);
  let touched = 0;
  let seeds = 0;
  // Every other k-gram is plenty: an intact stretch of text shares all of them.
  for (let offset = 0; offset < hashes.length; offset += SEED_STRIDE) {
    const hash = hashes[offset]!;
    seeds++;
    const chain = bucketOf(hash, mask);
    if (bucketSize[chain]! > MAX_SEED_OCCURRENCES) continue;
    for (let position = head[chain]!; position !== -1; position = next[position]!) {
      if (hashAt[position] !== hash) continue;
      const start = position - offset + quoteOffset;
      if (start < 0 || start >= textLength) continue;
      const bucket = start >> BUCKET_BITS;
      if (bucketVotes[bucket]!++ === 0) {
        if (touched === touchedBuckets.length) {
          const grown = new Int32Array(touched * 2);
          grown.set(touchedBuckets);
          touchedBuckets = grown;
        }
        touchedBuckets[touched++] = bucket;
      }
    }
  }
  // A true location shares most of its k-grams; a handful of shared 8-grams is coincidence.
  const minVotes = Math.max(3, Math.floor(seeds * 0.15));
  const ranges: Window[] = [];
  for (let t = 0; t < touched; t++) {
    const b = touchedBuckets[t]!;
    const votes = bucketVotes[b]! + bucketVotes[b + 1]!;
    if (votes >= minVotes) ranges.push({ lo: b << BUCKET_BITS, hi: ((b + 2) << BUCKET_BITS) - 1, votes });
  }
  let nearExpected = 0;
  if (expected !== undefined) {
    const from = Math.max(0, (expected - slack) >> BUCKET_BITS);
    const to = Math.min(bucketCount - 1, (expected + slack) >> BUCKET_BITS);
    for (let b = from; b <= to; b++) nearExpected += bucketVotes[b]!;
  }
  for (let t = 0; t < touched; t++) bucketVotes[touchedBuckets[t]!] = 0;

  ranges.sort((a, b) => b.votes - a.votes);
  const chosen: Window[] = [];
  for (const r of ranges) {
    if (chosen.length === MAX_WINDOWS || (chosen.length > 0 && r.votes * 2 < chosen[0]!.votes)) break;
    if (chosen.some((c) => r.lo <= c.hi && c.lo <= r.hi)) continue;
    chosen.push(r);
  }
  if (expected !== undefined && !chosen.some((w) => w.lo - slack <= expected && expected <= w.hi + slack)) {
    // A heavily edited short quote may gather few votes; near where it should be, a few suffice.
    if (nearExpected >= 3) chosen.push({ lo: expected - 32, hi: expected + 32, votes: nearExpected });
  }
  return chosen;
}

/** Best approximate matches of the quote inside normalized-text window [lo, hi). */
function verifyWindow(page: Page, target: PreparedQuote, lo: number, hi: number, maxErrors: number): Candidate[] {
  const quote = target.quote;
  const from = Math.max(0, lo);
  const to = Math.min(page.normalized.text.length, hi);
  if (to - from < quote.length - maxErrors) return [];
  const candidates: Candidate[] = [];
  for (const m of bestMatches(sharedPattern(quote), page.normalized.text, from, to, maxErrors)) {
    if (m.end > m.start) candidates.push({ start: m.start, end: m.end, quoteErrors: m.errors });
  }
  return candidates;
}

function fuzzyCandidates(page: Page, target: PreparedQuote, expected: number | undefined): Candidate[] {
  const m = target.quote.length;
  const maxErrors = Math.floor(m * MAX_QUOTE_ERROR_RATE);
  const slack = Math.min(maxErrors, 64) + 8;
  const candidates: Candidate[] = [];
  for (const w of candidateWindows(page, target, expected, slack)) {
    candidates.push(...verifyWindow(page, target, w.lo - slack, w.hi + m + slack, maxErrors));
  }
  return candidates;
}

/** Share of the quote allowed to differ in the cheap in-place check (most edits are this small). */
const IN_PLACE_ERROR_RATE = 0.2;

/**
 * The quote right where it is expected. Most edits change a word inside the quote: when its first
 * and last k-grams are both still in place, one edit-distance pass over exactly that span suffices;
 * when only one of them is (a word at the edge changed), a window just past it is searched.
 */
function inPlaceCandidates(page: Page, target: PreparedQuote, expected: number): Candidate[] {
  const quote = target.quote;
  const m = quote.length;
  if (m < K) return [];
  const maxErrors = Math.ceil(m * IN_PLACE_ERROR_RATE);
  const slack = 32 + maxErrors;
  const index = page.index;
  const lastHash = kgramHash(quote, m - K);
  const first = nearestOccurrence(index, kgramHash(quote, 0), expected - slack, expected + slack, expected);
  if (first !== -1) {
    const lastExpected = first + m - K;
    const last = nearestOccurrence(index, lastHash, lastExpected - maxErrors, lastExpected + maxErrors, lastExpected);
    if (last !== -1) {
      const errors = globalDistance(sharedPattern(quote), page.normalized.text, first, last + K);
      if (errors <= maxErrors) return [{ start: first, end: last + K, quoteErrors: errors }];
    }
    return verifyWindow(page, target, first - 8, first + m + maxErrors + 8, maxErrors);
  }
  const lastExpected = expected + m - K;
  const last = nearestOccurrence(index, lastHash, lastExpected - slack, lastExpected + slack, lastExpected);
  if (last === -1) return [];
  return verifyWindow(page, target, last + K - m - maxErrors - 8, last + K + 8, maxErrors);
}

/** Distance (normalized characters) from the expected start within which a match counts as "in place". */
const nearDistance = (quoteLength: number): number => 64 + (quoteLength >> 2);

/** How far (normalized characters) an approximate match's edges may move outwards when refined. */
const EDGE_REACH = 12;

/** Characters compared at each edge to decide whether it needs refining. */
const EDGE_CHECK = 4;

/** Whether `text[at, at + EDGE_CHECK)` equals `quote[from, from + EDGE_CHECK)`. */
function agreesAt(text: string, at: number, quote: string, from: number): boolean {
  if (at < 0 || from < 0 || at + EDGE_CHECK > text.length || from + EDGE_CHECK > quote.length) return false;
  for (let k = 0; k < EDGE_CHECK; k++) if (text.charCodeAt(at + k) !== quote.charCodeAt(from + k)) return false;
  return true;
}

/**
 * Moves the edges of an approximate match outwards where quote + context agree better. When the
 * word at a quote's edge was replaced, the cheapest alignment of the quote alone simply leaves that
 * word out; the stored prefix/suffix say where the passage really begins and ends.
 */
function refineEdges(page: Page, target: PreparedQuote, c: Candidate): Candidate {
  if (c.quoteErrors === 0) return c;
  const text = page.normalized.text;
  const quote = target.quote;
  const pattern = sharedPattern(quote);
  let { start, end, quoteErrors } = c;
  // An edge where the quote's outermost characters are found verbatim is already right.
  const endSure = agreesAt(text, end - EDGE_CHECK, quote, quote.length - EDGE_CHECK);
  const startSure = agreesAt(text, start, quote, 0);
  // End: distances of the quote against text[start, end + d), plus the suffix after end + d.
  const endReach = Math.min(EDGE_REACH, text.length - end);
  if (!endSure && endReach > 0 && target.suffix.length > 0) {
    const span = end - start;
    const scores = anchoredDistances(pattern, text, start, 1, span + endReach);
    let bestCost = quoteErrors + suffixErrors(target.suffix, text, end);
    let bestEnd = end;
    for (let d = 1; d <= endReach; d++) {
      const cost = scores[span + d - 1]! + suffixErrors(target.suffix, text, end + d);
      if (cost < bestCost) {
        bestCost = cost;
        bestEnd = end + d;
      }
    }
    if (bestEnd !== end) {
      quoteErrors = scores[bestEnd - start - 1]!;
      end = bestEnd;
    }
  }
  // Start: the same, backwards from the (refined) end, with the prefix before start - d.
  const startReach = Math.min(EDGE_REACH, start);
  if (!startSure && startReach > 0 && target.prefix.length > 0) {
    const span = end - start;
    const scores = anchoredDistances(pattern, text, end, -1, span + startReach);
    let bestCost = quoteErrors + prefixErrors(target.prefix, text, start);
    let bestStart = start;
    for (let d = 1; d <= startReach; d++) {
      const cost = scores[span + d - 1]! + prefixErrors(target.prefix, text, start - d);
      if (cost < bestCost) {
        bestCost = cost;
        bestStart = start - d;
      }
    }
    if (bestStart !== start) {
      quoteErrors = scores[end - bestStart - 1]!;
      start = bestStart;
    }
  }
  return { start, end, quoteErrors };
}

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
    // backed by its context: both sides, or one side when it is in place or clearly agrees.
    const oneSide = Math.min(prefixRate, suffixRate);
    accepted =
      m >= 64 ||
      lp + ls === 0 ||
      (prefixRate <= 0.5 && suffixRate <= 0.5) ||
      (isNear && oneSide <= 0.5) ||
      (m >= LONG_QUOTE && oneSide <= 0.25);
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

  // Unique verbatim quotes backed by context first: they tell how far the text has moved.
  const exactByTarget = new Map<number, Candidate[]>();
  const unresolved: typeof pending = [];
  for (const item of pending) {
    const exact = exactCandidates(page, item.target.quote);
    if (exact.length === 1 && judge(page, item.target, exact[0]!, undefined).accepted) {
      const anchor = toAnchor(page, exact[0]!);
      results[item.i] = anchor;
      if (item.target.position !== undefined) displacements.add(item.target.position, anchor.start);
    } else {
      exactByTarget.set(item.i, exact);
      unresolved.push(item);
    }
  }

  // In page order, so that each annotation's expected position uses the shifts measured just before it.
  unresolved.sort((a, b) => (a.target.position ?? 0) - (b.target.position ?? 0));
  for (const { i, target } of unresolved) {
    const expected =
      target.position === undefined
        ? undefined
        : normalizedOffsetOf(page.normalized, displacements.expected(target.position));
    const exactJudged = exactByTarget.get(i)!.map((c) => judge(page, target, c, expected));
    let chosen = best(exactJudged);
    if (chosen && (chosen.near || expected === undefined)) {
      results[i] = toAnchor(page, chosen);
      if (target.position !== undefined) displacements.add(target.position, results[i]!.start);
      continue;
    }
    // Most edited passages are still where the displacement says: check there first, cheaply.
    if (expected !== undefined) {
      const inPlace = best(inPlaceCandidates(page, target, expected).map((c) => judge(page, target, refineEdges(page, target, c), expected)));
      if (inPlace) chosen = best(chosen ? [chosen, inPlace] : [inPlace]);
    }
    // A verbatim occurrence far from where the passage should be may be a stray repeat while the
    // real passage, edited, sits in place: let the fuzzy matches compete with it.
    if (!chosen || !chosen.near) {
      const fuzzyJudged = fuzzyCandidates(page, target, expected).map((c) => judge(page, target, refineEdges(page, target, c), expected));
      chosen = best(chosen ? [chosen, ...fuzzyJudged] : fuzzyJudged);
    }
    results[i] = chosen ? toAnchor(page, chosen) : null;
    if (chosen && target.position !== undefined) displacements.add(target.position, results[i]!.start);
  }
  return results;
}

export function anchorSelectors(text: string, selectors: readonly Selector[]): Anchor | null {
  return anchorMany(text, [selectors])[0] ?? null;
}
