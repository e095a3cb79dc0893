/**
 * The hover card of a marked span: what kind of claim it is and why it was flagged, who said it, how
 * check-worthy it is, and the reader's annotation with the editor to change it.
 * Page text and user text are rendered as text only; links only for http(s) URLs.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation, SourceNote } from '../../core/annotations/model';
import { isSafeHttpUrl, verdictInfo } from '../../core/annotations/model';
import type { Claim, ClaimKind } from '../../core/claims/types';
import {
  AnnotationEditor,
  type AnnotationEditorValue,
  type EditorSaveResult,
} from '../annotation-editor/AnnotationEditor';
import { kindInfo } from './kinds';

export interface CardView {
  spanId: string;
  /** The marked text. */
  quote: string;
  claim: Claim | null;
  annotation: Annotation | null;
}

export interface ClaimCardProps {
  view: CardView;
  /** The source-note library (to show linked notes and to link more). */
  library: readonly SourceNote[];
  onSave(value: AnnotationEditorValue): Promise<EditorSaveResult>;
  onCreateSource(init: { title: string; url: string }): Promise<{ ok: true; source: SourceNote } | { ok: false; error: string }>;
  onDelete(): Promise<void>;
  onClose(): void;
  /** Open with the editor showing (the "Annotate selection" flow). */
  startEditing?: boolean;
  /** Move focus into the card (opened from the keyboard). */
  autoFocus?: boolean;
}

const MAX_QUOTE = 280;
/** A signal may be a whole quotation: the card shows its start, the quote above shows the rest. */
const MAX_SIGNAL = 90;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function ClaimCard(props: ClaimCardProps) {
  const { view, library } = props;
  const { claim, annotation } = view;
  const [editing, setEditing] = useState(!!props.startEditing);
  const [notice, setNotice] = useState('');
  const save = async (value: AnnotationEditorValue): Promise<EditorSaveResult> => {
    const result = await props.onSave(value);
    if (result.ok) {
      // Back to the summary, which now shows what was saved.
      setEditing(false);
      setNotice('Saved');
    }
    return result;
  };
  const kinds: ClaimKind[] = claim?.kinds ?? annotation?.claim?.kinds ?? [];
  const speaker = claim?.speaker ?? annotation?.claim?.speaker;
  const quote = clip(view.quote, MAX_QUOTE);
  const title = claim ? 'Check-worthy claim' : 'Annotation';
  const closeButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // After a save the editor (and the focused Save button) is gone: keep focus in the card.
    if (notice) editButton.current?.focus();
  }, [notice]);
  useEffect(() => {
    // Opened from the keyboard: focus moves into the dialog (the editor focuses itself when shown).
    if (props.autoFocus && !editing) closeButton.current?.focus();
  }, []);

  return (
    <div class="cl-card" role="dialog" aria-label={`ClaimLens: ${title}`}>
      <header class="cl-head">
        <span class="cl-brand">ClaimLens</span>
        <ul class="cl-kinds" aria-label="Claim kinds">
          {kinds.map((kind) => (
            <li key={kind} class="cl-kind" style={{ '--cl-kind': kindInfo(kind).colour }} title={kindInfo(kind).hint}>
              {kindInfo(kind).label}
            </li>
          ))}
        </ul>
        <button
          type="button"
          class="cl-close"
          aria-label="Close"
          onClick={props.onClose}
          ref={closeButton}
        >
          ×
        </button>
      </header>

      <blockquote class="cl-quote">{quote}</blockquote>

      {speaker && (
        <p class="cl-line">
          <span class="cl-key">Speaker or source</span> {speaker}
        </p>
      )}

      {claim && (
        <>
          <div class="cl-line">
            <span class="cl-key">Check-worthiness</span>{' '}
            <meter min={0} max={1} value={claim.score} aria-label="Check-worthiness score" /> {claim.score.toFixed(2)}
          </div>
          {claim.signals.length > 0 && (
            <details class="cl-why" open={!annotation && !editing}>
              <summary>Why it was flagged</summary>
              <ul>
                {claim.signals.slice(0, 8).map((signal, i) => (
                  <li key={i}>
                    <span class="cl-signal" style={{ '--cl-kind': kindInfo(signal.kind).colour }}>
                      {signal.label}
                    </span>{' '}
                    <q>{clip(signal.text, MAX_SIGNAL)}</q>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}

      {annotation && !editing && <AnnotationSummary annotation={annotation} library={library} />}

      {editing ? (
        <AnnotationEditor
          key={annotation?.modified ?? 'new'}
          initial={annotation?.body}
          library={library}
          onSave={save}
          onCreateSource={props.onCreateSource}
          onDelete={annotation ? props.onDelete : undefined}
          onCancel={() => setEditing(false)}
          autoFocus
        />
      ) : (
        <div class="cl-actions">
          <button
            ref={editButton}
            type="button"
            class="cl-button"
            onClick={() => {
              setNotice('');
              setEditing(true);
            }}
          >
            {annotation ? 'Edit annotation' : 'Annotate'}
          </button>
          <span class="cl-notice" role="status">
            {notice}
          </span>
        </div>
      )}
    </div>
  );
}

function AnnotationSummary({ annotation, library }: { annotation: Annotation; library: readonly SourceNote[] }) {
  const verdict = annotation.body.verdict ? verdictInfo(annotation.body.verdict) : null;
  const linked = annotation.body.sources
    .map((id) => library.find((s) => s.id === id))
    .filter((s): s is SourceNote => !!s);
  return (
    <section class="cl-annotation" aria-label="Your annotation">
      <p class="cl-line">
        <span class="cl-key">Verdict</span>{' '}
        {verdict ? (
          <span class="cl-verdict" style={{ '--cl-verdict': verdict.colour }}>
            {verdict.label}
          </span>
        ) : (
          <span class="cl-muted">none yet</span>
        )}
      </p>
      {annotation.body.note && <p class="cl-note">{annotation.body.note}</p>}
      {annotation.body.tags.length > 0 && (
        <p class="cl-line cl-tags">
          {annotation.body.tags.map((tag) => (
            <span key={tag} class="cl-tag">
              {tag}
            </span>
          ))}
        </p>
      )}
      {linked.length > 0 && (
        <ul class="cl-sources" aria-label="Linked sources">
          {linked.map((source) => (
            <li key={source.id}>
              {isSafeHttpUrl(source.url) ? (
                <a href={source.url} target="_blank" rel="noopener noreferrer">
                  {source.title || source.url}
                </a>
              ) : (
                source.title || 'Untitled source'
              )}
              {source.publisher && <span class="cl-muted"> — {source.publisher}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
