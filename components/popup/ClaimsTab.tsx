import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Annotation, SourceNote } from '../../core/annotations/model';
import type { Claim } from '../../core/claims/types';
import type { PageState } from '../../core/messaging/protocol';
import { draftOf, saveClaimAssessment } from './annotation-actions';
import { KindChips, VerdictBadge } from './Chips';
import { EditorPanel } from './EditorPanel';
import type { PopupDeps } from './deps';
import { EmptyState } from './EmptyState';
import { annotationForClaim, formatScore, sortClaims, type ClaimSort } from './logic';

interface ClaimsTabProps {
  deps: Pick<PopupDeps, 'page' | 'store' | 'now'>;
  state: PageState;
  /** Annotations stored for this page. */
  annotations: readonly Annotation[];
  sources: readonly SourceNote[];
  notify(message: string): void;
  onTurnOnSite?(): void;
  /** True when highlights are off everywhere (not just for this site). */
  offEverywhere?: boolean;
}

export function ClaimsTab({ deps, state, annotations, sources, notify, onTurnOnSite, offEverywhere }: ClaimsTabProps) {
  const [sort, setSort] = useState<ClaimSort>('position');
  const [editing, setEditing] = useState<string | null>(null);
  const claims = useMemo(() => sortClaims(state.claims, sort), [state.claims, sort]);
  const listRef = useRef<HTMLUListElement>(null);
  const closedEditorOf = useRef<string | null>(null);

  // When an editor closes, keyboard focus goes back to the claim's "Annotate" button instead of
  // falling to the top of the popup.
  useEffect(() => {
    const id = closedEditorOf.current;
    if (editing !== null || id === null) return;
    closedEditorOf.current = null;
    const row = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-claim-id]') ?? [])].find((r) => r.dataset.claimId === id);
    row?.querySelector<HTMLElement>('[data-testid="annotate-claim"]')?.focus();
  }, [editing]);

  const closeEditor = () => {
    closedEditorOf.current = editing;
    setEditing(null);
  };

  if (state.status === 'analysing' && state.claims.length === 0) {
    return <EmptyState tone="busy" title="Analysing…">Looking for the article and its claims.</EmptyState>;
  }
  if (state.status === 'no-article') {
    return (
      <EmptyState title="No article found on this page">
        ClaimLens looks for claims in news articles. This page doesn't look like one.
      </EmptyState>
    );
  }
  if (state.status === 'disabled') {
    return (
      <EmptyState title="Highlights are off for this site">
        {offEverywhere && <p>They are off everywhere. Turn them on here for this site only, or everywhere above.</p>}
        {onTurnOnSite && (
          <button type="button" class="button" data-testid="turn-on-site" onClick={onTurnOnSite}>
            Turn on for this site
          </button>
        )}
      </EmptyState>
    );
  }
  if (state.status === 'too-large') {
    return (
      <EmptyState title="This page is too long to analyse">
        {state.error ?? 'ClaimLens analyses articles up to a certain length to keep the page fast.'}
      </EmptyState>
    );
  }
  if (state.status === 'error') {
    return (
      <EmptyState tone="error" title="ClaimLens couldn't analyse this page">
        {state.error ?? 'Something went wrong while analysing the page.'}
      </EmptyState>
    );
  }
  if (claims.length === 0) {
    return <EmptyState title="No claims found in this article">Nothing in it looks check-worthy.</EmptyState>;
  }

  const reveal = async (claim: Claim) => {
    try {
      const found = await deps.page.revealClaim(claim.id);
      if (!found) notify('That claim is no longer on the page. Reload the page to analyse it again.');
    } catch {
      notify('The page did not answer. Reload it and try again.');
    }
  };

  return (
    <section class="claims" aria-label="Claims in this article">
      <div class="toolbar">
        <span class="toolbar__count" data-testid="claim-count">
          {claims.length} {claims.length === 1 ? 'claim' : 'claims'}
          {state.status === 'analysing' && ' · analysing…'}
        </span>
        <div class="segmented" role="group" aria-label="Sort claims">
          <button
            type="button"
            class="segmented__option"
            aria-pressed={sort === 'position'}
            data-testid="sort-position"
            onClick={() => setSort('position')}
          >
            In page order
          </button>
          <button
            type="button"
            class="segmented__option"
            aria-pressed={sort === 'score'}
            data-testid="sort-score"
            onClick={() => setSort('score')}
          >
            By score
          </button>
        </div>
      </div>
      {state.claimsCapped && (
        <p class="hint list-note" data-testid="claims-capped">
          Showing the {claims.length} most check-worthy claims of this long article.
        </p>
      )}
      {state.error && (
        <p class="notice notice--warn list-note" role="status" data-testid="page-warning">
          {state.error}
        </p>
      )}
      <ul class="list" ref={listRef}>
        {claims.map((claim) => {
          const annotation = annotationForClaim(claim, annotations, state.annotations);
          const isEditing = editing === claim.id;
          return (
            <li key={claim.id} class="card claim" data-testid="claim-row" data-claim-id={claim.id}>
              <button
                type="button"
                class="claim__main"
                data-testid="claim-reveal"
                title="Show this claim on the page"
                onClick={() => void reveal(claim)}
              >
                <KindChips kinds={claim.kinds} />
                <span class="claim__text clamp" data-testid="claim-text">
                  {claim.text}
                </span>
              </button>
              <div class="claim__actions">
                {claim.speaker && (
                  <span class="claim__speaker" data-testid="claim-speaker">
                    {claim.speaker}
                  </span>
                )}
                <span class="claim__score" data-testid="claim-score" title="Check-worthiness score">
                  Score {formatScore(claim.score)}
                </span>
                {annotation && <VerdictBadge verdict={annotation.body.verdict} />}
                <button
                  type="button"
                  class="button button--small"
                  aria-expanded={isEditing}
                  data-testid="annotate-claim"
                  onClick={() => (isEditing ? closeEditor() : setEditing(claim.id))}
                >
                  {annotation ? 'Edit annotation' : 'Annotate'}
                </button>
              </div>
              {isEditing && (
                <EditorPanel
                  deps={deps}
                  initial={annotation ? draftOf(annotation) : undefined}
                  sources={sources}
                  save={(draft) => saveClaimAssessment(deps, state.source, claim, annotation, draft)}
                  onDone={(message) => {
                    closeEditor();
                    notify(message);
                  }}
                  onCancel={closeEditor}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
