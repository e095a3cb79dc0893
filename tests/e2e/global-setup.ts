/** Fails fast, with the fix in the message, when the extension is not built or a browser is missing. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH, CHROME_EXTENSION_DIR } from './harness/chromium';
import { FIREFOX_PATH, FIREFOX_EXTENSION_DIR } from './harness/firefox';

export default function setup(): void {
  const missing: string[] = [];
  for (const dir of [CHROME_EXTENSION_DIR, FIREFOX_EXTENSION_DIR]) {
    if (!existsSync(path.join(dir, 'manifest.json'))) missing.push(`${dir} (run \`npm run build\`)`);
  }
  for (const executable of [CHROMIUM_PATH, FIREFOX_PATH]) {
    if (!existsSync(executable)) missing.push(`${executable} (run \`bash .ci/run\` to install it)`);
  }
  if (missing.length > 0) throw new Error(`End-to-end tests need:\n  ${missing.join('\n  ')}`);
}
