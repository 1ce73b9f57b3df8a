import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { renderOutbox } from '#shared/mail/outbox.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { book } from './booking.service.js';
import { listLocations } from './termine.repository.js';
import { liftLimits } from './testing.js';

let ctx: TestContext;
let admin: LoggedIn;
const base = '/t/neue-wege/staff/termine';

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
  await liftLimits(ctx.deps, ctx.tenant);
  admin = await loginAs(ctx, ['tenant_admin']);
});
afterAll(async () => ctx?.close());

const form = (url: string, payload: Record<string, string | string[]>, who: LoggedIn = admin) =>
  ctx.app.inject({ method: 'POST', url, cookies: who.cookies, payload: { _csrf: who.csrfToken, ...payload } });

const location = (overrides: Record<string, string> = {}) => ({
  name: 'Servicepoint Viernheim',
  street: 'Rathausstraße 10',
  postalCode: '68519',
  city: 'Viernheim',
  phone: '',
  directionsDe: 'Am Rathaus.',
  directionsEn: 'At the town hall.',
  accessibilityDe: 'Stufenlos.',
  accessibilityEn: 'Step-free.',
  slotMinutes: '15',
  seatsTotal: '2',
  seatsOnline: '1',
  horizonDays: '42',
  minNoticeKind: 'hours',
  minNoticeHours: '0',
  active: 'on',
  hours1: '08:00-12:00',
  hours2: '08:00-12:00, 13:00-15:00',
  hours3: '',
  hours4: '08:00-12:00',
  hours5: '08:00-12:00',
  hours6: '',
  hours7: '',
  ...overrides,
});

describe('access', () => {
  it('sends anonymous visitors to the login and refuses other roles', async () => {
    const anonymous = await ctx.app.inject({ method: 'GET', url: base });
    expect(anonymous.statusCode).toBeGreaterThanOrEqual(300);
    expect(anonymous.statusCode).toBeLessThan(400);
    const desk = await loginAs(ctx, ['servicepoint']);
    expect((await ctx.app.inject({ method: 'GET', url: base, cookies: desk.cookies })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/t/neue-wege/staff/termine' })).statusCode).toBe(401);
  });

  it('refuses a change without the CSRF token', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: `${base}/einstellungen`, cookies: admin.cookies, payload: { holdMinutes: '5' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('tenant administration', () => {
  it('shows the overview with the demo Servicepoints and saves settings (and names a bad field)', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: base, cookies: admin.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Servicepoint Lampertheim');
    const settings = { holdMinutes: '15', doubleOptIn: 'on', confirmMinutes: '60', reminderHours: '48', maxFutureAppointmentsPerEmail: '3', retentionDays: '30', holdsPerIpHour: '30', bookingsPerIpHour: '10', bookingsPerEmailDay: '5', heiligabend: 'morning', silvester: 'closed' };
    expect((await form(`${base}/einstellungen`, settings)).headers.location).toBe(`${base}?saved=settings`);
    const api = await ctx.app.inject({ method: 'GET', url: '/api/v1/t/neue-wege/staff/termine', cookies: admin.cookies });
    expect(api.headers['cache-control']).toBe('no-store');
    expect((api.json() as { settings: Record<string, unknown> }).settings).toMatchObject({ holdMinutes: 15, doubleOptIn: true, reminderHours: 48, heiligabend: 'morning' });
    const bad = await form(`${base}/einstellungen`, { ...settings, holdMinutes: '0' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-holdMinutes"');
    const audit = await ctx.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'termine.settings.changed'`);
    expect(Number((audit as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBeGreaterThanOrEqual(1);
    await liftLimits(ctx.deps, ctx.tenant);
  });

  it('creates a Servicepoint with opening hours and refuses invalid hours or seats', async () => {
    const created = await form(`${base}/standorte/neu`, location());
    expect(created.statusCode).toBe(303);
    const page = await ctx.app.inject({ method: 'GET', url: String(created.headers.location), cookies: admin.cookies });
    expect(page.body).toContain('value="08:00-12:00, 13:00-15:00"');
    const overlap = await form(`${base}/standorte/neu`, location({ hours1: '08:00-12:00, 11:00-13:00' }));
    expect(overlap.statusCode).toBe(422);
    expect(overlap.body).toContain('Öffnungszeiten sind ungültig');
    const format = await form(`${base}/standorte/neu`, location({ hours3: 'morgens' }));
    expect(format.body).toContain('href="#f-hours3"');
    const seats = await form(`${base}/standorte/neu`, location({ seatsOnline: '5' }));
    expect(seats.body).toContain('href="#f-seatsOnline"');
  });

  it('closes a Servicepoint: affected bookings are cancelled and told by e-mail, the closure is audited', async () => {
    const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
    const viernheim = (await listLocations(tdb, false)).find((l) => l.name === 'Servicepoint Viernheim')!;
    const service = await form(`${base}/anliegen/neu`, { nameDe: 'Kurzberatung', nameEn: '', descriptionDe: 'Kurz', descriptionEn: '', durationMinutes: '15', bringDe: 'Ausweis\nBescheid', bringEn: '', onlineBookable: 'on', active: 'on', locationIds: [viernheim.id] });
    expect(service.statusCode).toBe(303);
    const serviceId = String(service.headers.location).split('/').pop()!.split('?')[0]!;
    const tctx = { tdb, tenant: ctx.tenant, deps: ctx.deps };
    const booked = await book(tctx, {
      slot: { locationId: viernheim.id, serviceIds: [serviceId], persons: 1, startsAt: new Date('2026-11-26T09:00:00+01:00'), channel: 'online' },
      contact: { name: 'Erika Muster', email: 'closure@example.org' },
      language: 'de',
    });
    const closed = await form(`${base}/standorte/${viernheim.id}/schliessungen`, { date: '26.11.2026', from: '', to: '', reason: 'Wasserschaden' }); // typed the German way
    expect(closed.headers.location).toBe(`${base}/standorte/${viernheim.id}?saved=closure`);
    const row = await ctx.database.db.execute(sql`select status, cancel_reason from termin_appointments where id = ${booked.appointment.id}`);
    expect((row as unknown as { rows: unknown[] }).rows[0]).toEqual({ status: 'cancelled', cancel_reason: 'closure' });
    await renderOutbox(ctx.deps);
    const mail = await ctx.database.db.execute(sql`select text from outbox_messages where kind = 'termine.closure' and "to" = 'closure@example.org'`);
    expect((mail as unknown as { rows: { text: string }[] }).rows[0]!.text).toContain('Wasserschaden');
    const audit = await ctx.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'termine.location.closed'`);
    expect(Number((audit as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(1);
    const page = await ctx.app.inject({ method: 'GET', url: `${base}/standorte/${viernheim.id}`, cookies: admin.cookies });
    expect(page.body).toContain('Wasserschaden');
  });

  it('refuses a duration that does not fit the slot length, and another tenant’s ids are not found', async () => {
    const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
    const heppenheim = (await listLocations(tdb, false)).find((l) => l.name === 'Servicepoint Heppenheim')!;
    const odd = await form(`${base}/anliegen/neu`, { nameDe: 'Schief', durationMinutes: '20', locationIds: [heppenheim.id], onlineBookable: 'on', active: 'on' });
    expect(odd.statusCode).toBe(422);
    expect(odd.body).toContain('Vielfaches von 15 Minuten');
    const other = (await listLocations(new TenantDb(ctx.database.db, ctx.otherTenant.id), false))[0]!;
    expect((await ctx.app.inject({ method: 'GET', url: `${base}/standorte/${other.id}`, cookies: admin.cookies })).statusCode).toBe(404);
  });

  it('names each Servicepoint of a concern that is malformed or not this tenant’s by its position in the API, and at the checkbox group in the form', async () => {
    const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
    const heppenheim = (await listLocations(tdb, false)).find((l) => l.name === 'Servicepoint Heppenheim')!;
    const other = (await listLocations(new TenantDb(ctx.database.db, ctx.otherTenant.id), false))[0]!;
    const services = async () => Number(((await ctx.database.db.execute(sql`select count(*)::int as n from termin_services`)) as unknown as { rows: { n: number }[] }).rows[0]!.n);
    const before = await services();

    const api = (locationIds: string[]) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/t/neue-wege/staff/termine/services',
        cookies: admin.cookies,
        headers: { 'x-csrf-token': admin.csrfToken },
        payload: { name: { de: 'Falscher Ort' }, description: { de: '' }, bringList: { de: [] }, durationMinutes: 15, locationIds },
      });
    const fields = async (locationIds: string[]) => {
      const res = await api(locationIds);
      expect(res.statusCode).toBe(422);
      return (res.json() as { errors: { field: string }[] }).errors.map((e) => e.field);
    };
    expect(await fields([heppenheim.id, 'kaputt'])).toEqual(['locationIds.1']);
    expect(await fields([heppenheim.id, other.id])).toEqual(['locationIds.1']);
    expect(await fields([other.id, heppenheim.id, other.id])).toEqual(['locationIds.0', 'locationIds.2']);

    const concern = (locationIds: string[]) => ({ nameDe: 'Falscher Ort', durationMinutes: '15', locationIds, onlineBookable: 'on', active: 'on' });
    for (const wrong of [other.id, 'kaputt', 'x'.repeat(41)]) {
      const page = await form(`${base}/anliegen/neu`, concern([heppenheim.id, wrong]));
      expect(page.statusCode).toBe(422);
      expect(page.body).toContain('href="#f-locationIds"');
      expect(page.body).not.toContain('href="#f-locationIds-1"');
      expect(page.body).toMatch(/<fieldset class="kern-fieldset kern-fieldset--error" aria-describedby="f-locationIds-error">/);
    }
    expect(await services()).toBe(before);
  });

  it('offers the same through the staff JSON API', async () => {
    const headers = { 'x-csrf-token': admin.csrfToken };
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/t/neue-wege/staff/termine/locations',
      cookies: admin.cookies,
      headers,
      payload: {
        name: 'Servicepoint API',
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
      },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: string };
    const closure = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/t/neue-wege/staff/termine/locations/${id}/closures`,
      cookies: admin.cookies,
      headers,
      payload: { startsAt: '2026-11-30T08:00:00+01:00', endsAt: '2026-11-30T12:00:00+01:00', reason: 'Betriebsversammlung' },
    });
    expect(closure.json()).toMatchObject({ affected: 0 });
  });
});
