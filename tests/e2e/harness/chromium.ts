/**
 * Chromium (the system /usr/bin/chromium) with the built MV3 extension, driven by playwright-core.
 * Extensions need a persistent context; the profile lives in a fresh temporary folder.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  VIEWPORT,
  buildSession,
  pollUntil,
  type BrowserSession,
  type PageFunction,
  type PageHandle,
} from './session';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** CLAIMLENS_OUTPUT: another build folder than .output (e.g. a copy that a parallel build cannot touch). */
export const CHROME_EXTENSION_DIR = path.resolve(process.env.CLAIMLENS_OUTPUT ?? '.output', 'chrome-mv3');

export interface ChromiumOptions {
  extensionDir?: string;
  /** Abort every request that does not go to 127.0.0.1 (pages from the corpus must stay offline). */
  offline?: boolean;
  /** Let injected scripts run on pages whose Content-Security-Policy forbids them (the bench). */
  bypassCSP?: boolean;
}

export interface ChromiumSession extends BrowserSession {
  readonly context: BrowserContext;
  /** The Chromium version string, e.g. "156.0.8078.108". */
  readonly version: string;
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  const extensionDir = options.extensionDir ?? CHROME_EXTENSION_DIR;
  const profile = await mkdtemp(path.join(tmpdir(), 'claimlens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: VIEWPORT,
    bypassCSP: options.bypassCSP ?? false,
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  try {
    if (options.offline) {
      await context.route(/.*/, (route) => {
        const url = new URL(route.request().url());
        const local =
          url.hostname === '127.0.0.1' || ['data:', 'blob:', 'chrome-extension:'].includes(url.protocol);
        return local ? route.continue() : route.abort('blockedbyclient');
      });
    }
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    const extensionOrigin = `chrome-extension://${extensionId}/`;
    const version = context.browser()?.version() ?? (await readVersion(context));
    return createSession(context, extensionOrigin, version, profile);
  } catch (error) {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

async function readVersion(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  try {
    const agent = await page.evaluate(() => navigator.userAgent);
    return /Chrome\/([\d.]+)/.exec(agent)?.[1] ?? 'unknown';
  } finally {
    await page.close();
  }
}

function createSession(
  context: BrowserContext,
  extensionOrigin: string,
  version: string,
  profile: string,
): ChromiumSession {
  const session = buildSession({
    name: 'chromium',
    extensionOrigin,
    async openPage(url) {
      const page = await context.newPage();
      if (url) await page.goto(url);
      return wrapPage(page);
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  });
  return { ...session, context, version };
}

/**
 * The page that has the focus. Opening a tab (the popup, the page the extension APIs are called
 * from) moves the focus away, and a background page gets no focus events: input to a page first
 * brings it to the front, as a user would.
 */
let foreground: Page | null = null;

async function toFront(page: Page): Promise<void> {
  if (foreground === page) return;
  await page.bringToFront();
  foreground = page;
}

export function wrapPage(page: Page): PageHandle {
  foreground = page;
  return {
    url: () => page.url(),
    async goto(url) {
      await page.goto(url);
    },
    async reload() {
      await toFront(page);
      await page.reload();
    },
    async setContent(html) {
      await page.setContent(html);
    },
    evaluate: <A, R>(fn: PageFunction<A, R>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => Promise<unknown>, arg as unknown) as Promise<R>,
    waitFor: (fn, arg, message, timeoutMs) =>
      pollUntil(() => page.evaluate(fn as (arg: unknown) => Promise<unknown>, arg), message, timeoutMs),
    async hover(selector) {
      await toFront(page);
      await page.hover(selector);
    },
    async click(selector) {
      await toFront(page);
      await page.click(selector);
    },
    async press(key) {
      await toFront(page);
      await page.keyboard.press(key);
    },
    async type(text) {
      await toFront(page);
      await page.keyboard.type(text);
    },
    async mouseMove(x, y) {
      await toFront(page);
      await page.mouse.move(x, y);
    },
    async screenshot(file, options) {
      await page.screenshot({ path: file, fullPage: options?.fullPage ?? false });
    },
    bringToFront: () => toFront(page),
    async setInputFile(selector, file) {
      await page.setInputFiles(selector, file);
    },
    async addScript(file) {
      await page.addScriptTag({ path: file });
    },
    async close() {
      if (foreground === page) foreground = null;
      await page.close();
    },
  };
}
