/**
 * The W3C selector types an annotation's target uses. They belong to core/anchoring (which turns them
 * into text offsets and back); this module is the single place the annotations layer takes them
 * from. Type-only, so importing the model never pulls anchoring code into a bundle.
 */
export type { Selector, TextPositionSelector, TextQuoteSelector } from '../anchoring';
