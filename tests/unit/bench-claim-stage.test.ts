import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectClaims } from '../../core/claims/detect-claims';
import { measureClaimStage } from '../../bench/page/claim-stage';
import { shareOfPipeline, type ClaimStageSplit } from '../../bench/lib/scoring-share';

// Counts the scorers the bench page makes (one for its counting run and one per timed run with scoring,
// none for the constant runs) and the sentences they score.
const scorers = vi.hoisted(() => ({ made: 0, calls: 0 }));
vi.mock('../../core/worthiness/index', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../core/worthiness/index')>();
  return {
    ...actual,
    checkWorthinessScorer: () => {
      scorers.made += 1;
      const score = actual.checkWorthinessScorer();
      return (sentence: string) => {
        scorers.calls += 1;
        return score(sentence);
      };
    },
  };
});

// The claim stages the bench page runs, in order: 'scorer' when a scorer was made for the run, and
// the claims each found.
const stages = vi.hoisted(() => ({ kinds: [] as string[], madeBefore: 0, found: [] as string[] }));
vi.mock('../../core/pipeline', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../core/pipeline')>();
  return {
    ...actual,
    findClaims: (...args: Parameters<typeof actual.findClaims>) => {
      stages.kinds.push(scorers.made > stages.madeBefore ? 'scorer' : 'replay');
      stages.madeBefore = scorers.made;
      const result = actual.findClaims(...args);
      stages.found.push(JSON.stringify(result.claims.map((claim) => [claim.id, claim.score])));
      return result;
    },
  };
});

const TEXT = [
  'The Rukban camp houses some 25,000 people, the World Health Organization said in December 2018.',
  'Taxes rose 40% in 2019, the ministry reported on Tuesday.',
  'We thank you all for reading.',
].join('\n');

afterEach(() => {
  scorers.made = 0;
  scorers.calls = 0;
  stages.kinds = [];
  stages.madeBefore = 0;
  stages.found = [];
  vi.restoreAllMocks();
});

describe('bench page: the claim stage with the scorer and with its scores replayed', () => {
  it('counts with the scorer once, then runs both as many times, alternating, a scorer made only for the runs that score', () => {
    const times = measureClaimStage(TEXT, 3, 5);
    expect(times.withScoring).toHaveLength(5);
    expect(times.withoutScoring).toHaveLength(5);
    expect(stages.kinds).toEqual(['scorer', ...Array.from({ length: 3 + 5 }, () => ['scorer', 'replay']).flat()]);
    expect(scorers.made).toBe(1 + 3 + 5);
  });

  it('replays the scores in place of the scorer, so both runs keep the same claims with the same scores', () => {
    measureClaimStage(TEXT, 1, 3);
    expect(stages.found.length).toBe(1 + 2 * 4);
    expect(JSON.parse(stages.found[0]!)).not.toEqual([]);
    expect(new Set(stages.found).size).toBe(1);
  });

  it('with fresh memos, scores each run with a scorer of its own memo instead of the pipeline\'s', () => {
    const times = measureClaimStage(TEXT, 2, 3, 'fresh');
    expect(times.withScoring).toHaveLength(3);
    expect(scorers.made).toBe(1); // the counting run only
    expect(scorers.calls).toBe(times.sentencesScored);
  });

  it('times each run into the list of its kind: the scorer’s time in the runs with it only', () => {
    // A clock that only the scorer moves, by 1 ms a sentence.
    vi.spyOn(performance, 'now').mockImplementation(() => scorers.calls);
    const times = measureClaimStage(TEXT, 2, 4);
    vi.restoreAllMocks();
    expect(times.sentencesScored).toBeGreaterThan(0);
    expect(times.withScoring).toEqual(Array(4).fill(times.sentencesScored));
    expect(times.withoutScoring).toEqual(Array(4).fill(0));
  });

  it('counts the sentences the claim stage scores in one run', () => {
    let scored = 0;
    detectClaims(TEXT, { scoreSentence: () => ((scored += 1), 0.5) });
    expect(scored).toBeGreaterThan(0);
    expect(measureClaimStage(TEXT, 0, 1).sentencesScored).toBe(scored);
  });
});

describe('bench: scoring share of the pipeline', () => {
  const share = (value: number): ClaimStageSplit => ({ claimStage: 1, claimStageWithoutScoring: 1 - value, scoring: value, share: value });

  it('is the share of the claim stage times the claim stage share of the pipeline', () => {
    expect(shareOfPipeline(share(0.5), { claims: 2, total: 4 })).toBe(0.25);
    expect(shareOfPipeline(share(0.4), { claims: 3, total: 3 })).toBeCloseTo(0.4, 12);
  });

  it('is 0 for a pipeline that took no measurable time', () => {
    expect(shareOfPipeline(share(0.5), { claims: 0, total: 0 })).toBe(0);
  });
});
