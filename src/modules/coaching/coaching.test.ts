import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { errorSummaryEntries } from '#shared/testing/error-summary.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { coachingAktivitaeten, coachingLinks, coachingRechtsgrundlagen, coachingTeilnehmende } from './coaching.tables.js';
import { consentText } from './consent.js';
import { amina, coachingStaffBase, coachingTestbed, type CoachingTestbed } from './testing.js';

let ctx: TestContext;
let c: CoachingTestbed;
let tdb: TenantDb;
let coach: LoggedIn;
let basisId: string;
const base = coachingStaffBase;

beforeAll(async () => {
  ctx = await createTestContext();
  c = await coachingTestbed(ctx);
  ({ tdb, coach } = c);
  basisId = (await tdb.first(coachingRechtsgrundlagen, eq(coachingRechtsgrundlagen.key, 'p16k')))!.id;
});
afterAll(async () => ctx?.close());

const person = (overrides: Record<string, string> = {}) => ({ ...amina, rechtsgrundlageId: basisId, coachId: coach.userId, ...overrides });
const intake = (who = coach, overrides: Record<string, string> = {}) => c.intake(overrides, who);

const audits = (action: string, objectId?: string) =>
  tdb.select(auditLog, eq(auditLog.action, action), objectId ? eq(auditLog.objectId, objectId) : undefined);

describe('intake and caseload', () => {
  it('admits a person with the consent text as shown, and lists them in the caseload with the next contact', async () => {
    const form = await c.get(coach, `${base}/aufnahme`);
    expect(form.statusCode).toBe(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.body).toContain('§ 16k SGB II (Ganzheitliche Betreuung)');
    expect(form.body).toContain('Ich willige ein');

    const id = await intake(coach, { startOn: '2026-11-20' });
    const row = (await tdb.first(coachingTeilnehmende, eq(coachingTeilnehmende.id, id)))!;
    expect(row).toMatchObject({ consentText: consentText('de'), consentGivenOn: '2026-11-25', source: 'coach', phase: 'aufnahme', nextContactOn: '2026-11-20' });
    expect(row.languages).toEqual([
      { name: 'Arabisch', level: 'muttersprache' },
      { name: 'Deutsch', level: 'B1' },
    ]);
    expect(await audits('coaching.intake', id)).toHaveLength(1);
    // The English form's level word for a first language is "native".
    const english = await intake(coach, { languages: 'Arabic native, German b2', givenName: 'Noor' });
    expect((await tdb.first(coachingTeilnehmende, eq(coachingTeilnehmende.id, english)))!.languages).toEqual([
      { name: 'Arabic', level: 'muttersprache' },
      { name: 'German', level: 'B2' },
    ]);

    const list = await c.get(coach, base);
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.body).toContain('Haddad, Amina');
    expect(list.body).toContain('überfällig');
  });

  it('shows the consent text in English on the English form and stores it as shown', async () => {
    const english = { 'accept-language': 'en' };
    const form = await ctx.app.inject({ url: `${base}/aufnahme`, cookies: coach.cookies, headers: english });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('I consent to the Jobcenter processing my details');
    expect(form.body).toContain('I can withdraw my consent at any time with effect for the future');
    expect(form.body).not.toContain('Ich willige ein');

    const payload = { _csrf: coach.csrfToken, ...person({ familyName: 'English' }) };
    const res = await ctx.app.inject({ method: 'POST', url: `${base}/aufnahme`, cookies: coach.cookies, headers: english, payload });
    expect(res.statusCode).toBe(303);
    const row = (await tdb.first(coachingTeilnehmende, eq(coachingTeilnehmende.familyName, 'English')))!;
    expect(row.consentText).toMatch(/^I consent to the Jobcenter/);
    expect(row.consentText).toBe(consentText('en'));
  });

  it('refuses an intake without consent, with bad languages or control characters, naming the fields', async () => {
    const res = await c.post(coach, `${base}/aufnahme`, person({ consent: '', languages: 'Deutsch gut', givenName: 'Ami\u202Ena' }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Ohne Einwilligung kann das Coaching keine Daten aufnehmen');
    expect(res.body).toContain('href="#f-consent"');
    expect(res.body).toContain('href="#f-languages"');
    expect(errorSummaryEntries(res.body).map((entry) => entry.split(': ')[0])).toEqual([
      'Vorname',
      'Sprachen mit Stufe',
      'Ohne Einwilligung kann das Coaching keine Daten aufnehmen. Bitte bestätigen Sie die Einwilligung.',
    ]);
    expect(res.body).toContain('Dieses Feld enthält unsichtbare Zeichen, die die Schreibrichtung ändern.');
    expect(res.body).toContain('value="Haddad"');
  });

  it('counts each person\'s open activities and those waiting for the coach, and no one else\'s', async () => {
    const own = await loginAs(ctx, ['coach']);
    const first = await intake(own, { familyName: 'Erste', startOn: '2026-12-20' });
    const second = await intake(own, { familyName: 'Zweite', startOn: '2026-12-20' });
    const quiet = await intake(own, { familyName: 'Dritte', startOn: '2026-12-20' });
    const step = (teilnehmendeId: string, status: 'geplant' | 'laeuft' | 'erledigt' | 'abgebrochen', wartetAuf: 'niemand' | 'coach' = 'niemand') =>
      tdb.insert(coachingAktivitaeten, { teilnehmendeId, typ: 'sonstiges', title: 'Schritt', wer: 'teilnehmende', status, wartetAuf });
    await step(first, 'geplant', 'coach');
    await step(first, 'laeuft');
    await step(first, 'erledigt', 'coach');
    await step(second, 'abgebrochen');
    await step(second, 'laeuft', 'coach');

    const res = await ctx.app.inject({ url: '/api/v1/t/neue-wege/staff/coaching/caseload', cookies: own.cookies });
    expect(res.statusCode).toBe(200);
    const counts = Object.fromEntries(
      (res.json() as { rows: { id: string; openActivities: number; waitingForCoach: number }[] }).rows.map((r) => [r.id, [r.openActivities, r.waitingForCoach]]),
    );
    expect(counts).toEqual({ [first]: [2, 2], [second]: [1, 1], [quiet]: [0, 0] });
  });

  it('a coach cannot take a person into another coach\'s caseload by editing the form', async () => {
    const other = await loginAs(ctx, ['coach']);
    const res = await c.post(coach, `${base}/aufnahme`, person({ coachId: other.userId }));
    expect(res.statusCode).toBe(422);
  });
});

describe('restricted section', () => {
  it('only the assigned coach reads it, every read is audited, strangers get 404', async () => {
    const id = await intake();
    const add = await c.post(coach, `${base}/${id}/vertraulich`, { kategorie: 'schulden', text: 'Schulden bei Energieversorger, Schuldnerberatung angefragt.' });
    expect(add.statusCode).toBe(303);
    const page = await c.get(coach, `${base}/${id}/vertraulich`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Schuldnerberatung angefragt');
    expect(await audits('coaching.vertraulich.read', id)).toHaveLength(1);
    // The dossier itself never shows restricted notes.
    expect((await c.get(coach, `${base}/${id}`)).body).not.toContain('Schuldnerberatung');

    const otherCoach = await loginAs(ctx, ['coach']);
    expect((await c.get(otherCoach, `${base}/${id}/vertraulich`)).statusCode).toBe(404);
    expect((await c.get(otherCoach, `${base}/${id}`)).statusCode).toBe(404);
    const lead = await loginAs(ctx, ['teamleitung']);
    expect((await c.get(lead, `${base}/${id}/vertraulich`)).statusCode).toBe(403);
    const admin = await loginAs(ctx, ['tenant_admin']);
    expect((await c.get(admin, `${base}/${id}`)).statusCode).toBe(404);
    expect(await audits('coaching.vertraulich.read', id)).toHaveLength(1);

    const foreign = await loginAs(ctx, ['coach'], ctx.otherTenant);
    expect((await ctx.app.inject({ url: `/t/${ctx.otherTenant.slug}/staff/coaching/${id}`, cookies: foreign.cookies })).statusCode).toBe(404);
  });
});

describe('referral by a caseworker', () => {
  it('the caseworker refers to a coach and then sees status and the agreed plan, nothing else', async () => {
    const caseworker = await loginAs(ctx, ['sachbearbeitung']);
    const form = await c.get(caseworker, `${base}/zuweisung`);
    expect(form.statusCode).toBe(200);
    const res = await c.post(caseworker, `${base}/zuweisung`, person({ givenName: 'Jonas', familyName: 'Weber', coachId: coach.userId }));
    expect(res.statusCode).toBe(303);
    const id = /coaching\/([0-9a-f-]{36})\?neu=1$/.exec(res.headers.location as string)![1]!;
    expect(await audits('coaching.referral', id)).toHaveLength(1);

    const pot = await c.post(coach, `${base}/${id}/potenzial`, { bereich: 'persoenlich', text: 'Hält durch, wenn es schwierig wird.' });
    expect(pot.statusCode).toBe(303);
    expect((await c.post(coach, `${base}/${id}/aktivitaeten`, { typ: 'bewerbung', title: 'Bewerbung bei der Spedition', wer: 'teilnehmende', dueOn: '2026-12-10' })).statusCode).toBe(303);
    expect((await c.post(coach, `${base}/${id}/plan`, { ziele: 'Arbeit in der Logistik.', reviewOn: '' })).statusCode).toBe(303);

    const before = await c.get(caseworker, `${base}/${id}`);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('Noch kein vereinbarter Kooperationsplan.');
    expect(before.body).not.toContain('Hält durch');
    expect(before.body).not.toContain('Vertraulicher Bereich');

    expect((await c.post(coach, `${base}/${id}/plan/schlichtung`, {})).statusCode).toBe(303);
    expect((await c.get(coach, `${base}/${id}`)).body).toContain('Schlichtungsverfahren beantragt (§ 15a SGB II)');
    expect((await c.post(coach, `${base}/${id}/plan/papier`, {})).statusCode).toBe(303);
    const after = await c.get(caseworker, `${base}/${id}`);
    expect(after.body).toContain('Arbeit in der Logistik.');
    expect(after.body).toContain('Bewerbung bei der Spedition');
    expect(after.body).not.toContain('Hält durch');
    // The caseworker cannot change anything.
    expect((await c.post(caseworker, `${base}/${id}/potenzial`, { bereich: 'sozial', text: 'x' })).statusCode).toBe(403);
  });
});

describe('the participant link', () => {
  it('opens the plan without an account, takes comments and agreement, and stops working when revoked', async () => {
    const id = await intake();
    await c.post(coach, `${base}/${id}/aktivitaeten`, { typ: 'kurs', title: 'Teilqualifikation Lager, Modul 1', wer: 'beide', dueOn: '' });
    await c.post(coach, `${base}/${id}/plan`, { ziele: 'Fachkraft für Lagerlogistik über Teilqualifikationen.', reviewOn: '' });
    const dossier = await c.get(coach, `${base}/${id}`);
    const aid = /id="a-([0-9a-f-]{36})"/.exec(dossier.body)![1]!;
    expect((await c.post(coach, `${base}/${id}/aktivitaeten/${aid}/nachrichten`, { [`text-${aid}`]: 'Welche Kurszeiten passen Ihnen?' })).statusCode).toBe(303);

    const issued = await c.post(coach, `${base}/${id}/link`, {});
    expect(issued.statusCode).toBe(200);
    const url = /href="(http[^"]+\/coaching\/mein-plan\/([A-Za-z0-9_-]{43}))"/.exec(issued.body)!;
    const token = url[2]!;
    const stored = await tdb.select(coachingLinks, eq(coachingLinks.teilnehmendeId, id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);
    expect(stored[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const path = `/t/neue-wege/coaching/mein-plan/${token}`;
    const page = await ctx.app.inject({ url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Guten Tag, Amina Haddad');
    expect(page.body).toContain('Welche Kurszeiten passen Ihnen?');
    expect(page.body).not.toContain('<script src="/assets/coaching');

    const empty = await ctx.app.inject({ method: 'POST', url: `${path}/aktivitaeten/${aid}`, payload: { [`text-${aid}`]: '   ' } });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain(`href="#f-text-${aid}"`);
    const comment = await ctx.app.inject({ method: 'POST', url: `${path}/aktivitaeten/${aid}`, payload: { [`text-${aid}`]: 'Vormittags, bis 13 Uhr.' } });
    expect(comment.statusCode).toBe(303);
    const agree = await ctx.app.inject({ method: 'POST', url: `${path}/zustimmung` });
    expect(agree.statusCode).toBe(303);

    const seen = await c.get(coach, `${base}/${id}`);
    expect(seen.body).toContain('Vormittags, bis 13 Uhr.');
    expect(seen.body).toContain('online vereinbart');
    expect(seen.body).toContain('wartet auf Coach');

    const api = await ctx.app.inject({ url: '/api/v1/t/neue-wege/coaching/plan', headers: { authorization: `Bearer ${token}` } });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ givenName: 'Amina', plan: { version: 1, agreed: true }, activities: [{ id: aid, agreed: true, wartetAuf: 'coach' }] });
    expect((await ctx.app.inject({ url: '/api/v1/t/neue-wege/coaching/plan' })).statusCode).toBe(401);

    expect((await c.post(coach, `${base}/${id}/link/widerruf`, {})).statusCode).toBe(303);
    const revoked = await ctx.app.inject({ url: path });
    expect(revoked.statusCode).toBe(404);
    expect(revoked.body).toContain('Dieser Link ist nicht (mehr) gültig');
    // Page, re-rendered page and API: each read by the participant is recorded.
    expect(await tdb.select(auditLog, and(eq(auditLog.action, 'coaching.link.view'), eq(auditLog.objectId, id)))).toHaveLength(3);
  });
  it('lets the coach change the language of the mails on the dossier, so the next link mail follows it', async () => {
    const id = await intake(coach, { email: 'sprache@example.org' });
    const dossier = await c.get(coach, `${base}/${id}`);
    expect(dossier.body).toContain(`action="${base}/${id}/sprache"`);
    expect(dossier.body).toMatch(/name="mailLanguage" value="de"[^>]*checked/);

    const refused = await c.post(coach, `${base}/${id}/sprache`, { mailLanguage: 'fr' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#f-mailLanguage"');

    expect((await c.post(coach, `${base}/${id}/sprache`, { mailLanguage: 'en' })).statusCode).toBe(303);
    expect((await c.get(coach, `${base}/${id}`)).body).toMatch(/name="mailLanguage" value="en"[^>]*checked/);
    expect(await audits('coaching.sprache', id)).toHaveLength(1);
    expect((await c.post(coach, `${base}/${id}/link`, { mail: 'on' })).statusCode).toBe(200);
    const mail = (await tdb.select(outboxMessages, eq(outboxMessages.to, 'sprache@example.org'))).at(-1);
    expect(mail!.subject).toBe(`${ctx.tenant.name}: your personal coaching plan`);
    expect(mail!.text).toContain('?lang=en');
  });
});

describe('follow-up and exit', () => {
  it('logs contacts with the next date, records a job start with details and the six-month check', async () => {
    const id = await intake();
    expect((await c.post(coach, `${base}/${id}/kontakte`, { kanal: 'telefon', contactOn: '2026-11-25', summary: 'Bewerbung besprochen.', nextContactOn: '2026-12-02' })).statusCode).toBe(303);
    expect((await tdb.first(coachingTeilnehmende, eq(coachingTeilnehmende.id, id)))!.nextContactOn).toBe('2026-12-02');

    const incomplete = await c.post(coach, `${base}/${id}/austritt`, { exitReason: 'svBeschaeftigung', exitOn: '2026-11-30' });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.body).toContain('Bei einer Arbeitsaufnahme bitte Beginn');
    const exit = await c.post(coach, `${base}/${id}/austritt`, { exitReason: 'svBeschaeftigung', exitOn: '2026-11-30', jobStartOn: '2026-12-01', hoursPerWeek: '35', sector: 'Logistik', wageBand: '2000bis3000' });
    expect(exit.statusCode).toBe(303);
    const page = await c.get(coach, `${base}/${id}`);
    expect(page.body).toContain('Nachbetreuung');
    expect(page.body).toMatch(/Nachbetreuung möglich bis\s*<time datetime="2027-09-01">/);
    expect((await c.post(coach, `${base}/${id}/nachhaltigkeit`, { stillEmployed: 'ja' })).statusCode).toBe(303);
    expect((await tdb.first(coachingTeilnehmende, eq(coachingTeilnehmende.id, id)))).toMatchObject({ phase: 'beendet', stillEmployedAt6Months: true });
  });

  it('shows indicators without personal data and withholds small groups', async () => {
    const res = await c.get(coach, `${base}/kennzahlen?from=2026-01-01&to=2026-12-31`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('zu wenige Fälle');
    expect(res.body).not.toContain('Haddad');
    const csv = await c.get(coach, `${base}/kennzahlen.csv?from=2026-01-01&to=2026-12-31`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toMatch(/^kennzahl,wert\r\nzeitraum_von,2026-01-01\r\n/);
    expect(csv.body).toContain('integrationsquote_prozent,\r\n');
  });
});

describe('the team lead', () => {
  it('sees the caseload of the coaches of the team they lead, read only and without the restricted section', async () => {
    const admin = await loginAs(ctx, ['tenant_admin']);
    const lead = await loginAs(ctx, ['teamleitung']);
    const teamCoach = await loginAs(ctx, ['coach']);
    const outsider = await loginAs(ctx, ['coach']);
    const inTeam = await intake(teamCoach, { givenName: 'Marek', familyName: 'Nowak' });
    await intake(outsider, { givenName: 'Olena', familyName: 'Kovalenko' });

    expect((await c.get(lead, `${base}/team`)).body).toContain('Noch niemand im Fallbestand.');
    const created = await c.post(admin, '/t/neue-wege/staff/admin/teams', { name: 'Coaching Süd' });
    const teamUrl = created.headers.location as string;
    const teamId = /teams\/([0-9a-f-]{36})/.exec(teamUrl)![1]!;
    expect((await c.post(admin, `/t/neue-wege/staff/admin/teams/${teamId}/members`, { userId: lead.userId, isLead: 'on' })).statusCode).toBe(303);
    expect((await c.post(admin, `/t/neue-wege/staff/admin/teams/${teamId}/members`, { userId: teamCoach.userId })).statusCode).toBe(303);

    const team = await c.get(lead, `${base}/team`);
    expect(team.statusCode).toBe(200);
    expect(team.body).toContain('Nowak, Marek');
    expect(team.body).not.toContain('Kovalenko');
    expect(await audits('coaching.caseload.team')).not.toHaveLength(0);
    const dossier = await c.get(lead, `${base}/${inTeam}`);
    expect(dossier.statusCode).toBe(200);
    expect(dossier.body).not.toContain('Vertraulichen Bereich öffnen');
    expect(dossier.body).not.toContain('Eintrag hinzufügen');
    expect((await c.post(lead, `${base}/${inTeam}/potenzial`, { bereich: 'sozial', text: 'x' })).statusCode).toBe(403);
    // A coach cannot open the team view.
    expect((await c.get(teamCoach, `${base}/team`)).statusCode).toBe(403);
  });
});
