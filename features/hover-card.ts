/**
 * The hover card: opens beside a mark on hover (with hover-intent delays, and it stays open while the
 * pointer moves into it), on keyboard focus, and on Enter or a click (then it stays until closed).
 * Escape closes it and returns focus to the mark. This file keeps the card's state and listens to the
 * page; the drawing (Preact in a closed shadow root, see ui-host.ts) is the card-ui script, loaded
 * when a card first opens (card-ui/). Nothing about the card is exposed to the page — tests ask
 * `state()` through the getCardState message instead.
 */
import type { SourceNote } from '../core/annotations/model';
import { quoteSelectorOf } from '../core/anchoring/selectors';
import { markAround, marksOf } from '../core/highlight/highlight';
import type { CardState } from '../core/messaging/protocol';
import type { CardView } from '../components/card/ClaimCard';
import type { AnnotationEditorValue, EditorSaveResult } from '../components/annotation-editor/AnnotationEditor';
import type { AnnotationActions, AnnotationSubject } from './annotation-actions';
import type { Box } from './card-position';
import type { CardRenderer, CardUi } from './card-ui/contract';
import type { PageSession } from './page-session';
import type { MarkedSpan } from './page-spans';
import { createUiHost, type UiHost } from './ui-host';

const OPEN_DELAY_MS = 250;
const CLOSE_DELAY_MS = 350;

/** A selection not saved yet: a range of the body-level text (annotate-selection.ts makes them). */
export interface SelectionDraft {
  start: number;
  end: number;
  quote: string;
  range: Range;
  /** The body-level text the offsets refer to. */
  text: string;
}

/** What the card is about: a marked span, or a selection not saved yet. */
type Subject = { kind: 'span'; spanId: string } | ({ kind: 'draft' } & SelectionDraft);

interface OpenCard {
  subject: Subject;
  /** Stays open until closed on purpose (opened by click, keyboard or to annotate). */
  pinned: boolean;
  focus: boolean;
  editing: boolean;
  /** Bumped to remount the card (a different subject, or a saved draft becoming a span). */
  generation: number;
}

export interface HoverCard {
  openSpan(spanId: string, options?: { pinned?: boolean; focus?: boolean; editing?: boolean }): void;
  /** Opens the editor for a range of the body's text that is not marked yet. */
  openDraft(draft: SelectionDraft): void;
  close(returnFocus?: boolean): void;
  state(): CardState;
  destroy(): void;
}

export function createHoverCard(deps: {
  doc: Document;
  session: PageSession;
  actions: AnnotationActions;
  /** The card's user interface, loaded on first use (features/lazy/). */
  loadUi(): Promise<CardUi>;
  report(error: unknown): void;
}): HoverCard {
  const { doc, session, actions } = deps;
  const win = doc.defaultView ?? window;
  let ui: UiHost | null = null;
  let renderer: CardRenderer | null = null;
  let loadingUi = false;
  let open: OpenCard | null = null;
  let library: SourceNote[] = [];
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  /** A mark that just got focus back from a closed card: its focus must not reopen the card. */
  let returningTo: string | null = null;

  const host = (): UiHost => {
    // A page that rebuilds <html>'s children may have thrown the host out: put it back.
    if (ui && !ui.host.isConnected) doc.documentElement.appendChild(ui.host);
    if (!ui) {
      ui = createUiHost(doc, 'card');
      ui.root.addEventListener('mouseover', () => cancelClose());
      const root = ui.root;
      root.addEventListener('mouseout', (event) => {
        // Leaving the card for the page, not for another element of the card.
        const to = (event as MouseEvent).relatedTarget;
        if (!(to instanceof Node) || !root.contains(to)) scheduleClose();
      });
    }
    return ui;
  };
  // The host is in the page, so the page sees events of the card retargeted to it.
  const isCardEvent = (event: Event): boolean => !!ui && event.composedPath().includes(ui.host);

  const spanOf = (subject: Subject): MarkedSpan | undefined =>
    subject.kind === 'span' ? session.spans.get(subject.spanId) : undefined;

  const viewOf = (subject: Subject): CardView | null => {
    if (subject.kind === 'draft') return { spanId: '', quote: subject.quote, claim: null, annotation: null };
    const span = spanOf(subject);
    if (!span) return null;
    const quote =
      span.claim?.text ?? (span.annotation ? quoteSelectorOf(span.annotation.target.selector)?.exact : '') ?? '';
    return { spanId: span.id, quote, claim: span.claim, annotation: span.annotation };
  };

  /** Where the pointer last was, to place the card by the line being read in a long claim. */
  let pointerY: number | null = null;
  const anchorBox = (subject: Subject): Box | null => {
    const rects =
      subject.kind === 'draft'
        ? Array.from(subject.range.getClientRects())
        : marksOf(doc.body, subject.spanId).flatMap((mark) => Array.from(mark.getClientRects()));
    return spanBox(rects, pointerY);
  };

  const setActive = (spanId: string | null): void => {
    for (const mark of Array.from(doc.body.querySelectorAll('[data-claimlens-active]'))) {
      mark.removeAttribute('data-claimlens-active');
    }
    if (spanId) for (const mark of marksOf(doc.body, spanId)) mark.setAttribute('data-claimlens-active', '');
  };

  const focusMark = (subject: Subject | undefined): void => {
    if (subject?.kind !== 'span') return;
    marksOf(doc.body, subject.spanId)[0]?.focus({ preventScroll: true });
  };

  /** The renderer, once the card-ui script is loaded; a call while none is loaded or loading starts a load (so after a failure, the next paint tries again). */
  const currentRenderer = (): CardRenderer | null => {
    if (renderer || loadingUi) return renderer;
    loadingUi = true;
    deps.loadUi().then(
      (cardUi) => {
        loadingUi = false;
        if (!ui) return; // destroyed meanwhile
        renderer = cardUi.createRenderer(ui.root);
        paint();
      },
      (error: unknown) => {
        loadingUi = false;
        deps.report(error);
      },
    );
    return null;
  };

  function paint(): void {
    try {
      if (!open) {
        renderer?.render(null);
        return;
      }
      const view = viewOf(open.subject);
      if (!view) return close(false);
      host();
      const draw = currentRenderer();
      if (!draw) return; // painted once the interface has loaded
      const current = open;
      const subject: AnnotationSubject =
        current.subject.kind === 'span'
          ? { span: spanOf(current.subject)! }
          : { range: { start: current.subject.start, end: current.subject.end }, text: current.subject.text };
      draw.render({
        view,
        library,
        generation: current.generation,
        startEditing: current.editing,
        autoFocus: current.focus,
        anchor: () => anchorBox(current.subject),
        onEscape: () => close(true),
        onSave: (value) => save(current, subject, value),
        onCreateSource: async (init) => {
          const result = await actions.createSource(init);
          if (!result.ok) return result;
          library = [...library, result.value];
          paint();
          return { ok: true, source: result.value };
        },
        onDelete: async () => {
          if (view.annotation) await actions.remove(view.annotation);
          if (open === current && !spanOf(current.subject)) close(false);
        },
        onClose: () => close(true),
      });
    } catch (error) {
      deps.report(error);
    }
  }

  async function save(current: OpenCard, subject: AnnotationSubject, value: AnnotationEditorValue): Promise<EditorSaveResult> {
    const result = await actions.save(subject, value);
    if (!result.ok) return result;
    if (open === current && current.subject.kind === 'draft') {
      // The selection is marked now: follow it (its own span, or the claim it turned out to be).
      const span = [...session.spans.values()].find((s) => s.annotation?.id === result.value.id);
      if (span) {
        open = { ...current, subject: { kind: 'span', spanId: span.id }, editing: false, generation: ++generation };
        setActive(span.id);
      }
    }
    paint();
    return { ok: true };
  }

  const loadLibrary = (): void => {
    actions.library().then(
      (sources) => {
        library = sources;
        paint();
      },
      deps.report,
    );
  };

  function show(subject: Subject, options: { pinned?: boolean; focus?: boolean; editing?: boolean }): void {
    cancelOpen();
    cancelClose();
    const same =
      open && subject.kind === 'span' && open.subject.kind === 'span' && open.subject.spanId === subject.spanId;
    if (same && open) {
      open = {
        ...open,
        pinned: open.pinned || !!options.pinned,
        focus: !!options.focus,
        editing: open.editing || !!options.editing,
        generation: options.focus || options.editing ? ++generation : open.generation,
      };
    } else {
      open = { subject, pinned: !!options.pinned, focus: !!options.focus, editing: !!options.editing, generation: ++generation };
    }
    setActive(subject.kind === 'span' ? subject.spanId : null);
    loadLibrary();
    paint();
  }

  function close(returnFocus: boolean): void {
    cancelOpen();
    cancelClose();
    const was = open?.subject;
    open = null;
    setActive(null);
    paint();
    if (returnFocus && was?.kind === 'span') {
      returningTo = was.spanId;
      focusMark(was);
    }
  }

  const cancelOpen = (): void => {
    if (openTimer !== undefined) clearTimeout(openTimer);
    openTimer = undefined;
  };
  const cancelClose = (): void => {
    if (closeTimer !== undefined) clearTimeout(closeTimer);
    closeTimer = undefined;
  };
  const scheduleClose = (): void => {
    cancelOpen();
    if (!open || open.pinned || closeTimer !== undefined) return;
    closeTimer = setTimeout(() => {
      closeTimer = undefined;
      if (open && !open.pinned) close(false);
    }, CLOSE_DELAY_MS);
  };

  const spanIdOf = (target: EventTarget | null): string | null => {
    const mark = target instanceof Node ? markAround(target) : null;
    return mark?.getAttribute('data-claimlens-id') ?? null;
  };

  // --- page events (capture phase: a page that stops propagation must not break the card) ---
  const onMouseOver = (event: MouseEvent): void => {
    if (isCardEvent(event)) return cancelClose();
    pointerY = event.clientY;
    const spanId = spanIdOf(event.target);
    if (!spanId) return;
    cancelClose();
    if (open?.subject.kind === 'span' && open.subject.spanId === spanId) return;
    if (open?.pinned) return; // a pinned card is not replaced by passing over another claim
    cancelOpen();
    openTimer = setTimeout(() => show({ kind: 'span', spanId }, {}), OPEN_DELAY_MS);
  };
  const onMouseOut = (event: MouseEvent): void => {
    if (isCardEvent(event)) return;
    if (!spanIdOf(event.target)) return;
    if (spanIdOf(event.relatedTarget) === spanIdOf(event.target)) return;
    cancelOpen();
    scheduleClose();
  };
  const onFocusIn = (event: FocusEvent): void => {
    // Tabbing onto a mark shows its card, like a tooltip; Enter then moves into it.
    const spanId = spanIdOf(event.target);
    if (spanId && spanId === returningTo) return;
    returningTo = null;
    if (spanId) show({ kind: 'span', spanId }, {});
  };
  const onFocusOut = (event: FocusEvent): void => {
    if (spanIdOf(event.target) === returningTo) returningTo = null;
    if (!spanIdOf(event.target) || !open || open.pinned) return;
    if (ui && event.relatedTarget === ui.host) return;
    scheduleClose();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    const spanId = spanIdOf(event.target);
    if (event.key === 'Escape' && open && !isCardEvent(event)) {
      close(!!spanId);
      return;
    }
    if (spanId && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      show({ kind: 'span', spanId }, { pinned: true, focus: true });
    }
  };
  const onClick = (event: MouseEvent): void => {
    const spanId = spanIdOf(event.target);
    if (spanId) {
      // A marked word inside a link still follows the link; elsewhere the click pins the card.
      show({ kind: 'span', spanId }, { pinned: true });
      return;
    }
    if (open && !isCardEvent(event)) close(false);
  };
  let frame = 0;
  const onViewportChange = (): void => {
    if (!open || frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      paint();
    });
  };

  const listeners: Array<[EventTarget, string, EventListener, AddEventListenerOptions]> = [
    [doc, 'mouseover', onMouseOver as EventListener, { capture: true }],
    [doc, 'mouseout', onMouseOut as EventListener, { capture: true }],
    [doc, 'focusin', onFocusIn as EventListener, { capture: true }],
    [doc, 'focusout', onFocusOut as EventListener, { capture: true }],
    [doc, 'keydown', onKeyDown as EventListener, { capture: true }],
    [doc, 'click', onClick as EventListener, { capture: true }],
    [win, 'scroll', onViewportChange, { capture: true, passive: true }],
    [win, 'resize', onViewportChange, { passive: true }],
  ];
  const guarded = new Map<EventListener, EventListener>();
  for (const [target, type, listener, options] of listeners) {
    target.addEventListener(type, guardListener(listener, deps.report), options);
  }
  function guardListener(listener: EventListener, report: (error: unknown) => void): EventListener {
    const wrapped: EventListener = (event) => {
      try {
        listener(event);
      } catch (error) {
        report(error);
      }
    };
    guarded.set(listener, wrapped);
    return wrapped;
  }
  const unsubscribe = session.onChange(() => {
    if (open) paint();
  });

  return {
    openSpan: (spanId, options = {}) => show({ kind: 'span', spanId }, options),
    openDraft: (draft) => show({ kind: 'draft', ...draft }, { pinned: true, focus: true, editing: true }),
    close: (returnFocus = false) => close(returnFocus),
    state(): CardState {
      if (!open) return { open: false };
      const view = viewOf(open.subject);
      if (!view) return { open: false };
      const kinds = view.claim?.kinds ?? view.annotation?.claim?.kinds ?? [];
      return {
        open: true,
        spanId: view.spanId,
        claimId: view.claim?.id ?? null,
        annotationId: view.annotation?.id ?? null,
        kinds: [...kinds],
        speaker: view.claim?.speaker ?? view.annotation?.claim?.speaker ?? null,
        verdict: view.annotation?.body.verdict ?? null,
        note: view.annotation?.body.note ?? '',
        quote: view.quote,
        drawn: renderer !== null,
      };
    },
    destroy() {
      cancelOpen();
      cancelClose();
      unsubscribe();
      for (const [target, type, listener, options] of listeners) {
        const wrapped = guarded.get(listener);
        if (wrapped) target.removeEventListener(type, wrapped, options);
      }
      renderer?.render(null);
      renderer = null;
      ui?.remove();
      ui = null;
      setActive(null);
    },
  };
}

/** A claim of a few lines: the card goes beside all of it. Longer: beside the line under the pointer. */
const MAX_ANCHOR_HEIGHT = 120;

export function spanBox(rects: readonly DOMRect[], pointerY: number | null): Box | null {
  const visible = rects.filter((r) => r.width > 0 || r.height > 0);
  const first = visible[0];
  if (!first) return null;
  const union = visible.reduce(
    (box, r) => ({
      top: Math.min(box.top, r.top),
      bottom: Math.max(box.bottom, r.bottom),
      left: Math.min(box.left, r.left),
      right: Math.max(box.right, r.right),
    }),
    { top: first.top, bottom: first.bottom, left: first.left, right: first.right },
  );
  if (union.bottom - union.top <= MAX_ANCHOR_HEIGHT) return { ...union, left: first.left };
  const line = (pointerY !== null && visible.find((r) => r.top <= pointerY && pointerY <= r.bottom)) || first;
  return { top: line.top, bottom: line.bottom, left: line.left, right: line.right };
}
