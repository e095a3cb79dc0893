/**
 * The content script's size as users download it: its JS and CSS, gzipped; how much of that is the
 * check-worthiness model's weights (budgeted apart from the code by issue 5); and the scripts it
 * loads only when a page needs them (features/lazy/).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { LAZY_SCRIPTS } from '../../features/lazy/scripts';

export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSize {
  files: FileSize[];
  bytes: number;
  gzipBytes: number;
  /** What the model's weights add to gzipBytes (the bundle gzipped with and without them). */
  modelGzipBytes: number;
  /** gzipBytes without the model's weights: the content script's own code and CSS. */
  codeGzipBytes: number;
  /** Loaded on demand, not with every page. */
  lazy: FileSize[];
}

const gzip = (data: Buffer | string): number => gzipSync(data, { level: 9 }).length;

function sizeOf(file: string): FileSize {
  const data = readFileSync(file);
  return { file: path.relative(process.cwd(), file), bytes: data.length, gzipBytes: gzip(data) };
}

/**
 * The model ships as base64 string literals (core/worthiness/model-data.ts: the bit codes of its hashed
 * weights and of its word lexicon), by far the longest such literals in the bundle; their share is
 * measured by gzipping the script without them.
 */
export function modelWeightsShare(js: string): number {
  const tables = [...js.matchAll(/"([A-Za-z0-9+/]{4096,}={0,2})"/g)].map((match) => match[1]!);
  if (tables.length === 0) return 0;
  let without = js;
  for (const table of tables) without = without.replace(table, '');
  return gzip(js) - gzip(without);
}

export function contentScriptSize(extensionDir: string): BundleSize {
  const folder = path.join(extensionDir, 'content-scripts');
  const present = ['content.js', 'content.css'].map((name) => path.join(folder, name)).filter((file) => existsSync(file));
  if (present.length === 0) throw new Error(`no content script in ${folder}: run \`npm run build\``);
  const files = present.map(sizeOf);
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const modelGzipBytes = modelWeightsShare(readFileSync(path.join(folder, 'content.js'), 'utf8'));
  const lazy = LAZY_SCRIPTS.map((name) => path.join(extensionDir, name))
    .filter((file) => existsSync(file))
    .map(sizeOf);
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes,
    modelGzipBytes,
    codeGzipBytes: gzipBytes - modelGzipBytes,
    lazy,
  };
}
