/** What kind of check a claim calls for. A claim may be several kinds at once. */
export const CLAIM_KINDS = [
  'statistic',
  'attribution',
  'quote',
  'reported-speech',
  'date-event',
  'causal',
  'comparison',
  'characterization',
  /** A sentence no rule caught that the check-worthiness model finds clearly check-worthy. */
  'factual',
] as const;

export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** One piece of evidence that made the detector flag a claim, e.g. the number and its unit. */
export interface ClaimSignal {
  kind: ClaimKind;
  /** Short human explanation shown in the card, e.g. "number with unit", "attribution verb". */
  label: string;
  /** The words of the article that carry the signal. */
  text: string;
  /** Offsets of `text` in the analysed text (same coordinates as the claim). */
  start: number;
  end: number;
}

export interface Claim {
  /** Stable for the same text at the same place: derived from offsets and content. */
  id: string;
  /** Character range in the analysed text, [start, end). */
  start: number;
  end: number;
  /** The claim's text exactly as it appears in the analysed text. */
  text: string;
  kinds: ClaimKind[];
  signals: ClaimSignal[];
  /** Who the text says made the statement or characterization, when it names them. */
  speaker?: string;
  /** Check-worthiness in [0, 1]; claims are ordered and filtered by it. */
  score: number;
}
