/** Screenshots from the real browsers go to docs/screenshots/, named <browser>-<what>.png. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const SCREENSHOT_DIR = path.resolve('docs/screenshots');

export function screenshotPath(browser: string, name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, `${browser}-${name}.png`);
}
