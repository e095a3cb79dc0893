/**
 * The JavaScript the extension's scripts are built for (wxt.config.ts), and the bench's pages too
 * (bench/lib/bundle-page.ts), so that the bench times the code the extension ships.
 */
export const BUILD_TARGET = 'es2022';
