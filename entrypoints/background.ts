/**
 * The background: keyboard commands and the "Annotate selection" context-menu entry. It holds no
 * state; the work happens in the content script, reached through the typed messages.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { sendMessage } from '../core/messaging/protocol';
import { highlightSettings } from '../core/settings';

const MENU_ANNOTATE = 'claimlens-annotate-selection';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    // Menus persist across restarts; removeAll first so an update does not find a duplicate id.
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ANNOTATE,
        title: 'Annotate selection with ClaimLens',
        contexts: ['selection'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      }),
    );
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ANNOTATE && tab?.id !== undefined) void annotateIn(tab.id);
  });

  browser.commands.onCommand.addListener((command) => {
    if (isCommand(command)) void COMMANDS[command]();
  });
});

/** The manifest's commands (wxt.config.ts) and what each does. */
const COMMANDS = {
  'toggle-highlights': () => highlightSettings.toggleGlobal(),
  'annotate-selection': () => annotateInActiveTab(),
} satisfies Record<string, () => Promise<unknown>>;

function isCommand(name: string): name is keyof typeof COMMANDS {
  return Object.hasOwn(COMMANDS, name);
}

async function annotateInActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined) await annotateIn(tab.id);
}

async function annotateIn(tabId: number): Promise<void> {
  try {
    await sendMessage('annotateSelection', undefined, tabId);
  } catch {
    // No content script there (a browser page, the web store, a PDF): nothing to annotate.
  }
}
