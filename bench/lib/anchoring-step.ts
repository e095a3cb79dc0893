/**
 * The anchoring bench (bench/anchoring.ts, written with the anchoring engine) run as a step of
 * `npm run bench`: its own process, its printed table kept, and the figures it saves to
 * bench/results-anchoring.json merged into bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const ANCHORING_BENCH = path.resolve('bench/anchoring.ts');
export const ANCHORING_RESULTS = path.resolve('bench/results-anchoring.json');

export interface AnchoringFigures {
  ran: boolean;
  /** Why it did not run or failed. */
  reason?: string;
  /** The figures it saved (bench/results-anchoring.json). */
  figures?: unknown;
  /** Its printed report, for the table. */
  output?: string;
}

export function runAnchoringBench(): AnchoringFigures {
  if (!existsSync(ANCHORING_BENCH)) return { ran: false, reason: 'bench/anchoring.ts does not exist yet' };
  process.stdout.write('running bench/anchoring.ts… ');
  const started = Date.now();
  const run = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), ANCHORING_BENCH], {
    encoding: 'utf8',
    timeout: 10 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${run.stdout ?? ''}`.trim();
  if (run.status !== 0) {
    process.stdout.write('failed\n');
    return { ran: false, reason: `exit ${run.status}: ${(run.stderr ?? '').trim().slice(-2000)}`, output };
  }
  process.stdout.write('done\n');
  // Only figures written by this run count (a stale file from an earlier run would mislead).
  const fresh = existsSync(ANCHORING_RESULTS) && statSync(ANCHORING_RESULTS).mtimeMs >= started;
  return {
    ran: true,
    figures: fresh ? (JSON.parse(readFileSync(ANCHORING_RESULTS, 'utf8')) as unknown) : undefined,
    output,
  };
}
