import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSubmissionEvents, formSubmissions } from '../forms/testing.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { auditLog } from '#shared/audit/index.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { aufforderungenForApplication } from '../unterlagen/testing.js';
import { householdOfThree, injectClient, runJourney } from './testing.js';

let ctx: TestContext;
let caseworker: LoggedIn;
let id = '';
let reference = '';
let statusLink = '';
const staff = '/t/neue-wege/staff/antraege';

beforeAll(async () => {
  ctx = await createTestContext();
  const { confirmation } = await runJourney(injectClient(ctx.app), '/t/neue-wege', householdOfThree());
  reference = /EA-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(confirmation)![0];
  statusLink = /\/t\/neue-wege\/antrag\/status\/[A-Za-z0-9_-]{43}/.exec(confirmation)![0];
  const [row] = await ctx.deps.database.db.select().from(formSubmissions).where(eq(formSubmissions.reference, reference));
  id = row!.id;
  caseworker = await loginAs(ctx, ['sachbearbeitung']);
});
afterAll(async () => ctx?.close());

const as = (who: LoggedIn, method: 'GET' | 'POST', url: string, form?: Record<string, string | string[]>) => {
  const payload = form ? new URLSearchParams(Object.entries({ _csrf: who.csrfToken, ...form }).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString() : undefined;
  return ctx.app.inject({ method, url, cookies: who.cookies, ...(payload ? { payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}) });
};
const audits = async (action: string) => (await ctx.deps.database.db.select().from(auditLog)).filter((a) => a.action === action && a.objectId === id);

describe('caseworker side', () => {
  it('lists submitted applications with filters, the applicant\'s name only and an audit row per view', async () => {
    const viewsBefore = (await ctx.deps.database.db.select().from(auditLog)).filter((a) => a.action === 'antrag.inbox.view').length;
    const list = await as(caseworker, 'GET', staff);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(reference);
    expect(list.body).toContain('Beispiel, Anna');
    expect(list.body).not.toContain('Jonas');
    expect((await ctx.deps.database.db.select().from(auditLog)).filter((a) => a.action === 'antrag.inbox.view')).toHaveLength(viewsBefore + 1);
    expect((await as(caseworker, 'GET', `${staff}?status=entschieden`)).body).not.toContain(reference);
    expect((await as(caseworker, 'GET', `${staff}?flow=erstantrag&from=2026-11-25&to=2026-11-25`)).body).toContain(reference);
    expect((await as(caseworker, 'GET', `${staff}?from=2026-11-26`)).body).not.toContain(reference);
  });

  it('needs the permission antrag.process and a login', async () => {
    const desk = await loginAs(ctx, ['servicepoint']);
    expect((await as(desk, 'GET', staff)).statusCode).toBe(403);
    const anonymous = await ctx.app.inject({ url: `${staff}/${id}` });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/staff/login');
  });

  it('opens an application with an audit row', async () => {
    const before = (await audits('antrag.read')).length;
    const page = await as(caseworker, 'GET', `${staff}/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Jonas Beispiel');
    // Staff wording: the BG-Nummer hint speaks to the caseworker, not to the citizen.
    expect(page.body).toContain('Nummer der Bedarfsgemeinschaft, wie im Bescheid');
    expect(page.body).not.toContain('Steht oben auf Ihrem Bescheid');
    expect(page.body).toContain('DE89 3704 0044 0532 0130 00');
    expect(await audits('antrag.read')).toHaveLength(before + 1);
  });

  it('moves the status forward only, with CSRF, and the citizen sees it', async () => {
    expect((await ctx.app.inject({ method: 'POST', url: `${staff}/${id}/status`, cookies: caseworker.cookies, payload: 'status=in_bearbeitung', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(403);
    expect((await as(caseworker, 'POST', `${staff}/${id}/status`, { status: 'entschieden' })).statusCode).toBe(409);
    const moved = await as(caseworker, 'POST', `${staff}/${id}/status`, { status: 'in_bearbeitung' });
    expect(moved.statusCode).toBe(303);
    const citizen = await ctx.app.inject({ url: statusLink });
    expect(citizen.body).toContain('In Bearbeitung');
  });

  it('requests missing documents through the Unterlagen module', async () => {
    const invalid = await as(caseworker, 'POST', `${staff}/${id}/unterlagen`, { bgNummer: 'falsch', dueDate: '2026-12-09', items: ['kontoauszuege'] });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('href="#f-bgNummer"');
    const done = await as(caseworker, 'POST', `${staff}/${id}/unterlagen`, { bgNummer: '12345BG0012345', dueDate: '2026-12-09', items: ['kontoauszuege', 'mietvertrag'], message: 'Bitte bis zur Frist.' });
    expect(done.statusCode).toBe(303);
    const [request] = await aufforderungenForApplication(ctx, id);
    expect(request).toBeDefined();
    const [row] = await ctx.deps.database.db.select().from(formSubmissions).where(eq(formSubmissions.id, id));
    expect(row!.status).toBe('unterlagen_angefordert');
    const mails = (await ctx.deps.database.db.select().from(outboxMessages)).filter((m) => m.to === 'anna.beispiel@example.org');
    expect(mails.length).toBeGreaterThanOrEqual(2);
    expect((await ctx.app.inject({ url: statusLink })).body).toContain('Unterlagen angefordert');
  });

  it('keeps notes encrypted and internal', async () => {
    const saved = await as(caseworker, 'POST', `${staff}/${id}/notiz`, { note: 'Rückruf vereinbart mit Frau Beispiel' });
    expect(saved.statusCode).toBe(303);
    const events = await ctx.deps.database.db.select().from(formSubmissionEvents).where(eq(formSubmissionEvents.submissionId, id));
    expect(JSON.stringify(events)).not.toContain('Rückruf');
    expect((await as(caseworker, 'GET', `${staff}/${id}`)).body).toContain('Rückruf vereinbart mit Frau Beispiel');
    expect((await ctx.app.inject({ url: statusLink })).body).not.toContain('Rückruf');
  });

  it('exports JSON (HTML download and API) and the PDF, each audited', async () => {
    const download = await as(caseworker, 'GET', `${staff}/${id}/export.json`);
    const data = JSON.parse(download.body);
    expect(data).toMatchObject({ format: 'wegweiser.antrag-export', version: 1, application: { reference, flow: 'erstantrag', status: 'unterlagen_angefordert' } });
    expect(data.answers.members).toHaveLength(2);
    expect(data.answers.kaltmiete).toBe(55_000);
    expect(data.timeline.map((e: { kind: string }) => e.kind)).toEqual(['status', 'status', 'documentsRequested', 'note']);
    const api = await ctx.app.inject({ url: `/api/v1/t/neue-wege/staff/applications/${id}/export`, cookies: caseworker.cookies });
    expect(api.statusCode).toBe(200);
    expect(api.json().application.id).toBe(id);
    const pdf = await as(caseworker, 'GET', `${staff}/${id}/antrag.pdf`);
    expect(pdf.body.startsWith('%PDF')).toBe(true);
    expect(await audits('antrag.export')).toHaveLength(2);
    expect(await audits('antrag.pdf')).toHaveLength(1);
  });

  it('does not show one tenant\'s applications to another tenant\'s caseworker', async () => {
    const other = await loginAs(ctx, ['sachbearbeitung'], ctx.otherTenant);
    expect((await as(other, 'GET', `/t/muster-kreis/staff/antraege/${id}`)).statusCode).toBe(404);
    expect((await as(other, 'GET', '/t/muster-kreis/staff/antraege')).body).not.toContain(reference);
    expect((await ctx.app.inject({ url: `/api/v1/t/muster-kreis/staff/applications/${id}/export`, cookies: other.cookies })).statusCode).toBe(404);
  });
});
