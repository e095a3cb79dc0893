/**
 * A bench page's script: `entry` (a TypeScript file) bundled with its imports into one minified
 * script for a <script> tag.
 *
 * No `target`: esbuild's default leaves the source's syntax as it is. 'chrome120' would rewrite the
 * claim stage's \p{…}/u regex literals into `new RegExp(…)` calls, some in hot loops, and so change
 * what bench/page/claim-stage.ts times (the anchoring page's bundle is the same either way).
 */
import path from 'node:path';
import { build } from 'esbuild';

export async function bundleBenchPage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.resolve(entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
  });
  return result.outputFiles[0]!.text;
}
