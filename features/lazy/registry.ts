/**
 * Parts of the content script loaded only when a page needs them (features/lazy/load-lazy-module.ts):
 * the card's interface when a card first opens, the annotation code when the page has annotations.
 * Each is built as its own script (entrypoints/<name>.ts) that hands its module over here.
 *
 * `import()` of an extension file evaluates it in the content script's isolated world, so this
 * registry lives on the content script's own global object: the page never sees it.
 */
import type { anchorMany } from '../../core/anchoring/anchor';
import type { createAnnotationStore } from '../../core/annotations/store';
import type { createAnnotationActions } from '../annotation-actions';
import type { CardUi } from '../card-ui/contract';

export interface LazyModules {
  'card-ui': CardUi;
  /** Reading, saving and anchoring annotations (features/annotation-access.ts). */
  annotations: {
    anchorMany: typeof anchorMany;
    createAnnotationStore: typeof createAnnotationStore;
    createAnnotationActions: typeof createAnnotationActions;
  };
}

export type LazyModuleName = keyof LazyModules;

/**
 * A symbol, not a name: a page can put named elements on `window` (`<div id="…">`, seen from every
 * world), never a symbol-keyed property on the content script's global.
 */
const REGISTRY_KEY = Symbol.for('claimlens.lazy-modules');

type Registry = Partial<LazyModules>;

function registry(): Registry {
  const global = globalThis as { [REGISTRY_KEY]?: Registry };
  return (global[REGISTRY_KEY] ??= {});
}

/** Called by a lazily loaded script when it runs. */
export function provideLazyModule<Name extends LazyModuleName>(name: Name, module: LazyModules[Name]): void {
  registry()[name] = module;
}

export function providedLazyModule<Name extends LazyModuleName>(name: Name): LazyModules[Name] | null {
  return registry()[name] ?? null;
}
