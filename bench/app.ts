// The in-process app a benchmark serves when it needs a baseline route next to the real ones (bench/booking.ts,
// bench/antrag.ts): migrated, demo tenant seeded, captcha and rate limits off.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '#shared/clock.js';

export async function seededApp(url: string | undefined, clock?: Clock) {
  const { fixedClock } = await import('#shared/clock.js');
  const { loadConfig } = await import('#shared/config.js');
  const { openDatabase } = await import('#shared/db/client.js');
  const { runMigrations } = await import('#shared/db/migrate.js');
  const { seedDemo } = await import('../src/seed.js');
  const { createAppDeps } = await import('../src/deps.js');
  const { createLogger } = await import('#shared/logger.js');

  const config = loadConfig({ NODE_ENV: 'test', CAPTCHA: 'off', RATE_LIMITS: 'off', LOG_LEVEL: 'warn', DATA_DIR: mkdtempSync(join(tmpdir(), 'ww-bench-')) });
  const database = await openDatabase({ url, poolSize: 10 });
  await runMigrations(database);
  const deps = await createAppDeps({ config, database, clock: clock ?? fixedClock('2026-11-25T09:00:00Z'), logger: createLogger('warn') });
  const tenant = await seedDemo(deps);
  return { deps, database, tenant };
}
