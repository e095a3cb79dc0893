/**
 * Accuracy on the benchmark's generated article (fewer annotations, other seeds): the same
 * measurement as bench/anchoring.ts, without the browser and the timings.
 */
import { describe, expect, it } from 'vitest';
import { anchorMany } from '../../core/anchoring';
import { generateCorpus, textOf } from '../../bench/anchoring-corpus';

describe.each([7, 20261125])('generated article, seed %i', (seed) => {
  const corpus = generateCorpus(seed, 150);
  const byName = Object.fromEntries(corpus.cases.map((c) => [c.name, c]));

  it('keeps every annotation of an unchanged page exactly where it was', () => {
    const c = byName.unchanged!;
    const anchors = anchorMany(textOf(c.pageParagraphs), c.targets);
    anchors.forEach((a, i) => expect(a).toEqual({ ...c.truth[i], exact: true }));
  });

  it('finds at least 95% of annotations on the edited page, overlapping the true span ≥ 80%', () => {
    const c = byName.edited!;
    const anchors = anchorMany(textOf(c.pageParagraphs), c.targets);
    let right = 0;
    let wrong = 0;
    anchors.forEach((a, i) => {
      const t = c.truth[i]!;
      if (!a) return;
      const overlap = Math.max(0, Math.min(a.end, t.end) - Math.max(a.start, t.start));
      if (overlap / (Math.max(a.end, t.end) - Math.min(a.start, t.start)) >= 0.8) right++;
      else wrong++;
    });
    expect(right / anchors.length).toBeGreaterThanOrEqual(0.95);
    expect(wrong).toBe(0);
  });

  it('anchors none of the annotations whose paragraphs were removed', () => {
    const c = byName.orphans!;
    expect(anchorMany(textOf(c.pageParagraphs), c.targets).filter(Boolean)).toEqual([]);
  });
});
