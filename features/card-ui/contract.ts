/**
 * The seam between the content script (features/hover-card.ts keeps the card's state) and the card's
 * user interface, which is loaded only when a card first opens (entrypoints/card-ui.ts →
 * render-card.tsx, through features/lazy/). Keeping Preact, the card and the editor out of the
 * content script keeps the script every page pays for small. Types only.
 */
import type { ClaimCardProps } from '../../components/card/ClaimCard';
import type { Box } from '../card-position';

/** What the card shows and does (ClaimCard's props), and where it goes. */
export interface CardRenderProps extends ClaimCardProps {
  /** A new value remounts the card (a different subject, or reopened from the keyboard). */
  generation: number;
  /** Where the claim is now, in viewport coordinates; null when it is not on screen. */
  anchor(): Box | null;
  onEscape(): void;
}

export interface CardRenderer {
  /** Renders the card, or removes it with null. */
  render(props: CardRenderProps | null): void;
}

/** What the card-ui script provides: a renderer drawing into a (closed) shadow root we own. */
export interface CardUi {
  createRenderer(root: ShadowRoot): CardRenderer;
}
