import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { anchorMany } from '../../core/anchoring/anchor';
import { mayHoldAnnotationsOf, mayHoldSourceNotes, sourceForms } from '../../core/annotations/page-probe';
import { createAnnotationStore } from '../../core/annotations/store';
import { createAnnotationActions } from '../../features/annotation-actions';
import { createAnnotationAccess } from '../../features/annotation-access';
import { loadLazyModule } from '../../features/lazy/load-lazy-module';
import { providedLazyModule, type LazyModules } from '../../features/lazy/registry';
import { HIGHLIGHT_SETTINGS_KEY } from '../../core/settings-value';
import { PAGE, sampleAnnotation, sampleSource, v1Annotation } from './annotations-helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('mayHoldAnnotationsOf: the quick look before loading the annotation code', () => {
  const here = new Set([PAGE]);
  const annotationOf = (source: unknown) => ({ target: { source } });
  const cases: Array<[string, Record<string, unknown>, boolean]> = [
    ['empty storage', {}, false],
    ['settings only', { [HIGHLIGHT_SETTINGS_KEY]: { global: true, sites: {} } }, false],
    ['an annotation of another page', { 'annotation:a': annotationOf('https://other.example/') }, false],
    ['an annotation of this page', { 'annotation:a': annotationOf(PAGE) }, true],
    ['a deleted annotation of this page (trash)', { 'trash:annotation:a': { record: annotationOf(PAGE) } }, false],
    ['a source note only', { 'source:s': { title: 'x', url: PAGE } }, false],
    ['storage metadata of a key', { 'annotation:a$': annotationOf(PAGE) }, false],
    ['a corrupt record', { 'annotation:a': null, 'annotation:b': 'text' }, false],
    ['first-schema data of this page (only the store can read it)', { annotations: { a: annotationOf(PAGE) } }, true],
    ['first-schema data of other pages', { annotations: { a: annotationOf('https://other.example/') } }, false],
    ['first-schema leftovers a migration could not read', { annotations: { a: 'text', b: null }, annotationsSchemaVersion: 2 }, false],
    ['a first-schema item that is not an object', { annotations: 'text' }, false],
    ['first-schema sources (no annotations there)', { sources: {} }, false],
  ];
  it.each(cases)('%s', (_name, snapshot, expected) => {
    expect(mayHoldAnnotationsOf(snapshot, here)).toBe(expected);
  });

  it('finds an annotation stored under the canonical form of the address the page was opened at', () => {
    const opened = `${PAGE}?utm_source=newsletter`;
    expect(mayHoldAnnotationsOf({ 'annotation:a': annotationOf(PAGE) }, sourceForms(opened))).toBe(true);
    expect(mayHoldAnnotationsOf({ 'annotation:a': annotationOf(PAGE) }, new Set([opened]))).toBe(false);
  });
});

describe('mayHoldSourceNotes: the quick look before a card loads the library', () => {
  const cases: Array<[string, Record<string, unknown>, boolean]> = [
    ['empty storage', {}, false],
    ['annotations only', { 'annotation:a': { target: { source: PAGE } } }, false],
    ['a source note', { 'source:s': { title: 'x' } }, true],
    ['storage metadata of a key', { 'source:s$': {} }, false],
    ['first-schema sources (only the store can read them)', { sources: {} }, true],
  ];
  it.each(cases)('%s', (_name, snapshot, expected) => {
    expect(mayHoldSourceNotes(snapshot)).toBe(expected);
  });
});

describe('annotation access from the content script', () => {
  const annotationsModule: LazyModules['annotations'] = { anchorMany, createAnnotationStore, createAnnotationActions };

  it('does not load the annotation code on a page without annotations', async () => {
    await createAnnotationStore().saveAnnotation(sampleAnnotation({ source: 'https://other.example/story' }));
    const load = vi.fn(async () => annotationsModule);
    const access = createAnnotationAccess(load);
    expect(await access.listFor(PAGE)).toEqual([]);
    expect(load).not.toHaveBeenCalled();
  });

  it('loads it once the page has annotations, and lists them', async () => {
    const saved = await createAnnotationStore().saveAnnotation(sampleAnnotation());
    if (!saved.ok) throw new Error(saved.error);
    const load = vi.fn(async () => annotationsModule);
    const access = createAnnotationAccess(load);
    expect((await access.listFor(PAGE)).map((a) => a.id)).toEqual([saved.saved.id]);
    expect((await access.listFor(PAGE)).map((a) => a.id)).toEqual([saved.saved.id]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('lists a page\'s first-schema annotations, migrated, and leaves other pages\' and unreadable ones unloaded', async () => {
    await fakeBrowser.storage.local.set({ annotations: { 'urn:uuid:a1': v1Annotation('urn:uuid:a1', PAGE) } });
    const elsewhere = vi.fn(async () => annotationsModule);
    expect(await createAnnotationAccess(elsewhere).listFor('https://other.example/story')).toEqual([]);
    expect(elsewhere).not.toHaveBeenCalled();

    const here = vi.fn(async () => annotationsModule);
    expect((await createAnnotationAccess(here).listFor(PAGE)).map((a) => a.id)).toEqual(['urn:uuid:a1']);
    expect(here).toHaveBeenCalledTimes(1);

    // What a migration could not read stays under the first schema's key: it loads nothing, anywhere.
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ annotationsSchemaVersion: 2, annotations: { 'urn:uuid:bad': { target: 'not a target' } } });
    const leftovers = vi.fn(async () => annotationsModule);
    expect(await createAnnotationAccess(leftovers).listFor(PAGE)).toEqual([]);
    expect(leftovers).not.toHaveBeenCalled();
  });

  const actionsOf = (access: ReturnType<typeof createAnnotationAccess>) =>
    access.actionsFor({ doc: document, analysis: {} as Parameters<typeof access.actionsFor>[0]['analysis'] });

  it('a card opened where no source note is stored gets an empty library without loading the code', async () => {
    await createAnnotationStore().saveAnnotation(sampleAnnotation({ source: 'https://other.example/story' }));
    const load = vi.fn(async () => annotationsModule);
    expect(await actionsOf(createAnnotationAccess(load)).library()).toEqual([]);
    expect(load).not.toHaveBeenCalled();
  });

  it('a card loads the code for the library once a source note is stored', async () => {
    const saved = await createAnnotationStore().saveSource(sampleSource());
    if (!saved.ok) throw new Error(saved.error);
    const load = vi.fn(async () => annotationsModule);
    expect((await actionsOf(createAnnotationAccess(load)).library()).map((s) => s.id)).toEqual([saved.saved.id]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('cards read the library once, and again after annotation data changed', async () => {
    const first = await createAnnotationStore().saveSource(sampleSource());
    if (!first.ok) throw new Error(first.error);
    const actions = actionsOf(createAnnotationAccess(async () => annotationsModule));
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect((await actions.library()).map((s) => s.id)).toEqual([first.saved.id]);
    const readsForOneCard = reads.mock.calls.length;
    expect(readsForOneCard).toBeGreaterThan(0);
    expect((await actions.library()).map((s) => s.id)).toEqual([first.saved.id]);
    expect(reads.mock.calls.length).toBe(readsForOneCard);

    const second = await createAnnotationStore().saveSource(sampleSource({ title: 'Another report' }));
    if (!second.ok) throw new Error(second.error);
    expect((await actions.library()).map((s) => s.id).sort()).toEqual([first.saved.id, second.saved.id].sort());
    reads.mockRestore();
  });

  it('stop() removes the storage listener the library cache added', async () => {
    const access = createAnnotationAccess(async () => annotationsModule);
    const actions = actionsOf(access);
    const listeners = (): number => (fakeBrowser.storage.onChanged as unknown as { hasListeners(): boolean }).hasListeners() ? 1 : 0;
    expect(listeners()).toBe(0);
    await actions.library();
    expect(listeners()).toBe(1);
    access.stop();
    expect(listeners()).toBe(0);
  });

  it('an action loads the code on first use, and a failed load is retried', async () => {
    await createAnnotationStore().saveSource(sampleSource());
    const load = vi
      .fn<() => Promise<LazyModules['annotations']>>()
      .mockRejectedValueOnce(new Error('not loaded'))
      .mockResolvedValue(annotationsModule);
    const access = createAnnotationAccess(load);
    const analysis = {} as Parameters<typeof access.actionsFor>[0]['analysis'];
    const actions = access.actionsFor({ doc: document, analysis });
    expect(load).not.toHaveBeenCalled();
    await expect(actions.library()).rejects.toThrow('not loaded');
    expect(await actions.library()).toHaveLength(1);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('watches annotation data only', async () => {
    const access = createAnnotationAccess(async () => annotationsModule);
    const changed = vi.fn();
    const stop = access.watch(changed);
    await fakeBrowser.storage.local.set({ [HIGHLIGHT_SETTINGS_KEY]: { global: false, sites: {} } });
    expect(changed).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ 'annotation:x': {} });
    expect(changed).toHaveBeenCalledTimes(1);
    stop();
    await fakeBrowser.storage.local.set({ 'annotation:y': {} });
    expect(changed).toHaveBeenCalledTimes(1);
  });
});

describe('loadLazyModule', () => {
  const fixture = (name: string): string => path.resolve(__dirname, '../fixtures/lazy', name);

  it('says which part did not load when its script hands nothing over, and tries again on the next use', async () => {
    const getURL = vi.spyOn(fakeBrowser.runtime, 'getURL').mockReturnValue(fixture('provides-nothing.ts'));
    await expect(loadLazyModule('card-ui')).rejects.toThrow('ClaimLens: card-ui did not load');
    getURL.mockReturnValue(fixture('provides-card-ui.ts'));
    const ui = await loadLazyModule('card-ui');
    expect(ui).toBe(providedLazyModule('card-ui'));
    expect(typeof ui.createRenderer).toBe('function');
    // Loaded once: the next use neither asks for the script again nor imports it.
    getURL.mockClear();
    expect(await loadLazyModule('card-ui')).toBe(ui);
    expect(getURL).not.toHaveBeenCalled();
  });
});
