/**
 * The pages the end-to-end tests, the demo and the bench serve from 127.0.0.1, and helpers to make
 * variants of them (dark theme, a later version of an article).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer, type StaticServer } from './static-server';

export const FIXTURE_MOUNTS = {
  '/pages/': path.resolve('tests/fixtures/pages'),
  '/e2e/': path.resolve('tests/fixtures/e2e'),
};

export const SEED_PAGE = '/pages/seed-news.html';
export const HOME_PAGE = '/e2e/home.html';
export const SPA_PAGE = '/e2e/spa.html';

export function startFixtureServer(extraMounts: Record<string, string> = {}): Promise<StaticServer> {
  return startStaticServer({ ...FIXTURE_MOUNTS, ...extraMounts });
}

export function readFixture(urlPath: string): string {
  for (const [prefix, folder] of Object.entries(FIXTURE_MOUNTS)) {
    if (urlPath.startsWith(prefix)) return readFileSync(path.join(folder, urlPath.slice(prefix.length)), 'utf8');
  }
  throw new Error(`no fixture at ${urlPath}`);
}

let nonce = 0;
/** A URL no other tab has: tab ids are found by URL, and each test gets a fresh page. */
export function uniqueUrl(server: StaticServer, urlPath: string, query: Record<string, string> = {}): string {
  nonce += 1;
  const url = new URL(server.url(urlPath));
  url.searchParams.set('run', `${process.pid}-${nonce}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.href;
}

/** The same page in a dark theme: highlights and the card must stay readable on it. */
export function darkVariant(html: string): string {
  const style = `<style>
html,body{background:#15171a !important;color:#e6e6e6 !important}
.layout,.main,.news-detail,.sidebar,.comments{background:#15171a !important;color:#e6e6e6 !important}
a{color:#8ab4f8 !important}
nav ul{background:#22262b !important}
</style>`;
  return html.replace('</head>', `${style}\n</head>`);
}
