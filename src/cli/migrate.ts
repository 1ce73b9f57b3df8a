// `npm run db:migrate`: applies pending migrations and exits (for production deploys).
import { ConfigError, loadConfig } from '#shared/config.js';
import { openDatabase } from '#shared/db/client.js';
import { runMigrations } from '#shared/db/migrate.js';

try {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite` });
  await runMigrations(database);
  process.stdout.write(`Migrations applied: ${database.description}\n`);
  await database.close();
} catch (err) {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `Migration failed: ${err instanceof Error ? err.message : String(err)}`}\n`);
  process.exit(1);
}
