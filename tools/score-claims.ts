/**
 * Scores sentences with the bundled check-worthiness model:
 *   npm run score-claims -- sentences.tsv --out scores.json
 * The TSV needs a header with `id` and `text`; every other column (label included) is ignored.
 * Writes {"<id>": score, ...} with scores in [0, 1] (>= 0.5 means check-worthy).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { scoreCheckWorthiness } from '../core/worthiness/index';
import { scoreTsv } from './lib/score-tsv';
import { fail, parseArgs } from './lib/worthiness-cli';

const args = parseArgs(process.argv.slice(2));
const file = args.positional[0] ?? fail('usage: score-claims TSV --out FILE');
const out = args.flags.get('out') ?? fail('score-claims: --out FILE is required');
let scores: Record<string, number>;
try {
  scores = scoreTsv(readFileSync(file, 'utf8'), scoreCheckWorthiness);
} catch (error) {
  fail(`score-claims: ${file}: ${(error as Error).message}`);
}
writeFileSync(out, JSON.stringify(scores) + '\n');
console.log(`${out}: ${Object.keys(scores).length} scores`);
