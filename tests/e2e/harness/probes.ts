/**
 * What the scenarios observe: functions run inside the page (they are serialized, so they only use
 * their argument and DOM globals, and declare no named inner functions), and waits on the content
 * script's typed messages.
 */
import type { CardState, PageState, PageStatus } from '../../../core/messaging/protocol';
import { pollUntil, type BrowserSession, type PageFunction, type PageHandle } from './session';

export interface MarkInfo {
  id: string;
  kinds: string[];
  verdict: string | null;
  /** The claim's text: all pieces with this id, joined, whitespace collapsed. */
  text: string;
  /** Number of <claimlens-mark> pieces for this id. */
  pieces: number;
  /** For each region selector given, how many pieces lie inside it. */
  regions: Record<string, number>;
}

/** Every highlighted claim on the page, grouped by data-claimlens-id, in document order. */
export const collectMarks: PageFunction<{ regions: string[] }, MarkInfo[]> = ({ regions }) => {
  const byId = new Map<string, MarkInfo>();
  for (const mark of Array.from(document.querySelectorAll('claimlens-mark'))) {
    const id = mark.getAttribute('data-claimlens-id') ?? '';
    let info = byId.get(id);
    if (!info) {
      info = {
        id,
        kinds: (mark.getAttribute('data-claimlens-kind') ?? '').split(/\s+/).filter((kind) => kind !== ''),
        verdict: mark.getAttribute('data-claimlens-verdict'),
        text: '',
        pieces: 0,
        regions: {},
      };
      byId.set(id, info);
    }
    info.pieces += 1;
    info.text += `${mark.textContent ?? ''} `;
    for (const selector of regions) {
      if (mark.closest(selector)) info.regions[selector] = (info.regions[selector] ?? 0) + 1;
    }
  }
  return Array.from(byId.values()).map((info) => ({ ...info, text: info.text.replace(/\s+/g, ' ').trim() }));
};

export const countMarks: PageFunction<null, number> = () => document.querySelectorAll('claimlens-mark').length;

/** Empties the extension's storage.local (run through session.inExtension): a fresh profile's state. */
export const clearExtensionStorage: PageFunction<null, void> = async () => {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome?: typeof chrome };
  await (g.browser ?? g.chrome)!.storage.local.clear();
};

export const bodyInnerText: PageFunction<null, string> = () => document.body.innerText;

/** Ask the content script for its state, waiting until it reports one of `statuses`. */
export async function waitForStatus(
  session: BrowserSession,
  tabId: number,
  statuses: readonly PageStatus[],
  timeoutMs = 20_000,
): Promise<PageState> {
  let state: PageState | null = null;
  await pollUntil(
    async () => {
      state = await session.sendToTab<PageState>(tabId, 'getPageState');
      return statuses.includes(state.status);
    },
    () => `page status in [${statuses.join(', ')}] (last: ${state === null ? 'none' : (state as PageState).status})`,
    timeoutMs,
    100,
  );
  return state as unknown as PageState;
}

/**
 * Tags the first element matching `selector` (and, when given, whose text is `text`) so a test can
 * click it with real input: `await page.click(await target(page, 'button', 'Save'))`.
 */
export async function target(page: PageHandle, selector: string, text?: string): Promise<string> {
  const tag = `t${Math.random().toString(36).slice(2, 10)}`;
  await page.waitFor(
    ({ selector, text, tag }) => {
      const found = Array.from(document.querySelectorAll(selector)).find(
        (element) => text === null || (element.textContent ?? '').trim() === text,
      );
      found?.setAttribute('data-e2e-target', tag);
      return found !== undefined;
    },
    { selector, text: text ?? null, tag },
    `an element ${selector}${text ? ` with text "${text}"` : ''}`,
  );
  return `[data-e2e-target="${tag}"]`;
}

/** Moves the pointer onto the first line of a claim's first mark (a claim's box spans lines). */
export async function hoverMark(page: PageHandle, spanId: string): Promise<void> {
  const point = await page.evaluate((id) => {
    const mark = document.querySelector(`claimlens-mark[data-claimlens-id="${id}"]`) as HTMLElement | null;
    if (!mark) return null;
    mark.scrollIntoView({ block: 'center' });
    const rect = mark.getClientRects()[0] as DOMRect;
    return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
  }, spanId);
  if (!point) throw new Error(`no mark for ${spanId}`);
  await page.mouseMove(point.x, point.y);
}

/** The card state, once `expected` holds. */
export async function waitForCard(
  session: BrowserSession,
  tabId: number,
  expected: (card: CardState) => boolean,
  what: string,
): Promise<CardState> {
  let card: CardState = { open: false };
  await pollUntil(
    async () => expected((card = await session.sendToTab<CardState>(tabId, 'getCardState'))),
    () => `${what} (card: ${JSON.stringify(card)})`,
    5000,
  );
  return card;
}
