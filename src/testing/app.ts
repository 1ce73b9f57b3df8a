// The whole app on a fresh database for a test file (createTestContext): composed like the server (deps.ts),
// with both test tenants seeded. It lives next to the composition root because it composes every module.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { createAppDeps } from '../deps.js';
import { demoTenant, secondTenant } from '../modules/tenants/index.js';
import type { Tenant } from '../shared/tenancy/index.js';
import { fixedClock, type Clock } from '../shared/clock.js';
import { loadConfig, type Config } from '../shared/config.js';
import type { Database } from '../shared/db/client.js';
import { seedTenant } from '../seed.js';
import { createLogger } from '../shared/logger.js';
import type { AppDeps } from '../shared/module.js';
import { openTestDatabase } from '../shared/testing/database.js';

export interface TestContext {
  app: FastifyInstance;
  deps: AppDeps;
  database: Database;
  clock: ReturnType<typeof fixedClock>;
  /** The demo tenant (neue-wege) and a second tenant to prove isolation. */
  tenant: Tenant;
  otherTenant: Tenant;
  close(): Promise<void>;
}

export interface TestOptions {
  now?: string;
  env?: Record<string, string>;
  /** Seed demo data of every module (default true). */
  seed?: boolean;
}

/** Builds the whole app on a fresh database with both test tenants; use in beforeAll. */
export async function createTestContext(options: TestOptions = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const clock = fixedClock(options.now ?? '2026-11-25T09:00:00Z');
  const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-test-'));
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    CAPTCHA: 'off',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: dataDir,
    ...options.env,
  });
  const deps: AppDeps = await createAppDeps({ config, database, clock: clock as Clock, logger: createLogger(config.logLevel) });
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
