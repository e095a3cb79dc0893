import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAnnotationStore } from '../../core/annotations/store';
import { TRASH_RETENTION_MS } from '../../core/annotations/limits';
import type { Annotation } from '../../core/annotations/model';
import { PAGE, sampleAnnotation, sampleSource } from './annotations-helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

function expectSaved<T>(result: { ok: true; saved: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`save failed: ${result.error}`);
  return result.saved;
}

describe('annotation store: round trip', () => {
  it('saves, lists, gets and stores one key per record', async () => {
    const store = createAnnotationStore();
    const a = sampleAnnotation();
    const b = sampleAnnotation({ source: 'https://other.example.org/story', now: new Date('2024-03-06T10:00:00Z') });
    const savedA = expectSaved(await store.saveAnnotation(a));
    expectSaved(await store.saveAnnotation(b));

    expect(savedA.body).toEqual(a.body);
    expect(savedA.created).toBe(a.created);
    expect((await store.listAnnotations()).map((x) => x.id)).toEqual([a.id, b.id]);
    expect((await store.listAnnotations(PAGE)).map((x) => x.id)).toEqual([a.id]);
    // the page filter canonicalizes the URL it is given
    expect((await store.listAnnotations(`${PAGE}?utm_source=x#section`)).map((x) => x.id)).toEqual([a.id]);
    expect(await store.getAnnotation(a.id)).toEqual(savedA);
    expect(await store.getAnnotation('urn:uuid:missing')).toBeNull();

    const raw = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(raw)).toEqual(expect.arrayContaining([`annotation:${a.id}`, `annotation:${b.id}`]));
    expect(raw).not.toHaveProperty('annotations');
  });

  it('keeps note text exactly, including line breaks and markup', async () => {
    const store = createAnnotationStore();
    const note = 'Line one\n\n<script>alert(1)</script> & <b>bold</b>\r\n  indented';
    const a = sampleAnnotation({ body: { note, verdict: null } });
    expectSaved(await store.saveAnnotation(a));
    expect((await store.getAnnotation(a.id))?.body.note).toBe(note);
  });

  it('stamps modified later than the stored value on every save', async () => {
    const store = createAnnotationStore({ now: () => new Date('2024-03-05T10:00:00.000Z') });
    const a = sampleAnnotation();
    const first = expectSaved(await store.saveAnnotation(a));
    const second = expectSaved(await store.saveAnnotation({ ...first, body: { ...first.body, note: 'edited' } }));
    expect(Date.parse(second.modified)).toBeGreaterThan(Date.parse(first.modified));
  });

  it('refuses invalid annotations with a message and stores nothing', async () => {
    const store = createAnnotationStore();
    const bad = { ...sampleAnnotation(), target: { source: 'javascript:alert(1)', selector: [] } } as Annotation;
    const result = await store.saveAnnotation(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('invalid');
      expect(result.error).toMatch(/http/);
    }
    expect(await store.listAnnotations()).toEqual([]);
  });

  it('derives motivation from the verdict', async () => {
    const store = createAnnotationStore();
    const a = sampleAnnotation();
    const saved = expectSaved(await store.saveAnnotation({ ...a, motivation: 'assessing', body: { ...a.body, verdict: null } }));
    expect(saved.motivation).toBe('commenting');
  });
});

describe('annotation store: delete and undo', () => {
  it('soft-deletes to the trash and undo restores the same record', async () => {
    const store = createAnnotationStore();
    const saved = expectSaved(await store.saveAnnotation(sampleAnnotation()));
    await store.deleteAnnotation(saved.id);
    expect(await store.getAnnotation(saved.id)).toBeNull();
    expect(await store.listAnnotations()).toEqual([]);
    expect(await store.undoDelete(saved.id)).toBe(true);
    expect(await store.getAnnotation(saved.id)).toEqual(saved);
    expect(await store.undoDelete(saved.id)).toBe(false);
  });

  it('deleting a missing id is a no-op and undo of never-deleted is false', async () => {
    const store = createAnnotationStore();
    await store.deleteAnnotation('urn:uuid:nothing');
    expect(await store.undoDelete('urn:uuid:nothing')).toBe(false);
  });

  it('purges trash older than the retention period', async () => {
    let clock = new Date('2024-03-05T10:00:00.000Z');
    const store = createAnnotationStore({ now: () => clock });
    const saved = expectSaved(await store.saveAnnotation(sampleAnnotation()));
    await store.deleteAnnotation(saved.id);
    clock = new Date(clock.getTime() + TRASH_RETENTION_MS + 1000);
    const later = createAnnotationStore({ now: () => clock }); // next page load
    await later.listAnnotations();
    expect(await later.undoDelete(saved.id)).toBe(false);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('trash:'))).toEqual([]);
  });
});

describe('annotation store: reading from the page probe\'s snapshot', () => {
  /** Reads of all of storage.local (what storage.snapshot does), as against reads of given keys. */
  const fullReads = (get: { mock: { calls: unknown[][] } }): number => get.mock.calls.filter(([keys]) => keys == null).length;

  it('lists from the snapshot it is given: one read of all storage (the trash purge) instead of two', async () => {
    const saved = expectSaved(await createAnnotationStore().saveAnnotation(sampleAnnotation()));
    const snapshot = await fakeBrowser.storage.local.get(null);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');

    const store = createAnnotationStore();
    expect((await store.listAnnotations(PAGE, snapshot)).map((a) => a.id)).toEqual([saved.id]);
    await store.undoDelete('urn:uuid:none'); // runs after the purge in the store's queue
    expect(fullReads(get)).toBe(1);

    get.mockClear();
    const unaided = createAnnotationStore();
    expect((await unaided.listAnnotations(PAGE)).map((a) => a.id)).toEqual([saved.id]);
    await unaided.undoDelete('urn:uuid:none');
    expect(fullReads(get)).toBe(2);
  });

  it('reads what the snapshot holds, not what was saved after it', async () => {
    const snapshot = await fakeBrowser.storage.local.get(null);
    expectSaved(await createAnnotationStore().saveAnnotation(sampleAnnotation()));
    expect(await createAnnotationStore().listAnnotations(PAGE, snapshot)).toEqual([]);
  });
});

describe('annotation store: sources', () => {
  it('CRUD, back-links and deleteSource unlinking', async () => {
    const store = createAnnotationStore();
    const s1 = expectSaved(await store.saveSource(sampleSource()));
    const s2 = expectSaved(await store.saveSource(sampleSource({ title: 'Second source', now: new Date('2024-03-05T09:30:00Z') })));
    const a = expectSaved(await store.saveAnnotation(sampleAnnotation({ body: { verdict: 'false', sources: [s1.id, s2.id] } })));
    const b = expectSaved(await store.saveAnnotation(sampleAnnotation({ body: { verdict: 'true', sources: [s1.id] } })));
    const c = expectSaved(await store.saveAnnotation(sampleAnnotation({ body: { verdict: 'true', sources: [s2.id] } })));

    expect((await store.listSources()).map((s) => s.id)).toEqual([s1.id, s2.id]);
    expect(await store.getSource(s1.id)).toEqual(s1);
    expect((await store.annotationsUsingSource(s1.id)).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());

    expect(await store.deleteSource(s1.id)).toEqual({ unlinked: 2 });
    expect(await store.getSource(s1.id)).toBeNull();
    expect((await store.getAnnotation(a.id))?.body.sources).toEqual([s2.id]);
    expect((await store.getAnnotation(b.id))?.body.sources).toEqual([]);
    expect((await store.getAnnotation(c.id))?.body.sources).toEqual([s2.id]);
    expect(await store.annotationsUsingSource(s1.id)).toEqual([]);
    expect(await store.deleteSource('urn:uuid:none')).toEqual({ unlinked: 0 });
  });

  it('also unlinks from trashed annotations so undo never restores a dangling link', async () => {
    const store = createAnnotationStore();
    const s = expectSaved(await store.saveSource(sampleSource()));
    const a = expectSaved(await store.saveAnnotation(sampleAnnotation({ body: { sources: [s.id] } })));
    await store.deleteAnnotation(a.id);
    expect(await store.deleteSource(s.id)).toEqual({ unlinked: 0 });
    expect(await store.undoDelete(a.id)).toBe(true);
    expect((await store.getAnnotation(a.id))?.body.sources).toEqual([]);
  });

  it('rejects javascript:, data: and relative source URLs; accepts http(s) and empty', async () => {
    const store = createAnnotationStore();
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', '/relative', 'ftp://x.example/file']) {
      const result = await store.saveSource(sampleSource({ url }));
      expect(result.ok, url).toBe(false);
    }
    expect((await store.saveSource(sampleSource({ url: '' }))).ok).toBe(true);
    expect((await store.saveSource(sampleSource({ url: 'http://plain.example/' }))).ok).toBe(true);
    expect(await store.listSources()).toHaveLength(2);
  });
});

describe('annotation store: robustness', () => {
  it('one corrupt record does not stop the others loading, and is reported', async () => {
    const store = createAnnotationStore();
    const good = expectSaved(await store.saveAnnotation(sampleAnnotation()));
    const source = expectSaved(await store.saveSource(sampleSource()));
    await fakeBrowser.storage.local.set({
      'annotation:urn:uuid:broken': { id: 'urn:uuid:broken', type: 'Annotation', body: 'nope' },
      'annotation:urn:uuid:not-json-object': 'garbage',
      'source:urn:uuid:bad-source': { type: 'SourceNote', id: 'urn:uuid:bad-source', title: 'x', url: 'javascript:alert(1)', created: '2024-01-01T00:00:00Z', modified: '2024-01-01T00:00:00Z' },
      // a valid record stored under another record's key is not trusted either
      [`annotation:urn:uuid:wrong-key`]: good,
      'someone-elses-setting': { enabled: true },
    });
    expect((await store.listAnnotations()).map((a) => a.id)).toEqual([good.id]);
    expect((await store.listSources()).map((s) => s.id)).toEqual([source.id]);
    expect(await store.corruptRecords()).toEqual([
      'annotation:urn:uuid:broken',
      'annotation:urn:uuid:not-json-object',
      'annotation:urn:uuid:wrong-key',
      'source:urn:uuid:bad-source',
    ]);
  });

  it('storage full: clear error, nothing already stored is lost', async () => {
    const store = createAnnotationStore();
    const kept = expectSaved(await store.saveAnnotation(sampleAnnotation()));
    const keptSource = expectSaved(await store.saveSource(sampleSource()));
    const before = await fakeBrowser.storage.local.get(null);

    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const result = await store.saveAnnotation(sampleAnnotation());
    const edit = await store.saveAnnotation({ ...kept, body: { ...kept.body, note: 'bigger note' } });
    const sourceResult = await store.saveSource(sampleSource());
    spy.mockRestore();

    for (const r of [result, edit, sourceResult]) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.reason).toBe('quota');
        expect(r.error).toMatch(/^Storage is full/);
      }
    }
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    expect(await store.getAnnotation(kept.id)).toEqual(kept);
    expect(await store.getSource(keptSource.id)).toEqual(keptSource);
  });

  it('recognises a DOMException-style QuotaExceededError too', async () => {
    const store = createAnnotationStore();
    await store.listAnnotations();
    const error = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(error);
    const result = await store.saveAnnotation(sampleAnnotation());
    spy.mockRestore();
    expect(result).toMatchObject({ ok: false, reason: 'quota' });
  });

  it('other storage errors give a clear, different message', async () => {
    const store = createAnnotationStore();
    await store.listAnnotations();
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('IO error'));
    const result = await store.saveAnnotation(sampleAnnotation());
    spy.mockRestore();
    expect(result).toMatchObject({ ok: false, reason: 'storage' });
    if (!result.ok) expect(result.error).toContain('IO error');
  });

  it('delete still works when storage is full (without undo)', async () => {
    const store = createAnnotationStore();
    const saved = expectSaved(await store.saveAnnotation(sampleAnnotation()));
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await store.deleteAnnotation(saved.id);
    spy.mockRestore();
    expect(await store.getAnnotation(saved.id)).toBeNull();
  });
});

describe('annotation store: two tabs', () => {
  it('different records saved concurrently from two tabs are all kept', async () => {
    const tabA = createAnnotationStore();
    const tabB = createAnnotationStore();
    const fromA = Array.from({ length: 10 }, () => sampleAnnotation());
    const fromB = Array.from({ length: 10 }, () => sampleAnnotation());
    const results = await Promise.all([...fromA.map((a) => tabA.saveAnnotation(a)), ...fromB.map((b) => tabB.saveAnnotation(b))]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await tabA.listAnnotations()).toHaveLength(20);
  });

  it('a stale edit of the same record is refused, not silently clobbering the newer one', async () => {
    let clock = new Date('2024-03-05T10:00:00.000Z');
    const tick = () => (clock = new Date(clock.getTime() + 60_000));
    const tabA = createAnnotationStore({ now: () => clock });
    const tabB = createAnnotationStore({ now: () => clock });
    const original = expectSaved(await tabA.saveAnnotation(sampleAnnotation()));

    // both tabs load the record
    const loadedA = (await tabA.getAnnotation(original.id))!;
    const loadedB = (await tabB.getAnnotation(original.id))!;
    tick();
    const savedB = expectSaved(await tabB.saveAnnotation({ ...loadedB, body: { ...loadedB.body, verdict: 'false' } }));
    tick();
    const staleA = await tabA.saveAnnotation({ ...loadedA, body: { ...loadedA.body, note: 'edit from A' } });
    expect(staleA.ok).toBe(false);
    if (!staleA.ok) {
      expect(staleA.reason).toBe('conflict');
      expect(staleA.error).toMatch(/another tab/);
      expect(staleA.current).toEqual(savedB);
    }
    expect(await tabA.getAnnotation(original.id)).toEqual(savedB);

    // deliberate overwrite after seeing the conflict: save on top of the current version
    const merged = expectSaved(
      await tabA.saveAnnotation({ ...savedB, body: { ...savedB.body, note: 'edit from A' } }),
    );
    expect(merged.body).toMatchObject({ verdict: 'false', note: 'edit from A' });
  });

  it('expectedModified detects conflicts when the caller bumps modified itself', async () => {
    let clock = new Date('2024-03-05T10:00:00.000Z');
    const store = createAnnotationStore({ now: () => clock });
    const original = expectSaved(await store.saveAnnotation(sampleAnnotation()));
    clock = new Date('2024-03-05T10:05:00.000Z');
    expectSaved(await store.saveAnnotation({ ...original, body: { ...original.body, note: 'other tab' } }));
    const bumped = { ...original, modified: new Date('2024-03-05T10:10:00.000Z').toISOString() };
    expect((await store.saveAnnotation(bumped, { expectedModified: original.modified })).ok).toBe(false);
    expect((await store.getAnnotation(original.id))?.body.note).toBe('other tab');
  });

  it('watch fires for changes made by another tab, and stops after unsubscribe', async () => {
    const tabA = createAnnotationStore();
    const tabB = createAnnotationStore();
    await tabA.listAnnotations();
    const callback = vi.fn();
    const stop = tabA.watch(callback);
    await tabB.saveAnnotation(sampleAnnotation());
    expect(callback).toHaveBeenCalled();
    const calls = callback.mock.calls.length;
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(callback).toHaveBeenCalledTimes(calls);
    stop();
    await tabB.saveSource(sampleSource());
    expect(callback).toHaveBeenCalledTimes(calls);
  });

  it('watch also fires for deletions and undo from another tab', async () => {
    const tabA = createAnnotationStore();
    const tabB = createAnnotationStore();
    const saved = expectSaved(await tabB.saveAnnotation(sampleAnnotation()));
    const callback = vi.fn();
    tabA.watch(callback);
    await tabB.deleteAnnotation(saved.id);
    expect(callback).toHaveBeenCalled();
    callback.mockClear();
    await tabB.undoDelete(saved.id);
    expect(callback).toHaveBeenCalled();
    expect(await tabA.getAnnotation(saved.id)).toEqual(saved);
  });
});

describe('annotation store: more edge cases', () => {
  it('undo does not overwrite a newer copy saved after the delete', async () => {
    let clock = new Date('2024-03-05T10:00:00.000Z');
    const store = createAnnotationStore({ now: () => clock });
    const saved = expectSaved(await store.saveAnnotation(sampleAnnotation()));
    await store.deleteAnnotation(saved.id);
    clock = new Date('2024-03-05T11:00:00.000Z');
    const recreated = expectSaved(await store.saveAnnotation({ ...saved, body: { ...saved.body, note: 'recreated' } }));
    expect(await store.undoDelete(saved.id)).toBe(false);
    expect(await store.getAnnotation(saved.id)).toEqual(recreated);
  });

  it('deleteSource with failing storage rejects with a user-facing message and changes nothing', async () => {
    const store = createAnnotationStore();
    const s = expectSaved(await store.saveSource(sampleSource()));
    expectSaved(await store.saveAnnotation(sampleAnnotation({ body: { sources: [s.id] } })));
    const before = await fakeBrowser.storage.local.get(null);
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(store.deleteSource(s.id)).rejects.toThrow(/^Storage is full/);
    spy.mockRestore();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('saving over a corrupt record repairs it', async () => {
    const store = createAnnotationStore();
    const a = sampleAnnotation();
    await fakeBrowser.storage.local.set({ [`annotation:${a.id}`]: { id: a.id, broken: true } });
    expect(await store.corruptRecords()).toEqual([`annotation:${a.id}`]);
    expectSaved(await store.saveAnnotation(a));
    expect(await store.corruptRecords()).toEqual([]);
  });

  it('serialises saves within one page: concurrent saves of the same loaded copy, first wins', async () => {
    const store = createAnnotationStore();
    const saved = expectSaved(await store.saveAnnotation(sampleAnnotation()));
    const [first, second] = await Promise.all([
      store.saveAnnotation({ ...saved, body: { ...saved.body, note: 'one' } }),
      store.saveAnnotation({ ...saved, body: { ...saved.body, note: 'two' } }),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, reason: 'conflict' });
    expect((await store.getAnnotation(saved.id))?.body.note).toBe('one');
  });
});
