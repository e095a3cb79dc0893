import {
  AnnotationEditor,
  type AnnotationEditorValue,
} from '../annotation-editor/AnnotationEditor';
import { newSourceNote, type SourceNote } from '../../core/annotations/model';
import type { PopupDeps } from './deps';
import { messageOf } from './use-library';

interface EditorPanelProps {
  deps: Pick<PopupDeps, 'store' | 'now'>;
  initial: AnnotationEditorValue | undefined;
  sources: readonly SourceNote[];
  /** Writes the annotation; resolves to a user-facing error, or null when saved. */
  save(value: AnnotationEditorValue): Promise<string | null>;
  /** Called after a successful save or delete: the panel is closed by its owner. */
  onDone(message: string): void;
  onCancel(): void;
  onDelete?: (() => Promise<void>) | undefined;
}

/**
 * The shared annotation editor (the same one the hover card shows), wired to the store. The popup
 * closes it after a save; Escape closes it too.
 */
export function EditorPanel({ deps, initial, sources, save, onDone, onCancel, onDelete }: EditorPanelProps) {
  const createSource = async ({ title, url }: { title: string; url: string }) => {
    try {
      const result = await deps.store.saveSource(newSourceNote({ title, url, now: deps.now?.() }));
      return result.ok ? { ok: true as const, source: result.saved } : { ok: false as const, error: result.error };
    } catch (error) {
      return { ok: false as const, error: `Could not save the source: ${messageOf(error)}` };
    }
  };

  return (
    <div
      class="editor-panel"
      data-testid="annotation-form"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <AnnotationEditor
        initial={initial}
        library={sources}
        autoFocus
        onSave={async (value) => {
          const problem = await save(value);
          if (problem) return { ok: false, error: problem };
          onDone('Annotation saved');
          return { ok: true };
        }}
        onCreateSource={createSource}
        onCancel={onCancel}
        onDelete={onDelete}
      />
    </div>
  );
}
