import { existsSync } from 'node:fs';
import { buildApp } from './app.js';
import { backgroundJobs, createAppDeps } from './deps.js';
import { seedDemo } from './seed.js';
import { systemClock } from './shared/clock.js';
import { ConfigError, loadConfig, type Config } from './shared/config.js';
import { openDatabase, type Database } from './shared/db/client.js';
import { runMigrations } from './shared/db/migrate.js';
import { startWorker } from './shared/jobs/worker.js';
import { createLogger } from './shared/logger.js';
import type { AppDeps } from './shared/module.js';

/** Prints one clear line (no stack trace) and exits 1: for configuration the operator must fix. */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function open(config: Config, logger: ReturnType<typeof createLogger>): Promise<Database> {
  if (!config.databaseUrl && !existsSync(`${config.dataDir}/pglite/PG_VERSION`)) {
    logger.info(`First start: creating the embedded database in ${config.dataDir}/pglite (takes a few seconds)`);
  }
  try {
    return await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite` });
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    if (config.databaseUrl) fail(`Invalid configuration: DATABASE_URL cannot be reached (${reason})`);
    fail(`Invalid configuration: DATA_DIR cannot hold the embedded database (${reason})`);
  }
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const database = await open(config, logger);
  logger.info({ database: database.kind }, `Database: ${database.description}`);
  if (database.kind === 'pglite') {
    logger.warn('PGlite is for trying Wegweiser out and for tests only: it does not fsync, so data can be lost on a crash. Set DATABASE_URL to a PostgreSQL 15+ server for production.');
  }
  await runMigrations(database);
  const deps: AppDeps = await createAppDeps({ config, database, clock: systemClock, logger });
  if (config.env !== 'production') await seedDemo(deps);

  const app = await buildApp(deps);
  const worker = config.worker ? startWorker(deps, backgroundJobs(deps)) : undefined;

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: no new requests, finishing running ones');
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    await app.close();
    await worker?.stop();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    fail(`Invalid configuration: PORT ${config.port} on HOST ${config.host} cannot be used (${err instanceof Error ? err.message : String(err)})`);
  }
  logger.info(`Wegweiser is running at ${config.publicUrl}`);
}

await main();
