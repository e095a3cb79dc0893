/**
 * A flattened view of the text under a DOM node, the coordinate system shared by claim detection,
 * highlighting and anchoring.
 *
 * Text nodes are concatenated in document order. Where a block element or a <br> separates two runs
 * of text, one "\n" is inserted that belongs to no node, so sentences of different paragraphs never
 * run together ("…last word.First word…"). Every other character of `text` is a character of exactly
 * one Text node, so an offset range maps back to DOM positions without loss.
 */

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in `TextIndex.text`. */
  start: number;
}

export interface TextIndex {
  root: Node;
  text: string;
  segments: TextSegment[];
}

export interface TextIndexOptions {
  /** Return true to leave an element and everything under it out of the index. */
  skip?: (element: Element) => boolean;
}

export interface DomPoint {
  node: Text;
  offset: number;
}

/** Elements whose content is never reader-visible prose. */
const NON_TEXT_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG',
  'MATH', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'VIDEO', 'AUDIO', 'PICTURE', 'HEAD', 'TITLE',
]);

/** Elements that start a new line of text when rendered. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BODY', 'HTML',
]);

/** Upper-case tag name; HTML elements already have one, so the common case allocates nothing. */
export function upperTagName(element: Element): string {
  const tag = element.tagName;
  const first = tag.charCodeAt(0);
  return first >= 97 && first <= 122 ? tag.toUpperCase() : tag;
}

/** Whether an element with this upper-case tag name starts a new line of text. */
export function isBlockTag(upperTag: string): boolean {
  return BLOCK_TAGS.has(upperTag);
}

/** Whether an element with this upper-case tag name never holds reader-visible prose. */
export function isNonTextTag(upperTag: string): boolean {
  return NON_TEXT_TAGS.has(upperTag);
}

export function isBlockElement(element: Element): boolean {
  return isBlockTag(upperTagName(element));
}

export function isNonTextElement(element: Element): boolean {
  return isNonTextTag(upperTagName(element));
}

/** The attribute that marks ClaimLens's own UI hosts (features/ui-host.ts). */
export const CLAIMLENS_UI_ATTRIBUTE = 'data-claimlens-ui';

/** ClaimLens's own UI hosts (the card, the annotate button) are never part of the page's text. */
export function isClaimLensUi(element: Element): boolean {
  return element.hasAttribute(CLAIMLENS_UI_ATTRIBUTE);
}

function defaultSkip(element: Element): boolean {
  return isNonTextElement(element) || isClaimLensUi(element) || element.hasAttribute('hidden');
}

export function buildTextIndex(root: Node, options: TextIndexOptions = {}): TextIndex {
  const extraSkip = options.skip;
  const segments: TextSegment[] = [];
  const parts: string[] = [];
  let length = 0;
  let pendingBreak = false;
  let lastChar = '';

  const visit = (node: Node): void => {
    if (node.nodeType === 3 /* TEXT_NODE */) {
      const data = (node as Text).data;
      if (data.length === 0) return;
      if (pendingBreak && length > 0 && lastChar !== '\n') {
        parts.push('\n');
        length += 1;
      }
      pendingBreak = false;
      segments.push({ node: node as Text, start: length });
      parts.push(data);
      length += data.length;
      lastChar = data[data.length - 1]!;
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */ && node.nodeType !== 9 && node.nodeType !== 11) return;
    if (node.nodeType === 1) {
      const element = node as Element;
      if (defaultSkip(element) || extraSkip?.(element)) return;
      const block = isBlockElement(element);
      if (block) pendingBreak = true;
      for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
      if (block) pendingBreak = true;
      return;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(root);
  return { root, text: parts.join(''), segments };
}

/** Index of the last segment starting at or before `offset`. */
function segmentAt(index: TextIndex, offset: number): number {
  const { segments } = index;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The DOM point for a text offset. `bias` decides which node a boundary offset belongs to: a range's
 * start belongs to the node that follows it, its end to the node that precedes it.
 */
export function domPointAt(index: TextIndex, offset: number, bias: 'start' | 'end'): DomPoint | null {
  if (index.segments.length === 0) return null;
  let i = segmentAt(index, offset);
  let segment = index.segments[i]!;
  if (bias === 'start' && offset >= segment.start + segment.node.data.length && i + 1 < index.segments.length) {
    segment = index.segments[++i]!;
  }
  if (bias === 'end' && offset <= segment.start && i > 0) segment = index.segments[i - 1]!;
  const local = Math.min(Math.max(offset - segment.start, 0), segment.node.data.length);
  return { node: segment.node, offset: local };
}

/** The text offset of a DOM point inside the index's text nodes, or null when the node is not indexed. */
export function textOffsetOf(index: TextIndex, node: Node, offset: number): number | null {
  if (node.nodeType === 3) {
    const segment = findSegment(index, node as Text);
    return segment ? segment.start + offset : null;
  }
  // An element boundary: the offset of the first indexed text at or after it. Segments are in
  // document order, so a binary search over "is this segment before the point?" finds it.
  const point = (node.ownerDocument ?? (node as Document)).createRange();
  point.setStart(node, offset);
  let lo = 0;
  let hi = index.segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const segment = index.segments[mid]!;
    // comparePoint(x) is -1 when x lies before the range's (collapsed) start.
    if (point.comparePoint(segment.node, segment.node.data.length) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < index.segments.length ? index.segments[lo]!.start : index.text.length;
}

function findSegment(index: TextIndex, node: Text): TextSegment | undefined {
  let cache = segmentLookup.get(index);
  if (!cache) {
    cache = new Map(index.segments.map((segment) => [segment.node, segment]));
    segmentLookup.set(index, cache);
  }
  return cache.get(node);
}

const segmentLookup = new WeakMap<TextIndex, Map<Text, TextSegment>>();

/** A DOM Range covering text offsets [start, end), or null when the span is empty or not indexed. */
export function rangeFromOffsets(index: TextIndex, start: number, end: number): Range | null {
  if (end <= start) return null;
  const from = domPointAt(index, start, 'start');
  const to = domPointAt(index, end, 'end');
  if (!from || !to) return null;
  const doc = from.node.ownerDocument;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The pieces of text nodes covered by [start, end): one entry per node, in document order. */
export function textPiecesInRange(
  index: TextIndex,
  start: number,
  end: number,
): Array<{ node: Text; from: number; to: number }> {
  const pieces: Array<{ node: Text; from: number; to: number }> = [];
  if (end <= start || index.segments.length === 0) return pieces;
  for (let i = segmentAt(index, start); i < index.segments.length; i++) {
    const segment = index.segments[i]!;
    if (segment.start >= end) break;
    const nodeEnd = segment.start + segment.node.data.length;
    const from = Math.max(start, segment.start) - segment.start;
    const to = Math.min(end, nodeEnd) - segment.start;
    if (to > from) pieces.push({ node: segment.node, from, to });
  }
  return pieces;
}

/**
 * Makes `offset` fall on a Text node boundary by splitting the node that straddles it, and keeps the
 * index in step with the DOM. The index's text does not change: only which nodes hold it.
 * Returns the node created by the split, or null when no split was needed.
 */
export function splitAtOffset(index: TextIndex, offset: number): { created: Text; from: Text } | null {
  if (index.segments.length === 0) return null;
  const i = segmentAt(index, offset);
  const segment = index.segments[i]!;
  const local = offset - segment.start;
  if (local <= 0 || local >= segment.node.data.length) return null;
  const created = segment.node.splitText(local);
  const createdSegment = { node: created, start: offset };
  index.segments.splice(i + 1, 0, createdSegment);
  segmentLookup.get(index)?.set(created, createdSegment);
  return { created, from: segment.node };
}
