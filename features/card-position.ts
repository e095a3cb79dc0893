/**
 * Where the card goes: beside the claim, inside the viewport. Below the claim when it fits, above it
 * when there is more room there, and shifted sideways so it never leaves the screen. Pure geometry.
 */

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Size {
  width: number;
  height: number;
}

export const CARD_GAP = 6;
export const VIEWPORT_MARGIN = 8;

export function placeCard(anchor: Box, card: Size, viewport: Size): { top: number; left: number } {
  const roomBelow = viewport.height - anchor.bottom - CARD_GAP - VIEWPORT_MARGIN;
  const roomAbove = anchor.top - CARD_GAP - VIEWPORT_MARGIN;
  let top: number;
  if (card.height <= roomBelow || roomBelow >= roomAbove) top = anchor.bottom + CARD_GAP;
  else top = anchor.top - CARD_GAP - card.height;
  // A card taller than the room on either side is pinned inside the viewport (it scrolls itself).
  top = clamp(top, VIEWPORT_MARGIN, viewport.height - VIEWPORT_MARGIN - card.height);
  const left = clamp(anchor.left, VIEWPORT_MARGIN, viewport.width - VIEWPORT_MARGIN - card.width);
  return { top, left };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}
