import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { createTestLocation, liftLimits, type TestLocation } from './testing.js';

let ctx: TestContext;
let place: TestLocation;
const api = '/api/v1/t/neue-wege';
// Now: Wednesday 25 November 2026, 10:00 in Berlin.
const berlin = (local: string) => new Date(`${local}+01:00`).toISOString();

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
  await liftLimits(ctx.deps, ctx.tenant);
  place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 2 });
});
afterAll(async () => ctx?.close());

const post = (url: string, payload: object, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'POST', url: `${api}${url}`, payload, headers });
const slot = (startsAt: string, extra: object = {}) => ({ location: place.locationId, service: [place.serviceId], startsAt, name: 'Erika Muster', email: 'erika@example.org', ...extra });

async function count(table: 'termin_appointments' | 'termin_seats' | 'outbox_messages' | 'termin_manage_tokens') {
  const result = await ctx.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}

describe('discovery', () => {
  it('lists the demo Servicepoints with their services and the services bookable online', async () => {
    const locations = (await ctx.app.inject({ method: 'GET', url: `${api}/locations` })).json() as { name: string; services: string[] }[];
    expect(locations.map((l) => l.name)).toEqual(expect.arrayContaining(['Servicepoint Heppenheim', 'Servicepoint Bensheim', 'Servicepoint Lampertheim']));
    const services = (await ctx.app.inject({ method: 'GET', url: `${api}/services`, headers: { 'accept-language': 'en' } })).json() as { name: string; bring: string[] }[];
    expect(services.map((s) => s.name)).toContain('Hand in an application');
    // "by invitation only" is bookable internally only
    expect(services.map((s) => s.name)).not.toContain('Integration meeting (by invitation only)');
    expect(services.find((s) => s.name === 'Hand in an application')?.bring).toContain('Identity card or passport');
  });

  it('shows days with free times from the next working day, with the next free date at once', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `${api}/availability/days?location=${place.locationId}&service=${place.serviceId}` });
    const body = res.json() as { days: { date: string }[]; nextFreeDate: string };
    expect(res.statusCode).toBe(200);
    expect(body.nextFreeDate).toBe('2026-11-25');
    expect(body.days.map((d) => d.date)).not.toContain('2026-11-28'); // Saturday
    expect(body.days.length).toBeGreaterThan(25);
  });

  it('lists free times in Berlin time', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `${api}/availability/times?location=${place.locationId}&service=${place.serviceId}&date=2026-11-26&persons=2` });
    const body = res.json() as { times: { time: string; startsAt: string; endsAt: string }[] };
    expect(body.times[0]).toMatchObject({ time: '08:00', startsAt: '2026-11-26T07:00:00.000Z', endsAt: '2026-11-26T07:30:00.000Z' });
    expect(body.times.at(-1)?.time).toBe('15:30');
  });

  it('names every operationId of the contract in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { operationId?: string }>> };
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    for (const id of ['listLocations', 'listServices', 'listAvailableDays', 'listAvailableTimes', 'holdSlot', 'bookAppointment', 'getAppointment', 'cancelAppointment', 'rescheduleAppointment', 'getCaptchaChallenge']) {
      expect(ids).toContain(id);
    }
  });
});

describe('bad input: 4xx naming the field, nothing written', () => {
  const cases: [string, object, string, string][] = [
    ['a past date', { startsAt: berlin('2026-11-24T09:00') }, 'startsAt', 'Vergangenheit'],
    ['an unknown service', { service: ['00000000-0000-4000-8000-000000000000'] }, 'service', 'Anliegen'],
    ['a malformed service id', { service: ['abc'] }, 'service', 'Anliegen'],
    ['a closed day (Saturday)', { startsAt: berlin('2026-11-28T09:00') }, 'startsAt', 'geschlossen'],
    ['a time outside the opening hours', { startsAt: berlin('2026-11-26T17:00') }, 'startsAt', 'geschlossen'],
    ['a public holiday (1st Christmas day)', { startsAt: berlin('2026-12-25T09:00') }, 'startsAt', 'Feiertag'],
    ['too many persons', { persons: 4 }, 'persons', '1, 2 oder 3'],
    ['a malformed e-mail address', { email: 'erika.example.org' }, 'email', 'E-Mail-Adresse'],
    ['a missing name', { name: '' }, 'name', 'Nachnamen'],
    ['a malformed BG number', { bgNummer: '12345' }, 'bgNummer', 'BG-Nummer'],
  ];
  for (const [label, change, field, text] of cases) {
    it(`refuses ${label}`, async () => {
      const before = await Promise.all([count('termin_appointments'), count('termin_seats'), count('outbox_messages')]);
      const res = await post('/appointments', slot(berlin('2026-11-26T09:00'), change));
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json() as { errors: { field: string; message: string }[] };
      expect(body.errors.map((e) => e.field)).toContain(field);
      expect(body.errors.find((e) => e.field === field)?.message).toContain(text);
      expect(await Promise.all([count('termin_appointments'), count('termin_seats'), count('outbox_messages')])).toEqual(before);
    });
  }

  it('answers in English when asked', async () => {
    const res = await post('/appointments', slot(berlin('2026-11-26T09:00'), { persons: 9 }), { 'accept-language': 'en' });
    expect((res.json() as { errors: { message: string }[] }).errors[0]?.message).toBe('Please choose 1, 2 or 3 people.');
  });
});

describe('hold, book, view, move, cancel', () => {
  it('holds a slot, books it, and the personal token opens only that appointment', async () => {
    const hold = await post('/holds', { location: place.locationId, service: [place.serviceId], startsAt: berlin('2026-11-27T10:00') });
    expect(hold.statusCode).toBe(201);
    const { holdId, expiresAt } = hold.json() as { holdId: string; expiresAt: string };
    expect(expiresAt).toBe('2026-11-25T09:10:00.000Z');
    const booked = await post('/appointments', { holdId, name: 'Erika Muster', email: 'Erika@Example.org' });
    expect(booked.statusCode).toBe(201);
    const a = booked.json() as { id: string; manageToken: string; status: string; startsAt: string };
    expect(a).toMatchObject({ status: 'booked', startsAt: berlin('2026-11-27T10:00') });
    expect(a.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The hold cannot be booked a second time.
    expect((await post('/appointments', { holdId, name: 'X', email: 'x@example.org' })).statusCode).toBe(409);

    const auth = { authorization: `Bearer ${a.manageToken}` };
    const view = await ctx.app.inject({ method: 'GET', url: `${api}/appointments/${a.id}`, headers: auth });
    expect(view.statusCode).toBe(200);
    expect((view.json() as { manageToken?: string }).manageToken).toBeUndefined();
    expect((view.json() as { bookingCode?: string }).bookingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Without a token, with a wrong one, for another id, or at another tenant: nothing is revealed.
    expect((await ctx.app.inject({ method: 'GET', url: `${api}/appointments/${a.id}` })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: `${api}/appointments/${a.id}`, headers: { authorization: `Bearer ${'x'.repeat(43)}` } })).statusCode).toBe(404);
    const other = (await post('/appointments', slot(berlin('2026-11-27T11:00'), { email: 'max@example.org' }))).json() as { id: string };
    expect((await ctx.app.inject({ method: 'GET', url: `${api}/appointments/${other.id}`, headers: auth })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/t/muster-kreis/appointments/${a.id}`, headers: auth })).statusCode).toBe(404);

    const moved = await ctx.app.inject({ method: 'POST', url: `${api}/appointments/${a.id}/reschedule`, headers: auth, payload: { startsAt: berlin('2026-11-27T12:00') } });
    expect(moved.statusCode).toBe(200);
    expect((moved.json() as { startsAt: string }).startsAt).toBe(berlin('2026-11-27T12:00'));
    const cancelled = await ctx.app.inject({ method: 'DELETE', url: `${api}/appointments/${a.id}`, headers: auth });
    expect((cancelled.json() as { status: string }).status).toBe('cancelled');
    expect((cancelled.json() as { bookingCode?: string }).bookingCode).toBeUndefined();
    const seats = await ctx.database.db.execute(sql`select count(*)::int as n from termin_seats where appointment_id = ${a.id}`);
    expect(Number((seats as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(0);
  });

  it('moves only to a free time: 409 with next free times, and the old time is kept', async () => {
    const full = berlin('2026-11-30T09:00');
    await post('/appointments', slot(full, { email: 'a1@example.org' }));
    await post('/appointments', slot(full, { email: 'a2@example.org' }));
    const mine = (await post('/appointments', slot(berlin('2026-11-30T10:00'), { email: 'a3@example.org' }))).json() as { id: string; manageToken: string };
    const res = await ctx.app.inject({ method: 'POST', url: `${api}/appointments/${mine.id}/reschedule`, headers: { authorization: `Bearer ${mine.manageToken}` }, payload: { startsAt: full } });
    expect(res.statusCode).toBe(409);
    expect((res.json() as { nextFreeTimes: unknown[] }).nextFreeTimes.length).toBeGreaterThan(0);
    const view = await ctx.app.inject({ method: 'GET', url: `${api}/appointments/${mine.id}`, headers: { authorization: `Bearer ${mine.manageToken}` } });
    expect((view.json() as { startsAt: string }).startsAt).toBe(berlin('2026-11-30T10:00'));
  });
});

describe('idempotency', () => {
  it('answers a retry with the same Idempotency-Key with the first booking', async () => {
    const body = slot(berlin('2026-12-01T09:00'), { email: 'retry@example.org' });
    const first = await post('/appointments', body, { 'idempotency-key': 'retry-1' });
    const second = await post('/appointments', body, { 'idempotency-key': 'retry-1' });
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const changed = await post('/appointments', { ...body, name: 'Someone Else' }, { 'idempotency-key': 'retry-1' });
    expect(changed.statusCode).toBe(422);
    expect((changed.json() as { errors: { field: string }[] }).errors[0]?.field).toBe('Idempotency-Key');
  });

  it('makes one booking from a double click (concurrent requests, same key)', async () => {
    const body = slot(berlin('2026-12-01T10:00'), { email: 'double@example.org' });
    const responses = await Promise.all(Array.from({ length: 5 }, () => post('/appointments', body, { 'idempotency-key': 'double-1' })));
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => (r.json() as { id: string }).id)).size).toBe(1);
    const rows = await ctx.database.db.execute(sql`select count(*)::int as n from termin_appointments where email = 'double@example.org'`);
    expect(Number((rows as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(1);
  });
});
