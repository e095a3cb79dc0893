import { describe, expect, it } from 'vitest';
import {
  VERDICTS,
  isSafeHttpUrl,
  isVerdict,
  newAnnotation,
  newSourceNote,
  verdictInfo,
  type Verdict,
} from '../../core/annotations/model';
import { parseAnnotation, parseSourceNote, isValidId, normalizeIsoTime } from '../../core/annotations/validate';
import { MAX_NOTE_LENGTH } from '../../core/annotations/limits';
import { sampleAnnotation, sampleSource } from './annotations-helpers';

describe('verdict vocabulary', () => {
  it('is the documented ordered list with ClaimReview ratings', () => {
    expect(VERDICTS.map((v) => [v.id, v.rating])).toEqual([
      ['true', 5],
      ['mostly-true', 4],
      ['half-true', 3],
      ['misleading', 2],
      ['false', 1],
      ['unverifiable', 0],
    ]);
    for (const v of VERDICTS) {
      expect(v.label).not.toBe('');
      expect(v.colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(verdictInfo(v.id)).toBe(v);
    }
    expect(isVerdict('mostly-true')).toBe(true);
    expect(isVerdict('pants-on-fire')).toBe(false);
    expect(isVerdict(5)).toBe(false);
  });
});

describe('newAnnotation / newSourceNote', () => {
  it('builds a W3C annotation with urn:uuid id, times and a ClaimLens body', () => {
    const now = new Date('2024-05-01T12:00:00.000Z');
    const selector = [
      { type: 'TextQuoteSelector' as const, exact: 'x rose 5%', prefix: 'p', suffix: 's' },
      { type: 'TextPositionSelector' as const, start: 3, end: 12 },
    ];
    const a = newAnnotation({ source: 'https://x.example/a', selector, now, claim: { kinds: ['statistic'] } });
    expect(a).toEqual({
      id: expect.stringMatching(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      type: 'Annotation',
      motivation: 'commenting',
      created: now.toISOString(),
      modified: now.toISOString(),
      target: { source: 'https://x.example/a', selector },
      body: { type: 'ClaimLensAssessment', verdict: null, note: '', tags: [], sources: [] },
      claim: { kinds: ['statistic'] },
    });
    expect(a.target.selector[0]).not.toBe(selector[0]); // copied, not shared
    expect(newAnnotation({ source: 'https://x.example/a', selector, body: { verdict: 'false' } }).motivation).toBe('assessing');
    expect(newAnnotation({ source: 'https://x.example/a', selector }).id).not.toBe(a.id);
  });

  it('builds a source note with empty defaults', () => {
    const s = newSourceNote({ title: 'Report', url: '  https://x.example/r  ' });
    expect(s).toMatchObject({ type: 'SourceNote', title: 'Report', url: 'https://x.example/r', publisher: '', date: '', excerpt: '', reliability: '' });
    expect(s.created).toBe(s.modified);
  });
});

describe('isSafeHttpUrl', () => {
  it.each([
    ['https://example.org/a?b=1#c', true],
    ['http://example.org', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
    ['file:///etc/passwd', false],
    ['ftp://example.org/f', false],
    ['//example.org/protocol-relative', false],
    ['/relative/path', false],
    ['', false],
    [' https://example.org', false],
    ['http://', false],
  ])('%j → %s', (url, expected) => {
    expect(isSafeHttpUrl(url)).toBe(expected);
  });
});

describe('validation', () => {
  it('accepts what newAnnotation builds and returns an equal, separate copy', () => {
    const a = sampleAnnotation();
    const parsed = parseAnnotation(a);
    expect(parsed).toEqual({ ok: true, value: a });
    if (parsed.ok) expect(parsed.value).not.toBe(a);
  });

  it('drops unknown fields, unknown selector types and unknown claim kinds', () => {
    const a = sampleAnnotation();
    const messy = {
      ...a,
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      extra: { evil: true },
      __proto__: { polluted: true },
      target: { ...a.target, selector: [...a.target.selector, { type: 'CssSelector', value: '#x' }] },
      claim: { kinds: ['statistic', 'telepathy'], speaker: 'X' },
    };
    const parsed = parseAnnotation(messy);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).not.toHaveProperty('extra');
    expect(parsed.value).not.toHaveProperty('@context');
    expect(parsed.value.target.selector).toHaveLength(2);
    expect(parsed.value.claim).toEqual({ kinds: ['statistic'], speaker: 'X' });
  });

  it('normalises tags: trimmed, no empties, no duplicates', () => {
    const a = sampleAnnotation({ body: { tags: [' economy ', 'economy', '', 'jobs'] } });
    const parsed = parseAnnotation(a);
    expect(parsed.ok && parsed.value.body.tags).toEqual(['economy', 'jobs']);
  });

  it.each<[string, (a: ReturnType<typeof sampleAnnotation>) => unknown]>([
    ['wrong type', (a) => ({ ...a, type: 'Note' })],
    ['missing id', (a) => ({ ...a, id: undefined })],
    ['id with whitespace', (a) => ({ ...a, id: 'a b' })],
    ['id ending in $', (a) => ({ ...a, id: 'urn:x$' })],
    ['bad created', (a) => ({ ...a, created: 'last week' })],
    ['numeric modified', (a) => ({ ...a, modified: 5 })],
    ['javascript: page', (a) => ({ ...a, target: { ...a.target, source: 'javascript:alert(1)' } })],
    ['no quote selector', (a) => ({ ...a, target: { ...a.target, selector: [{ type: 'TextPositionSelector', start: 0, end: 1 }] } })],
    ['empty quote', (a) => ({ ...a, target: { ...a.target, selector: [{ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }] } })],
    ['negative offsets', (a) => ({ ...a, target: { ...a.target, selector: [...a.target.selector, { type: 'TextPositionSelector', start: -1, end: 2 }] } })],
    ['end before start', (a) => ({ ...a, target: { ...a.target, selector: [...a.target.selector, { type: 'TextPositionSelector', start: 5, end: 2 }] } })],
    ['unknown verdict', (a) => ({ ...a, body: { ...a.body, verdict: 'pants-on-fire' } })],
    ['note not text', (a) => ({ ...a, body: { ...a.body, note: { html: '<b>' } } })],
    ['note too long', (a) => ({ ...a, body: { ...a.body, note: 'x'.repeat(MAX_NOTE_LENGTH + 1) } })],
    ['tags not a list', (a) => ({ ...a, body: { ...a.body, tags: 'economy' } })],
    ['bad source id', (a) => ({ ...a, body: { ...a.body, sources: ['ok', ''] } })],
    ['foreign body type', (a) => ({ ...a, body: { ...a.body, type: 'TextualBody' } })],
  ])('rejects an annotation with %s', (_label, mutate) => {
    const parsed = parseAnnotation(mutate(sampleAnnotation()));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(3);
  });

  it('accepts the longest allowed note and keeps it exactly', () => {
    const note = '<p>'.padEnd(MAX_NOTE_LENGTH, '\n');
    const parsed = parseAnnotation(sampleAnnotation({ body: { note } }));
    expect(parsed.ok && parsed.value.body.note).toBe(note);
  });

  it('source notes: reject unsafe URLs by default, drop them on request', () => {
    const bad = { ...sampleSource(), url: 'javascript:alert(1)' };
    expect(parseSourceNote(bad).ok).toBe(false);
    const dropped = parseSourceNote(bad, { unsafeUrl: 'drop' });
    expect(dropped).toMatchObject({ ok: true, urlDropped: true, value: { url: '', title: bad.title } });
    expect(parseSourceNote({ ...sampleSource(), title: '   ' }).ok).toBe(false);
    expect(parseSourceNote(sampleSource())).toMatchObject({ ok: true, urlDropped: false });
  });

  it('ids and times', () => {
    expect(isValidId('urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427')).toBe(true);
    expect(isValidId('https://example.org/anno/1')).toBe(true);
    expect(isValidId('x'.repeat(257))).toBe(false);
    expect(normalizeIsoTime('2024-03-05T10:00:00+01:00')).toBe('2024-03-05T09:00:00.000Z');
    expect(normalizeIsoTime('2024-13-45T00:00:00Z')).toBeNull();
    expect(normalizeIsoTime('1710000000000')).toBeNull();
  });

  it('every verdict id round-trips through validation', () => {
    for (const { id } of VERDICTS) {
      const parsed = parseAnnotation(sampleAnnotation({ body: { verdict: id as Verdict } }));
      expect(parsed.ok && parsed.value.body.verdict).toBe(id);
    }
  });
});
