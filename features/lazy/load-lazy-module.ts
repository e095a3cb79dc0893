/**
 * Loads a lazily built part of the content script (registry.ts) on first use. Its script,
 * `<name>.js`, is listed in web_accessible_resources (scripts.ts, wxt.config.ts), which is what lets
 * a content script import it. A failed load is not remembered, so the next use tries again.
 */
import { browser } from 'wxt/browser';
import { providedLazyModule, type LazyModuleName, type LazyModules } from './registry';

const loading = new Map<LazyModuleName, Promise<unknown>>();

export function loadLazyModule<Name extends LazyModuleName>(name: Name): Promise<LazyModules[Name]> {
  const ready = providedLazyModule(name);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(name) as Promise<LazyModules[Name]> | undefined;
  if (!pending) {
    pending = (async () => {
      await import(/* @vite-ignore */ browser.runtime.getURL(`/${name}.js`));
      const module = providedLazyModule(name);
      if (!module) throw new Error(`ClaimLens: ${name} did not load`);
      return module;
    })();
    loading.set(name, pending);
    pending.catch(() => loading.delete(name));
  }
  return pending;
}
