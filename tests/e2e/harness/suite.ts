/**
 * The setup every end-to-end scenario file shares: for one describe block, the fixture server and a
 * browser with the built extension, started before its tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { startFixtureServer } from './fixtures';
import { launchBrowser } from './index';
import type { BrowserName, BrowserSession } from './session';
import type { StaticServer } from './static-server';

export interface SuiteBrowser {
  /** Read inside tests and hooks: they run once the browser and server are up. */
  readonly session: BrowserSession;
  readonly server: StaticServer;
}

export function useFixtureBrowser(name: BrowserName): SuiteBrowser {
  let session: BrowserSession | undefined;
  let server: StaticServer | undefined;

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchBrowser(name);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  return {
    get session() {
      if (!session) throw new Error(`the ${name} session is not started (read it inside a test or hook)`);
      return session;
    },
    get server() {
      if (!server) throw new Error('the fixture server is not started (read it inside a test or hook)');
      return server;
    },
  };
}
