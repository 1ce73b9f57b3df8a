// Contract of the public termine API: every documented response, produced for real, matches /api/openapi.json.
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { describeContract } from '#shared/testing/contract.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { createTestLocation, liftLimits, type TestLocation } from './testing.js';

let ctx: TestContext;
let place: TestLocation;
const api = '/api/v1/t/neue-wege';
const nowhere = '/api/v1/t/gibt-es-nicht';
const berlin = (local: string) => new Date(`${local}+01:00`).toISOString();
const unknownId = '00000000-0000-4000-8000-000000000000';
const unknownToken = 'x'.repeat(43);

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
  await liftLimits(ctx.deps, ctx.tenant);
  place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
});
afterAll(async () => ctx?.close());

const slot = (startsAt: string, email: string) => ({ location: place.locationId, service: [place.serviceId], startsAt, name: 'Erika Muster', email });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface Booked {
  id: string;
  manageToken: string;
}
async function book(startsAt: string, email: string): Promise<Booked> {
  const res = await ctx.app.inject({ method: 'POST', url: `${api}/appointments`, payload: slot(berlin(startsAt), email) });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as Booked;
}

interface State {
  mine: Booked;
  cancelled: Booked;
  attended: Booked;
  taken: string;
  days: string;
}

const get = (url: string, headers: Record<string, string> = {}): InjectOptions => ({ method: 'GET', url, headers });
const send = (method: 'POST' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}): InjectOptions => ({ method, url, payload, headers });

describeContract<State>('termine', {
  app: () => ctx.app,
  async setup() {
    const mine = await book('2026-11-26T09:00', 'mine@example.org');
    const cancelled = await book('2026-11-26T09:30', 'gone@example.org');
    await ctx.app.inject(send('DELETE', `${api}/appointments/${cancelled.id}`, undefined, bearer(cancelled.manageToken)));
    const attended = await book('2026-11-26T10:00', 'came@example.org');
    await ctx.database.db.execute(sql`update termin_appointments set status = 'attended' where id = ${attended.id}`);
    const taken = berlin('2026-11-26T10:30');
    await book('2026-11-26T10:30', 'first@example.org');
    return { mine, cancelled, attended, taken, days: `location=${place.locationId}&service=${place.serviceId}` };
  },
  operationIds: [
    'listLocations',
    'listServices',
    'listAvailableDays',
    'listAvailableTimes',
    'holdSlot',
    'bookAppointment',
    'getAppointment',
    'cancelAppointment',
    'rescheduleAppointment',
    'confirmAppointment',
    'getCaptchaChallenge',
  ],
  cases: [
    { operationId: 'listLocations', status: 200, request: () => get(`${api}/locations`) },
    { operationId: 'listLocations', status: 404, what: 'unknown jobcenter', request: () => get(`${nowhere}/locations`) },
    { operationId: 'listServices', status: 200, request: () => get(`${api}/services`) },
    { operationId: 'listServices', status: 404, request: () => get(`${nowhere}/services`) },
    { operationId: 'listServices', status: 422, what: 'malformed location id', request: () => get(`${api}/services?location=abc`) },
    { operationId: 'listAvailableDays', status: 200, request: (s) => get(`${api}/availability/days?${s.days}`) },
    { operationId: 'listAvailableDays', status: 404, request: (s) => get(`${nowhere}/availability/days?${s.days}`) },
    { operationId: 'listAvailableDays', status: 422, what: 'no service', request: () => get(`${api}/availability/days?location=${place.locationId}`) },
    { operationId: 'listAvailableTimes', status: 200, request: (s) => get(`${api}/availability/times?${s.days}&date=2026-11-27`) },
    { operationId: 'listAvailableTimes', status: 404, request: (s) => get(`${nowhere}/availability/times?${s.days}&date=2026-11-27`) },
    { operationId: 'listAvailableTimes', status: 422, what: 'no date', request: (s) => get(`${api}/availability/times?${s.days}`) },
    { operationId: 'holdSlot', status: 201, request: () => send('POST', `${api}/holds`, { location: place.locationId, service: [place.serviceId], startsAt: berlin('2026-11-27T09:00') }) },
    { operationId: 'holdSlot', status: 404, request: () => send('POST', `${nowhere}/holds`, {}) },
    { operationId: 'holdSlot', status: 422, what: 'no start time', request: () => send('POST', `${api}/holds`, { location: place.locationId, service: [place.serviceId] }) },
    { operationId: 'holdSlot', status: 409, what: 'time taken', request: (s) => send('POST', `${api}/holds`, { location: place.locationId, service: [place.serviceId], startsAt: s.taken }) },
    { operationId: 'bookAppointment', status: 201, request: () => send('POST', `${api}/appointments`, slot(berlin('2026-11-27T10:00'), 'new@example.org')) },
    { operationId: 'bookAppointment', status: 404, request: () => send('POST', `${nowhere}/appointments`, {}) },
    { operationId: 'bookAppointment', status: 422, what: 'malformed e-mail', request: () => send('POST', `${api}/appointments`, slot(berlin('2026-11-27T11:00'), 'no-at-sign')) },
    { operationId: 'bookAppointment', status: 409, what: 'time taken', request: (s) => send('POST', `${api}/appointments`, slot(s.taken, 'late@example.org')) },
    { operationId: 'getAppointment', status: 200, request: (s) => get(`${api}/appointments/${s.mine.id}`, bearer(s.mine.manageToken)) },
    { operationId: 'getAppointment', status: 401, what: 'no token', request: (s) => get(`${api}/appointments/${s.mine.id}`) },
    { operationId: 'getAppointment', status: 404, what: 'unknown token', request: (s) => get(`${api}/appointments/${s.mine.id}`, bearer(unknownToken)) },
    { operationId: 'getAppointment', status: 422, what: 'malformed id', request: (s) => get(`${api}/appointments/abc`, bearer(s.mine.manageToken)) },
    { operationId: 'rescheduleAppointment', status: 200, request: (s) => send('POST', `${api}/appointments/${s.mine.id}/reschedule`, { startsAt: berlin('2026-11-27T12:00') }, bearer(s.mine.manageToken)) },
    { operationId: 'rescheduleAppointment', status: 401, request: (s) => send('POST', `${api}/appointments/${s.mine.id}/reschedule`, { startsAt: berlin('2026-11-27T12:00') }) },
    { operationId: 'rescheduleAppointment', status: 404, request: (s) => send('POST', `${api}/appointments/${unknownId}/reschedule`, { startsAt: berlin('2026-11-27T12:00') }, bearer(s.mine.manageToken)) },
    { operationId: 'rescheduleAppointment', status: 422, what: 'no start time', request: (s) => send('POST', `${api}/appointments/${s.mine.id}/reschedule`, {}, bearer(s.mine.manageToken)) },
    { operationId: 'rescheduleAppointment', status: 409, what: 'time taken', request: (s) => send('POST', `${api}/appointments/${s.mine.id}/reschedule`, { startsAt: s.taken }, bearer(s.mine.manageToken)) },
    { operationId: 'confirmAppointment', status: 200, what: 'already booked', request: (s) => send('POST', `${api}/appointments/${s.mine.id}/confirm`, undefined, bearer(s.mine.manageToken)) },
    { operationId: 'confirmAppointment', status: 401, request: (s) => send('POST', `${api}/appointments/${s.mine.id}/confirm`) },
    { operationId: 'confirmAppointment', status: 404, request: (s) => send('POST', `${api}/appointments/${unknownId}/confirm`, undefined, bearer(s.mine.manageToken)) },
    { operationId: 'confirmAppointment', status: 422, request: (s) => send('POST', `${api}/appointments/abc/confirm`, undefined, bearer(s.mine.manageToken)) },
    { operationId: 'confirmAppointment', status: 409, what: 'cancelled', request: (s) => send('POST', `${api}/appointments/${s.cancelled.id}/confirm`, undefined, bearer(s.cancelled.manageToken)) },
    { operationId: 'cancelAppointment', status: 401, request: (s) => send('DELETE', `${api}/appointments/${s.mine.id}`) },
    { operationId: 'cancelAppointment', status: 404, request: (s) => send('DELETE', `${api}/appointments/${unknownId}`, undefined, bearer(s.mine.manageToken)) },
    { operationId: 'cancelAppointment', status: 422, request: (s) => send('DELETE', `${api}/appointments/abc`, undefined, bearer(s.mine.manageToken)) },
    { operationId: 'cancelAppointment', status: 409, what: 'already attended', request: (s) => send('DELETE', `${api}/appointments/${s.attended.id}`, undefined, bearer(s.attended.manageToken)) },
    { operationId: 'cancelAppointment', status: 200, request: (s) => send('DELETE', `${api}/appointments/${s.mine.id}`, undefined, bearer(s.mine.manageToken)) },
    { operationId: 'getCaptchaChallenge', status: 200, request: () => get(`${api}/captcha`) },
    { operationId: 'getCaptchaChallenge', status: 404, request: () => get(`${nowhere}/captcha`) },
  ],
});
