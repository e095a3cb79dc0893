/**
 * A quick look at a storage snapshot: may it hold annotations of this page? Nothing is validated, so
 * it is cheap; a yes only means the annotation code (store, validation, anchoring) is worth loading
 * (features/annotation-access.ts). Most pages have no annotations and never load it.
 */
import { ANNOTATION_PREFIX, LEGACY_ANNOTATIONS_KEY, LEGACY_SOURCES_KEY } from './storage-keys';

/** `sources`: the page's canonical URL and the forms a stored target may use for it. */
export function mayHoldAnnotationsOf(snapshot: Readonly<Record<string, unknown>>, sources: ReadonlySet<string>): boolean {
  // Data of the first schema version: only the store can read (and migrate) it.
  if (snapshot[LEGACY_ANNOTATIONS_KEY] != null || snapshot[LEGACY_SOURCES_KEY] != null) return true;
  for (const [key, value] of Object.entries(snapshot)) {
    if (!key.startsWith(ANNOTATION_PREFIX) || key.endsWith('$')) continue;
    const source = (value as { target?: { source?: unknown } } | null)?.target?.source;
    if (typeof source === 'string' && sources.has(source)) return true;
  }
  return false;
}
