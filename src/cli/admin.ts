// `npm run admin -- create-user --tenant neue-wege --email … --role tenant_admin`: staff accounts from the shell
// (the first tenant admin of a new installation). Prints a one-time password once.
import { CliError, runAdminCli } from '../modules/staff/admin.cli.js';
import { systemClock } from '../shared/clock.js';
import { ConfigError, loadConfig } from '../shared/config.js';
import { openDatabase } from '../shared/db/client.js';
import { runMigrations } from '../shared/db/migrate.js';
import { createLogger } from '../shared/logger.js';
import { createAppDeps } from '../deps.js';

try {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite` });
  try {
    await runMigrations(database);
    const output = await runAdminCli(process.argv.slice(2), await createAppDeps({ config, database, clock: systemClock, logger: createLogger('warn') }));
    process.stdout.write(output);
  } finally {
    await database.close();
  }
} catch (err) {
  const known = err instanceof ConfigError || err instanceof CliError;
  process.stderr.write(`${known ? err.message : `admin failed: ${err instanceof Error ? err.message : String(err)}`}\n`);
  process.exit(1);
}
