/** The lazily loaded scripts (registry.ts), by file: the manifest lists them as web accessible. */
import type { LazyModuleName } from './registry';

export const LAZY_SCRIPTS: ReadonlyArray<`${LazyModuleName}.js`> = ['card-ui.js', 'annotations.js'];
