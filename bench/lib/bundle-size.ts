/**
 * The content script's size as users download it: its JS and CSS, gzipped; how much of that is the
 * check-worthiness model's weights (budgeted apart from the code by issue 5); and the scripts it
 * loads only when a page needs them (features/lazy/).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { LAZY_SCRIPTS } from '../../features/lazy/scripts';

interface FileSize {
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
 * measured by gzipping the script with them emptied. `gzipBytes`: the script's own gzipped size.
 */
function modelWeightsShare(js: string, gzipBytes: number): number {
  return gzipBytes - gzip(js.replace(/"[A-Za-z0-9+/]{4096,}={0,2}"/g, '""'));
}

export function contentScriptSize(extensionDir: string): BundleSize {
  const folder = path.join(extensionDir, 'content-scripts');
  const jsFile = path.join(folder, 'content.js');
  if (!existsSync(jsFile)) throw new Error(`no content script in ${folder}: run \`npm run build\``);
  const jsSize = sizeOf(jsFile);
  const cssFile = path.join(folder, 'content.css');
  const files = existsSync(cssFile) ? [jsSize, sizeOf(cssFile)] : [jsSize];
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const modelGzipBytes = modelWeightsShare(readFileSync(jsFile, 'utf8'), jsSize.gzipBytes);
  const lazy = LAZY_SCRIPTS.map((name) => path.join(extensionDir, name))
    .filter((file) => existsSync(file))
    .map((file) => sizeOf(file));
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes,
    modelGzipBytes,
    codeGzipBytes: gzipBytes - modelGzipBytes,
    lazy,
  };
}
