import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CURRENT_SCHEMA_VERSION, ensureSchema, type AnnotationV1 } from '../../core/annotations/migrations';
import { createAnnotationStore } from '../../core/annotations/store';
import { v1Annotation } from './annotations-helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

const PAGE = 'https://news.example.com/story';

const v1 = (id: string, overrides: Partial<AnnotationV1> = {}): AnnotationV1 => v1Annotation(id, PAGE, overrides);

const V1_SOURCE = {
  id: 'urn:uuid:s1',
  type: 'SourceNote',
  title: 'Statistics office bulletin',
  url: 'https://stats.example.org/bulletin',
  publisher: 'Statistics office',
  date: '2024-01-01',
  excerpt: 'The figure was 12%.',
  reliability: 'Official.',
  created: '2024-01-09T08:00:00.000Z',
  modified: '2024-01-09T08:00:00.000Z',
};

async function seedV1(annotations: Record<string, unknown>, sources?: Record<string, unknown>): Promise<void> {
  await fakeBrowser.storage.local.set({ annotations, ...(sources ? { sources } : {}) });
}

const keys = async (): Promise<string[]> => Object.keys(await fakeBrowser.storage.local.get(null)).sort();

describe('schema v1 → v2 migration', () => {
  it('moves every v1 record to its own key, converts the body, then removes the v1 item', async () => {
    await seedV1({ 'urn:uuid:a1': v1('urn:uuid:a1'), 'urn:uuid:a2': v1('urn:uuid:a2', { body: { verdict: null, note: '', sourceIds: [] } }) }, { 'urn:uuid:s1': V1_SOURCE });
    const store = createAnnotationStore();
    const list = await store.listAnnotations();

    expect(list.map((a) => a.id)).toEqual(['urn:uuid:a1', 'urn:uuid:a2']);
    expect(list[0]).toEqual({
      id: 'urn:uuid:a1',
      type: 'Annotation',
      motivation: 'assessing',
      created: '2024-01-10T08:00:00.000Z',
      modified: '2024-01-11T08:00:00.000Z',
      target: v1('urn:uuid:a1').target,
      body: { type: 'ClaimLensAssessment', verdict: 'half-true', note: 'note for urn:uuid:a1\nsecond line', tags: [], sources: ['urn:uuid:s1'] },
    });
    expect(list[1]?.motivation).toBe('commenting');
    expect(await store.listSources()).toEqual([V1_SOURCE]);
    expect(await keys()).toEqual(['annotation:urn:uuid:a1', 'annotation:urn:uuid:a2', 'annotationsSchemaVersion', 'source:urn:uuid:s1']);
    expect((await fakeBrowser.storage.local.get('annotationsSchemaVersion')).annotationsSchemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(await store.corruptRecords()).toEqual([]);
  });

  it('reads storage again after migrating, instead of a snapshot taken before', async () => {
    await seedV1({ 'urn:uuid:a1': v1('urn:uuid:a1') }, { 'urn:uuid:s1': V1_SOURCE });
    const before = await fakeBrowser.storage.local.get(null); // the page probe's: v1 items only
    const list = await createAnnotationStore().listAnnotations(PAGE, before);
    expect(list.map((a) => a.id)).toEqual(['urn:uuid:a1']);
    expect(list[0]?.body.type).toBe('ClaimLensAssessment');
  });

  it('v1 records without `modified` get their creation time', async () => {
    const { modified: _m, ...noModified } = v1('urn:uuid:a1');
    await seedV1({ 'urn:uuid:a1': noModified });
    const [annotation] = await createAnnotationStore().listAnnotations();
    expect(annotation?.modified).toBe('2024-01-10T08:00:00.000Z');
  });

  it('runs once: a second store (next page load) does not migrate again', async () => {
    await seedV1({ 'urn:uuid:a1': v1('urn:uuid:a1') });
    await createAnnotationStore().listAnnotations();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const second = createAnnotationStore();
    expect(await second.listAnnotations()).toHaveLength(1);
    expect(set).not.toHaveBeenCalled();
    set.mockRestore();
  });

  it('is idempotent: running it again over finished v2 data changes nothing', async () => {
    await seedV1({ 'urn:uuid:a1': v1('urn:uuid:a1') });
    await ensureSchema();
    const after = await fakeBrowser.storage.local.get(null);
    await ensureSchema();
    await ensureSchema();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(after);
  });

  it('crash-safe: if writing v2 fails, the v1 data is untouched and still readable; the next run completes', async () => {
    const legacy = { 'urn:uuid:a1': v1('urn:uuid:a1'), 'urn:uuid:a2': v1('urn:uuid:a2') };
    await seedV1(legacy);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const store = createAnnotationStore();
    // The store still serves the v1 data (read-only) while it cannot migrate.
    expect((await store.listAnnotations()).map((a) => a.id)).toEqual(['urn:uuid:a1', 'urn:uuid:a2']);
    expect((await store.getAnnotation('urn:uuid:a2'))?.body.note).toBe('note for urn:uuid:a2\nsecond line');
    expect((await fakeBrowser.storage.local.get('annotations')).annotations).toEqual(legacy);
    set.mockRestore();

    // Space is back: the next call retries and finishes the migration.
    expect((await store.listAnnotations()).map((a) => a.id)).toEqual(['urn:uuid:a1', 'urn:uuid:a2']);
    expect(await keys()).toEqual(['annotation:urn:uuid:a1', 'annotation:urn:uuid:a2', 'annotationsSchemaVersion']);
  });

  it('crash-safe: interrupted after writing v2 but before removing v1, a re-run finishes without duplicating or clobbering', async () => {
    await seedV1({ 'urn:uuid:a1': v1('urn:uuid:a1'), 'urn:uuid:a2': v1('urn:uuid:a2') });
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValue(new Error('browser closed'));
    await expect(ensureSchema()).rejects.toThrow('browser closed');
    remove.mockRestore();
    // The state the crash left: v2 records and the version written, the v1 item still there.
    expect(await keys()).toEqual(['annotation:urn:uuid:a1', 'annotation:urn:uuid:a2', 'annotations', 'annotationsSchemaVersion']);
    // Meanwhile a v2 record was edited (newer `modified` than its v1 copy).
    const stored = (await fakeBrowser.storage.local.get('annotation:urn:uuid:a1'))['annotation:urn:uuid:a1'] as Record<string, unknown>;
    const edited = { ...stored, modified: '2024-02-01T00:00:00.000Z', body: { ...(stored.body as object), note: 'edited after migration' } };
    await fakeBrowser.storage.local.set({ 'annotation:urn:uuid:a1': edited });

    await ensureSchema(); // next start
    const list = await createAnnotationStore().listAnnotations();
    expect(list).toHaveLength(2);
    expect(list.find((a) => a.id === 'urn:uuid:a1')?.body.note).toBe('edited after migration');
    expect(await keys()).toEqual(['annotation:urn:uuid:a1', 'annotation:urn:uuid:a2', 'annotationsSchemaVersion']);
  });

  it('keeps invalid v1 entries in the v1 item and reports it as corrupt, without re-running every start', async () => {
    await seedV1({ 'urn:uuid:a1': v1('urn:uuid:a1'), 'urn:uuid:bad': { id: 'urn:uuid:bad', body: 42 } });
    const store = createAnnotationStore();
    expect((await store.listAnnotations()).map((a) => a.id)).toEqual(['urn:uuid:a1']);
    expect((await fakeBrowser.storage.local.get('annotations')).annotations).toEqual({ 'urn:uuid:bad': { id: 'urn:uuid:bad', body: 42 } });
    expect(await store.corruptRecords()).toEqual(['annotations']);

    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await createAnnotationStore().listAnnotations();
    expect(set).not.toHaveBeenCalled();
    set.mockRestore();
  });

  it('a fresh install is marked as the current version and writes nothing else', async () => {
    const store = createAnnotationStore();
    expect(await store.listAnnotations()).toEqual([]);
    expect(await keys()).toEqual(['annotationsSchemaVersion']);
  });

  it('data from a newer schema is not migrated or rewritten', async () => {
    await fakeBrowser.storage.local.set({ annotationsSchemaVersion: 99 });
    const status = await ensureSchema();
    expect(status.error).toMatch(/newer version/);
    expect((await fakeBrowser.storage.local.get('annotationsSchemaVersion')).annotationsSchemaVersion).toBe(99);
  });

  it('two tabs starting at once both finish with the same single copy of each record', async () => {
    await seedV1({ 'urn:uuid:a1': v1('urn:uuid:a1'), 'urn:uuid:a2': v1('urn:uuid:a2') });
    const [a, b] = await Promise.all([createAnnotationStore().listAnnotations(), createAnnotationStore().listAnnotations()]);
    expect(a.map((x) => x.id)).toEqual(['urn:uuid:a1', 'urn:uuid:a2']);
    expect(b).toEqual(a);
    expect(await keys()).toEqual(['annotation:urn:uuid:a1', 'annotation:urn:uuid:a2', 'annotationsSchemaVersion']);
  });
});
