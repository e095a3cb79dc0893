/**
 * Verdicts as schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview), the format fact-check
 * publishers and search engines read:
 *   claimReviewed  = the quoted claim (TextQuoteSelector.exact)
 *   itemReviewed   = a Claim whose `appearance` is the annotated page, `author` the speaker when known
 *                    (typed Person: ClaimLens cannot tell a person from an organisation)
 *   reviewRating   = Rating 1–5 (worstRating 1, bestRating 5) with the verdict label as alternateName;
 *                    "Unverifiable" has only the alternateName (see verdicts.ts)
 *   reviewBody     = the note, when there is one; citation = the linked source notes, when given.
 * Annotations without a verdict are not reviews and are left out.
 */
import type { Annotation, SourceNote } from './model';
import { quoteOf } from './quote';
import { BEST_RATING, WORST_RATING, verdictInfo } from './verdicts';

export type JsonLdObject = Record<string, unknown>;

function ratingOf(verdict: NonNullable<Annotation['body']['verdict']>): JsonLdObject {
  const info = verdictInfo(verdict);
  if (info.rating === 0) return { '@type': 'Rating', alternateName: info.label };
  return { '@type': 'Rating', ratingValue: info.rating, bestRating: BEST_RATING, worstRating: WORST_RATING, alternateName: info.label };
}

function citationOf(source: SourceNote): JsonLdObject {
  const work: JsonLdObject = { '@type': 'CreativeWork', name: source.title };
  if (source.url) work.url = source.url;
  if (source.publisher) work.publisher = { '@type': 'Organization', name: source.publisher };
  if (source.date) work.datePublished = source.date;
  return work;
}

/** One ClaimReview per annotation that has a verdict and a quote. `sources` (optional) fills `citation`. */
export function exportClaimReviews(annotations: readonly Annotation[], sources: readonly SourceNote[] = []): JsonLdObject[] {
  const sourcesById = new Map(sources.map((s) => [s.id, s]));
  const reviews: JsonLdObject[] = [];
  for (const annotation of annotations) {
    const verdict = annotation.body.verdict;
    const quote = quoteOf(annotation);
    if (verdict === null || quote === null) continue;
    const claim: JsonLdObject = {
      '@type': 'Claim',
      appearance: { '@type': 'CreativeWork', url: annotation.target.source },
    };
    if (annotation.claim?.speaker) claim.author = { '@type': 'Person', name: annotation.claim.speaker };
    const review: JsonLdObject = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: annotation.id,
      datePublished: annotation.created,
      dateModified: annotation.modified,
      claimReviewed: quote,
      itemReviewed: claim,
      reviewRating: ratingOf(verdict),
    };
    if (annotation.body.note.trim() !== '') review.reviewBody = annotation.body.note;
    const cited = annotation.body.sources.flatMap((id) => {
      const source = sourcesById.get(id);
      return source ? [citationOf(source)] : [];
    });
    if (cited.length > 0) review.citation = cited;
    reviews.push(review);
  }
  return reviews;
}
