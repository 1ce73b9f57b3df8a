// Small factories for tests and benchmarks: a location with a given number of seats and one service.
import { randomBytes } from 'node:crypto';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/index.js';
import * as repo from './termine.repository.js';

export interface TestLocation {
  locationId: string;
  serviceId: string;
}

/** Mon–Fri 08:00–16:00 (or `hours`), 15-minute slots, no minimum notice, 42 days ahead. */
export async function createTestLocation(
  deps: AppDeps,
  tenant: Tenant,
  options: { seatsTotal: number; seatsOnline?: number; durationMinutes?: number; hours?: { weekday: number; opensAt: string; closesAt: string }[] },
): Promise<TestLocation> {
  const tdb = new TenantDb(deps.database.db, tenant.id);
  const key = `test-${randomBytes(4).toString('hex')}`;
  const location = await repo.insertLocation(tdb, {
    key,
    name: `Testort ${key}`,
    street: 'Teststraße 1',
    postalCode: '64646',
    city: 'Heppenheim',
    phone: null,
    directions: { de: 'Erdgeschoss' },
    accessibility: { de: 'Stufenlos' },
    slotMinutes: 15,
    seatsTotal: options.seatsTotal,
    seatsOnline: options.seatsOnline ?? options.seatsTotal,
    horizonDays: 42,
    minNoticeKind: 'hours',
    minNoticeHours: 0,
    active: true,
    sortOrder: 99,
  });
  await repo.replaceOpeningHours(tdb, location.id, options.hours ?? [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '08:00', closesAt: '16:00' })));
  const service = await repo.insertService(tdb, {
    key,
    name: { de: 'Testanliegen', en: 'Test concern' },
    description: { de: 'Test' },
    durationMinutes: options.durationMinutes ?? 15,
    bringList: { de: ['Ausweis'], en: ['ID'] },
    onlineBookable: true,
    active: true,
    sortOrder: 99,
  });
  await repo.setServiceLocations(tdb, service.id, [location.id]);
  return { locationId: location.id, serviceId: service.id };
}

/** Lifts the abuse limits so a test or benchmark can fire many bookings from one address. */
export async function liftLimits(deps: AppDeps, tenant: Tenant): Promise<void> {
  await repo.saveSettings(
    new TenantDb(deps.database.db, tenant.id),
    { holdsPerIpHour: 1_000_000, bookingsPerIpHour: 1_000_000, bookingsPerEmailDay: 1_000_000, maxFutureAppointmentsPerEmail: 1_000_000 },
    deps.clock.now(),
  );
}

/** Solves a proof-of-work challenge the way termine.js does in the browser; returns the form/API payload. */
export async function solvedPayload(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** The answer to a fallback question token, read from its (signed, not secret) payload. */
export function answerOf(token: string): string {
  const { a, b } = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as { a: number; b: number };
  return String(a + b);
}
