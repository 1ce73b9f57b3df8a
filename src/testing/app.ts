// The whole app on a fresh database for a test file (createTestContext): composed like the server (deps.ts),
// with both test tenants seeded. It lives next to the composition root because it composes every module.
import { mkdtempSync } from 'node:fs';
import type { DestinationStream } from 'pino';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../app.js';
import { createAppDeps } from '../deps.js';
import { demoTenant, secondTenant } from '../modules/tenants/index.js';
import { fixedClock, type Clock } from '#shared/clock.js';
import { loadConfig, type Config } from '#shared/config.js';
import { seedTenant } from '../seed.js';
import { createLogger } from '#shared/logger.js';
import type { AppDeps } from '#shared/module.js';
import type { TestContext } from '#shared/testing/context.js';
import { openTestDatabase } from '#shared/testing/database.js';

export type { TestContext };

export interface TestOptions {
  now?: string;
  env?: Record<string, string>;
  /** Receives the app's log lines (JSON), at LOG_LEVEL info unless env sets it. */
  logStream?: DestinationStream;
}

/** Builds the whole app on a fresh database with both test tenants; use in beforeAll. */
export async function createTestContext(options: TestOptions = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const clock = fixedClock(options.now ?? '2026-11-25T09:00:00Z');
  const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-test-'));
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    CAPTCHA: 'off',
    // Limits are off in tests unless a test turns them on; outside NODE_ENV=test the config refuses 'off'.
    RATE_LIMITS: (options.env?.NODE_ENV ?? 'test') === 'test' ? 'off' : 'on',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? (options.logStream ? 'info' : 'silent'),
    DATA_DIR: dataDir,
    ...options.env,
  });
  const deps: AppDeps = await createAppDeps({ config, database, clock: clock as Clock, logger: createLogger(config.logLevel, options.logStream) });
  const tenant = await seedTenant(deps, demoTenant);
  const otherTenant = await seedTenant(deps, secondTenant);
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    database,
    clock,
    tenant,
    otherTenant,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
