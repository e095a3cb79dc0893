/**
 * A quick look at a storage snapshot: may it hold annotations of this page? Nothing is validated, so
 * it is cheap; a yes only means the annotation code (store, validation, anchoring) is worth loading
 * (features/annotation-access.ts). Most pages have no annotations and never load it.
 */
import { canonicalizeUrl } from './canonical-url';
import { ANNOTATION_PREFIX, LEGACY_ANNOTATIONS_KEY, LEGACY_SOURCES_KEY } from './storage-keys';

/** The forms a stored target's source may take for a page's URL: as given and canonicalised. */
export function sourceForms(source: string): ReadonlySet<string> {
  return new Set([source, canonicalizeUrl(source)]);
}

/** The `target.source` of a stored annotation record, unvalidated (undefined when it has none). */
export function storedSourceOf(record: unknown): unknown {
  return (record as { target?: { source?: unknown } } | null)?.target?.source;
}

/** `sources`: the page's sourceForms. */
export function mayHoldAnnotationsOf(snapshot: Readonly<Record<string, unknown>>, sources: ReadonlySet<string>): boolean {
  // Data of the first schema version: only the store can read (and migrate) it.
  if (snapshot[LEGACY_ANNOTATIONS_KEY] != null || snapshot[LEGACY_SOURCES_KEY] != null) return true;
  for (const [key, value] of Object.entries(snapshot)) {
    if (!key.startsWith(ANNOTATION_PREFIX) || key.endsWith('$')) continue;
    const source = storedSourceOf(value);
    if (typeof source === 'string' && sources.has(source)) return true;
  }
  return false;
}
