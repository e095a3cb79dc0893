/**
 * What the page's first analysis would otherwise do inside one long task, done ahead of it, each step
 * in a task of its own: decoding the check-worthiness model (10–35 ms on a page's first run) and
 * creating the sentence segmenter (14–22 ms). The page stays responsive between them, and the first
 * run is shorter by as much. Later runs find both ready.
 */
import { prepareSentenceBreaker } from '../core/claims/sentences';
import { worthinessModel } from '../core/worthiness/index';

/** Lets the browser run other tasks (input, rendering) before the next step. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export const PREPARE_STEPS: ReadonlyArray<() => unknown> = [worthinessModel, prepareSentenceBreaker];

/** Runs `steps` one task each; resolves to the milliseconds they took by `now` (the waits not counted). */
export async function prepareAnalysis(
  steps: ReadonlyArray<() => unknown> = PREPARE_STEPS,
  now: () => number = () => performance.now(),
): Promise<number> {
  let worked = 0;
  for (const step of steps) {
    await nextTask();
    const started = now();
    step();
    worked += now() - started;
  }
  await nextTask();
  return worked;
}
