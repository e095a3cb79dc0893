/** The content script's size as users download it: its JS and CSS, gzipped. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  bytes: number;
  gzipBytes: number;
}

export function contentScriptSize(extensionDir: string): BundleSize {
  const folder = path.join(extensionDir, 'content-scripts');
  const files = ['content.js', 'content.css']
    .map((name) => path.join(folder, name))
    .filter((file) => existsSync(file))
    .map((file) => {
      const data = readFileSync(file);
      return { file: path.relative(process.cwd(), file), bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
    });
  if (files.length === 0) throw new Error(`no content script in ${folder}: run \`npm run build\``);
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}
