/**
 * The anchoring bench (bench/anchoring.ts, written with the anchoring engine) run as a step of
 * `npm run bench`: its own process, its printed report kept, and its JSON figures merged when it
 * prints them (a line holding one JSON object).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ANCHORING_BENCH = path.resolve('bench/anchoring.ts');

export interface AnchoringFigures {
  ran: boolean;
  /** Why it did not run or failed. */
  reason?: string;
  /** Figures it reported as JSON, when it did. */
  figures?: unknown;
  /** Its printed report, for the table. */
  output?: string;
}

export function runAnchoringBench(): AnchoringFigures {
  if (!existsSync(ANCHORING_BENCH)) return { ran: false, reason: 'bench/anchoring.ts does not exist yet' };
  process.stdout.write('running bench/anchoring.ts… ');
  const run = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), ANCHORING_BENCH, '--json'], {
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
  return { ran: true, figures: lastJsonObject(output), output: textWithoutJson(output) };
}

function lastJsonObject(output: string): unknown {
  const lines = output.split('\n').reverse();
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) continue;
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      // Not JSON after all: keep looking.
    }
  }
  // A pretty-printed object: from the last line that is exactly "{" to the end.
  const start = output.lastIndexOf('\n{');
  if (start >= 0) {
    try {
      return JSON.parse(output.slice(start + 1)) as unknown;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function textWithoutJson(output: string): string {
  return output
    .split('\n')
    .filter((line) => !(line.trim().startsWith('{') && line.trim().endsWith('}')))
    .join('\n');
}
