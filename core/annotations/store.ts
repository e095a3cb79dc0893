/**
 * The annotation store: annotations and source notes in browser.storage.local through
 * @wxt-dev/storage, one key per record (layout in storage-keys.ts, schema versions in migrations.ts).
 *
 * Guarantees:
 * - One unreadable record never stops the others from loading; corruptRecords() lists its key.
 * - A failed write (storage full, or any storage error) returns { ok: false, error } with a message
 *   for the user and changes nothing already stored: every save is a single storage.set().
 * - Two tabs cannot clobber each other: different records live under different keys, and saving a
 *   record whose stored `modified` is newer than the `modified` of the copy being saved is REFUSED
 *   (reason 'conflict', the stored version in `current`). No silent merge: without the version the
 *   editor started from, a merge cannot tell which side changed a field. The UI shows the message
 *   and lets the user reload; to overwrite deliberately it saves again with `modified` set to
 *   `current.modified`. A caller that sets `modified` itself passes the loaded value as
 *   `expectedModified`.
 * - The store stamps `modified` on every save (always later than the stored value), so callers keep
 *   `modified` as loaded and use the `saved` record that a successful save returns for further edits.
 *   Within one page the store serialises its writes; between tabs the read-check-write window is a
 *   few milliseconds.
 * - Deleting an annotation moves it to `trash:annotation:<id>` for TRASH_RETENTION_MS so undoDelete()
 *   can restore it. Delete operations reject with a user-facing Error if storage fails.
 */
import { storage } from 'wxt/utils/storage';
import { watchLocalStorage } from '../local-storage-changes';
import { sourceForms, storedSourceOf, type StorageSnapshot } from './page-probe';
import { TRASH_RETENTION_MS } from './limits';
import { convertV1, ensureSchema, type SchemaStatus } from './migrations';
import type { Annotation, SourceNote } from './model';
import {
  ANNOTATION_PREFIX,
  LEGACY_ANNOTATIONS_KEY,
  LEGACY_SOURCES_KEY,
  SOURCE_PREFIX,
  TRASH_PREFIX,
  annotationKey,
  isAnnotationDataKey,
  local,
  sourceKey,
  trashKey,
} from './storage-keys';
import { isQuotaError, storageErrorMessage } from './storage-errors';
import { parseAnnotation, parseSourceNote } from './validate';

export type SaveFailureReason = 'quota' | 'conflict' | 'invalid' | 'storage';

export type SaveResult<T = Annotation | SourceNote> =
  | { ok: true; /** The record as stored (with the store's `modified`). */ saved: T }
  | { ok: false; /** User-facing. */ error: string; reason: SaveFailureReason; /** On conflict: the newer stored record. */ current?: T };

export interface SaveOptions {
  /**
   * The `modified` of the record when the editor loaded it. Defaults to the saved record's own
   * `modified`, which is right when the caller leaves `modified` as loaded; a caller that bumps
   * `modified` itself must pass the loaded value here, or edits from another tab go undetected.
   */
  expectedModified?: string;
}

export interface AnnotationStore {
  /**
   * All annotations, or those of one page (the URL is canonicalized before comparing); oldest first.
   * `snapshot`: storage.local as the caller has just read it (the content script's probe), used
   * instead of reading all of it again, unless a schema migration ran in between.
   */
  listAnnotations(source?: string, snapshot?: StorageSnapshot): Promise<Annotation[]>;
  getAnnotation(id: string): Promise<Annotation | null>;
  saveAnnotation(a: Annotation, options?: SaveOptions): Promise<SaveResult<Annotation>>;
  /** Moves the annotation to the trash (restorable with undoDelete for TRASH_RETENTION_MS). */
  deleteAnnotation(id: string): Promise<void>;
  /** Restores a deleted annotation; false if it is not in the trash (or a newer copy exists). */
  undoDelete(id: string): Promise<boolean>;
  /** All source notes, oldest first. */
  listSources(): Promise<SourceNote[]>;
  getSource(id: string): Promise<SourceNote | null>;
  saveSource(s: SourceNote, options?: SaveOptions): Promise<SaveResult<SourceNote>>;
  /** Deletes the source note and removes it from every annotation that links it. */
  deleteSource(id: string): Promise<{ unlinked: number }>;
  annotationsUsingSource(id: string): Promise<Annotation[]>;
  /** Calls back on any change to annotation data, from this page or any other tab. Returns unsubscribe. */
  watch(callback: () => void): () => void;
  /** Storage keys (without the area prefix) whose value failed validation. */
  corruptRecords(): Promise<string[]>;
  /**
   * For import: writes already-validated records verbatim in ONE storage.set (all or nothing);
   * no conflict check and no `modified` stamping — the caller decided which version wins.
   */
  writeRecords(annotations: readonly Annotation[], sources: readonly SourceNote[]): Promise<SaveResult<{ written: number }>>;
}

export interface AnnotationStoreOptions {
  /** Clock, for tests. */
  now?: () => Date;
}

interface TrashEntry {
  deletedAt: string;
  record: unknown;
}

interface Contents {
  annotations: Map<string, Annotation>;
  sources: Map<string, SourceNote>;
  trash: Map<string, { deletedAt: number; record: Annotation }>;
  corrupt: string[];
}

const ms = (iso: string): number => Date.parse(iso);

/** A `modified` strictly after both the stored one and the caller's, and not before now. */
function stampAfter(now: Date, ...previous: Array<string | undefined>): string {
  let t = now.getTime();
  for (const p of previous) if (p !== undefined) t = Math.max(t, ms(p) + 1);
  return new Date(t).toISOString();
}

function failure<T>(error: unknown, what: string): SaveResult<T> {
  return { ok: false, reason: isQuotaError(error) ? 'quota' : 'storage', error: storageErrorMessage(error, what) };
}

const CONFLICT_MESSAGE =
  'This was changed in another tab or window after you opened it, so your edit was not saved. ' +
  'Reopen it to see the latest version, then make your change again.';

export function createAnnotationStore(options: AnnotationStoreOptions = {}): AnnotationStore {
  const now = options.now ?? (() => new Date());

  let schema: Promise<SchemaStatus> | null = null;
  /**
   * Migrates once per store; a failed migration is retried on the next call and never blocks reads.
   * The expired trash is purged in the store's queue: reads do not wait for it, the store's own
   * changes (undoDelete among them) run after it.
   */
  function ready(): Promise<SchemaStatus> {
    schema ??= ensureSchema()
      .then((status) => {
        void exclusive(purgeTrash).catch(() => undefined);
        return status;
      })
      .catch((error: unknown) => {
        schema = null;
        return { version: 1, error: error instanceof Error ? error.message : String(error) };
      });
    return schema;
  }

  let queue: Promise<unknown> = Promise.resolve();
  /** Serialises this store's read-modify-write operations. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads and validates every record. With `onlySource`, annotations of other pages are skipped
   * before validation: a page load then pays for JSON of all records (one storage.get) but
   * validates only its own.
   */
  async function readAll(onlySource?: ReadonlySet<string>, given?: StorageSnapshot): Promise<Contents> {
    const status = await ready();
    const snapshot = given && !status.migrated ? given : await storage.snapshot('local');
    const contents: Contents = { annotations: new Map(), sources: new Map(), trash: new Map(), corrupt: [] };
    for (const [key, value] of Object.entries(snapshot)) {
      if (key.endsWith('$')) continue; // @wxt-dev/storage metadata
      if (key.startsWith(ANNOTATION_PREFIX)) {
        if (onlySource && !onlySource.has(String(storedSourceOf(value)))) continue;
        const parsed = parseAnnotation(value);
        if (parsed.ok && annotationKey(parsed.value.id) === key) contents.annotations.set(parsed.value.id, parsed.value);
        else contents.corrupt.push(key);
      } else if (key.startsWith(SOURCE_PREFIX)) {
        const parsed = parseSourceNote(value);
        if (parsed.ok && sourceKey(parsed.value.id) === key) contents.sources.set(parsed.value.id, parsed.value);
        else contents.corrupt.push(key);
      } else if (key.startsWith(TRASH_PREFIX)) {
        const entry = value as Partial<TrashEntry> | null;
        const parsed = parseAnnotation(entry?.record);
        const deletedAt = typeof entry?.deletedAt === 'string' ? ms(entry.deletedAt) : NaN;
        if (parsed.ok && Number.isFinite(deletedAt) && trashKey(parsed.value.id) === key) {
          contents.trash.set(parsed.value.id, { deletedAt, record: parsed.value });
        } else contents.corrupt.push(key);
      }
    }
    const legacyAnnotations = snapshot[LEGACY_ANNOTATIONS_KEY];
    const legacySources = snapshot[LEGACY_SOURCES_KEY];
    if (legacyAnnotations != null || legacySources != null) {
      if (status.error) {
        // The migration could not run (e.g. storage full): serve the v1 data read-only so nothing vanishes.
        const converted = convertV1(legacyAnnotations, legacySources);
        for (const a of converted.annotations) {
          if (onlySource && !onlySource.has(a.target.source)) continue;
          if (!contents.annotations.has(a.id)) contents.annotations.set(a.id, a);
        }
        for (const s of converted.sources) if (!contents.sources.has(s.id)) contents.sources.set(s.id, s);
      } else {
        // After a migration, what is left of the v1 items is what could not be converted.
        if (legacyAnnotations != null) contents.corrupt.push(LEGACY_ANNOTATIONS_KEY);
        if (legacySources != null) contents.corrupt.push(LEGACY_SOURCES_KEY);
      }
    }
    contents.corrupt.sort();
    return contents;
  }

  async function purgeTrash(): Promise<void> {
    const snapshot = await storage.snapshot('local');
    const cutoff = now().getTime() - TRASH_RETENTION_MS;
    const expired = Object.entries(snapshot)
      .filter(([key, value]) => {
        if (!key.startsWith(TRASH_PREFIX) || key.endsWith('$')) return false;
        const deletedAt = ms(String((value as Partial<TrashEntry> | null)?.deletedAt));
        return Number.isFinite(deletedAt) && deletedAt < cutoff;
      })
      .map(([key]) => local(key));
    if (expired.length > 0) await storage.removeItems(expired);
  }

  const byCreated = <T extends { created: string; id: string }>(a: T, b: T): number =>
    ms(a.created) - ms(b.created) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  async function readAnnotation(id: string): Promise<Annotation | null> {
    const parsed = parseAnnotation(await storage.getItem<unknown>(local(annotationKey(id))));
    return parsed.ok ? parsed.value : null;
  }

  async function readSource(id: string): Promise<SourceNote | null> {
    const parsed = parseSourceNote(await storage.getItem<unknown>(local(sourceKey(id))));
    return parsed.ok ? parsed.value : null;
  }

  /** Shared save path: validate, refuse stale copies, stamp `modified`, write one key. */
  async function saveRecord<T extends Annotation | SourceNote>(
    incoming: T,
    parsed: { ok: true; value: T } | { ok: false; error: string },
    key: string,
    readStored: () => Promise<T | null>,
    what: string,
    options: SaveOptions | undefined,
  ): Promise<SaveResult<T>> {
    if (!parsed.ok) return { ok: false, reason: 'invalid', error: `Could not save ${what}: ${parsed.error}.` };
    const stored = await readStored();
    const base = ms(options?.expectedModified ?? parsed.value.modified);
    if (stored && ms(stored.modified) > (Number.isFinite(base) ? base : ms(parsed.value.modified))) {
      return { ok: false, reason: 'conflict', error: CONFLICT_MESSAGE, current: stored };
    }
    const record: T = {
      ...parsed.value,
      created: stored?.created ?? parsed.value.created,
      modified: stampAfter(now(), stored?.modified, incoming.modified),
    };
    try {
      await storage.setItem(local(key), record);
    } catch (error) {
      return failure<T>(error, what);
    }
    return { ok: true, saved: record };
  }

  const store: AnnotationStore = {
    async listAnnotations(source, snapshot) {
      const wanted = source === undefined ? undefined : sourceForms(source);
      const { annotations } = await readAll(wanted, snapshot);
      return [...annotations.values()].sort(byCreated);
    },

    async getAnnotation(id) {
      const status = await ready();
      const found = await readAnnotation(id);
      // While a failed migration is pending, records may still exist only in the v1 item.
      if (found === null && status.error) return (await readAll()).annotations.get(id) ?? null;
      return found;
    },

    async saveAnnotation(a, options) {
      await ready();
      return exclusive(() =>
        saveRecord(a, parseAnnotation(a), annotationKey(a.id), () => readAnnotation(a.id), 'this annotation', options),
      );
    },

    async deleteAnnotation(id) {
      await ready();
      await exclusive(async () => {
        const key = local(annotationKey(id));
        const raw = await storage.getItem<unknown>(key);
        if (raw == null) return;
        const entry: TrashEntry = { deletedAt: now().toISOString(), record: raw };
        try {
          // Trash first, then remove: a crash in between leaves a copy in both places, never in neither.
          await storage.setItem(local(trashKey(id)), entry);
        } catch (error) {
          // With storage full the trash copy cannot be written; the user asked for the delete (often
          // precisely to make room), so it goes ahead without undo.
          if (!isQuotaError(error)) throw new Error(storageErrorMessage(error, 'the deletion'));
        }
        try {
          await storage.removeItem(key);
        } catch (error) {
          throw new Error(storageErrorMessage(error, 'the deletion'));
        }
      });
    },

    async undoDelete(id) {
      await ready();
      return exclusive(async () => {
        const entry = await storage.getItem<TrashEntry>(local(trashKey(id)));
        const parsed = parseAnnotation(entry?.record);
        if (!parsed.ok) return false;
        const live = await readAnnotation(id);
        try {
          if (!live || ms(live.modified) < ms(parsed.value.modified)) {
            await storage.setItem(local(annotationKey(id)), parsed.value);
            await storage.removeItem(local(trashKey(id)));
            return true;
          }
          await storage.removeItem(local(trashKey(id)));
          return false;
        } catch {
          return false;
        }
      });
    },

    async listSources() {
      const { sources } = await readAll();
      return [...sources.values()].sort(byCreated);
    },

    async getSource(id) {
      const status = await ready();
      const found = await readSource(id);
      if (found === null && status.error) return (await readAll()).sources.get(id) ?? null;
      return found;
    },

    async saveSource(s, options) {
      await ready();
      return exclusive(() =>
        saveRecord(s, parseSourceNote(s), sourceKey(s.id), () => readSource(s.id), 'this source note', options),
      );
    },

    async deleteSource(id) {
      await ready();
      return exclusive(async () => {
        const { annotations, trash } = await readAll();
        const stamp = now();
        const updates: Array<{ key: `local:${string}`; value: unknown }> = [];
        let unlinked = 0;
        for (const a of annotations.values()) {
          if (!a.body.sources.includes(id)) continue;
          unlinked += 1;
          const record: Annotation = {
            ...a,
            body: { ...a.body, sources: a.body.sources.filter((s) => s !== id) },
            modified: stampAfter(stamp, a.modified),
          };
          updates.push({ key: local(annotationKey(a.id)), value: record });
        }
        // Trashed annotations are unlinked too, so an undo never brings back a dangling link.
        for (const [trashedId, entry] of trash) {
          if (!entry.record.body.sources.includes(id)) continue;
          const record = { ...entry.record, body: { ...entry.record.body, sources: entry.record.body.sources.filter((s) => s !== id) } };
          updates.push({ key: local(trashKey(trashedId)), value: { deletedAt: new Date(entry.deletedAt).toISOString(), record } });
        }
        try {
          // Unlink first (one batch), then delete: an interruption leaves an unused source, never a dangling link.
          if (updates.length > 0) await storage.setItems(updates);
          await storage.removeItem(local(sourceKey(id)));
        } catch (error) {
          throw new Error(storageErrorMessage(error, 'the deletion'));
        }
        return { unlinked };
      });
    },

    async annotationsUsingSource(id) {
      const { annotations } = await readAll();
      return [...annotations.values()].filter((a) => a.body.sources.includes(id)).sort(byCreated);
    },

    watch: (callback) => watchLocalStorage(isAnnotationDataKey, callback),

    async corruptRecords() {
      return (await readAll()).corrupt;
    },

    async writeRecords(annotations, sources) {
      await ready();
      return exclusive(async () => {
        const items = [
          ...annotations.map((a) => ({ key: local(annotationKey(a.id)), value: a as unknown })),
          ...sources.map((s) => ({ key: local(sourceKey(s.id)), value: s as unknown })),
        ];
        try {
          if (items.length > 0) await storage.setItems(items);
        } catch (error) {
          return failure<{ written: number }>(error, 'the imported records');
        }
        return { ok: true, saved: { written: items.length } };
      });
    },
  };
  return store;
}
