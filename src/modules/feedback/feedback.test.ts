// Feedback over HTTP: the form for each service, anonymous storage (no address, no token, contact data removed),
// validation, the per-address limit, and the tenant admin's counts (other tenants and roles see nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '#shared/audit/index.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs } from '../staff/testing.js';
import { createTestLocation, liftLimits } from '../termine/testing.js';
import { feedbackLimit } from './feedback.routes.js';
import { feedbackResponses } from './feedback.tables.js';
import { withoutContactData } from './feedback.service.js';

let ctx: TestContext;
const base = '/t/neue-wege';

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z', env: { RATE_LIMITS: 'on' } });
});
afterAll(async () => ctx?.close());

const send = (form: Record<string, string>, ip = '198.51.100.1', tenant = base) =>
  ctx.app.inject({ method: 'POST', url: `${tenant}/rueckmeldung`, remoteAddress: ip, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });
const rows = () => new TenantDb(ctx.database.db, ctx.tenant.id).select(feedbackResponses);

describe('feedback form', () => {
  it('asks one question about the service named in the link, in German and English', async () => {
    const page = await ctx.app.inject({ url: `${base}/rueckmeldung?dienst=termine` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Wie zufrieden waren Sie mit diesem Dienst?');
    expect(page.body).toContain('Onlineterminierung');
    expect(page.body).toContain('Bitte schreiben Sie keine persönlichen Daten hinein');
    expect(page.body.match(/type="radio"/g)).toHaveLength(5);
    const en = await ctx.app.inject({ url: `${base}/rueckmeldung?dienst=rechner`, headers: { 'accept-language': 'en' } });
    expect(en.body).toContain('How satisfied were you with this service?');
    expect((await ctx.app.inject({ url: `${base}/rueckmeldung?dienst=unbekannt` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: `${base}/rueckmeldung` })).statusCode).toBe(404);
  });

  it('stores the rating per tenant and service without anything that points to a person', async () => {
    const res = await send({ dienst: 'erstantrag', rating: '4', comment: 'Gut, aber schreiben Sie mir an anna@example.org oder 0171 2345678, Aktenzeichen EA-2026-K7M2-QX9P, IBAN DE89 3704 0044 0532 0130 00' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${base}/rueckmeldung/danke`);
    const [row] = await rows();
    expect(row).toMatchObject({ service: 'erstantrag', rating: 4, day: '2026-11-25' });
    expect(row!.comment).toBe('Gut, aber schreiben Sie mir an […] oder […], Aktenzeichen […], IBAN […]');
    expect(Object.keys(row!).sort()).toEqual(['comment', 'day', 'id', 'rating', 'service', 'tenantId']);
    const thanks = await ctx.app.inject({ url: res.headers.location as string });
    expect(thanks.body).toContain('Vielen Dank für Ihre Rückmeldung');
  });

  it('names a missing rating and an over-long text, keeping what was typed', async () => {
    const res = await send({ dienst: 'termine', rating: '', comment: 'x'.repeat(1001) });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#f-rating"');
    expect(res.body).toContain('href="#f-comment"');
    expect(res.body).toContain('x'.repeat(1001));
    expect((await send({ dienst: 'termine', rating: '6' })).statusCode).toBe(422);
    expect((await send({ dienst: 'nichts', rating: '3' })).statusCode).toBe(404);
  });

  it('is limited per address', async () => {
    const ip = '198.51.100.50';
    for (let i = 0; i < feedbackLimit.max; i++) expect((await send({ dienst: 'rechner', rating: '5' }, ip)).statusCode).toBe(303);
    expect((await send({ dienst: 'rechner', rating: '5' }, ip)).statusCode).toBe(429);
  });
});

describe('feedback link', () => {
  it('is on the Rechner result and leads to the question about the Rechner', async () => {
    const form = { month: '2026-03', 'm0.birthDate': '01.05.1990', 'm0.gross': '520,00', 'm0.net': '520,00', rent: '800', heating: '100' };
    const res = await ctx.app.inject({ method: 'POST', url: `${base}/rechner`, payload: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="${base}/rueckmeldung?dienst=rechner"`);
    // Not on the empty calculator: only a result is a confirmation.
    expect((await ctx.app.inject({ url: `${base}/rechner` })).body).not.toContain('rueckmeldung?dienst=');
  });

  it('is on the pages after a booking was moved, cancelled or confirmed, not on the plain personal page', async () => {
    await liftLimits(ctx.deps, ctx.tenant);
    const place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
    const booked = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1${base}/appointments`,
      payload: { location: place.locationId, service: [place.serviceId], startsAt: new Date('2026-11-27T10:00:00+01:00').toISOString(), name: 'Erika Muster', email: 'erika@example.org' },
    });
    expect(booked.statusCode).toBe(201);
    const manage = `${base}/termine/verwalten/${booked.json<{ manageToken: string }>().manageToken}`;
    const link = `href="${base}/rueckmeldung?dienst=termine"`;
    for (const done of ['moved', 'cancelled', 'confirmed']) expect((await ctx.app.inject({ url: `${manage}?done=${done}` })).body, done).toContain(link);
    expect((await ctx.app.inject({ url: manage })).body).not.toContain(link);
  });
});

describe('feedback results', () => {
  it('shows tenant admins the counts per service, only of their tenant', async () => {
    await send({ dienst: 'unterlagen', rating: '2' }, '198.51.100.60', '/t/muster-kreis');
    await send({ dienst: 'termine', rating: '5' }, '198.51.100.61');
    await send({ dienst: 'termine', rating: '3', comment: 'Ging schnell' }, '198.51.100.61');
    const admin = await loginAs(ctx, ['tenant_admin']);
    const page = await ctx.app.inject({ url: `${base}/staff/rueckmeldungen`, cookies: admin.cookies });
    expect(page.statusCode).toBe(200);
    const row = (service: string) => {
      const at = page.body.indexOf(`<td class="kern-table__cell">${service}</td>`);
      return page.body.slice(at, page.body.indexOf('</tr>', at)).replace(/<[^>]+>/g, '|').split('|').filter(Boolean);
    };
    // service, 5 … 1, total, average, with text
    expect(row('Onlineterminierung')).toEqual(['Onlineterminierung', '1', '0', '1', '0', '0', '2', '4,0', '1']);
    expect(row('Bürgergeld-Rechner')).toEqual(['Bürgergeld-Rechner', String(feedbackLimit.max), '0', '0', '0', '0', String(feedbackLimit.max), '5,0', '0']);
    expect(row('Unterlagen nachreichen')).toEqual(['Unterlagen nachreichen', '0', '0', '0', '0', '0', '0', '–', '0']);
    expect(page.body).not.toContain('Ging schnell');
    const caseworker = await loginAs(ctx, ['sachbearbeitung']);
    expect((await ctx.app.inject({ url: `${base}/staff/rueckmeldungen`, cookies: caseworker.cookies })).statusCode).toBe(403);
  });
});

describe('feedback comments', () => {
  it('shows tenant admins the comments of one service, escaped, newest first, 25 a page, with a note and an audit row', async () => {
    const other = await ctx.app.inject({ url: '/t/muster-kreis/rueckmeldung?dienst=bankverbindung' });
    expect(other.statusCode).toBe(200);
    await send({ dienst: 'bankverbindung', rating: '1', comment: 'Fremder Kreis' }, '198.51.100.70', '/t/muster-kreis');
    await send({ dienst: 'bankverbindung', rating: '2', comment: 'Heute <script>alert(1)</script>' }, '198.51.100.71');
    const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
    for (let i = 1; i <= 26; i++) await tdb.insert(feedbackResponses, { service: 'bankverbindung', rating: 3, comment: `Alt ${i}`, day: `2026-10-${String(i).padStart(2, '0')}` });
    await tdb.insert(feedbackResponses, { service: 'bankverbindung', rating: 5, comment: null, day: '2026-11-01' });
    const admin = await loginAs(ctx, ['tenant_admin']);

    const overview = await ctx.app.inject({ url: `${base}/staff/rueckmeldungen`, cookies: admin.cookies });
    expect(overview.body).toContain(`href="${base}/staff/rueckmeldungen/bankverbindung"`);

    const page = await ctx.app.inject({ url: `${base}/staff/rueckmeldungen/bankverbindung`, cookies: admin.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ungeprüfte Texte von Bürgerinnen und Bürgern');
    expect(page.body).toContain('27 Rückmeldungen mit Text.');
    expect(page.body).toContain('Heute &lt;script>alert(1)&lt;/script>');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain('Fremder Kreis');
    expect(page.body.indexOf('Heute')).toBeLessThan(page.body.indexOf('Alt 26'));
    expect(page.body.indexOf('Alt 26')).toBeLessThan(page.body.indexOf('Alt 25'));
    expect(page.body).toContain('25.11.2026');
    expect(page.body.match(/<tr class="kern-table__row"/g)).toHaveLength(26); // head + 25
    expect(page.body).not.toContain('Alt 2<');
    expect(page.body).toContain('Seite 1 von 2');
    expect(page.body).toContain(`href="${base}/staff/rueckmeldungen/bankverbindung?seite=2"`);
    const second = await ctx.app.inject({ url: `${base}/staff/rueckmeldungen/bankverbindung?seite=2`, cookies: admin.cookies });
    expect(second.body).toContain('Alt 1<');
    expect(second.body).toContain('Alt 2<');
    expect(second.body).not.toContain('Alt 3<');
    expect((await ctx.app.inject({ url: `${base}/staff/rueckmeldungen/bankverbindung?seite=3`, cookies: admin.cookies })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: `${base}/staff/rueckmeldungen/unbekannt`, cookies: admin.cookies })).statusCode).toBe(404);
    const en = await ctx.app.inject({ url: `${base}/staff/rueckmeldungen/bankverbindung`, cookies: admin.cookies, headers: { 'accept-language': 'en' } });
    expect(en.body).toContain('Unchecked texts from citizens');

    const audits = await tdb.db.select().from(auditLog).where(and(eq(auditLog.tenantId, ctx.tenant.id), eq(auditLog.action, 'feedback.comments.read')));
    expect(audits.map((a) => a.objectId).sort()).toEqual(['bankverbindung:1', 'bankverbindung:1', 'bankverbindung:2', 'bankverbindung:3']);
    expect(audits[0]).toMatchObject({ actorId: admin.userId, objectType: 'feedback_comments', purpose: 'Verbesserung der Online-Dienste' });

    const caseworker = await loginAs(ctx, ['sachbearbeitung']);
    expect((await ctx.app.inject({ url: `${base}/staff/rueckmeldungen/bankverbindung`, cookies: caseworker.cookies })).statusCode).toBe(403);
  });

  it('refuses a feedback POST sent from another site', async () => {
    const before = (await rows()).length;
    const post = (headers: Record<string, string>) =>
      ctx.app.inject({ method: 'POST', url: `${base}/rueckmeldung`, remoteAddress: '198.51.100.80', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: 'dienst=termine&rating=1' });
    expect((await post({ origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await rows()).length).toBe(before);
    expect((await post({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(303);
  });
});

describe('withoutContactData', () => {
  it('keeps ordinary text and short numbers', () => {
    expect(withoutContactData('Termin um 9 Uhr, 2 Kinder, Seite 3 war unklar.')).toBe('Termin um 9 Uhr, 2 Kinder, Seite 3 war unklar.');
  });
});
