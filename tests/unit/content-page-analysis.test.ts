import { anchorMany } from '../../core/anchoring/anchor';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAnnotationStore, type AnnotationStore } from '../../core/annotations/store';
import { createAnnotationActions } from '../../features/annotation-actions';
import { createPageAnalysis, type PageAnalysis } from '../../features/page-analysis';
import { createPageSession, pageStateOf, type PageSession } from '../../features/page-session';
import { buildTextIndex } from '../../core/text/text-index';

const SEED_NEWS = readFileSync(resolve(__dirname, '../fixtures/pages/seed-news.html'), 'utf8');

function load(html: string): void {
  document.open();
  document.write(html);
  document.close();
}

interface Harness {
  session: PageSession;
  analysis: PageAnalysis;
  store: AnnotationStore;
  enabled: { value: boolean };
  /** The lazily loaded anchoring engine's loader. */
  loadAnchoring: ReturnType<typeof vi.fn<() => Promise<{ anchorMany: typeof anchorMany }>>>;
}

function setUp(prepare?: () => Promise<number>): Harness {
  const session = createPageSession();
  const store = createAnnotationStore();
  const enabled = { value: true };
  const loadAnchoring = vi.fn(async () => ({ anchorMany }));
  const analysis = createPageAnalysis({
    doc: document,
    session,
    isEnabled: async () => enabled.value,
    loadAnnotations: (source) => store.listAnnotations(source),
    loadAnchoring,
    quietly: (change) => change(),
    prepare,
  });
  return { session, analysis, store, enabled, loadAnchoring };
}

const markIds = (): string[] => [
  ...new Set(Array.from(document.querySelectorAll('claimlens-mark'), (m) => m.getAttribute('data-claimlens-id')!)),
];

describe('page analysis in the content script', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    load(SEED_NEWS);
  });

  it('marks every detected claim, reports ready with per-stage timings, and changes no text', async () => {
    const before = document.body.innerHTML;
    const textBefore = buildTextIndex(document.body).text;
    const { session, analysis } = setUp();
    await analysis.run();
    expect(session.status).toBe('ready');
    expect(session.claims.length).toBeGreaterThan(3);
    expect(markIds().sort()).toEqual(session.claims.map((c) => c.id).sort());
    expect(buildTextIndex(document.body).text).toBe(textBefore);
    const state = pageStateOf(session, document, analysis.source());
    expect(state.timings).toBeDefined();
    expect(Object.keys(state.timings!).sort()).toEqual(['anchoring', 'article', 'claims', 'clear', 'highlight', 'index', 'prepare', 'scoring', 'total']);
    // The total covers the whole pipeline, every stage included; clearing the previous marks and the
    // preparation before a first run are apart, and scoring is part of the claim stage.
    const { total, clear, scoring, prepare, ...stages } = state.timings!;
    expect(prepare).toBe(0); // no deps.prepare here
    expect(clear).toBeGreaterThanOrEqual(0);
    expect(scoring).toBeGreaterThan(0);
    expect(scoring).toBeLessThanOrEqual(stages.claims);
    expect(total).toBeGreaterThanOrEqual(Object.values(stages).reduce((sum, ms) => sum + ms, 0) - 1e-9);
    // Marks sit inside the article only: the decoy ticker and sidebar are untouched.
    expect(document.querySelector('.ticker claimlens-mark, .sidebar claimlens-mark')).toBeNull();
    analysis.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('prepares once, before the first analysis of an enabled page, and reports that work on that run only', async () => {
    const order: string[] = [];
    const prepare = vi.fn(async () => {
      order.push(`prepare with ${document.querySelectorAll('claimlens-mark').length} marks`);
      return 12.5;
    });
    const { session, analysis, enabled } = setUp(prepare);
    enabled.value = false;
    await analysis.run();
    expect(prepare).not.toHaveBeenCalled();
    enabled.value = true;
    await analysis.run();
    expect(order).toEqual(['prepare with 0 marks']);
    expect(session.timings?.prepare).toBe(12.5);
    await analysis.run();
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(session.timings?.prepare).toBe(0);
    expect(session.status).toBe('ready');
  });

  it('runs again on the same DOM with the same result (rerunPipeline)', async () => {
    const { session, analysis } = setUp();
    await analysis.run();
    const first = markIds();
    await analysis.run();
    expect(markIds()).toEqual(first);
    // Each span is marked once: the first run's marks were taken out before the second drew its own.
    const tabStops = Array.from(document.querySelectorAll('claimlens-mark[tabindex="0"]'), (m) => m.getAttribute('data-claimlens-id'));
    expect(tabStops.sort()).toEqual([...first].sort());
    expect(session.status).toBe('ready');
  });

  it('shows a saved verdict on the claim at once, and anchors it again on a fresh load', async () => {
    const { session, analysis, store, loadAnchoring } = setUp();
    await analysis.run();
    // No annotations yet: the anchoring engine is not loaded.
    expect(loadAnchoring).not.toHaveBeenCalled();
    const actions = createAnnotationActions({ doc: document, store, analysis });
    const span = [...session.spans.values()][1]!;
    const saved = await actions.save({ span }, { verdict: 'false', note: 'wrong', tags: [], sources: [] });
    expect(saved.ok).toBe(true);
    const marks = Array.from(document.querySelectorAll(`claimlens-mark[data-claimlens-id="${span.id}"]`));
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.getAttribute('data-claimlens-verdict')).toBe('false');

    // A reload: fresh DOM, fresh content script, same storage.
    load(SEED_NEWS);
    const again = setUp();
    await again.analysis.run();
    expect(again.loadAnchoring).toHaveBeenCalledTimes(1);
    const mark = document.querySelector(`claimlens-mark[data-claimlens-id="${span.id}"]`);
    expect(mark?.getAttribute('data-claimlens-verdict')).toBe('false');
    expect(mark?.getAttribute('data-claimlens-annotation')).toBe(saved.ok ? saved.value.id : '');
    const state = pageStateOf(again.session, document, again.analysis.source());
    expect(state.annotations).toEqual([
      expect.objectContaining({ claimId: span.id, verdict: 'false', anchored: true }),
    ]);
  });

  it('marks an annotation on text outside the article with its own marks', async () => {
    const { session, analysis, store } = setUp();
    await analysis.run();
    const actions = createAnnotationActions({ doc: document, store, analysis });
    const text = buildTextIndex(document.body).text;
    const start = text.indexOf('Prices rose 12 percent');
    const result = await actions.save(
      { range: { start, end: start + 'Prices rose 12 percent'.length }, text },
      { verdict: 'half-true', note: '', tags: ['sidebar'], sources: [] },
    );
    expect(result.ok).toBe(true);
    const id = result.ok ? result.value.id : '';
    const mark = document.querySelector(`.sidebar claimlens-mark[data-claimlens-id="${id}"]`);
    expect(mark?.textContent).toBe('Prices rose 12 percent');
    expect(mark?.getAttribute('data-claimlens-verdict')).toBe('half-true');
    expect(mark?.hasAttribute('data-claimlens-kind')).toBe(false);
    expect(session.spans.get(id)?.claim).toBeNull();

    // Deleting it takes its marks away and leaves the claims alone.
    const claimsMarked = markIds().length - 1;
    await actions.remove(result.ok ? result.value : (undefined as never));
    expect(document.querySelector(`claimlens-mark[data-claimlens-id="${id}"]`)).toBeNull();
    expect(markIds()).toHaveLength(claimsMarked);
  });

  it('saves the right text after the page changed text above the article (offsets brought up to date)', async () => {
    const { session, analysis, store } = setUp();
    await analysis.run();
    const actions = createAnnotationActions({ doc: document, store, analysis });
    const span = [...session.spans.values()][2]!;
    // A ticker above the article grows: every body offset after it moves.
    document.querySelector('.topbar')!.textContent += ' | Oil up 3% to $64.10 a barrel in early trading';
    const result = await actions.save({ span }, { verdict: 'true', note: '', tags: [], sources: [] });
    expect(result.ok).toBe(true);
    const quote = result.ok ? result.value.target.selector.find((s) => s.type === 'TextQuoteSelector') : undefined;
    expect(quote && 'exact' in quote ? quote.exact : '').toBe(span.claim!.text);
    const marked = Array.from(document.querySelectorAll(`claimlens-mark[data-claimlens-id="${span.id}"]`), (m) => m.textContent).join('');
    expect(marked.replace(/\s+/g, ' ')).toBe(span.claim!.text.replace(/\s+/g, ' '));
    expect(document.querySelector(`claimlens-mark[data-claimlens-id="${span.id}"]`)?.getAttribute('data-claimlens-verdict')).toBe('true');
  });

  it('gives claim ranges in the body text as it is now, with or without annotations on the page', async () => {
    const { session, analysis, store } = setUp();
    await analysis.run();
    const claim = session.claims[1]!;
    const bodySlice = (): string => {
      const range = analysis.claimRange(claim.id);
      return range ? buildTextIndex(document.body).text.slice(range.start, range.end) : '';
    };
    // No annotations: the marks were drawn over the article's index; body offsets come on demand.
    await analysis.ensureCurrent();
    expect(bodySlice()).toBe(claim.text);
    document.querySelector('.topbar')!.textContent += ' | Gold down 1% at $1,900';
    await analysis.ensureCurrent();
    expect(bodySlice()).toBe(claim.text);

    // With an annotation stored, the run anchors in body coordinates; a text change above moves them.
    const actions = createAnnotationActions({ doc: document, store, analysis });
    const saved = await actions.save({ span: session.spans.get(claim.id)! }, { verdict: 'true', note: '', tags: [], sources: [] });
    expect(saved.ok).toBe(true);
    await analysis.run();
    document.querySelector('.topbar')!.textContent += ' | Silver flat';
    await analysis.ensureCurrent();
    expect(bodySlice()).toBe(claim.text);
    expect(document.querySelector(`claimlens-mark[data-claimlens-id="${claim.id}"]`)?.getAttribute('data-claimlens-verdict')).toBe('true');
  });

  it('says disabled and marks nothing when highlights are off', async () => {
    const { session, analysis, enabled } = setUp();
    enabled.value = false;
    await analysis.run();
    expect(session.status).toBe('disabled');
    expect(document.querySelector('claimlens-mark')).toBeNull();
  });

  it('puts the marks back after the page re-renders its article, and does nothing when nothing changed', async () => {
    const { analysis } = setUp();
    await analysis.run();
    const ids = markIds();
    const detail = document.querySelector('.news-detail')!;
    const marksBefore = Array.from(document.querySelectorAll('claimlens-mark'));
    await analysis.checkForChanges();
    // Nothing changed: the very same mark elements are still in place.
    expect(Array.from(document.querySelectorAll('claimlens-mark'))).toEqual(marksBefore);

    // The page re-renders the article from its own copy of the markup (as frameworks do).
    const clean = detail.cloneNode(true) as Element;
    clean.querySelectorAll('claimlens-mark').forEach((m) => m.replaceWith(...Array.from(m.childNodes)));
    detail.innerHTML = clean.innerHTML;
    expect(markIds().length).toBeLessThan(ids.length);
    await analysis.checkForChanges();
    expect(markIds().sort()).toEqual([...ids].sort());
  });

  it('reports an error instead of throwing when the analysis fails', async () => {
    const session = createPageSession();
    const analysis = createPageAnalysis({
      doc: document,
      session,
      isEnabled: async () => true,
      loadAnnotations: async () => {
        throw new Error('storage unavailable');
      },
      loadAnchoring: async () => ({ anchorMany }),
      quietly: (change) => change(),
    });
    await expect(analysis.run()).resolves.toBeUndefined();
    expect(session.status).toBe('error');
    expect(session.error).toContain('storage unavailable');
  });
});
