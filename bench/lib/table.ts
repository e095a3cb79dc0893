/** The bench's printed report. */
import type { AnchoringFigures } from './anchoring-step';
import type { BundleSize } from './bundle-size';
import { WARM_UP_RUNS, type PageMeasurement } from './measure-page';
import type { ScoringShare } from './scoring-share';
import type { Targets } from './targets';

interface Row {
  page: string;
  kb: number;
  measurement?: PageMeasurement;
  pipelineRatio?: number;
  articleRatio?: number;
  scoring?: ScoringShare | null;
  scoringShareOfPipeline?: number;
  scoringShareOfPipelineFreshMemo?: number;
  error?: string;
}

/** The size checks of bench/results.json, printed as ok or OVER. */
interface SizeChecks {
  contentScriptWithinSize: boolean;
  modelWithinSize: boolean;
}

const ms = (value: number | undefined): string => (value === undefined ? '-' : value.toFixed(2));
const ratio = (value: number | undefined, target: number): string =>
  value === undefined || Number.isNaN(value) ? '-' : `${value.toFixed(2)}× ${value <= target ? 'ok' : 'OVER'}`;
const pct = (value: number | undefined): string => (value === undefined ? '-' : `${(value * 100).toFixed(0)}%`);

export function printTable(
  rows: Row[],
  size: BundleSize,
  anchoring: AnchoringFigures,
  targets: Targets,
  checks: SizeChecks,
): void {
  const header = [
    'page',
    'KB',
    'status',
    'claims',
    'pipeline ms',
    'Readability ms',
    `pipeline/R (≤${targets.pipelineVsReadability})`,
    'article ms',
    `article/R (≤${targets.articleVsReadability})`,
    'claims ms',
    'highlight ms',
    'clear ms',
    'scoring share',
    '1st run ms',
  ];
  const body = rows.map((row) => {
    const m = row.measurement;
    if (!m) return [row.page, row.kb.toFixed(0), `error: ${row.error ?? '?'}`.slice(0, 60)];
    return [
      row.page,
      row.kb.toFixed(0),
      m.status,
      String(m.claims),
      ms(m.pipeline.total),
      ms(m.readability),
      ratio(row.pipelineRatio, targets.pipelineVsReadability),
      ms(m.pipeline.article),
      ratio(row.articleRatio, targets.articleVsReadability),
      ms(m.pipeline.claims),
      ms(m.pipeline.highlight),
      ms(m.pipeline.clear),
      row.scoring
        ? `${pct(row.scoring.share)} of claims, ${pct(row.scoringShareOfPipeline)} of pipeline (fresh memo ${pct(row.scoringShareOfPipelineFreshMemo)})`
        : '-',
      ms(m.firstRun?.total),
    ];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const cells of body) console.log(line(cells));
  console.log(
    `Medians of the runs after ${WARM_UP_RUNS} warm-up runs of each; "1st run" is the pipeline on page load (cold). ` +
      '"clear": removing the previous run\'s marks before a re-run, outside the pipeline total.',
  );
  console.log(
    'Scoring share: what check-worthiness scoring adds to the claim stage (the stage with the scorer against the same stage handed its scores, in a cross-origin-isolated Chromium page on the same article text), ' +
      'with the model\'s word memo as a re-run finds it; "fresh memo": every word new to the scorer, as on a page\'s first run.',
  );
  console.log('');
  const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
  console.log(
    `content script: ${kb(size.bytes)} KB, ${kb(size.gzipBytes)} KB gzipped = ${kb(size.codeGzipBytes)} KB code and CSS ` +
      `(target ≤ ${targets.contentScriptGzipKB} KB: ${checks.contentScriptWithinSize ? 'ok' : 'OVER'}) + ` +
      `${kb(size.modelGzipBytes)} KB check-worthiness model (budgeted apart, ≤ ${targets.modelGzipKB} KB: ${checks.modelWithinSize ? 'ok' : 'OVER'})`,
  );
  for (const file of size.files) console.log(`  ${file.file}: ${file.bytes} B, ${file.gzipBytes} B gzipped`);
  for (const file of size.lazy) console.log(`  on demand: ${file.file}: ${file.bytes} B, ${file.gzipBytes} B gzipped`);
  console.log('');
  if (anchoring.ran) {
    console.log('anchoring bench (bench/anchoring.ts):');
    console.log(anchoring.output ?? '');
  } else {
    console.log(`anchoring bench not run: ${anchoring.reason ?? 'unknown'}`);
  }
}
