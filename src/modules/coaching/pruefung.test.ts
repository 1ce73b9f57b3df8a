// Exam preparation (Kammer date, sessions, anxiety self-rating over time) and Bildungsgutscheine, as coach and participant see them.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { coachingRechtsgrundlagen, coachingTeilnehmende } from './coaching.tables.js';
import { coachingBildungsgutscheine } from './pruefung.tables.js';

let ctx: TestContext;
let tdb: TenantDb;
let coach: LoggedIn;
const base = '/t/neue-wege/staff/coaching';

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
  tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
  coach = await loginAs(ctx, ['coach']);
});
afterAll(async () => ctx?.close());

const post = (url: string, payload: Record<string, string>, who = coach) => ctx.app.inject({ method: 'POST', url, cookies: who.cookies, payload: { _csrf: who.csrfToken, ...payload } });
const get = (url: string, who = coach) => ctx.app.inject({ url, cookies: who.cookies });

async function intake(): Promise<string> {
  const basis = (await tdb.first(coachingRechtsgrundlagen, eq(coachingRechtsgrundlagen.key, 'p16-45')))!;
  const res = await post(`${base}/aufnahme`, { givenName: 'Marek', familyName: 'Nowak', birthDate: '1985-01-30', email: '', languages: 'Polnisch muttersprache', rechtsgrundlageId: basis.id, startOn: '2026-03-01', coachId: coach.userId, consent: 'on' });
  return /([0-9a-f-]{36})$/.exec(res.headers.location as string)![1]!;
}

describe('exam preparation', () => {
  it('records the Kammer exam and sessions, moves the phase, and shows the anxiety ratings of coach and participant over time', async () => {
    const id = await intake();
    expect((await post(`${base}/${id}/pruefungen`, { examTitle: 'Abschlussprüfung Teil 2', kammer: 'IHK Darmstadt', examOn: '2027-01-20' })).statusCode).toBe(303);
    expect((await post(`${base}/${id}/sitzungen`, { topic: 'Übungsprüfung Lagerprozesse', sessionOn: '2026-11-25', materials: 'Prüfungsbuch Kapitel 3' })).statusCode).toBe(303);
    expect((await post(`${base}/${id}/angst`, { rating: '4', moment: 'vorher' })).statusCode).toBe(303);
    expect((await tdb.first(coachingTeilnehmende, eq(coachingTeilnehmende.id, id)))!.phase).toBe('pruefung');

    const bad = await post(`${base}/${id}/angst`, { rating: '9', moment: 'vorher' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-rating"');
    expect(bad.body).toContain('Bitte wählen Sie einen Wert von 1 bis 5.');
    const noDate = await post(`${base}/${id}/pruefungen`, { examTitle: 'X', kammer: 'IHK', examOn: '31.02.2027' });
    expect(noDate.statusCode).toBe(422);
    expect(noDate.body).toContain('href="#f-examOn"');

    const issued = await post(`${base}/${id}/link`, {});
    const token = /\/coaching\/mein-plan\/([A-Za-z0-9_-]{43})/.exec(issued.body)![1]!;
    const path = `/t/neue-wege/coaching/mein-plan/${token}`;
    const page = await ctx.app.inject({ url: path });
    expect(page.body).toContain('Abschlussprüfung Teil 2');
    expect(page.body).toContain('Übungsprüfung Lagerprozesse');
    expect(page.body).toContain('Prüfungsbuch Kapitel 3');
    expect((await ctx.app.inject({ method: 'POST', url: `${path}/angst`, payload: { rating: '', moment: 'nachher' } })).statusCode).toBe(422);
    const rated = await ctx.app.inject({ method: 'POST', url: `${path}/angst`, payload: { rating: '2', moment: 'nachher' } });
    expect(rated.statusCode).toBe(303);
    expect((await ctx.app.inject({ url: path })).body).toContain('4 (vor der Sitzung) → 2 (nach der Sitzung)');
    expect(await tdb.select(auditLog, eq(auditLog.action, 'coaching.link.angst'), eq(auditLog.objectId, id))).toHaveLength(1);

    const dossier = await get(`${base}/${id}`);
    expect(dossier.body).toContain('IHK Darmstadt');
    expect(dossier.body).toContain('4 – große Angst');
    expect(dossier.body).toContain('2 – etwas angespannt');
    expect(dossier.body).toContain('über den Link');
    // The district's figures from the press office's import, on the career perspective.
    expect(dossier.body).toMatch(/Arbeitsmarkt im Kreis Bergstraße: Arbeitslosenquote \d+,\d % im \p{L}+ \d{4}/u);
    // In English with English numbers; the newest demo month has no count of unemployed people, so none is named.
    const english = await ctx.app.inject({ url: `${base}/${id}`, cookies: coach.cookies, headers: { 'accept-language': 'en' } });
    expect(english.body).toMatch(/Labour market in Kreis Bergstraße: unemployment rate \d+\.\d % in \p{L}+ \d{4}; Südhessen: \d+\.\d %\./u);
    expect(english.body).not.toContain('– unemployed');

    // Another coach cannot write into this person's track.
    const other = await loginAs(ctx, ['coach']);
    expect((await post(`${base}/${id}/pruefungen`, { examTitle: 'X', kammer: 'IHK', examOn: '2027-01-20' }, other)).statusCode).toBe(404);
  });
});

describe('Bildungsgutschein', () => {
  it('tracks a voucher from request to redemption with provider, course and dates', async () => {
    const id = await intake();
    expect((await post(`${base}/${id}/gutscheine`, { ziel: 'Umschulung Fachkraft für Lagerlogistik', requestedOn: '2026-10-01' })).statusCode).toBe(303);
    const [g] = await tdb.select(coachingBildungsgutscheine, eq(coachingBildungsgutscheine.teilnehmendeId, id));
    expect((await get(`${base}/${id}`)).body).toContain('beantragt');

    const early = await post(`${base}/${id}/gutscheine/${g!.id}`, { [`redeemedOn-${g!.id}`]: '2026-11-01', [`courseStartOn-${g!.id}`]: '2026-12-01', [`courseEndOn-${g!.id}`]: '2026-11-01' });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain(`href="#f-issuedOn-${g!.id}"`);
    expect(early.body).toContain(`href="#f-courseEndOn-${g!.id}"`);

    const ok = await post(`${base}/${id}/gutscheine/${g!.id}`, {
      [`issuedOn-${g!.id}`]: '2026-10-15',
      [`validUntil-${g!.id}`]: '2027-01-15',
      [`provider-${g!.id}`]: 'Bildungswerk Bergstraße',
      [`course-${g!.id}`]: 'Umschulung FLL, Vollzeit',
      [`redeemedOn-${g!.id}`]: '2026-11-10',
      [`courseStartOn-${g!.id}`]: '2027-01-04',
      [`courseEndOn-${g!.id}`]: '2028-06-30',
    });
    expect(ok.statusCode).toBe(303);
    expect(await tdb.first(coachingBildungsgutscheine, eq(coachingBildungsgutscheine.id, g!.id))).toMatchObject({ provider: 'Bildungswerk Bergstraße', redeemedOn: '2026-11-10', courseEndOn: '2028-06-30' });
    const page = await get(`${base}/${id}`);
    expect(page.body).toContain('eingelöst');
    expect(page.body).toContain('Bildungswerk Bergstraße');
  });
});
