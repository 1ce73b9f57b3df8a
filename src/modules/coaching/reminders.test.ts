// Reminders (plan review, Kammer exam) and the participant's request for a new personal link.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { staffContacts } from '../staff/index.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { coachingLinks, coachingPlaene, coachingRechtsgrundlagen } from './coaching.tables.js';
import { linkRequestsPerAddress } from './participant.routes.js';
import { coachingPruefungen } from './pruefung.tables.js';
import { sendReminders } from './reminders.js';

let ctx: TestContext;
let tdb: TenantDb;
let coach: LoggedIn;
let coachEmail: string;
const base = '/t/neue-wege/staff/coaching';
const tenant = { slug: 'neue-wege', name: 'Neue Wege' };

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z', env: { RATE_LIMITS: 'on' } });
  tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
  coach = await loginAs(ctx, ['coach']);
  coachEmail = (await staffContacts(tdb, [coach.userId]))[0]!.email;
});
afterAll(async () => ctx?.close());

const post = (url: string, payload: Record<string, string>) => ctx.app.inject({ method: 'POST', url, cookies: coach.cookies, payload: { _csrf: coach.csrfToken, ...payload } });
const mailsTo = (to: string) => tdb.select(outboxMessages, eq(outboxMessages.to, to));

async function intake(email: string, mailLanguage = 'de'): Promise<string> {
  const basis = (await tdb.first(coachingRechtsgrundlagen, eq(coachingRechtsgrundlagen.key, 'p16-45')))!;
  const res = await post(`${base}/aufnahme`, {
    givenName: 'Tomasz',
    familyName: 'Wójcik',
    birthDate: '1990-03-03',
    email,
    languages: 'Polnisch muttersprache',
    mailLanguage,
    rechtsgrundlageId: basis.id,
    startOn: '2026-06-01',
    coachId: coach.userId,
    consent: 'on',
  });
  expect(res.statusCode).toBe(303);
  return /([0-9a-f-]{36})$/.exec(res.headers.location as string)![1]!;
}

describe('reminders', () => {
  it('reminds the coach of a plan review two weeks ahead, once, and only for the current version', async () => {
    const id = await intake('plan@example.org');
    expect((await post(`${base}/${id}/plan`, { ziele: 'Erste Fassung', reviewOn: '2026-12-07' })).statusCode).toBe(303);
    expect((await post(`${base}/${id}/plan`, { ziele: 'Zweite Fassung', reviewOn: '2026-12-05' })).statusCode).toBe(303);
    const before = (await mailsTo(coachEmail)).filter((m) => m.kind === 'coaching.review').length;
    expect(await sendReminders(ctx.deps, tdb, tenant)).toMatchObject({ reviews: 1 });
    const mails = (await mailsTo(coachEmail)).filter((m) => m.kind === 'coaching.review');
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)!.subject).toBe('Kooperationsplan überprüfen bis 05.12.2026');
    expect(mails.at(-1)!.text).toContain(`/t/neue-wege/staff/coaching/${id}`);
    expect(mails.at(-1)!.text).not.toContain('Wójcik');
    // Both versions are marked; a second run sends nothing.
    expect((await tdb.select(coachingPlaene, eq(coachingPlaene.teilnehmendeId, id))).every((p) => p.reviewRemindedAt)).toBe(true);
    expect(await sendReminders(ctx.deps, tdb, tenant)).toMatchObject({ reviews: 0 });
  });

  it('reminds coach and participant of a Kammer exam a week ahead, not earlier', async () => {
    const id = await intake('exam@example.org');
    await tdb.insert(coachingPruefungen, { teilnehmendeId: id, title: 'Abschlussprüfung Teil 2', kammer: 'IHK Darmstadt', examOn: '2026-12-01' });
    await tdb.insert(coachingPruefungen, { teilnehmendeId: id, title: 'Später', kammer: 'IHK Darmstadt', examOn: '2026-12-20' });
    await sendReminders(ctx.deps, tdb, tenant);
    const toParticipant = await mailsTo('exam@example.org');
    expect(toParticipant.map((m) => m.subject)).toEqual(['Ihre Prüfung am 01.12.2026']);
    expect(toParticipant[0]!.text).toContain('„Abschlussprüfung Teil 2“ (IHK Darmstadt)');
    expect((await mailsTo(coachEmail)).filter((m) => m.kind === 'coaching.exam').map((m) => m.subject)).toEqual(['Prüfung am 01.12.2026: Abschlussprüfung Teil 2']);
    await sendReminders(ctx.deps, tdb, tenant);
    expect(await mailsTo('exam@example.org')).toHaveLength(1);
  });

  it('writes to the participant in their language; the coach still gets German', async () => {
    const id = await intake('exam.en@example.org', 'en');
    await tdb.insert(coachingPruefungen, { teilnehmendeId: id, title: 'Final exam part 2', kammer: 'IHK Darmstadt', examOn: '2026-12-02' });
    await sendReminders(ctx.deps, tdb, tenant);
    const [mail] = await mailsTo('exam.en@example.org');
    expect(mail!.subject).toBe('Your exam on 2 Dec 2026');
    expect(mail!.text).toContain('Good luck!');
    expect((await mailsTo(coachEmail)).filter((m) => m.kind === 'coaching.exam').map((m) => m.subject)).toContain('Prüfung am 02.12.2026: Final exam part 2');
  });

  it('mails the personal link in the participant language, opening the page in it', async () => {
    const id = await intake('link.en@example.org', 'en');
    expect((await post(`${base}/${id}/link`, { mail: 'on' })).statusCode).toBe(200);
    const [mail] = await mailsTo('link.en@example.org');
    expect(mail!.subject).toBe(`${ctx.tenant.name}: your personal coaching plan`);
    const url = /https?:\/\/\S+/.exec(mail!.text)![0];
    expect(url).toMatch(/\/coaching\/mein-plan\/[A-Za-z0-9_-]+\?lang=en$/);
    const page = await ctx.app.inject({ url: new URL(url).pathname + new URL(url).search });
    expect(page.body).toContain('My coaching plan');
  });
});

describe('a new personal link on request', () => {
  const request = (email: string, ip = '198.51.100.7') => ctx.app.inject({ method: 'POST', url: '/t/neue-wege/coaching/mein-plan', payload: { email }, remoteAddress: ip });

  it('mails a new link to a known address and says the same for an unknown one', async () => {
    const id = await intake('Link.Person@example.org');
    const form = await ctx.app.inject({ url: '/t/neue-wege/coaching/mein-plan' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Neuen Link anfordern');

    const known = await request('link.person@example.org');
    const unknown = await request('niemand@example.org');
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    const sentence = 'Wenn wir diese Adresse kennen, ist ein neuer Link unterwegs.';
    expect(known.body).toContain(sentence);
    expect(unknown.body).toContain(sentence);
    expect(await mailsTo('niemand@example.org')).toHaveLength(0);

    const [mail] = await mailsTo('Link.Person@example.org');
    const path = /https?:\/\/[^/\s]+(\/t\/neue-wege\/coaching\/mein-plan\/[A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    const page = await ctx.app.inject({ url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Guten Tag, Tomasz Wójcik');
    expect(await tdb.select(auditLog, eq(auditLog.action, 'coaching.link.reissue'), eq(auditLog.objectId, id))).toHaveLength(1);

    // A second request within the cooldown changes nothing: the link just sent keeps working.
    expect((await request('link.person@example.org', '198.51.100.8')).statusCode).toBe(200);
    expect(await mailsTo('Link.Person@example.org')).toHaveLength(1);
    expect((await tdb.select(coachingLinks, eq(coachingLinks.teilnehmendeId, id))).filter((l) => !l.revokedAt)).toHaveLength(1);
    expect((await ctx.app.inject({ url: path })).statusCode).toBe(200);
  });

  it('names the field on a bad address and limits requests per address', async () => {
    const bad = await request('kein-at-zeichen', '198.51.100.20');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-email"');
    expect(bad.body).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein');
    for (let i = 0; i < linkRequestsPerAddress.max; i++) expect((await request('viel@example.org', `198.51.100.${30 + i}`)).statusCode).toBe(200);
    expect((await request('viel@example.org', '198.51.100.99')).statusCode).toBe(429);
  });

  it('an invalid link offers the request form right away', async () => {
    const page = await ctx.app.inject({ url: `/t/neue-wege/coaching/mein-plan/${'a'.repeat(43)}` });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Dieser Link ist nicht (mehr) gültig. Sie können hier einen neuen anfordern.');
    expect(page.body).toContain('action="/t/neue-wege/coaching/mein-plan"');
  });
});
