import type { PageFunction, PageHandle } from '../../tests/e2e/harness/session';

/**
 * Response headers that make a page cross-origin isolated. Chromium then reads performance.now() to
 * 5 µs in the page and in the extension's content script there, instead of 100 µs: the pipeline of a
 * small page takes about 1 ms, which the coarse clock can only report as 1.2 or 1.3.
 */
export const CROSS_ORIGIN_ISOLATED = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
} as const;

const isolated: PageFunction<null, boolean> = () => crossOriginIsolated;

/** Refuses to measure on a page whose clock reads only to 100 µs. */
export async function assertFineClock(page: PageHandle, what: string): Promise<void> {
  if (!(await page.evaluate(isolated, null))) throw new Error(`${what} is not cross-origin isolated: its clock reads only to 100 µs`);
}
