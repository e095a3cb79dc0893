/**
 * Schema versions of the annotation store and the migrations between them.
 *
 *   v1  one item `local:annotations` = { [id]: AnnotationV1 } (+ optional `local:sources` = { [id]: SourceNote })
 *   v2  one key per record: `local:annotation:<id>`, `local:source:<id>` (see storage-keys.ts)
 *
 * @wxt-dev/storage has per-item `version`/`migrations` (defineItem), but they transform the value of
 * one key in place, run as soon as the item is defined, and only log a failure. v1→v2 fans one key
 * out into many and must not lose data if it fails half-way, so it has its own small runner; the
 * version is recorded in the `local:annotationsSchemaVersion` item.
 *
 * Crash safety: v2 records are written (one storage.set batch) and read back BEFORE the v1 item is
 * touched; the v1 item is then removed, or, if some of its records were invalid, rewritten to hold
 * only those (they are reported by corruptRecords()). Re-running is harmless: a v2 record that is
 * already there with the same or a newer `modified` is never overwritten.
 */
import { storage } from 'wxt/utils/storage';
import { normalizeIsoTime, parseAnnotation, parseSourceNote } from './validate';
import type { Annotation, SourceNote } from './model';
import type { Selector } from './selectors';
import type { Verdict } from './verdicts';
import {
  LEGACY_ANNOTATIONS_KEY,
  LEGACY_SOURCES_KEY,
  SCHEMA_VERSION_KEY,
  annotationKey,
  local,
  sourceKey,
} from './storage-keys';

export const CURRENT_SCHEMA_VERSION = 2;

/** The annotation shape of schema version 1. */
export interface AnnotationV1 {
  id: string;
  type?: 'Annotation';
  created: string;
  modified?: string;
  target: { source: string; selector: Selector[] };
  body: { verdict: Verdict | null; note: string; sourceIds: string[] };
}

/** v1 → v2 for one record: the body gains type/tags and `sourceIds` becomes `sources`. */
export function upgradeAnnotationV1(record: unknown, id: string): ReturnType<typeof parseAnnotation> {
  if (typeof record !== 'object' || record === null) return { ok: false, error: 'not an object' };
  const v1 = record as Partial<AnnotationV1> & Record<string, unknown>;
  const body = (typeof v1.body === 'object' && v1.body !== null ? v1.body : {}) as Partial<AnnotationV1['body']>;
  const created = normalizeIsoTime(v1.created);
  return parseAnnotation({
    id: typeof v1.id === 'string' ? v1.id : id,
    type: 'Annotation',
    created,
    // v1 records written before `modified` existed count as unmodified since creation.
    modified: v1.modified ?? created,
    target: v1.target,
    body: {
      type: 'ClaimLensAssessment',
      verdict: body.verdict ?? null,
      note: body.note ?? '',
      tags: [],
      sources: body.sourceIds ?? [],
    },
  });
}

type Records = { annotations: Annotation[]; sources: SourceNote[] };

/** Converts the v1 items; `leftovers` are the entries that failed validation, keyed as in v1. */
export function convertV1(
  legacyAnnotations: unknown,
  legacySources: unknown,
): Records & { leftoverAnnotations: Record<string, unknown>; leftoverSources: Record<string, unknown> } {
  const out = {
    annotations: [] as Annotation[],
    sources: [] as SourceNote[],
    leftoverAnnotations: {} as Record<string, unknown>,
    leftoverSources: {} as Record<string, unknown>,
  };
  if (typeof legacyAnnotations === 'object' && legacyAnnotations !== null) {
    for (const [id, record] of Object.entries(legacyAnnotations)) {
      const parsed = upgradeAnnotationV1(record, id);
      if (parsed.ok) out.annotations.push(parsed.value);
      else out.leftoverAnnotations[id] = record;
    }
  }
  if (typeof legacySources === 'object' && legacySources !== null) {
    for (const [id, record] of Object.entries(legacySources)) {
      const parsed = parseSourceNote(record, { unsafeUrl: 'drop' });
      if (parsed.ok) out.sources.push(parsed.value);
      else out.leftoverSources[id] = record;
    }
  }
  return out;
}

function isNewer(candidate: { modified: string }, existing: unknown): boolean {
  const existingModified = (existing as { modified?: unknown } | null)?.modified;
  if (typeof existingModified !== 'string') return true; // absent or unreadable: the candidate wins
  const existingMs = Date.parse(existingModified);
  return !Number.isFinite(existingMs) || Date.parse(candidate.modified) > existingMs;
}

async function migrateV1ToV2(): Promise<void> {
  const [legacyAnnotations, legacySources] = await Promise.all([
    storage.getItem<unknown>(local(LEGACY_ANNOTATIONS_KEY)),
    storage.getItem<unknown>(local(LEGACY_SOURCES_KEY)),
  ]);
  const converted = convertV1(legacyAnnotations, legacySources);
  const candidates = [
    ...converted.annotations.map((record) => ({ key: local(annotationKey(record.id)), value: record as Annotation | SourceNote })),
    ...converted.sources.map((record) => ({ key: local(sourceKey(record.id)), value: record as Annotation | SourceNote })),
  ];

  // 1. Write the v2 records, never over a v2 record that is as new or newer (idempotent re-runs).
  if (candidates.length > 0) {
    const existing = await storage.getItems(candidates.map((c) => c.key));
    const toWrite = candidates.filter((c, i) => isNewer(c.value, existing[i]?.value));
    if (toWrite.length > 0) {
      await storage.setItems(toWrite);
      // 2. Read back before anything of v1 is removed: a write that silently did not land must not cost data.
      const check = await storage.getItems(toWrite.map((c) => c.key));
      if (check.some((entry) => entry.value === null || entry.value === undefined)) {
        throw new Error('annotation migration: v2 records did not persist; v1 data kept');
      }
    }
  }
  // 3. Record the new version, then 4. shrink the v1 items to what could not be converted.
  await storage.setItem(local(SCHEMA_VERSION_KEY), 2);
  await shrinkOrRemove(LEGACY_ANNOTATIONS_KEY, legacyAnnotations, converted.leftoverAnnotations);
  await shrinkOrRemove(LEGACY_SOURCES_KEY, legacySources, converted.leftoverSources);
}

async function shrinkOrRemove(key: string, original: unknown, leftovers: Record<string, unknown>): Promise<void> {
  if (original === null || original === undefined) return;
  if (Object.keys(leftovers).length === 0) await storage.removeItem(local(key));
  else await storage.setItem(local(key), leftovers);
}

export interface SchemaStatus {
  version: number;
  /** Set when a migration failed; the store keeps serving the v1 data read-only meanwhile. */
  error?: string;
  /** Set when this call migrated records: storage read before it is out of date. */
  migrated?: true;
}

/**
 * Brings storage to CURRENT_SCHEMA_VERSION. Runs the v1→v2 migration when v1 data is present (also
 * when a previous run was interrupted after recording the version), and marks a fresh install as v2.
 */
export async function ensureSchema(): Promise<SchemaStatus> {
  const [version, legacyAnnotations, legacySources] = await Promise.all([
    storage.getItem<number>(local(SCHEMA_VERSION_KEY)),
    storage.getItem<unknown>(local(LEGACY_ANNOTATIONS_KEY)),
    storage.getItem<unknown>(local(LEGACY_SOURCES_KEY)),
  ]);
  if (typeof version === 'number' && version > CURRENT_SCHEMA_VERSION) {
    return { version, error: `Annotations were saved by a newer version of ClaimLens (schema ${version}).` };
  }
  const hasLegacy = legacyAnnotations != null || legacySources != null;
  const legacyConvertible = hasLegacy && hasConvertibleLegacy(legacyAnnotations, legacySources);
  if (legacyConvertible) {
    await migrateV1ToV2();
    return { version: CURRENT_SCHEMA_VERSION, migrated: true };
  }
  if (version !== CURRENT_SCHEMA_VERSION) await storage.setItem(local(SCHEMA_VERSION_KEY), CURRENT_SCHEMA_VERSION);
  return { version: CURRENT_SCHEMA_VERSION };
}

/** Leftover invalid v1 entries alone do not trigger another migration run on every start. */
function hasConvertibleLegacy(legacyAnnotations: unknown, legacySources: unknown): boolean {
  const converted = convertV1(legacyAnnotations, legacySources);
  return converted.annotations.length > 0 || converted.sources.length > 0;
}
