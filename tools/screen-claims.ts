/**
 * Quick screening of a check-worthiness recipe (for experiments, not the figures that ship):
 *   npx tsx tools/screen-claims.ts sentences.tsv [--embeddings VECTORS|none] [--recipe JSON] [--lambdas '[1e-4,2e-4]'] [--folds 5] [--seed 7]
 *
 * For each fixed L2 strength, a stratified k-fold gives out-of-fold margins of the float model (no inner
 * cross-validation, no calibration, no quantisation), and it prints their average precision and the
 * best F1 over all thresholds. About 6 s per lambda on the 6,042 sentences, against 80 s for
 * eval:claims. Picking the best lambda here looks at the test folds, so these figures are optimistic
 * by a little; confirm a change with `npm run eval:claims`.
 */
import { readFileSync } from 'node:fs';
import { readLabelledSentences } from './lib/tsv';
import { outOfFoldMargins, recipeMatrix } from './lib/worthiness-train';
import { averagePrecision, bestF1Threshold, stratifiedFolds } from './lib/worthiness-metrics';
import { fail, parseArgs, recipeFromArgs } from './lib/worthiness-cli';

const args = parseArgs(process.argv.slice(2));
const file = args.positional[0] ?? fail("usage: screen-claims TSV [--embeddings VECTORS|none] [--recipe JSON] [--lambdas '[1e-4]'] [--folds 5] [--seed 7]");
const sentences = readLabelledSentences(readFileSync(file, 'utf8'));
const texts = sentences.map((s) => s.text);
const labels = sentences.map((s) => s.label);
const recipe = recipeFromArgs(args);
const lambdas = args.flags.has('lambdas') ? (JSON.parse(args.flags.get('lambdas')!) as number[]) : recipe.lambdas;
const k = Number(args.flags.get('folds') ?? 5);
const folds = stratifiedFolds(labels, k, Number(args.flags.get('seed') ?? 7));
const matrix = recipeMatrix(texts, recipe);

for (const lambda of lambdas) {
  const oof = outOfFoldMargins(matrix, labels, folds, k, { lambda, positiveWeight: recipe.positiveWeight, nbBeta: recipe.nbBeta });
  console.log(`lambda ${lambda}: out-of-fold AP ${averagePrecision(oof, labels).toFixed(4)}, best F1 ${bestF1Threshold(oof, labels).f1.toFixed(4)}`);
}
