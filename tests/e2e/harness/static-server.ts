/**
 * A tiny HTTP server on 127.0.0.1 for end-to-end tests and the bench: serves files from a few
 * folders, plus pages a test sets at run time (to simulate a site that changes its article).
 * Nothing in the tests ever leaves this machine.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Absolute URL of a path on this server. */
  url(pathname: string): string;
  /**
   * Serve `body` at `pathname` (instead of any file) until changed again, with the server's headers
   * and `headers` (which add to them, or replace one of the same name).
   */
  setPage(pathname: string, body: string, contentType?: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/**
 * `mounts` maps URL prefixes to folders, e.g. { '/pages/': 'tests/fixtures/pages' }.
 * Paths that escape their folder are refused. `headers` are added to every file served from them
 * and to every page set with setPage, so that site-wide headers (the bench's cross-origin isolation)
 * need not be repeated on each page.
 */
export async function startStaticServer(mounts: Record<string, string>, headers: Record<string, string> = {}): Promise<StaticServer> {
  const overrides = new Map<string, { body: string; contentType: string; headers: Record<string, string> }>();
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      const override = overrides.get(pathname);
      if (override) {
        response.writeHead(200, { ...headers, ...override.headers, 'content-type': override.contentType, 'cache-control': 'no-store' });
        response.end(override.body);
        return;
      }
      const file = resolveFile(mounts, pathname);
      if (!file || !(await isFile(file))) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found');
        return;
      }
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      response.writeHead(200, { ...headers, 'content-type': type, 'cache-control': 'no-store' });
      response.end(await readFile(file));
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (pathname) => new URL(pathname, origin).href,
    setPage(pathname, body, contentType = 'text/html; charset=utf-8', headers = {}) {
      overrides.set(pathname, { body, contentType, headers });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function resolveFile(mounts: Record<string, string>, pathname: string): string | null {
  for (const [prefix, folder] of Object.entries(mounts)) {
    if (!pathname.startsWith(prefix)) continue;
    const base = path.resolve(folder);
    const file = path.resolve(base, pathname.slice(prefix.length));
    if (file === base || !file.startsWith(base + path.sep)) return null;
    return file;
  }
  return null;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
