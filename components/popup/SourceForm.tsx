import { useState } from 'preact/hooks';
import type { SourceNote } from '../../core/annotations/model';
import { sourceUrlProblem } from './logic';

export type SourceDraft = Pick<SourceNote, 'title' | 'url' | 'publisher' | 'date' | 'excerpt' | 'reliability'>;

export const EMPTY_SOURCE: SourceDraft = { title: '', url: '', publisher: '', date: '', excerpt: '', reliability: '' };

interface SourceFormProps {
  idPrefix: string;
  initial: SourceDraft;
  heading: string;
  /** Resolves to a user-facing error, or null when saved. */
  onSave(draft: SourceDraft): Promise<string | null>;
  onCancel(): void;
}

export function SourceForm({ idPrefix, initial, heading, onSave, onCancel }: SourceFormProps) {
  const [draft, setDraft] = useState<SourceDraft>(initial);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (field: keyof SourceDraft) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
    setDraft((current) => ({ ...current, [field]: value }));
    if (field === 'url' && urlError) setUrlError(sourceUrlProblem(value));
    if (field === 'title' && titleError && value.trim()) setTitleError(null);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const trimmed: SourceDraft = {
      title: draft.title.trim(),
      url: draft.url.trim(),
      publisher: draft.publisher.trim(),
      date: draft.date.trim(),
      excerpt: draft.excerpt.trim(),
      reliability: draft.reliability.trim(),
    };
    const badUrl = sourceUrlProblem(trimmed.url);
    const noTitle = trimmed.title || trimmed.url ? null : 'Give the source a title or a web address';
    setUrlError(badUrl);
    setTitleError(noTitle);
    if (badUrl || noTitle) return;
    setSaving(true);
    setError(null);
    const problem = await onSave(trimmed);
    setSaving(false);
    if (problem) setError(problem);
  };

  const field = (name: keyof SourceDraft, label: string, props: Record<string, string | number> = {}) => (
    <div class="field">
      <label for={`${idPrefix}-${name}`}>{label}</label>
      <input
        id={`${idPrefix}-${name}`}
        type="text"
        data-testid={`source-${name}`}
        value={draft[name]}
        onInput={set(name)}
        {...props}
      />
    </div>
  );

  return (
    <form
      class="form card"
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
      data-testid="source-form"
      aria-label={heading}
    >
      <h2 class="form__heading">{heading}</h2>
      <div class="field">
        <label for={`${idPrefix}-title`}>Title</label>
        <input
          id={`${idPrefix}-title`}
          type="text"
          data-testid="source-title"
          value={draft.title}
          onInput={set('title')}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${idPrefix}-title-error` : undefined}
        />
        {titleError && (
          <p class="field__error" id={`${idPrefix}-title-error`} data-testid="source-title-error">
            {titleError}
          </p>
        )}
      </div>
      <div class="field">
        <label for={`${idPrefix}-url`}>Web address</label>
        <input
          id={`${idPrefix}-url`}
          type="url"
          inputMode="url"
          placeholder="https://"
          data-testid="source-url"
          value={draft.url}
          onInput={set('url')}
          onBlur={() => setUrlError(sourceUrlProblem(draft.url))}
          aria-invalid={urlError ? true : undefined}
          aria-describedby={urlError ? `${idPrefix}-url-error` : undefined}
        />
        {urlError && (
          <p class="field__error" id={`${idPrefix}-url-error`} role="alert" data-testid="source-url-error">
            {urlError}
          </p>
        )}
      </div>
      {field('publisher', 'Publisher or author')}
      {field('date', 'Date', { placeholder: 'e.g. 2024-05-01' })}
      <div class="field">
        <label for={`${idPrefix}-excerpt`}>Excerpt</label>
        <textarea id={`${idPrefix}-excerpt`} rows={3} data-testid="source-excerpt" value={draft.excerpt} onInput={set('excerpt')} />
      </div>
      <div class="field">
        <label for={`${idPrefix}-reliability`}>Reliability note</label>
        <textarea
          id={`${idPrefix}-reliability`}
          rows={2}
          data-testid="source-reliability"
          placeholder="Primary data? Known bias? Peer reviewed?"
          value={draft.reliability}
          onInput={set('reliability')}
        />
      </div>
      {error && (
        <p class="form__error" role="alert" data-testid="source-error">
          {error}
        </p>
      )}
      <div class="form__actions">
        <button type="button" class="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="button button--primary" data-testid="save-source" disabled={saving}>
          {saving ? 'Saving…' : 'Save source'}
        </button>
      </div>
    </form>
  );
}
