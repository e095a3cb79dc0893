/**
 * What ClaimLens marks on a page, in ONE coordinate system: the body-level text index.
 *
 * Claims are detected in the article's text index; annotations may be on any text of the page, so
 * they are stored and anchored against the body's text. Claims are moved into body coordinates
 * (through the Text nodes both indexes share), then every annotation either joins the claim it
 * assesses (the claim's marks show its verdict) or gets marks of its own. Pure: no DOM changes.
 */
import type { Claim, ClaimKind } from '../core/claims/types';
import type { Annotation } from '../core/annotations/model';
import type { HighlightSpan } from '../core/highlight/highlight';
import { textOffsetOf, textPiecesInRange, type TextIndex } from '../core/text/text-index';

export interface MarkedSpan {
  /** data-claimlens-id of its marks: the claim's id, or the annotation's id for text no claim covers. */
  id: string;
  /** Offsets in the body-level text. */
  start: number;
  end: number;
  claim: Claim | null;
  annotation: Annotation | null;
}

/** A claim's range in the body's text, or null when its text is not in the body index. */
export function claimInBody(articleIndex: TextIndex, bodyIndex: TextIndex, claim: Claim): [number, number] | null {
  const pieces = textPiecesInRange(articleIndex, claim.start, claim.end);
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || !last) return null;
  const start = textOffsetOf(bodyIndex, first.node, first.from);
  const end = textOffsetOf(bodyIndex, last.node, last.to);
  if (start === null || end === null || end <= start) return null;
  return [start, end];
}

/**
 * How much two ranges are the same text: shared length over combined length. An annotation made
 * from a claim's card covers exactly the claim (1.0); 0.6 still pairs them after the page edits a
 * few words, while a selection of a few words inside a long claim stays an annotation of its own.
 */
function sameness(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (shared <= 0) return 0;
  return shared / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

const PAIRING_THRESHOLD = 0.6;

export interface AnchoredAnnotation {
  annotation: Annotation;
  start: number;
  end: number;
}

/**
 * Pairs annotations with the claims they assess and returns every span to mark, sorted by start.
 * `claims` must be in body coordinates and sorted by start.
 */
export function mergeSpans(
  claims: ReadonlyArray<{ claim: Claim; start: number; end: number }>,
  annotations: readonly AnchoredAnnotation[],
): MarkedSpan[] {
  const spans: MarkedSpan[] = claims.map(({ claim, start, end }) => ({
    id: claim.id,
    start,
    end,
    claim,
    annotation: null,
  }));
  for (const anchored of annotations) {
    const partner = bestPartner(spans, anchored);
    if (partner) partner.annotation = anchored.annotation;
    else spans.push({ id: anchored.annotation.id, start: anchored.start, end: anchored.end, claim: null, annotation: anchored.annotation });
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

function bestPartner(spans: MarkedSpan[], anchored: AnchoredAnnotation): MarkedSpan | null {
  let best: MarkedSpan | null = null;
  let bestScore = PAIRING_THRESHOLD;
  for (const span of spans) {
    if (!span.claim || span.annotation) continue;
    if (span.start >= anchored.end) break; // claim spans come first and are sorted by start
    const score = sameness(span, anchored);
    if (score >= bestScore) {
      best = span;
      bestScore = score;
    }
  }
  return best;
}

export function kindsOf(span: MarkedSpan): ClaimKind[] {
  return span.claim?.kinds ?? span.annotation?.claim?.kinds ?? [];
}

export function toHighlightSpan(span: MarkedSpan): HighlightSpan {
  return {
    id: span.id,
    start: span.start,
    end: span.end,
    kinds: kindsOf(span),
    verdict: span.annotation?.body.verdict ?? null,
    annotationId: span.annotation?.id ?? null,
  };
}

/** Two spans draw the same marks: nothing to redo when an update leaves a span like this. */
export function sameMarks(a: MarkedSpan, b: MarkedSpan): boolean {
  const x = toHighlightSpan(a);
  const y = toHighlightSpan(b);
  return (
    x.start === y.start &&
    x.end === y.end &&
    x.verdict === y.verdict &&
    x.annotationId === y.annotationId &&
    x.kinds.join(' ') === y.kinds.join(' ')
  );
}
