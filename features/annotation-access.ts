/**
 * The content script's access to stored annotations, without carrying the annotation code on every
 * page: a storage snapshot is probed first (core/annotations/page-probe.ts), and the store, its
 * validation and migrations, the anchoring engine and the saving actions are loaded (features/lazy/)
 * only when the page has annotations, a card needs stored source notes, or the reader saves.
 */
import type { Annotation, SourceNote } from '../core/annotations/model';
import { mayHoldAnnotationsOf, mayHoldSourceNotes, sourceForms } from '../core/annotations/page-probe';
import { isAnnotationDataKey } from '../core/annotations/storage-keys';
import type { AnnotationStore } from '../core/annotations/store';
import { browser } from 'wxt/browser';
import type { AnnotationActions } from './annotation-actions';
import { watchLocalStorage } from '../core/local-storage-changes';
import type { LazyModules } from './lazy/registry';
import type { Anchoring, PageAnalysis } from './page-analysis';

type AnnotationsModule = LazyModules['annotations'];

export interface AnnotationAccess {
  /** The page's annotations (none without loading anything when storage holds none of them). */
  listFor(source: string): Promise<Annotation[]>;
  /** The anchoring engine (loads the annotation code). */
  anchoring(): Promise<Anchoring>;
  /** Saving from the page; each action loads the annotation code on first use. */
  actionsFor(deps: { doc: Document; analysis: PageAnalysis }): AnnotationActions;
  /** Calls back on any change to annotation data, from any tab. Returns unsubscribe. */
  watch(callback: () => void): () => void;
  /** Removes the storage listeners this access added for itself (the extension is going away). */
  stop(): void;
}

export function createAnnotationAccess(load: () => Promise<AnnotationsModule>): AnnotationAccess {
  let store: AnnotationStore | null = null;
  /** Unsubscribes of the listeners added here (the cards' library cache). */
  const own: Array<() => void> = [];
  const loadStore = async (): Promise<{ module: AnnotationsModule; store: AnnotationStore }> => {
    const module = await load();
    store ??= module.createAnnotationStore();
    return { module, store };
  };

  return {
    async listFor(source) {
      if (store) return store.listAnnotations(source);
      const snapshot = await browser.storage.local.get(null);
      if (!mayHoldAnnotationsOf(snapshot, sourceForms(source))) return [];
      // The store reads from the probe's snapshot instead of reading all of storage again.
      return (await loadStore()).store.listAnnotations(source, snapshot);
    },
    anchoring: load,
    actionsFor(deps) {
      // Not remembered until made: after a failed load, the next action tries again.
      let actions: AnnotationActions | null = null;
      const get = async (): Promise<AnnotationActions> => {
        if (actions) return actions;
        const { module, store } = await loadStore();
        return (actions ??= module.createAnnotationActions({ ...deps, store }));
      };
      const readLibrary = async (): Promise<SourceNote[]> => {
        // With no source note stored, the library is empty without loading the annotation code.
        if (!store && !mayHoldSourceNotes(await browser.storage.local.get(null))) return [];
        return (await get()).library();
      };
      // Every card that opens asks for the library: it is read once, and again only after annotation
      // data changed (in any tab) or a read failed.
      let library: Promise<SourceNote[]> | null = null;
      let watching = false;
      return {
        save: async (subject, value) => (await get()).save(subject, value),
        remove: async (annotation: Annotation) => (await get()).remove(annotation),
        createSource: async (init) => (await get()).createSource(init),
        library: () => {
          if (!watching) {
            watching = true;
            own.push(watchLocalStorage(isAnnotationDataKey, () => (library = null)));
          }
          library ??= readLibrary().catch((error: unknown) => {
            library = null;
            throw error;
          });
          return library;
        },
      };
    },
    watch: (callback) => watchLocalStorage(isAnnotationDataKey, callback),
    stop() {
      for (const unsubscribe of own.splice(0)) unsubscribe();
    },
  };
}
