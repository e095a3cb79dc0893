import { defineConfig } from 'wxt';
import { LAZY_SCRIPTS } from './features/lazy/scripts';
import { BUILD_TARGET } from './tools/lib/build-target';

// Every import is explicit (imports: false): a reader sees where each name comes from.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'ClaimLens',
    description:
      'Highlights the check-worthy claims of news articles and keeps your fact-check notes on your machine.',
    // storage: annotations and source notes. contextMenus: "Annotate selection".
    // activeTab + scripting are not needed: the content script is declared for http(s) pages only.
    permissions: ['storage', 'contextMenus'],
    // Parts of the content script it imports when a page needs them (features/lazy/). Chrome: a URL
    // that changes every session, so a page cannot probe for ClaimLens through it; Firefox's
    // extension URLs are random per install.
    web_accessible_resources:
      browser === 'firefox'
        ? [...LAZY_SCRIPTS]
        : [{ resources: [...LAZY_SCRIPTS], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Turn ClaimLens highlights off or on everywhere',
      },
      'annotate-selection': {
        // Not Alt+Shift+A (nor N, C): Chromium keeps those for itself and leaves the command unbound.
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Annotate the selected text',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'claimlens@claimlens.example',
              // 140: the first version that reads data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    // ES2022 as written (both browsers' minimum versions run it all). Vite's default browser targets
    // make esbuild rewrite every `/\p{…}/u` literal into a `new RegExp(…)` call, which the claim
    // code's loops would then run again and again; bench pages are bundled for the same target.
    build: { target: BUILD_TARGET },
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
