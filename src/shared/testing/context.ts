// The shape of the app under test, as test helpers of modules see it (built by createTestContext in src/testing,
// which composes every module; helpers need only this shape, so they do not depend on the composition root).
import type { FastifyInstance } from 'fastify';
import type { fixedClock } from '../clock.js';
import type { Database } from '../db/client.js';
import type { AppDeps } from '../module.js';
import type { Tenant } from '../tenancy/index.js';

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
