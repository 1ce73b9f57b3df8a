import { defineConfig } from 'vitest/config';

// Two projects: fast integration/unit tests beside the code, and browser journeys.
// Each test file builds its own database (see src/shared/testing), so files run in parallel.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          isolate: false,
          globalSetup: ['src/shared/testing/global-setup.ts'],
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // Like the unit project (ADR 0003): a worker imports playwright, axe and the app once, not once per spec
          // file (doc/adr/0390-browser-specs-share-modules-and-contexts.md). Each file still starts its own server,
          // database and browser.
          isolate: false,
          globalSetup: ['src/shared/testing/global-setup.ts'],
          include: ['tests/e2e/**/*.spec.ts'],
          environment: 'node',
          // Guards against hangs, not speed goals: on 2 cores two browsers, two servers and axe share the CPU.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
    ],
  },
});
