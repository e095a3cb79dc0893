/**
 * A bench page's script: `entry` (a TypeScript file) bundled with its imports into one minified
 * script for a <script> tag, for the extension's own build target, so that the page runs the code
 * the content script ships.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { BUILD_TARGET } from '../../tools/lib/build-target';

export async function bundleBenchPage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.resolve(entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: BUILD_TARGET,
    write: false,
  });
  return result.outputFiles[0]!.text;
}
