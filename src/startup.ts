// What the web server and the separate worker share at start: the configuration checked (one clear line and
// exit 1 for what the operator must fix), the database opened and migrated, the deps composed once, and a
// graceful stop on SIGTERM and SIGINT.
import { existsSync } from 'node:fs';
import { createAppDeps } from './deps.js';
import { systemClock } from '#shared/clock.js';
import { ConfigError, loadConfig, type Config } from '#shared/config.js';
import { openDatabase, type Database } from '#shared/db/client.js';
import { runMigrations } from '#shared/db/migrate.js';
import { createLogger } from '#shared/logger.js';
import type { AppDeps } from '#shared/module.js';

/** Prints one clear line (no stack trace) and exits 1: for configuration the operator must fix. */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}

async function open(config: Config, logger: AppDeps['logger']): Promise<Database> {
  if (!config.databaseUrl && !existsSync(`${config.dataDir}/pglite/PG_VERSION`)) {
    logger.info(`First start: creating the embedded database in ${config.dataDir}/pglite (takes a few seconds)`);
  }
  try {
    return await openDatabase({
      url: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite`,
      timeouts: config.databaseTimeouts,
      // Only code and message: the pool replaces the connection, and nothing else of the error is useful.
      onConnectionError: (err) => logger.warn({ cause: { code: (err as { code?: unknown }).code, message: err.message } }, 'database connection lost'),
    });
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    if (config.databaseUrl) fail(`Invalid configuration: DATABASE_URL cannot be reached (${reason})`);
    fail(`Invalid configuration: DATA_DIR cannot hold the embedded database (${reason})`);
  }
}

/** Opens and migrates the database (an advisory lock lets several nodes start at once) and composes the deps. */
export async function startDeps(config: Config): Promise<AppDeps> {
  const logger = createLogger(config.logLevel);
  const database = await open(config, logger);
  logger.info({ database: database.kind }, `Database: ${database.description}`);
  if (database.kind === 'pglite') {
    logger.warn('PGlite is for trying Wegweiser out and for tests only: it does not fsync, so data can be lost on a crash. Set DATABASE_URL to a PostgreSQL 15+ server for production.');
  }
  await runMigrations(database);
  try {
    return await createAppDeps({ config, database, clock: systemClock, logger });
  } catch (err) {
    fail(`Invalid configuration: DATA_DIR cannot hold the file store (${err instanceof Error ? err.message : String(err)})`);
  }
}

/**
 * On SIGTERM or SIGINT runs `stop` once, closes the database and exits 0; exits 1 if stopping takes longer than
 * an orchestrator's usual grace period.
 */
export function stopGracefully(deps: AppDeps, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.logger.info({ signal }, 'shutting down: finishing what is running');
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    await stop();
    // After the jobs: the outbox has marked what the server accepted; what was not sent stays pending.
    deps.mailTransport.close?.();
    await deps.database.close();
    deps.logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
