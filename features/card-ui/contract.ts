/**
 * The seam between the content script (features/hover-card.ts keeps the card's state) and the card's
 * user interface, which is loaded only when a card first opens (entrypoints/card-ui.ts →
 * render-card.tsx, through features/lazy/). Keeping Preact, the card and the editor out of the
 * content script keeps the script every page pays for small. Types only.
 */
import type { SourceNote } from '../../core/annotations/model';
import type { AnnotationEditorValue, EditorSaveResult } from '../../components/annotation-editor/AnnotationEditor';
import type { CardView } from '../../components/card/ClaimCard';
import type { Box } from '../card-position';

export interface CardRenderProps {
  view: CardView;
  library: readonly SourceNote[];
  /** A new value remounts the card (a different subject, or reopened from the keyboard). */
  generation: number;
  startEditing: boolean;
  autoFocus: boolean;
  /** Where the claim is now, in viewport coordinates; null when it is not on screen. */
  anchor(): Box | null;
  onEscape(): void;
  onSave(value: AnnotationEditorValue): Promise<EditorSaveResult>;
  onCreateSource(init: { title: string; url: string }): Promise<{ ok: true; source: SourceNote } | { ok: false; error: string }>;
  onDelete(): Promise<void>;
  onClose(): void;
}

export interface CardRenderer {
  /** Renders the card, or removes it with null. */
  render(props: CardRenderProps | null): void;
}

/** What the card-ui script provides: a renderer drawing into a (closed) shadow root we own. */
export interface CardUi {
  createRenderer(root: ShadowRoot): CardRenderer;
}
