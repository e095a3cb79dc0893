/** Launch a browser with the built extension by name: the entry point of every scenario. */
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, BrowserSession } from './session';

export * from './session';
export { startStaticServer, type StaticServer } from './static-server';

export function launchBrowser(name: BrowserName): Promise<BrowserSession> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}
