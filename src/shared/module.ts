import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { Tenant } from './tenancy/tenants.tables.js';

/** What the app is built from; tests pass their own database and clock. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
}

/** A citizen service shown on the tenant's start page. */
export interface CitizenService {
  /** i18n keys */
  titleKey: string;
  descriptionKey: string;
  /** path below /t/{slug} */
  path: string;
}

export interface BackgroundJob {
  name: string;
  /** How often the worker runs it. */
  everyMs: number;
  run(deps: AppDeps): Promise<void>;
}

/**
 * One capability. `html` routes are mounted below /t/:tenant, `api` routes below /api/v1/t/:tenant;
 * inside both, `request.tenant` and `request.tdb` are set.
 */
export interface WegweiserModule {
  name: string;
  html?(app: FastifyInstance, deps: AppDeps): Promise<void> | void;
  api?(app: FastifyInstance, deps: AppDeps): Promise<void> | void;
  /** Routes outside the tenant prefix (rare: e.g. a dev tool). */
  root?(app: FastifyInstance, deps: AppDeps): Promise<void> | void;
  citizenServices?: CitizenService[];
  /** Loads demo data for a tenant; must be idempotent (runs at every start outside production). */
  seedDemo?(deps: AppDeps, tenant: Tenant): Promise<void>;
  jobs?: BackgroundJob[];
}
