/**
 * The annotation data model: a W3C Web Annotation (https://www.w3.org/TR/annotation-model/) whose body
 * is a ClaimLens assessment (verdict, note, tags, links to source notes), and the SourceNote records
 * those links point to. These are the shapes stored (one storage key per record) and exported.
 */
import type { ClaimKind } from '../claims/types';
import type { Selector } from './selectors';
import { newUrnUuid } from './ids';
import type { Verdict } from './verdicts';

export { VERDICTS, isVerdict, verdictInfo, BEST_RATING, WORST_RATING } from './verdicts';
export type { Verdict, VerdictInfo } from './verdicts';
export type { Selector, TextQuoteSelector, TextPositionSelector } from './selectors';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface AnnotationBody {
  type: 'ClaimLensAssessment';
  verdict: Verdict | null;
  /** Plain text exactly as typed (line breaks kept). Never HTML: the UI renders it as text. */
  note: string;
  tags: string[];
  /** Ids of SourceNote records. */
  sources: string[];
}

export interface Annotation {
  '@context'?: typeof ANNOTATION_CONTEXT;
  /** `urn:uuid:…` */
  id: string;
  type: 'Annotation';
  /** 'assessing' when the body carries a verdict, 'commenting' when it is only a note (the store keeps this in step). */
  motivation: 'assessing' | 'commenting';
  /** ISO 8601 times. `modified` is the record's version: the store stamps it on every save. */
  created: string;
  modified: string;
  target: {
    /** Canonical URL of the page (see canonical-url.ts). */
    source: string;
    /** A TextQuoteSelector (exact + ~32 chars of prefix/suffix) and a TextPositionSelector. */
    selector: Selector[];
  };
  body: AnnotationBody;
  /** Present when the annotation is on a claim ClaimLens detected. */
  claim?: { kinds: ClaimKind[]; speaker?: string };
}

export interface SourceNote {
  id: string;
  type: 'SourceNote';
  title: string;
  /** http: or https: only, or '' when the source has no URL (a book, a phone call). */
  url: string;
  publisher: string;
  /** Publication date as the user wrote it (free text, e.g. "2024-03-01" or "March 2024"). */
  date: string;
  /** A passage quoted from the source. */
  excerpt: string;
  /** The user's note on how far this source can be trusted. */
  reliability: string;
  created: string;
  modified: string;
}

/** True only for absolute http: and https: URLs: javascript:, data:, file: and relative URLs are refused. */
export function isSafeHttpUrl(url: string): boolean {
  if (typeof url !== 'string' || url.trim() !== url || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
}

export function motivationFor(verdict: Verdict | null): Annotation['motivation'] {
  return verdict === null ? 'commenting' : 'assessing';
}

export interface NewAnnotationInit {
  /** Canonical URL of the page. */
  source: string;
  selector: Selector[];
  /** Defaults to 'assessing' with a verdict, 'commenting' without (the store keeps it in step on save). */
  motivation?: Annotation['motivation'];
  body?: Partial<Omit<AnnotationBody, 'type'>>;
  claim?: Annotation['claim'];
  now?: Date;
}

export function newAnnotation(init: NewAnnotationInit): Annotation {
  const time = (init.now ?? new Date()).toISOString();
  const verdict = init.body?.verdict ?? null;
  const annotation: Annotation = {
    id: newUrnUuid(),
    type: 'Annotation',
    motivation: init.motivation ?? motivationFor(verdict),
    created: time,
    modified: time,
    target: { source: init.source, selector: init.selector.map((s) => ({ ...s })) },
    body: {
      type: 'ClaimLensAssessment',
      verdict,
      note: init.body?.note ?? '',
      tags: [...(init.body?.tags ?? [])],
      sources: [...(init.body?.sources ?? [])],
    },
  };
  if (init.claim) {
    annotation.claim = { kinds: [...init.claim.kinds] };
    if (init.claim.speaker !== undefined) annotation.claim.speaker = init.claim.speaker;
  }
  return annotation;
}

export interface NewSourceNoteInit {
  title: string;
  url?: string;
  publisher?: string;
  date?: string;
  excerpt?: string;
  reliability?: string;
  now?: Date;
}

/** Builds a SourceNote; the store refuses it on save if `url` is not '' or an http(s) URL. */
export function newSourceNote(init: NewSourceNoteInit): SourceNote {
  const time = (init.now ?? new Date()).toISOString();
  return {
    id: newUrnUuid(),
    type: 'SourceNote',
    title: init.title,
    url: (init.url ?? '').trim(),
    publisher: init.publisher ?? '',
    date: init.date ?? '',
    excerpt: init.excerpt ?? '',
    reliability: init.reliability ?? '',
    created: time,
    modified: time,
  };
}
