/**
 * A host element for ClaimLens UI on a web page: a CLOSED shadow root, so the page's scripts cannot
 * reach into it and the page's CSS cannot style it; our CSS is inlined into the shadow root (no
 * network). The host sits under <html>, outside <body>, so the page's layout and ClaimLens's text
 * index (which skips [data-claimlens-ui] anyway) never see it.
 */
import { CLAIMLENS_UI_ATTRIBUTE } from '../core/text/text-index';

export interface UiHost {
  host: HTMLElement;
  /** Where to render; reachable only through this object. */
  root: ShadowRoot;
  remove(): void;
}

/** Inline style of the host: beats the page's stylesheets (even their !important rules). */
const HOST_STYLE: ReadonlyArray<[string, string]> = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['overflow', 'visible'],
  ['z-index', '2147483647'],
  ['display', 'block'],
];

/** `css`: the host's own style sheet, if it has one (the card's comes with its lazily loaded interface). */
export function createUiHost(doc: Document, name: string, css?: string): UiHost {
  // A custom element name: unknown to the page's CSS resets, and valid for attachShadow.
  const host = doc.createElement('claimlens-ui');
  host.setAttribute(CLAIMLENS_UI_ATTRIBUTE, name);
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  if (css) {
    const style = doc.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
  // Keys typed into our inputs must not reach the page's keyboard shortcuts ("j", "k", "/" …).
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    root.addEventListener(type, (event) => event.stopPropagation());
  }
  doc.documentElement.appendChild(host);
  return {
    host,
    root,
    remove: () => host.remove(),
  };
}
