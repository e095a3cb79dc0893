/**
 * Shared fakes for the popup component tests: a page that answers like the content script, a
 * settings object in memory, and mount/interaction helpers over preact's test-utils `act`.
 */
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import type { PageClient, PopupDeps, SettingsClient } from '../../components/popup/deps';
import { createAnnotationStore } from '../../core/annotations/store';
import type { Claim, ClaimKind } from '../../core/claims/types';
import type { AnnotationTarget, PageState } from '../../core/messaging/protocol';
import type { HighlightState } from '../../core/settings';

export function claim(id: string, start: number, text: string, score: number, kinds: ClaimKind[] = ['statistic'], speaker?: string): Claim {
  return { id, start, end: start + text.length, text, kinds, signals: [], score, ...(speaker ? { speaker } : {}) };
}

export const ARTICLE_URL = 'https://news.example/2024/budget';

export function pageState(overrides: Partial<PageState> = {}): PageState {
  return {
    status: 'ready',
    url: ARTICLE_URL,
    source: ARTICLE_URL,
    title: 'Budget row deepens',
    claims: [],
    annotations: [],
    ...overrides,
  };
}

export interface FakePage extends PageClient {
  revealed: string[];
  state: PageState | Error;
  listeners: Set<(state: PageState) => void>;
  /** What the content script does when its state changes: tells the popup. */
  announce(state: PageState): void;
}

export function fakePage(state: PageState | Error, target: AnnotationTarget | null = null, selection = ''): FakePage {
  const page: FakePage = {
    revealed: [],
    state,
    getPageState: async () => {
      if (page.state instanceof Error) throw page.state;
      return page.state;
    },
    revealClaim: async (id) => {
      page.revealed.push(id);
      return true;
    },
    annotationTargetForClaim: async () => target,
    getSelectedText: async () => selection,
    onStateChanged: (listener) => {
      page.listeners.add(listener);
      return () => page.listeners.delete(listener);
    },
    listeners: new Set(),
    announce(next) {
      page.state = next;
      for (const listener of page.listeners) listener(next);
    },
  };
  return page;
}

export function fakeSettings(initial: { global: boolean; sites: Record<string, boolean> } = { global: true, sites: {} }) {
  const value = { global: initial.global, sites: { ...initial.sites } };
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  const settings: SettingsClient & { value: typeof value } = {
    value,
    getState: async (host): Promise<HighlightState> => ({ global: value.global, site: value.sites[host] ?? null }),
    setGlobal: async (on) => {
      value.global = on;
      changed();
    },
    setSite: async (host, on) => {
      if (on === null) delete value.sites[host];
      else value.sites[host] = on;
      changed();
    },
    watch: (callback) => {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
  };
  return settings;
}

export function makeDeps(overrides: Partial<PopupDeps> = {}): PopupDeps & { downloads: Array<{ filename: string; json: unknown }> } {
  const downloads: Array<{ filename: string; json: unknown }> = [];
  return {
    tab: { id: 7, url: ARTICLE_URL, title: 'Budget row deepens' },
    page: fakePage(pageState()),
    store: createAnnotationStore(),
    settings: fakeSettings(),
    getToggleShortcut: async () => 'Alt+Shift+H',
    download: (filename, json) => downloads.push({ filename, json }),
    now: () => new Date('2024-05-01T12:00:00Z'),
    ...overrides,
    downloads,
  };
}

let container: HTMLElement | null = null;

/** Renders into a fresh container and lets effects and pending promises settle. */
export async function mount(vnode: VNode): Promise<HTMLElement> {
  unmount();
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(vnode, container!);
  });
  await settle();
  return container;
}

export function unmount(): void {
  if (!container) return;
  render(null, container);
  container.remove();
  container = null;
}

/** Flushes preact's effects and a few rounds of promises/timers (storage calls are async). */
export async function settle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!element) throw new Error('Nothing to click');
  await act(async () => {
    (element as HTMLElement).click();
  });
  await settle();
}

export async function type(element: Element | null | undefined, value: string): Promise<void> {
  if (!element) throw new Error('Nothing to type into');
  const field = element as HTMLInputElement | HTMLTextAreaElement;
  await act(async () => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(element: Element | null | undefined, value: string): Promise<void> {
  if (!element) throw new Error('Nothing to choose in');
  const select = element as HTMLSelectElement;
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function submit(form: Element | null | undefined): Promise<void> {
  if (!form) throw new Error('No form');
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

export function byTestId(root: ParentNode, id: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
}

export function allByTestId(root: ParentNode, id: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
}

/** The shared editor's verdict buttons are named by their label. */
export function verdictButton(root: ParentNode, label: string): HTMLButtonElement {
  const button = [...root.querySelectorAll<HTMLButtonElement>('button[aria-pressed]')].find((b) => b.textContent?.trim() === label);
  if (!button) throw new Error(`No verdict button "${label}"`);
  return button;
}

/** The form field whose <label> starts with `label`. */
export function fieldLabelled(root: ParentNode, label: string): HTMLInputElement | HTMLTextAreaElement {
  const element = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(label));
  const id = element?.getAttribute('for');
  const field = id ? root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[id="${id}"]`) : null;
  if (!field) throw new Error(`No field labelled "${label}"`);
  return field;
}
