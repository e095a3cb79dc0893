/**
 * The card's user interface: Preact rendering ClaimCard into the closed shadow root the content
 * script made (features/hover-card.ts keeps the state and the page's events; this only draws).
 * Part of the lazily loaded card-ui script, never of the content script itself.
 */
import { render, type ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ClaimCard } from '../../components/card/ClaimCard';
import cardCss from '../../components/card/card.css?inline';
import editorCss from '../../components/annotation-editor/editor.css?inline';
import { placeCard, type Box } from '../card-position';
import type { CardRenderer, CardRenderProps, CardUi } from './contract';

export function createRenderer(root: ShadowRoot): CardRenderer {
  const doc = root.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = `${cardCss}\n${editorCss}`;
  const container = doc.createElement('div');
  root.append(style, container);
  return {
    render(props: CardRenderProps | null) {
      if (!props) {
        render(null, container);
        return;
      }
      const { generation, anchor, onEscape, ...card } = props;
      render(
        <Positioned anchor={anchor} onEscape={onEscape}>
          <ClaimCard key={generation} {...card} />
        </Positioned>,
        container,
      );
    },
  };
}

export const cardUi: CardUi = { createRenderer };

/** Measures the card after it renders and puts it beside the anchor, inside the viewport. */
function Positioned(props: { anchor: () => Box | null; onEscape: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  useLayoutEffect(() => {
    const element = ref.current?.firstElementChild as HTMLElement | null | undefined;
    const anchor = props.anchor();
    if (!element || !anchor) return;
    const view = element.ownerDocument.defaultView!;
    const next = placeCard(anchor, { width: element.offsetWidth, height: element.offsetHeight }, {
      width: view.innerWidth,
      height: view.innerHeight,
    });
    if (!position || Math.abs(next.top - position.top) > 0.5 || Math.abs(next.left - position.left) > 0.5) {
      setPosition(next);
    }
  });
  return (
    <div
      ref={ref}
      class="cl-position"
      style={position ? { '--cl-top': `${position.top}px`, '--cl-left': `${position.left}px` } : { visibility: 'hidden' }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onEscape();
        }
      }}
    >
      {props.children}
    </div>
  );
}
