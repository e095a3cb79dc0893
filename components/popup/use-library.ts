import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Annotation, SourceNote } from '../../core/annotations/model';
import type { PopupStore } from './deps';

export interface Library {
  loaded: boolean;
  annotations: Annotation[];
  sources: SourceNote[];
  /** Ids of stored records that could not be read (shown, never silently dropped). */
  corrupt: string[];
  /** A plain message when storage could not be read. */
  error: string | null;
}

/**
 * All annotations and source notes, kept fresh: the store's watch fires on every change made by
 * the popup, the in-page editor or another window.
 */
export function useLibrary(store: PopupStore): Library & { refresh(): Promise<void> } {
  const [library, setLibrary] = useState<Library>({ loaded: false, annotations: [], sources: [], corrupt: [], error: null });

  const refresh = useCallback(async () => {
    try {
      const [annotations, sources, corrupt] = await Promise.all([
        store.listAnnotations(),
        store.listSources(),
        store.corruptRecords().catch(() => []),
      ]);
      setLibrary({ loaded: true, annotations, sources, corrupt, error: null });
    } catch (error) {
      setLibrary((current) => ({ ...current, loaded: true, error: `Could not read your notes from browser storage: ${messageOf(error)}` }));
    }
  }, [store]);

  useEffect(() => {
    void refresh();
    return store.watch(() => void refresh());
  }, [store, refresh]);

  return { ...library, refresh };
}

export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'unknown error';
}
