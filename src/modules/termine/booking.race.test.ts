// Zero overbooking: many concurrent attempts on slots with 1–3 seats, through HTTP, on PGlite and PostgreSQL,
// one address's cap of future appointments under concurrency, and two app instances on one PostgreSQL database.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openDatabase } from '#shared/db/client.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { describeTestDatabase } from '#shared/testing/database.js';
import { saveSettings } from './termine.repository.js';
import { createTestLocation, liftLimits, type TestLocation } from './testing.js';

let ctx: TestContext;
const api = '/api/v1/t/neue-wege';
// Thursday 26 November 2026, Berlin = UTC+1.
const at = (hhmm: string) => new Date(`2026-11-26T${hhmm}:00+01:00`).toISOString();

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
  await liftLimits(ctx.deps, ctx.tenant);
});
afterAll(async () => ctx?.close());

interface Attempt {
  startsAt: string;
  persons: number;
}

function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

async function fire(apps: FastifyInstance[], place: TestLocation, attempts: Attempt[], tag: string) {
  return Promise.all(
    attempts.map((attempt, i) =>
      apps[i % apps.length]!.inject({
        method: 'POST',
        url: `${api}/appointments`,
        remoteAddress: `10.0.${i % 250}.${(i * 7) % 250}`,
        payload: { location: place.locationId, service: [place.serviceId], persons: attempt.persons, startsAt: attempt.startsAt, name: `Person ${i}`, email: `${tag}-${i}@example.org` },
      }),
    ),
  );
}

async function seatRows(locationId: string) {
  const result = await ctx.database.db.execute(
    sql`select unit_start, count(*)::int as n from termin_seats where location_id = ${locationId} and (expires_at is null or expires_at > now()) group by unit_start`,
  );
  return (result as unknown as { rows: { unit_start: Date | string; n: number }[] }).rows.map((r) => ({ unit: new Date(r.unit_start).toISOString(), n: Number(r.n) }));
}

async function bookedCount(locationId: string) {
  const result = await ctx.database.db.execute(sql`select count(*)::int as n from termin_appointments where location_id = ${locationId} and status = 'booked'`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}

/** Runs attempts on a location with `seats` seats: 1-person bookings at 09:00 and 2-person ones at 08:45 (both need 09:00). */
async function race(apps: FastifyInstance[], seats: number, count: number, tag: string) {
  const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: seats + 2, seatsOnline: seats });
  const attempts = shuffle(Array.from({ length: count }, (_, i) => (i % 4 === 0 ? { startsAt: at('08:45'), persons: 2 } : { startsAt: at('09:00'), persons: 1 })));
  const responses = await fire(apps, place, attempts, tag);
  const won = responses.filter((r) => r.statusCode === 201);
  const lost = responses.filter((r) => r.statusCode !== 201);
  return { place, attempts, responses, won, lost };
}

function expectFriendlyLosers(lost: { statusCode: number; json(): unknown }[]) {
  for (const response of lost) {
    expect(response.statusCode).toBe(409);
    const body = response.json() as { title: string; nextFreeTimes: { startsAt: string }[] };
    expect(body.title).toBe('Diese Zeit wurde gerade vergeben');
    expect(body.nextFreeTimes.length).toBeGreaterThan(0);
    expect(body.nextFreeTimes.map((t) => t.startsAt)).not.toContain(at('09:00'));
  }
}

describe(`capacity under concurrency (${describeTestDatabase()})`, () => {
  it('never books more than the seats: 210 concurrent attempts on slots with 1, 2 and 3 seats', async () => {
    const runs = await Promise.all([1, 2, 3].map((seats) => race([ctx.app], seats, 70, `one-${seats}`)));
    for (const [i, run] of runs.entries()) {
      const seats = i + 1;
      // The 09:00 unit is wanted by every attempt: it ends exactly full, never fuller.
      expect(run.won.length).toBe(seats);
      const rows = await seatRows(run.place.locationId);
      expect(rows.find((r) => r.unit === at('09:00'))?.n).toBe(seats);
      for (const row of rows) expect(row.n).toBeLessThanOrEqual(seats);
      expect(await bookedCount(run.place.locationId)).toBe(seats);
      expectFriendlyLosers(run.lost);
    }
  });

  it('answers the losers of the HTML journey with the friendly 409 page and the next free times', async () => {
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ctx.app.inject({
          method: 'POST',
          url: '/t/neue-wege/termine/zeit',
          remoteAddress: `10.1.0.${i}`,
          payload: { service: place.serviceId, location: place.locationId, persons: '1', startsAt: at('10:00') },
        }),
      ),
    );
    expect(responses.filter((r) => r.statusCode === 303)).toHaveLength(1);
    const lost = responses.filter((r) => r.statusCode !== 303);
    expect(lost).toHaveLength(19);
    for (const r of lost) {
      expect(r.statusCode).toBe(409);
      expect(r.body).toContain('Diese Zeit wurde gerade vergeben');
      expect(r.body).toContain('name="startsAt"');
    }
  });

  it('books no more future appointments for one address than its cap, however many arrive at once', async () => {
    await saveSettings(new TenantDb(ctx.database.db, ctx.tenant.id), { maxFutureAppointmentsPerEmail: 3 }, ctx.clock.now());
    try {
      const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 5 });
      const times = Array.from({ length: 12 }, (_, i) => at(`${String(11 + Math.floor(i / 4))}:${String((i % 4) * 15).padStart(2, '0')}`));
      const responses = await Promise.all(
        times.map((startsAt, i) =>
          ctx.app.inject({
            method: 'POST',
            url: `${api}/appointments`,
            remoteAddress: `10.2.0.${i}`,
            payload: { location: place.locationId, service: [place.serviceId], startsAt, name: 'Viele Termine', email: 'cap@example.org' },
          }),
        ),
      );
      expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(3);
      expect(responses.filter((r) => r.statusCode !== 201).map((r) => r.statusCode)).toEqual(Array.from({ length: 9 }, () => 422));
      const result = await ctx.database.db.execute(sql`select count(*)::int as n from termin_appointments where email = 'cap@example.org'`);
      expect(Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(3);
    } finally {
      await liftLimits(ctx.deps, ctx.tenant);
    }
  });

  it.skipIf(describeTestDatabase() === 'pglite')('holds with two app instances on one PostgreSQL database', async () => {
    const result = await ctx.database.db.execute(sql`select current_database() as name`);
    const name = (result as unknown as { rows: { name: string }[] }).rows[0]!.name;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const second = await openDatabase({ url: url.toString(), poolSize: 10 });
    const other = await buildApp({ ...ctx.deps, database: second });
    await other.ready();
    try {
      const runs = await Promise.all([1, 2, 3].map((seats) => race([ctx.app, other], seats, 70, `two-${seats}`)));
      for (const [i, run] of runs.entries()) {
        expect(run.won.length).toBe(i + 1);
        for (const row of await seatRows(run.place.locationId)) expect(row.n).toBeLessThanOrEqual(i + 1);
        expect(await bookedCount(run.place.locationId)).toBe(i + 1);
        expectFriendlyLosers(run.lost);
      }
    } finally {
      await other.close();
      await second.close();
    }
  });
});
