// The app the booking benchmarks run (bench/booking.ts, bench/booking-profile.ts): migrated, demo tenant seeded,
// abuse limits lifted, captcha off, the clock on a Wednesday morning (the horizon then has six full weeks of
// weekdays), and locations with 8 counters open Mon–Fri 08–12 and 13–16.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Place } from './booking-load.js';

export async function bookingApp(url: string | undefined, locations: number) {
  const { buildApp } = await import('../src/app.js');
  const { fixedClock } = await import('#shared/clock.js');
  const { loadConfig } = await import('#shared/config.js');
  const { openDatabase } = await import('#shared/db/client.js');
  const { runMigrations } = await import('#shared/db/migrate.js');
  const { seedDemo } = await import('../src/seed.js');
  const { createAppDeps } = await import('../src/deps.js');
  const { createLogger } = await import('#shared/logger.js');
  const { createTestLocation, liftLimits } = await import('../src/modules/termine/testing.js');

  const config = loadConfig({ NODE_ENV: 'test', CAPTCHA: 'off', LOG_LEVEL: 'warn', DATA_DIR: mkdtempSync(join(tmpdir(), 'ww-bench-')) });
  const database = await openDatabase({ url, poolSize: 10 });
  await runMigrations(database);
  const deps = await createAppDeps({ config, database, clock: fixedClock('2026-11-25T09:00:00Z'), logger: createLogger('warn') });
  const tenant = await seedDemo(deps);
  await liftLimits(deps, tenant);
  const hours = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, opensAt: '08:00', closesAt: '12:00' },
    { weekday, opensAt: '13:00', closesAt: '16:00' },
  ]);
  const places: Place[] = [];
  for (let i = 0; i < locations; i++) places.push(await createTestLocation(deps, tenant, { seatsTotal: 8, seatsOnline: 8, hours }));
  const app = await buildApp(deps);
  return { app, deps, database, tenant, places };
}
