/**
 * Wraps spans of a TextIndex in inline <claimlens-mark> elements, and takes them out again leaving
 * the DOM exactly as it was.
 *
 * A span that crosses element boundaries (<a>, <em>, <br>) becomes several marks sharing one
 * data-claimlens-id. Text nodes are split where a span starts or ends; each split is remembered so that
 * removing the marks merges the pieces back into the original node instead of leaving the page with
 * extra text nodes (or merging nodes the page had kept apart, as Node.normalize() would).
 */
import { splitAtOffset, textPiecesInRange, type TextIndex } from '../text/text-index';

export const MARK_TAG = 'claimlens-mark';

export interface HighlightSpan {
  id: string;
  start: number;
  end: number;
  /** Claim kinds, written space separated to data-claimlens-kind; empty for plain annotations. */
  kinds: readonly string[];
  verdict?: string | null;
  annotationId?: string | null;
}

const ID = 'data-claimlens-id';
const KIND = 'data-claimlens-kind';
const VERDICT = 'data-claimlens-verdict';
const ANNOTATION = 'data-claimlens-annotation';
const FLASH = 'data-claimlens-flash';

/** Text nodes this module created by splitting, mapped to the node they were split from. */
const splitOrigin = new WeakMap<Text, Text>();

export function highlightSpans(index: TextIndex, spans: readonly HighlightSpan[]): void {
  const root = index.root as ParentNode;
  const alreadyMarked = new Set(
    Array.from(root.querySelectorAll?.(MARK_TAG) ?? [], (mark) => mark.getAttribute(ID) ?? ''),
  );
  for (const span of spans) {
    if (span.end <= span.start || alreadyMarked.has(span.id)) continue;
    wrapSpan(index, span);
    alreadyMarked.add(span.id);
  }
}

function wrapSpan(index: TextIndex, span: HighlightSpan): void {
  for (const offset of [span.start, span.end]) {
    const split = splitAtOffset(index, offset);
    if (split) splitOrigin.set(split.created, split.from);
  }
  let first = true;
  for (const piece of textPiecesInRange(index, span.start, span.end)) {
    // Pieces are whole nodes now. Whitespace-only nodes sit between blocks or inside tables and
    // lists, where an inline element does not belong; they carry nothing worth marking.
    if (!/\S/.test(piece.node.data)) continue;
    const mark = createMark(piece.node.ownerDocument, span, first);
    first = false;
    piece.node.parentNode!.insertBefore(mark, piece.node);
    mark.appendChild(piece.node);
  }
}

function createMark(doc: Document, span: HighlightSpan, focusable: boolean): HTMLElement {
  const mark = doc.createElement(MARK_TAG);
  mark.setAttribute(ID, span.id);
  if (span.kinds.length > 0) mark.setAttribute(KIND, span.kinds.join(' '));
  if (span.verdict) mark.setAttribute(VERDICT, span.verdict);
  if (span.annotationId) mark.setAttribute(ANNOTATION, span.annotationId);
  if (focusable) {
    // Only the first piece takes a Tab stop, so a claim split over five nodes is one stop, not five.
    mark.tabIndex = 0;
    mark.setAttribute('role', 'button');
    mark.setAttribute('aria-haspopup', 'dialog');
  }
  return mark;
}

export function marksOf(root: ParentNode, id: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(MARK_TAG)).filter(
    (mark) => mark.getAttribute(ID) === id,
  );
}

export function isMark(node: Node | null): node is HTMLElement {
  return !!node && node.nodeType === 1 && (node as Element).localName === MARK_TAG;
}

/** The innermost mark containing `node`, or null. */
export function markAround(node: Node | null): HTMLElement | null {
  for (let current = node; current; current = current.parentNode) {
    if (isMark(current)) return current;
  }
  return null;
}

export function setMarkVerdict(root: ParentNode, id: string, verdict: string | null): void {
  for (const mark of marksOf(root, id)) {
    if (verdict) mark.setAttribute(VERDICT, verdict);
    else mark.removeAttribute(VERDICT);
  }
}

/** Briefly draws attention to a span's marks (after the popup scrolls to it). */
export function flashMarks(root: ParentNode, id: string, durationMs = 1600): void {
  const marks = marksOf(root, id);
  for (const mark of marks) mark.setAttribute(FLASH, '');
  setTimeout(() => {
    for (const mark of marks) mark.removeAttribute(FLASH);
  }, durationMs);
}

/**
 * Unwraps the marks under `root` (all of them, or those of the given ids) and merges every text node
 * that highlighting split back into the node it came from.
 */
export function removeHighlights(root: ParentNode, ids?: Iterable<string>): void {
  const only = ids ? new Set(ids) : null;
  const marks = Array.from(root.querySelectorAll<HTMLElement>(MARK_TAG)).filter(
    (mark) => !only || only.has(mark.getAttribute(ID) ?? ''),
  );
  const freed: Text[] = [];
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    for (let child = mark.firstChild; child; child = mark.firstChild) {
      if (child.nodeType === 3) freed.push(child as Text);
      parent.insertBefore(child, mark);
    }
    parent.removeChild(mark);
  }
  mergeSplitNodes(freed);
}

function mergeSplitNodes(candidates: Text[]): void {
  // A split node's neighbours may have been freed by an earlier removal, or by this one: look at the
  // freed nodes and at what follows them, so that every split whose two halves are now adjacent heals.
  const seen = new Set<Text>();
  const queue: Text[] = [];
  for (const node of candidates) {
    for (let current: Node | null = node; current && current.nodeType === 3; current = current.nextSibling) {
      if (seen.has(current as Text)) break;
      seen.add(current as Text);
      queue.push(current as Text);
    }
  }
  for (const node of queue) {
    const origin = resolveOrigin(node);
    if (!origin) continue;
    if (node.previousSibling === origin && node.isConnected) {
      origin.appendData(node.data);
      node.remove();
    }
  }
}

/** The node now holding the text this node was split from (following merges that already happened). */
function resolveOrigin(node: Text): Text | undefined {
  let origin = splitOrigin.get(node);
  while (origin && !origin.isConnected) origin = splitOrigin.get(origin);
  return origin;
}
