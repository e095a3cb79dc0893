import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  exportAnnotationCollection,
  exportClaimReviews,
  exportToJson,
  importJsonLd,
} from '../../core/annotations/import-export';
import { MAX_IMPORT_CHARS, MAX_IMPORT_RECORDS } from '../../core/annotations/limits';
import { ANNOTATION_CONTEXT, type Annotation, type SourceNote } from '../../core/annotations/model';
import { EXPORT_CONTEXT } from '../../core/annotations/jsonld-context';
import { createAnnotationStore, type AnnotationStore } from '../../core/annotations/store';
import { PAGE, sampleAnnotation, sampleSource } from './annotations-helpers';

const fixture = (name: string): string => readFileSync(resolve(__dirname, '../fixtures/import', name), 'utf8');

beforeEach(() => {
  fakeBrowser.reset();
});

async function seed(store: AnnotationStore): Promise<{ annotations: Annotation[]; sources: SourceNote[] }> {
  const s1 = await store.saveSource(sampleSource());
  const s2 = await store.saveSource(sampleSource({ title: 'Unlinked source', url: '' }));
  if (!s1.ok || !s2.ok) throw new Error('seed failed');
  const a = await store.saveAnnotation(sampleAnnotation({ body: { verdict: 'false', note: 'Wrong.\n<b>really</b>', tags: ['x'], sources: [s1.saved.id] } }));
  const b = await store.saveAnnotation(sampleAnnotation({ source: 'https://other.example.org/a', body: { verdict: null, note: 'just a note' }, claim: undefined }));
  const c = await store.saveAnnotation(sampleAnnotation({ body: { verdict: 'unverifiable' }, claim: { kinds: ['quote'] } }));
  if (!a.ok || !b.ok || !c.ok) throw new Error('seed failed');
  return { annotations: await store.listAnnotations(), sources: await store.listSources() };
}

/** Everything the store holds, for before/after comparisons. */
const everything = () => fakeBrowser.storage.local.get(null);

describe('export', () => {
  it('is a W3C AnnotationCollection with inline items and sources as an extension field', async () => {
    const store = createAnnotationStore();
    const { annotations, sources } = await seed(store);
    const collection = exportAnnotationCollection(annotations, sources, { now: new Date('2024-04-01T00:00:00Z') });
    expect(collection['@context']).toEqual([ANNOTATION_CONTEXT, expect.objectContaining({ verdict: 'cl:verdict' })]);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(3);
    expect(collection.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    const first = collection.first as { type: string; items: Annotation[] };
    expect(first.type).toBe('AnnotationPage');
    expect(first.items.map((a) => a.id)).toEqual(annotations.map((a) => a.id));
    expect(first.items[0]).toEqual(annotations[0]);
    expect(collection.sourceNotes).toEqual(sources);
    // JSON-serialisable and does not share objects with the inputs
    expect(JSON.parse(exportToJson(collection))).toEqual(collection);
    first.items[0]!.body.note = 'mutated';
    expect(annotations[0]!.body.note).not.toBe('mutated');
  });

  it('exports one page: its annotations and only the sources they link', async () => {
    const store = createAnnotationStore();
    const { annotations, sources } = await seed(store);
    const collection = exportAnnotationCollection(annotations, sources, { source: `${PAGE}?utm_medium=email#top` });
    const items = (collection.first as { items: Annotation[] }).items;
    expect(items).toHaveLength(2);
    expect(items.every((a) => a.target.source === PAGE)).toBe(true);
    expect((collection.sourceNotes as SourceNote[]).map((s) => s.title)).toEqual(['Labour market overview, March 2024']);
    expect(collection.total).toBe(2);
  });

  it('ClaimReview: quote, appearance, speaker, rating scale, unverifiable without number, no verdict left out', async () => {
    const store = createAnnotationStore();
    const { annotations, sources } = await seed(store);
    const reviews = exportClaimReviews(annotations, sources);
    expect(reviews).toHaveLength(2);
    const falseReview = reviews.find((r) => (r.reviewRating as { alternateName: string }).alternateName === 'False')!;
    expect(falseReview).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'unemployment fell to 3.9%',
      itemReviewed: {
        '@type': 'Claim',
        appearance: { '@type': 'CreativeWork', url: PAGE },
        author: { '@type': 'Person', name: 'the minister' },
      },
      reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
      reviewBody: 'Wrong.\n<b>really</b>',
      citation: [{ '@type': 'CreativeWork', name: 'Labour market overview, March 2024', url: 'https://www.ons.gov.uk/releases/labour-market-march-2024' }],
    });
    const unverifiable = reviews.find((r) => r !== falseReview)!;
    expect(unverifiable.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable' });
    expect(unverifiable.itemReviewed).not.toHaveProperty('author');
    expect(unverifiable).not.toHaveProperty('reviewBody');
  });

  it('maps every verdict to its documented rating', () => {
    const expected = { true: 5, 'mostly-true': 4, 'half-true': 3, misleading: 2, false: 1 } as const;
    for (const [verdict, rating] of Object.entries(expected)) {
      const [review] = exportClaimReviews([sampleAnnotation({ body: { verdict: verdict as keyof typeof expected } })]);
      expect((review!.reviewRating as { ratingValue: number }).ratingValue, verdict).toBe(rating);
    }
  });
});

describe('import: round trip and merge', () => {
  it('export → clear → import gives back the same state', async () => {
    const store = createAnnotationStore();
    const { annotations, sources } = await seed(store);
    const text = exportToJson(exportAnnotationCollection(annotations, sources));

    fakeBrowser.reset();
    const fresh = createAnnotationStore();
    expect(await fresh.listAnnotations()).toEqual([]);
    const report = await importJsonLd(fresh, text);
    expect(report).toEqual({ ok: true, added: 5, updated: 0, skipped: 0, invalid: 0 });
    expect(await fresh.listAnnotations()).toEqual(annotations);
    expect(await fresh.listSources()).toEqual(sources);

    // importing the same file again changes nothing
    const before = await everything();
    expect(await importJsonLd(fresh, text)).toEqual({ ok: true, added: 0, updated: 0, skipped: 5, invalid: 0 });
    expect(await everything()).toEqual(before);
  });

  it('newer modified wins; older and equal are skipped', async () => {
    const store = createAnnotationStore();
    const { annotations, sources } = await seed(store);
    const a = annotations.find((x) => x.body.note.startsWith('Wrong'))!;
    const b = annotations.find((x) => x.body.note === 'just a note')!;
    const newer = { ...a, modified: '2030-01-01T00:00:00.000Z', body: { ...a.body, note: 'from the file' } };
    const older = { ...b, modified: '2000-01-01T00:00:00.000Z', body: { ...b.body, note: 'stale' } };
    const brandNew = sampleAnnotation({ body: { verdict: 'true' } });
    const report = await importJsonLd(store, exportToJson(exportAnnotationCollection([newer, older, brandNew], sources)));
    expect(report).toMatchObject({ ok: true, added: 1, updated: 1, skipped: 1 + sources.length, invalid: 0 });
    expect((await store.getAnnotation(a.id))?.body.note).toBe('from the file');
    expect((await store.getAnnotation(b.id))?.body.note).toBe('just a note');
    expect(await store.getAnnotation(brandNew.id)).toEqual(brandNew);
  });

  it('accepts a bare AnnotationPage, a single Annotation and an array', async () => {
    const store = createAnnotationStore();
    const a = sampleAnnotation();
    const b = sampleAnnotation();
    const s = sampleSource();
    expect(await importJsonLd(store, JSON.stringify({ type: 'AnnotationPage', items: [a] }))).toMatchObject({ ok: true, added: 1 });
    expect(await importJsonLd(store, JSON.stringify({ '@context': ANNOTATION_CONTEXT, ...b }))).toMatchObject({ ok: true, added: 1 });
    expect(await importJsonLd(store, JSON.stringify([s]))).toMatchObject({ ok: true, added: 1 });
    expect(await store.listAnnotations()).toHaveLength(2);
  });

  it('the committed sample export uses the current JSON-LD context', () => {
    expect(JSON.parse(fixture('valid-export.jsonld'))['@context']).toEqual(JSON.parse(JSON.stringify(EXPORT_CONTEXT)));
  });

  it('reads a file with a byte-order mark', async () => {
    const store = createAnnotationStore();
    const text = `\uFEFF${exportToJson(exportAnnotationCollection([sampleAnnotation()], []))}`;
    expect(await importJsonLd(store, text)).toMatchObject({ ok: true, added: 1 });
  });

  it('says so when a paged collection continues in other files', async () => {
    const store = createAnnotationStore();
    const text = JSON.stringify({ type: 'AnnotationCollection', total: 2, first: { type: 'AnnotationPage', items: [sampleAnnotation()], next: 'https://x.example/page2' } });
    const report = await importJsonLd(store, text);
    expect(report).toMatchObject({ ok: true, added: 1 });
    expect(report.messages?.join(' ')).toMatch(/other pages/);
  });

  it('imports the committed sample export', async () => {
    const store = createAnnotationStore();
    const report = await importJsonLd(store, fixture('valid-export.jsonld'));
    expect(report).toEqual({ ok: true, added: 3, updated: 0, skipped: 0, invalid: 0 });
    const [annotation] = await store.listAnnotations();
    expect(annotation?.body.sources).toEqual(['urn:uuid:5b0f6a4e-8d2c-4c1e-9f3a-2b7d1e0c9a11']);
    expect((await store.annotationsUsingSource('urn:uuid:5b0f6a4e-8d2c-4c1e-9f3a-2b7d1e0c9a11')).map((a) => a.id)).toEqual([annotation?.id]);
  });
});

describe('import: bad input leaves stored data untouched', () => {
  async function seededStore(): Promise<{ store: AnnotationStore; before: Record<string, unknown> }> {
    const store = createAnnotationStore();
    await seed(store);
    return { store, before: await everything() };
  }

  it('invalid JSON', async () => {
    const { store, before } = await seededStore();
    const report = await importJsonLd(store, fixture('invalid-json.jsonld'));
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/not valid JSON/);
    expect(report).toMatchObject({ added: 0, updated: 0, skipped: 0 });
    expect(await everything()).toEqual(before);
  });

  it.each([
    ['a number', '42'],
    ['null', 'null'],
    ['a string', '"hello"'],
    ['an unrelated object', '{"name":"not annotations"}'],
    ['a collection whose items are not a list', '{"type":"AnnotationCollection","first":{"items":{}}}'],
    ['a collection that only links to its pages', '{"type":"AnnotationCollection","total":3,"first":"https://example.org/page1"}'],
    ['sourceNotes that is not a list', '{"type":"AnnotationCollection","first":{"items":[]},"sourceNotes":{}}'],
  ])('the wrong shape: %s', async (_label, text) => {
    const { store, before } = await seededStore();
    const report = await importJsonLd(store, text);
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/Nothing was imported/);
    expect(await everything()).toEqual(before);
  });

  it('a 50 MB file is refused before parsing', async () => {
    const { store, before } = await seededStore();
    const parse = vi.spyOn(JSON, 'parse');
    const big = `{"type":"AnnotationCollection","first":{"items":[]},"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    const report = await importJsonLd(store, big);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/too large/);
    expect(report.error).toMatch(/the limit is 32 MB/);
    expect(await everything()).toEqual(before);
  }, 30_000);

  it('a file just under the size limit is still read', async () => {
    const store = createAnnotationStore();
    const a = sampleAnnotation();
    const body = JSON.stringify({ type: 'AnnotationCollection', first: { items: [a] }, pad: '' });
    const padded = body.replace('"pad":""', `"pad":"${'x'.repeat(MAX_IMPORT_CHARS - body.length)}"`);
    expect(padded.length).toBe(MAX_IMPORT_CHARS);
    expect(await importJsonLd(store, padded)).toMatchObject({ ok: true, added: 1 });
  }, 30_000);

  it('100,000 records are refused (above the record limit) before validation', async () => {
    const { store, before } = await seededStore();
    // Minimal records keep the file under the size limit, so the record limit is what refuses it.
    const items = Array.from({ length: 100_000 }, (_, i) => ({ id: `r${i}` }));
    const text = JSON.stringify({ type: 'AnnotationCollection', first: { items } });
    expect(text.length).toBeLessThan(MAX_IMPORT_CHARS);
    const report = await importJsonLd(store, text);
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/100,000 records/);
    expect(report.error).toMatch(/at most 20,000/);
    expect(report.invalid).toBe(0); // refused before validating
    expect(await everything()).toEqual(before);
  }, 30_000);

  it(`a file of exactly ${MAX_IMPORT_RECORDS.toLocaleString('en')} real records imports in one batch`, async () => {
    const store = createAnnotationStore();
    await store.listAnnotations();
    const template = sampleAnnotation();
    const items = Array.from({ length: MAX_IMPORT_RECORDS }, (_, i) => ({ ...template, id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    const setSpy = vi.spyOn(fakeBrowser.storage.local, 'set');
    const report = await importJsonLd(store, JSON.stringify({ type: 'AnnotationCollection', first: { items } }));
    expect(report).toEqual({ ok: true, added: MAX_IMPORT_RECORDS, updated: 0, skipped: 0, invalid: 0 });
    expect(setSpy).toHaveBeenCalledTimes(1);
    setSpy.mockRestore();
    const stored = Object.keys(await everything()).filter((k) => k.startsWith('annotation:'));
    expect(stored).toHaveLength(MAX_IMPORT_RECORDS);
  }, 60_000); // a second or two on an idle machine; the shared CI box can be 10x slower

  it('javascript:/data: URLs: source note URL dropped, note kept; annotation on such a page invalid', async () => {
    const store = createAnnotationStore();
    const report = await importJsonLd(store, fixture('unsafe-urls.jsonld'));
    expect(report).toMatchObject({ ok: true, added: 3, invalid: 2, urlsDropped: 2 });
    const sources = await store.listSources();
    expect(sources.map((s) => [s.title, s.url]).sort()).toEqual([
      ['Data URL source', ''],
      ['Good source', 'https://example.org/report'],
      ['Script source', ''],
    ]);
    expect(await store.listAnnotations()).toEqual([]);
    expect(JSON.stringify(await everything())).not.toMatch(/javascript:|data:text/);
  });

  it('HTML and script in notes are stored exactly as plain text', async () => {
    const store = createAnnotationStore();
    const report = await importJsonLd(store, fixture('html-in-notes.jsonld'));
    expect(report).toMatchObject({ ok: true, added: 2, invalid: 0 });
    const original = JSON.parse(fixture('html-in-notes.jsonld')) as { first: { items: Annotation[] }; sourceNotes: SourceNote[] };
    const [annotation] = await store.listAnnotations();
    expect(annotation?.body.note).toBe(original.first.items[0]!.body.note);
    expect(annotation?.body.note).toContain('<script>alert("x")</script>');
    expect(annotation?.body.note).toContain('\n');
    const [source] = await store.listSources();
    expect(source?.reliability).toBe(original.sourceNotes[0]!.reliability);
    expect(source?.excerpt).toBe(original.sourceNotes[0]!.excerpt);
  });

  it('duplicate ids in one file: the newest copy is used, the others count as invalid', async () => {
    const store = createAnnotationStore();
    const report = await importJsonLd(store, fixture('duplicate-ids.jsonld'));
    expect(report).toMatchObject({ ok: true, added: 1, invalid: 2 });
    expect(report.messages?.join(' ')).toMatch(/repeat an id/);
    const [annotation] = await store.listAnnotations();
    expect(annotation?.body.note).toBe('third copy, newest');
  });

  it('invalid records are counted and left out; the valid ones are imported', async () => {
    const store = createAnnotationStore();
    const good = sampleAnnotation();
    const items = [
      good,
      { ...sampleAnnotation(), body: { ...good.body, verdict: 'pants-on-fire' } },
      { ...sampleAnnotation(), created: 'yesterday' },
      { ...sampleAnnotation(), target: { source: PAGE, selector: [{ type: 'TextPositionSelector', start: 1, end: 2 }] } },
      'not an object',
      { ...sampleAnnotation(), id: 'has spaces in it' },
    ];
    const report = await importJsonLd(store, JSON.stringify({ type: 'AnnotationCollection', first: { items } }));
    expect(report).toMatchObject({ ok: true, added: 1, invalid: 5, updated: 0, skipped: 0 });
    expect(report.messages?.join(' ')).toMatch(/unknown verdict/);
    expect((await store.listAnnotations()).map((a) => a.id)).toEqual([good.id]);
  });

  it('a file where nothing is valid fails with the reason', async () => {
    const { store, before } = await seededStore();
    const report = await importJsonLd(store, JSON.stringify({ type: 'AnnotationCollection', first: { items: [{ type: 'Annotation' }] } }));
    expect(report).toMatchObject({ ok: false, invalid: 1 });
    expect(report.error).toMatch(/None of the 1 records/);
    expect(await everything()).toEqual(before);
  });

  it('links to source notes missing from the file and from storage are removed', async () => {
    const store = createAnnotationStore();
    const a = sampleAnnotation({ body: { sources: ['urn:uuid:ghost'] } });
    const report = await importJsonLd(store, JSON.stringify({ type: 'AnnotationCollection', first: { items: [a] } }));
    expect(report.ok).toBe(true);
    expect((await store.getAnnotation(a.id))?.body.sources).toEqual([]);
  });

  it('storage full during import: nothing from the file is written, clear message', async () => {
    const { store, before } = await seededStore();
    const items = Array.from({ length: 50 }, () => sampleAnnotation());
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const report = await importJsonLd(store, JSON.stringify({ type: 'AnnotationCollection', first: { items } }));
    spy.mockRestore();
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/^Storage is full/);
    expect(report.error).toMatch(/Nothing from this file was imported/);
    expect(report).toMatchObject({ added: 0, updated: 0 });
    expect(await everything()).toEqual(before);
  });
});
