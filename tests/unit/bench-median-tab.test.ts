import { describe, expect, it } from 'vitest';
import { medianTab, pipelineRatioOf, type PageMeasurement } from '../../bench/lib/measure-page';
import type { PipelineTimings } from '../../core/messaging/protocol';

const timings = (total: number): PipelineTimings => ({ clear: 0, prepare: 0, article: 0, index: 0, claims: 0, scoring: 0, anchoring: 0, highlight: 0, total });

/** A tab whose pipeline took `total` ms against Readability's 1 ms, its first run `first` ms. */
const tab = (total: number, first: number): PageMeasurement => ({
  status: 'ready',
  claims: 8,
  runs: 21,
  pipeline: timings(total),
  firstRun: timings(first),
  roundTrip: 10,
  readability: 1,
  readabilityClone: 0.4,
  readabilityFoundArticle: true,
});

describe('the bench reports the median of a page\'s tabs', () => {
  it.each([
    [[1.0, 0.8, 0.9], 0.9],
    [[0.7, 1.2, 0.9, 0.8, 1.0], 0.9],
    [[1.1, 0.9], 1.1],
    [[0.95], 0.95],
  ])('tabs %j → %f', (totals, median) => {
    const tabs = totals.map((total, i) => tab(total, 50 + i));
    const chosen = medianTab(tabs);
    expect(pipelineRatioOf(chosen)).toBe(median);
    // The first run is the first tab's, whichever tab is the median.
    expect(chosen.firstRun?.total).toBe(50);
  });

  it('refuses a page with no tab measured', () => {
    expect(() => medianTab([])).toThrow(/no tab/);
  });
});
