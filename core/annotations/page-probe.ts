/**
 * A quick look at a storage snapshot: may it hold annotations of this page? Nothing is validated, so
 * it is cheap; a yes only means the annotation code (store, validation, anchoring) is worth loading
 * (features/annotation-access.ts). Most pages have no annotations and never load it, and a card
 * opened where no source note is stored does not load it for an empty library either.
 */
import { canonicalizeUrl } from './canonical-url';
import { ANNOTATION_PREFIX, LEGACY_ANNOTATIONS_KEY, LEGACY_SOURCES_KEY, SOURCE_PREFIX } from './storage-keys';

/** Every key and value of storage.local (browser.storage.local.get(null), which is what storage.snapshot('local') reads). */
export type StorageSnapshot = Readonly<Record<string, unknown>>;

/** The forms a stored target's source may take for a page's URL: as given and canonicalised. */
export function sourceForms(source: string): ReadonlySet<string> {
  return new Set([source, canonicalizeUrl(source)]);
}

/** The `target.source` of a stored annotation record, unvalidated (undefined when it has none). */
export function storedSourceOf(record: unknown): unknown {
  return (record as { target?: { source?: unknown } } | null)?.target?.source;
}

/** `sources`: the page's sourceForms. */
export function mayHoldAnnotationsOf(snapshot: StorageSnapshot, sources: ReadonlySet<string>): boolean {
  const ofThisPage = (record: unknown): boolean => {
    const source = storedSourceOf(record);
    return typeof source === 'string' && sources.has(source);
  };
  for (const [key, value] of Object.entries(snapshot)) {
    if (key.startsWith(ANNOTATION_PREFIX) && !key.endsWith('$') && ofThisPage(value)) return true;
  }
  // The first schema version's one item ({ [id]: record }): only the store can read and migrate it,
  // so a record of this page there loads it. Records of other pages do not, nor what a migration
  // left behind because it could not be read: that would load the annotation code on every page.
  const legacy = snapshot[LEGACY_ANNOTATIONS_KEY];
  return typeof legacy === 'object' && legacy !== null && Object.values(legacy).some(ofThisPage);
}

/** May the snapshot hold source notes (the library a card links annotations to)? */
export function mayHoldSourceNotes(snapshot: StorageSnapshot): boolean {
  // Data of the first schema version: only the store can read (and migrate) it.
  if (snapshot[LEGACY_SOURCES_KEY] != null) return true;
  return Object.keys(snapshot).some((key) => key.startsWith(SOURCE_PREFIX) && !key.endsWith('$'));
}
