/**
 * Firefox ESR (the system /usr/bin/firefox-esr) with the built MV2 extension, driven by
 * puppeteer-core over WebDriver BiDi. The extension is installed as a temporary add-on; its
 * internal UUID is pinned by a preference so its pages have a known moz-extension:// origin.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import path from 'node:path';
import {
  VIEWPORT,
  buildSession,
  pollUntil,
  type BrowserSession,
  type PageFunction,
  type PageHandle,
} from './session';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** CLAIMLENS_OUTPUT: another build folder than .output (see chromium.ts). */
export const FIREFOX_EXTENSION_DIR = path.resolve(process.env.CLAIMLENS_OUTPUT ?? '.output', 'firefox-mv2');
/** The gecko id of wxt.config.ts. */
export const GECKO_ID = 'claimlens@claimlens.example';
const FIXED_UUID = '6c1a9e52-3c1e-4d6b-9b57-c1a1e0c0ffee';

export interface FirefoxSession extends BrowserSession {
  readonly browser: Browser;
}

export async function launchFirefox(extensionDir = FIREFOX_EXTENSION_DIR): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: VIEWPORT,
    // Firefox 153+ lets WebDriver navigate to moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIXED_UUID }),
      // Quiet, offline browser: no updates, telemetry or remote settings.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'extensions.update.enabled': false,
    },
  });
  try {
    await browser.installExtension(extensionDir);
    return createSession(browser, `moz-extension://${FIXED_UUID}/`);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

function createSession(browser: Browser, extensionOrigin: string): FirefoxSession {
  const session = buildSession({
    name: 'firefox',
    extensionOrigin,
    async openPage(url, options = {}) {
      const page = await browser.newPage(
        options.window ? { type: 'window', background: options.background ?? false } : { background: options.background ?? false },
      );
      const handle = wrapPage(page, { foreground: !options.background });
      if (url?.startsWith('moz-extension:')) await gotoExtensionPage(page, url);
      else if (url) await page.goto(url);
      return handle;
    },
    close: () => browser.close(),
  });
  return { ...session, browser };
}

/**
 * Firefox never reports the end of a WebDriver navigation to an extension page, so Puppeteer's
 * goto would time out although the page loads: start it, then wait for the document ourselves.
 */
async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url, { timeout: 15_000 }).catch(() => undefined);
  await pollUntil(
    () => page.evaluate((expected) => location.href === expected && document.readyState === 'complete', url),
    `extension page ${url} to load`,
    15_000,
  );
}

/** Same as gotoExtensionPage: the reload's end is never reported, so watch for the new document. */
async function reloadExtensionPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __e2eOldDocument?: boolean }).__e2eOldDocument = true;
  });
  void page.reload({ timeout: 15_000 }).catch(() => undefined);
  await pollUntil(
    () =>
      page.evaluate(
        () =>
          !(window as unknown as { __e2eOldDocument?: boolean }).__e2eOldDocument && document.readyState === 'complete',
      ),
    'extension page to reload',
    15_000,
  );
}

/**
 * The page that has the focus. Opening a tab (the popup, the page the extension APIs are called
 * from) moves the focus away, and Firefox sends no focus events to a background tab: input to a
 * page first brings it to the front, as a user would.
 */
let foreground: Page | null = null;

async function toFront(page: Page): Promise<void> {
  if (foreground === page) return;
  await page.bringToFront();
  foreground = page;
}

function wrapPage(page: Page, { foreground: takesFocus = true } = {}): PageHandle {
  if (takesFocus) foreground = page;
  return {
    url: () => page.url(),
    async goto(url) {
      if (url.startsWith('moz-extension:')) await gotoExtensionPage(page, url);
      else await page.goto(url);
    },
    async reload() {
      await toFront(page);
      const href = await page.evaluate(() => location.href);
      if (href.startsWith('moz-extension:')) await reloadExtensionPage(page);
      else await page.reload();
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
      await page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
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
      await page.screenshot({ path: file as `${string}.png`, fullPage: options?.fullPage ?? false });
    },
    bringToFront: () => toFront(page),
    async setInputFile(selector, file) {
      const input = await page.waitForSelector(selector);
      if (!input) throw new Error(`no ${selector}`);
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
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
