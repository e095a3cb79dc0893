import { useMemo, useState } from 'preact/hooks';
import { newSourceNote, type Annotation, type SourceNote } from '../../core/annotations/model';
import type { PopupDeps } from './deps';
import { EmptyState } from './EmptyState';
import { annotationsBySource, filterSources, hostOf, isOnPage, pluralise, quoteOf, tagsBySource } from './logic';
import { SafeLink } from './SafeLink';
import { EMPTY_SOURCE, SourceForm, type SourceDraft } from './SourceForm';
import { messageOf } from './use-library';

type SourceFilter = 'all' | 'page' | 'unused';

interface SourcesTabProps {
  deps: Pick<PopupDeps, 'store' | 'page' | 'now'>;
  /** All annotations (back-links cross pages). */
  annotations: readonly Annotation[];
  sources: readonly SourceNote[];
  /** The described page, when ClaimLens can run there: its canonical URL, address and title. */
  page: { source: string; url: string; title: string } | null;
  notify(message: string): void;
}

type Editing = { mode: 'new'; initial: SourceDraft; heading: string } | { mode: 'edit'; source: SourceNote } | null;

export function SourcesTab({ deps, annotations, sources, page, notify }: SourcesTabProps) {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<SourceFilter>('all');
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<{ id: string; uses: number } | null>(null);

  const usesBySource = useMemo(() => annotationsBySource(annotations), [annotations]);
  const tags = useMemo(() => tagsBySource(annotations), [annotations]);
  const shown = useMemo(() => {
    const matching = filterSources(sources, query, tags);
    const onPage = (id: string) => (usesBySource.get(id) ?? []).some((a) => isOnPage(a, page?.source ?? ''));
    const filtered =
      filter === 'page'
        ? matching.filter((s) => onPage(s.id))
        : filter === 'unused'
          ? matching.filter((s) => !usesBySource.has(s.id))
          : matching;
    return filtered.sort((a, b) => b.modified.localeCompare(a.modified));
  }, [sources, query, tags, filter, usesBySource, page?.source]);

  const pageUrl = page && hostOf(page.url) ? page.url : '';

  const startFromPage = async () => {
    const selection = await deps.page.getSelectedText().catch(() => '');
    setEditing({
      mode: 'new',
      heading: 'Save this page as a source',
      initial: {
        ...EMPTY_SOURCE,
        title: page?.title ?? '',
        url: pageUrl,
        publisher: hostOf(pageUrl).replace(/^www\./, ''),
        excerpt: selection.trim(),
      },
    });
  };

  const saveDraft = async (draft: SourceDraft): Promise<string | null> => {
    try {
      // An edit keeps `modified` as loaded: the store refuses to overwrite a newer edit made elsewhere.
      const record: SourceNote =
        editing?.mode === 'edit'
          ? { ...editing.source, ...draft }
          : newSourceNote({ ...draft, now: deps.now?.() });
      const result = await deps.store.saveSource(record);
      if (!result.ok) return result.error;
      setEditing(null);
      notify('Source saved');
      return null;
    } catch (error) {
      return `Could not save: ${messageOf(error)}`;
    }
  };

  const askDelete = async (source: SourceNote) => {
    try {
      const uses = (await deps.store.annotationsUsingSource(source.id)).length;
      if (uses > 0) setConfirming({ id: source.id, uses });
      else await reallyDelete(source.id);
    } catch (error) {
      notify(`Could not delete: ${messageOf(error)}`);
    }
  };

  const reallyDelete = async (id: string) => {
    setConfirming(null);
    try {
      const { unlinked } = await deps.store.deleteSource(id);
      notify(unlinked > 0 ? `Source deleted and unlinked from ${pluralise(unlinked, 'annotation')}` : 'Source deleted');
    } catch (error) {
      notify(`Could not delete: ${messageOf(error)}`);
    }
  };

  if (editing) {
    return (
      <SourceForm
        idPrefix={editing.mode === 'edit' ? `source-${editing.source.id}` : 'source-new'}
        heading={editing.mode === 'edit' ? 'Edit source' : editing.heading}
        initial={editing.mode === 'edit' ? editing.source : editing.initial}
        onCancel={() => setEditing(null)}
        onSave={saveDraft}
      />
    );
  }

  return (
    <section aria-label="Source notes">
      <div class="toolbar toolbar--wrap">
        <button
          type="button"
          class="button button--primary button--small"
          data-testid="save-page-source"
          disabled={!pageUrl}
          title={pageUrl ? undefined : 'Only web pages can be saved as sources'}
          onClick={() => void startFromPage()}
        >
          Save this page as a source
        </button>
        <button
          type="button"
          class="button button--small"
          data-testid="new-source"
          onClick={() => setEditing({ mode: 'new', heading: 'New source', initial: EMPTY_SOURCE })}
        >
          New source
        </button>
      </div>
      {sources.length > 0 && (
        <div class="toolbar">
          <input
            type="search"
            class="search"
            aria-label="Search sources"
            placeholder="Search sources…"
            title="Searches title, publisher, address, excerpt, reliability note and the tags of annotations citing it"
            data-testid="source-search"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
          <select
            aria-label="Show"
            data-testid="source-filter"
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value as SourceFilter)}
          >
            <option value="all">All</option>
            <option value="page" disabled={!page}>
              Cited on this page
            </option>
            <option value="unused">Not cited</option>
          </select>
        </div>
      )}
      {sources.length === 0 ? (
        <EmptyState title="No source notes yet">
          Source notes keep the evidence you checked claims against: a title, link, excerpt and how reliable it is.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title="No source matches">Try other words or show all sources.</EmptyState>
      ) : (
        <ul class="list">
          {shown.map((source) => {
            const uses = usesBySource.get(source.id) ?? [];
            return (
              <li key={source.id} class="card source" data-testid="source-item" data-source-id={source.id}>
                <p class="source__title">
                  <SafeLink href={source.url}>{source.title || source.url || 'Untitled source'}</SafeLink>
                </p>
                <p class="source__meta">
                  {[source.publisher, source.date, hostOf(source.url)].filter(Boolean).join(' · ')}
                </p>
                {source.excerpt && <p class="source__excerpt clamp">{source.excerpt}</p>}
                {source.reliability && (
                  <p class="source__reliability">
                    <span class="label">Reliability</span> {source.reliability}
                  </p>
                )}
                {uses.length > 0 && (
                  <details class="backlinks" data-testid="source-backlinks">
                    <summary>Used by {pluralise(uses.length, 'annotation')}</summary>
                    <ul>
                      {uses.map((annotation) => (
                        <li key={annotation.id}>
                          <span class="clamp clamp--2">“{quoteOf(annotation) || 'No quoted text'}”</span>
                          <SafeLink class="backlinks__page" href={annotation.target.source}>
                            {hostOf(annotation.target.source) || annotation.target.source}
                          </SafeLink>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                {confirming?.id === source.id ? (
                  <div class="confirm" role="alertdialog" aria-label="Confirm delete" data-testid="confirm-delete">
                    <p>Used by {pluralise(confirming.uses, 'annotation')} — delete and unlink?</p>
                    <div class="card__actions">
                      <button type="button" class="button button--small" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                      <button
                        type="button"
                        class="button button--small button--danger"
                        data-testid="confirm-delete-source"
                        onClick={() => void reallyDelete(source.id)}
                      >
                        Delete and unlink
                      </button>
                    </div>
                  </div>
                ) : (
                  <div class="card__actions">
                    <button
                      type="button"
                      class="button button--small"
                      data-testid="edit-source"
                      onClick={() => setEditing({ mode: 'edit', source })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      class="button button--small button--danger"
                      data-testid="delete-source"
                      onClick={() => void askDelete(source)}
                    >
                      Delete
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
