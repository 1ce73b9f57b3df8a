// Composition root: builds the infrastructure once — tenant cache, file store, virus scanner, mail transport —
// and the catalogue of what the modules declare. The server, the worker, the seed and the tests start here.
import type { Clock } from '#shared/clock.js';
import type { Config } from '#shared/config.js';
import type { Database } from '#shared/db/client.js';
import { databaseJobs } from '#shared/db/maintenance.js';
import { createScanner, openFileStore } from '#shared/files/index.js';
import type { Logger } from 'pino';
import { outboxJobs } from '#shared/mail/outbox.js';
import { rateLimitJobs } from '#shared/ratelimit/index.js';
import { createTransport } from '#shared/mail/transport.js';
import { catalogueOf, type AppDeps, type BackgroundJob, type WegweiserModule } from '#shared/module.js';
import { createTenantCache, tenantsRepository } from '#shared/tenancy/index.js';
import { modules as allModules } from './modules/index.js';

export interface BaseDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
}

/** The deps of one process. Fails (before anything listens) when the file store's directories cannot be made. */
export async function createAppDeps(base: BaseDeps, modules: readonly WegweiserModule[] = allModules): Promise<AppDeps> {
  const { config, database } = base;
  return {
    ...base,
    tenantCache: createTenantCache((slug) => tenantsRepository.bySlug(database.db, slug)),
    fileStore: await openFileStore(config),
    scanner: createScanner(config),
    mailTransport: createTransport(config),
    modules: catalogueOf(modules),
  };
}

/** Every background job: the platform's outbox, limits and database upkeep, and each module's own. */
export function backgroundJobs(deps: AppDeps): BackgroundJob[] {
  return [...outboxJobs, ...rateLimitJobs, ...databaseJobs, ...deps.modules.jobs];
}
