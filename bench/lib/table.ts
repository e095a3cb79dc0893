/** The bench's printed report. */
import type { AnchoringFigures } from './anchoring-step';
import type { BundleSize } from './bundle-size';
import { WARM_UP_RUNS, type PageMeasurement } from './measure-page';
import { scoringShare, type Targets } from './targets';

interface Row {
  page: string;
  kb: number;
  measurement?: PageMeasurement;
  pipelineRatio?: number;
  pipelineRatioOfTabs?: number[];
  articleRatio?: number;
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
/** The lowest and highest of the tabs' values, when there were several. */
const spread = (values: number[] | undefined): string =>
  values && values.length > 1 ? ` (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})` : '';
const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

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
    `scoring ms, share (≤${targets.scoringShareOfPipeline * 100}%)`,
    '1st run ms (+ before it)',
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
      ratio(row.pipelineRatio, targets.pipelineVsReadability) + spread(row.pipelineRatioOfTabs),
      ms(m.pipeline.article),
      ratio(row.articleRatio, targets.articleVsReadability),
      ms(m.pipeline.claims),
      ms(m.pipeline.highlight),
      ms(m.pipeline.clear),
      `${ms(m.pipeline.scoring)}, ${pct(scoringShare(m.pipeline))}` + (m.firstRun ? ` (1st run ${pct(scoringShare(m.firstRun))})` : ''),
      m.firstRun ? `${ms(m.firstRun.total)} (+ ${ms(m.firstRun.prepare)})` : '-',
    ];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const cells of body) console.log(line(cells));
  console.log(
    `Medians of the runs after ${WARM_UP_RUNS} warm-up runs of each, in the tab whose pipeline/R is the median of the page's tabs (in brackets: the lowest and highest tab); ` +
      '"1st run" is the pipeline on the first tab\'s page load (cold); "+ before it": the model\'s decoding and the segmenter\'s creation, done in tasks of their own just before. ' +
      '"clear": removing the previous run\'s marks before a re-run, outside the pipeline total.',
  );
  console.log(
    'Scoring: the check-worthiness model\'s pass over the sentences the rules leave standing, timed by the content script inside ' +
      'its claim stage, and its share of the pipeline total (the target applies to the corpus pages).',
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
