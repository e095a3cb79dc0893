/**
 * Everything the popup needs from the outside world, passed in as props. The browser build wires
 * these to the content script, the annotation store and extension APIs (entrypoints/popup/deps.ts);
 * tests pass plain fakes, so no module mocking is needed to exercise the UI.
 */
import type { AnnotationStore } from '../../core/annotations/store';
import type { HighlightState } from '../../core/settings';
import type { AnnotationTarget, PageState } from '../../core/messaging/protocol';

/** The browser tab the popup describes (not necessarily the popup's own tab). */
export interface TabInfo {
  id: number | null;
  /** Empty when the browser does not tell the extension (no host access to that page). */
  url: string;
  title: string;
}

/** The content script of the described tab. Every call rejects when no content script answers. */
export interface PageClient {
  getPageState(): Promise<PageState>;
  revealClaim(claimId: string): Promise<boolean>;
  /** The page-level target (canonical URL + selectors with context) for annotating a claim. */
  annotationTargetForClaim(claimId: string): Promise<AnnotationTarget | null>;
  /** The text the reader has selected in the page, '' when none. */
  getSelectedText(): Promise<string>;
  /** Calls `listener` each time the page announces a new state; returns the unsubscribe. */
  onStateChanged(listener: (state: PageState) => void): () => void;
}

export interface SettingsClient {
  getState(hostname: string): Promise<HighlightState>;
  setGlobal(on: boolean): Promise<void>;
  setSite(hostname: string, on: boolean | null): Promise<void>;
  watch(callback: () => void): () => void;
}

export type PopupStore = AnnotationStore;

export interface PopupDeps {
  tab: TabInfo;
  page: PageClient;
  store: PopupStore;
  settings: SettingsClient;
  /** The shortcut bound to toggle-highlights, e.g. "Alt+Shift+H", or '' when none is set. */
  getToggleShortcut(): Promise<string>;
  /** Offers `json` to the reader as a file download. */
  download(filename: string, json: unknown): void;
  /** Opens the popup in a full tab (Firefox closes popups when a file chooser opens). */
  openInTab?(): void;
  /** Current time, injectable for tests. */
  now?(): Date;
}
