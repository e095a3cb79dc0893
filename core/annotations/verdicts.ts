/**
 * The fixed verdict vocabulary of ClaimLens, and how each verdict maps onto a schema.org ClaimReview
 * `reviewRating` (ratingValue on a 1–5 scale, worstRating 1, bestRating 5, alternateName = label).
 *
 *   verdict        label           ratingValue
 *   true           True            5
 *   mostly-true    Mostly true     4
 *   half-true      Half true       3
 *   misleading     Misleading      2
 *   false          False           1
 *   unverifiable   Unverifiable    0 = no numeric rating: the ClaimReview export gives only the
 *                                      alternateName, because "could not be checked" is not a point
 *                                      on the true–false scale.
 */

export const VERDICT_IDS = ['true', 'mostly-true', 'half-true', 'misleading', 'false', 'unverifiable'] as const;

export type Verdict = (typeof VERDICT_IDS)[number];

export interface VerdictInfo {
  id: Verdict;
  /** Shown to the user and exported as the ClaimReview rating's alternateName. */
  label: string;
  /** One-line explanation for tooltips and the verdict picker. */
  description: string;
  /** ClaimReview ratingValue 1–5 (5 = true); 0 for unverifiable, which has no numeric rating. */
  rating: number;
  /** Highlight/badge colour; the UI must also show the label, never colour alone. */
  colour: string;
}

/** Ordered from most to least accurate, then unverifiable: the order of the verdict picker. */
export const VERDICTS: readonly VerdictInfo[] = [
  { id: 'true', label: 'True', description: 'Accurate, nothing significant missing.', rating: 5, colour: '#1a7f37' },
  { id: 'mostly-true', label: 'Mostly true', description: 'Accurate but needs clarification or context.', rating: 4, colour: '#5a8f1c' },
  { id: 'half-true', label: 'Half true', description: 'Partly accurate, leaves out important details.', rating: 3, colour: '#9a6700' },
  { id: 'misleading', label: 'Misleading', description: 'Contains some truth but gives a false impression.', rating: 2, colour: '#c2410c' },
  { id: 'false', label: 'False', description: 'Not accurate.', rating: 1, colour: '#cf222e' },
  { id: 'unverifiable', label: 'Unverifiable', description: 'Could not be checked with available evidence.', rating: 0, colour: '#6e7781' },
];

export const BEST_RATING = 5;
export const WORST_RATING = 1;

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICT_IDS as readonly string[]).includes(value);
}

export function verdictInfo(verdict: Verdict): VerdictInfo {
  const info = VERDICTS.find((v) => v.id === verdict);
  // VERDICTS lists every Verdict; the type system cannot see that, so fail loudly if it ever drifts.
  if (!info) throw new Error(`Unknown verdict ${verdict}`);
  return info;
}
