/** W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors) used by ClaimLens. */

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/**
 * Where an annotation landed, in offsets of the text it was anchored on. `exact` is true when the
 * quote is there verbatim up to whitespace, letter case and quote/dash style; false when it was
 * found only approximately (words changed), or when only a position selector was given.
 */
export interface Anchor {
  start: number;
  end: number;
  exact: boolean;
}

/** How much text around the quote is stored to tell repeated quotes apart and to confirm fuzzy matches. */
export const CONTEXT_LENGTH = 32;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Selectors for `text[start, end)`: a quote with 32 characters of context each side, and the position. */
export function describeSpan(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  let prefixStart = Math.max(0, from - CONTEXT_LENGTH);
  let suffixEnd = Math.min(text.length, to + CONTEXT_LENGTH);
  // Never cut a surrogate pair in half at the outer edge of the context.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(from, to),
      prefix: text.slice(prefixStart, from),
      suffix: text.slice(to, suffixEnd),
    },
    { type: 'TextPositionSelector', start: from, end: to },
  ];
}

export function quoteSelectorOf(selectors: readonly Selector[]): TextQuoteSelector | undefined {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

export function positionSelectorOf(selectors: readonly Selector[]): TextPositionSelector | undefined {
  return selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}
