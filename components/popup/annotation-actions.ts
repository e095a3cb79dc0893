/**
 * Turning what the reader typed into stored annotations. Kept out of the components so the rules
 * (which selectors, which motivation, when `modified` moves) are in one place.
 */
import { motivationFor, newAnnotation, type Annotation } from '../../core/annotations/model';
import type { Claim } from '../../core/claims/types';
import type { AnnotationEditorValue as AssessmentDraft } from '../annotation-editor/AnnotationEditor';
import type { PopupDeps } from './deps';
import { fallbackClaimSelectors } from './logic';
import { messageOf } from './use-library';

/** Resolves to a user-facing error, or null when the annotation was saved. */
async function save(deps: Pick<PopupDeps, 'store'>, annotation: Annotation): Promise<string | null> {
  try {
    const result = await deps.store.saveAnnotation(annotation);
    return result.ok ? null : result.error;
  } catch (error) {
    return `Could not save: ${messageOf(error)}`;
  }
}

export async function saveClaimAssessment(
  deps: Pick<PopupDeps, 'store' | 'page' | 'now'>,
  source: string,
  claim: Claim,
  existing: Annotation | undefined,
  draft: AssessmentDraft,
): Promise<string | null> {
  if (existing) return updateAssessment(deps, existing, draft);
  // The page knows the article text around the claim (prefix/suffix); without it we still anchor
  // by the claim's own text and offsets.
  const target = await deps.page.annotationTargetForClaim(claim.id).catch(() => null);
  const annotation = newAnnotation({
    source: target?.source || source,
    selector: target?.selector.length ? target.selector : fallbackClaimSelectors(claim),
    body: { verdict: draft.verdict, note: draft.note, tags: draft.tags, sources: draft.sources },
    claim: claim.speaker ? { kinds: claim.kinds, speaker: claim.speaker } : { kinds: claim.kinds },
    now: deps.now?.(),
  });
  return save(deps, annotation);
}

export async function updateAssessment(
  deps: Pick<PopupDeps, 'store'>,
  existing: Annotation,
  draft: AssessmentDraft,
): Promise<string | null> {
  // `modified` stays as loaded: the store compares it with the stored one to refuse overwriting an
  // edit made meanwhile in another tab, and stamps the new time itself.
  const updated: Annotation = {
    ...existing,
    motivation: motivationFor(draft.verdict),
    body: { ...existing.body, verdict: draft.verdict, note: draft.note, tags: draft.tags, sources: draft.sources },
  };
  return save(deps, updated);
}

export function draftOf(annotation: Annotation | undefined): AssessmentDraft {
  if (!annotation) return { verdict: null, note: '', tags: [], sources: [] };
  const { verdict, note, tags, sources } = annotation.body;
  return { verdict, note, tags: [...tags], sources: [...sources] };
}
