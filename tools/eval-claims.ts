/**
 * Cross-validated evaluation of the check-worthiness model:
 *   npm run eval:claims -- sentences.tsv [--embeddings VECTORS|none] [--folds 5] [--seed N] [--news tests/fixtures/worthiness/news-sentences.tsv]
 *
 * Stratified k-fold: each fold's model is trained (lambda choice and calibration included) on the
 * other folds only, then the shipped form of it (quantised weights) scores the held-out fold. Prints
 * F1, precision and recall of the claim class at 0.5 and average precision (ties pessimistic).
 * With --news, the model trained on the whole TSV also scores a hand-labelled news file.
 * Last, it times the bundled scorer (CPU microseconds per sentence of the TSV) and gives its size.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { WorthinessModel } from '../core/worthiness/model';
import { scoreCheckWorthiness } from '../core/worthiness/index';
import { WORTHINESS_MODEL_DATA } from '../core/worthiness/model-data';
import { readLabelledSentences } from './lib/tsv';
import { classificationFigures, foldSplit, stratifiedFolds, type ClassificationFigures } from './lib/worthiness-metrics';
import { trainWorthinessModel } from './lib/worthiness-train';
import { fail, parseArgs, recipeFromArgs } from './lib/worthiness-cli';

function describe(name: string, f: ClassificationFigures): string {
  return `${name}: F1 ${f.f1.toFixed(4)}  P ${f.precision.toFixed(4)}  R ${f.recall.toFixed(4)}  AP ${f.averagePrecision.toFixed(4)}  (n=${f.count}, TP ${f.truePositives}, FP ${f.falsePositives}, FN ${f.falseNegatives})`;
}

const args = parseArgs(process.argv.slice(2));
const file = args.positional[0] ?? fail('usage: eval-claims TSV [--embeddings VECTORS|none] [--folds 5] [--seed N] [--news FILE] [--recipe JSON]');
const sentences = readLabelledSentences(readFileSync(file, 'utf8'));
const k = Number(args.flags.get('folds') ?? 5);
const recipe = recipeFromArgs(args);
const seed = Number(args.flags.get('seed') ?? 7);
const labels = sentences.map((s) => s.label);
const texts = sentences.map((s) => s.text);
const folds = stratifiedFolds(labels, k, seed);
const scores = new Float64Array(sentences.length);
const verbose = args.flags.get('verbose') === '1';
const started = Date.now();

for (let fold = 0; fold < k; fold++) {
  const { train, test } = foldSplit(folds, fold);
  const trained = trainWorthinessModel(train.map((i) => texts[i]!), train.map((i) => labels[i]!), {
    ...recipe,
    log: verbose ? (m) => process.stderr.write(m + '\n') : undefined,
  });
  const model = new WorthinessModel(trained.data);
  for (const i of test) scores[i] = model.score(texts[i]!);
  const f = classificationFigures(test.map((i) => scores[i]!), test.map((i) => labels[i]!));
  process.stderr.write(`fold ${fold + 1}/${k}: lambda ${trained.lambda}, F1 ${f.f1.toFixed(4)}, AP ${f.averagePrecision.toFixed(4)}\n`);
}

console.log(`${k}-fold cross-validation on ${file} (${sentences.length} sentences, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(describe('claim class @0.5', classificationFigures(scores, labels)));

const newsFile = args.flags.get('news');
if (newsFile) {
  const news = readLabelledSentences(readFileSync(newsFile, 'utf8'));
  const full = new WorthinessModel(trainWorthinessModel(texts, labels, recipe).data);
  const newsScores = news.map((s) => full.score(s.text));
  console.log(describe(`news (${newsFile}), model trained on all of ${file}`, classificationFigures(newsScores, news.map((s) => s.label))));
}

// Speed and size of the model that ships (core/worthiness/model-data.ts), not of the fold models.
for (const t of texts) scoreCheckWorthiness(t); // warm-up: decode weights, let the JIT settle
const cpuBefore = process.cpuUsage();
const rounds = 3;
for (let r = 0; r < rounds; r++) for (const t of texts) scoreCheckWorthiness(t);
const cpu = process.cpuUsage(cpuBefore);
const json = JSON.stringify(WORTHINESS_MODEL_DATA);
console.log(
  `bundled scorer: ${((cpu.user + cpu.system) / (rounds * texts.length)).toFixed(1)} µs CPU per sentence ` +
    `(mean ${Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length)} chars); model ${json.length} bytes, ${gzipSync(json).length} gzipped`,
);
