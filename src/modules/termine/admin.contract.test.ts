// Contract of the staff JSON API of the termine administration: every documented response, produced for real,
// matches /api/openapi.json.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { describeContract } from '#shared/testing/contract.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';

let ctx: TestContext;
let admin: LoggedIn;
let other: LoggedIn;
const api = '/api/v1/t/neue-wege/staff/termine';
const nowhere = '/api/v1/t/gibt-es-nicht/staff/termine';
const unknownId = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
  admin = await loginAs(ctx, ['tenant_admin']);
  other = await loginAs(ctx, ['servicepoint']);
});
afterAll(async () => ctx?.close());

type Who = LoggedIn | undefined;
const as = (who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): InjectOptions => ({
  method,
  url,
  ...(who ? { cookies: who.cookies, headers: { 'x-csrf-token': who.csrfToken } } : {}),
  ...(payload ? { payload } : {}),
});

const settings = { holdMinutes: 10, doubleOptIn: false, confirmMinutes: 60, reminderHours: 24, maxFutureAppointmentsPerEmail: 2, retentionDays: 30, holdsPerIpHour: 30, bookingsPerIpHour: 10, bookingsPerEmailDay: 5, heiligabend: 'closed', silvester: 'closed' };
const location = {
  name: 'Servicepoint Vertrag',
  street: 'Weg 1',
  postalCode: '64646',
  city: 'Heppenheim',
  slotMinutes: 15,
  seatsTotal: 2,
  seatsOnline: 2,
  horizonDays: 30,
  minNoticeKind: 'nextWorkingDay',
  directions: { de: 'Hier' },
  accessibility: { de: 'Stufenlos' },
  hours: [{ weekday: 1, opensAt: '09:00', closesAt: '12:00' }],
};
const service = { name: { de: 'Vertragsanliegen' }, description: { de: '' }, bringList: { de: [] }, durationMinutes: 15, locationIds: [] };
const closure = { startsAt: '2026-11-30T08:00:00+01:00', endsAt: '2026-11-30T12:00:00+01:00', reason: 'Betriebsversammlung' };
const pastClosure = { startsAt: '2026-11-01T08:00:00+01:00', endsAt: '2026-11-01T12:00:00+01:00', reason: 'vorbei' };

interface State {
  locationId: string;
  serviceId: string;
}

/** The staff cases every operation has: no session, a role without the permission, an unknown jobcenter, bad input. */
function guarded(operationId: string, method: 'GET' | 'POST' | 'PUT', path: (s: State) => string, payload?: object, bad?: { path?: (s: State) => string; payload?: object }) {
  const cases = [
    { operationId, status: 401, what: 'no session', request: (s: State) => as(undefined, method, `${api}${path(s)}`, payload) },
    { operationId, status: 403, what: 'role without permission', request: (s: State) => as(other, method, `${api}${path(s)}`, payload) },
    { operationId, status: 404, what: 'unknown jobcenter', request: (s: State) => as(admin, method, `${nowhere}${path(s)}`, payload) },
  ];
  if (bad) cases.push({ operationId, status: 422, what: 'bad input', request: (s: State) => as(admin, method, `${api}${(bad.path ?? path)(s)}`, bad.payload ?? payload) });
  return cases;
}

describeContract<State>('termine administration', {
  app: () => ctx.app,
  async setup() {
    const locationId = ((await ctx.app.inject(as(admin, 'POST', `${api}/locations`, location))).json() as { id: string }).id;
    const serviceId = ((await ctx.app.inject(as(admin, 'POST', `${api}/services`, { ...service, locationIds: [locationId] }))).json() as { id: string }).id;
    return { locationId, serviceId };
  },
  operationIds: ['getTermineConfiguration', 'updateTermineSettings', 'createTerminLocation', 'updateTerminLocation', 'closeTerminLocation', 'createTerminService', 'updateTerminService'],
  cases: [
    { operationId: 'getTermineConfiguration', status: 200, request: () => as(admin, 'GET', api) },
    ...guarded('getTermineConfiguration', 'GET', () => ''),
    { operationId: 'updateTermineSettings', status: 204, request: () => as(admin, 'PUT', `${api}/settings`, settings) },
    ...guarded('updateTermineSettings', 'PUT', () => '/settings', settings, { payload: { ...settings, holdMinutes: 0 } }),
    { operationId: 'createTerminLocation', status: 201, request: () => as(admin, 'POST', `${api}/locations`, location) },
    ...guarded('createTerminLocation', 'POST', () => '/locations', location, { payload: { ...location, postalCode: '1' } }),
    { operationId: 'updateTerminLocation', status: 204, request: (s) => as(admin, 'PUT', `${api}/locations/${s.locationId}`, location) },
    ...guarded('updateTerminLocation', 'PUT', (s) => `/locations/${s.locationId}`, location, { path: () => '/locations/abc' }),
    { operationId: 'closeTerminLocation', status: 201, request: (s) => as(admin, 'POST', `${api}/locations/${s.locationId}/closures`, closure) },
    ...guarded('closeTerminLocation', 'POST', (s) => `/locations/${s.locationId}/closures`, closure, { payload: { startsAt: 'morgen' } }),
    { operationId: 'closeTerminLocation', status: 409, what: 'in the past', request: (s) => as(admin, 'POST', `${api}/locations/${s.locationId}/closures`, pastClosure) },
    { operationId: 'createTerminService', status: 201, request: () => as(admin, 'POST', `${api}/services`, service) },
    ...guarded('createTerminService', 'POST', () => '/services', service, { payload: { ...service, durationMinutes: 1 } }),
    { operationId: 'updateTerminService', status: 204, request: (s) => as(admin, 'PUT', `${api}/services/${s.serviceId}`, { ...service, locationIds: [s.locationId] }) },
    ...guarded('updateTerminService', 'PUT', (s) => `/services/${s.serviceId}`, service, { path: () => `/services/${unknownId}x` }),
  ],
});
