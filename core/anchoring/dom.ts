/**
 * The DOM side of anchoring: selectors ↔ ranges over a TextIndex (the flattened text shared with
 * claim detection and highlighting), so stored offsets mean the same text everywhere.
 */
import { rangeFromOffsets, textOffsetOf, type TextIndex } from '../text/text-index';
import { anchorMany } from './anchor';
import { describeSpan, type Anchor, type Selector } from './selectors';

export interface AnchoredRange extends Anchor {
  range: Range;
}

/** Anchors many annotations on the indexed text at once (one normalization and k-gram index for all). */
export function anchorManyInIndex(
  index: TextIndex,
  targets: ReadonlyArray<readonly Selector[]>,
): Array<AnchoredRange | null> {
  return anchorMany(index.text, targets).map((anchor) => {
    if (!anchor) return null;
    const range = rangeFromOffsets(index, anchor.start, anchor.end);
    return range ? { ...anchor, range } : null;
  });
}

/** The DOM range an annotation's selectors point to now, or null for an orphan. */
export function anchorInIndex(index: TextIndex, selectors: readonly Selector[]): Range | null {
  return anchorManyInIndex(index, [selectors])[0]?.range ?? null;
}

/** Text offset of a range boundary; a boundary inside unindexed content falls back to its parent. */
function boundaryOffset(index: TextIndex, node: Node, offset: number, side: 'start' | 'end'): number | null {
  const direct = textOffsetOf(index, node, offset);
  if (direct !== null) return direct;
  const parent = node.parentNode;
  if (!parent) return null;
  const position = Array.prototype.indexOf.call(parent.childNodes, node) as number;
  return boundaryOffset(index, parent, side === 'start' ? position : position + 1, side);
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

/**
 * Selectors for a user's selection: [TextQuoteSelector, TextPositionSelector] over the indexed text,
 * with surrounding whitespace trimmed. Null when the selection holds no indexed text.
 */
export function describeRangeInIndex(index: TextIndex, range: Range): Selector[] | null {
  let start = boundaryOffset(index, range.startContainer, range.startOffset, 'start');
  let end = boundaryOffset(index, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null) return null;
  const text = index.text;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end <= start) return null;
  return describeSpan(text, start, end);
}
