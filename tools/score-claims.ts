/**
 * Scores sentences with the bundled check-worthiness model:
 *   npm run score-claims -- sentences.tsv --out scores.json
 * The TSV needs a header with `id` and `text`; every other column (label included) is ignored.
 * Writes {"<id>": score, ...} with scores in [0, 1] (>= 0.5 means check-worthy).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { scoreCheckWorthiness } from '../core/worthiness/index';
import { parseTsv } from './lib/tsv';
import { fail, parseArgs } from './lib/worthiness-cli';

const args = parseArgs(process.argv.slice(2));
const file = args.positional[0] ?? fail('usage: score-claims TSV --out FILE');
const out = args.flags.get('out') ?? fail('score-claims: --out FILE is required');
const { columns, rows } = parseTsv(readFileSync(file, 'utf8'));
if (!columns.includes('id') || !columns.includes('text')) fail('score-claims: the TSV header needs "id" and "text"');
const scores: Record<string, number> = {};
for (const row of rows) scores[row.id!] = Number(scoreCheckWorthiness(row.text!).toFixed(6));
writeFileSync(out, JSON.stringify(scores) + '\n');
console.log(`${out}: ${rows.length} scores`);
