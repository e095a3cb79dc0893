/**
 * Baseline for the anchoring benchmark: the approach of the best-known web annotator (Hypothesis),
 * written straightforwardly: check the stored position against the quote; otherwise search the whole
 * text for exact occurrences of the quote; failing that, run an approximate search (Myers, up to
 * quote.length / 2 errors, capped at 256) over the whole text; score every match by quote, prefix,
 * suffix and position agreement (weights 50/20/20/2) and take the best. There is no acceptance
 * threshold: any match found is used.
 */
import search from 'approx-string-match';
import type { Anchor, Selector, TextPositionSelector, TextQuoteSelector } from '../core/anchoring';

interface Match {
  start: number;
  end: number;
  errors: number;
}

function exactMatches(text: string, quote: string): Match[] {
  const found: Match[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/** 1 − (best edit distance of `pattern` anywhere in `window`) / pattern length. */
function contextScore(pattern: string, window: string): number {
  if (pattern.length === 0 || window.length === 0) return 0;
  const matches = search(window, pattern, pattern.length);
  if (matches.length === 0) return 0;
  return 1 - Math.min(...matches.map((m) => m.errors)) / pattern.length;
}

function matchQuote(text: string, quote: TextQuoteSelector, hint: number | undefined): Match | null {
  const exact = quote.exact;
  if (exact.length === 0) return null;
  let matches = exactMatches(text, exact);
  if (matches.length === 0) matches = search(text, exact, Math.min(256, exact.length / 2));
  let best: Match | null = null;
  let bestScore = -Infinity;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / exact.length;
    const prefixScore = quote.prefix
      ? contextScore(quote.prefix, text.slice(Math.max(0, m.start - quote.prefix.length), m.start))
      : 1;
    const suffixScore = quote.suffix ? contextScore(quote.suffix, text.slice(m.end, m.end + quote.suffix.length)) : 1;
    const positionScore = hint === undefined ? 1 : 1 - Math.abs(m.start - hint) / text.length;
    const score = 50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore;
    if (score > bestScore) {
      bestScore = score;
      best = m;
    }
  }
  return best;
}

export function baselineAnchor(text: string, selectors: readonly Selector[]): Anchor | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (!quote) return null;
  if (position && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, exact: true };
  }
  const match = matchQuote(text, quote, position?.start);
  return match ? { start: match.start, end: match.end, exact: match.errors === 0 } : null;
}

export function baselineAnchorMany(text: string, targets: ReadonlyArray<readonly Selector[]>): Array<Anchor | null> {
  return targets.map((selectors) => baselineAnchor(text, selectors));
}
