// The app the booking benchmarks run (bench/booking.ts, bench/booking-profile.ts): migrated, demo tenant seeded,
// abuse limits lifted, captcha off, the clock on a Wednesday morning (the horizon then has six full weeks of
// weekdays), and locations with 8 counters open Mon–Fri 08–12 and 13–16.
import { seededApp } from './app.js';
import type { Place } from './booking-load.js';

export async function bookingApp(url: string | undefined, locations: number) {
  const { buildApp } = await import('../src/app.js');
  const { createTestLocation, liftLimits } = await import('../src/modules/termine/testing.js');
  const { deps, database, tenant } = await seededApp(url);
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
