/**
 * Pure helpers behind the popup's views: what page we can describe, how claims sort, which
 * annotation belongs to which claim, how sources are searched. No DOM, no browser APIs.
 */
import type { Selector, TextPositionSelector, TextQuoteSelector } from '../../core/anchoring/index';
import { canonicalizeUrl } from '../../core/annotations/canonical-url';
import type { Annotation, SourceNote } from '../../core/annotations/model';
import type { Claim } from '../../core/claims/types';
import type { PageAnnotation } from '../../core/messaging/protocol';

export type ClaimSort = 'position' | 'score';

export function sortClaims(claims: readonly Claim[], by: ClaimSort): Claim[] {
  const copy = [...claims];
  if (by === 'score') copy.sort((a, b) => b.score - a.score || a.start - b.start);
  else copy.sort((a, b) => a.start - b.start || a.end - b.end);
  return copy;
}

/**
 * Extensions cannot run on browser pages (chrome://, about:, the web stores, viewers…): only
 * http(s) pages get the content script. An empty URL means the browser did not tell us; then the
 * content script's answer (or silence) decides.
 */
export function mayHaveContentScript(url: string): boolean {
  if (!url) return true;
  return /^https?:\/\//i.test(url);
}

export function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : '';
  } catch {
    return '';
  }
}

export function quoteSelectorOf(selectors: readonly Selector[]): TextQuoteSelector | undefined {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

export function positionSelectorOf(selectors: readonly Selector[]): TextPositionSelector | undefined {
  return selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}

export function quoteOf(annotation: Annotation): string {
  return quoteSelectorOf(annotation.target.selector)?.exact ?? '';
}

/**
 * The annotation made on a claim: the one the page anchored onto it, else (page state without
 * anchoring) one at the same position in the article text, else one quoting the same text.
 */
export function annotationForClaim(
  claim: Claim,
  annotations: readonly Annotation[],
  anchored: readonly PageAnnotation[] = [],
): Annotation | undefined {
  const onPage = anchored.find((entry) => entry.claimId === claim.id && entry.anchored);
  const byPage = onPage && annotations.find((a) => a.id === onPage.annotationId);
  if (byPage) return byPage;
  const byPosition = annotations.find((a) => {
    const position = positionSelectorOf(a.target.selector);
    return position?.start === claim.start && position.end === claim.end && quoteOf(a) === claim.text;
  });
  return byPosition ?? annotations.find((a) => quoteOf(a) === claim.text);
}

/**
 * Whether the page found the annotation's text. null when the page didn't report it (e.g. made
 * after the page state was read): then nothing is called an orphan rather than guessing.
 */
export function anchoringOf(anchored: readonly PageAnnotation[] | undefined, id: string): 'anchored' | 'orphan' | null {
  const entry = anchored?.find((a) => a.annotationId === id);
  if (!entry) return null;
  return entry.anchored ? 'anchored' : 'orphan';
}

/**
 * Selectors for a claim when the content script cannot give page-level ones: the claim's own text
 * and its offsets are in the same article-text coordinates annotations anchor against, only the
 * prefix/suffix context is missing.
 */
export function fallbackClaimSelectors(claim: Claim): Selector[] {
  return [
    { type: 'TextQuoteSelector', exact: claim.text, prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start: claim.start, end: claim.end },
  ];
}

/**
 * Why a source URL is refused, or null when it is fine. Empty is allowed (a printed source);
 * anything but http(s) is refused so a stored link can never run script or open a local file.
 */
export function sourceUrlProblem(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return 'Enter a full web address starting with http:// or https://';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return 'Only web addresses starting with http:// or https:// can be saved';
  }
  if (!parsed.hostname) return 'Enter a full web address starting with http:// or https://';
  return null;
}

/** Search sources in the fields a reader remembers, plus the tags of annotations citing them. */
export function filterSources(
  sources: readonly SourceNote[],
  query: string,
  tagsBySource: ReadonlyMap<string, readonly string[]> = new Map(),
): SourceNote[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...sources];
  return sources.filter((source) => {
    const haystack = [
      source.title,
      source.publisher,
      source.url,
      source.excerpt,
      source.reliability,
      source.date,
      ...(tagsBySource.get(source.id) ?? []),
    ]
      .join('\n')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Which source ids each annotation cites, inverted: source id → annotations citing it. */
export function annotationsBySource(annotations: readonly Annotation[]): Map<string, Annotation[]> {
  const map = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    for (const sourceId of annotation.body.sources) {
      const list = map.get(sourceId) ?? [];
      list.push(annotation);
      map.set(sourceId, list);
    }
  }
  return map;
}

export function tagsBySource(annotations: readonly Annotation[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const [sourceId, list] of annotationsBySource(annotations)) {
    result.set(sourceId, [...new Set(list.flatMap((a) => a.body.tags))]);
  }
  return result;
}

/** A file name safe on every OS, e.g. "claimlens-news.example-2024-05-01.jsonld". */
export function exportFileName(scope: string, now: Date, suffix = 'jsonld'): string {
  const day = now.toISOString().slice(0, 10);
  const safeScope = scope.replace(/[^a-z0-9.-]+/gi, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `claimlens-${safeScope || 'export'}-${day}.${suffix}`;
}

export function formatScore(score: number): string {
  return `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
}

export function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** Whether an annotation belongs to the page stored under `source` (both sides canonicalised). */
export function isOnPage(annotation: Annotation, source: string): boolean {
  if (!source) return false;
  return annotation.target.source === source || canonicalizeUrl(annotation.target.source) === canonicalizeUrl(source);
}
