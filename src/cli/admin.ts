// `npm run admin -- <command> …`: administration from the shell. `create-tenant` adds a jobcenter to the
// installation, `create-user` a staff account (the first tenant admin of a new tenant). Prints what it did.
import { runAdminCli, usage as userUsage } from '../modules/staff/admin.cli.js';
import { runTenantCli, tenantUsage } from '../modules/tenants/tenants.cli.js';
import { CliError } from '#shared/cli.js';
import { systemClock } from '#shared/clock.js';
import { ConfigError, loadConfig } from '#shared/config.js';
import { openDatabase } from '#shared/db/client.js';
import { runMigrations } from '#shared/db/migrate.js';
import { createLogger } from '#shared/logger.js';
import { createAppDeps } from '../deps.js';

try {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'create-tenant' && command !== 'create-user') {
    throw new CliError(`${command ? `Unknown command "${command}".\n\n` : ''}${tenantUsage}\n\n${userUsage}`);
  }
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite`, timeouts: config.databaseTimeouts });
  try {
    await runMigrations(database);
    const deps = await createAppDeps({ config, database, clock: systemClock, logger: createLogger('warn') });
    const output = command === 'create-tenant' ? await runTenantCli(rest, deps) : await runAdminCli([command, ...rest], deps);
    process.stdout.write(output);
  } finally {
    await database.close();
  }
} catch (err) {
  const known = err instanceof ConfigError || err instanceof CliError;
  process.stderr.write(`${known ? err.message : `admin failed: ${err instanceof Error ? err.message : String(err)}`}\n`);
  process.exit(1);
}
