/**
 * npm run eval:article -- DIR [--pred FILE]
 * Scores article bodies against DIR/ground-truth.json with the benchmark's shingle method. Without
 * --pred, runs the detector on DIR/*.html itself. Prints F1, precision, recall and the ten worst pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDirectory } from './lib/extract-pages';
import { pageF1, scoreCorpus } from './lib/shingle-score';

type BodyFile = Record<string, { articleBody?: string }>;

function bodiesOf(file: BodyFile): Record<string, string> {
  return Object.fromEntries(Object.entries(file).map(([id, entry]) => [id, entry.articleBody ?? '']));
}

function main(argv: string[]): number {
  const predIndex = argv.indexOf('--pred');
  const predFile = predIndex >= 0 ? argv[predIndex + 1] : undefined;
  const dir = argv.find((arg, i) => !arg.startsWith('--') && (predIndex < 0 || i !== predIndex + 1));
  if (!dir || (predIndex >= 0 && !predFile)) {
    process.stderr.write('usage: npm run eval:article -- DIR [--pred FILE]\n');
    return 2;
  }
  const expected = bodiesOf(JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as BodyFile);
  let predicted: Record<string, string>;
  if (predFile) {
    predicted = bodiesOf(JSON.parse(readFileSync(predFile, 'utf8')) as BodyFile);
  } else {
    const started = performance.now();
    const { bodies, failures } = extractDirectory(dir);
    for (const { file, error } of failures) process.stderr.write(`could not read ${file}: ${error}\n`);
    process.stderr.write(`extracted ${Object.keys(bodies).length} pages in ${Math.round(performance.now() - started)} ms\n`);
    predicted = bodies;
  }
  const missing = Object.keys(expected).filter((id) => !(id in predicted));
  if (missing.length > 0) process.stderr.write(`${missing.length} pages have no prediction (scored as empty)\n`);
  const score = scoreCorpus(predicted, expected);
  console.log(`pages ${score.pages.length}  F1 ${score.f1.toFixed(4)}  precision ${score.precision.toFixed(4)}  recall ${score.recall.toFixed(4)}`);
  console.log('ten worst pages (F1, precision, recall):');
  const worst = [...score.pages].sort((a, b) => pageF1(a) - pageF1(b)).slice(0, 10);
  for (const page of worst) {
    const fmt = (v: number | null): string => (v === null ? '  -  ' : v.toFixed(3));
    console.log(`  ${page.id}  ${pageF1(page).toFixed(3)}  ${fmt(page.precision)}  ${fmt(page.recall)}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
