/**
 * Storage layout (schema version 2), all in the `local:` area of @wxt-dev/storage:
 *
 *   annotation:<id>            one Annotation per key
 *   source:<id>                one SourceNote per key
 *   trash:annotation:<id>      { deletedAt, record } — a deleted annotation, kept TRASH_RETENTION_MS for undo
 *   annotationsSchemaVersion   2 once the layout is per-record (absent on a fresh install until first use)
 *
 * Schema version 1 (the first release) kept everything in one item:
 *   annotations                { [id]: AnnotationV1 }
 *   sources                    { [id]: SourceNote }   (optional)
 *
 * One key per record means two tabs saving different annotations never overwrite each other: a
 * storage.local.set() replaces whole values, so a single shared item would lose one tab's change.
 */

export const ANNOTATION_PREFIX = 'annotation:';
export const SOURCE_PREFIX = 'source:';
export const TRASH_PREFIX = 'trash:';
export const SCHEMA_VERSION_KEY = 'annotationsSchemaVersion';
export const LEGACY_ANNOTATIONS_KEY = 'annotations';
export const LEGACY_SOURCES_KEY = 'sources';

export const annotationKey = (id: string): string => ANNOTATION_PREFIX + id;
export const sourceKey = (id: string): string => SOURCE_PREFIX + id;
export const trashKey = (id: string): string => TRASH_PREFIX + annotationKey(id);

/** With the `local:` area prefix @wxt-dev/storage expects. */
export const local = (key: string): `local:${string}` => `local:${key}`;

/** Keys whose changes concern annotation data (for watch()). */
export function isAnnotationDataKey(key: string): boolean {
  return (
    key.startsWith(ANNOTATION_PREFIX) ||
    key.startsWith(SOURCE_PREFIX) ||
    key.startsWith(TRASH_PREFIX) ||
    key === SCHEMA_VERSION_KEY ||
    key === LEGACY_ANNOTATIONS_KEY ||
    key === LEGACY_SOURCES_KEY
  );
}
