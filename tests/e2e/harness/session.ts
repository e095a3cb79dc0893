/**
 * One interface over Playwright (Chromium) and Puppeteer (Firefox) so every end-to-end scenario is
 * written once and run in both browsers with the built extension loaded.
 */

export type BrowserName = 'chromium' | 'firefox';

export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/** A function run inside a page. It is serialized: it may only use its argument and page globals. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

export interface PageHandle {
  /** The page's current URL. */
  url(): string;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Replace the document (about:blank pages are not matched by the content script). */
  setContent(html: string): Promise<void>;
  evaluate<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R>;
  /** Polls `fn` in the page until it returns a truthy value; throws `message` on timeout. */
  waitFor<A>(fn: PageFunction<A, unknown>, arg: A, message: string, timeoutMs?: number): Promise<void>;
  hover(selector: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** A key name as both drivers spell it: 'Tab', 'Enter', 'Escape', 'ArrowDown'… */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  screenshot(file: string, options?: { fullPage?: boolean }): Promise<void>;
  /**
   * Make this the visible, focused tab. Input does it by itself; a test calls it when the page must
   * be visible without input (a background tab does not animate, e.g. smooth scrolling).
   */
  bringToFront(): Promise<void>;
  /** Choose a file in an <input type=file>, as the file chooser would. */
  setInputFile(selector: string, file: string): Promise<void>;
  /** Add a script file to the page's own world (the bench injects Readability this way). */
  addScript(file: string): Promise<void>;
  close(): Promise<void>;
}

/** The reply envelope of @webext-core/messaging: `{ res }` on success, `{ err }` when the handler threw. */
export interface MessagingReply<T> {
  res?: T;
  err?: { message?: string };
}

export interface BrowserSession {
  readonly name: BrowserName;
  /** e.g. chrome-extension://<id>/ or moz-extension://<uuid>/ */
  readonly extensionOrigin: string;
  newPage(url?: string): Promise<PageHandle>;
  /** The browser's tab id of an open page (found by URL through the extension's tabs API). */
  tabIdOf(page: PageHandle): Promise<number>;
  /**
   * Send a typed message of core/messaging/protocol.ts to the content script of a tab, the way the
   * popup does (same wire format as @webext-core/messaging), from an extension page.
   */
  sendToTab<T>(tabId: number, type: string, data?: unknown): Promise<T>;
  /** Run a function in an extension page (has the `browser`/`chrome` extension APIs). */
  inExtension<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R>;
  /** Open the popup UI as a page for a given tab: popup.html?tab=<tabId>. */
  openPopup(tabId: number): Promise<PageHandle>;
  close(): Promise<void>;
}

export const VIEWPORT = { width: 1280, height: 900 } as const;

/**
 * The in-page half of `sendToTab`: builds the @webext-core/messaging envelope and sends it with the
 * extension API of the page it runs in (Firefox: promise-based `browser`; Chrome MV3: `chrome`).
 */
export const sendTabMessageInPage: PageFunction<
  { tabId: number; type: string; data: unknown },
  MessagingReply<unknown> | undefined
> = async ({ tabId, type, data }) => {
  const g = globalThis as unknown as {
    browser?: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
    chrome?: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
  };
  const api = g.browser ?? g.chrome;
  if (!api) throw new Error('no extension API in this page');
  const message = { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
  return (await api.tabs.sendMessage(tabId, message)) as MessagingReply<unknown> | undefined;
};

/** The in-page half of `tabIdOf`: all tabs with their URLs. */
export const listTabsInPage: PageFunction<null, Array<{ id?: number; url?: string }>> = async () => {
  const g = globalThis as unknown as {
    browser?: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
    chrome?: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
  };
  const api = g.browser ?? g.chrome;
  if (!api) throw new Error('no extension API in this page');
  return api.tabs.query({});
};

export function unwrapReply<T>(type: string, reply: MessagingReply<T> | undefined): T {
  if (reply == null) throw new Error(`no reply to "${type}" (is the content script loaded?)`);
  if (reply.err) throw new Error(`"${type}" failed in the content script: ${reply.err.message ?? 'error'}`);
  return reply.res as T;
}

/** Shared polling loop (the two drivers' own wait helpers take their arguments differently). */
export async function pollUntil(
  check: () => Promise<unknown>,
  message: string | (() => string),
  timeoutMs = 10_000,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      if (await check()) return;
      lastError = null;
    } catch (error) {
      // Navigation in progress destroys the execution context: try again.
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      const what = typeof message === 'string' ? message : message();
      throw new Error(`timed out after ${timeoutMs} ms: ${what}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Find a tab id by URL, retrying briefly (a just-opened tab may not be listed yet, its content
 * script may not be listening yet). Without the "tabs" permission Chromium hides the URL of web
 * pages from tabs.query, so tabs without a URL are asked for their page state, which names it.
 */
export async function findTabId(
  listTabs: () => Promise<Array<{ id?: number; url?: string }>>,
  askUrl: (tabId: number) => Promise<string | null>,
  url: string,
): Promise<number> {
  let found: number | undefined;
  await pollUntil(async () => {
    const tabs = await listTabs();
    found = tabs.find((tab) => tab.url === url)?.id;
    if (found !== undefined) return true;
    for (const tab of tabs) {
      if (tab.url !== undefined || tab.id === undefined) continue;
      const pageUrl = await askUrl(tab.id).catch(() => null);
      if (pageUrl === url) {
        found = tab.id;
        return true;
      }
    }
    return false;
  }, `a tab with URL ${url}`);
  return found as number;
}

/** What a driver (Playwright or Puppeteer) provides; `buildSession` adds the extension plumbing. */
export interface OpenOptions {
  /** Open without taking the focus from the current page (the page the extension APIs run in). */
  background?: boolean;
  /** Open in a window of its own, so the page below stays visible (the popup over its page). */
  window?: boolean;
}

export interface Driver {
  name: BrowserName;
  extensionOrigin: string;
  openPage(url?: string, options?: OpenOptions): Promise<PageHandle>;
  close(): Promise<void>;
}

export function buildSession(driver: Driver): BrowserSession {
  // An extension page kept open for calls into the extension APIs (tabs.query, tabs.sendMessage,
  // storage). It is the popup for a tab that does not exist, so it touches no page under test.
  let apiPage: Promise<PageHandle> | null = null;
  const extensionPage = (): Promise<PageHandle> =>
    (apiPage ??= driver.openPage(`${driver.extensionOrigin}popup.html?tab=-1`, { background: true }));
  const inExtension = async <A, R>(fn: PageFunction<A, R>, arg: A): Promise<R> =>
    (await extensionPage()).evaluate(fn, arg);
  const sendToTab = async <T>(tabId: number, type: string, data?: unknown): Promise<T> => {
    const reply = await inExtension(sendTabMessageInPage, { tabId, type, data });
    return unwrapReply(type, reply as MessagingReply<T> | undefined);
  };
  return {
    name: driver.name,
    extensionOrigin: driver.extensionOrigin,
    newPage: (url) => driver.openPage(url),
    tabIdOf: (page) =>
      findTabId(
        () => inExtension(listTabsInPage, null),
        async (tabId) => (await sendToTab<{ url?: string }>(tabId, 'getPageState')).url ?? null,
        page.url(),
      ),
    sendToTab,
    inExtension,
    openPopup: (tabId) => driver.openPage(`${driver.extensionOrigin}popup.html?tab=${tabId}`, { window: true }),
    close: () => driver.close(),
  };
}
