import { describe, expect, it } from 'vitest';
import { prepareAnalysis, PREPARE_STEPS } from '../../features/prepare-analysis';

describe('prepareAnalysis: the first run\'s slow set-up, a task a step', () => {
  it('lets other tasks run between its steps and after the last', async () => {
    const log: string[] = [];
    // A task the page queues while a step runs (input, a timer) runs before the next step.
    const pageTask = (name: string): void => void setTimeout(() => log.push(name), 0);
    await prepareAnalysis([
      () => {
        log.push('step 1');
        pageTask('page task 1');
      },
      () => {
        log.push('step 2');
        pageTask('page task 2');
      },
    ]);
    log.push('prepared');
    expect(log).toEqual(['step 1', 'page task 1', 'step 2', 'page task 2', 'prepared']);
  });

  it('counts the time its steps worked, not the waits between them', async () => {
    // A clock that moves only inside the steps (5 and 7 ms) and, between them, while the page has
    // its turn (1,000 ms a task).
    let clock = 0;
    const pageTurn = (): void => void setTimeout(() => (clock += 1000), 0);
    const worked = await prepareAnalysis(
      [
        () => {
          clock += 5;
          pageTurn();
        },
        () => {
          clock += 7;
          pageTurn();
        },
      ],
      () => clock,
    );
    expect(clock).toBe(2012);
    expect(worked).toBe(12);
  });

  it('decodes the model and creates the sentence segmenter by default', async () => {
    expect(PREPARE_STEPS.map((step) => step.name)).toEqual(['worthinessModel', 'prepareSentenceBreaker']);
    await expect(prepareAnalysis()).resolves.toBeGreaterThan(0);
  });
});
