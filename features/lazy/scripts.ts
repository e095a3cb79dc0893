/** The lazily loaded scripts (registry.ts), by file: the manifest lists them as web accessible. */
import type { LazyModuleName } from './registry';

/**
 * Each lazy module's script, `<name>.js` (what the loader imports); the type makes a module without a
 * script a compile error.
 */
const SCRIPT_OF = { 'card-ui': 'card-ui.js', annotations: 'annotations.js' } as const satisfies { [Name in LazyModuleName]: `${Name}.js` };

export const LAZY_SCRIPTS: ReadonlyArray<`${LazyModuleName}.js`> = Object.values(SCRIPT_OF);
