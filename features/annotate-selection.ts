/**
 * Annotate any text of the page: a small "Annotate" button appears beside a non-empty selection, and
 * the context-menu entry and keyboard command (sent by the background as `annotateSelection`) do the
 * same. Each opens the card's editor for the selection; the annotation's target is the selection's
 * range of the body-level text, so it is anchored like every other annotation of the page.
 */
import { buildTextIndex, textOffsetOf } from '../core/text/text-index';
import type { HoverCard, SelectionDraft } from './hover-card';
import { placeCard } from './card-position';
import { createUiHost, type UiHost } from './ui-host';

/** The selection as a range of the body's text, trimmed of surrounding whitespace; null if empty. */
export function selectionDraft(doc: Document): SelectionDraft | null {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !doc.body) return null;
  const range = selection.getRangeAt(0);
  if (!doc.body.contains(range.commonAncestorContainer)) return null;
  const index = buildTextIndex(doc.body);
  let start = textOffsetOf(index, range.startContainer, range.startOffset);
  let end = textOffsetOf(index, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  const text = index.text;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  return { start, end, quote: text.slice(start, end), range: range.cloneRange(), text };
}

const BUTTON_CSS = `
button {
  position: fixed; font: 600 12px/1 system-ui, sans-serif; padding: 6px 10px; border-radius: 999px;
  border: 1px solid #0969da; background: #0969da; color: #fff; cursor: pointer;
  box-shadow: 0 2px 8px rgba(0,0,0,.25);
}
button:focus-visible { outline: 2px solid #fff; outline-offset: -4px; }
`;

export interface AnnotateSelection {
  /** Opens the editor for the current selection; false when nothing is selected. */
  annotate(): boolean;
  destroy(): void;
}

export function createAnnotateSelection(deps: {
  doc: Document;
  card: HoverCard;
  /** The floating button is only offered while highlights are on. */
  offerButton(): boolean;
  report(error: unknown): void;
}): AnnotateSelection {
  const { doc, card } = deps;
  let ui: UiHost | null = null;
  let button: HTMLButtonElement | null = null;
  let draft: SelectionDraft | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const hide = (): void => {
    draft = null;
    button?.remove();
  };

  const openEditor = (chosen: SelectionDraft): void => {
    hide();
    card.openDraft(chosen);
  };

  /** The floating button, made once: plain DOM, its label a constant. */
  const makeButton = (): HTMLButtonElement => {
    const made = doc.createElement('button');
    made.type = 'button';
    made.textContent = 'Annotate';
    made.setAttribute('aria-label', 'Annotate selection with ClaimLens');
    // Keep the page's selection: a mousedown on a button would otherwise clear it.
    made.addEventListener('mousedown', (event) => event.preventDefault());
    made.addEventListener('click', () => {
      if (draft) openEditor(draft);
    });
    return made;
  };

  const showButton = (chosen: SelectionDraft): void => {
    ui ??= createUiHost(doc, 'annotate-button', BUTTON_CSS);
    button ??= makeButton();
    draft = chosen;
    const rects = Array.from(chosen.range.getClientRects()).filter((r) => r.width > 0);
    const last = rects[rects.length - 1];
    if (!last) return hide();
    const view = doc.defaultView!;
    const place = placeCard(
      { top: last.top, bottom: last.bottom, left: last.right - 40, right: last.right },
      { width: 90, height: 26 },
      { width: view.innerWidth, height: view.innerHeight },
    );
    button.style.top = `${place.top}px`;
    button.style.left = `${place.left}px`;
    if (!button.isConnected) ui.root.appendChild(button);
  };

  const update = (): void => {
    timer = undefined;
    try {
      const chosen = deps.offerButton() ? selectionDraft(doc) : null;
      if (chosen) showButton(chosen);
      else hide();
    } catch (error) {
      deps.report(error);
    }
  };

  const onSelectionChange = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    // Wait until the reader stops dragging: the button follows the finished selection.
    timer = setTimeout(update, 300);
  };
  doc.addEventListener('selectionchange', onSelectionChange);

  return {
    annotate() {
      const chosen = selectionDraft(doc) ?? draft;
      if (!chosen) return false;
      openEditor(chosen);
      return true;
    },
    destroy() {
      doc.removeEventListener('selectionchange', onSelectionChange);
      if (timer !== undefined) clearTimeout(timer);
      ui?.remove();
      ui = null;
      button = null;
    },
  };
}
