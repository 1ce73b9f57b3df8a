// An id in the JSON API is checked like every id of the application: lower case only (ADR 0402, 0404). The id of a
// real record written in upper case is refused exactly like any malformed id — 422 problem+json naming the field,
// for path ids as for body and query fields — and never finds the record under a second spelling.
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from './testing/app.js';
import { coachingAktivitaeten } from './modules/coaching/coaching.tables.js';
import { seedDemoParticipants } from './modules/coaching/demo.js';
import { issueLink } from './modules/coaching/link.service.js';
import { createTestSession } from './modules/seminare/testing.js';
import { loginAs, type LoggedIn } from './modules/staff/testing.js';
import { createTestLocation, liftLimits, type TestLocation } from './modules/termine/testing.js';
import { pdfWithPages } from './modules/unterlagen/files/test/fixtures.js';
import { file, freeFields, multipart } from './modules/unterlagen/test/multipart.js';

let ctx: TestContext;
const api = '/api/v1/t/neue-wege';
// Now: Wednesday 25 November 2026, 10:00 in Berlin.
const berlin = (local: string) => new Date(`${local}+01:00`).toISOString();
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface Records {
  place: TestLocation;
  draft: { id: string; draftToken: string };
  appointment: { id: string; manageToken: string };
  upload: { id: string; receiptToken: string };
  activity: { id: string; token: string };
  categoryId: string;
  admin: LoggedIn;
  staff: LoggedIn;
}
let s: Records;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
  await liftLimits(ctx.deps, ctx.tenant);
  const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 3 });
  const post = async <T>(url: string, payload: object) => (await ctx.app.inject({ method: 'POST', url: `${api}${url}`, payload })).json<T>();
  const draft = await post<Records['draft']>('/applications', {});
  const appointment = await post<Records['appointment']>('/appointments', { location: place.locationId, service: [place.serviceId], startsAt: berlin('2026-11-27T10:00'), name: 'Erika Muster', email: 'erika@example.org' });
  const upload = (await ctx.app.inject({ method: 'POST', url: `${api}/uploads`, ...multipart([...freeFields(), file('auszug.pdf', await pdfWithPages(1))]) })).json<Records['upload']>();

  const coach = await loginAs(ctx, ['coach']);
  const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
  await seedDemoParticipants(ctx.deps, tdb, coach.userId);
  const [activity] = await tdb.select(coachingAktivitaeten, eq(coachingAktivitaeten.typ, 'bewerbung'));
  const principal = { userId: coach.userId, tenantId: ctx.tenant.id, roles: ['coach' as const], displayName: 'Coach', sessionId: 'x' };
  const { url } = await issueLink(ctx.deps, tdb, principal, activity!.teilnehmendeId, { slug: ctx.tenant.slug, name: ctx.tenant.name }, false);

  const { seminar } = await createTestSession(ctx, { title: 'Deeskalation im Kundenkontakt' });
  s = {
    place,
    draft,
    appointment,
    upload,
    activity: { id: activity!.id, token: new URL(url).pathname.split('/').pop()! },
    categoryId: seminar.categoryId,
    admin: await loginAs(ctx, ['tenant_admin']),
    staff: await loginAs(ctx, ['mitarbeitende']),
  };
});
afterAll(async () => ctx?.close());

const staffCall = (who: LoggedIn, method: 'GET' | 'PUT', url: string, payload?: object): InjectOptions => ({
  method,
  url: `${api}/staff${url}`,
  cookies: who.cookies,
  headers: { 'x-csrf-token': who.csrfToken },
  ...(payload ? { payload } : {}),
});
const serviceBody = (locationIds: string[]) => ({ name: { de: 'Testanliegen' }, description: { de: '' }, bringList: { de: [] }, durationMinutes: 15, locationIds });

interface Case {
  operation: string;
  /** Where the id is and the field the problem names. */
  field: string;
  /** The id of a real record, in lower case as the application writes it. */
  id: () => string;
  request: (id: string) => InjectOptions;
  /** The status with the id as written. */
  ok: number;
}

const cases: Case[] = [
  { operation: 'getApplication', field: 'id', id: () => s.draft.id, request: (id) => ({ method: 'GET', url: `${api}/applications/${id}`, headers: bearer(s.draft.draftToken) }), ok: 200 },
  { operation: 'getAppointment', field: 'id', id: () => s.appointment.id, request: (id) => ({ method: 'GET', url: `${api}/appointments/${id}`, headers: bearer(s.appointment.manageToken) }), ok: 200 },
  { operation: 'getUploadReceipt', field: 'id', id: () => s.upload.id, request: (id) => ({ method: 'GET', url: `${api}/uploads/${id}/receipt`, headers: bearer(s.upload.receiptToken) }), ok: 200 },
  {
    operation: 'commentCoachingActivity',
    field: 'id',
    id: () => s.activity.id,
    request: (id) => ({ method: 'POST', url: `${api}/coaching/plan/activities/${id}/messages`, headers: bearer(s.activity.token), payload: { text: 'Ich melde mich morgen.' } }),
    ok: 204,
  },
  { operation: 'updateTerminService', field: 'id', id: () => s.place.serviceId, request: (id) => staffCall(s.admin, 'PUT', `/termine/services/${id}`, serviceBody([s.place.locationId])), ok: 204 },
  {
    operation: 'holdSlot',
    field: 'location',
    id: () => s.place.locationId,
    request: (id) => ({ method: 'POST', url: `${api}/holds`, payload: { location: id, service: [s.place.serviceId], startsAt: berlin('2026-11-26T09:00') } }),
    ok: 201,
  },
  {
    operation: 'holdSlot',
    field: 'service',
    id: () => s.place.serviceId,
    request: (id) => ({ method: 'POST', url: `${api}/holds`, payload: { location: s.place.locationId, service: [id], startsAt: berlin('2026-11-26T09:30') } }),
    ok: 201,
  },
  { operation: 'updateTerminService', field: 'locationIds.0', id: () => s.place.locationId, request: (id) => staffCall(s.admin, 'PUT', `/termine/services/${s.place.serviceId}`, serviceBody([id])), ok: 204 },
  { operation: 'listSeminars', field: 'category', id: () => s.categoryId, request: (id) => staffCall(s.staff, 'GET', `/seminars?category=${id}`), ok: 200 },
];

interface Problem {
  errors?: { field: string; code: string; message: string }[];
}

describe('an id in upper case in the JSON API', () => {
  it.each(cases)('$operation: refused in $field like a malformed id, found as written', async ({ field, id, request }) => {
    const malformed = await ctx.app.inject(request('abc'));
    const upper = await ctx.app.inject(request(id().toUpperCase()));
    expect(upper.statusCode, upper.body.slice(0, 300)).toBe(422);
    expect(upper.headers['content-type']).toContain('application/problem+json');
    const problem = upper.json<Problem>().errors?.find((e) => e.field === field);
    expect(problem, upper.body.slice(0, 300)).toBeDefined();
    // A translated sentence, not an i18n key.
    expect(problem!.message).toMatch(/^[A-ZÄÖÜ„].*\.$/);
    expect({ status: malformed.statusCode, problem: malformed.json<Problem>().errors?.find((e) => e.field === field) }).toEqual({ status: 422, problem });
  });

  it.each(cases)('$operation: the same request with the id as written succeeds', async ({ id, request, ok }) => {
    const res = await ctx.app.inject(request(id()));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(ok);
  });
});
