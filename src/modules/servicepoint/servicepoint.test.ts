import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { renderOutbox } from '#shared/mail/outbox.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { bookingCode, bookingService } from '../termine/index.js';
import { instantOf } from './queue.js';
import { deskLocations, deskServices } from './termine.adapter.js';

// Wednesday 25 November 2026, 10:00 in Heppenheim (open 08–12 and 13–15).
let ctx: TestContext;
let desk: LoggedIn;
let locationId: string;
let serviceId: string;
let base: string;

async function book(name: string, time: string) {
  const tdb = new TenantDb(ctx.deps.database.db, ctx.tenant.id);
  const { appointment } = await bookingService.staffBook(
    { tdb, tenant: ctx.tenant, deps: ctx.deps },
    { locationId, serviceIds: [serviceId], persons: 1, startsAt: instantOf('2026-11-25', time)!, contact: { name, email: `${name.toLowerCase()}@example.org` } },
  );
  return appointment;
}

const post = (url: string, payload: Record<string, string>, who: LoggedIn = desk) =>
  ctx.app.inject({ method: 'POST', url, cookies: who.cookies, payload: { ...payload, _csrf: who.csrfToken } });
const get = (url: string, who: LoggedIn = desk) => ctx.app.inject({ method: 'GET', url, cookies: who.cookies });

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z', env: { RATE_LIMITS: 'on' } });
  const tdb = new TenantDb(ctx.deps.database.db, ctx.tenant.id);
  const termine = { tdb, tenant: ctx.tenant, deps: ctx.deps };
  const location = (await deskLocations(termine))[0]!;
  locationId = location.id;
  serviceId = (await deskServices(termine)).find((s) => s.locationIds.includes(locationId))!.id;
  base = `/t/${ctx.tenant.slug}/staff/servicepoint/${locationId}`;
  desk = await loginAs(ctx, ['servicepoint']);
});
afterAll(async () => ctx?.close());

describe('Servicepoint desk through HTTP', () => {
  it('shows the day with status, documents and free seats, and audits the read', async () => {
    const a = await book('Erika Beispiel', '10:30');
    const page = await get(base);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Erika Beispiel');
    expect(page.body).toContain('10:30');
    expect(page.body).toContain('Gebucht');
    expect(page.body).toContain(bookingCode(ctx.deps.config.secretKey, ctx.tenant.id, a.id));
    expect(page.body).toMatch(/Heute noch \d+ freie Plätze/);
    const searchFor = async (q: string) => get(String((await post(`${base}/suche`, { q })).headers.location));
    const search = await searchFor(bookingCode(ctx.deps.config.secretKey, ctx.tenant.id, a.id).toLowerCase());
    expect(search.body).toContain('Erika Beispiel');
    const other = await searchFor('Niemand');
    expect(other.body).not.toContain('Erika Beispiel');
    const audit = await ctx.deps.database.db.execute(`select action from audit_log where actor_id = '${desk.userId}' and action = 'servicepoint.day.read'`);
    expect((audit as unknown as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
  });

  it('checks in, calls the next number to a counter and finishes the visit', async () => {
    const a = await book('Max Muster', '10:45');
    const checkIn = await post(`${base}/checkin`, { appointmentId: a.id });
    expect(checkIn.statusCode).toBe(303);
    expect(checkIn.headers.location).toMatch(/notice=checkedIn&ticket=\d+/);
    const ticket = Number(/ticket=(\d+)/.exec(String(checkIn.headers.location))![1]);
    const called = await post(`${base}/aufruf`, { counter: '3' });
    expect(called.headers.location).toContain(`ticket=${ticket}`);
    const display = await ctx.app.inject({ method: 'GET', url: `/t/${ctx.tenant.slug}/servicepoint/anzeige/${locationId}` });
    expect(display.statusCode).toBe(200);
    expect(display.body).toContain(String(ticket).padStart(3, '0'));
    expect(display.body).not.toContain('Max Muster');
    expect(display.body).toContain('http-equiv="refresh"');
    expect(display.headers['cache-control']).toBe('no-store');
    const day = await get(base);
    expect(day.body).toContain('Aufgerufen');
    const visitId = /besuche\/([0-9a-f-]{36})\/done/.exec(day.body)![1];
    expect((await post(`/t/${ctx.tenant.slug}/staff/servicepoint/besuche/${visitId}/done`, {})).statusCode).toBe(303);
    expect((await get(base)).body).toContain('Erledigt');
    expect((await post(`${base}/aufruf`, { counter: '3' })).headers.location).toContain('notice=empty');
  });

  it('issues a walk-in ticket with an estimate and checks in at the kiosk without revealing names', async () => {
    const walkIn = await post(`${base}/spontan`, { serviceId });
    expect(walkIn.statusCode).toBe(303);
    const ticketPage = await get(String(walkIn.headers.location));
    expect(ticketPage.body).toMatch(/Geschätzte Wartezeit: (bis zu \d+|\d+ bis \d+) Minuten/);
    const a = await book('Kim Kiosk', '11:00');
    const kiosk = `/t/${ctx.tenant.slug}/servicepoint/kiosk/${locationId}`;
    expect((await ctx.app.inject({ method: 'GET', url: kiosk })).statusCode).toBe(200);
    const wrong = await ctx.app.inject({ method: 'POST', url: kiosk, payload: { code: 'ZZZZ-ZZZZ' } });
    expect(wrong.statusCode).toBe(422);
    const ok = await ctx.app.inject({ method: 'POST', url: kiosk, payload: { code: bookingCode(ctx.deps.config.secretKey, ctx.tenant.id, a.id) } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Ihre Wartenummer');
    expect(ok.body).not.toContain('Kim Kiosk');
  });

  it('rate-limits the kiosk', async () => {
    const kiosk = `/t/${ctx.tenant.slug}/servicepoint/kiosk/${locationId}`;
    const codes = [];
    for (let i = 0; i < 11; i++) codes.push((await ctx.app.inject({ method: 'POST', url: kiosk, remoteAddress: '10.9.9.9', payload: { code: 'AAAA-AAAA' } })).statusCode);
    expect(codes.at(-1)).toBe(429);
  });

  it('marks a no-show, cancels with a reason and mails the citizen', async () => {
    const a = await book('Nora Nichtda', '11:15');
    expect((await post(`${base}/noshow`, { appointmentId: a.id })).statusCode).toBe(303);
    expect((await get(base)).body).toContain('Nicht erschienen');
    const b = await book('Clara.Absage', '11:30');
    const missing = await post(`${base}/termine/${b.id}/absagen`, { reason: '' });
    expect(missing.statusCode).toBe(422);
    const cancelled = await post(`${base}/termine/${b.id}/absagen`, { reason: 'Krankheit Sachbearbeitung' });
    expect(cancelled.headers.location).toContain('notice=cancelled');
    await renderOutbox(ctx.deps);
    const mails = (await ctx.deps.database.db.execute(`select kind, text from outbox_messages where "to" = 'clara.absage@example.org'`)) as unknown as { rows: { kind: string; text: string }[] };
    expect(mails.rows.length).toBeGreaterThanOrEqual(2);
    // The citizen learns why: the reason staff gave is in the cancellation mail.
    expect(mails.rows.find((m) => m.kind === 'termine.cancellation')?.text).toContain('Grund: Krankheit Sachbearbeitung');
    const audit = (await ctx.deps.database.db.execute(`select purpose from audit_log where action = 'servicepoint.appointment.cancel' and object_id = '${b.id}'`)) as unknown as { rows: { purpose: string }[] };
    expect(audit.rows[0]?.purpose).toBe('Krankheit Sachbearbeitung');
  });

  it('calls two clerks at the same moment to different numbers', async () => {
    const visits = [];
    for (let i = 0; i < 4; i++) visits.push(await post(`${base}/spontan`, {}));
    const calls = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => post(`${base}/aufruf`, { counter: String(10 + n) })));
    const tickets = calls.map((r) => /ticket=(\d+)/.exec(String(r.headers.location))?.[1]).filter(Boolean);
    expect(new Set(tickets).size).toBe(tickets.length);
    expect(tickets.length).toBeGreaterThanOrEqual(4);
  });

  it('books by phone (audited) and closes the afternoon, listing and mailing those affected', async () => {
    const phone = await post(`${base}/telefon`, { serviceId, persons: '1', date: '2026-11-25', time: '13:30', name: 'Paul Telefon', email: 'paul@example.org', phone: '' });
    expect(phone.statusCode).toBe(200);
    expect(phone.body).toContain('Gebucht für Mi., 25. November 2026 um 13:30 Uhr');
    const bad = await post(`${base}/telefon`, { serviceId, persons: '1', date: '2026-11-25', time: '25:99', name: '' });
    expect(bad.statusCode).toBe(422);
    const closure = await post(`${base}/schliessung`, { date: '2026-11-25', from: '13:00', until: '15:00', reason: 'Betriebsversammlung' });
    expect(closure.statusCode).toBe(200);
    expect(closure.body).toContain('Paul Telefon');
    const mails = (await ctx.deps.database.db.execute(`select kind from outbox_messages where "to" = 'paul@example.org'`)) as unknown as { rows: unknown[] };
    expect(mails.rows.length).toBe(2);
    const again = await post(`${base}/telefon`, { serviceId, persons: '1', date: '2026-11-25', time: '14:00', name: 'Zu Spät' });
    expect(again.statusCode).toBe(422);
  });

  it('renders statistics, CSV and a chart without inline styles; the page and the CSV are audited, the chart is not', async () => {
    const statsReads = async () => (await new TenantDb(ctx.deps.database.db, ctx.tenant.id).select(auditLog, eq(auditLog.action, 'servicepoint.stats.read'), eq(auditLog.actorId, desk.userId))).length;
    const before = await statsReads();
    const stats = await get(`${base}/statistik?period=week&date=2026-11-25`);
    expect(stats.statusCode).toBe(200);
    expect(stats.body).toContain('<table');
    const csv = await get(`${base}/statistik.csv?period=day&date=2026-11-25`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('2026-11-25;');
    const svg = await get(`${base}/statistik.svg?period=week&date=2026-11-25`);
    expect(svg.body).toMatch(/^<svg/);
    expect(svg.body).not.toMatch(/style=/);
    expect(svg.headers['cache-control']).toBe('no-store');
    // The phone drawing (picked by the page's picture element) is narrower, its days written the German way.
    const narrow = await get(`${base}/statistik.svg?period=week&date=2026-11-25&groesse=schmal`);
    const widthOf = (body: string) => Number(/^<svg[^>]*\swidth="(\d+)"/.exec(body)![1]);
    expect(widthOf(narrow.body)).toBeLessThan(400);
    expect(widthOf(svg.body)).toBeGreaterThan(600);
    expect(narrow.body).toContain('>25.11.<');
    // One day of a few bookings: whole-number ticks on the count axis.
    const day = await get(`${base}/statistik.svg?period=day&date=2026-11-25`);
    expect([...day.body.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).filter((x) => /^\d+[.,]\d+$/.test(x!))).toEqual([]);
    expect(await statsReads()).toBe(before + 2);
  });

  it('reads and shows dates the German way in the day view and the statistics', async () => {
    const csv = await get(`${base}/statistik.csv?period=day&date=20.11.2026`);
    expect(csv.body).toContain('2026-11-20;');
    const stats = await get(`${base}/statistik?period=day&date=20.11.2026`);
    expect(stats.body).toContain('20.11.2026 bis 20.11.2026');
    expect(stats.body).toMatch(/<th[^>]*>20\.11\.2026<\/th>/);
    const day = await get(`${base}?date=26.11.2026`);
    expect(day.statusCode).toBe(200);
    expect(day.body).toMatch(/<input[^>]*name="date"[^>]*value="26.11.2026"/);
    expect(day.body).toContain('Als TT.MM.JJJJ');
  });
});

describe('role matrix', () => {
  it('keeps caseworkers, anonymous users and other tenants out of the desk', async () => {
    const caseworker = await loginAs(ctx, ['sachbearbeitung']);
    expect((await get(base, caseworker)).statusCode).toBe(403);
    expect((await post(`${base}/aufruf`, { counter: '1' }, caseworker)).statusCode).toBe(403);
    const anonymous = await ctx.app.inject({ method: 'GET', url: base });
    expect(anonymous.statusCode).toBe(303);
    const foreign = await loginAs(ctx, ['servicepoint'], ctx.otherTenant);
    expect((await get(base, foreign)).statusCode).not.toBe(200);
    const foreignOwn = await get(`/t/${ctx.otherTenant.slug}/staff/servicepoint/${locationId}`, foreign);
    expect(foreignOwn.statusCode).toBe(404);
    const foreignDisplay = await ctx.app.inject({ method: 'GET', url: `/t/${ctx.otherTenant.slug}/servicepoint/anzeige/${locationId}` });
    expect(foreignDisplay.statusCode).toBe(404);
  });

  it('rejects state changes without the CSRF token', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: `${base}/aufruf`, cookies: desk.cookies, payload: { counter: '1' } });
    expect(res.statusCode).toBe(403);
  });
});
