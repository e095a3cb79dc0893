/**
 * The annotation editor, shared by the hover card (content script) and the popup.
 *
 * Usage (popup engineer): it is a plain controlled-by-callbacks component that never touches storage
 * itself — pass the current body as `initial`, the source-note library, and `onSave` that writes
 * through the annotation store and returns its SaveResult (an error string is shown to the user).
 *
 *   <AnnotationEditor
 *     initial={annotation?.body}             // undefined for a new annotation
 *     library={sources}                      // SourceNote[] from store.listSources()
 *     onSave={(value) => store.saveAnnotation({ ...annotation, body: { ...annotation.body, ...value } })}
 *     onCreateSource={async ({ title, url }) => { const s = newSourceNote({ title, url }); const r = await store.saveSource(s); return r.ok ? { ok: true, source: s } : r; }}
 *     onDelete={annotation ? () => store.deleteAnnotation(annotation.id) : undefined}
 *     onCancel={close}
 *   />
 *
 * Styles: import `./editor.css` (or `./editor.css?inline` into a shadow root). Class names are all
 * prefixed `cl-ed-`. Every string (notes, titles, tags) is rendered as text, never as HTML.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { VERDICTS, isSafeHttpUrl, type SourceNote, type Verdict } from '../../core/annotations/model';

export interface AnnotationEditorValue {
  verdict: Verdict | null;
  note: string;
  tags: string[];
  /** Ids of linked source notes. */
  sources: string[];
}

export type EditorSaveResult = { ok: true } | { ok: false; error: string };

export interface AnnotationEditorProps {
  /** The annotation's current body; omit for a new annotation. */
  initial?: Partial<AnnotationEditorValue> | undefined;
  /** Source notes that can be linked. */
  library: readonly SourceNote[];
  onSave(value: AnnotationEditorValue): Promise<EditorSaveResult>;
  /** Creates a source note from the editor; omit to hide "New source". */
  onCreateSource?:
    | ((init: { title: string; url: string }) => Promise<{ ok: true; source: SourceNote } | { ok: false; error: string }>)
    | undefined;
  /** Deletes the annotation; omit for a new one. */
  onDelete?: (() => Promise<void> | void) | undefined;
  onCancel?: (() => void) | undefined;
  /** Focus the first verdict button when the editor appears (keyboard users opening it on purpose). */
  autoFocus?: boolean | undefined;
}

export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  for (const raw of input.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export function AnnotationEditor(props: AnnotationEditorProps) {
  const { initial, library } = props;
  const id = useId();
  const [verdict, setVerdict] = useState<Verdict | null>(initial?.verdict ?? null);
  const [note, setNote] = useState(initial?.note ?? '');
  const [tagText, setTagText] = useState((initial?.tags ?? []).join(', '));
  const [linked, setLinked] = useState<string[]>(initial?.sources ?? []);
  const [filter, setFilter] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [newSource, setNewSource] = useState<{ title: string; url: string } | null>(null);
  const firstVerdict = useRef<HTMLButtonElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (props.autoFocus) firstVerdict.current?.focus();
  }, []);
  // The "+ New source" button gives way to the form: focus follows, or keyboard users are lost.
  const newSourceTitle = useRef<HTMLInputElement>(null);
  const creatingSource = newSource !== null;
  useEffect(() => {
    if (creatingSource) newSourceTitle.current?.focus();
  }, [creatingSource]);

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await props.onSave({ verdict, note, tags: parseTags(tagText), sources: linked });
      setMessage(result.ok ? { kind: 'ok', text: 'Saved' } : { kind: 'error', text: result.error });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : 'Could not save' });
    } finally {
      setBusy(false);
    }
  };

  const createSource = async () => {
    if (!newSource || !props.onCreateSource) return;
    const title = newSource.title.trim();
    const url = newSource.url.trim();
    if (!title) return setMessage({ kind: 'error', text: 'A source needs a title.' });
    if (url && !isSafeHttpUrl(url)) return setMessage({ kind: 'error', text: 'Source links must start with http:// or https://' });
    const result = await props.onCreateSource({ title, url });
    if (!result.ok) return setMessage({ kind: 'error', text: result.error });
    setLinked((ids) => [...ids, result.source.id]);
    setNewSource(null);
    // The form that had focus is gone; Save is the likely next step.
    requestAnimationFrame(() => saveButton.current?.focus());
    setMessage({ kind: 'ok', text: `Source “${title}” added and linked` });
  };

  const toggleSource = (sourceId: string) =>
    setLinked((ids) => (ids.includes(sourceId) ? ids.filter((x) => x !== sourceId) : [...ids, sourceId]));

  const needle = filter.trim().toLowerCase();
  const shown = library.filter(
    (s) => linked.includes(s.id) || !needle || `${s.title} ${s.publisher} ${s.url}`.toLowerCase().includes(needle),
  );

  return (
    <form class="cl-ed" onSubmit={save} aria-label="Annotation">
      <fieldset class="cl-ed-verdicts">
        <legend>Verdict</legend>
        {VERDICTS.map((v, i) => (
          <button
            key={v.id}
            ref={i === 0 ? firstVerdict : undefined}
            type="button"
            class="cl-ed-verdict"
            aria-pressed={verdict === v.id}
            title={v.description}
            style={{ '--cl-verdict': v.colour }}
            onClick={() => setVerdict(verdict === v.id ? null : v.id)}
          >
            {v.label}
          </button>
        ))}
      </fieldset>

      <label class="cl-ed-label" for={`${id}-note`}>Note</label>
      <textarea
        id={`${id}-note`}
        class="cl-ed-note"
        rows={3}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
        placeholder="What did you find?"
      />

      <label class="cl-ed-label" for={`${id}-tags`}>Tags <span class="cl-ed-hint">(comma separated)</span></label>
      <input id={`${id}-tags`} class="cl-ed-input" value={tagText} onInput={(e) => setTagText(e.currentTarget.value)} />

      <fieldset class="cl-ed-sources">
        <legend>Sources</legend>
        {library.length > 6 && (
          <input
            class="cl-ed-input"
            type="search"
            aria-label="Filter sources"
            placeholder="Filter sources"
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
        )}
        {library.length === 0 && <p class="cl-ed-hint">No source notes yet.</p>}
        <ul class="cl-ed-source-list">
          {shown.map((s) => (
            <li key={s.id}>
              <label>
                <input type="checkbox" checked={linked.includes(s.id)} onChange={() => toggleSource(s.id)} />{' '}
                {s.title || s.url || 'Untitled source'}
                {s.publisher && <span class="cl-ed-hint"> — {s.publisher}</span>}
              </label>
            </li>
          ))}
        </ul>
        {props.onCreateSource &&
          (newSource ? (
            <div class="cl-ed-new-source">
              <input
                ref={newSourceTitle}
                class="cl-ed-input"
                aria-label="New source title"
                placeholder="Title"
                value={newSource.title}
                onInput={(e) => {
                  const title = e.currentTarget.value;
                  setNewSource((current) => current && { ...current, title });
                }}
              />
              <input
                class="cl-ed-input"
                type="url"
                aria-label="New source link (http or https)"
                placeholder="https://…"
                value={newSource.url}
                onInput={(e) => {
                  const url = e.currentTarget.value;
                  setNewSource((current) => current && { ...current, url });
                }}
              />
              <div class="cl-ed-row">
                <button type="button" class="cl-ed-button" onClick={createSource}>Add source</button>
                <button type="button" class="cl-ed-button cl-ed-quiet" onClick={() => setNewSource(null)}>Cancel</button>
              </div>
            </div>
          ) : (
            <button type="button" class="cl-ed-button cl-ed-quiet" onClick={() => setNewSource({ title: '', url: '' })}>
              + New source
            </button>
          ))}
      </fieldset>

      <div class="cl-ed-row cl-ed-actions">
        <button ref={saveButton} type="submit" class="cl-ed-button cl-ed-primary" disabled={busy}>Save</button>
        {props.onCancel && (
          <button type="button" class="cl-ed-button cl-ed-quiet" onClick={props.onCancel}>Close</button>
        )}
        {props.onDelete && (
          <button type="button" class="cl-ed-button cl-ed-danger" onClick={() => void props.onDelete?.()}>Delete</button>
        )}
      </div>
      <p class={`cl-ed-message ${message?.kind === 'error' ? 'cl-ed-error' : ''}`} role="status" aria-live="polite">
        {message?.text ?? ''}
      </p>
    </form>
  );
}
