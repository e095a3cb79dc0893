import { useState } from 'preact/hooks';
import type { Annotation, SourceNote } from '../../core/annotations/model';
import type { PageState } from '../../core/messaging/protocol';
import { draftOf, updateAssessment } from './annotation-actions';
import { KindChips, VerdictBadge } from './Chips';
import { EditorPanel } from './EditorPanel';
import type { PopupDeps } from './deps';
import { EmptyState } from './EmptyState';
import { anchoringOf, quoteOf } from './logic';
import { SafeLink } from './SafeLink';
import { messageOf } from './use-library';

interface AnnotationsTabProps {
  deps: Pick<PopupDeps, 'store' | 'page' | 'now'>;
  state: PageState;
  /** Annotations stored for this page. */
  annotations: readonly Annotation[];
  sources: readonly SourceNote[];
  notify(message: string, undo?: () => Promise<void>): void;
}

export function AnnotationsTab({ deps, state, annotations, sources, notify }: AnnotationsTabProps) {
  const [editing, setEditing] = useState<string | null>(null);

  if (annotations.length === 0) {
    return (
      <EmptyState title="No annotations on this page yet">
        Annotate a claim from the Claims tab, or select text on the page and press the annotate shortcut.
      </EmptyState>
    );
  }

  const anchoring = (id: string) => anchoringOf(state.annotations, id);
  const sorted = [...annotations].sort((a, b) => {
    const orphanFirst = Number(anchoring(b.id) === 'orphan') - Number(anchoring(a.id) === 'orphan');
    return orphanFirst || b.modified.localeCompare(a.modified);
  });
  const sourceById = new Map(sources.map((s) => [s.id, s]));

  const reveal = async (annotation: Annotation) => {
    // The page marks an annotation under its own id, or under the claim's id when it sits on one.
    const found = await deps.page.revealClaim(annotation.id).catch(() => false);
    if (!found) notify('The page did not find this annotation. Reload the page and try again.');
  };

  const remove = async (annotation: Annotation) => {
    try {
      await deps.store.deleteAnnotation(annotation.id);
      notify('Annotation deleted', async () => {
        const restored = await deps.store.undoDelete(annotation.id);
        notify(restored ? 'Annotation restored' : 'Could not restore the annotation');
      });
    } catch (error) {
      notify(`Could not delete: ${messageOf(error)}`);
    }
  };

  return (
    <section aria-label="Annotations on this page">
      <ul class="list">
        {sorted.map((annotation) => {
          const status = anchoring(annotation.id);
          const linked = annotation.body.sources.map((id) => sourceById.get(id));
          return (
            <li
              key={annotation.id}
              class={`card annotation${status === 'orphan' ? ' annotation--orphan' : ''}`}
              data-testid="annotation-item"
              data-annotation-id={annotation.id}
              data-anchoring={status ?? 'unknown'}
            >
              <div class="annotation__head">
                <VerdictBadge verdict={annotation.body.verdict} />
                {annotation.claim && <KindChips kinds={annotation.claim.kinds} />}
                {status === 'orphan' && (
                  <span class="badge badge--warn" data-testid="orphan-badge" title="The annotated text was not found on the page">
                    Not found on page
                  </span>
                )}
              </div>
              <blockquote class="annotation__quote clamp" data-testid="annotation-quote">
                {quoteOf(annotation) || 'No quoted text'}
              </blockquote>
              {annotation.claim?.speaker && <p class="annotation__speaker">— {annotation.claim.speaker}</p>}
              {editing === annotation.id ? (
                <EditorPanel
                  deps={deps}
                  initial={draftOf(annotation)}
                  sources={sources}
                  save={(draft) => updateAssessment(deps, annotation, draft)}
                  onDone={(message) => {
                    setEditing(null);
                    notify(message);
                  }}
                  onCancel={() => setEditing(null)}
                  onDelete={async () => {
                    setEditing(null);
                    await remove(annotation);
                  }}
                />
              ) : (
                <>
                  {annotation.body.note && (
                    <p class="annotation__note" data-testid="annotation-note">
                      {annotation.body.note}
                    </p>
                  )}
                  {annotation.body.tags.length > 0 && (
                    <ul class="tags" aria-label="Tags">
                      {annotation.body.tags.map((tag) => (
                        <li key={tag} class="tag">
                          {tag}
                        </li>
                      ))}
                    </ul>
                  )}
                  {linked.length > 0 && (
                    <ul class="linked-sources" aria-label="Sources">
                      {linked.map((source, i) => (
                        <li key={source?.id ?? i}>
                          {source ? (
                            <SafeLink href={source.url}>{source.title || source.url || 'Untitled source'}</SafeLink>
                          ) : (
                            <span class="hint">Deleted source</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                  <div class="card__actions">
                    {status === 'anchored' && (
                      <button
                        type="button"
                        class="button button--small button--quiet"
                        data-testid="reveal-annotation"
                        onClick={() => void reveal(annotation)}
                      >
                        Show on page
                      </button>
                    )}
                    <button type="button" class="button button--small" data-testid="edit-annotation" onClick={() => setEditing(annotation.id)}>
                      Edit
                    </button>
                    <button
                      type="button"
                      class="button button--small button--danger"
                      data-testid="delete-annotation"
                      onClick={() => void remove(annotation)}
                    >
                      Delete
                    </button>
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
