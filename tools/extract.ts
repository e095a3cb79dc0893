/**
 * npm run extract -- DIR --out FILE
 * Runs the content script's article detector on every DIR/*.html and writes
 * {"<id>": {"articleBody": "<text>"}, …} to FILE (stdout without --out).
 */
import { writeFileSync } from 'node:fs';
import { extractDirectory } from './lib/extract-pages';

function main(argv: string[]): number {
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  const dir = argv.find((arg, i) => !arg.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
  if (!dir || (outIndex >= 0 && !out)) {
    process.stderr.write('usage: npm run extract -- DIR [--out FILE]\n');
    return 2;
  }
  const { bodies, failures } = extractDirectory(dir);
  for (const { file, error } of failures) process.stderr.write(`could not read ${file}: ${error}\n`);
  const result = Object.fromEntries(Object.entries(bodies).map(([id, articleBody]) => [id, { articleBody }]));
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (out) writeFileSync(out, json);
  else process.stdout.write(json);
  process.stderr.write(`${Object.keys(bodies).length} pages extracted, ${failures.length} failed\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
