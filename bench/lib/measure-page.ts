/**
 * Times, in one page of a real browser with the built extension, the content script's whole pipeline
 * against @mozilla/readability parsing a clone of the same document, alternating the two so both
 * see the same conditions (JIT warmth, caches, the page's own scripts). The page must be served
 * cross-origin isolated (fine-clock.ts), so both are timed to 5 µs.
 */
import path from 'node:path';
import type { PageState, PipelineTimings } from '../../core/messaging/protocol';
import type { BrowserSession, PageFunction } from '../../tests/e2e/harness/session';
import { waitForStatus } from '../../tests/e2e/harness/probes';
import { assertFineClock } from './fine-clock';
import { median } from './stats';

export const READABILITY_SCRIPT = path.resolve('node_modules/@mozilla/readability/Readability.js');

export interface PageMeasurement {
  status: PageState['status'];
  claims: number;
  runs: number;
  /** Medians over the runs, ms. */
  pipeline: PipelineTimings;
  /** The pipeline's first run, when the page loaded (cold: nothing compiled or cached yet). */
  firstRun: PipelineTimings | null;
  /** Message round trip popup-page → content script → back, around rerunPipeline (includes storage reads). */
  roundTrip: number;
  readability: number;
  /** Cloning the document for Readability (not counted in `readability`). */
  readabilityClone: number;
  readabilityFoundArticle: boolean;
}

interface ReadabilityRun {
  parse: number;
  clone: number;
  found: boolean;
}

/** Runs in the page: Readability (a global once its script is added) on a fresh clone. */
const runReadability: PageFunction<null, ReadabilityRun> = () => {
  const Readability = (window as unknown as { Readability: new (doc: Document) => { parse(): unknown } })
    .Readability;
  const c0 = performance.now();
  const clone = document.cloneNode(true) as Document;
  const t0 = performance.now();
  const article = new Readability(clone).parse();
  const t1 = performance.now();
  return { parse: t1 - t0, clone: t0 - c0, found: article !== null };
};

const STAGES: ReadonlyArray<keyof PipelineTimings> = ['clear', 'prepare', 'article', 'index', 'claims', 'scoring', 'anchoring', 'highlight', 'total'];

/**
 * Runs of each, alternating, before measuring: both are then timed as the page's compiled code, not
 * while the engine is still compiling them (the cold run on page load is reported on its own).
 */
export const WARM_UP_RUNS = 15;

export async function measurePage(session: BrowserSession, url: string, runs: number): Promise<PageMeasurement> {
  const page = await session.newPage(url);
  try {
    await assertFineClock(page, url);
    const tabId = await session.tabIdOf(page);
    const first = await waitForStatus(session, tabId, ['ready', 'no-article', 'too-large', 'error', 'disabled'], 60_000);
    await page.addScript(READABILITY_SCRIPT);
    for (let i = 0; i < WARM_UP_RUNS; i += 1) {
      await session.sendToTab<PageState>(tabId, 'rerunPipeline');
      await page.evaluate(runReadability, null);
    }

    const pipeline: PipelineTimings[] = [];
    const roundTrips: number[] = [];
    const readability: ReadabilityRun[] = [];
    let last: PageState = first;
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      last = await session.sendToTab<PageState>(tabId, 'rerunPipeline');
      roundTrips.push(performance.now() - started);
      if (!last.timings) throw new Error(`no timings from the content script on ${url} (status ${last.status})`);
      pipeline.push(last.timings);
      readability.push(await page.evaluate(runReadability, null));
    }
    const medianTimings = Object.fromEntries(
      STAGES.map((stage) => [stage, median(pipeline.map((timings) => timings[stage] ?? 0))]),
    ) as unknown as PipelineTimings;
    return {
      status: last.status,
      claims: last.claims.length,
      runs,
      pipeline: medianTimings,
      firstRun: first.timings ?? null,
      roundTrip: median(roundTrips),
      readability: median(readability.map((run) => run.parse)),
      readabilityClone: median(readability.map((run) => run.clone)),
      readabilityFoundArticle: readability.every((run) => run.found),
    };
  } finally {
    await page.close();
  }
}

/** The pipeline's time as a multiple of Readability's in one tab (NaN when Readability took no time). */
export const pipelineRatioOf = (m: PageMeasurement): number => (m.readability > 0 ? m.pipeline.total / m.readability : Number.NaN);

/**
 * Of a page's tabs, in the order measured: the figures of the tab whose pipelineRatioOf is the
 * median (the upper one of an even count), with the first tab's first run, the page's coldest load.
 */
export function medianTab(tabs: readonly PageMeasurement[]): PageMeasurement {
  if (tabs.length === 0) throw new Error('medianTab: no tab measured');
  const byRatio = [...tabs].sort((a, b) => pipelineRatioOf(a) - pipelineRatioOf(b));
  return { ...byRatio[byRatio.length >> 1]!, firstRun: tabs[0]!.firstRun };
}
