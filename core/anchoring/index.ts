/**
 * Anchoring: describing a span of the article text as W3C selectors, and finding it again after the
 * page has changed. Pure string functions, plus thin adapters over the shared TextIndex.
 */
export {
  CONTEXT_LENGTH,
  describeSpan,
  positionSelectorOf,
  quoteSelectorOf,
  type Anchor,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './selectors';
export { anchorMany, anchorSelectors } from './anchor';
export { anchorInIndex, anchorManyInIndex, describeRangeInIndex, type AnchoredRange } from './dom';
