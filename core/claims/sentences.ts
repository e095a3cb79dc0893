/**
 * Sentence units of an article's text: Intl.Segmenter's sentences, with its known mistakes repaired.
 *
 * - A line break is a hard boundary (the text index puts "\n" between blocks), except a soft wrap left
 *   by HTML source formatting: a line ending mid-sentence ("…the camp\n   houses…") continues.
 * - Abbreviations do not end sentences: titles ("Col. Gen. Mikhail"), "No. 5", initials ("J. R. R."),
 *   dotted acronyms ("U.S. President") unless a sentence clearly starts after them.
 * - A piece that starts in lower case continues the previous one ('"Will it close?" he asked.').
 * - A quotation that continues is never split: `"We believe … country. The region …," X said` is one
 *   unit, so the speaker after the quote stays with it.
 */

import {
  NUMBER_ABBREVIATIONS,
  SENTENCE_STARTERS,
  TITLE_ABBREVIATIONS,
} from './lexicon';

export interface Span {
  start: number;
  end: number;
}

/** A quotation: `open` is the offset of the opening mark, `close` of the closing mark. */
export interface QuoteSpan {
  open: number;
  close: number;
  /**
   * A quotation that continues into the next paragraph (news style: no closing mark at the paragraph
   * end, the next paragraph reopens it). `close` is then the block's end, not a mark.
   */
  openEnded?: true;
}

export interface Segmentation {
  /** Sentence units, trimmed, in text order, never overlapping. */
  units: Span[];
  /** Paired quotations, in order of their opening mark. */
  quotes: QuoteSpan[];
  /** Index into `blocks` of each unit. */
  unitBlock: number[];
  blocks: Span[];
}

/** The sentence that contains offset `at` of the text the breaker was made for (Intl.Segments.containing). */
type SentenceAt = (at: number) => { index: number; segment: string } | undefined;
type SentenceBreaker = (text: string) => SentenceAt;

let breaker: SentenceBreaker | null = null;

/**
 * Intl.Segmenter where the browser has it (Chrome 87+, Firefox 125+); otherwise a plain breaker after
 * sentence punctuation and space. The repairs below apply to either.
 */
function sentenceBreaker(): SentenceBreaker {
  if (breaker) return breaker;
  if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    // containing() from sentence to sentence, not the Segments iterator: the same segment objects
    // without an iterator result for each.
    breaker = (text) => {
      const segments = segmenter.segment(text);
      return (at) => segments.containing(at);
    };
  } else breaker = (text) => sentenceAtOf(punctuationBreaks(text));
  return breaker;
}

/** SentenceAt over a list of segments in order, asked at increasing offsets as segmentChunk does. */
function sentenceAtOf(segments: ReadonlyArray<{ index: number; segment: string }>): SentenceAt {
  let k = 0;
  return (at) => {
    while (k < segments.length && segments[k]!.index + segments[k]!.segment.length <= at) k++;
    return segments[k];
  };
}

const PUNCTUATION_BREAK_RE = /[.!?\u2026]+["\u201d\u2019\u00bb)\]]*\s+|\n/g;

export function punctuationBreaks(text: string): Array<{ index: number; segment: string }> {
  const out: Array<{ index: number; segment: string }> = [];
  let at = 0;
  PUNCTUATION_BREAK_RE.lastIndex = 0;
  for (let m = PUNCTUATION_BREAK_RE.exec(text); m; m = PUNCTUATION_BREAK_RE.exec(text)) {
    const end = m.index + m[0].length;
    out.push({ index: at, segment: text.slice(at, end) });
    at = end;
  }
  if (at < text.length) out.push({ index: at, segment: text.slice(at) });
  return out;
}

/**
 * Creates the sentence breaker ahead of the first text and breaks a short one, so that the engine
 * loads its sentence rules then (14–22 ms on a page's first run here) rather than inside the first
 * analysis.
 */
export function prepareSentenceBreaker(): void {
  sentenceBreaker()('Prepared. Ready.')(0);
}

/** For tests: forget the chosen breaker, so the next call picks again (e.g. without Intl.Segmenter). */
export function resetSentenceBreaker(): void {
  breaker = null;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 160 || c === 0x2009 || c === 0x202f;
/**
 * JavaScript's \s, decided on a char code. The regex test it replaces made a one-character string
 * and ran a match for every character it looked at, and the trims below run on every sentence piece.
 */
export function isWhiteSpace(c: number): boolean {
  // Small enough for the engine to inline where it is called; the rare rest in a call of its own.
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : isWideWhiteSpace(c);
}

function isWideWhiteSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isLowerAscii = (c: number): boolean => c >= 97 && c <= 122;

/**
 * Paragraph-like blocks between hard line breaks. A line break is soft only when the line before
 * ends like an unfinished sentence (lower-case letter, digit, comma) and the next starts in lower case.
 */
export function blocksOf(text: string): Span[] {
  const blocks: Span[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (isSoftWrap(text, start, i)) continue;
    pushBlock(text, blocks, start, i);
    start = i + 1;
  }
  pushBlock(text, blocks, start, text.length);
  return blocks;
}

function isSoftWrap(text: string, blockStart: number, lineBreak: number): boolean {
  let before = lineBreak - 1;
  while (before >= blockStart && isSpace(text.charCodeAt(before))) before--;
  if (before < blockStart) return false;
  const last = text.charCodeAt(before);
  if (!isLowerAscii(last) && !(last >= 48 && last <= 57) && last !== 44 /* , */ && last !== 37 /* % */) return false;
  let after = lineBreak + 1;
  while (after < text.length && isSpace(text.charCodeAt(after))) after++;
  return after < text.length && isLowerAscii(text.charCodeAt(after));
}

function pushBlock(text: string, blocks: Span[], start: number, end: number): void {
  const trimmed = trimSpan(text, start, end);
  if (trimmed) blocks.push(trimmed);
}

/** The span without surrounding whitespace, or null when it is blank. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  return start < end ? { start, end } : null;
}

/**
 * Pairs quotation marks inside one block. Curly and guillemet quotes pair by direction; a straight
 * double quote opens after a space or an opening bracket/dash and closes otherwise. A single curly
 * quote closes only when no letter follows it, so apostrophes ("Syria’s") are not quotes. Marks left
 * unpaired at the end of the block are ignored.
 */
export function findQuotes(text: string, block: Span): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  let straight = -1;
  let curly = -1;
  let guillemet = -1;
  let single = -1;
  // Jump from quotation mark to quotation mark (a native scan): most of a block has none. The scan
  // runs over the block alone, so a block without marks never scans the text after it.
  const blockText = text.slice(block.start, block.end);
  QUOTE_MARK_RE.lastIndex = 0;
  for (let m = QUOTE_MARK_RE.exec(blockText); m; m = QUOTE_MARK_RE.exec(blockText)) {
    const i = block.start + m.index;
    const c = m[0];
    if (c === '"') {
      if (straight >= 0 && !opensHere(text, i, block.start)) {
        quotes.push({ open: straight, close: i });
        straight = -1;
      } else if (straight < 0 && opensHere(text, i, block.start)) straight = i;
    } else if (c === '“' || c === '„') {
      if (curly < 0) curly = i;
    } else if (c === '”') {
      if (curly >= 0) quotes.push({ open: curly, close: i });
      curly = -1;
    } else if (c === '«') {
      if (guillemet < 0) guillemet = i;
    } else if (c === '»') {
      if (guillemet >= 0) quotes.push({ open: guillemet, close: i });
      guillemet = -1;
    } else if (c === '‘') {
      if (single < 0 && opensHere(text, i, block.start)) single = i;
    } else if (c === '’' && single >= 0 && !LETTER_OR_DIGIT_RE.test(text[i + 1] ?? '')) {
      quotes.push({ open: single, close: i });
      single = -1;
    }
  }
  // A double quote still open at the end of the block continues in the next paragraph when it opened
  // a sentence (at the block start or after sentence punctuation); a stray mark elsewhere is ignored.
  for (const open of [straight, curly, guillemet]) {
    if (open >= 0 && startsSentence(text, open, block.start)) quotes.push({ open, close: block.end, openEnded: true });
  }
  return quotes.sort((a, b) => a.open - b.open);
}

const QUOTE_MARK_RE = /["“„”«»‘’]/g;
const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u;

function startsSentence(text: string, i: number, blockStart: number): boolean {
  let j = i - 1;
  while (j >= blockStart && /\s/.test(text[j]!)) j--;
  return j < blockStart || (/[.!?:]/.test(text[j]!) && j < i - 1);
}

function opensHere(text: string, i: number, blockStart: number): boolean {
  if (i === blockStart) return true;
  const before = text[i - 1]!;
  const after = text[i + 1] ?? ' ';
  if (/\s/.test(after)) return false;
  return /[\s([{\u2014\u2013\-\uFFFD:/]/.test(before);
}

/**
 * Each Intl.Segmenter call has a fixed cost that dominates on short paragraphs, so blocks are batched
 * into one call of up to this many characters (hard line breaks between them keep sentences apart).
 */
const BATCH_CHARS = 2000;
/** A block without a terminator followed by more text is a single sentence: no segmenter needed. */
const INNER_BOUNDARY_RE = /[.!?\u2026]["\u201d\u2019\u00bb)\]]*\s+\S|[\u3002\uff01\uff1f]\S/;

/** Splits the text into sentence units; see the module comment for the repairs. */
export function segmentText(text: string): Segmentation {
  const blocks = blocksOf(text);
  const rawPieces = segmentBlocks(text, blocks);
  const units: Span[] = [];
  const unitBlock: number[] = [];
  const quotes: QuoteSpan[] = [];
  blocks.forEach((block, blockIndex) => {
    const blockQuotes = findQuotes(text, block);
    for (const q of blockQuotes) quotes.push(q);
    const insideQuote = quoteCoverage(block, blockQuotes);
    let current: Span | null = null;
    for (const piece of rawPieces[blockIndex]!) {
      if (current && shouldJoin(text, current, piece.start, insideQuote, block.start)) {
        current.end = piece.end;
        continue;
      }
      if (current) pushUnit(text, units, unitBlock, current, blockIndex);
      current = { ...piece };
    }
    if (current) pushUnit(text, units, unitBlock, current, blockIndex);
  });
  return { units, quotes, unitBlock, blocks };
}

/** Intl.Segmenter's sentences of each block (trimmed), before repairs. */
function segmentBlocks(text: string, blocks: readonly Span[]): Span[][] {
  const pieces: Span[][] = blocks.map(() => []);
  let batch: number[] = [];
  const flush = (): void => {
    if (batch.length === 0) return;
    // Batched blocks are joined by one line break (a paragraph end for the segmenter); line breaks
    // inside a block are soft wraps and become spaces. `offsets[k]` is where block k starts in the chunk.
    const parts: string[] = [];
    const offsets: number[] = [];
    let length = 0;
    for (const b of batch) {
      const block = blocks[b]!;
      offsets.push(length);
      parts.push(text.slice(block.start, block.end).replace(/[\r\n]/g, ' '));
      length += block.end - block.start + 1;
    }
    const chunk = parts.join('\n');
    let k = 0;
    for (const local of segmentChunk(chunk)) {
      while (k < batch.length - 1 && offsets[k + 1]! <= local.start) k++;
      const shift = blocks[batch[k]!]!.start - offsets[k]!;
      pieces[batch[k]!]!.push({ start: local.start + shift, end: local.end + shift });
    }
    batch = [];
  };
  let batchLength = 0;
  blocks.forEach((block, i) => {
    if (!INNER_BOUNDARY_RE.test(text.slice(block.start, block.end))) {
      pieces[i]!.push({ start: block.start, end: block.end });
      return;
    }
    if (batch.length > 0 && batchLength + block.end - block.start > BATCH_CHARS) flush();
    if (batch.length === 0) batchLength = 0;
    batchLength += block.end - block.start + 1;
    batch.push(i);
  });
  flush();
  return pieces;
}

/** Window of text given to one segmenter call: V8's segment iteration slows down on long strings. */
const WINDOW_CHARS = 2500;

/**
 * Intl.Segmenter's sentences of a chunk (trimmed, chunk coordinates), segmented window by window.
 * A window ends at a space; its last sentence may be cut there, so it is segmented again as the
 * start of the next window (unless it is the window's only sentence: then it is cut).
 */
function segmentChunk(chunk: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  while (from < chunk.length) {
    let to = Math.min(chunk.length, from + WINDOW_CHARS);
    if (to < chunk.length) {
      const space = chunk.lastIndexOf(' ', to);
      if (space > from) to = space;
    }
    const window = chunk.slice(from, to);
    const pieces: Span[] = [];
    const sentenceAt = sentenceBreaker()(window);
    for (let at = 0, seg = sentenceAt(0); seg; seg = sentenceAt(at)) {
      at = seg.index + seg.segment.length;
      const piece = trimSpan(window, seg.index, at);
      if (piece) pieces.push(piece);
    }
    let next = to;
    if (to < chunk.length && pieces.length > 1) next = from + pieces.pop()!.start;
    for (const p of pieces) out.push({ start: p.start + from, end: p.end + from });
    from = next;
  }
  return out;
}

export function splitSentences(text: string): Span[] {
  return segmentText(text).units;
}

function pushUnit(text: string, units: Span[], unitBlock: number[], span: Span, block: number): void {
  const trimmed = trimSpan(text, span.start, span.end);
  if (!trimmed) return;
  units.push(trimmed);
  unitBlock.push(block);
}

/**
 * Whether an offset of the block lies strictly inside a quotation (open < offset < close). Asked
 * once per sentence piece: a binary search over the quotations (sorted by opening mark) with the
 * furthest close so far, so the cost does not grow with the block's length.
 */
function quoteCoverage(block: Span, quotes: readonly QuoteSpan[]): (offset: number) => boolean {
  if (quotes.length === 0) return () => false;
  const furthestClose: number[] = [];
  let furthest = -1;
  for (const q of quotes) {
    furthest = Math.max(furthest, q.close);
    furthestClose.push(furthest);
  }
  return (offset) => {
    if (offset <= block.start || offset >= block.end) return false;
    // The last quotation opening before `offset`: every earlier one opened before it too.
    let lo = 0;
    let hi = quotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (quotes[mid]!.open < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && furthestClose[lo - 1]! > offset;
  };
}

// Regexes the loops below test are constants: a literal makes a new RegExp object each time it runs.
const LETTER_RE = /\p{L}/u;
const UPPER_RE = /\p{Lu}/u;
const LOWER_OR_CONTINUATION_RE = /[\p{Ll},;:)\]]/u;
const ONE_CAPITAL_RE = /^\p{Lu}$/u;
const DOTTED_ACRONYM_RE = /^(?:\p{Lu}\.)+\p{Lu}$/u;
const LEADING_LETTERS_RE = /^\p{L}+/u;

/**
 * \p{L} on one UTF-16 code unit, as `/\p{L}/u.test(text[i])` reads it (a lone surrogate is no
 * letter): ASCII is decided on the code, the rest by the regex.
 */
export function isLetterUnit(c: number): boolean {
  if (c < 128) return (c | 0x20) >= 97 && (c | 0x20) <= 122;
  return LETTER_RE.test(String.fromCharCode(c));
}

/** /[\p{L}.'’-]/u on one code unit: a character of an abbreviation ("Gen", "U.S", "O’Neil"). */
export function isWordCharUnit(c: number): boolean {
  return c === 46 || c === 39 || c === 0x2019 || c === 45 || isLetterUnit(c);
}

/** " ” ’ ) after a sentence's period. */
const isCloser = (c: number): boolean => c === 34 || c === 0x201d || c === 0x2019 || c === 41;

/**
 * The word before the period that ends a piece ("Col" in "… Col. "), scanning back from its end:
 * a backward scan instead of an end-anchored regex, which would retry at every start position.
 */
function lastWordBeforePeriod(text: string, min: number, end: number): Span | null {
  let i = end - 1;
  while (i >= min && isWhiteSpace(text.charCodeAt(i))) i--;
  if (i >= min && isCloser(text.charCodeAt(i))) i--;
  if (i < min || text[i] !== '.') return null;
  const wordEnd = i;
  let j = i - 1;
  while (j >= min && wordEnd - j <= 40 && isWordCharUnit(text.charCodeAt(j))) j--;
  let start = j + 1;
  while (start < wordEnd && !isLetterUnit(text.charCodeAt(start))) start++;
  return start < wordEnd ? { start, end: wordEnd } : null;
}

function shouldJoin(
  text: string,
  current: Span,
  nextStart: number,
  insideQuote: (offset: number) => boolean,
  blockStart: number,
): boolean {
  if (insideQuote(nextStart)) return true;
  let i = nextStart;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const next = text[i] ?? '';
  if (LOWER_OR_CONTINUATION_RE.test(next)) return true;
  const last = lastWordBeforePeriod(text, blockStart, current.end);
  if (!last) return false;
  const word = text.slice(last.start, last.end);
  const nextIsUpper = UPPER_RE.test(next);
  if (TITLE_ABBREVIATIONS.has(word)) return nextIsUpper || /\d/.test(next);
  if (NUMBER_ABBREVIATIONS.has(word)) return /\d/.test(next);
  const charBefore = last.start > blockStart ? text[last.start - 1] : undefined;
  if (ONE_CAPITAL_RE.test(word) && (charBefore === undefined || /[\s.]/.test(charBefore))) return nextIsUpper;
  if (DOTTED_ACRONYM_RE.test(word)) {
    const nextWord = LEADING_LETTERS_RE.exec(text.slice(i, i + 20))?.[0] ?? '';
    return nextIsUpper && !SENTENCE_STARTERS.has(nextWord);
  }
  return false;
}
