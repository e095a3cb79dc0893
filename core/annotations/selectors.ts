/**
 * The W3C selector types an annotation's target uses. They are defined by core/anchoring (which turns
 * them into text offsets); this module is the single place the annotations layer takes them from, so
 * the rest of core/annotations never depends on where they are declared.
 *
 * Until core/anchoring/index.ts lands, the interfaces are declared here exactly as the team contract
 * states them; once it exists this file becomes a plain re-export.
 */

/** https://www.w3.org/TR/annotation-model/#text-quote-selector */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** https://www.w3.org/TR/annotation-model/#text-position-selector — offsets into the article text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;
