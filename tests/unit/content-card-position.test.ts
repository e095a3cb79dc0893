import { describe, expect, it } from 'vitest';
import { CARD_GAP, VIEWPORT_MARGIN, placeCard } from '../../features/card-position';

const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 300 };

describe('placeCard', () => {
  it('puts the card below the claim when it fits', () => {
    expect(placeCard({ top: 100, bottom: 120, left: 200, right: 400 }, card, viewport)).toEqual({
      top: 120 + CARD_GAP,
      left: 200,
    });
  });

  it('puts it above a claim near the bottom of the viewport', () => {
    const place = placeCard({ top: 700, bottom: 720, left: 200, right: 400 }, card, viewport);
    expect(place.top).toBe(700 - CARD_GAP - card.height);
  });

  it('keeps it inside the viewport horizontally', () => {
    expect(placeCard({ top: 100, bottom: 120, left: 900, right: 990 }, card, viewport).left).toBe(
      viewport.width - VIEWPORT_MARGIN - card.width,
    );
    expect(placeCard({ top: 100, bottom: 120, left: -50, right: 10 }, card, viewport).left).toBe(VIEWPORT_MARGIN);
  });

  it('pins a card taller than the viewport to its top margin', () => {
    expect(placeCard({ top: 400, bottom: 420, left: 0, right: 10 }, { width: 300, height: 2000 }, viewport).top).toBe(
      VIEWPORT_MARGIN,
    );
  });
});
