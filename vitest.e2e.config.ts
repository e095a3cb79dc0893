import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (.output/) in real Chromium and Firefox. Browsers are heavy
// on a 2-core machine, so test files run one after another.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
